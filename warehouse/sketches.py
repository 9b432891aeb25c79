"""article_sketches and article_bands: each article's MinHash signature and LSH band keys (articles family).

Duplicate linking (stages.derived) looks up only what changed: the articles sharing a band key or a
content hash with a given set are found with one equi-join per step, and the closed group around the
changed articles is read back with its stored signatures, so no stored text is hashed again.
Signatures are 128 uint32 values stored as little-endian bytes; the warehouse never interprets them.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from warehouse.articles import id_table

SKETCH_SCHEMA = pa.schema([("article_id", pa.string()), ("content_hash", pa.string()), ("signature", pa.binary())])
BAND_SCHEMA = pa.schema([("article_id", pa.string()), ("band", pa.int8()), ("key", pa.int64())])

NEIGHBOURS_SQL = """
    select distinct o.article_id from article_bands s
    join article_bands o on o.band = s.band and o.key = s.key
    where s.article_id in (select article_id from seed_ids)
    union
    select o.article_id from article_sketches s
    join article_sketches o on o.content_hash = s.content_hash
    where s.article_id in (select article_id from seed_ids)
"""


def neighbours(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> set[str]:
    """Articles sharing a stored band key or content hash with any of these (themselves included)."""
    with id_table(con, "seed_ids", article_ids):
        return {r[0] for r in con.execute(NEIGHBOURS_SQL).fetchall()}


def closed_group(con: duckdb.DuckDBPyConnection, seeds: Iterable[str]) -> set[str]:
    """The seeds and every article reachable from them through shared band keys or content hashes:
    no article outside it can match one inside, so linking the group alone gives the global links."""
    group = set(seeds)
    frontier = set(group)
    while frontier:
        frontier = neighbours(con, frontier) - group
        group |= frontier
    return group


def save_sketches(con: duckdb.DuckDBPyConnection, sketches: Sequence[dict[str, Any]],
                  bands: Sequence[dict[str, Any]]) -> None:
    """Replace the signature and band keys of these articles (records of SKETCH_SCHEMA / BAND_SCHEMA)."""
    if not sketches:
        return
    ids = [r["article_id"] for r in sketches]
    with id_table(con, "sketch_ids", ids):
        con.execute("delete from article_bands where article_id in (select article_id from sketch_ids)")
        con.execute("delete from article_sketches where article_id in (select article_id from sketch_ids)")
    insert_sketches(con, pa.Table.from_pylist(list(sketches), schema=SKETCH_SCHEMA),
                    pa.Table.from_pylist(list(bands), schema=BAND_SCHEMA))


def insert_sketches(con: duckdb.DuckDBPyConnection, sketches: pa.Table, bands: pa.Table) -> None:
    """Bulk insert of new articles' sketches and bands (Arrow tables of SKETCH_SCHEMA / BAND_SCHEMA)."""
    con.register("sketch_batch", sketches)
    con.register("band_batch", bands)
    try:
        con.execute("insert into article_sketches select * from sketch_batch")
        con.execute("insert into article_bands select * from band_batch")
    finally:
        con.unregister("sketch_batch")
        con.unregister("band_batch")


def group_candidates(con: duckdb.DuckDBPyConnection, article_ids: Iterable[str]) -> list[dict[str, Any]]:
    """These articles with what duplicate linking needs (text only for those without a signature),
    in the order that decides which copy is the original: earliest published first."""
    with id_table(con, "group_ids", article_ids):
        cursor = con.execute(
            "select a.article_id, case when s.signature is null then a.text end as text, a.content_hash, "
            "s.signature from articles a join article_sketches s using (article_id) "
            "where a.article_id in (select article_id from group_ids) "
            "order by a.published_at nulls last, a.canonical_url")
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


def all_candidates(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every article as group_candidates gives them: for checks against a sweep over the whole archive."""
    cursor = con.execute(
        "select a.article_id, case when s.signature is null then a.text end as text, a.content_hash, "
        "s.signature from articles a join article_sketches s using (article_id) "
        "order by a.published_at nulls last, a.canonical_url")
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]
