"""The commands that never start Prefect: `sql`, `runs`, `export`, `extract`, `events` (and `report`).

Each takes the parsed arguments and the two consoles and returns an exit code: 0 success, 1 the command
ran but failed, 2 bad input. A bad input is one line on stderr, never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from rich.console import Console

from flows.config import Settings
from transforms.decode import MAX_BYTES as MAX_PAGE_BYTES  # the one page cap clean() applies



class InputError(ValueError):
    """Bad input: the CLI prints the message on one line and exits 2."""


def existing_db(settings: Settings) -> Any:
    """The warehouse (a DuckDB file or a warehouse.db.Lake), or InputError naming how to make one."""
    from warehouse.db import Lake

    target = settings.target()
    if isinstance(target, Lake):
        if not target.data.is_dir():
            raise InputError(f"no DuckLake data directory at {target.data}; run `newsdesk run --warehouse ... "
                             "--lake-data DIR` first")
        return target
    if not target.is_file():
        raise InputError(f"no database at {target}; run `newsdesk demo` or `newsdesk run` first")
    return target


def cmd_sql(args: argparse.Namespace, settings: Settings, out: Console, err: Console) -> int:
    """Run an ad-hoc query read-only on a locked-down connection; waits briefly if a run is committing."""
    from duckdb import Error as DuckDBError

    from flows.output import render
    from warehouse import reader

    db = existing_db(settings)
    try:
        with reader(db, wait_seconds=args.wait, allowed_directories=args.allow_files or ()) as con:
            cursor = con.execute(args.query)
            if cursor is None:
                raise InputError("no SQL statement in the query (it is empty or only comments)")
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows = cursor.fetchall() if columns else []
    except DuckDBError as exc:
        err.print(f"[red]error:[/] {' '.join(str(exc).split())}", highlight=False)
        return 1
    render(columns, rows, args.format, out)
    return 0


def cmd_runs(args: argparse.Namespace, settings: Settings, out: Console, err: Console) -> int:
    """Past runs, one line each; with a run id, that run per source."""
    from flows.output import render
    from warehouse import reader
    from warehouse.runs import list_runs, run_detail

    with reader(existing_db(settings)) as con:
        columns, rows = run_detail(con, args.run_id) if args.run_id else list_runs(con, args.limit)
    if args.run_id and not rows:
        err.print(f"[red]error:[/] no run {args.run_id!r} in {settings.target()} (see `newsdesk runs`)")
        return 1
    render(columns, rows, args.format, out, compact=True)
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings, out: Console, err: Console) -> int:
    """Write articles, events and event mentions as Parquet, partitioned by date."""
    from warehouse import reader
    from warehouse.export import export_parquet

    with reader(existing_db(settings)) as con:
        counts = export_parquet(con, Path(args.dir))
    for table, (rows, partition) in counts.items():
        out.print(f"{table}: {rows} rows -> {Path(args.dir) / table}/{partition}=.../", highlight=False)
    return 0


def _page_bytes(path: Path) -> bytes:
    """The saved page, refused above the crawl's size cap (a 50 MB page would take minutes and a GB)."""
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise InputError(f"{path}: {size:,} bytes is over the {MAX_PAGE_BYTES:,}-byte page cap")
    return path.read_bytes()


def extract_one(path: Path, url: str | None) -> dict[str, Any]:
    """One saved page through clean(): the article as a JSON object, or the reason there is none."""
    from transforms.clean import clean_page
    from transforms.models import RawPage

    record: dict[str, Any] = {"path": str(path), "url": url or path.resolve().as_uri()}
    if not path.is_file():
        return {**record, "error": "no such file"}
    try:
        body = _page_bytes(path)
    except InputError as exc:
        return {**record, "error": str(exc).split(": ", 1)[1]}
    page = RawPage(url=record["url"], source="file", fetched_at=datetime.now(timezone.utc).isoformat(),
                   status=200, content_type="text/html", body=body)
    cleaned = clean_page(page)
    if cleaned.article is None:
        return {**record, "title": None, "author": None, "published": None, "language": None, "text": None,
                "access": None, "error": f"not an article: {cleaned.reason or 'nothing extracted'}"}
    article = cleaned.article
    return {**record, **article.to_json(), "author": article.author, "url": record["url"]}


def cmd_extract(args: argparse.Namespace, settings: Settings, out: Console, err: Console) -> int:
    """Clean saved HTML pages without a database."""
    results = [extract_one(Path(name), args.url) for name in args.files]
    for item in results:
        if item.get("error"):
            err.print(f"[red]error:[/] {item['path']}: {item['error']}", highlight=False)
    if args.format == "text":
        for item in results:
            sys.stdout.write((item.get("text") or "") + "\n")
    elif args.format == "jsonl":
        for item in results:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        payload = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 1 if any(item.get("error") for item in results) else 0


def article_input(line: str) -> Any:
    """One `newsdesk events` input line as ArticleInput; InputError says what is wrong with it."""
    from transforms.events.model import as_input

    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON: {exc}") from exc
    if not isinstance(record, dict) or not {"id", "text"} <= record.keys():
        raise InputError('expected an object with at least "id" and "text"')
    for key in ("title", "text", "published", "language"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f'"{key}" must be a string, got {type(record[key]).__name__}')
    if isinstance(record["id"], (dict, list)):
        raise InputError('"id" must be a string or a number')
    return as_input(record)


def cmd_events(args: argparse.Namespace, settings: Settings, out: Console, err: Console) -> int:
    """Code events for articles given as JSON lines {id, title, text, published[, language]}; an article
    whose language is given and is not English codes no event.

    A missing file is bad input (2); a bad line stops the command with its line number (1)."""
    path = Path(args.file)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    from transforms.events import extract_events, load_resources

    resources = load_resources()
    with path.open(encoding="utf-8", errors="strict") as lines:
        try:
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                try:
                    doc = article_input(line)
                except InputError as exc:
                    err.print(f"[red]error:[/] {path}:{number}: {exc}", highlight=False)
                    return 1
                events = [e.to_json() for e in extract_events(doc, resources)]
                sys.stdout.write(json.dumps({"id": doc.id, "events": events}, ensure_ascii=False) + "\n")
        except UnicodeDecodeError as exc:
            err.print(f"[red]error:[/] {path}: not UTF-8 text ({exc.reason} at byte {exc.start})", highlight=False)
            return 1
    return 0


def cmd_report(args: argparse.Namespace, settings: Settings, out: Console, err: Console) -> int:
    """One self-contained HTML file: map, events over time, top actors, source health, latest main events."""
    db = existing_db(settings)
    from report import write_report

    since = None
    if args.since:
        try:
            since = datetime.strptime(args.since, "%Y-%m-%d").date()
        except ValueError as exc:
            raise InputError(f"--since {args.since!r}: expected a date as YYYY-MM-DD") from exc
    summary = write_report(db, Path(args.out), since=since, source=args.source)
    out.print(f"Report: [bold]{Path(args.out).resolve()}[/] ({summary})", highlight=False)
    return 0
