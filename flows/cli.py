"""`newsdesk`: the command line. It parses arguments, builds settings once, and calls flows or library
functions. Heavy imports (Prefect, spaCy) happen inside the commands that need them, so `sql` and
`extract` start fast.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console

from flows import progress
from flows.config import ConfigError, Settings, load_sources
from flows.runlock import RunInProgress, run_lock
from stages import faults

out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)  # piped: don't squeeze tables
err = Console(stderr=True)


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    if getattr(args, "db", None):
        settings.db = Path(args.db)
    if getattr(args, "sources", None):
        settings.sources = Path(args.sources)
    return settings


def _prefect(settings: Settings) -> None:
    from flows import prefect_env

    prefect_env.configure(settings.db.resolve().parent / ".prefect")


def cmd_run(args: argparse.Namespace) -> int:
    """One full pipeline run over the configured sources."""
    settings = _settings(args)
    config = load_sources(settings.sources)
    with run_lock(settings.db):
        pass  # fail fast, before Prefect starts, when another run holds the warehouse
    _prefect(settings)
    from flows.pipeline import pipeline_run
    from flows.report import print_run_summary

    with progress.shown(err) as bars:
        summary = pipeline_run(config.source, settings.db, settings.runs_dir(), code_events=not args.no_events,
                               progress=bars)
    if "skipped" in summary:
        raise RunInProgress(summary["skipped"])
    print_run_summary(out, summary)
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Serve the bundled sample site on 127.0.0.1, run the pipeline on it, show a few queries."""
    settings = _settings(args)
    _prefect(settings)
    from flows.demo import run_demo

    return run_demo(settings, out)


def cmd_sql(args: argparse.Namespace) -> int:
    """Run an ad-hoc query read-only; waits briefly if a pipeline run is committing."""
    from duckdb import Error as DuckDBError

    from flows.output import render
    from warehouse import reader

    settings = _settings(args)
    if not settings.db.exists():
        err.print(f"[red]error:[/] no database at {settings.db}; run `newsdesk demo` or `newsdesk run` first")
        return 2
    try:
        with reader(settings.db, wait_seconds=args.wait) as con:
            cursor = con.execute(args.query)
            columns = [d[0] for d in cursor.description] if cursor.description else []
            rows = cursor.fetchall() if columns else []
    except DuckDBError as exc:
        err.print(f"[red]error:[/] {exc}")
        return 1
    render(columns, rows, args.format, out)
    return 0


def _extract_one(path: Path, url: str | None) -> dict:
    from transforms.clean import clean
    from transforms.models import RawPage

    record = {"path": str(path), "url": url or path.resolve().as_uri()}
    page = RawPage(url=record["url"], source="file", fetched_at=datetime.now(timezone.utc).isoformat(),
                   status=200, content_type="text/html", body=path.read_bytes())
    article = clean(page)
    if article is None:
        return {**record, "title": None, "author": None, "published": None, "language": None, "text": None,
                "access": None, "error": "not an article (nothing extracted)"}
    return {**record, **article.to_json(), "author": article.author, "url": record["url"]}


def cmd_extract(args: argparse.Namespace) -> int:
    """Clean saved HTML pages without a database."""
    results, failed = [], False
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            err.print(f"[red]error:[/] {name}: no such file")
            results.append({"path": name, "url": args.url, "error": "no such file"})
            failed = True
            continue
        results.append(_extract_one(path, args.url))
        failed = failed or results[-1].get("error") is not None
    if args.format == "text":
        for item in results:
            sys.stdout.write((item.get("text") or "") + "\n")
    elif args.format == "jsonl":
        for item in results:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        payload = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return 1 if failed else 0


def cmd_events(args: argparse.Namespace) -> int:
    """Code events for articles given as JSON lines {id, title, text, published}."""
    from transforms.events import extract_events, load_resources
    from transforms.events.model import as_input

    resources = load_resources()
    with open(args.file, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict) or not {"id", "text"} <= record.keys():
                    raise ValueError('expected an object with at least "id" and "text"')
                doc = as_input(record)
            except (ValueError, KeyError, TypeError) as exc:
                err.print(f"[red]error:[/] {args.file}:{number}: {exc}")
                return 1
            events = [e.to_json() for e in extract_events(doc, resources)]
            sys.stdout.write(json.dumps({"id": doc.id, "events": events}, ensure_ascii=False) + "\n")
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    """Past runs, one line each; with a run id, that run per source."""
    from flows.output import render
    from warehouse import reader
    from warehouse.runs import list_runs, run_detail

    settings = _settings(args)
    if not settings.db.exists():
        err.print(f"[red]error:[/] no database at {settings.db}; run `newsdesk demo` or `newsdesk run` first")
        return 2
    with reader(settings.db) as con:
        columns, rows = run_detail(con, args.run_id) if args.run_id else list_runs(con, args.limit)
    if args.run_id and not rows:
        err.print(f"[red]error:[/] no run {args.run_id!r} in {settings.db} (see `newsdesk runs`)")
        return 1
    render(columns, rows, args.format, out, compact=True)
    return 0


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Rebuild articles and events from stored raw pages with the current code, without fetching."""
    settings = _settings(args)
    config = load_sources(settings.sources)
    sources = [s for s in config.source if not args.source or s.name == args.source]
    if not sources:
        err.print(f"[red]error:[/] no source named {args.source!r} in {settings.sources}")
        return 2
    _prefect(settings)
    from flows.pipeline import reprocess_flow
    from flows.report import print_run_summary

    with progress.shown(err) as bars:
        summary = reprocess_flow(sources, settings.db, since=args.since, progress=bars)
    print_run_summary(out, summary)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the pipeline on the config's cron schedule (default hourly) until interrupted."""
    settings = _settings(args)
    config = load_sources(settings.sources)
    _prefect(settings)
    from flows.pipeline import serve

    cron = args.cron or config.schedule
    out.print(f"Serving scheduled runs ({cron}) of {settings.sources} into {settings.db}; Ctrl-C stops.")
    serve(settings.sources, settings.db, settings.runs_dir(), cron)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write articles and events as Parquet, partitioned by date."""
    from warehouse import reader
    from warehouse.export import export_parquet

    settings = _settings(args)
    with reader(settings.db) as con:
        counts = export_parquet(con, Path(args.dir))
    for table, rows in counts.items():
        out.print(f"{table}: {rows} rows -> {Path(args.dir) / table}/date=.../")
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Benchmarks that print their numbers (and fail below the quality floors with --gate)."""
    if args.what == "runs":
        _prefect(_settings(args))
    from bench import cli as bench

    return bench.run(args, out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdesk", description="Crawl news sites into a DuckDB warehouse of "
                                     "clean articles and coded events.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    def db_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", help="DuckDB file (default ./newsdesk.duckdb or $NEWSDESK_DB)")

    p = add("demo", cmd_demo, "serve the bundled sample news site on 127.0.0.1 and run the whole pipeline on it")
    db_option(p)
    p = add("run", cmd_run, "one full pipeline run over the configured sources")
    p.add_argument("--sources", help="sources file (default ./sources.toml or $NEWSDESK_SOURCES)")
    p.add_argument("--no-events", action="store_true", help="skip event coding")
    db_option(p)
    p = add("sql", cmd_sql, "run an ad-hoc SQL query against the warehouse (read-only)")
    p.add_argument("query", help="the SQL query")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--wait", type=float, default=30.0, help="seconds to wait while a run holds the file")
    db_option(p)
    p = add("extract", cmd_extract, "clean saved HTML pages without a database")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--url", help="the URL the page was fetched from (for canonical URL and metadata)")
    p.add_argument("--format", choices=["json", "jsonl", "text"], default="json")
    p = add("events", cmd_events, "code events in articles given as JSON lines {id, title, text, published}")
    p.add_argument("file", metavar="FILE.jsonl")
    p.add_argument("--format", choices=["jsonl"], default="jsonl")
    p = add("runs", cmd_runs, "list past runs (status, duration, counts); with RUN_ID, that run per source")
    p.add_argument("run_id", nargs="?", metavar="RUN_ID", help="show this run per source")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    db_option(p)
    p = add("reprocess", cmd_reprocess, "rebuild articles and events from stored pages, without fetching")
    p.add_argument("--source", help="only this source")
    p.add_argument("--since", help="only pages fetched on or after this date (YYYY-MM-DD)")
    p.add_argument("--sources", help="sources file (default ./sources.toml)")
    db_option(p)
    p = add("serve", cmd_serve, "run the pipeline on a cron schedule (from the sources file; default hourly)")
    p.add_argument("--sources", help="sources file (default ./sources.toml)")
    p.add_argument("--cron", help="override the schedule, e.g. '*/5 * * * *'")
    db_option(p)
    p = add("export", cmd_export, "write articles and events as Parquet files partitioned by date")
    p.add_argument("--format", choices=["parquet"], default="parquet")
    p.add_argument("dir", metavar="DIR")
    db_option(p)
    p = add("bench", cmd_bench, "benchmarks: extraction quality/speed, event accuracy/speed, incremental runs")
    p.add_argument("what", choices=["extraction", "events", "runs"])
    p.add_argument("--dataset", type=Path, help="extraction: directory of the development set")
    p.add_argument("--gold", type=Path, help="events: PLOVER gold jsonl")
    p.add_argument("--gate", action="store_true", help="exit 1 when a score is below its floor")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    faults.configure(os.environ.get("NEWSDESK_CRASH_AT"), os.environ.get("NEWSDESK_HOLD_AT"))
    try:
        return args.func(args)
    except ConfigError as exc:
        err.print(f"[red]error:[/] {exc}")
        return 2
    except RunInProgress as exc:
        err.print(f"[red]error:[/] {exc}; wait for it to finish (see `newsdesk runs`)")
        return 3


if __name__ == "__main__":
    sys.exit(main())
