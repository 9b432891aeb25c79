"""Which runs may load into a warehouse at the same time, across processes and machines (scheduled,
manual, reprocess, import-warc).

A DuckDB file: one run at a time. An advisory `flock` on `<db>.run.lock`: the OS drops it when the
holder dies, even by SIGKILL, so a crashed run never blocks the next one.

A DuckLake warehouse: any number of runs at once, on any machines, but never two over the same source.
A run opens a PostgreSQL session of its own in the catalog database (warehouse.db.CatalogSession) and
holds, for its whole life, a session-level advisory lock per source it loads (refused at once, exit 3,
when another run holds one) and one keyed from its run id, which tells the other runs it is alive
(warehouse.runs.live_runs: whose unfinished runs become interrupted, whose WARC files may be repaired).
PostgreSQL drops them when the session ends, and the OS ends it when the process dies, even by SIGKILL.
"""
from __future__ import annotations

import fcntl
import logging
import os
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from warehouse.db import CatalogSession, Lake
from warehouse.runs import RUN_LOCKS, SOURCE_LOCKS, lock_key

log = logging.getLogger(__name__)


class RunInProgress(RuntimeError):
    """Another run holds the warehouse's run lock (on DuckLake: the lock of one of this run's sources)."""


def lock_path(db: Path) -> Path:
    """`<db>.run.lock` of a DuckDB file."""
    db = Path(db)
    return db.with_name(db.name + ".run.lock")


@contextmanager
def run_lock(db: Path | Lake, run_id: str | None = None, sources: Sequence[str] = ()) -> Iterator[None]:
    """Hold the run lock for the duration of a run, or raise RunInProgress at once.

    On a DuckDB file that is the whole warehouse (`run_id` and `sources` are not needed). On a DuckLake
    it is the lock of each of `sources` and, once known (here, or claim() when the run record is
    made), of the run id."""
    if isinstance(db, Lake):
        with _lake_run_lock(db, run_id, sources):
            yield
        return
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            raise RunInProgress(f"another newsdesk run (pid {holder}) is using {db}") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


_held: dict[Lake, list[CatalogSession]] = {}  # this process's open run locks per lake, the latest last


def _who() -> str:
    return f"pid {os.getpid()} on {socket.gethostname()}"


def _try_lock(session: CatalogSession, key: tuple[int, int]) -> bool:
    return bool(session.query(f"select pg_try_advisory_lock({key[0]}, {key[1]})")[0][0])


def _holder(session: CatalogSession, key: tuple[int, int]) -> str:
    """What the session holding an advisory lock calls itself (its application_name), or 'unknown'."""
    rows = session.query("select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                         f"where l.locktype = 'advisory' and l.granted and l.objsubid = 2 and l.classid = {key[0]} "
                         f"and l.objid = {key[1]} and l.database = (select oid from pg_database "
                         "where datname = current_database())")
    name = rows[0][0] if rows else ""
    return name.removeprefix("newsdesk ") if name else "unknown"


@contextmanager
def _lake_run_lock(lake: Lake, run_id: str | None, sources: Sequence[str]) -> Iterator[None]:
    session = CatalogSession(lake, f"newsdesk {_who()}")
    try:
        for source in sorted(set(sources)):  # try-locks never wait, so the order cannot deadlock
            key = lock_key(SOURCE_LOCKS, source)
            if not _try_lock(session, key):
                raise RunInProgress(f"another newsdesk run ({_holder(session, key)}) is loading source {source!r} "
                                    f"into {lake}")
        _held.setdefault(lake, []).append(session)
        try:
            if run_id:
                claim(lake, run_id)
            yield
        finally:
            _held[lake].remove(session)
    finally:
        session.close()


def claim(db: Path | Lake, run_id: str) -> None:
    """Take run `run_id`'s lock on this process's run lock of a DuckLake warehouse, so that other runs
    see it alive (warehouse.runs.live_runs). Nothing to do on a DuckDB file, whose one run is alive as
    long as it holds the file's run lock."""
    if not isinstance(db, Lake):
        return
    sessions = _held.get(db)
    if not sessions:
        log.warning("run %s of %s holds no run lock: other runs will take it for interrupted", run_id, db)
        return
    session = sessions[-1]
    session.set_name(f"newsdesk run {run_id}, {_who()}")
    if not _try_lock(session, lock_key(RUN_LOCKS, run_id)):  # run ids are unique: only a hash collision
        raise RunInProgress(f"another newsdesk run holds the lock of run id {run_id} in {db}")
