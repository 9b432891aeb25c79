"""Ingest: a crawl's JSONL output of raw pages into WARC files and the raw_pages table, in short
transactions; each batch's records are written to the run's WARC file before the transaction that
stores their rows and pointers (see stages/warc.py for why a kill in between leaves nothing behind)."""
from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from stages import faults
from stages.records import page_record
from stages.warc import WarcFiles, archive_dir, repair
from transforms.models import RawPage
from warehouse import transaction, writer
from warehouse.db import Lake
from warehouse.pages import committed_warcs, move_bodies, stored_bodies, upsert_raw_pages
from warehouse.runs import live_runs

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
    """Archive a crawl's raw pages as WARC and store their rows (idempotent upserts); returns the fetch counts."""
    pages = read_pages(path) if path.exists() else []
    files = prepare_archive(db, run_id)
    for start in range(0, len(pages), BATCH):
        store_pages(db, files, pages[start:start + BATCH], run_id)
    return fetch_counts(pages)


def store_pages(db: Path, files: WarcFiles, pages: list[RawPage], run_id: str) -> None:
    """One batch: WARC records appended and fsynced, then rows, pointers and committed length in one transaction."""
    pointers, committed = files.append(pages)
    faults.point("warc")
    records = [{**page_record(p), **pointers.get(p.url, {"warc_file": None})} for p in pages]
    with writer(db) as con, transaction(con):
        upsert_raw_pages(con, records, run_id, committed)
        faults.point("load")


def prepare_archive(db: Path, run_id: str) -> WarcFiles:
    """Cut WARC files back to what committed rows reference (on a DuckLake, only those of runs no longer
    going: see stages.warc.repair), move bodies an older version kept in the database into WARC files;
    returns the run's WARC files."""
    directory = archive_dir(db)
    with writer(db) as con:
        committed = committed_warcs(con)
    live = (lambda run_ids: live_runs(db, run_ids)) if isinstance(db, Lake) else None  # other runs load too
    for name in repair(directory, committed, live, prefix=Path(db).stem):
        log.warning("WARC file %s cut back to its committed records (a run was killed while writing)", name)
    files = WarcFiles(directory, run_id, prefix=Path(db).stem)
    archive_stored_bodies(db, files)
    return files


def archive_stored_bodies(db: Path, files: WarcFiles) -> int:
    """Bodies stored in raw_pages by versions before WARC archiving, moved out batch by batch (migration 006's
    second half: a numbered SQL migration cannot write files); returns how many moved."""
    moved = 0
    while True:
        with writer(db) as con:
            rows = stored_bodies(con, BATCH)
        if not rows:
            return moved
        pointers, (name, size) = files.append([RawPage(**row) for row in rows])
        with writer(db) as con, transaction(con):
            move_bodies(con, pointers, name, size)
        moved += len(rows)
