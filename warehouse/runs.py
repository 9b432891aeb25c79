"""runs, run_sources and sources: what each run did, per source, and the queries that read it back."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import Any

import duckdb

from warehouse.db import SQL_DIR, Lake, catalog_query

# Advisory lock spaces of a DuckLake warehouse's runs in its catalog database (the first key of
# pg_advisory_lock(int, int); the second is a hash of the name): a run holds its run id's lock for its
# whole life, and the lock of every source it loads (flows/runlock.py).
RUN_LOCKS, SOURCE_LOCKS = 0x72756E73, 0x73726373  # "runs", "srcs"

SOURCE_COUNTS = ("pages_fetched", "pages_failed", "pages_unchanged", "articles_seen", "articles_new",
                 "pages_skipped")


def now() -> datetime:
    return datetime.now(timezone.utc)


def lock_key(space: int, name: str) -> tuple[int, int]:
    """The two-integer advisory lock key of a run id or source name in `space` (31-bit hash of the name)."""
    return space, int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=4).digest(), "big") >> 1


def held_locks(lake: Lake, keys: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Which of these advisory locks some session holds in the lake's catalog database."""
    keys = set(keys)
    if not keys:
        return set()
    pairs = ", ".join(f"({a}, {b})" for a, b in sorted(keys))
    rows = catalog_query(lake, "select distinct classid::bigint, objid::bigint from pg_locks where locktype = "
                               "'advisory' and granted and objsubid = 2 and database = (select oid from pg_database "
                               f"where datname = current_database()) and (classid::bigint, objid::bigint) in ({pairs})")
    return {(int(a), int(b)) for a, b in rows} & keys


def live_runs(lake: Lake, run_ids: Iterable[str]) -> set[str]:
    """The runs among `run_ids` whose process still holds their run lock (on any machine)."""
    keys = {run_id: lock_key(RUN_LOCKS, run_id) for run_id in run_ids}
    held = held_locks(lake, keys.values())
    return {run_id for run_id, key in keys.items() if key in held}


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, command: str, flow_run_id: str | None,
              live: Callable[[list[str]], set[str]] | None = None) -> None:
    """Record a run as running; runs still marked running were killed, so they become interrupted.

    With `live` (a DuckLake warehouse, where runs on several machines load at once: warehouse.runs.live_runs)
    only those of the unfinished runs that it does not report alive become interrupted."""
    if live is None:
        con.execute("update runs set status = 'interrupted', finished_at = ? where status = 'running'", [now()])
    else:
        running = [r[0] for r in con.execute("select run_id from runs where status = 'running' and run_id <> ?",
                                             [run_id]).fetchall()]
        dead = sorted(set(running) - live(running)) if running else []
        if dead:
            con.execute("update runs set status = 'interrupted', finished_at = ? where status = 'running' "
                        "and run_id in (select unnest(?::varchar[]))", [now(), dead])
    con.execute("insert into runs (run_id, flow_run_id, command, status, started_at) values (?, ?, ?, 'running', ?)",
                [run_id, flow_run_id, command, now()])


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, summary: dict, error: str | None = None) -> None:
    con.execute("update runs set status = ?, finished_at = ?, summary = ?, error = ? where run_id = ?",
                [status, now(), json.dumps(summary, default=str), error, run_id])


def record_source_counts(con: duckdb.DuckDBPyConnection, run_id: str, source: str, counts: dict[str, Any]) -> None:
    values = [int(counts.get(c, 0)) for c in SOURCE_COUNTS]
    columns = ", ".join(f"?::integer as {c}" for c in SOURCE_COUNTS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in (*SOURCE_COUNTS, "errors"))
    con.execute(
        f"merge into run_sources using (select ? as run_id, ? as source, {columns}, ?::json as errors) as excluded "
        "on run_sources.run_id = excluded.run_id and run_sources.source = excluded.source "
        f"when matched then update set {updates} when not matched then insert by name",
        [run_id, source, *values, json.dumps(counts.get("errors", []))],
    )


def upsert_source(con: duckdb.DuckDBPyConnection, name: str, config: dict) -> None:
    con.execute("merge into sources using (select ? as name, ?::json as config, now() as first_seen, now() as last_seen) "
                "as excluded on sources.name = excluded.name "
                "when matched then update set config = excluded.config, last_seen = excluded.last_seen "
                "when not matched then insert by name", [name, json.dumps(config)])


def _rows(cursor: duckdb.DuckDBPyConnection) -> tuple[list[str], list[tuple]]:
    return [d[0] for d in cursor.description], cursor.fetchall()


def source_health(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict[str, Any]]:
    """Per source: this run's article rate, missing dates and short bodies against its own history."""
    columns, rows = _rows(con.execute((SQL_DIR / "queries" / "source_health.sql").read_text(), {"run_id": run_id}))
    return [dict(zip(columns, r)) for r in rows]


def list_runs(con: duckdb.DuckDBPyConnection, limit: int) -> tuple[list[str], list[tuple]]:
    """The latest runs, one row each: (columns, rows)."""
    return _rows(con.execute((SQL_DIR / "queries" / "runs.sql").read_text(), {"limit": limit}))


def run_detail(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[list[str], list[tuple]]:
    """One run per source: (columns, rows); no rows for an unknown run id."""
    return _rows(con.execute((SQL_DIR / "queries" / "run_sources.sql").read_text(), {"run_id": run_id}))


def run_record(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Any] | None:
    """The runs row of one run (status, times, error, summary), or None."""
    cursor = con.execute("select * from runs where run_id = ?", [run_id])
    columns, rows = _rows(cursor)
    return dict(zip(columns, rows[0])) if rows else None
