"""`newsdesk demo`: the bundled sample news site, served on 127.0.0.1, through the whole pipeline."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console

from flows import progress
from flows.config import Settings, load_sources
from flows.output import render
from flows.summary import print_run_summary
from flows.tools import InputError
from report import write_report
from warehouse import reader

DEMO_PORT = 8731  # fixed, so a second demo on the same database finds the same URLs
REPORT_NAME = "newsdesk-report.html"

EXAMPLE_QUERIES = [
    ("Articles per outlet",
     "select source, articles, duplicates, behind_paywall, first_published, last_published "
     "from articles_by_source"),
    ("Full-text search for 'Idlib'",
     "select title, source, published, round(score, 2) as score from search('Idlib') limit 5"),
    ("Latest articles with their authors and access",
     "select published, source, author, access, title from articles order by published_at desc nulls last limit 5"),
]


def _run_on(site, settings: Settings, console: Console) -> dict:
    """One pipeline run over the served sample site, its config kept beside the crawl output."""
    from flows.pipeline import pipeline_run

    sources_file = settings.runs_dir() / "demo-sources.toml"
    sources_file.parent.mkdir(parents=True, exist_ok=True)
    sources_file.write_text(site.sources_toml(), encoding="utf-8")
    console.print(f"Serving the sample site: {', '.join(f'{n} {u}' for n, u in site.outlets.items())}")
    config = load_sources(sources_file)
    with progress.shown(console) as bars:
        return pipeline_run(config.source, settings.db, settings.runs_dir(), progress=bars)


def run_demo(settings: Settings, console: Console, port: int = DEMO_PORT) -> int:
    """Serve the sample site, run the pipeline into the default database, print what it made, and write
    the HTML report beside the database."""
    from sample_site.server import PortInUse, serve

    try:
        with serve(first_port=port) as site:
            summary = _run_on(site, settings, console)
    except PortInUse as exc:
        raise InputError(str(exc)) from exc
    print_run_summary(console, summary)
    report = Path(settings.db).resolve().with_name(REPORT_NAME)
    write_report(Path(settings.db), report)
    console.print(f"\nWarehouse: [bold]{Path(settings.db).resolve()}[/]. Try these with `newsdesk sql \"...\"`:\n")
    with reader(settings.db) as con:
        for title, sql in EXAMPLE_QUERIES:
            console.print(f"[bold]{title}[/]\n  {sql}")
            cursor = con.execute(sql)
            render([d[0] for d in cursor.description], cursor.fetchall(), "table", console)
    console.print(f"\nReport (opens offline in a browser): [bold]{report}[/]")
    console.print("Next: `newsdesk init` writes a sources.toml to edit for your own sites, then `newsdesk run`.")
    return 0
