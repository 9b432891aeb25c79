"""The sitemap spider on a saved sitemap index, news sitemap and malformed sitemap."""
from __future__ import annotations

import gzip

from spider_kit import FIXTURES, HERALD, make_spider, respond, split

from spiders.sitemap import SitemapSpider, parse_sitemap

SITEMAP = f"{HERALD}/sitemap.xml"


def _response(spider, fixture=None, body=b"", nesting=0, status=200):
    request = spider.fetch(SITEMAP, spider.parse_sitemap, "sitemap", kind="sitemap", conditional=False,
                           nd_nesting=nesting)
    return respond(request, body, status=status, headers={"Content-Type": "application/xml"}, fixture=fixture)


def test_index_requests_child_sitemaps_in_scope(source):
    spider = make_spider(SitemapSpider, source)
    pages, requests = split(spider.parse_sitemap(_response(spider, "sitemap_index.xml")))
    assert [(p.url, p.via, p.status, p.error) for p in pages] == [(SITEMAP, "sitemap", 200, None)]
    assert [r.url for r in requests] == [f"{HERALD}/sitemap-news.xml", f"{HERALD}/sitemap-2023.xml"]
    assert all(r.callback == spider.parse_sitemap and r.meta["nd_nesting"] == 1 for r in requests)
    assert all(r.meta["nd_kind"] == "sitemap" for r in requests)


def test_index_nested_too_deep_is_not_followed(source):
    spider = make_spider(SitemapSpider, source, SITEMAP_MAX_NESTING=2)
    _, requests = split(spider.parse_sitemap(_response(spider, "sitemap_index.xml", nesting=2)))
    assert requests == []


def test_news_sitemap_carries_lastmod_or_publication_date(source):
    spider = make_spider(SitemapSpider, source)
    _, requests = split(spider.parse_sitemap(_response(spider, "news_sitemap.xml")))
    assert [(r.url, r.meta["nd_lastmod"]) for r in requests] == [
        (f"{HERALD}/news/2024/ferry-strike-ends", "2024-03-04T09:00:00+00:00"),  # news:publication_date
        (f"{HERALD}/news/2024/fish-market-moves", "2024-03-03"),  # <lastmod> wins over the news date
        (f"{HERALD}/about", None),
    ]
    page_request = requests[0]
    html = {"Content-Type": "text/html"}
    page = spider.parse_page(respond(page_request, b"<html><body>ok</body></html>", headers=html))
    (record,) = split(page)[0]
    assert (record.via, record.sitemap_lastmod, record.status) == ("sitemap", "2024-03-04T09:00:00+00:00", 200)


def test_entries_with_unchanged_lastmod_are_not_requested(source):
    unchanged, changed = f"{HERALD}/news/2024/fish-market-moves", f"{HERALD}/news/2024/ferry-strike-ends"
    state = {"pages": {unchanged: {"sitemap_lastmod": "2024-03-03"},
                       changed: {"sitemap_lastmod": "2024-03-01T00:00:00+00:00", "etag": '"v1"'}}}
    spider = make_spider(SitemapSpider, source, state)
    _, requests = split(spider.parse_sitemap(_response(spider, "news_sitemap.xml")))
    assert [r.url for r in requests] == [changed, f"{HERALD}/about"]
    assert requests[0].headers[b"If-None-Match"] == b'"v1"'
    assert spider.frontier.counts["skipped_sitemap_lastmod"] == 1
    assert not spider.frontier.claim(unchanged)  # a skipped URL is not fetched later by another spider


def test_malformed_sitemap_names_the_problem_and_keeps_going(source):
    spider = make_spider(SitemapSpider, source)
    pages, requests = split(spider.parse_sitemap(_response(spider, "malformed_sitemap.xml")))
    assert pages[0].status == 200
    assert pages[0].error.startswith("malformed sitemap:")
    assert [r.url for r in requests][:2] == [f"{HERALD}/news/2024/first", f"{HERALD}/news/2024/second"]


def test_a_feed_where_a_sitemap_was_expected_is_an_error(source):
    spider = make_spider(SitemapSpider, source)
    pages, requests = split(spider.parse_sitemap(_response(spider, "rss.xml")))
    assert pages[0].error == "not a sitemap: root element <rss>"
    assert requests == []


def test_gzipped_and_broken_gzip_sitemaps():
    body = (FIXTURES / "news_sitemap.xml").read_bytes()
    assert parse_sitemap(gzip.compress(body)) == parse_sitemap(body)
    assert parse_sitemap(b"\x1f\x8b\x08not gzip").problem.startswith("undecodable sitemap")
    assert parse_sitemap(b"").problem.startswith("malformed sitemap")


def test_start_urls_are_fetched_whole_even_when_their_lastmod_is_unchanged(source):
    home = f"{HERALD}/about"  # listed in the news sitemap without lastmod; give it one and make it a start URL
    source["start_urls"] = [home]
    known = {"sitemap_lastmod": "2024-03-01", "etag": '"v1"', "last_modified": "Fri, 01 Mar 2024 00:00:00 GMT"}
    spider = make_spider(SitemapSpider, source, {"pages": {home: known}})
    loc = b"<loc>https://herald.example.com/about</loc>"
    body = (FIXTURES / "news_sitemap.xml").read_bytes().replace(loc, loc + b"<lastmod>2024-03-01</lastmod>")
    _, requests = split(spider.parse_sitemap(_response(spider, body=body)))
    (request,) = [r for r in requests if r.url == home]
    assert b"If-None-Match" not in request.headers and b"If-Modified-Since" not in request.headers


def test_a_malformed_or_refused_loc_is_recorded_and_the_rest_of_the_sitemap_goes_on(source):
    spider = make_spider(SitemapSpider, source)
    long_url = f"{HERALD}/news/" + "x" * 2100
    locs = [f"{HERALD}/news/2024/first", f"{HERALD}:99999/news/bad-port", "https://169.254.169.254\\@herald.example.com/x",
            long_url, "http://169.254.169.254/latest/meta-data/", f"{HERALD}/news/2024/last"]
    body = ('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{loc}</loc></url>" for loc in locs) + "</urlset>").encode()
    pages, requests = split(spider.parse_sitemap(_response(spider, body=body)))
    assert [r.url for r in requests] == [f"{HERALD}/news/2024/first", f"{HERALD}/news/2024/last"]
    refused = {p.url: p.error for p in pages[1:]}
    assert refused == {
        f"{HERALD}:99999/news/bad-port": "refused: malformed URL: Port out of range 0-65535",
        "https://169.254.169.254\\@herald.example.com/x": "refused: ambiguous URL: backslash in the host part",
        long_url: f"refused: URL longer than 2083 characters ({len(long_url)})",
        "http://169.254.169.254/latest/meta-data/": "refused: link-local address 169.254.169.254",
    }
    assert {(p.status, p.via) for p in pages[1:]} == {(None, "sitemap")}


def test_external_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("LOCAL-SECRET")
    body = (f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{secret}">]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{HERALD}/a-&xxe;</loc></url><url><loc>{HERALD}/c</loc></url></urlset>").encode()
    doc = parse_sitemap(body)
    assert [loc for loc, _ in doc.entries] == [f"{HERALD}/a-", f"{HERALD}/c"]  # the file was not read


def test_entity_expansion_is_stopped_and_named():
    lol = "".join(f'<!ENTITY l{i + 1} "{f"&l{i};" * 10}">' for i in range(9))
    body = (f'<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY l0 "lol">{lol}]>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{HERALD}/a</loc></url><url><loc>{HERALD}/b-&l9;</loc></url></urlset>").encode()
    doc = parse_sitemap(body)
    assert doc.problem.startswith("malformed sitemap: Maximum entity amplification factor exceeded")
    assert doc.entries[0] == (f"{HERALD}/a", None)
    assert max(len(loc) for loc, _ in doc.entries) < 100  # nothing was expanded
