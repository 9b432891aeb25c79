"""One crawl of one source as one Scrapy spider: the sitemap, feed and site-crawl spiders in turn.

`SourceCrawl` is what both entry points run (`spiders.crawl` for the pipeline, `scrapy crawl SOURCE`
through `spiders.loader`), so a site sees the same requests, settings and user agent from either.
The three spiders share one `Frontier` (a URL is requested at most once, the page budget is spent
once) and run one after the other: sitemaps first, so their lastmod is known per URL; the site crawl
last, so it can walk the links of pages the others already fetched. Each starts when the crawl goes
idle (Scrapy's spider_idle signal), so per-domain concurrency holds for the whole crawl.

With the shared-frontier settings of `spiders.shared` (a Redis backend), the frontier lives in Redis
and the phases advance together across every process of the crawl.
"""
from __future__ import annotations

from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.defer import deferred_from_coro

from spiders.base import Output, SourceSpider
from spiders.feed import FeedSpider
from spiders.frontier import Frontier
from spiders.site import SiteSpider
from spiders.sitemap import SitemapSpider
from spiders.source import Source
from spiders.settings import source_settings

PHASES: tuple[type[SourceSpider], ...] = (SitemapSpider, FeedSpider, SiteSpider)


class SourceCrawl(scrapy.Spider):
    """The whole crawl of `source`, with the crawl state (validators, loaded URLs) of the last one."""

    name = "source"
    source: Source

    def __init__(self, source: Source | None = None, state: dict[str, Any] | None = None, **kwargs: Any) -> None:
        source = source or type(self).source
        super().__init__(name=source.name, **kwargs)
        self.source = source
        self.frontier = Frontier(source, state or {})
        self.phases: list[SourceSpider] = []  # all of them, kept alive: signals hold receivers weakly
        self.current = 0
        self.barrier: Any = None  # spiders.shared.PhaseBarrier on a shared frontier

    @classmethod
    def for_source(cls, source: Source) -> type["SourceCrawl"]:
        """A subclass bound to one source, carrying its settings: what `scrapy crawl NAME` loads."""
        return type(f"SourceCrawl_{source.name}", (cls,), {
            "name": source.name, "source": source, "custom_settings": source_settings(source)})

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> "SourceCrawl":
        spider = super().from_crawler(crawler, *args, **kwargs)
        if crawler.settings.get("NEWSDESK_CRAWL_ID"):
            spider.share(crawler.settings)
        spider.phases = [phase.from_crawler(crawler, source=spider.source, frontier=spider.frontier)
                         for phase in PHASES]
        # Bound methods: pydispatch holds receivers weakly and drops lambdas silently.
        crawler.signals.connect(spider.next_phase, signal=signals.spider_idle)
        crawler.signals.connect(spider.phases[0].stop_non_html, signal=signals.headers_received)
        return spider

    def share(self, settings: Any) -> None:
        """Keep the frontier in Redis and advance phases with the other processes (spiders.shared)."""
        import redis

        from spiders.shared import PhaseBarrier, SharedFrontier, prefix

        server = redis.Redis.from_url(settings.get("REDIS_URL"))
        keys = prefix(settings.get("NEWSDESK_CRAWL_ID"), self.source.name)
        self.frontier = SharedFrontier(self.source, self.frontier.state).attach(server, keys)
        self.barrier = PhaseBarrier(server, keys, final=len(PHASES))
        self.crawler.signals.connect(self.barrier_leave, signal=signals.spider_closed)

    def barrier_leave(self) -> None:
        self.barrier.leave()

    async def start(self) -> Any:
        for output in self.phases[0].entry_requests():
            yield output

    def next_phase(self) -> None:
        """On idle, start the next spider that has something to do; when none has, the crawl ends.

        On a shared frontier, first wait (Scrapy fires spider_idle again every few seconds) until
        every process of the crawl is idle in this phase."""
        if self.barrier is not None and not self.barrier.may_advance(self.current, len(self.crawler.engine.scheduler)):
            raise DontCloseSpider
        while self.current + 1 < len(self.phases):
            self.current += 1
            if self.schedule(self.phases[self.current].entry_requests()):
                raise DontCloseSpider

    def schedule(self, outputs: Output) -> int:
        """Hand requests to the engine and records to the item pipeline; how many there were."""
        engine = self.crawler.engine
        count = 0
        for output in outputs:
            count += 1
            if isinstance(output, scrapy.Request):
                engine.crawl(output)
            else:
                deferred_from_coro(engine.scraper.start_itemproc_async(output, response=None))
        return count
