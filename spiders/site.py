"""The site-crawl spider: from the start URLs, follow links on the same site up to a depth limit.

The source's article_pattern marks which URLs are articles; listing pages are still followed for
discovery. With crawl state, only article URLs are requested conditionally: a listing page that
answered 304 would hide the links to articles published since, so listings are always fetched whole.
Without an article_pattern every page other than a start URL is requested conditionally.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urldefrag

import scrapy
from scrapy.http import Response
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor

from spiders.base import Output, SourceSpider
from spiders.pages import is_html

# Links to documents are followed (and recorded as non-HTML pages, headers only); links to media,
# archives and style sheets are not requested at all.
DOCUMENTS = frozenset({"pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp"})
SKIPPED_EXTENSIONS = [e for e in IGNORED_EXTENSIONS if e not in DOCUMENTS]


class SiteSpider(SourceSpider):
    """Breadth-first crawl of the source's own origins (see Frontier.in_scope)."""

    name = "site"
    links = LinkExtractor(tags=("a", "area"), attrs=("href",), deny_extensions=SKIPPED_EXTENSIONS, unique=True)

    @property
    def depth_limit(self) -> int:
        return int(self.source.get("politeness", {}).get("depth_limit", 3))

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.source.get("start_urls") or []:
            for request in self.request_configured(url, self.parse, "start", conditional=False):
                yield request

    def parse(self, response: Response) -> Output:
        if self.is_redirect(response):
            yield from self.follow_redirect(response)
            return
        yield self.record(response)
        depth = response.meta.get("depth", 0)
        if response.status == 200 and is_html(response) and depth < self.depth_limit:
            yield from self.follow_links(response)

    def follow_links(self, response: Response) -> Output:
        for link in self.links.extract_links(response):
            url = urldefrag(link.url)[0]
            yield from self.request_once(url, self.parse, "crawl", conditional=self.conditional(url))

    def conditional(self, url: str) -> bool:
        """Validators only for article URLs (all non-start URLs when there is no article_pattern)."""
        return self.frontier.article_re is None or self.frontier.is_article(url)

