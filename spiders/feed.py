"""The feed spider: RSS and Atom feeds (parsed by feedparser) and the pages their items link to."""
from __future__ import annotations

import io
import logging
from typing import Any

import feedparser
from scrapy.http import Response

from spiders.base import Output, SourceSpider
from spiders.pages import join_url
from transforms.urls import canonical_url

log = logging.getLogger(__name__)

# feedparser flags these on feeds that parse fine (a charset or media type the server got wrong).
_BENIGN = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def entry_links(body: bytes, base_url: str, content_type: str | None = None) -> tuple[list[str], str | None]:
    """Absolute item links of a feed document, and the parse problem if it is not a usable feed."""
    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    links = [join_url(base_url, link) for link in (_entry_link(e) for e in parsed.entries) if link]
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not parsed.entries and not parsed.get("version"):
        return [], f"not a feed: {problem or 'no RSS or Atom root element'}"
    if problem is not None and not isinstance(problem, _BENIGN):
        return links, f"malformed feed: {problem}"
    return links, None


def _entry_link(entry: Any) -> str | None:
    """The item's alternate link; an RSS guid that is a permalink when there is no link."""
    if entry.get("link"):
        return entry["link"]
    guid = entry.get("id") or ""
    return guid if guid.startswith(("http://", "https://")) else None


def _content_type(response: Response) -> str | None:
    value = response.headers.get("Content-Type")
    return value.decode("latin-1") if value else None


class FeedSpider(SourceSpider):
    """Fetch each feed of the source and every item it links to (skipping items already loaded)."""

    name = "feed"

    def entry_requests(self) -> Output:
        for url in self.source.feeds:
            yield from self.request_configured(url, self.parse_feed, "feed", kind="feed", conditional=False)

    def parse_feed(self, response: Response) -> Output:
        if self.is_redirect(response):
            yield from self.follow_redirect(response)
            return
        if response.status != 200:
            yield self.record(response)
            return
        links, problem = entry_links(response.body, response.url, _content_type(response))
        if problem:
            log.warning("%s: %s", response.url, problem)
        yield self.record(response, error=problem)
        yield from self.follow_items(links)

    def follow_items(self, links: list[str]) -> Output:
        skipped = 0
        for url in map(canonical_url, links):
            if self.frontier.already_loaded(url):
                self.frontier.skip(url, "feed_loaded")
                skipped += 1
            else:
                yield from self.request_once(url, self.parse_page, "feed")
        if skipped:
            log.info("%s: skipped %d feed items already loaded", self.frontier.name, skipped)
