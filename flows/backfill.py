"""`newsdesk import-warc FILE.warc.gz... --source NAME`: backfill from WARC files (stages/backfill.py).

The flow only composes the stage: open a run, read each file's HTML responses into raw pages, clean and
code the pending pages on both cores, refresh derived state, close the run. The CLI prints a summary
and the end-to-end rate: articles stored per second from the first WARC record read to the last
article, events and derived rows written (Prefect's start-up excluded, and printed apart).
"""
from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table


def import_warcs(db: Any, files: list[Path], source: str, *, workers: int, code: bool = True,
                 progress: Any = None) -> dict[str, Any]:
    """The import as one Prefect flow run (under the warehouse's run lock); returns the summary."""
    from prefect import flow

    from flows.pipeline import new_run_id, open_run
    from flows.runlock import run_lock
    from flows.tasks import finish_run_record
    from stages import derived
    from stages.backfill import clean_pending, read_warc
    from stages.progress import silent

    @flow(name="newsdesk-import-warc", log_prints=False, validate_parameters=False)
    def import_warc_flow() -> dict[str, Any]:
        run_id = new_run_id()
        open_run(db, run_id, "import-warc")
        laps: dict[str, float] = {}
        start = lap = time.perf_counter()
        records: Counter[str] = Counter()
        for path in files:
            records.update(read_warc(db, path, source, run_id, progress or silent))
        laps["read"], lap = time.perf_counter() - lap, time.perf_counter()
        counts = clean_pending(db, run_id, source, workers=workers, code=code, progress=progress or silent)
        laps["clean + code + load"], lap = time.perf_counter() - lap, time.perf_counter()
        derived.refresh(db, progress or silent)
        laps["duplicates + index"] = time.perf_counter() - lap
        seconds = time.perf_counter() - start
        summary = {"run_id": run_id, "records": dict(records), "seconds": round(seconds, 2),
                   "laps": {k: round(v, 2) for k, v in laps.items()}, "workers": workers,
                   "sources": {source: {"pages_fetched": records["html"], "articles_seen": counts["article"],
                                        "articles_new": counts["articles_new"],
                                        "pages_skipped": counts["skipped"] + counts["unusable"]}},
                   "clean": dict(counts)}
        summary["warnings"] = finish_run_record(db, run_id, summary)
        return summary

    with run_lock(db, sources=[source]):  # on DuckLake: no run over this source meanwhile
        return import_warc_flow()


def summary_table(summary: dict[str, Any]) -> Table:
    """Records read by kind, then what cleaning made of the HTML responses."""
    table = Table(title=f"import-warc {summary['run_id']}")
    table.add_column("what")
    table.add_column("count", justify="right")
    for kind, n in sorted(summary["records"].items(), key=lambda kv: (kv[0] != "html", kv[0])):
        table.add_row("HTML responses" if kind == "html" else f"skipped: {kind}", str(n))
    for status, n in sorted(summary["clean"].items()):
        table.add_row(f"pages {status}" if status != "articles_new" else "new articles", str(n))
    return table


def rate_line(summary: dict[str, Any]) -> str:
    """The end-to-end rate: articles stored (with their events) per second of import."""
    articles = summary["clean"].get("article", 0)
    rate = articles / summary["seconds"] if summary["seconds"] else 0.0
    laps = ", ".join(f"{k} {v:.1f} s" for k, v in summary.get("laps", {}).items())
    return (f"{articles} articles in {summary['seconds']:.1f} s ({laps}; {summary.get('workers')} workers): "
            f"{rate:.1f} articles/s end to end")


def cmd_import_warc(args: argparse.Namespace, settings: Any, out: Console, err: Console) -> int:
    """Backfill WARC responses through the same clean, dedup, event and load steps; resumable."""
    from flows import prefect_env, progress
    from flows.tools import InputError

    missing = [f for f in args.files if not Path(f).is_file()]
    if missing:
        raise InputError(f"{missing[0]}: no such file")
    prefect_env.configure(settings.local_dir() / ".prefect")
    with progress.shown(err) as bars:
        summary = import_warcs(settings.target(), [Path(f) for f in args.files], args.source,
                               workers=args.workers or os.cpu_count() or 1, code=not args.no_events, progress=bars)
    out.print(summary_table(summary))
    out.print(rate_line(summary), highlight=False)
    return 0
