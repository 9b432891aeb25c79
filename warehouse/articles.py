"""articles: one row per canonical URL; duplicate links, learned boilerplate and stale derived state.

Records are plain dicts with the columns of ARTICLE_SCHEMA. Writing articles marks the derived state
that depends on them stale in the same transaction, so a kill before that state is refreshed leaves a
mark the next run acts on: the source's learned boilerplate as a whole (derived_state), duplicate
links and the search index per article (derived_pending: only the articles whose text, title or
publication date actually changed, so the next refresh costs what changed).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb
import pyarrow as pa

ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("canonical_url", pa.string()), ("url", pa.string()),
    ("page_id", pa.string()), ("source", pa.string()), ("title", pa.string()), ("author", pa.string()),
    ("authors", pa.list_(pa.string())), ("published", pa.string()), ("updated", pa.string()),
    ("language", pa.string()), ("site_name", pa.string()), ("section", pa.string()),
    ("categories", pa.list_(pa.string())), ("description", pa.string()), ("lead_image", pa.string()),
    ("access", pa.string()), ("text", pa.string()), ("word_count", pa.int32()),
    ("content_hash", pa.string()), ("block_keys", pa.list_(pa.string())), ("extractor_version", pa.string()),
    ("page_kind_confidence", pa.float64()),
    ("run_id", pa.string()),
])
UPSERT_SQL = """
    merge into articles
    using (select *, try_cast(published as timestamptz) as published_at,
                  current_timestamp as first_seen_at, current_timestamp as updated_at
           from article_batch) as excluded
    on articles.article_id = excluded.article_id
    when matched then update set
        url = excluded.url, page_id = excluded.page_id, source = excluded.source,
        title = excluded.title, author = excluded.author, authors = excluded.authors,
        published = excluded.published, published_at = excluded.published_at,
        updated = excluded.updated, language = excluded.language, site_name = excluded.site_name,
        section = excluded.section, categories = excluded.categories,
        description = excluded.description, lead_image = excluded.lead_image,
        access = excluded.access, text = excluded.text, word_count = excluded.word_count,
        content_hash = excluded.content_hash, block_keys = excluded.block_keys,
        page_kind_confidence = excluded.page_kind_confidence,
        extractor_version = excluded.extractor_version, run_id = excluded.run_id,
        updated_at = excluded.updated_at
    when not matched then insert by name
"""
DUPLICATES, SEARCH = "duplicates", "search"


def boilerplate_state(source: str) -> str:
    """Name of a source's learned-boilerplate entry in derived_state."""
    return f"boilerplate:{source}"


def upsert_articles(con: duckdb.DuckDBPyConnection, records: Iterable[dict[str, Any]], run_id: str) -> int:
    """Insert or update articles keyed on article id and mark what depends on them stale; returns new rows.

    Call it inside a transaction (warehouse.transaction) so the rows and the stale marks commit together.
    """
    rows = {r["article_id"]: {**{n: r.get(n) for n in ARTICLE_SCHEMA.names}, "run_id": run_id} for r in records}
    if not rows:
        return 0
    con.register("article_batch", pa.Table.from_pylist(list(rows.values()), schema=ARTICLE_SCHEMA))
    try:
        before = con.execute("select count(*) from articles").fetchone()[0]
        con.execute(PENDING_SQL, [[DUPLICATES, SEARCH]])
        con.execute(UPSERT_SQL)
        added = con.execute("select count(*) from articles").fetchone()[0] - before
    finally:
        con.unregister("article_batch")
    sources = sorted({r["source"] for r in rows.values()})
    mark_stale(con, [boilerplate_state(s) for s in sources])
    return added


# Articles of the batch that are new or whose text, title or publication date changed (what duplicate
# links and the search index depend on), marked pending for both.
PENDING_SQL = """
    merge into derived_pending
    using (
        select n.name, b.article_id, current_timestamp as since
        from article_batch b
        left join articles a on a.article_id = b.article_id
        cross join (select unnest(?::varchar[]) as name) n
        where a.article_id is null or a.text is distinct from b.text or a.title is distinct from b.title
           or a.published_at is distinct from try_cast(b.published as timestamptz)
           or a.canonical_url is distinct from b.canonical_url
    ) as changed
    on derived_pending.name = changed.name and derived_pending.article_id = changed.article_id
    when not matched then insert by name
"""


@contextmanager
def id_table(con: duckdb.DuckDBPyConnection, name: str, article_ids: Iterable[str]) -> Iterator[str]:
    """Article ids as a table `name` (one `article_id` column) for joins, whatever their number."""
    con.register(name, pa.table({"article_id": pa.array(list(article_ids), pa.string())}))
    try:
        yield name
    finally:
        con.unregister(name)


def pending(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Ids of the articles whose `name` state (duplicates | search) must be redone."""
    return [r[0] for r in con.execute("select article_id from derived_pending where name = ? order by article_id",
                                      [name]).fetchall()]


def clear_pending(con: duckdb.DuckDBPyConnection, name: str, article_ids: Sequence[str]) -> None:
    """These articles' `name` state is up to date (call it in the transaction that wrote it)."""
    with id_table(con, "cleared_ids", article_ids):
        con.execute("delete from derived_pending where name = ? "
                    "and article_id in (select article_id from cleared_ids)", [name])


def mark_stale(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> None:
    """Record that derived state must be recomputed (keeps the earliest mark)."""
    for name in names:
        con.execute("merge into derived_state using (select ? as name, current_timestamp as stale_since) as mark "
                    "on derived_state.name = mark.name when not matched then insert by name", [name])


def stale(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Names of the derived state that is out of date."""
    return {r[0] for r in con.execute("select name from derived_state").fetchall()}


def clear_stale(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Derived state `name` is up to date (call it in the transaction that wrote the new state)."""
    con.execute("delete from derived_state where name = ?", [name])


def block_key_sets(con: duckdb.DuckDBPyConnection, source: str, limit: int = 500) -> list[list[str]]:
    """Pre-filter paragraph keys of a source's latest articles, to learn its recurring boilerplate from."""
    rows = con.execute("select coalesce(block_keys, []) from articles where source = ? "
                       "order by first_seen_at desc, article_id limit ?", [source, limit]).fetchall()
    return [list(keys) for (keys,) in rows]


def boilerplate(con: duckdb.DuckDBPyConnection, source: str) -> frozenset[str]:
    """The block keys learned for a source (what clean() removes as template text)."""
    rows = con.execute("select block_hash from site_boilerplate where source = ?", [source]).fetchall()
    return frozenset(r[0] for r in rows)


def save_boilerplate(con: duckdb.DuckDBPyConnection, source: str, blocks: Iterable[str]) -> None:
    """Replace a source's learned blocks; call inside the transaction that clears its stale mark."""
    rows = [{"source": source, "block_hash": b} for b in sorted(set(blocks))]
    con.execute("delete from site_boilerplate where source = ?", [source])
    if not rows:
        return
    con.register("bp_batch", pa.Table.from_pylist(
        rows, schema=pa.schema([("source", pa.string()), ("block_hash", pa.string())])))
    try:
        con.execute("insert into site_boilerplate select source, block_hash, null, current_timestamp from bp_batch")
    finally:
        con.unregister("bp_batch")


def article_texts(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """(text, content hash) of each of these articles (missing ids are absent)."""
    with id_table(con, "text_ids", article_ids):
        rows = con.execute("select article_id, coalesce(text, ''), content_hash from articles "
                           "where article_id in (select article_id from text_ids)").fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def set_duplicates(con: duckdb.DuckDBPyConnection, links: dict[str, str | None]) -> int:
    """Store duplicate_of for each article id (None: an original); returns how many rows changed.

    Call inside the transaction that clears the `duplicates` stale mark."""
    rows = [{"article_id": k, "duplicate_of": v} for k, v in links.items()]
    if not rows:
        return 0
    con.register("dup_batch", pa.Table.from_pylist(
        rows, schema=pa.schema([("article_id", pa.string()), ("duplicate_of", pa.string())])))
    try:
        return con.execute(
            "update articles set duplicate_of = d.duplicate_of from dup_batch d "
            "where articles.article_id = d.article_id "
            "and articles.duplicate_of is distinct from d.duplicate_of"
        ).fetchone()[0]
    finally:
        con.unregister("dup_batch")


def set_main_events(con: duckdb.DuckDBPyConnection, main: dict[str, str | None]) -> None:
    """articles.main_event_id: the canonical event each article is about (None: no event)."""
    if not main:
        return
    con.register("main_batch", pa.Table.from_pylist(
        [{"article_id": k, "main_event_id": v} for k, v in main.items()],
        schema=pa.schema([("article_id", pa.string()), ("main_event_id", pa.string())])))
    try:
        con.execute("update articles set main_event_id = m.main_event_id from main_batch m "
                    "where articles.article_id = m.article_id")
    finally:
        con.unregister("main_batch")
