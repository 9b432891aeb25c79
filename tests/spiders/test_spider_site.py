"""The site-crawl spider on a saved front page, plus redirects, non-HTML pages, 304s and failures."""
from __future__ import annotations

import asyncio

import pytest
from scrapy import Request
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest, StopDownload
from scrapy.http import Headers
from twisted.python.failure import Failure

from spider_kit import HERALD, make_spider, respond, split

from spiders.site import SiteSpider

HTML = {"Content-Type": "text/html; charset=utf-8"}


def _page(spider, url=f"{HERALD}/", depth=0, **kwargs):
    request = spider.fetch(url, spider.parse, "start", conditional=False)
    return respond(request, nd_depth=depth, **kwargs)


def test_front_page_links_followed_within_origin(source):
    spider = make_spider(SiteSpider, source)
    spider.frontier.claim(f"{HERALD}/")  # the start URL itself was claimed when it was requested
    pages, requests = split(spider.parse(_page(spider, fixture="page.html", headers=HTML)))
    assert [(p.url, p.status, p.via) for p in pages] == [(f"{HERALD}/", 200, "start")]
    assert sorted(r.url for r in requests) == sorted([
        f"{HERALD}/section/politics",
        f"{HERALD}/tag/harbour",
        f"{HERALD}/news/2024/ferry-strike-ends",  # once, although linked twice (with a #fragment)
        f"{HERALD}/news/2024/fish-market-moves",
        f"{HERALD}/page/2",
        f"{HERALD}/files/annual-report.pdf",  # documents and images are requested, to be recorded
        f"{HERALD}/img/harbour.jpg",  # as non-HTML (their download stops at the headers)
    ])  # not: the stylesheet <link>, http://, another port, another domain, mailto:, javascript:
    assert {r.meta["nd_via"] for r in requests} == {"crawl"}


def test_no_links_followed_at_the_depth_limit(source):
    spider = make_spider(SiteSpider, source)  # depth_limit 2 in the source
    pages, requests = split(spider.parse(_page(spider, depth=2, fixture="page.html", headers=HTML)))
    assert len(pages) == 1 and requests == []


async def _start_requests(spider):
    return [request async for request in spider.start()]


def test_pages_fetched_by_the_sitemap_spider_are_walked_not_fetched_again(source):
    from spiders.sitemap import SitemapSpider

    sitemap = make_spider(SitemapSpider, source)
    home = sitemap.fetch(f"{HERALD}/", sitemap.parse_page, "sitemap")
    sitemap.frontier.claim(f"{HERALD}/")
    split(sitemap.parse_page(respond(home, fixture="page.html", headers=HTML)))
    assert f"{HERALD}/page/2" in sitemap.frontier.links[f"{HERALD}/"]  # kept for the site crawl
    sitemap.frontier.claim(f"{HERALD}/page/2")  # say the sitemap listed that one too (links unknown)

    spider = SiteSpider(source=sitemap.source, frontier=sitemap.frontier)
    requests = asyncio.run(_start_requests(spider))
    assert f"{HERALD}/" not in [r.url for r in requests]
    assert f"{HERALD}/news/2024/ferry-strike-ends" in [r.url for r in requests]
    assert f"{HERALD}/page/2" not in [r.url for r in requests]
    assert {r.meta["nd_depth"] for r in requests} == {1}
    assert {r.meta["nd_via"] for r in requests} == {"crawl"}


def test_only_article_urls_are_requested_conditionally(source):
    known = {"etag": '"v1"', "last_modified": "Mon, 04 Mar 2024 09:00:00 GMT"}
    article, listing = f"{HERALD}/news/2024/ferry-strike-ends", f"{HERALD}/section/politics"
    spider = make_spider(SiteSpider, source, {"pages": {article: known, listing: known}})
    _, requests = split(spider.parse(_page(spider, fixture="page.html", headers=HTML)))
    by_url = {r.url: r for r in requests}
    assert by_url[article].headers[b"If-None-Match"] == b'"v1"'
    assert b"If-None-Match" not in by_url[listing].headers  # listings are fetched whole, for their links

    source["article_pattern"] = None  # without a pattern, every known page is requested conditionally
    spider = make_spider(SiteSpider, source, {"pages": {listing: known}})
    _, requests = split(spider.parse(_page(spider, fixture="page.html", headers=HTML)))
    assert {r.url: r for r in requests}[listing].headers[b"If-Modified-Since"] == known["last_modified"].encode()


def test_redirect_is_recorded_and_its_target_requested_once(source):
    spider = make_spider(SiteSpider, source)
    response = _page(spider, f"{HERALD}/old", status=301, headers={"Location": "/news/2024/new"})
    pages, requests = split(spider.parse(response))
    assert [(p.url, p.status, p.location, p.body) for p in pages] == [
        (f"{HERALD}/old", 301, f"{HERALD}/news/2024/new", None)]
    assert [(r.url, r.callback) for r in requests] == [(f"{HERALD}/news/2024/new", spider.parse)]
    again = _page(spider, f"{HERALD}/old-2", status=302, headers={"Location": f"{HERALD}/news/2024/new"})
    assert split(spider.parse(again))[1] == []  # the target was already requested in this crawl


def test_redirect_to_a_known_article_is_requested_conditionally(source):
    target = f"{HERALD}/news/2024/new"
    spider = make_spider(SiteSpider, source, {"pages": {target: {"etag": '"v2"'}}})
    response = _page(spider, f"{HERALD}/old", status=301, headers={"Location": target})
    _, (request,) = split(spider.parse(response))
    assert request.headers[b"If-None-Match"] == b'"v2"'  # the redirecting URL is no article; its target is


def test_redirect_out_of_scope_is_recorded_but_not_followed(source):
    spider = make_spider(SiteSpider, source)
    response = _page(spider, f"{HERALD}/away", status=302, headers={"Location": "https://other.example.net/"})
    pages, requests = split(spider.parse(response))
    assert pages[0].location == "https://other.example.net/" and requests == []


def test_non_html_page_keeps_its_type_but_not_its_body(source):
    spider = make_spider(SiteSpider, source)
    request = spider.fetch(f"{HERALD}/files/report.pdf", spider.parse, "crawl")
    response = respond(request, b"%PDF-1.4", headers={"Content-Type": "application/pdf"}, nd_depth=1)
    (page,), requests = split(spider.parse(response))
    assert (page.status, page.content_type, page.body, page.error) == (
        200, "application/pdf", None, "non-html content: application/pdf")
    assert requests == []


def test_body_download_stops_at_the_headers_of_a_non_html_page(source):
    spider = make_spider(SiteSpider, source)
    page = spider.fetch(f"{HERALD}/files/report.pdf", spider.parse, "crawl")
    with pytest.raises(StopDownload):
        spider.stop_non_html(headers=Headers({"Content-Type": "application/pdf"}), request=page)
    spider.stop_non_html(headers=Headers({"Content-Type": "text/html"}), request=page)
    feed = spider.fetch(f"{HERALD}/feed.xml", spider.parse, "feed", kind="feed")
    spider.stop_non_html(headers=Headers({"Content-Type": "application/rss+xml"}), request=feed)


def test_not_modified_is_recorded_without_a_body(source):
    spider = make_spider(SiteSpider, source)
    response = _page(spider, f"{HERALD}/news/2024/ferry-strike-ends", status=304, headers={"ETag": '"v1"'}, depth=1)
    (page,), requests = split(spider.parse(response))
    assert (page.status, page.body, page.etag, page.error) == (304, None, '"v1"', None)
    assert requests == []


def test_error_pages_keep_status_and_body(source):
    spider = make_spider(SiteSpider, source)
    response = _page(spider, f"{HERALD}/gone", status=404, body=b"<html>not here</html>", headers=HTML, depth=1)
    (page,), _ = split(spider.parse(response))
    assert (page.status, page.body, page.error) == (404, b"<html>not here</html>", None)


def _failure(exc: Exception, request: Request) -> Failure:
    failure = Failure(exc)
    failure.request = request
    return failure


def test_failures_become_records(source):
    spider = make_spider(SiteSpider, source)
    blocked = spider.fetch(f"{HERALD}/private/x", spider.parse, "crawl")
    (page,) = split(spider.on_error(_failure(IgnoreRequest("Forbidden by robots.txt"), blocked)))[0]
    assert (page.url, page.status, page.error, page.via) == (
        f"{HERALD}/private/x", None, "disallowed by robots.txt", "crawl")
    slow = spider.fetch(f"{HERALD}/slow", spider.parse, "crawl")
    slow.meta["download_timeout"] = 20.0
    (page,) = split(spider.on_error(_failure(DownloadTimeoutError("took too long"), slow)))[0]
    assert (page.status, page.error) == (None, "timeout after 20s")


def test_a_start_url_redirected_for_another_spider_is_walked_through_the_hop(source):
    from spiders.sitemap import SitemapSpider

    sitemap = make_spider(SitemapSpider, source)
    sitemap.frontier.claim(f"{HERALD}/")
    hop = sitemap.fetch(f"{HERALD}/", sitemap.parse_page, "sitemap")
    _, (follow,) = split(sitemap.parse_page(respond(hop, status=301, headers={"Location": "/home"})))
    split(sitemap.parse_page(respond(follow, fixture="page.html", headers=HTML)))

    spider = SiteSpider(source=sitemap.source, frontier=sitemap.frontier)
    urls = [r.url for r in asyncio.run(_start_requests(spider))]
    assert f"{HERALD}/news/2024/ferry-strike-ends" in urls


@pytest.mark.parametrize("location, reason", [
    ("http://[::1", "malformed URL: Invalid IPv6 URL"),
    ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
    ("https://169.254.169.254\\@herald.example.com/", "ambiguous URL: backslash in the host part"),
    (f"{HERALD}:99999/", "malformed URL: Port out of range 0-65535"),
])
def test_redirect_to_a_refused_url_is_recorded_with_the_reason_and_not_followed(source, location, reason):
    spider = make_spider(SiteSpider, source)
    response = _page(spider, f"{HERALD}/hop", status=302, headers={"Location": location})
    (page,), requests = split(spider.parse(response))
    assert (page.status, page.location, page.error) == (302, location, f"redirect not followed: refused: {reason}")
    assert requests == []


def test_links_newsdesk_refuses_are_recorded_once_and_the_others_followed(source):
    spider = make_spider(SiteSpider, source)
    long_link = f"{HERALD}/news/{'y' * 2100}"
    body = (f'<a href="{long_link}">long</a> <a href="{long_link}#again">again</a> <a href="/news/ok">ok</a>'
            f'<a href="http://169.254.169.254/latest/">metadata</a>').encode()
    pages, requests = split(spider.parse(_page(spider, body=body, headers=HTML)))
    assert [r.url for r in requests] == [f"{HERALD}/news/ok"]
    assert [(p.url, p.error) for p in pages[1:]] == [
        (long_link, f"refused: URL longer than 2083 characters ({len(long_link)})"),
        ("http://169.254.169.254/latest/", "refused: link-local address 169.254.169.254")]
    # (Scrapy's link extractor itself skips hrefs it cannot parse, such as a port over 65535.)
