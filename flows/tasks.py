"""Prefect tasks of the pipeline: thin wrappers over the stages (stages/), one stage each.

Tasks pass paths, ids and counts, never HTML or tables; retries only where I/O can fail transiently.
"""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from prefect import task

from spiders.crawl import CrawlError, CrawlInputError, run_crawl
from spiders.probe import source_unchanged
from spiders.source import CrawlSettings, Source
from stages import derived
from stages.batch import clean_batches
from stages.health import yield_warnings
from stages.ingest import load_pages
from stages.progress import Progress, silent
from warehouse import transaction, writer
from warehouse.pages import crawl_state
from warehouse.runs import finish_run, record_source_counts, upsert_source

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
def crawl_source(source: Source, db: Path, run_dir: Path, progress: Progress = silent,
                 crawl: CrawlSettings | None = None) -> Path:
    """Crawl one source in its own process (or `crawl.workers` on a shared Redis frontier); returns
    the JSONL file of raw pages.

    When every entry point (feeds, sitemaps, start pages, stored feed/sitemap documents) answers 304,
    nothing new can be discovered from them, so no crawl process is started at all.
    """
    with writer(db) as con, transaction(con):
        upsert_source(con, source.name, source.model_dump())
        state = crawl_state(con, source.name)
    out = run_dir / f"{source.name}.pages.jsonl"
    progress(f"crawl {source.name}", 0, total=1)
    if source_unchanged(source, state, extra_urls=state["documents"]):
        log.info("%s: entry points unchanged (304), crawl skipped", source.name)
        out.touch()
    else:
        run_crawl(source, out, state, crawl=crawl)
    progress(f"crawl {source.name}", 1)
    return out


def _pattern(source: Source) -> re.Pattern | None:
    return re.compile(source.article_pattern) if source.article_pattern else None


@task
def ingest_source(path: Path, db: Path, run_id: str, source: Source, code_events: bool = True,
                  progress: Progress = silent, dask_address: str | None = None, in_flight: int = 4) -> dict[str, Any]:
    """Load one source's crawl, then clean its new pages into articles and events (on the Dask cluster
    at `dask_address`, started by flows.scale, when given)."""
    counts = load_pages(db, path, run_id)
    if dask_address is None:
        counts.update(clean_batches(db, run_id, source.name, _pattern(source), code=code_events, progress=progress))
    else:
        from flows.scale import clean_fanned_out

        counts.update(clean_fanned_out(db, run_id, source.name, _pattern(source), dask_address, in_flight=in_flight,
                                       code=code_events, progress=progress))
    return counts


@task
def reprocess_source(db: Path, run_id: str, source: Source, code_events: bool = True, since: str | None = None,
                     progress: Progress = silent) -> dict[str, int]:
    """Clean every stored page of a source again with the current code (nothing is fetched)."""
    return clean_batches(db, run_id, source.name, _pattern(source), code=code_events, reprocess=True, since=since,
                         progress=progress)


@task
def refresh_derived(db: Path, progress: Progress = silent) -> dict[str, int]:
    """Duplicate links, learned boilerplate and the search index, wherever they are marked stale."""
    return derived.refresh(db, progress)


@task
def finish_run_record(db: Path, run_id: str, summary: dict[str, Any]) -> list[str]:
    """In one short transaction: per-source counts, yield-drop warnings against each source's history,
    and the run marked finished."""
    with writer(db) as con, transaction(con):
        for source, counts in summary["sources"].items():
            record_source_counts(con, run_id, source, counts)
        warnings = yield_warnings(con, run_id)
        finish_run(con, run_id, "finished", {**summary, "warnings": warnings})
    for warning in warnings:
        log.warning(warning)
    return warnings
