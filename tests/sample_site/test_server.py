"""The sample news site over real HTTP on 127.0.0.1: routing, headers, manifest promises."""
from __future__ import annotations

import http.client
import re
import tomllib
import urllib.robotparser
from collections import Counter
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import etree, html

from sample_site import article_entries, load_manifest
from sample_site.server import serve

MANIFEST = load_manifest()
ALL_PATHS = [(outlet, path, entry) for outlet, info in MANIFEST["outlets"].items()
             for path, entry in info["pages"].items()]


@pytest.fixture(scope="module")
def site():
    with serve() as running:
        yield running


def fetch(site, outlet: str, path: str, method: str = "GET",
          headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One request without redirect following, so 301s and 304s are seen as sent."""
    parts = urlsplit(site.outlets[outlet])
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=5)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def links_of(body: bytes) -> list[str]:
    return html.fromstring(body).xpath("//a/@href")


@pytest.mark.parametrize("outlet,path,entry", ALL_PATHS,
                         ids=[f"{o}{p}" for o, p, _ in ALL_PATHS])
def test_every_manifest_path_is_served_as_described(site, outlet, path, entry):
    status, headers, body = fetch(site, outlet, path)
    assert status == entry["status"]
    if status == 301:
        assert headers["location"] == site.outlets[outlet] + entry["location"]
        return
    assert headers["content-type"] == entry["content_type"]
    assert int(headers["content-length"]) == len(body) > 0
    if status == 200:
        assert headers["etag"].startswith('"') and headers["last-modified"].endswith("GMT")


def test_unknown_path_is_404_html(site):
    status, headers, body = fetch(site, "clarion", "/no/such/page/")
    assert status == 404
    assert headers["content-type"].startswith("text/html") and b"Page not found" in body


def test_head_sends_headers_without_body(site):
    status, headers, body = fetch(site, "banner", "/rss.xml", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


@pytest.mark.parametrize("outlet,path", [
    ("clarion", "/feed.xml"), ("courier", "/stories/2015/03/story-10241.html"),
    ("banner", "/article/assad-forces-driven-out-of-strategic-city-by-jihadists"),
])
def test_conditional_get(site, outlet, path):
    _, headers, _ = fetch(site, outlet, path)
    etag, last_modified = headers["etag"], headers["last-modified"]
    assert fetch(site, outlet, path, headers={"If-None-Match": etag})[0] == 304
    assert fetch(site, outlet, path, headers={"If-None-Match": '"other", ' + etag})[0] == 304
    assert fetch(site, outlet, path, headers={"If-None-Match": '"stale"'})[0] == 200
    assert fetch(site, outlet, path, headers={"If-Modified-Since": last_modified})[0] == 304
    old = "Mon, 02 Feb 2015 10:00:00 GMT"
    assert fetch(site, outlet, path, headers={"If-Modified-Since": old})[0] == 200
    # If-None-Match takes precedence over If-Modified-Since (RFC 9110 13.2.2)
    both = {"If-None-Match": '"stale"', "If-Modified-Since": last_modified}
    assert fetch(site, outlet, path, headers=both)[0] == 200


def test_etag_is_hash_of_served_bytes(site):
    import hashlib
    _, headers, body = fetch(site, "courier", "/atom.xml")
    assert headers["etag"] == '"%s"' % hashlib.sha256(body).hexdigest()[:32]


def test_placeholders_are_replaced_by_live_urls(site):
    for outlet, path, entry in ALL_PATHS:
        if entry["status"] != 200 or not re.match(r"text/|application/.*xml", entry["content_type"]):
            continue
        body = fetch(site, outlet, path)[2]
        assert b"{{outlet:" not in body, path
    base = site.outlets["clarion"]
    feed = etree.fromstring(fetch(site, "clarion", "/feed.xml")[2])
    links = feed.xpath("//item/link/text()")
    assert links and all(link.startswith(base + "/news/") for link in links)


def test_articles_carry_metadata(site):
    for outlet, path, entry in article_entries():
        doc = html.fromstring(fetch(site, outlet, path)[2])
        canonical = doc.xpath("//link[@rel='canonical']/@href")
        assert canonical == [site.outlets[outlet] + path]
        assert doc.xpath("//meta[@property='og:url']/@content") == canonical
        assert doc.xpath("//meta[@property='og:title']/@content") == [entry["title"]]
        published = doc.xpath("//meta[@property='article:published_time']/@content")
        assert published and published[0].startswith(entry["published"])
        text = doc.text_content()
        assert all(snippet in text for snippet in entry["must_contain"]), path
        assert all(phrase in text for phrase in entry["must_not_contain"]), path


def test_tracking_url_serves_page_with_clean_canonical(site):
    outlet, path, entry = next(a for a in article_entries() if "?" in "".join(a[2]["alternate_urls"]))
    tracked = next(url for url in entry["alternate_urls"] if "utm_source=" in url)
    status, _, body = fetch(site, outlet, tracked)
    assert status == 200
    assert html.fromstring(body).xpath("//link[@rel='canonical']/@href") == [site.outlets[outlet] + path]
    feed_links = etree.fromstring(fetch(site, outlet, "/feed.xml")[2]).xpath("//item/link/text()")
    assert site.outlets[outlet] + tracked in feed_links


def test_robots_disallows_a_path_that_pages_link_to(site):
    for outlet, info in MANIFEST["outlets"].items():
        robots = urllib.robotparser.RobotFileParser()
        robots.parse(fetch(site, outlet, "/robots.txt")[2].decode().splitlines())
        base = site.outlets[outlet]
        disallowed = info["disallowed_paths"]
        assert disallowed and all(p.startswith(info["robots_disallow"]) for p in disallowed)
        assert not any(robots.can_fetch("newsdesk", base + p) for p in disallowed)
        articles = [p for p, e in info["pages"].items() if e["kind"] == "article"]
        assert all(robots.can_fetch("newsdesk", base + p) for p in articles)
        linked = {href for p in articles[:3] for href in links_of(fetch(site, outlet, p)[2])}
        assert linked & set(disallowed), outlet


def crawl(site, outlet: str) -> set[str]:
    """Breadth-first over same-origin links from the home page, as a site crawler would."""
    base, seen, queue = site.outlets[outlet], {"/"}, ["/"]
    pages = MANIFEST["outlets"][outlet]["pages"]
    while queue:
        path = queue.pop()
        entry = pages.get(path, {})
        if entry.get("kind") in ("article", "home", "listing", "tag", "about"):
            for href in links_of(fetch(site, outlet, path)[2]):
                url = urljoin(base + path, href)
                target = urlsplit(url).path
                if url.startswith(base) and target not in seen:
                    seen.add(target)
                    queue.append(target)
    return seen


def test_every_article_reachable_by_links_feed_and_sitemap(site):
    for outlet, info in MANIFEST["outlets"].items():
        articles = {p for p, e in info["pages"].items() if e["kind"] == "article"}
        reached = crawl(site, outlet)
        assert articles <= reached
        for kind in ("redirect", "not_found", "non_html", "disallowed"):
            assert any(info["pages"].get(p, {}).get("kind") == kind for p in reached), (outlet, kind)
        feed = etree.fromstring(fetch(site, outlet, info["feeds"][0])[2])
        feed_urls = feed.xpath("//item/link/text() | //*[local-name()='entry']/*[local-name()='link']/@href")
        assert articles <= {urlsplit(url).path for url in feed_urls}
        assert articles <= sitemap_paths(site, outlet, info["sitemaps"][0])


def sitemap_paths(site, outlet: str, path: str) -> set[str]:
    root = etree.fromstring(fetch(site, outlet, path)[2])
    assert root.xpath("//*[local-name()='lastmod']")
    children = root.xpath("/*[local-name()='sitemapindex']/*/*[local-name()='loc']/text()")
    found = {urlsplit(u).path for u in root.xpath("/*[local-name()='urlset']/*/*[local-name()='loc']/text()")}
    for child in children:
        found |= sitemap_paths(site, outlet, urlsplit(child).path)
    return found


def test_news_sitemap_has_publication_dates(site):
    body = fetch(site, "clarion", "/sitemaps/news.xml")[2]
    ns = {"news": "http://www.google.com/schemas/sitemap-news/0.9"}
    dates = etree.fromstring(body).xpath("//news:news/news:publication_date/text()", namespaces=ns)
    assert len(dates) == sum(1 for o, _, _ in article_entries() if o == "clarion")


def test_manifest_counts_and_kinds():
    assert len(MANIFEST["outlets"]) == 3
    assert len(article_entries()) >= 40
    for outlet, info in MANIFEST["outlets"].items():
        kinds = Counter(entry["kind"] for entry in info["pages"].values())
        for kind in ("home", "tag", "about", "feed", "sitemap", "robots", "redirect",
                     "not_found", "non_html", "disallowed"):
            assert kinds[kind] >= 1, (outlet, kind)
        assert kinds["listing"] >= 2 and kinds["article"] >= 12
        pattern = re.compile(info["article_pattern"])
        for path, entry in info["pages"].items():
            expected = entry["kind"] == "article" or (entry["kind"] == "not_found" and pattern.match(path))
            assert bool(pattern.match(path)) == bool(expected), path
    formats = {e.get("format") for _, _, e in ALL_PATHS if e["kind"] == "feed"}
    assert {"rss", "atom"} <= formats
    assert any(e.get("format") == "index" for _, _, e in ALL_PATHS)
    assert any(e["access"] == "paywalled" for _, _, e in article_entries())


def test_manifest_cross_references_resolve():
    pages = {(o, p): e for o, p, e in ALL_PATHS}
    syndicated = [(o, p, e) for o, p, e in article_entries() if e["syndicated_of"]]
    assert syndicated
    for outlet, path, entry in syndicated:
        original = pages[(entry["syndicated_of"]["outlet"], entry["syndicated_of"]["path"])]
        assert original["kind"] == "article" and entry["syndicated_of"]["outlet"] != outlet
        assert original["published_time"] < entry["published_time"]
    idlib = [(o, p) for o, p, e in article_entries() if e["event"] == "idlib-2015-03-28"]
    assert len({o for o, _ in idlib}) == 3
    event = MANIFEST["events"]["idlib-2015-03-28"]
    assert {(r["outlet"], r["path"]) for r in event["reports"]} == set(idlib)
    assert event["date"] == "2015-03-28" and event["country_code"] == "SY"
    for outlet, path in idlib:
        others = {(r["outlet"], r["path"]) for r in pages[(outlet, path)]["same_event_as"]}
        assert others == set(idlib) - {(outlet, path)}


def test_request_log_and_sources_toml(site):
    fetch(site, "courier", "/about.html")
    assert ("courier", "GET", "/about.html", 200) in site.requests()
    config = tomllib.loads(site.sources_toml())
    assert [s["name"] for s in config["source"]] == list(MANIFEST["outlets"])
    for source in config["source"]:
        base = site.outlets[source["name"]]
        assert source["start_urls"] == [base + "/"] and source["allowed_domains"] == ["127.0.0.1"]
        assert fetch(site, source["name"], urlsplit(source["feeds"][0]).path)[0] == 200
        assert source["article_pattern"] == MANIFEST["outlets"][source["name"]]["article_pattern"]
