"""Event coding for a batch of articles: code, link mentions to stored events, write the rows.

Linking needs the events already stored near the batch's dates (an article coded today joins the event
another article reported yesterday), so reading them and writing the batch happen in one transaction.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import duckdb

from transforms.events import Event, LinkedMention, Story, link_mentions
from transforms.events.gazetteer import fold
from transforms.events.linking import MAX_DAYS
from transforms.models import Article
from warehouse.articles import set_main_events
from warehouse.events import stored_events, write_events


@lru_cache(maxsize=1)
def event_resources() -> Any:
    """The spaCy model and gazetteer, loaded once per process (a few seconds)."""
    from transforms.events import load_resources

    return load_resources()


def code_events(articles: Sequence[Article]) -> dict[str, list[Event]]:
    """Each article's events, most salient (the main event) first."""
    from transforms.events import extract_events_many

    coded = extract_events_many(articles, event_resources())
    return {article.article_id: events for article, events in zip(articles, coded)}


def _party(ev: Event, which: str) -> dict[str, Any]:
    part = getattr(ev, which)
    values = (part.text, part.head, part.country, part.sector) if part else (None,) * 4
    return {which + k: v for k, v in zip(("", "_head", "_country", "_sector"), values)}


def event_row(ev: Event) -> dict[str, Any]:
    """The canonical `events` row of an event (the first mention of a real-world event)."""
    loc = ev.location
    return {"event_id": ev.event_id, "type": ev.type, "mode": ev.mode, "context": ev.context, "action": ev.action,
            "what": ev.what,
            **_party(ev, "actor"), **_party(ev, "recipient"),
            "location_name": loc.name if loc else None, "country_code": loc.country_code if loc else None,
            "admin1": loc.admin1 if loc else None, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "date": dt.date.fromisoformat(ev.date) if ev.date else None, "date_precision": ev.date_precision,
            "cameo_root": ev.cameo_root, "confidence": ev.confidence, "coder_version": ev.coder_version,
            "first_article_id": ev.article_id}


def mention_row(link: LinkedMention, run_id: str) -> dict[str, Any]:
    """The `event_mentions` row of one report, with its evidence sentence and offsets."""
    ev = link.event
    return {"mention_id": ev.event_id, "event_id": link.story_id, "article_id": ev.article_id, "type": ev.type,
            "sentence": ev.sentence, "start": ev.start, "end": ev.end, "status": ev.status,
            "reported_by": ev.reported_by, "date_text": ev.date_text, "salience": ev.salience,
            "confidence": ev.confidence, "coder_version": ev.coder_version, "run_id": run_id,
            "payload": json.dumps(ev.to_json(), ensure_ascii=False)}


def stored_stories(con: duckdb.DuckDBPyConnection, events: Sequence[Event], batch: Sequence[str]) -> list[Story]:
    """Events already in the warehouse that the batch's mentions could join (near dates, same types)."""
    dates = [dt.date.fromisoformat(e.date) for e in events if e.date]
    if not dates:
        return []
    span = dt.timedelta(days=MAX_DAYS)
    rows = stored_events(con, min(dates) - span, max(dates) + span, sorted({e.type for e in events}), batch)
    return [Story(r[0], r[1], r[2], r[3], fold(r[4]) if r[4] else None, r[5], frozenset(r[6])) for r in rows]


def store_events(con: duckdb.DuckDBPyConnection, coded: dict[str, list[Event]], run_id: str) -> int:
    """Link and write a batch's events and each article's main event; call inside a transaction.

    `coded` maps article id -> that article's complete event list (an empty list clears it).
    Returns how many mention rows are new."""
    events = [e for evs in coded.values() for e in evs]
    links = link_mentions(events, stored_stories(con, events, list(coded)))
    canonical = [event_row(l.event) for l in links if l.story_id == l.event.event_id]
    added = write_events(con, list(coded), canonical, [mention_row(l, run_id) for l in links])
    story = {l.event.event_id: l.story_id for l in links}
    set_main_events(con, {aid: main_event_id(evs, story) for aid, evs in coded.items()})
    return added


def main_event_id(events: Sequence[Event], story: dict[str, str]) -> str | None:
    """The canonical event the article is about: its event marked is_main (None when the lead holds none)."""
    main = next((e for e in events if e.is_main), None)
    return story[main.event_id] if main else None
