"""Scrapy's robots.txt middleware, with every request that waits for robots.txt getting its verdict.

In Scrapy 2.19 on the asyncio reactor, requests to a host whose robots.txt is still being fetched all
await one Deferred; turned into an asyncio future, the first waiter takes the parsed rules and hands
`None` ("no robots.txt") down the chain, so every other waiting request is let through. A crawl that
starts with one URL per host hardly meets it; a process joining a shared frontier (spiders.shared)
takes many requests for a host at once and would fetch pages robots.txt disallows. Here each waiter
gets its own Deferred, fed the same result.
"""
from __future__ import annotations

from typing import Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


def _pass_on(result: Any, waiter: Deferred) -> Any:
    """Give one waiter the result and keep it in the chain for the next one."""
    waiter.callback(result)
    return result


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Replaces Scrapy's (spiders.settings.DOWNLOADER_MIDDLEWARES), at the same priority."""

    async def robot_parser(self, request: Request) -> Any:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        waiter: Deferred = Deferred()
        pending.addBoth(_pass_on, waiter)
        return await maybe_deferred_to_future(waiter)
