"""What the three spiders share: building requests, recording every response or failure, redirects.

Spiders only navigate and yield `RawPage` records (and requests); interpreting a page is the job of
`transforms`. A spider is built with the source (`spiders.source.Source`) and the crawl's `Frontier`,
which decides whether a URL may be requested at all. A URL found on the site that newsdesk refuses
(malformed, too long, ambiguous, a forbidden address) becomes a record with the reason, so one bad
entry never costs the rest of a sitemap or feed.
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import replace
from typing import Any

import scrapy
from scrapy.exceptions import StopDownload
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.frontier import REFUSED, Frontier
from spiders.pages import HTML_TYPES, is_html, mimetype, page_from_failure, page_from_response, page_links, utc_now
from spiders.source import Source
from transforms.models import RawPage

log = logging.getLogger(__name__)

Output = Iterator[RawPage | scrapy.Request]
MAX_RECORDED_URL = 10_000  # a refused URL is recorded whole up to this length (a hostile one can be megabytes)


class SourceSpider(scrapy.Spider):
    """Base of the feed, sitemap and site-crawl spiders of one source."""

    def __init__(self, source: Source, frontier: Frontier, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.frontier = frontier

    async def start(self) -> AsyncIterator[RawPage | scrapy.Request]:
        for output in self.entry_requests():
            yield output

    def entry_requests(self) -> Output:
        """What this spider starts from (its configured URLs); spiders.crawl_spider runs them in turn."""
        return iter(())

    def stop_non_html(self, headers: Any, request: scrapy.Request, **_: Any) -> None:
        """Do not download the body of a PDF, image... found where a page was expected."""
        declared = mimetype(headers)
        if request.meta.get("nd_kind") == "page" and declared and declared not in HTML_TYPES:
            raise StopDownload(fail=False)

    @property
    def max_bytes(self) -> int | None:
        return self.settings.getint("DOWNLOAD_MAXSIZE") if hasattr(self, "crawler") else None

    def fetch(self, url: str, callback: Callable[..., Any], via: str, *, kind: str = "page",
              conditional: bool = True, **meta: Any) -> scrapy.Request:
        """A request that reaches the callback whatever its status, with validators when known."""
        headers = self.frontier.validators(url) if conditional else {}
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, headers=headers,
            meta={"handle_httpstatus_all": True, "nd_via": via, "nd_kind": kind, **meta},
        )

    def on_error(self, failure: Failure) -> Output:
        """No response (timeout, DNS, refused, robots.txt, size cap): still a record."""
        meta = failure.request.meta  # type: ignore[attr-defined]
        yield page_from_failure(failure, self.frontier.name, meta.get("nd_via", "crawl"), self.max_bytes,
                                meta.get("nd_lastmod"))

    def record(self, response: Response, *, error: str | None = None) -> RawPage:
        """The record of a response; non-HTML pages keep their type but not their body."""
        meta = response.meta
        stopped = "download_stopped" in response.flags
        keep_body = response.status != 304 and not stopped
        if meta.get("nd_kind") == "page" and 200 <= response.status < 300 and not is_html(response):
            error = error or f"non-html content: {mimetype(response.headers) or 'unknown'}"
            keep_body = False
        return page_from_response(response, self.frontier.name, meta.get("nd_via", "crawl"), keep_body=keep_body,
                                  error=error, sitemap_lastmod=meta.get("nd_lastmod"))

    def is_redirect(self, response: Response) -> bool:
        return 300 <= response.status < 400 and response.status != 304

    def refused(self, url: str, via: str, why: str) -> Output:
        """The record of a URL that is not requested, once per URL (the rest of the document goes on)."""
        if self.frontier.first_refusal(url):
            log.info("%s: refused %s: %s", self.frontier.name, url[:200], why)
            yield RawPage(url=url[:MAX_RECORDED_URL], source=self.frontier.name, fetched_at=utc_now(), status=None,
                          error=f"{REFUSED}{why}", via=via)

    def follow_redirect(self, response: Response) -> Output:
        """Record the hop (status + location) and request the target once, if it is in scope.

        A target newsdesk refuses (malformed, a forbidden address...) is named on the hop's record.
        """
        page = self.record(response)
        target = page.location
        why = self.frontier.refusal(target) if target else None
        if target is None:
            page = replace(page, error="redirect without a Location header")
        elif why:
            page = replace(page, error=f"redirect not followed: {REFUSED}{why}")
        yield page
        if target is None or why:
            return
        if not self.frontier.in_scope(target):
            log.info("not following redirect out of scope: %s -> %s", response.url, target)
            return
        self.frontier.links[response.url] = [target]  # so the site crawl can walk through the hop
        if self.frontier.claim(target):
            meta = response.meta
            kind = meta.get("nd_kind", "page")
            yield self.fetch(target, response.request.callback, meta.get("nd_via", "crawl"), kind=kind,
                             conditional=kind == "page" and self.conditional(target),
                             **{k: meta[k] for k in ("nd_nesting", "nd_depth") if k in meta})

    def conditional(self, url: str) -> bool:
        """Whether a page may be requested with validators (see SiteSpider for the exception)."""
        return True

    def request_once(self, url: str, callback: Callable[..., Any], via: str, **kwargs: Any) -> Output:
        """Yield a request for url if it is in scope and not yet requested in this crawl.

        A refused URL yields its record instead; a well-formed URL of another site is skipped quietly.
        """
        if why := self.frontier.refusal(url):
            yield from self.refused(url, via, why)
        elif self.frontier.in_scope(url) and self.frontier.claim(url):
            yield self.fetch(url, callback, via, **kwargs)

    def request_configured(self, url: str, callback: Callable[..., Any], via: str, **kwargs: Any) -> Output:
        """A URL from the source config is requested (once) whatever the scope rules say."""
        if self.frontier.claim(url):
            yield self.fetch(url, callback, via, **kwargs)

    def parse_page(self, response: Response) -> Output:
        """A page found by a feed or sitemap: record it (after following a redirect).

        Its links are kept for the site-crawl spider, which walks them without fetching it again.
        """
        if self.is_redirect(response):
            yield from self.follow_redirect(response)
            return
        yield self.record(response)
        if response.status == 200 and is_html(response):
            self.frontier.links[response.url] = page_links(response)
