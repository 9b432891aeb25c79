"""The site-crawl spider: from the start URLs, follow links on the same site up to a depth limit.

It runs after the sitemap and feed spiders of the same crawl. Pages they already fetched are not
fetched again: their links were kept in the Frontier, and this spider walks them as if it had
fetched the page itself (so a home page listed in the sitemap still leads to its links).

The source's article_pattern marks which URLs are articles; listing pages are still followed for
discovery. With crawl state, only article URLs are requested conditionally: a listing page that
answered 304 would hide the links to articles published since, so listings are always fetched whole.
Without an article_pattern every page other than a start URL is requested conditionally.
"""
from __future__ import annotations


from scrapy.http import Response

from spiders.base import Output, SourceSpider
from spiders.pages import is_html, page_links


class SiteSpider(SourceSpider):
    """Breadth-first crawl of the source's own origins (see Frontier.in_scope)."""

    name = "site"

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.walked: dict[str, int] = {}  # page fetched by another spider -> shallowest depth walked

    @property
    def depth_limit(self) -> int:
        return self.source.politeness.depth_limit

    def entry_requests(self) -> Output:
        for url in self.source.start_urls:
            if self.frontier.claim(url):
                yield self.fetch(url, self.parse, "start", conditional=False, nd_depth=0)
            else:
                yield from self.walk(url, 0)

    def parse(self, response: Response) -> Output:
        if self.is_redirect(response):
            yield from self.follow_redirect(response)
            return
        yield self.record(response)
        if response.status == 200 and is_html(response):
            yield from self.follow(page_links(response), response.meta.get("nd_depth", 0))

    def follow(self, links: list[str], depth: int) -> Output:
        """Request the links of a page at `depth`; walk those another spider already fetched."""
        if depth >= self.depth_limit:
            return
        for url in links:
            if why := self.frontier.refusal(url):
                yield from self.refused(url, "crawl", why)
            elif not self.frontier.in_scope(url):
                continue
            elif self.frontier.claim(url):
                yield self.fetch(url, self.parse, "crawl", conditional=self.conditional(url), nd_depth=depth + 1)
            else:
                yield from self.walk(url, depth + 1)

    def walk(self, url: str, depth: int) -> Output:
        """Follow the stored links of a page fetched earlier in this crawl, once per depth reached."""
        links = self.frontier.links.get(url)
        if links is None or self.walked.get(url, depth + 1) <= depth:
            return
        self.walked[url] = depth
        yield from self.follow(links, depth)

    def conditional(self, url: str) -> bool:
        """Validators only for article URLs (all non-start URLs when there is no article_pattern)."""
        return self.frontier.article_re is None or self.frontier.is_article(url)
