"""Records at the warehouse boundary: transforms' frozen dataclasses <-> the warehouse's plain dicts.

The warehouse never imports transforms; this is the one place the two meet.
"""
from __future__ import annotations

from typing import Any

from transforms.models import Article, RawPage


def page_record(page: RawPage) -> dict[str, Any]:
    """A raw page as a warehouse.pages record (`error` stored as `reason`)."""
    return {"page_id": page.page_id, "url": page.url, "source": page.source, "via": page.via,
            "final_url": page.final_url, "status": page.status, "reason": page.error,
            "content_type": page.content_type, "etag": page.etag, "last_modified": page.last_modified,
            "sitemap_lastmod": page.sitemap_lastmod, "location": page.location, "body": page.body,
            "fetched_at": page.fetched_at}


def page_from_record(record: dict[str, Any]) -> RawPage:
    """The RawPage of a record read back by warehouse.pages.page_batch."""
    data = {k: v for k, v in record.items() if k not in ("page_id", "reason")}
    return RawPage(**data, error=record.get("reason"))


def article_record(article: Article, block_keys: list[str] | None = None) -> dict[str, Any]:
    """An article as a warehouse.articles record, with the block keys of its unfiltered paragraphs."""
    return {**article.to_json(), "author": article.author, "block_keys": block_keys}
