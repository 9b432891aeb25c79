"""Ingest: a crawl's JSONL output of raw pages into the raw_pages table, in short transactions."""
from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from stages import faults
from stages.records import page_record
from transforms.models import RawPage
from warehouse import transaction, writer
from warehouse.pages import upsert_raw_pages

log = logging.getLogger(__name__)
BATCH = 200  # pages per transaction: readers wait at most one batch


def read_pages(path: Path) -> list[RawPage]:
    """The raw pages of a crawl output file; a torn last line (crawl killed mid-write) is skipped."""
    pages = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                pages.append(RawPage.from_json(json.loads(line)))
            except (json.JSONDecodeError, TypeError, ValueError):
                log.warning("skipping a torn line in %s (crawl killed mid-write?)", path)
    return pages


def fetch_counts(pages: list[RawPage]) -> dict[str, Any]:
    """What the crawl saw: fetched, failed (with reasons) and unchanged pages."""
    counts: Counter[str] = Counter()
    errors = []
    for page in pages:
        if page.status == 304:
            counts["pages_unchanged"] += 1
        elif page.error or page.status is None or page.status >= 300:
            counts["pages_failed"] += 1
            errors.append({"url": page.url, "status": page.status, "reason": page.error or f"HTTP {page.status}"})
        else:
            counts["pages_fetched"] += 1
    return {**counts, "errors": errors}


def load_pages(db: Path, path: Path, run_id: str) -> dict[str, Any]:
    """Store a crawl's raw pages (idempotent upserts); returns the fetch counts."""
    pages = read_pages(path) if path.exists() else []
    for start in range(0, len(pages), BATCH):
        with writer(db) as con, transaction(con):
            upsert_raw_pages(con, [page_record(p) for p in pages[start:start + BATCH]], run_id)
            faults.point("load")
    return fetch_counts(pages)
