"""The feed spider on saved RSS, Atom, malformed and non-feed documents."""
from __future__ import annotations

from spider_kit import HERALD, make_spider, respond, split

from spiders.feed import FeedSpider

FEED = f"{HERALD}/feed.xml"


def _feed_response(spider, fixture=None, body=b"", status=200, content_type="application/rss+xml"):
    request = spider.fetch(FEED, spider.parse_feed, "feed", kind="feed", conditional=False)
    return respond(request, body, status=status, headers={"Content-Type": content_type}, fixture=fixture)


def test_rss_feed_is_recorded_and_its_items_in_scope_are_requested(source):
    spider = make_spider(FeedSpider, source)
    pages, requests = split(spider.parse_feed(_feed_response(spider, "rss.xml")))
    assert [(p.url, p.status, p.via, p.error) for p in pages] == [(FEED, 200, "feed", None)]
    assert pages[0].body.startswith(b"<?xml")  # feed documents keep their body for inspection
    assert [r.url for r in requests] == [
        f"{HERALD}/news/2024/ferry-strike-ends",
        f"{HERALD}/news/2024/fish-market-moves",  # relative link resolved against the feed URL
        f"{HERALD}/news/2024/guid-only",  # RSS guid used when it is a permalink and there is no link
    ]  # the wire.example.org item is outside the source's domains
    assert {r.meta["nd_via"] for r in requests} == {"feed"}
    assert all(r.callback == spider.parse_page and r.errback == spider.on_error for r in requests)


def test_atom_feed_follows_alternate_links_not_edit_links(source):
    spider = make_spider(FeedSpider, source)
    _, requests = split(spider.parse_feed(_feed_response(spider, "atom.xml", content_type="application/atom+xml")))
    assert [r.url for r in requests] == [f"{HERALD}/news/2024/lighthouse-restored", f"{HERALD}/news/2024/storm-warning"]


def test_items_already_loaded_are_skipped_and_counted(source):
    state = {"pages": {}, "loaded": [f"{HERALD}/news/2024/ferry-strike-ends"]}
    spider = make_spider(FeedSpider, source, state)
    _, requests = split(spider.parse_feed(_feed_response(spider, "rss.xml")))
    assert f"{HERALD}/news/2024/ferry-strike-ends" not in [r.url for r in requests]
    assert len(requests) == 2
    assert spider.frontier.counts["skipped_feed_loaded"] == 1
    assert spider.frontier.counts["skipped_unchanged"] == 1


def test_known_items_are_requested_conditionally(source):
    url = f"{HERALD}/news/2024/fish-market-moves"
    state = {"pages": {url: {"etag": '"abc"', "last_modified": "Mon, 04 Mar 2024 09:00:00 GMT"}}, "loaded": []}
    spider = make_spider(FeedSpider, source, state)
    _, requests = split(spider.parse_feed(_feed_response(spider, "rss.xml")))
    by_url = {r.url: r for r in requests}
    assert by_url[url].headers[b"If-None-Match"] == b'"abc"'
    assert by_url[url].headers[b"If-Modified-Since"] == b"Mon, 04 Mar 2024 09:00:00 GMT"
    assert b"If-None-Match" not in by_url[f"{HERALD}/news/2024/guid-only"].headers


def test_malformed_feed_names_the_problem_and_keeps_what_it_could_read(source):
    spider = make_spider(FeedSpider, source)
    pages, requests = split(spider.parse_feed(_feed_response(spider, "malformed_feed.xml")))
    assert pages[0].status == 200
    assert pages[0].error.startswith("malformed feed:")
    assert [r.url for r in requests] == [f"{HERALD}/a"]


def test_html_served_as_a_feed_is_an_error_not_a_crash(source):
    spider = make_spider(FeedSpider, source)
    pages, requests = split(spider.parse_feed(_feed_response(spider, "page.html", content_type="text/html")))
    assert pages[0].error.startswith("not a feed")
    assert requests == []


def test_missing_feed_is_recorded_with_its_status(source):
    spider = make_spider(FeedSpider, source)
    pages, requests = split(spider.parse_feed(_feed_response(spider, body=b"<h1>gone</h1>", status=404,
                                                             content_type="text/html")))
    assert [(p.status, p.body) for p in pages] == [(404, b"<h1>gone</h1>")]
    assert requests == []


def test_an_item_with_the_backslash_trick_is_refused_and_the_other_items_followed(source):
    spider = make_spider(FeedSpider, source)
    body = f"""<rss version="2.0"><channel><title>t</title>
        <item><link>https://169.254.169.254\\@herald.example.com/steal</link></item>
        <item><link>{HERALD}:99999/news/2024/bad-port</link></item>
        <item><link>{HERALD}/news/2024/fine</link></item></channel></rss>"""
    pages, requests = split(spider.parse_feed(_feed_response(spider, body=body.encode())))
    assert [r.url for r in requests] == [f"{HERALD}/news/2024/fine"]
    assert [(p.url, p.error) for p in pages[1:]] == [
        ("https://169.254.169.254\\@herald.example.com/steal", "refused: ambiguous URL: backslash in the host part"),
        (f"{HERALD}:99999/news/2024/bad-port", "refused: malformed URL: Port out of range 0-65535"),
    ]
