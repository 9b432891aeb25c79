"""The crawl's shared frontier (once per URL, scope, budget) and the failure reasons of records."""
from __future__ import annotations

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    IgnoreRequest,
)
from twisted.python.failure import Failure

from spider_kit import HERALD

from spiders.frontier import Frontier as _Frontier
from spiders.pages import failure_reason, page_links
from spiders.resolver import AddressRefused
from spiders.source import Source

LOCAL = {"name": "local", "start_urls": ["http://127.0.0.1:8001/"], "sitemaps": ["http://127.0.0.1:8001/sitemap.xml"],
         "allow_private": True}


def Frontier(source: dict, **kwargs) -> _Frontier:  # noqa: N802 - reads like the class it builds
    return _Frontier(Source.model_validate(source), **kwargs)


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
    assert _reason(AddressRefused("link-local address 169.254.169.254")) == "refused: link-local address 169.254.169.254"


def test_tracking_parameters_and_fragments_are_dropped_from_discovered_links():
    body = b"""<a href="/x/?utm_source=feed&utm_medium=rss#top">x</a> <a href="/a?id=3&fbclid=abc">a</a>
               <a href="/s?q=a+b&page=2">s</a> <a href="/x/">again</a>"""
    response = HtmlResponse("http://h/", body=body, encoding="utf-8")
    # transforms.urls.canonical_url: the one canonical form (query sorted, tracking and fragment dropped)
    assert page_links(response) == ["http://h/x/", "http://h/a?id=3", "http://h/s?page=2&q=a+b"]


def test_refused_urls_are_named_before_the_scope_is_considered():
    frontier = Frontier({"name": "h", "start_urls": [f"{HERALD}/"]})
    assert "backslash" in frontier.refusal("https://169.254.169.254\\@herald.example.com/x")
    assert not frontier.in_scope("https://169.254.169.254\\@herald.example.com/x")
    assert "Port out of range" in frontier.refusal(f"{HERALD}:99999/x")
    assert not frontier.in_scope(f"{HERALD}:99999/x")  # no ValueError: the caller records the refusal
    assert "longer than 2083" in frontier.refusal(f"{HERALD}/" + "a" * 2100)
    assert "link-local" in frontier.refusal("http://169.254.169.254/latest/meta-data/")
    assert "loopback address 127.0.0.1" in frontier.refusal("http://2130706433/")
    assert frontier.refusal(f"{HERALD}/news/1") is None
    assert frontier.refusal("http://127.0.0.1:8001/") is not None
    assert Frontier(LOCAL).refusal("http://127.0.0.1:8001/") is None  # allow_private
    assert Frontier(LOCAL).refusal("http://169.254.169.254/") is not None  # never link-local


def test_idn_hosts_compare_in_their_ascii_form():
    frontier = Frontier({"name": "h", "start_urls": ["https://bücher.example/"]})
    assert frontier.in_scope("https://xn--bcher-kva.example/a")
    assert frontier.in_scope("https://BÜCHER.example/a")
    assert not frontier.in_scope("https://bucher.example/a")


def test_refused_urls_are_recorded_once_without_spending_the_budget():
    frontier = Frontier({"name": "h", "start_urls": [f"{HERALD}/"]}, max_pages=1)
    assert frontier.first_refusal(f"{HERALD}:99999/x")
    assert not frontier.first_refusal(f"{HERALD}:99999/x")
    assert frontier.claim(f"{HERALD}/ok")  # the budget of one is still there
