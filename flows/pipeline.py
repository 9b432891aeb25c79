"""The Prefect flows: one pipeline run (crawl -> load pages -> clean/events -> derived state) and
reprocessing, plus `serve` (the same run on a cron schedule).

Flows only compose the tasks of flows/tasks.py (thin wrappers over stages/). Crawls of different
sources run concurrently (each in its own process); loading is serialised because DuckDB has one writer
(on a DuckLake, several runs over different sources load at once; their writer sessions take turns).
"""
from __future__ import annotations

import logging
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from prefect import flow, task
from prefect.deployments.runner import EntrypointType
from prefect.artifacts import create_markdown_artifact
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from flows.config import CrawlSettings, Source, load_sources  # noqa: F401 (scheduled_run: pipeline.load_sources)
from flows.scale import Coding, coding_runner, scheduler_address
from flows.runlock import RunInProgress, claim, run_lock
from flows.tasks import crawl_source, finish_run_record, ingest_source, refresh_derived, reprocess_source
from stages import faults
from stages.progress import silent
from warehouse import migrate, transaction, writer
from warehouse.db import LAKE_PREFIX, Lake, target
from warehouse.runs import finish_run, live_runs, start_run

log = logging.getLogger(__name__)


def as_target(db: Path | str | Lake) -> Path | Lake:
    """A DuckDB file path as a Path; a DuckLake warehouse as it is."""
    return db if isinstance(db, Lake) else Path(db)


def _address(db: Path | Lake) -> dict[str, str]:
    """The warehouse as the scheduled deployment's string parameters (db, and lake_data for a DuckLake)."""
    if isinstance(db, Lake):
        return {"db": LAKE_PREFIX + db.catalog, "lake_data": str(db.data.resolve())}
    return {"db": str(Path(db).resolve())}


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]


@flow(name="newsdesk-warm-up")
def warm_up() -> None:
    """An empty flow: starts Prefect's local server so that timed runs don't include its start."""


@task
def open_run(db: Path, run_id: str, command: str) -> None:
    """Migrate the warehouse and record the run as running (earlier unfinished runs become interrupted:
    on a DuckLake, only those whose process no longer holds their run lock, see flows/runlock.py)."""
    claim(db, run_id)
    live = (lambda run_ids: live_runs(db, run_ids)) if isinstance(db, Lake) else None
    with writer(db) as con:
        migrate(con)
        with transaction(con):
            start_run(con, run_id, command, str(flow_run.get_id() or ""), live=live)


@task
def close_run(db: Path, run_id: str, status: str, summary: dict[str, Any], error: str | None = None) -> None:
    """Record the run's outcome."""
    with writer(db) as con:
        finish_run(con, run_id, status, summary, error)


class Stopwatch:
    """Seconds spent per stage of a run, kept in the run summary."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.laps[stage] = round(self.laps.get(stage, 0.0) + time.perf_counter() - start, 2)


def _summary_markdown(run_id: str, summary: dict[str, Any]) -> str:
    lines = [f"# newsdesk run {run_id}", "", "| source | fetched | failed | unchanged | articles | new | skipped |",
             "|---|---|---|---|---|---|---|"]
    for name, c in summary["sources"].items():
        lines.append(f"| {name} | {c.get('pages_fetched', 0)} | {c.get('pages_failed', 0)} | "
                     f"{c.get('pages_unchanged', 0)} | {c.get('articles_seen', 0)} | {c.get('articles_new', 0)} | "
                     f"{c.get('pages_skipped', 0)} |")
    lines += ["", *[f"- warning: {w}" for w in summary.get("warnings", [])]]
    return "\n".join(lines)


@flow(name="newsdesk-run", task_runner=ThreadPoolTaskRunner(max_workers=3), log_prints=False,
      validate_parameters=False)
def pipeline_run(sources: list[Source], db: Path, work_dir: Path, run_id: str | None = None,
                 code_events: bool = True, progress: Any = None, crawl: CrawlSettings | None = None,
                 coding: Coding | None = None) -> dict[str, Any]:
    """Crawl every source, load raw pages, clean them into articles and events, and bring duplicate
    links, learned boilerplate and the search index up to date.

    `crawl` ([crawl] of the sources file) may share each source's frontier between processes through
    Redis; `coding` may fan cleaning and event coding out on Dask (flows.scale).

    Only one run per DuckDB file at a time, and on a DuckLake one run per source at a time: while
    another holds the run lock (flows/runlock.py) this one does nothing.
    `progress` is a stages.progress.Progress callback (the CLI's bars).
    """
    run_id = run_id or new_run_id()
    try:
        with run_lock(db, run_id, [s.name for s in sources]):
            return _run(sources, as_target(db), Path(work_dir) / run_id, run_id, code_events, progress or silent,
                        crawl, coding)
    except RunInProgress as exc:
        log.warning("run %s not started: %s", run_id, exc)
        return {"run_id": run_id, "skipped": str(exc), "sources": {}}


KEEP_RUN_DIRS = 5  # crawl output of the latest runs, for inspection; the warehouse has every page anyway


def _prune_run_dirs(work_dir: Path, keep: int = KEEP_RUN_DIRS, db: Path | Lake | None = None) -> None:
    """Run ids sort by time, so the oldest crawl directories go first; on a DuckLake, never those of
    runs still going (several runs may share the directory)."""
    runs = sorted(p for p in work_dir.iterdir() if p.is_dir()) if work_dir.is_dir() else []
    old = runs[:-keep]
    if old and isinstance(db, Lake):
        going = live_runs(db, [p.name for p in old])
        old = [p for p in old if p.name not in going]
    for path in old:
        shutil.rmtree(path, ignore_errors=True)


def nothing_fetched(counts: dict[str, dict[str, Any]]) -> bool:
    """Every source failed: no page fetched or unchanged, only failures (a run skipped as unchanged is fine)."""
    return bool(counts) and all(not c.get("pages_fetched") and not c.get("pages_unchanged") and c.get("pages_failed")
                                for c in counts.values())


def _run(sources: list[Source], db: Path, run_dir: Path, run_id: str, code_events: bool,
         progress: Any, crawl: CrawlSettings | None = None, coding: Coding | None = None) -> dict[str, Any]:
    _prune_run_dirs(run_dir.parent, db=db)
    run_dir.mkdir(parents=True, exist_ok=True)
    clock = Stopwatch()
    with clock("start"):
        open_run(db, run_id, "run")
    summary: dict[str, Any] = {"run_id": run_id, "sources": {}, "seconds": clock.laps}
    try:
        with clock("crawl"):
            crawls = {s.name: crawl_source.submit(s, db, run_dir, progress, crawl) for s in sources}
            faults.point("crawl")
            pages = {name: future.result() for name, future in crawls.items()}
        with clock("load + clean + events"), coding_runner(coding) as runner:
            for source in sources:
                summary["sources"][source.name] = ingest_source(pages[source.name], db, run_id, source,
                                                                code_events=code_events, progress=progress,
                                                                dask_address=scheduler_address(runner),
                                                                in_flight=(coding or Coding()).in_flight)
        with clock("duplicates + index"):
            refresh_derived(db, progress)
        summary["nothing_fetched"] = nothing_fetched(summary["sources"])
        with clock("record"):
            summary["warnings"] = finish_run_record(db, run_id, summary)
    except BaseException as exc:
        close_run(db, run_id, "failed", summary, f"{type(exc).__name__}: {exc}")
        raise
    create_markdown_artifact(_summary_markdown(run_id, summary), key="newsdesk-run-summary",
                             description="Pages and articles per source")
    return summary


@flow(name="newsdesk-scheduled-run", log_prints=False)
def scheduled_run(sources_file: str, db: str, work_dir: str, lake_data: str | None = None) -> dict[str, Any]:
    """What `newsdesk serve` runs on its schedule: re-read the sources file, then one pipeline run.

    The runner ships this flow to a spawned process with cloudpickle, by value: its globals then hold
    only the names the body uses, and `pipeline_run` validates its parameters against annotations
    (`list[Source]`) that must resolve in its module. So import the module for real in that process.
    """
    import os

    from flows import pipeline

    pipeline.faults.configure(os.environ.get("NEWSDESK_CRASH_AT"), os.environ.get("NEWSDESK_HOLD_AT"))
    config = pipeline.load_sources(Path(sources_file))
    return pipeline.pipeline_run(config.source, pipeline.target(db, lake_data), Path(work_dir), crawl=config.crawl)


def serve(sources_file: Path, db: Path, work_dir: Path, cron: str, refill_seconds: float = 30.0,
          every: float | None = None) -> None:
    """Serve the scheduled deployment from this process until interrupted; one run at a time.

    The schedule is `cron`, or with `every` an interval of that many seconds (cron cannot go below a
    minute).
    The runs go to the Prefect server the CLI started (prefect_env.local_server). Its scheduler makes
    the cron runs too, but only once a minute; this process also asks the server every `refill_seconds`
    to create the deployment's upcoming runs (the same call the scheduler makes; it is idempotent), so
    the first run is never a minute late, while the runner picks them up and executes them.
    """
    import asyncio

    from prefect import get_client
    from prefect.runner import Runner

    runner = Runner(name="newsdesk-scheduled", pause_on_shutdown=False, limit=1)
    deployment_id = runner.add_flow(
        scheduled_run, name="newsdesk-scheduled", entrypoint_type=EntrypointType.MODULE_PATH,
        **({"interval": every} if every else {"cron": cron}),
        parameters={"sources_file": str(sources_file.resolve()), **_address(db),
                    "work_dir": str(work_dir.resolve())},
    )

    async def keep_scheduled() -> None:
        async with get_client() as client:
            while True:
                response = await client.request("POST", "/deployments/{id}/schedule",
                                                path_params={"id": deployment_id}, json={})
                if response.is_error:  # e.g. a busy SQLite; the runs already made still run
                    log.warning("could not schedule runs: HTTP %s %s", response.status_code, response.text)
                await asyncio.sleep(min(refill_seconds, every or refill_seconds))

    async def main() -> None:
        async with asyncio.TaskGroup() as group:
            group.create_task(keep_scheduled())
            group.create_task(runner.start())

    log.info("serving deployment %s on %r", deployment_id, cron)
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        log.info("serve interrupted; stopping")


@flow(name="newsdesk-reprocess", log_prints=False, validate_parameters=False)
def reprocess_flow(sources: list[Source], db: Path, since: str | None = None, code_events: bool = True,
                   progress: Any = None) -> dict[str, Any]:
    """Rebuild articles (and events) from stored raw pages with the current code; nothing is fetched."""
    run_id = new_run_id()
    with run_lock(db, run_id, [s.name for s in sources]):
        return _reprocess(sources, as_target(db), run_id, since, code_events, progress or silent)


def _reprocess(sources: list[Source], db: Path, run_id: str, since: str | None, code_events: bool,
               progress: Any) -> dict[str, Any]:
    open_run(db, run_id, "reprocess")
    summary: dict[str, Any] = {"run_id": run_id, "sources": {}}
    for source in sources:
        summary["sources"][source.name] = reprocess_source(db, run_id, source, code_events=code_events, since=since,
                                                           progress=progress)
    refresh_derived(db, progress)
    summary["warnings"] = finish_run_record(db, run_id, summary)
    return summary
