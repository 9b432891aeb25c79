"""raw_pages: every fetch, failures included, keyed on URL. Re-loading the same crawl adds nothing.

Records are plain dicts with the columns of RAW_SCHEMA (`reason` says why a page is unusable). Batches
go through Arrow (`con.register` then `merge into ... using (select ...)`), never through SQL built
from values. Bodies are not stored here but in WARC files (stages/warc.py): a record carries its body
(hashed, to tell a changed page) and the WARC pointer of its response record; only the pointer is kept.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

RAW_SCHEMA = pa.schema([
    ("page_id", pa.string()), ("url", pa.string()), ("source", pa.string()), ("via", pa.string()),
    ("final_url", pa.string()), ("status", pa.int32()), ("reason", pa.string()),
    ("content_type", pa.string()), ("etag", pa.string()), ("last_modified", pa.string()),
    ("sitemap_lastmod", pa.string()), ("location", pa.string()),
    ("body_hash", pa.string()), ("fetched_at", pa.string()), ("run_id", pa.string()),
    ("warc_file", pa.string()), ("warc_offset", pa.int64()), ("warc_length", pa.int64()),
])
# What the cleaning stage reads back of a page.
PAGE_COLUMNS = ("page_id", "url", "source", "fetched_at", "final_url", "status", "reason", "via", "content_type",
                "etag", "last_modified", "sitemap_lastmod", "location", "body", "warc_file", "warc_offset")
STORED = "(warc_file is not null or body is not null)"  # a body to clean (body: not yet moved to a WARC)

UPSERT_SQL = """
    merge into raw_pages
    using (select * exclude (fetched_at), fetched_at::timestamptz as fetched_at,
                  fetched_at::timestamptz as first_seen_at,
                  case when warc_file is not null and status between 200 and 299
                       and coalesce(content_type, 'text/html') ilike '%html%' then 'pending' end as clean_status,
                  null::varchar as clean_version
           from raw_batch) as excluded
    on raw_pages.page_id = excluded.page_id
    when not matched then insert by name
    when matched then update set
        fetched_at = excluded.fetched_at,
        run_id = excluded.run_id,
        via = coalesce(raw_pages.via, excluded.via),
        sitemap_lastmod = coalesce(excluded.sitemap_lastmod, raw_pages.sitemap_lastmod),
        status = case when excluded.status = 304 then raw_pages.status else excluded.status end,
        reason = case when excluded.status = 304 then raw_pages.reason else excluded.reason end,
        final_url = case when excluded.status = 304 then raw_pages.final_url else excluded.final_url end,
        content_type = coalesce(excluded.content_type, raw_pages.content_type),
        etag = coalesce(excluded.etag, raw_pages.etag),
        last_modified = coalesce(excluded.last_modified, raw_pages.last_modified),
        location = excluded.location,
        body = case when excluded.status = 304 then raw_pages.body end,
        warc_file = case when excluded.status = 304 then raw_pages.warc_file else excluded.warc_file end,
        warc_offset = case when excluded.status = 304 then raw_pages.warc_offset else excluded.warc_offset end,
        warc_length = case when excluded.status = 304 then raw_pages.warc_length else excluded.warc_length end,
        body_hash = case when excluded.status = 304 then raw_pages.body_hash else excluded.body_hash end,
        clean_status = case
            when excluded.status = 304 then raw_pages.clean_status
            when excluded.body_hash is not distinct from raw_pages.body_hash then raw_pages.clean_status
            when excluded.warc_file is not null and excluded.status between 200 and 299
                 and coalesce(excluded.content_type, 'text/html') ilike '%html%' then 'pending'
            else null end
"""


def _row(record: dict[str, Any], run_id: str) -> dict[str, Any]:
    body = record.get("body")
    return {**{name: record.get(name) for name in RAW_SCHEMA.names},
            "body_hash": hashlib.sha1(body).hexdigest() if body is not None else None, "run_id": run_id}


def upsert_raw_pages(con: duckdb.DuckDBPyConnection, records: Sequence[dict[str, Any]], run_id: str,
                     warc: tuple[str, int] | None = None) -> int:
    """Store the latest fetch of each URL. A 304 keeps the stored body; a changed body is re-cleaned.

    Records with a body carry the WARC pointer of its response record (warc_file, warc_offset,
    warc_length); `warc` is the (file, committed length) the records were appended to, stored in the
    same transaction. Returns how many pages now wait for cleaning because they are new or changed.
    """
    if not records:
        return 0
    latest = {r["url"]: _row(r, run_id) for r in records}  # last fetch of a URL wins
    con.register("raw_batch", pa.Table.from_pylist(list(latest.values()), schema=RAW_SCHEMA))
    try:
        before = _pending_count(con)
        con.execute(UPSERT_SQL)
        if warc is not None:
            commit_warc(con, *warc)
        return _pending_count(con) - before
    finally:
        con.unregister("raw_batch")


def commit_warc(con: duckdb.DuckDBPyConnection, name: str, size: int) -> None:
    """Record that the first `size` bytes of WARC file `name` are referenced by committed rows."""
    con.execute("merge into warc_files using (select ? as name, ? as committed_bytes, now() as updated_at) as excluded "
                "on warc_files.name = excluded.name when matched then update set "
                "committed_bytes = excluded.committed_bytes, updated_at = excluded.updated_at "
                "when not matched then insert by name", [name, size])


def committed_warcs(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Committed length of every WARC file the warehouse knows."""
    return dict(con.execute("select name, committed_bytes from warc_files").fetchall())


def stored_bodies(con: duckdb.DuckDBPyConnection, limit: int) -> list[dict[str, Any]]:
    """Pages whose body an earlier version kept in the database (to move into WARC files)."""
    columns = ("url", "source", "fetched_at", "final_url", "status", "content_type", "etag", "last_modified",
               "location", "body")
    rows = con.execute(f"select {', '.join(columns)} from raw_pages where body is not null order by url limit ?",
                       [limit]).fetchall()
    return [{**dict(zip(columns, r)), "fetched_at": r[2].isoformat() if r[2] else None} for r in rows]


def move_bodies(con: duckdb.DuckDBPyConnection, pointers: dict[str, dict[str, Any]], name: str, size: int) -> None:
    """Point these pages (by URL) at their WARC records and drop the bodies from the database."""
    rows = [{"url": url, **p} for url, p in pointers.items()]
    con.register("moved", pa.Table.from_pylist(rows, schema=pa.schema(
        [("url", pa.string()), ("warc_file", pa.string()), ("warc_offset", pa.int64()), ("warc_length", pa.int64())])))
    try:
        con.execute("update raw_pages set warc_file = m.warc_file, warc_offset = m.warc_offset, "
                    "warc_length = m.warc_length, body = null from moved m where raw_pages.url = m.url")
    finally:
        con.unregister("moved")
    commit_warc(con, name, size)


def _pending_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select count(*) from raw_pages where clean_status = 'pending'").fetchone()[0]


def mark_pages(con: duckdb.DuckDBPyConnection, outcomes: dict[str, tuple[str, str | None, str | None]],
               version: str) -> None:
    """Record what cleaning made of each page: page id -> (clean_status, clean_reason, clean_notes);
    status is article | skipped (not an article) | unusable (no text could be had) | error."""
    if not outcomes:
        return
    rows = [{"page_id": k, "clean_status": s, "clean_reason": r, "clean_notes": n} for k, (s, r, n) in outcomes.items()]
    con.register("status_batch", pa.Table.from_pylist(rows, schema=pa.schema(
        [("page_id", pa.string()), ("clean_status", pa.string()), ("clean_reason", pa.string()),
         ("clean_notes", pa.string())])))
    try:
        con.execute("update raw_pages set clean_status = s.clean_status, clean_reason = s.clean_reason, "
                    "clean_notes = s.clean_notes, clean_version = ? "
                    "from status_batch s where raw_pages.page_id = s.page_id", [version])
    finally:
        con.unregister("status_batch")


def page_batch(
    con: duckdb.DuckDBPyConnection, *, after: str = "", limit: int = 200, source: str | None = None,
    since: str | None = None, all_pages: bool = False,
) -> list[dict[str, Any]]:
    """The next `limit` pages (by URL, after `after`) to clean: pending ones, or every stored HTML page.

    Each is a dict of PAGE_COLUMNS (fetched_at as an ISO string)."""
    where = [STORED, "status between 200 and 299", "url > ?",
             "coalesce(content_type, 'text/html') ilike '%html%'"]  # feeds and sitemaps are not articles
    params: list[Any] = [after]
    if not all_pages:
        where.append("clean_status = 'pending'")
    if source:
        where.append("source = ?")
        params.append(source)
    if since:
        where.append("fetched_at >= ?::timestamptz")
        params.append(since)
    sql = f"select {', '.join(PAGE_COLUMNS)} from raw_pages where {' and '.join(where)} order by url limit ?"
    rows = [dict(zip(PAGE_COLUMNS, row)) for row in con.execute(sql, [*params, limit]).fetchall()]
    for row in rows:
        row["fetched_at"] = row["fetched_at"].isoformat() if row["fetched_at"] else ""
    return rows


def crawl_state(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, Any]:
    """What the spiders need for conditional requests: validators per URL, the URLs already loaded, and
    the feed and sitemap documents seen (to probe whether anything changed before crawling)."""
    rows = con.execute(
        "select url, etag, last_modified, sitemap_lastmod, clean_status, via, content_type from raw_pages "
        "where source = ? and status between 200 and 299 and reason is null",
        [source],
    ).fetchall()
    pages = {url: {"etag": e, "last_modified": m, "sitemap_lastmod": s} for url, e, m, s, *_ in rows}
    loaded = [url for url, _, _, _, status, _, _ in rows if status in ("article", "skipped", "unusable")]
    documents = [url for url, *_, via, ctype in rows if via in ("feed", "sitemap") and "html" not in (ctype or "")]
    return {"pages": pages, "loaded": loaded, "documents": documents}


def import_offset(con: duckdb.DuckDBPyConnection, path: str, source: str) -> int:
    """Byte offset where an import of WARC file `path` for `source` resumes (0: never imported)."""
    row = con.execute("select next_offset from warc_imports where path = ? and source = ?", [path, source]).fetchone()
    return row[0] if row else 0


def record_import(con: duckdb.DuckDBPyConnection, path: str, source: str, next_offset: int) -> None:
    """Every record of `path` before `next_offset` is stored; call in the transaction that stores them."""
    con.execute("merge into warc_imports using (select ? as path, ? as source, ? as next_offset, now() as updated_at) "
                "as excluded on warc_imports.path = excluded.path and warc_imports.source = excluded.source "
                "when matched then update set next_offset = excluded.next_offset, updated_at = excluded.updated_at "
                "when not matched then insert by name", [path, source, next_offset])
