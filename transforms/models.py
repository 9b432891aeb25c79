"""Records exchanged between the pipeline stages.

Every stage boundary is one of these frozen dataclasses (or its JSON form), so stages can run in
separate processes and exchange files or batches instead of shared objects. Ids are deterministic
hashes of URLs, so re-loading the same page or article is idempotent.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import asdict, dataclass
from typing import Any


def stable_id(text: str) -> str:
    """A short, deterministic id for a URL (first 16 hex chars of its SHA-1)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class RawPage:
    """One fetch attempt as the spiders saw it, success or failure.

    `status` is the HTTP status (None when no response came back); `error` names the reason a page
    could not be used (timeout, DNS, robots.txt, non-HTML content, size cap...). `body` is kept so
    articles can be rebuilt later without fetching again.
    """

    url: str
    source: str
    fetched_at: str  # ISO 8601, UTC
    final_url: str | None = None
    status: int | None = None
    error: str | None = None
    via: str = "crawl"  # how the URL was discovered: feed | sitemap | crawl | start
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sitemap_lastmod: str | None = None
    location: str | None = None  # redirect target for 3xx records
    body: bytes | None = None

    @property
    def page_id(self) -> str:
        return stable_id(self.url)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["body"] = base64.b64encode(self.body).decode("ascii") if self.body is not None else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RawPage":
        data = dict(data)
        if data.get("body") is not None:
            data["body"] = base64.b64decode(data["body"])
        return cls(**data)


@dataclass(frozen=True)
class Article:
    """A clean news article extracted from one raw page."""

    article_id: str  # stable_id(canonical_url)
    url: str  # the URL it was fetched from
    canonical_url: str  # normalised: tracking parameters dropped
    source: str
    title: str
    text: str  # paragraphs separated by a blank line
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601 date or datetime, with offset when the page gives one
    updated: str | None = None
    language: str | None = None
    site_name: str | None = None
    section: str | None = None
    categories: tuple[str, ...] = ()
    description: str | None = None
    lead_image: str | None = None
    access: str = "unknown"  # free | metered | paywalled | truncated | unknown (see transforms.access)
    word_count: int = 0
    content_hash: str = ""  # SHA-1 of the normalised text
    extractor_version: str = ""
    duplicate_of: str | None = None  # article_id of the first-seen copy, set by transforms.dedup
    page_id: str | None = None  # raw page it came from
    page_kind_confidence: float = 1.0  # how sure clean() is that the page is an article (0..1)

    @property
    def author(self) -> str | None:
        return "; ".join(self.authors) or None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["authors"] = list(self.authors)
        data["categories"] = list(self.categories)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Article":
        data = dict(data)
        data["authors"] = tuple(data.get("authors") or ())
        data["categories"] = tuple(data.get("categories") or ())
        return cls(**data)
