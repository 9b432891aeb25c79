"""Printing query results for people (a table) and for programs (csv with a header, json array)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def render(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str, console: Console,
           compact: bool = False) -> None:
    """Print rows as a table, csv (header line first) or a json array of row objects.

    `compact` tables have no outer border and one space between columns, to fit narrow terminals."""
    if fmt == "json":
        console.file.write(json.dumps([dict(zip(columns, map(_plain, r))) for r in rows], ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buffer = io.StringIO()
        out = csv.writer(buffer, lineterminator="\n")
        out.writerow(columns)
        out.writerows([["" if v is None else _plain(v) for v in r] for r in rows])
        console.file.write(buffer.getvalue())
    else:
        table = Table(show_lines=False, box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False,
                      show_edge=False) if compact \
            else Table(show_lines=False)
        for name in columns:
            table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=60)
        for row in rows:
            table.add_row(*[_cell(v) for v in row])
        console.print(table)
        console.print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def _cell(value: Any) -> str:
    if value is None:
        return "NULL"
    text = str(_plain(value))
    return text if len(text) <= 120 else text[:117] + "..."
