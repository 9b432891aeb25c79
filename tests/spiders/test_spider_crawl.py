"""Real crawls: `python -m spiders.crawl` against a local HTTP server, then again with crawl state."""
from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import site_server
from spiders.crawl import CrawlError, CrawlInputError, run_crawl
from spiders.settings import source_settings
from spiders.source import Source
from transforms.models import RawPage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> site_server.SiteServer:
    root = tmp_path_factory.mktemp("gazette") / "site"
    site_server.build_site(root)
    srv = site_server.start(root)
    yield srv
    srv.shutdown()


def gazette(base: str) -> dict[str, Any]:
    return {
        "name": "gazette", "feeds": [f"{base}/feed.xml"], "sitemaps": [f"{base}/sitemap.xml"],
        "start_urls": [f"{base}/"], "allowed_domains": ["127.0.0.1"], "article_pattern": r"^/news/",
        "allow_private": True,  # the test server is on 127.0.0.1
        # small AutoThrottle start delay for localhost; timeout and size cap small enough to trip
        "politeness": {"download_delay": 0.01, "timeout": 1.0, "retry_times": 1, "max_bytes": 10_000,
                       "depth_limit": 2, "concurrency_per_domain": 4},
    }


def read_pages(path: Path) -> dict[str, RawPage]:
    pages = [RawPage.from_json(json.loads(line)) for line in path.read_text().splitlines()]
    repeated = [url for url, n in Counter(p.url for p in pages).items() if n > 1]
    assert not repeated, f"recorded more than once: {repeated}"
    return {p.url: p for p in pages}


@pytest.fixture(scope="module")
def first_crawl(server, tmp_path_factory) -> tuple[dict[str, RawPage], dict[str, Any], list[str]]:
    tmp = tmp_path_factory.mktemp("crawl1")
    (tmp / "source.json").write_text(json.dumps(gazette(server.base)))
    proc = subprocess.run([sys.executable, "-m", "spiders.crawl", "--source", str(tmp / "source.json"),
                           "--out", str(tmp / "pages.jsonl")], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr[-3000:]
    summary = json.loads(proc.stderr.strip().splitlines()[-1])
    requested = list(server.paths())
    server.requests.clear()
    return read_pages(tmp / "pages.jsonl"), summary, requested


def test_every_fetch_is_one_record_with_its_status_or_reason(server, first_crawl):
    pages, _, _ = first_crawl
    b = server.base
    seen = {url.removeprefix(b): (p.status, p.via, p.error) for url, p in pages.items()}
    assert seen == {
        "/sitemap.xml": (200, "sitemap", None),
        "/news/story-1.html": (200, "sitemap", None),
        "/news/story-2.html": (200, "sitemap", None),
        "/news/story-4.html": (200, "sitemap", None),
        "/feed.xml": (200, "feed", None),
        "/news/story-5.html": (200, "feed", None),
        "/": (200, "start", None),
        "/about.html": (200, "crawl", None),
        "/list-2.html": (200, "crawl", None),
        "/list-3.html": (200, "crawl", None),  # at the depth limit: fetched, its links not followed
        "/old-story.html": (301, "crawl", None),
        "/news/story-3.html": (200, "crawl", None),
        "/missing.html": (404, "crawl", None),
        "/flaky.html": (503, "crawl", None),
        "/files/report.pdf": (200, "crawl", "non-html content: application/pdf"),
        "/big.html": (None, "crawl", "body over size cap (10000 bytes)"),
        "/slow.html": (None, "crawl", "timeout after 1s"),
        "/private/secret.html": (None, "crawl", "disallowed by robots.txt"),
        "/images/photo.jpg": (404, "crawl", None),  # linked but not there: a plain 404
    }
    assert pages[f"{b}/old-story.html"].location == f"{b}/news/story-3.html"
    assert pages[f"{b}/news/story-3.html"].final_url == f"{b}/news/story-3.html"
    assert pages[f"{b}/news/story-4.html"].sitemap_lastmod == "2024-03-04"
    assert pages[f"{b}/files/report.pdf"].body is None
    assert pages[f"{b}/missing.html"].body
    assert b"Story 1" in pages[f"{b}/news/story-1.html"].body
    assert pages[f"{b}/news/story-1.html"].last_modified


def test_server_saw_each_url_once_and_never_the_disallowed_one(first_crawl):
    _, _, requested = first_crawl
    counts = Counter(requested)
    assert counts["/robots.txt"] == 1  # shared by the three spiders
    assert not [p for p in requested if p.startswith("/private/")]
    assert counts["/flaky.html"] == 2 and counts["/slow.html"] == 2  # retry_times 1: retried, recorded once
    assert {p for p, n in counts.items() if n > 1} == {"/flaky.html", "/slow.html"}
    assert "/news/deep-story.html" not in counts


def test_summary_line_counts_the_crawl(first_crawl):
    _, summary, _ = first_crawl
    assert summary["source"] == "gazette"
    assert summary["requested"] == 18 and summary["disallowed"] == 1
    assert summary["errors"] == 7  # two 404s, 503, pdf, size cap, timeout, robots.txt
    assert summary["skipped_unchanged"] == 0


def test_second_crawl_with_state_sends_validators_and_skips_unchanged(server, first_crawl, tmp_path):
    pages, _, _ = first_crawl
    b = server.base
    state = {
        "pages": {url: {"etag": p.etag, "last_modified": p.last_modified, "sitemap_lastmod": p.sitemap_lastmod}
                  for url, p in pages.items() if p.status == 200},
        "loaded": [f"{b}/news/story-5.html"],
    }
    out = tmp_path / "pages.jsonl"
    run_crawl(gazette(b), out, state)
    again = read_pages(out)
    requested = server.paths()
    # unchanged sitemap entries and loaded feed items are not requested at all
    for path in ("/news/story-1.html", "/news/story-2.html", "/news/story-4.html", "/news/story-5.html"):
        assert path not in requested and f"{b}{path}" not in again
    # a known article found by the crawl is asked for conditionally and answers 304
    story3 = again[f"{b}/news/story-3.html"]
    assert (story3.status, story3.body) == (304, None)
    headers = dict(server.requests)["/news/story-3.html"]
    assert headers["If-None-Match"] == pages[f"{b}/news/story-3.html"].etag
    assert headers["If-Modified-Since"] == pages[f"{b}/news/story-3.html"].last_modified
    # discovery documents and listing pages are fetched whole
    assert {again[f"{b}{p}"].status for p in ("/", "/feed.xml", "/sitemap.xml", "/about.html")} == {200}
    assert "If-Modified-Since" not in dict(server.requests)["/"]


def test_run_crawl_raises_with_the_reason_when_the_crawl_cannot_start(tmp_path):
    with pytest.raises(CrawlInputError, match="politeness.delay: Extra inputs are not permitted"):
        run_crawl({"name": "bad", "start_urls": ["http://127.0.0.1:9/"], "allow_private": True,
                   "politeness": {"delay": 1}}, tmp_path / "pages.jsonl")
    with pytest.raises(CrawlInputError, match="refused: link-local address 169.254.169.254"):
        run_crawl({"name": "bad", "start_urls": ["http://169.254.169.254/"]}, tmp_path / "pages.jsonl")
    assert issubclass(CrawlInputError, CrawlError)
    assert not (tmp_path / "pages.jsonl").exists()


def test_the_crawl_process_refuses_a_bad_source_file_with_status_2(tmp_path):
    (tmp_path / "source.json").write_text(json.dumps({"name": "bad", "feeds": ["http://h/f"], "politeness": {
        "obey_robots": "maybe"}}))
    proc = subprocess.run([sys.executable, "-m", "spiders.crawl", "--source", str(tmp_path / "source.json"),
                           "--out", str(tmp_path / "pages.jsonl")], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].startswith("spiders.crawl: cannot use the input: politeness.obey_robots")


def test_politeness_values_are_checked_defaulted_and_mapped_onto_scrapy_settings():
    source = Source.model_validate({"name": "s", "feeds": ["http://h/f"],
                                    "politeness": {"timeout": 5, "download_delay": 0.5, "max_pages": None}})
    polite = source.politeness
    assert (polite.timeout, polite.download_delay, polite.max_pages, polite.obey_robots) == (5, 0.5, 1000, True)
    mapped = source_settings(source)
    assert (mapped["DOWNLOAD_TIMEOUT"], mapped["DOWNLOAD_DELAY"], mapped["AUTOTHROTTLE_START_DELAY"]) == (5, 0.5, 0.5)
    assert mapped["ALLOW_PRIVATE_ADDRESSES"] is False
    for bad, key in (({"obey_robots": "no"}, "politeness.obey_robots"), ({"max_bytes": "5MB"}, "politeness.max_bytes")):
        with pytest.raises(ValueError, match=key):
            Source.model_validate({"name": "s", "feeds": ["http://h/f"], "politeness": bad})


def test_a_killed_crawl_leaves_only_complete_lines(server, tmp_path):
    (tmp_path / "source.json").write_text(json.dumps(gazette(server.base)))
    out = tmp_path / "pages.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "spiders.crawl", "--source", str(tmp_path / "source.json"),
                             "--out", str(out)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 8):
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    lines = out.read_text().splitlines()
    assert len(lines) >= 8
    assert all(RawPage.from_json(json.loads(line)).url.startswith(server.base) for line in lines)


def test_a_record_longer_than_any_buffer_is_appended_in_one_write(tmp_path, monkeypatch):
    """A kill between two writes of one line would tear it: each record goes down in a single write()."""
    import os
    from types import SimpleNamespace

    from spiders import pipelines

    calls = []
    real_write = os.write
    monkeypatch.setattr(pipelines.os, "write", lambda fd, data: calls.append(len(data)) or real_write(fd, data))
    counted = []
    crawler = SimpleNamespace(settings={"PAGES_OUT": str(tmp_path / "pages.jsonl")},
                              spider=SimpleNamespace(frontier=SimpleNamespace(count=counted.append)))
    writer = pipelines.RawPageWriter(crawler)
    writer.open_spider()
    page = RawPage(url="http://127.0.0.1/a.html", source="s", fetched_at="2026-12-08T00:00:00+00:00", status=200,
                   body=b"<p>" + b"x" * 200_000 + b"</p>")
    writer.process_item(page)
    writer.close_spider()
    lines = (tmp_path / "pages.jsonl").read_text().splitlines()
    assert len(calls) == 1 and len(lines) == 1 and RawPage.from_json(json.loads(lines[0])).body == page.body
