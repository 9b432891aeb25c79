"""Read-only queries behind `newsdesk report`: the events in scope and what the report draws from them.

The scope (events dated on or after `since`, reported by `source`) is computed once into a temporary
table, `report_events`, so every chart and table of one report agrees on the same events; temporary
tables live in memory, so this works on a read-only connection. Rows come back as plain dicts.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb

from warehouse.db import SQL_DIR

TOP_PARTIES = 12      # actors and recipients shown per role
LATEST_EVENTS = 50    # rows of the latest main events table


@dataclass
class ReportRecords:
    """Everything one report shows, as plain records."""
    events: list[dict[str, Any]] = field(default_factory=list)
    per_day: list[dict[str, Any]] = field(default_factory=list)
    parties: list[dict[str, Any]] = field(default_factory=list)
    latest: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[dict[str, Any]] = field(default_factory=list)


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def _query(con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    return _dicts(con.execute((SQL_DIR / "report" / f"{name}.sql").read_text(), params))


def _scope(con: duckdb.DuckDBPyConnection, since: date | None, source: str | None) -> list[dict[str, Any]]:
    """Fill temp.report_events with the events in scope and return them."""
    sql = (SQL_DIR / "report" / "scoped_events.sql").read_text()
    con.execute("create or replace temp table report_events as " + sql, {"since": since, "source": source})
    return _dicts(con.execute("select * from temp.report_events order by date desc nulls last, event_id"))


def report_records(con: duckdb.DuckDBPyConnection, since: date | None = None,
                   source: str | None = None) -> ReportRecords:
    """The report's data for events dated on or after `since` and runs started since then, limited to
    one source when `source` is given (None: everything)."""
    window = {"since": since, "source": source}
    return ReportRecords(
        events=_scope(con, since, source),
        per_day=_query(con, "events_per_day", {}),
        parties=_query(con, "top_parties", {"limit": TOP_PARTIES}),
        latest=_query(con, "latest_main_events", {"source": source, "limit": LATEST_EVENTS}),
        sources=_query(con, "source_health", window),
        warnings=_query(con, "yield_warnings", window),
    )
