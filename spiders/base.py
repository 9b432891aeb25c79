"""What the three spiders share: building requests, recording every response or failure, redirects.

Spiders only navigate and yield `RawPage` records (and requests); interpreting a page is the job of
`transforms`. A spider is built with the source (a dict, see `spiders.crawl`) and the crawl's
`Frontier`, which decides whether a URL may be requested at all.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import StopDownload
from scrapy.http import Response
from twisted.python.failure import Failure

from spiders.frontier import Frontier
from spiders.pages import HTML_TYPES, is_html, mimetype, page_from_failure, page_from_response, page_links
from transforms.models import RawPage

log = logging.getLogger(__name__)

Output = Iterator[RawPage | scrapy.Request]


class SourceSpider(scrapy.Spider):
    """Base of the feed, sitemap and site-crawl spiders of one source."""

    def __init__(self, source: dict[str, Any], frontier: Frontier, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.frontier = frontier

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> "SourceSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        # A bound method: pydispatch holds receivers weakly and drops lambdas silently.
        crawler.signals.connect(spider.stop_non_html, signal=signals.headers_received)
        return spider

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

    def follow_redirect(self, response: Response) -> Output:
        """Record the hop (status + location) and request the target once, if it is in scope."""
        page = self.record(response)
        if page.location is None:
            page = replace(page, error="redirect without a Location header")
        yield page
        target = page.location
        if target and self.frontier.in_scope(target):
            self.frontier.links[response.url] = [target]  # so the site crawl can walk through the hop
        if target and self.frontier.in_scope(target) and self.frontier.claim(target):
            meta = response.meta
            kind = meta.get("nd_kind", "page")
            yield self.fetch(target, response.request.callback, meta.get("nd_via", "crawl"), kind=kind,
                             conditional=kind == "page" and self.conditional(target),
                             **{k: meta[k] for k in ("nd_nesting", "nd_depth") if k in meta})
        elif target and not self.frontier.in_scope(target):
            log.info("not following redirect out of scope: %s -> %s", response.url, target)

    def conditional(self, url: str) -> bool:
        """Whether a page may be requested with validators (see SiteSpider for the exception)."""
        return True

    def request_once(self, url: str, callback: Callable[..., Any], via: str, **kwargs: Any) -> Output:
        """Yield a request for url if it is in scope and not yet requested in this crawl."""
        if self.frontier.in_scope(url) and self.frontier.claim(url):
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
