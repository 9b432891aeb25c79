"""The end-of-run summary people read in the terminal."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

SHOWN_ERRORS = 5  # per source; the page_errors view has them all

COLUMNS = [("pages_fetched", "fetched"), ("pages_failed", "not usable"), ("pages_unchanged", "unchanged"),
           ("articles_seen", "articles"), ("articles_new", "new rows"), ("pages_skipped", "not articles")]


def print_run_summary(console: Console, summary: dict[str, Any]) -> None:
    """A table per source, then each failed fetch with its reason (the next thing to look at)."""
    table = Table("source", *[label for _, label in COLUMNS], title=f"run {summary['run_id']}")
    totals = {key: 0 for key, _ in COLUMNS}
    for name, counts in summary["sources"].items():
        table.add_row(name, *[str(counts.get(key, 0)) for key, _ in COLUMNS])
        for key, _ in COLUMNS:
            totals[key] += int(counts.get(key, 0))
    table.add_row("[bold]total[/]", *[f"[bold]{totals[key]}[/]" for key, _ in COLUMNS])
    console.print(table)
    for name, counts in summary["sources"].items():
        errors = counts.get("errors", [])
        for error in errors[:SHOWN_ERRORS]:
            console.print(f"  [yellow]{name}[/] {error['url']}: {error['reason']}")
        if len(errors) > SHOWN_ERRORS:
            console.print(f"  [yellow]{name}[/] ... {len(errors) - SHOWN_ERRORS} more: "
                          f"newsdesk sql \"select * from page_errors where source = '{name}'\"")
    if summary.get("seconds"):
        console.print("seconds: " + ", ".join(f"{k} {v}" for k, v in summary["seconds"].items()))
    for warning in summary.get("warnings", []):
        console.print(f"[bold yellow]warning:[/] {warning}")
