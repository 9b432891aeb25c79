"""Prefect tasks of the pipeline. Each is small, passes paths, ids and counts, and does one stage."""
from __future__ import annotations

import json
import logging
import re
from collections import Counter
from pathlib import Path
from typing import Any

from prefect import task

from flows import faults, progress
from flows.config import Source
from flows.health import yield_warnings
from flows.stages import clean_batches, mark_duplicates
from spiders.crawl import CrawlError, CrawlInputError, run_crawl
from spiders.probe import source_unchanged
from transforms.models import RawPage
from warehouse import writer
from warehouse.load import crawl_state, finish_run, record_source_counts, upsert_raw_pages, upsert_source
from warehouse.search import has_index, rebuild_index

log = logging.getLogger(__name__)


def _transient(task: Any, task_run: Any, state: Any) -> bool:
    """Retry a crawl only when the crawl process itself died (network-level trouble), not on bad config."""
    try:
        state.result()
    except CrawlInputError:
        return False
    except CrawlError:
        return True
    except Exception:  # noqa: BLE001 - anything else is permanent
        return False
    return False


@task(retries=2, retry_delay_seconds=2, retry_condition_fn=_transient)
def crawl_source(source: Source, db: Path, run_dir: Path) -> Path:
    """Crawl one source in its own process; returns the JSONL file of raw pages.

    When every entry point (feeds, sitemaps, start pages, stored feed/sitemap documents) answers 304,
    nothing new can be discovered from them, so no crawl process is started at all.
    """
    with writer(db) as con:
        upsert_source(con, source.name, source.model_dump())
        state = crawl_state(con, source.name)
    out = run_dir / f"{source.name}.pages.jsonl"
    progress.step(f"crawl {source.name}", 0, total=1)
    if source_unchanged(source.model_dump(), state, extra_urls=state["documents"]):
        log.info("%s: entry points unchanged (304), crawl skipped", source.name)
        out.touch()
    else:
        run_crawl(source.model_dump(), out, state)
    progress.step(f"crawl {source.name}", 1)
    return out


def _read_pages(path: Path) -> list[RawPage]:
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


def load_pages(path: Path, db: Path, run_id: str) -> dict[str, Any]:
    """Store a crawl's raw pages (idempotent upserts in short transactions); returns fetch counts."""
    pages = _read_pages(path) if path.exists() else []
    for start in range(0, len(pages), 200):  # short transactions: readers wait at most one batch
        with writer(db) as con:
            con.execute("begin transaction")
            upsert_raw_pages(con, pages[start:start + 200], run_id)
            faults.point("load")
            con.execute("commit")
    return fetch_counts(pages)


@task
def ingest_source(path: Path, db: Path, run_id: str, source: Source, code_events: bool = True) -> dict[str, Any]:
    """Load one source's crawl, then clean its new pages into articles and events."""
    counts = load_pages(path, db, run_id)
    pattern = re.compile(source.article_pattern) if source.article_pattern else None
    counts.update(clean_batches(db, run_id, source.name, pattern, code_events=code_events))
    return counts


@task
def reprocess_source(db: Path, run_id: str, source: Source, code_events: bool = True,
                     since: str | None = None) -> dict[str, int]:
    """Clean every stored page of a source again with the current code (nothing is fetched)."""
    pattern = re.compile(source.article_pattern) if source.article_pattern else None
    return clean_batches(db, run_id, source.name, pattern, code_events=code_events, reprocess=True, since=since)


@task
def finish_run_record(db: Path, run_id: str, summary: dict[str, Any], reindex: bool) -> list[str]:
    """In one short transaction: per-source counts, the search index (when articles changed or it is
    missing), yield-drop warnings against each source's history, and the run marked finished."""
    with writer(db) as con:
        for source, counts in summary["sources"].items():
            record_source_counts(con, run_id, source, counts)
        if reindex or not has_index(con):
            rebuild_index(con)
        warnings = yield_warnings(con, run_id)
        finish_run(con, run_id, "finished", {**summary, "warnings": warnings})
    for warning in warnings:
        log.warning(warning)
    return warnings


@task
def link_duplicates(db: Path) -> int:
    """Point every copy (same text, or a near-duplicate such as a syndicated wire story) at its original."""
    return mark_duplicates(db)
