"""One source of `sources.toml` and its politeness table: the single model of what a crawl may do.

The config (`flows.config`), the crawl process (`spiders.crawl`, which receives the source as JSON),
`scrapy crawl SOURCE` (`spiders.loader`) and the probe (`spiders.probe`) all validate with these
models, so a default or a check lives here once. Scrapy settings are derived from a Source in one
place: `spiders.settings.source_settings`.
"""
from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from spiders import settings as defaults
from spiders.guard import host_refusal, url_problem


class Politeness(BaseModel):
    """How hard a source's site may be hit; every key optional, defaults from spiders.settings."""

    model_config = ConfigDict(extra="forbid", strict=True)

    obey_robots: bool = defaults.ROBOTSTXT_OBEY
    concurrency_per_domain: int = Field(defaults.CONCURRENT_REQUESTS_PER_DOMAIN, ge=1, le=16)
    download_delay: float = Field(defaults.DOWNLOAD_DELAY, ge=0)
    autothrottle: bool = defaults.AUTOTHROTTLE_ENABLED
    user_agent: str = Field(defaults.USER_AGENT, min_length=1)
    max_bytes: int = Field(defaults.DOWNLOAD_MAXSIZE, ge=10_000)
    timeout: float = Field(defaults.DOWNLOAD_TIMEOUT, gt=0)
    max_pages: int = Field(1000, ge=1)
    depth_limit: int = Field(3, ge=0)
    retry_times: int = Field(defaults.RETRY_TIMES, ge=0)

    @model_validator(mode="before")
    @classmethod
    def _drop_nulls(cls, data: object) -> object:
        """A key given as null (JSON from older callers) means the default."""
        return {k: v for k, v in data.items() if v is not None} if isinstance(data, dict) else data


class Source(BaseModel):
    """A news site: where its feeds, sitemaps and start pages are, and what may be crawled."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    feeds: list[str] = []
    sitemaps: list[str] = []
    start_urls: list[str] = []
    allowed_domains: list[str] = []
    article_pattern: str | None = None
    allow_private: bool = False  # fetch from loopback/private addresses (intranet, the sample site)
    politeness: Politeness = Politeness()

    @field_validator("feeds", "sitemaps", "start_urls")
    @classmethod
    def _fetchable(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if problem := url_problem(url):
                raise ValueError(f"{url[:200]!r}: {problem}")
        return urls

    @field_validator("article_pattern")
    @classmethod
    def _regex(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from exc
        return pattern

    @model_validator(mode="after")
    def _reachable(self) -> "Source":
        """Something to crawl, and no configured URL on an address the source may not fetch."""
        if not self.urls():
            raise ValueError("no feeds, sitemaps or start_urls")
        for url in self.urls():
            if why := host_refusal(url, self.allow_private):
                raise ValueError(f"{url!r}: refused: {why}")
        return self

    def urls(self) -> list[str]:
        """The configured entry points, in crawl order (sitemaps, feeds, start URLs), once each."""
        return list(dict.fromkeys([*self.sitemaps, *self.feeds, *self.start_urls]))


class CrawlSettings(BaseModel):
    """The `[crawl]` table of the sources file: where a shared frontier lives (spiders.shared), how many
    crawl processes of each source share it. No backend: one process per source, as always."""

    model_config = ConfigDict(extra="forbid", strict=True)

    backend: str | None = None  # redis://host:port/db; none: today's single-process crawl
    workers: int = Field(1, ge=1, le=64)  # crawl processes per source sharing the frontier

    @field_validator("backend")
    @classmethod
    def _redis_url(cls, url: str | None) -> str | None:
        if url is not None and not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must be a Redis URL (redis://host:port/db, rediss://..., unix://...)")
        return url

    @property
    def shared(self) -> bool:
        return self.backend is not None


def describe(exc: ValidationError) -> str:
    """A validation error as one line naming each bad key: `source[1].feeds: Input should be a valid list`."""
    problems = []
    for error in exc.errors():
        parts: list[str] = []
        for item in error["loc"]:
            if isinstance(item, int) and parts:
                parts[-1] = f"{parts[-1]}[{item}]"
            else:
                parts.append(str(item))
        where = ".".join(parts)
        problems.append(f"{where}: {error['msg']}" if where else error["msg"])
    return "; ".join(problems)
