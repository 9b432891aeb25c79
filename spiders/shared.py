"""Many crawl processes, one frontier: the crawl of a source shared through Redis (scrapy-redis).

With `[crawl] backend = "redis://..."` in the sources file, every crawl process of a source (on this
machine or on others) runs the same `SourceCrawl` with scrapy-redis' scheduler: one request queue and
one request dupefilter in Redis, so a URL is fetched once between all of them and any idle process
takes the next request. What newsdesk's own `Frontier` decides (a URL claimed once, the page budget,
the links kept for the site crawl) moves to Redis too (`SharedFrontier`), and the three phases
(sitemaps, feeds, site crawl) advance together (`PhaseBarrier`): a process starts the next phase only
once every live process is idle in this one, so a page is found by the same spider, with the same
sitemap lastmod, as in a single-process crawl.

Politeness holds across processes by sharing it out: each of `workers` processes gets 1/workers of
the source's per-domain concurrency (at least 1) and workers times its download delay, so the site
sees the configured rate in total. Keys live under `newsdesk:<crawl id>:<source>:` and are deleted
by `clear()` when the crawl is over (SCHEDULER_PERSIST keeps one process's exit from flushing the
queue the others still use).
"""
from __future__ import annotations

import json
import logging
import os
import socket
import time
from collections.abc import Iterator, MutableMapping
from typing import Any

import redis
from scrapy import Request
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from spiders.frontier import Frontier
from spiders.source import CrawlSettings, Source

__all__ = ["CrawlSettings", "PhaseBarrier", "PhaseQueue", "SharedFrontier", "SharedScheduler", "clear",
           "scrapy_settings"]

log = logging.getLogger(__name__)

ALIVE_SECONDS = 60  # a process that has not polled its scheduler for this long no longer holds the others back


def prefix(crawl_id: str, source: str) -> str:
    return f"newsdesk:{crawl_id}:{source}:"


def scrapy_settings(source: Source, backend: str, crawl_id: str, workers: int) -> dict[str, Any]:
    """Settings of one crawl process on the shared frontier (applied over the source's own)."""
    keys = prefix(crawl_id, "%(spider)s")
    polite = source.politeness
    return {
        "SCHEDULER": "spiders.shared.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "spiders.shared.PhaseQueue",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_KEY": keys + "requests",
        "SCHEDULER_DUPEFILTER_KEY": keys + "dupefilter",
        "SCHEDULER_PERSIST": True,
        "REDIS_URL": backend,
        "NEWSDESK_CRAWL_ID": crawl_id,
        "NEWSDESK_WORKERS": workers,
        "CONCURRENT_REQUESTS_PER_DOMAIN": max(1, polite.concurrency_per_domain // workers),
        "DOWNLOAD_DELAY": polite.download_delay * workers,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0 / workers,
    }


def clear(backend: str, crawl_id: str, source: str) -> int:
    """Delete the crawl's keys (queue, dupefilter, frontier, barrier); how many there were."""
    server = redis.Redis.from_url(backend)
    try:
        keys = list(server.scan_iter(match=prefix(crawl_id, source) + "*"))
        return server.delete(*keys) if keys else 0
    finally:
        server.close()


class RedisLinks(MutableMapping[str, list[str]]):
    """Frontier.links in a Redis hash: the site crawl walks links of pages any process fetched."""

    def __init__(self, server: redis.Redis, key: str) -> None:
        self.server, self.key = server, key

    def __getitem__(self, url: str) -> list[str]:
        value = self.server.hget(self.key, url)
        if value is None:
            raise KeyError(url)
        return json.loads(value)

    def __setitem__(self, url: str, links: list[str]) -> None:
        self.server.hset(self.key, url, json.dumps(links))

    def __delitem__(self, url: str) -> None:
        self.server.hdel(self.key, url)

    def __iter__(self) -> Iterator[str]:
        return (k.decode() for k in self.server.hkeys(self.key))

    def __len__(self) -> int:
        return self.server.hlen(self.key)


class SharedFrontier(Frontier):
    """A Frontier whose seen-set, page budget and kept links are shared by every process of the crawl.

    Counters of the summary stay per process (each reports what it fetched)."""

    def attach(self, server: redis.Redis, keys: str) -> "SharedFrontier":
        self.server, self.keys = server, keys
        self.links = RedisLinks(server, keys + "links")
        return self

    def first_time(self, key: str) -> bool:
        return bool(self.server.sadd(self.keys + "seen", key))

    def forget(self, key: str) -> None:
        self.server.srem(self.keys + "seen", key)

    def take_budget(self) -> bool:
        if self.server.incr(self.keys + "claimed") <= (self.max_pages or 0):
            return True
        self.server.decr(self.keys + "claimed")
        return False


class PhaseBarrier:
    """The phases of a shared crawl advance together: a process moves on from phase k only when the
    queue is empty and every live process of the crawl is idle in phase k or later.

    A process is idle from the spider_idle signal until it takes its next request from the queue."""

    def __init__(self, server: redis.Redis, keys: str, final: int) -> None:
        self.server, self.keys, self.final = server, keys, final
        self.me = f"{socket.gethostname()}:{os.getpid()}"
        self.polled = 0.0
        self.alive()

    def alive(self) -> None:
        """Say this process still takes part; called as its scheduler polls (at most once a second)."""
        now = time.monotonic()
        if now - self.polled >= 1.0:
            self.polled = now
            self.server.set(self.keys + "alive:" + self.me, 1, ex=ALIVE_SECONDS)
            self.server.sadd(self.keys + "workers", self.me)

    def busy(self) -> None:
        self.server.hdel(self.keys + "idle", self.me)

    def may_advance(self, phase: int, queued: int) -> bool:
        """Mark this process idle in `phase`; whether all others are idle there too (and nothing queued)."""
        self.server.hset(self.keys + "idle", self.me, phase)
        if queued:
            return False
        idle = {k.decode(): int(v) for k, v in self.server.hgetall(self.keys + "idle").items()}
        for worker in (w.decode() for w in self.server.smembers(self.keys + "workers")):
            if idle.get(worker, -1) < phase and self.server.exists(self.keys + "alive:" + worker):
                return False
        return True

    def leave(self) -> None:
        """A finished process never holds the others back."""
        self.server.hset(self.keys + "idle", self.me, self.final)


class SharedScheduler(Scheduler):
    """scrapy-redis' scheduler, telling the crawl's PhaseBarrier when this process takes work."""

    def next_request(self) -> Request | None:
        request = super().next_request()
        barrier = getattr(self.spider, "barrier", None)
        if barrier is not None:
            barrier.alive()
            if request is not None:
                barrier.busy()
        return request


class PhaseQueue(PriorityQueue):
    """scrapy-redis' priority queue for SourceCrawl, whose callbacks belong to its phase spiders.

    A request is stored with its callback and errback named as (phase spider, method), and bound to
    that phase spider of the process that takes it."""

    def _encode_request(self, request: Request) -> bytes:
        meta = dict(request.meta)
        for role in ("callback", "errback"):
            method = getattr(request, role)
            if method is not None:
                meta[f"nd_{role}"] = (method.__self__.name, method.__name__)
        return super()._encode_request(request.replace(callback=None, errback=None, meta=meta))

    def _decode_request(self, encoded: bytes) -> Request:
        request = super()._decode_request(encoded)
        phases = {phase.name: phase for phase in self.spider.phases}
        bound = {}
        for role in ("callback", "errback"):
            if (named := request.meta.pop(f"nd_{role}", None)) is not None:
                bound[role] = getattr(phases[named[0]], named[1])
        return request.replace(**bound)
