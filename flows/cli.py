"""`newsdesk`: the command line. It parses arguments, builds settings once, and calls flows or library
functions. Only `run`, `demo`, `reprocess`, `serve` and `bench runs` start Prefect; the others
(flows/tools.py) never import it, so they answer in well under two seconds.

Exit codes: 0 success; 1 the command ran but failed (bad SQL, nothing extracted, a run that could fetch
nothing at all); 2 bad input (sources file, arguments, missing database or file); 3 another run holds
the warehouse.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from contextlib import ExitStack
from pathlib import Path

from rich.console import Console

from flows import progress, tools
from flows.config import ConfigError, Settings, load_sources
from flows.runlock import RunInProgress, run_lock
from stages import faults
from warehouse.db import WarehouseError

STARTED = time.perf_counter()  # timings printed after a run include Prefect's start-up
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)  # piped: don't squeeze tables
err = Console(stderr=True, soft_wrap=True)  # one message, one line (no folding at 80 columns)
LAKE_COMMANDS = ("run", "reprocess", "serve", "import-warc", "sql", "runs", "export", "report")
EXAMPLE_SOURCES = Path(__file__).resolve().parents[1] / "sources.example.toml"


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings()
    if getattr(args, "db", None):
        settings.db = Path(args.db)
    if getattr(args, "warehouse", None):
        settings.warehouse = args.warehouse
    if getattr(args, "lake_data", None):
        settings.lake_data = Path(args.lake_data)
    if getattr(args, "sources", None):
        settings.sources = Path(args.sources)
    return settings


def _sources(settings: Settings):
    """The validated sources file, or a ConfigError that says how to get one."""
    if not settings.sources.exists():  # a directory or an unreadable file gets load_sources' own message
        raise ConfigError(f"{settings.sources}: no such file; `newsdesk init` writes a commented one here, "
                          "or pass --sources FILE (NEWSDESK_SOURCES)")
    return load_sources(settings.sources)


def _prefect(settings: Settings) -> None:
    from flows import prefect_env

    prefect_env.configure(settings.local_dir() / ".prefect")


def _finish_summary(summary: dict) -> int:
    """Print the run summary (with wall time incl. Prefect's start-up); 1 when nothing was fetched at all."""
    from flows.summary import print_run_summary

    summary.setdefault("seconds", {})["total (incl. Prefect start-up)"] = round(time.perf_counter() - STARTED, 1)
    print_run_summary(out, summary)
    if summary.get("nothing_fetched"):
        err.print("[red]error:[/] nothing could be fetched from any source (see the reasons above)")
        return 1
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """One full pipeline run over the configured sources."""
    settings = _settings(args)
    config = _sources(settings)
    target = settings.target()
    with run_lock(target, sources=[s.name for s in config.source]):
        pass  # fail fast, before Prefect starts, when another run holds the warehouse (on DuckLake: a source)
    _reachable(target)
    _prefect(settings)
    from flows.pipeline import pipeline_run

    with progress.shown(err) as bars:
        summary = pipeline_run(config.source, target, settings.runs_dir(), code_events=not args.no_events,
                               progress=bars, crawl=config.crawl, coding=_coding(args))
    if "skipped" in summary:
        raise RunInProgress(summary["skipped"])
    return _finish_summary(summary)


def _reachable(target) -> None:
    """Fail fast, before Prefect starts, when a DuckLake catalog cannot be opened (WarehouseError)."""
    from warehouse.db import Lake, writer

    if isinstance(target, Lake):
        with writer(target, wait_seconds=30):
            pass


def _coding(args: argparse.Namespace):
    """Where cleaning and event coding run: here, or on Dask (`--workers N`, `--dask-address`)."""
    from flows.scale import Coding

    if args.workers is not None and args.workers < 1:
        raise tools.InputError("--workers must be at least 1")
    return Coding(workers=args.workers, address=args.dask_address)


def cmd_demo(args: argparse.Namespace) -> int:
    """Serve the bundled sample site on 127.0.0.1, run the pipeline on it, show a few queries."""
    settings = _settings(args)
    _prefect(settings)
    from flows.demo import run_demo

    return run_demo(settings, out, port=args.port)


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Rebuild articles and events from stored raw pages with the current code, without fetching."""
    settings = _settings(args)
    config = _sources(settings)
    sources = [s for s in config.source if not args.source or s.name == args.source]
    if not sources:
        raise ConfigError(f"no source named {args.source!r} in {settings.sources}")
    tools.existing_db(settings)
    _prefect(settings)
    from flows.pipeline import reprocess_flow

    with progress.shown(err) as bars:
        summary = reprocess_flow(sources, settings.target(), since=args.since, progress=bars)
    return _finish_summary(summary)


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the pipeline on the config's cron schedule (default hourly) until interrupted."""
    settings = _settings(args)
    config = _sources(settings)
    _prefect(settings)
    from flows import prefect_env

    cron = args.cron or config.schedule
    schedule = f"every {args.every:g} s" if args.every else cron
    with ExitStack() as stack:
        try:
            ui = stack.enter_context(prefect_env.local_server(args.port))
        except OSError as exc:
            raise tools.InputError(str(exc)) from exc
        from flows.pipeline import serve

        out.print(f"Serving scheduled runs ({schedule}) of {settings.sources} into {settings.target()}; Prefect UI at {ui}; "
                  "Ctrl-C stops.", highlight=False)
        serve(settings.sources, settings.target(), settings.runs_dir(), cron, every=args.every)
    return 0


def init_text() -> str:
    """A sources file to start from: the sample site on the demo's ports, and a real site commented out."""
    from sample_site.server import sources_toml_at

    header, _, example = EXAMPLE_SOURCES.read_text(encoding="utf-8").partition("\n[[source]]")
    commented = "\n".join(f"# {line}" if line.strip() else "#" for line in ("[[source]]" + example).splitlines())
    return (f"{header.rstrip()}\n\n# The bundled sample news site, as `newsdesk demo` serves it. To crawl it, serve it\n"
            "# first in another terminal: python -m sample_site --port 8731\n\n"
            f"{sources_toml_at('127.0.0.1', 8731)}\n"
            "# Your own sites: uncomment and edit this one (and remove the sample site above).\n"
            f"{commented}\n")


def cmd_init(args: argparse.Namespace) -> int:
    """Write a commented sources.toml in the current directory (never over an existing one)."""
    target = Path(args.sources or "sources.toml")
    if target.exists() and not args.force:
        raise tools.InputError(f"{target} exists; edit it, or pass --force to overwrite it")
    target.write_text(init_text(), encoding="utf-8")
    out.print(f"Wrote [bold]{target}[/]: the bundled sample site (serve it with `python -m sample_site --port 8731`) "
              "and, commented out, a real news site to copy. Put your sources in it, then `newsdesk run`.",
              highlight=False)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    """Benchmarks that print their numbers (and fail below the quality floors with --gate)."""
    if args.what == "runs":
        _prefect(_settings(args))
    from bench import cli as bench

    return bench.run(args, out)


def _library(func):
    """A flows/tools.py command as a parser default."""
    return lambda args: func(args, _settings(args), out, err)


def _add_pipeline_commands(add) -> None:
    p = add("demo", cmd_demo, "serve the bundled sample news site on 127.0.0.1 and run the whole pipeline on it")
    p.add_argument("--port", type=int, default=8731, help="first of three local ports for the sample site")
    p = add("run", cmd_run, "one full pipeline run over the configured sources")
    p.add_argument("--no-events", action="store_true", help="skip event coding")
    p.add_argument("--workers", type=int, metavar="N", help="clean and code events on a local Dask cluster of N "
                                                            "worker processes (default: in this process)")
    p.add_argument("--dask-address", metavar="URL", help="clean and code events on a running Dask cluster, "
                                                         "e.g. tcp://10.0.0.5:8786")
    p = add("reprocess", cmd_reprocess, "rebuild articles and events from stored pages, without fetching")
    p.add_argument("--source", help="only this source")
    p.add_argument("--since", help="only pages fetched on or after this date (YYYY-MM-DD)")
    p = add("serve", cmd_serve, "run the pipeline on a cron schedule (from the sources file; default hourly), "
                                "with Prefect's server and UI on 127.0.0.1")
    p.add_argument("--cron", help="override the schedule, e.g. '*/5 * * * *'")
    p.add_argument("--every", type=float, metavar="SECONDS", help="run every SECONDS instead of on a cron schedule")
    p.add_argument("--port", type=int, default=4200, help="port of the Prefect server and UI on 127.0.0.1")
    p = add("init", cmd_init, "write a commented sources.toml in the current directory")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    from flows.backfill import cmd_import_warc

    p = add("import-warc", _library(cmd_import_warc), "backfill articles and events from WARC files (CC-NEWS, "
                                                      "another crawler's); resumable; prints its articles/s")
    p.add_argument("files", nargs="+", metavar="FILE.warc.gz")
    p.add_argument("--source", required=True, help="source name the imported pages are stored under")
    p.add_argument("--workers", type=int, metavar="N", help="processes cleaning and coding (default: one per core)")
    p.add_argument("--no-events", action="store_true", help="skip event coding")


def _add_library_commands(add) -> None:
    p = add("sql", _library(tools.cmd_sql), "run an ad-hoc SQL query against the warehouse (read-only)")
    p.add_argument("query", help="the SQL query")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--wait", type=float, default=30.0, help="seconds to wait while a run holds the file")
    p.add_argument("--allow-files", action="append", metavar="DIR",
                   help="let the query read (and write) files under DIR; by default no file is reachable")
    p = add("extract", _library(tools.cmd_extract), "clean saved HTML pages without a database")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--url", help="the URL the page was fetched from (for canonical URL and metadata)")
    p.add_argument("--format", choices=["json", "jsonl", "text"], default="json")
    p = add("events", _library(tools.cmd_events), "code events in articles given as JSON lines "
                                                  "{id, title, text, published[, language]}")
    p.add_argument("file", metavar="FILE.jsonl")
    p.add_argument("--format", choices=["jsonl"], default="jsonl")
    p = add("runs", _library(tools.cmd_runs), "list past runs (status, duration, counts); with RUN_ID, that run "
                                              "per source")
    p.add_argument("run_id", nargs="?", metavar="RUN_ID", help="show this run per source")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p = add("export", _library(tools.cmd_export), "write articles, events and event mentions as Parquet files "
                                                  "partitioned by publication date")
    p.add_argument("--format", choices=["parquet"], default="parquet")
    p.add_argument("dir", metavar="DIR")
    p = add("report", _library(tools.cmd_report), "write one self-contained HTML report: map, events over time, "
                                                  "actors, source health, latest main events")
    p.add_argument("out", metavar="OUT.html")
    p.add_argument("--since", help="only events and articles on or after this date (YYYY-MM-DD)")
    p.add_argument("--source", help="only this source")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsdesk", description="Crawl news sites into a DuckDB warehouse of "
                                     "clean articles and coded events.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        if name not in ("extract", "events", "bench", "init"):
            p.add_argument("--db", help="DuckDB file (default ./newsdesk.duckdb or $NEWSDESK_DB)")
        if name in LAKE_COMMANDS:
            p.add_argument("--warehouse", metavar="URL", help="a DuckLake warehouse instead of the DuckDB file: "
                           "ducklake:postgres:CATALOG, e.g. 'ducklake:postgres:dbname=news host=127.0.0.1 "
                           "user=newsdesk' or ducklake:postgres://user@host:5432/news ($NEWSDESK_WAREHOUSE)")
            p.add_argument("--lake-data", metavar="DIR", help="the DuckLake warehouse's Parquet data directory "
                           "($NEWSDESK_LAKE_DATA); its WARC archive and run lock live beside it")
        if name in ("run", "reprocess", "serve", "init"):
            p.add_argument("--sources", help="sources file (default ./sources.toml or $NEWSDESK_SOURCES)")
        return p

    _add_pipeline_commands(add)
    _add_library_commands(add)
    p = add("bench", cmd_bench, "benchmarks: extraction quality/speed, event accuracy/speed, incremental runs, "
                                "run cost as the archive grows")
    p.add_argument("what", choices=["extraction", "events", "runs", "scale"])
    p.add_argument("--dataset", type=Path, help="extraction: directory of the development set")
    p.add_argument("--gold", type=Path, help="events: PLOVER gold jsonl")
    p.add_argument("--gate", action="store_true", help="exit 1 when a score is below its floor")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="events: worker processes timed against one (prints speed-up: X)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    faults.configure(os.environ.get("NEWSDESK_CRASH_AT"), os.environ.get("NEWSDESK_HOLD_AT"))
    try:
        return args.func(args)
    except (ConfigError, tools.InputError) as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        return 2
    except WarehouseError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        return 2
    except RunInProgress as exc:
        err.print(f"[red]error:[/] {exc}; wait for it to finish (see `newsdesk runs`)")
        return 3


if __name__ == "__main__":
    sys.exit(main())
