"""One pipeline run per warehouse at a time, across processes (scheduled, manual, reprocess).

An advisory `flock` on `<db>.run.lock` (`<lake data dir>.run.lock` for a DuckLake warehouse): the OS drops it when the holder dies, even by SIGKILL, so a
crashed run never blocks the next one.
"""
from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class RunInProgress(RuntimeError):
    """Another run holds the warehouse's run lock."""


def lock_path(db: Path) -> Path:
    """`<db>.run.lock`; for a DuckLake warehouse (warehouse.db.Lake), beside its data directory."""
    db = Path(db)
    return db.with_name(db.name + ".run.lock")


@contextmanager
def run_lock(db: Path) -> Iterator[None]:
    """Hold the run lock for the duration of a run, or raise RunInProgress at once."""
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
