"""The report's Plotly figures: the event map, events per day by type, and top actors and recipients.

Plotly renders its text as (a subset of) HTML, so every string taken from articles is escaped before
it goes into a figure: a title or actor that reads `<script>` stays visible text.
"""
from __future__ import annotations

import html
import math
from collections import defaultdict
from typing import Any

import plotly.graph_objects as go
from plotly.colors import qualitative

from transforms.events.lexicon import PLOVER_TYPES

# One fixed colour per PLOVER type, so a type looks the same in every chart and every report.
TYPE_COLOURS = dict(zip(PLOVER_TYPES, qualitative.Dark24))
MARKER_PX = (9.0, 40.0)   # smallest and largest point on the map
FONT = {"family": "system-ui, sans-serif", "size": 12}


def _text(value: Any) -> str:
    return html.escape(str(value)) if value is not None else ""


def _layout(**extra: Any) -> dict[str, Any]:
    return {"font": FONT, "margin": {"l": 10, "r": 10, "t": 10, "b": 10},
            "legend": {"title": {"text": "type"}, "traceorder": "normal"},
            **extra}


def _count_axis(title: str, most: int) -> dict[str, Any]:
    """An axis of counts: whole numbers only (plotly would label 0.5 events on a small chart)."""
    return {"title": {"text": title}, "rangemode": "tozero", **({"dtick": 1} if most <= 10 else {})}


def _marker_size(mentions: int, most: int) -> float:
    """Area grows with the mention count (square root of the share), so big stories do not swamp the map."""
    low, high = MARKER_PX
    return low + (high - low) * math.sqrt((mentions - 1) / (most - 1)) if most > 1 else low


def _hover(event: dict[str, Any]) -> str:
    who = " → ".join(_text(v) for v in (event["actor"], event["recipient"]) if v)
    where = _text(event["location_name"]) + (f" ({_text(event['country_code'])})" if event["country_code"] else "")
    return (f"<b>{_text(event['type'])}</b> {_text(event['action'])}<br>{who}<br>{where}<br>"
            f"{_text(event['date'])} · {event['mention_count']} mention(s)")


def event_map(events: list[dict[str, Any]]) -> go.Figure:
    """Located events as points on a world outline: size by mention count, colour by PLOVER type."""
    located = [e for e in events if e["lat"] is not None and e["lon"] is not None]
    most = max((e["mention_count"] for e in located), default=1)
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in located:
        by_type[event["type"]].append(event)
    fig = go.Figure()
    for kind in sorted(by_type, key=_type_order):
        rows = by_type[kind]
        fig.add_trace(go.Scattergeo(
            lat=[e["lat"] for e in rows], lon=[e["lon"] for e in rows], name=kind, mode="markers",
            customdata=[e["event_id"] for e in rows], hovertext=[_hover(e) for e in rows], hoverinfo="text",
            marker={"size": [_marker_size(e["mention_count"], most) for e in rows], "color": TYPE_COLOURS.get(kind),
                    "opacity": 0.8, "line": {"width": 0.5, "color": "white"}}))
    fig.update_geos(projection_type="natural earth", showland=True, landcolor="#ecebe6", showcountries=True,
                    countrycolor="#b9b6ad", showcoastlines=True, coastlinecolor="#8f8b80", showocean=True,
                    oceancolor="#dfeaf2", showlakes=True, lakecolor="#dfeaf2", showframe=False,
                    fitbounds=False)
    fig.update_layout(**_layout(height=520))
    return fig


def _type_order(kind: str) -> int:
    return PLOVER_TYPES.index(kind) if kind in PLOVER_TYPES else len(PLOVER_TYPES)


def events_per_day(per_day: list[dict[str, Any]]) -> go.Figure:
    """Stacked bars: distinct events per day, one colour per type."""
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in per_day:
        by_type[row["type"]].append(row)
    fig = go.Figure([go.Bar(x=[r["date"] for r in rows], y=[r["events"] for r in rows], name=kind,
                            marker_color=TYPE_COLOURS.get(kind))
                     for kind, rows in sorted(by_type.items(), key=lambda item: _type_order(item[0]))])
    per_date: dict[Any, int] = defaultdict(int)
    for row in per_day:
        per_date[row["date"]] += row["events"]
    fig.update_layout(**_layout(height=420, barmode="stack", xaxis={"type": "date"},
                                yaxis=_count_axis("events", max(per_date.values(), default=0))))
    return fig


def top_parties(parties: list[dict[str, Any]], role: str) -> go.Figure:
    """Horizontal bars of the most frequent actors (or recipients), the largest on top."""
    rows = [p for p in parties if p["role"] == role][::-1]
    fig = go.Figure(go.Bar(x=[r["events"] for r in rows], y=[_text(r["name"]) for r in rows], orientation="h",
                           marker_color="#4c6a92" if role == "actor" else "#a0603a", name=role))
    fig.update_layout(**_layout(height=max(200, 28 * len(rows) + 60), showlegend=False,
                                xaxis=_count_axis(f"events as {role}", max((r["events"] for r in rows), default=0))))
    return fig
