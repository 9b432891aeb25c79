"""Cleaning and event coding fanned out on Prefect's Dask task runner (`newsdesk run --workers N` or
`--dask-address tcp://scheduler:8786`).

The sequential stage (stages.batch.clean_batches) reads a batch of pending pages, cleans and codes it,
and writes it in one transaction. Here the same batches, read the same way, are shipped as plain
records (the raw_pages rows) to Dask workers, which run the same `clean_one` and `code_events` and send
back the outcomes; this process, the one loader, writes them in batch order through the same
`stages.batch` writer. Mention linking reads the events stored by earlier batches, so writing in order
gives the rows of a sequential run. Each worker process loads the spaCy model once.

The DaskTaskRunner starts (or connects to) the cluster and its client; a batch goes to the workers as
a plain function call on that client, not as a Prefect task run: Prefect would ship the flow run's
whole context with every batch, parameters included (the CLI's progress bars cannot be pickled).

Without either option nothing here runs: no Dask, no cluster, today's sequential stage.
"""
from __future__ import annotations

import logging
import re
from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stages import faults
from stages.batch import BATCH, Outcome, clean_one, unique_articles, write_batch
from stages.events import code_events
from stages.progress import Progress, silent
from stages.records import page_from_record
from stages.warc import archive_dir, attach_bodies
from warehouse import writer
from warehouse.articles import boilerplate
from warehouse.pages import page_batch

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Coding:
    """Where the clean-and-code stage runs: here (default), a local Dask cluster, or an existing one."""

    workers: int | None = None  # local cluster of this many single-threaded worker processes
    address: str | None = None  # tcp://host:8786 of a running dask scheduler

    @property
    def fanned_out(self) -> bool:
        return bool(self.workers or self.address)

    @property
    def in_flight(self) -> int:
        """Batches shipped ahead of the loader: enough to keep every worker busy, few enough for memory."""
        return 2 * (self.workers or 4)


def task_runner(coding: Coding) -> Any:
    """Prefect's DaskTaskRunner for `coding`: a LocalCluster on 127.0.0.1, or the given scheduler."""
    from prefect_dask import DaskTaskRunner

    if coding.address:
        return DaskTaskRunner(address=coding.address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": coding.workers, "threads_per_worker": 1, "processes": True,
                                          "host": "127.0.0.1", "dashboard_address": None})


@contextmanager
def coding_runner(coding: Coding | None) -> Iterator[Any]:
    """The started task runner for the run's clean-and-code stage; None when it runs sequentially."""
    if coding is None or not coding.fanned_out:
        yield None
        return
    logging.getLogger("distributed").setLevel(logging.WARNING)  # its INFO lines would flood the CLI's stderr
    with task_runner(coding) as runner:
        yield runner


def clean_and_code(records: list[dict[str, Any]], pattern: str | None, learned: frozenset[str],
                   code: bool) -> tuple[dict[str, Outcome], dict[str, list] | None]:
    """One batch on a worker: page rows in, each page's outcome and each article's events out."""
    regex = re.compile(pattern) if pattern else None
    outcomes = {page.page_id: clean_one(page, regex, learned) for page in map(page_from_record, records)}
    articles = [o.article for o in unique_articles(list(outcomes.values()))]
    return outcomes, (code_events(articles) if code and articles else None)


def _batches(db: Path, source: str) -> Iterator[tuple[list[dict[str, Any]], frozenset[str]]]:
    """The source's pending pages in the sequential stage's batches, bodies attached, with its learned
    boilerplate: workers get plain records and never need the warehouse or its WARC files."""
    learned: frozenset[str] | None = None
    after = ""
    while True:
        with writer(db) as con:
            records = page_batch(con, after=after, limit=BATCH, source=source)
            learned = boilerplate(con, source) if learned is None else learned
        if not records:
            return
        after = records[-1]["url"]
        yield attach_bodies(records, archive_dir(db)), learned  # bodies from the WARC files, read here


def scheduler_address(runner: Any) -> str | None:
    """Where the started task runner's Dask scheduler listens (what flows.tasks passes on)."""
    return runner.client.scheduler.address if runner is not None else None


def clean_fanned_out(db: Path, run_id: str, source: str, pattern: re.Pattern | None, address: str, *,
                     in_flight: int = 4, code: bool = True, progress: Progress = silent) -> dict[str, int]:
    """clean_batches() for the pending pages of a source, with the batches cleaned and coded on the
    Dask cluster at `address`."""
    from distributed import Client

    with Client(address, set_as_default=False) as client:
        return _fan_out(client, db, run_id, source, pattern, in_flight, code, progress)


def _fan_out(client: Any, db: Path, run_id: str, source: str, pattern: re.Pattern | None, in_flight: int,
             code: bool, progress: Progress) -> dict[str, int]:
    counts: Counter[str] = Counter()
    pending: deque[tuple[Any, int]] = deque()
    flags = pattern.pattern if pattern else None

    def write_oldest() -> None:
        future, size = pending.popleft()
        outcomes, coded = future.result()
        progress(f"clean {source}", size)
        faults.point("clean")
        counts["articles_new"] += write_batch(db, run_id, outcomes, coded)
        faults.point("commit")
        counts.update(o.status for o in outcomes.values())

    for records, learned in _batches(db, source):
        pending.append((client.submit(clean_and_code, records, flags, learned, code, pure=False), len(records)))
        if len(pending) >= in_flight:
            write_oldest()
    while pending:
        write_oldest()
    return {"articles_seen": counts.pop("article", 0), "pages_skipped": counts.pop("skipped", 0),
            "pages_unusable": counts.pop("unusable", 0), "clean_errors": counts.pop("error", 0), **counts}
