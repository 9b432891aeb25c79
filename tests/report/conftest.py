"""A small warehouse for report tests (two sources, three events, one hostile title), and a headless
Chromium driven by playwright that records every request and console error of the page it opens."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from warehouse import migrate, transaction, writer
from warehouse.articles import upsert_articles

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE_TITLE = "</script><script>window.pwned = 1</script><b>Idlib</b> falls"
IDLIB = (35.93, 36.63)

ARTICLES = [  # article_id, source, title, published, text, block keys before clutter filtering
    ("a1", "alpha", HOSTILE_TITLE, "2015-03-29T10:00:00+00:00", "One.\n\nTwo.", ["k1", "k2", "k3", "k4"]),
    ("a2", "beta", "Talks in Geneva", "2015-03-10T09:00:00+00:00", "Talks.", ["k5"]),
    ("a3", "alpha", "Protest in Cairo", "2015-03-02T08:00:00+00:00", "Crowds.", ["k6", "k7"]),
]
EVENTS = [  # event_id, type, actor, recipient, location, lat, lon, date, mention count, article ids
    ("e1", "ASSAULT", "Jabhat al-Nusra", "Syrian government", "Idlib", *IDLIB, "2015-03-28", 2, ["a1", "a2"]),
    ("e2", "AGREE", "Iran", "United States", "Geneva", 46.2, 6.15, "2015-03-10", 1, ["a2"]),
    ("e3", "PROTEST", "<i>students</i>", None, "Cairo", 30.06, 31.25, "2015-03-01", 1, ["a3"]),
]
RUNS = [("run-1", "2015-03-02 08:00:00+00", ["alpha: only 10% of cleaned pages were articles"]),
        ("run-2", "2015-03-29 10:00:00+00", ["beta: 60% of this run's articles have no publication date"])]


def _articles(con, run_id: str) -> None:
    upsert_articles(con, [{"article_id": aid, "canonical_url": f"http://127.0.0.1/{aid}", "url": f"http://127.0.0.1/{aid}",
                           "source": source, "title": title, "published": published, "text": text,
                           "word_count": 2, "block_keys": keys, "run_id": run_id}
                          for aid, source, title, published, text, keys in ARTICLES], run_id)


def _events(con) -> None:
    for eid, kind, actor, recipient, place, lat, lon, day, count, article_ids in EVENTS:
        con.execute("insert into events (event_id, type, action, actor, actor_head, recipient, recipient_head, "
                    "location_name, lat, lon, date, date_precision, mention_count, first_article_id) "
                    "values (?, ?, 'acts', ?, ?, ?, ?, ?, ?, ?, ?, 'day', ?, ?)",
                    [eid, kind, actor, actor, recipient, recipient, place, lat, lon, day, count, article_ids[0]])
        for aid in article_ids:
            con.execute('insert into event_mentions (mention_id, event_id, article_id, type, sentence, "start", "end") '
                        "values (?, ?, ?, ?, ?, 0, 10)", [f"{eid}-{aid}", eid, aid, kind, f"Evidence of {eid} in {aid}."])
        con.execute("update articles set main_event_id = ? where article_id = ?", [eid, article_ids[0]])


def _runs(con) -> None:
    for run_id, started, warnings in RUNS:
        con.execute("insert into runs (run_id, status, started_at, finished_at, summary) values (?, 'finished', ?, ?, ?)",
                    [run_id, started, started, json.dumps({"warnings": warnings})])
        for source, fetched in (("alpha", 5), ("beta", 3)):
            con.execute("insert into run_sources (run_id, source, pages_fetched, pages_failed, articles_seen, "
                        "articles_new, errors) values (?, ?, ?, 1, 2, 1, '[]')", [run_id, source, fetched])


@pytest.fixture
def empty_warehouse(db_path: Path) -> Path:
    with writer(db_path) as con:
        migrate(con)
    return db_path


@pytest.fixture
def warehouse(empty_warehouse: Path) -> Path:
    """Articles first seen on 2015-03-02 (a3) and 2015-03-29 (a1, a2), as if run-1 and run-2 made them."""
    with writer(empty_warehouse) as con, transaction(con):
        _articles(con, "run-2")
        con.execute("update articles set first_seen_at = published_at")
        _events(con)
        _runs(con)
    return empty_warehouse


class Page:
    """A page opened in Chromium, with what it asked the network for and what it logged as errors."""

    def __init__(self, page, requests: list[str], errors: list[str]):
        self.page, self.requests, self.errors = page, requests, errors


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
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


def generated() -> datetime:
    return datetime(2015, 3, 30, tzinfo=timezone.utc)
