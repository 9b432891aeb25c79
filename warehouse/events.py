"""events and event_mentions: one `events` row per real-world event, one mention row per report.

Idempotent: mention ids are deterministic (article + sentence + type), so re-coding the same articles
updates rows in place and adds none; mentions an article no longer yields are removed. Rows are plain
dicts with the columns of EVENT_SCHEMA / MENTION_SCHEMA; linking mentions into events is a transform
(transforms.events.linking), run by the stage that calls `write_events`.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

MENTION_SCHEMA = pa.schema([
    ("mention_id", pa.string()), ("event_id", pa.string()), ("article_id", pa.string()), ("type", pa.string()),
    ("sentence", pa.string()), ("start", pa.int32()), ("end", pa.int32()), ("status", pa.string()),
    ("reported_by", pa.string()), ("date_text", pa.string()), ("salience", pa.float64()),
    ("confidence", pa.float64()), ("coder_version", pa.string()), ("run_id", pa.string()), ("payload", pa.string()),
])
EVENT_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("type", pa.string()), ("mode", pa.string()), ("context", pa.string()),
    ("action", pa.string()), ("what", pa.string()), ("actor", pa.string()), ("actor_head", pa.string()), ("actor_country", pa.string()),
    ("actor_sector", pa.string()), ("recipient", pa.string()), ("recipient_head", pa.string()),
    ("recipient_country", pa.string()), ("recipient_sector", pa.string()), ("location_name", pa.string()),
    ("country_code", pa.string()), ("admin1", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
    ("date", pa.date32()), ("date_precision", pa.string()), ("cameo_root", pa.string()),
    ("confidence", pa.float64()), ("coder_version", pa.string()), ("first_article_id", pa.string()),
])
STORIES_SQL = """
    select e.event_id, e.type, e.actor_head, e.recipient_head, e.location_name, e.date, list(m.article_id)
    from events e join event_mentions m on m.event_id = e.event_id
    where e.date between ? and ? and e.type in (select unnest(?::varchar[]))
      and m.article_id not in (select unnest(?::varchar[]))
    group by all
    order by e.date, e.event_id
"""


def stored_events(con: duckdb.DuckDBPyConnection, first: dt.date, last: dt.date, types: Sequence[str],
                  exclude_articles: Sequence[str]) -> list[tuple]:
    """Stored events dated within [first, last] of the given types, with the articles reporting them:
    (event_id, type, actor_head, recipient_head, location_name, date, [article_id...]), by date."""
    return con.execute(STORIES_SQL, [first, last, list(types), list(exclude_articles)]).fetchall()


def write_events(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str], events: Sequence[dict[str, Any]],
                 mentions: Sequence[dict[str, Any]]) -> int:
    """Replace the events of a batch of articles; returns how many mention rows are new.

    `article_ids` are the articles whose complete mention lists are `mentions` (an article with none
    loses its old ones); `events` are the canonical events those mentions link to. Call it inside a
    transaction (warehouse.transaction) so a batch's events land whole or not at all.
    """
    before = con.execute("select count(*) from event_mentions").fetchone()[0]
    con.register("batch_articles", pa.table({"article_id": pa.array(list(article_ids), pa.string())}))
    con.register("new_events", pa.Table.from_pylist(list(events), schema=EVENT_SCHEMA))
    con.register("new_mentions", pa.Table.from_pylist(list(mentions), schema=MENTION_SCHEMA))
    try:
        _upsert(con)
        _tidy(con)
    finally:
        for name in ("batch_articles", "new_events", "new_mentions"):
            con.unregister(name)
    return max(0, con.execute("select count(*) from event_mentions").fetchone()[0] - before)


def _upsert(con: duckdb.DuckDBPyConnection) -> None:
    updates = ", ".join(f"{c} = excluded.{c}" for c in EVENT_SCHEMA.names if c != "event_id")
    con.execute(f"merge into events using new_events as excluded on events.event_id = excluded.event_id "
                f"when matched then update set {updates}, updated_at = now() when not matched then insert by name")
    m_updates = ", ".join(f'"{c}" = excluded."{c}"' for c in MENTION_SCHEMA.names if c != "mention_id")
    con.execute(f"merge into event_mentions using new_mentions as excluded "
                f"on event_mentions.mention_id = excluded.mention_id "
                f"when matched then update set {m_updates} when not matched then insert by name")


def _tidy(con: duckdb.DuckDBPyConnection) -> None:
    """Drop the batch articles' mentions they no longer yield, then recount and drop empty events."""
    con.execute("delete from event_mentions where article_id in (select article_id from batch_articles) "
                "and mention_id not in (select mention_id from new_mentions)")
    con.execute("update events set mention_count = c.n, updated_at = now() from "
                "(select event_id, count(*) as n from event_mentions group by event_id) c "
                "where events.event_id = c.event_id and events.mention_count is distinct from c.n")
    con.execute("delete from events where event_id not in (select event_id from event_mentions)")
