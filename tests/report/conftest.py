"""Fixtures for the report tests: the small warehouse of report_kit (and an empty one), and a headless
Chromium driven by playwright that records every request and console error of the page it opens."""
from __future__ import annotations

from pathlib import Path

import pytest
from report_kit import add_articles, add_events, add_runs

from warehouse import migrate, transaction, writer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
@pytest.fixture
def empty_warehouse(db_path: Path) -> Path:
    with writer(db_path) as con:
        migrate(con)
    return db_path


@pytest.fixture
def warehouse(empty_warehouse: Path) -> Path:
    """Articles first seen on 2015-03-02 (a3) and 2015-03-29 (a1, a2), as if run-1 and run-2 made them."""
    with writer(empty_warehouse) as con, transaction(con):
        add_articles(con, "run-2")
        con.execute("update articles set first_seen_at = published_at")
        add_events(con)
        add_runs(con)
    return empty_warehouse


class Page:
    """A page opened in Chromium, with what it asked the network for and what it logged as errors."""

    def __init__(self, page, requests: list[str], errors: list[str]):
        self.page, self.requests, self.errors = page, requests, errors


@pytest.fixture(scope="module")  # not session: Playwright's sync API keeps an asyncio loop running
def browser(tmp_path_factory):     # in this thread while it is open, and Scrapy tests after it need none
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium) for the browser tests")
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(str(profile), executable_path=str(CHROMIUM),
                                                        args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 900})
        yield context
        context.close()


@pytest.fixture
def open_page(browser):
    """open_page(path) -> Page: every request other than the file itself is recorded and aborted."""
    pages = []

    def _open(path: Path) -> Page:
        page = browser.new_page()
        pages.append(page)
        requests: list[str] = []
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.route("**/*", lambda route: _guard(route, path, requests))
        page.goto(path.as_uri(), wait_until="load")
        return Page(page, requests, errors)

    yield _open
    for page in pages:
        page.close()


def _guard(route, path: Path, requests: list[str]) -> None:
    if route.request.url == path.as_uri():
        route.continue_()
        return
    requests.append(route.request.url)
    route.abort()

