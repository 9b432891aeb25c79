"""The crawl's shared frontier (once per URL, scope, budget) and the failure reasons of records."""
from __future__ import annotations

from scrapy import Request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    IgnoreRequest,
)
from twisted.python.failure import Failure

from spider_kit import HERALD

from spiders.frontier import Frontier, strip_tracking
from spiders.pages import failure_reason

LOCAL = {"name": "local", "start_urls": ["http://127.0.0.1:8001/"], "sitemaps": ["http://127.0.0.1:8001/sitemap.xml"]}


def test_a_url_is_claimed_once_whatever_its_fragment_or_query_order():
    frontier = Frontier({"name": "h", "start_urls": [f"{HERALD}/"]})
    assert frontier.claim(f"{HERALD}/a?x=1&y=2")
    assert not frontier.claim(f"{HERALD}/a?y=2&x=1#top")
    assert frontier.claim(f"{HERALD}/b")


def test_page_budget_is_shared_and_counted():
    frontier = Frontier({"name": "h", "start_urls": [f"{HERALD}/"]}, max_pages=2)
    assert [frontier.claim(f"{HERALD}/{i}") for i in range(4)] == [True, True, False, False]
    assert frontier.counts["skipped_budget"] == 2


def test_scope_is_the_allowed_domains_and_the_configured_origins():
    frontier = Frontier(LOCAL)  # no allowed_domains: the configured hosts
    assert frontier.in_scope("http://127.0.0.1:8001/news/1")
    assert not frontier.in_scope("http://127.0.0.1:8002/news/1")  # another site on the same host
    assert not frontier.in_scope("https://127.0.0.1:8001/news/1")
    assert not frontier.in_scope("mailto:desk@127.0.0.1")
    herald = Frontier({"name": "h", "start_urls": [f"{HERALD}/"], "allowed_domains": ["example.com"]})
    assert herald.in_scope(f"{HERALD}:443/x")  # the default port is the same origin
    assert not herald.in_scope("https://www.example.com/x")  # allowed domain, but not a configured origin


def test_article_pattern_applies_to_path_and_query():
    frontier = Frontier({**LOCAL, "article_pattern": r"^/news/|[?&]story="})
    assert frontier.is_article("http://127.0.0.1:8001/news/1")
    assert frontier.is_article("http://127.0.0.1:8001/index.php?story=9")
    assert not frontier.is_article("http://127.0.0.1:8001/tag/news/")
    assert not Frontier(LOCAL).is_article("http://127.0.0.1:8001/news/1")


def _reason(exc: Exception, **meta) -> str:
    failure = Failure(exc)
    failure.request = Request("http://nowhere.invalid/x", meta=meta)
    return failure_reason(failure, max_bytes=10_000)


def test_failure_reasons_are_short_and_readable():
    assert _reason(IgnoreRequest("Forbidden by robots.txt")) == "disallowed by robots.txt"
    assert _reason(DownloadCancelledError("Expected to receive 20000 bytes which is larger than download max size")) \
        == "body over size cap (10000 bytes)"
    assert _reason(DownloadConnectionRefusedError("111")) == "connection refused"
    assert _reason(CannotResolveHostError("nowhere.invalid")) == "dns lookup failed: nowhere.invalid"
    assert _reason(ValueError("odd")) == "ValueError: odd"


def test_tracking_parameters_and_fragments_are_dropped_from_discovered_links():
    assert strip_tracking("http://h/x/?utm_source=feed&utm_medium=rss#top") == "http://h/x/"
    assert strip_tracking("http://h/a?id=3&fbclid=abc") == "http://h/a?id=3"
    assert strip_tracking("http://h/s?q=a+b&page=2") == "http://h/s?q=a+b&page=2"  # untouched, not re-encoded
