"""runs, run_sources and sources: what each run did, per source, and the queries that read it back."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import duckdb

from warehouse.db import SQL_DIR

SOURCE_COUNTS = ("pages_fetched", "pages_failed", "pages_unchanged", "articles_seen", "articles_new",
                 "pages_skipped")


def now() -> datetime:
    return datetime.now(timezone.utc)


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, command: str, flow_run_id: str | None) -> None:
    """Record a run as running; runs still marked running were killed, so they become interrupted."""
    con.execute("update runs set status = 'interrupted', finished_at = ? where status = 'running'", [now()])
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
