"""Writing coded events: one `events` row per real-world event, one `event_mentions` row per report.

Idempotent: mention ids are deterministic (article + sentence + type), so re-coding the same
articles updates rows in place and adds none; mentions an article no longer yields are removed.
Linking reaches into the warehouse: events already stored with dates near the batch's are loaded
as candidate stories, so an article coded today joins the event another article reported yesterday.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from transforms.events import Event, LinkedMention, Story, link_mentions
from transforms.events.gazetteer import fold
from transforms.events.linking import MAX_DAYS

ArticleEvents = Mapping[str, Sequence[Event]] | Iterable[tuple[str, Sequence[Event]]]

MENTION_SCHEMA = pa.schema([
    ("mention_id", pa.string()), ("event_id", pa.string()), ("article_id", pa.string()), ("type", pa.string()),
    ("sentence", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("status", pa.string()),
    ("reported_by", pa.string()), ("date_text", pa.string()), ("salience", pa.float64()),
    ("confidence", pa.float64()), ("coder_version", pa.string()), ("run_id", pa.string()), ("payload", pa.string()),
])
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("context", pa.string()),
    ("action", pa.string()), ("actor", pa.string()), ("actor_head", pa.string()), ("actor_country", pa.string()),
    ("actor_sector", pa.string()), ("recipient", pa.string()), ("recipient_head", pa.string()),
    ("recipient_country", pa.string()), ("recipient_sector", pa.string()), ("location_name", pa.string()),
    ("country_code", pa.string()), ("admin1", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("date", pa.date32()), ("date_precision", pa.string()), ("cameo_root", pa.string()),
    ("confidence", pa.float64()), ("coder_version", pa.string()), ("first_article_id", pa.string()),
])
STORIES_SQL = """
    select e.event_id, e.type, e.actor_head, e.recipient_head, e.location_name, e.date, list(m.article_id)
    from events e join event_mentions m on m.event_id = e.event_id
    where e.date between ? and ? and e.type in (select type from batch_types)
      and m.article_id not in (select article_id from batch_articles)
    group by all
"""


def _pairs(article_events: ArticleEvents) -> list[tuple[str, list[Event]]]:
    items = article_events.items() if isinstance(article_events, Mapping) else article_events
    return [(str(article_id), list(events)) for article_id, events in items]


def _party(ev: Event, which: str) -> dict[str, Any]:
    part = getattr(ev, which)
    keys = ("", "_head", "_country", "_sector")
    values = (part.text, part.head, part.country, part.sector) if part else (None,) * 4
    return {which + k: v for k, v in zip(keys, values)}


def event_row(ev: Event) -> dict[str, Any]:
    loc = ev.location
    return {"event_id": ev.event_id, "type": ev.type, "mode": ev.mode, "context": ev.context, "action": ev.action,
            **_party(ev, "actor"), **_party(ev, "recipient"),
            "location_name": loc.name if loc else None, "country_code": loc.country_code if loc else None,
            "admin1": loc.admin1 if loc else None, "lat": loc.lat if loc else None, "lon": loc.lon if loc else None,
            "date": dt.date.fromisoformat(ev.date) if ev.date else None, "date_precision": ev.date_precision,
            "cameo_root": ev.cameo_root, "confidence": ev.confidence, "coder_version": ev.coder_version,
            "first_article_id": ev.article_id}


def mention_row(link: LinkedMention, run_id: str) -> dict[str, Any]:
    ev = link.event
    return {"mention_id": ev.event_id, "event_id": link.story_id, "article_id": ev.article_id, "type": ev.type,
            "sentence": ev.sentence, "start": ev.start, "end": ev.end, "status": ev.status,
            "reported_by": ev.reported_by, "date_text": ev.date_text, "salience": ev.salience,
            "confidence": ev.confidence, "coder_version": ev.coder_version, "run_id": run_id,
            "payload": json.dumps(ev.to_json(), ensure_ascii=False)}


def stored_stories(con: duckdb.DuckDBPyConnection, events: Sequence[Event]) -> list[Story]:
    """Events already in the warehouse that the batch's mentions could join (near dates, same types)."""
    dates = [dt.date.fromisoformat(e.date) for e in events if e.date]
    if not dates:
        return []
    span = dt.timedelta(days=MAX_DAYS)
    rows = con.execute(STORIES_SQL, [min(dates) - span, max(dates) + span]).fetchall()
    return [Story(r[0], r[1], r[2], r[3], fold(r[4]) if r[4] else None, r[5], frozenset(r[6]))
            for r in sorted(rows, key=lambda r: (r[5], r[0]))]


def _write(con: duckdb.DuckDBPyConnection, links: list[LinkedMention], run_id: str) -> None:
    canonical = [event_row(l.event) for l in links if l.story_id == l.event.event_id]
    con.register("new_events", pa.Table.from_pylist(canonical, schema=EVENT_SCHEMA))
    columns = ", ".join(EVENT_SCHEMA.names)
    updates = ", ".join(f"{c} = excluded.{c}" for c in EVENT_SCHEMA.names if c != "event_id")
    con.execute(f"insert into events ({columns}) select {columns} from new_events "
                f"on conflict (event_id) do update set {updates}, updated_at = now()")
    con.register("new_mentions", pa.Table.from_pylist([mention_row(l, run_id) for l in links], schema=MENTION_SCHEMA))
    quoted = ", ".join(f'"{c}"' for c in MENTION_SCHEMA.names)
    m_updates = ", ".join(f'"{c}" = excluded."{c}"' for c in MENTION_SCHEMA.names if c != "mention_id")
    con.execute(f"insert into event_mentions ({quoted}) select {quoted} from new_mentions "
                f"on conflict (mention_id) do update set {m_updates}")


def _tidy(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the batch articles' mentions they no longer yield, then recount and drop empty events."""
    con.execute("delete from event_mentions where article_id in (select article_id from batch_articles) "
                "and mention_id not in (select mention_id from new_mentions)")
    con.execute("update events set mention_count = c.n, updated_at = now() from "
                "(select event_id, count(*) as n from event_mentions group by event_id) c "
                "where events.event_id = c.event_id and events.mention_count is distinct from c.n")
    con.execute("delete from events where event_id not in (select event_id from event_mentions)")


def upsert_events(con: duckdb.DuckDBPyConnection, article_events: ArticleEvents, run_id: str) -> int:
    """Store the events of a batch of articles; returns how many mention rows are new.

    `article_events` maps article id -> that article's complete event list (an empty list clears it).
    """
    pairs = _pairs(article_events)
    events = [e for _, evs in pairs for e in evs]
    con.register("batch_articles", pa.table({"article_id": pa.array([a for a, _ in pairs], pa.string())}))
    con.register("batch_types", pa.table({"type": pa.array(sorted({e.type for e in events}), pa.string())}))
    before = con.execute("select count(*) from event_mentions").fetchone()[0]
    con.execute("begin transaction")
    try:
        links = link_mentions(events, stored_stories(con, events))
        _write(con, links, run_id)
        _tidy(con)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        for name in ("batch_articles", "batch_types", "new_events", "new_mentions"):
            try:
                con.unregister(name)
            except duckdb.Error:
                pass
    after = con.execute("select count(*) from event_mentions").fetchone()[0]
    return max(0, after - before)
