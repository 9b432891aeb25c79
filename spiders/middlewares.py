"""robots.txt fetched once per host per crawl, not once per spider.

The three spiders of a crawl are three Scrapy crawlers, each with its own RobotsTxtMiddleware; this
subclass keeps the parsed robots.txt files in the crawl's Frontier so the second and third spider
reuse what the first fetched.
"""
from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware


class SharedRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware with its per-host parser table moved to the crawl's Frontier."""

    _own: dict[str, Any]

    @property  # type: ignore[override]
    def _parsers(self) -> dict[str, Any]:
        frontier = getattr(self.crawler.spider, "frontier", None)
        return frontier.robots if frontier is not None else self._own

    @_parsers.setter
    def _parsers(self, value: dict[str, Any]) -> None:
        self._own = value
