"""Idempotent batch writes: raw pages, articles, runs. Every write is keyed, so re-runs add nothing.

Batches go through Arrow (`con.register` then `insert ... select ... on conflict`), never through SQL
built from values.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from transforms.models import Article, RawPage


def now() -> datetime:
    return datetime.now(timezone.utc)


def _register(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    con.register(name, pa.Table.from_pylist(rows, schema=schema))


RAW_SCHEMA = pa.schema([
    ("page_id", pa.string()), ("url", pa.string()), ("source", pa.string()), ("via", pa.string()),
    ("final_url", pa.string()), ("status", pa.int32()), ("reason", pa.string()),
    ("content_type", pa.string()), ("etag", pa.string()), ("last_modified", pa.string()),
    ("sitemap_lastmod", pa.string()), ("location", pa.string()), ("body", pa.binary()),
    ("body_hash", pa.string()), ("fetched_at", pa.string()), ("run_id", pa.string()),
])


def _raw_row(page: RawPage, run_id: str) -> dict[str, Any]:
    body_hash = hashlib.sha1(page.body).hexdigest() if page.body is not None else None
    return {
        "page_id": page.page_id, "url": page.url, "source": page.source, "via": page.via,
        "final_url": page.final_url, "status": page.status, "reason": page.error,
        "content_type": page.content_type, "etag": page.etag, "last_modified": page.last_modified,
        "sitemap_lastmod": page.sitemap_lastmod, "location": page.location, "body": page.body,
        "body_hash": body_hash, "fetched_at": page.fetched_at, "run_id": run_id,
    }


def upsert_raw_pages(con: duckdb.DuckDBPyConnection, pages: Sequence[RawPage], run_id: str) -> int:
    """Store the latest fetch of each URL. A 304 keeps the stored body; a changed body is re-cleaned.

    Returns how many pages now wait for cleaning because they are new or their body changed.
    """
    if not pages:
        return 0
    latest = {page.url: _raw_row(page, run_id) for page in pages}  # last fetch of a URL wins
    _register(con, "raw_batch", list(latest.values()), RAW_SCHEMA)
    try:
        before = _pending_count(con)
        con.execute(
            """
            insert into raw_pages by name
            select * exclude (fetched_at), fetched_at::timestamptz as fetched_at,
                   fetched_at::timestamptz as first_seen_at,
                   case when body is not null and status between 200 and 299
                        and coalesce(content_type, 'text/html') ilike '%html%' then 'pending' end as clean_status,
                   null as clean_version
            from raw_batch
            on conflict (page_id) do update set
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
                body = case when excluded.status = 304 then raw_pages.body else excluded.body end,
                body_hash = case when excluded.status = 304 then raw_pages.body_hash else excluded.body_hash end,
                clean_status = case
                    when excluded.status = 304 then raw_pages.clean_status
                    when excluded.body_hash is not distinct from raw_pages.body_hash then raw_pages.clean_status
                    when excluded.body is not null and excluded.status between 200 and 299
                         and coalesce(excluded.content_type, 'text/html') ilike '%html%' then 'pending'
                    else null end
            """
        )
        return _pending_count(con) - before
    finally:
        con.unregister("raw_batch")


def _pending_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("select count(*) from raw_pages where clean_status = 'pending'").fetchone()[0]


PAGE_COLUMNS = ("url", "source", "fetched_at", "final_url", "status", "reason", "via", "content_type",
                "etag", "last_modified", "sitemap_lastmod", "location", "body")


def _page_from_row(row: tuple) -> RawPage:
    data = dict(zip(PAGE_COLUMNS, row))
    data["error"] = data.pop("reason")
    data["fetched_at"] = data["fetched_at"].isoformat() if data["fetched_at"] else ""
    return RawPage(**data)


ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("canonical_url", pa.string()), ("url", pa.string()),
    ("page_id", pa.string()), ("source", pa.string()), ("title", pa.string()), ("author", pa.string()),
    ("authors", pa.list_(pa.string())), ("published", pa.string()), ("updated", pa.string()),
    ("language", pa.string()), ("site_name", pa.string()), ("section", pa.string()),
    ("categories", pa.list_(pa.string())), ("description", pa.string()), ("lead_image", pa.string()),
    ("access", pa.string()), ("text", pa.string()), ("word_count", pa.int32()),
    ("content_hash", pa.string()), ("duplicate_of", pa.string()), ("extractor_version", pa.string()),
    ("run_id", pa.string()),
])


def upsert_articles(con: duckdb.DuckDBPyConnection, articles: Iterable[Article], run_id: str) -> int:
    """Insert or update articles keyed on canonical URL; returns how many rows are new."""
    rows = {}
    for article in articles:
        row = article.to_json()
        row["author"] = article.author
        row["run_id"] = run_id
        rows[article.article_id] = {name: row.get(name) for name in ARTICLE_SCHEMA.names}
    if not rows:
        return 0
    _register(con, "article_batch", list(rows.values()), ARTICLE_SCHEMA)
    try:
        before = con.execute("select count(*) from articles").fetchone()[0]
        con.execute(
            """
            insert into articles by name
            select *, try_cast(published as timestamptz) as published_at,
                   current_timestamp as first_seen_at, current_timestamp as updated_at
            from article_batch
            on conflict (article_id) do update set
                url = excluded.url, page_id = excluded.page_id, source = excluded.source,
                title = excluded.title, author = excluded.author, authors = excluded.authors,
                published = excluded.published, published_at = excluded.published_at,
                updated = excluded.updated, language = excluded.language, site_name = excluded.site_name,
                section = excluded.section, categories = excluded.categories,
                description = excluded.description, lead_image = excluded.lead_image,
                access = excluded.access, text = excluded.text, word_count = excluded.word_count,
                content_hash = excluded.content_hash,
                duplicate_of = articles.duplicate_of,
                extractor_version = excluded.extractor_version, run_id = excluded.run_id,
                updated_at = excluded.updated_at
            """
        )
        return con.execute("select count(*) from articles").fetchone()[0] - before
    finally:
        con.unregister("article_batch")


def mark_pages(con: duckdb.DuckDBPyConnection, statuses: dict[str, str], version: str) -> None:
    """Record what cleaning made of each page (article | skipped | error)."""
    if not statuses:
        return
    rows = [{"page_id": k, "clean_status": v} for k, v in statuses.items()]
    _register(con, "status_batch", rows, pa.schema([("page_id", pa.string()), ("clean_status", pa.string())]))
    try:
        con.execute(
            "update raw_pages set clean_status = s.clean_status, clean_version = ? "
            "from status_batch s where raw_pages.page_id = s.page_id",
            [version],
        )
    finally:
        con.unregister("status_batch")


def start_run(con: duckdb.DuckDBPyConnection, run_id: str, command: str, flow_run_id: str | None) -> None:
    con.execute(
        "update runs set status = 'interrupted', finished_at = ? where status = 'running'", [now()]
    )
    con.execute(
        "insert into runs (run_id, flow_run_id, command, status, started_at) values (?, ?, ?, 'running', ?)",
        [run_id, flow_run_id, command, now()],
    )


def finish_run(con: duckdb.DuckDBPyConnection, run_id: str, status: str, summary: dict, error: str | None = None) -> None:
    con.execute(
        "update runs set status = ?, finished_at = ?, summary = ?, error = ? where run_id = ?",
        [status, now(), json.dumps(summary, default=str), error, run_id],
    )


def record_source_counts(con: duckdb.DuckDBPyConnection, run_id: str, source: str, counts: dict[str, Any]) -> None:
    columns = ["pages_fetched", "pages_failed", "pages_unchanged", "articles_seen", "articles_new", "pages_skipped"]
    values = [int(counts.get(c, 0)) for c in columns]
    con.execute(
        f"insert or replace into run_sources (run_id, source, {', '.join(columns)}, errors) "
        f"values (?, ?, {', '.join('?' for _ in columns)}, ?)",
        [run_id, source, *values, json.dumps(counts.get("errors", []))],
    )


def upsert_source(con: duckdb.DuckDBPyConnection, name: str, config: dict) -> None:
    con.execute(
        "insert into sources (name, config) values (?, ?) "
        "on conflict (name) do update set config = excluded.config, last_seen = now()",
        [name, json.dumps(config)],
    )


def page_batch(
    con: duckdb.DuckDBPyConnection, *, after: str = "", limit: int = 200, source: str | None = None,
    since: str | None = None, all_pages: bool = False,
) -> list[RawPage]:
    """The next `limit` pages (by URL, after `after`) to clean: pending ones, or every stored HTML page."""
    where = ["body is not null", "status between 200 and 299", "url > ?",
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
    return [_page_from_row(row) for row in con.execute(sql, [*params, limit]).fetchall()]


def crawl_state(con: duckdb.DuckDBPyConnection, source: str) -> dict[str, Any]:
    """What the spiders need for conditional requests: validators per URL, the URLs already loaded, and
    the feed and sitemap documents seen (to probe whether anything changed before crawling)."""
    rows = con.execute(
        "select url, etag, last_modified, sitemap_lastmod, clean_status, via, content_type from raw_pages "
        "where source = ? and status between 200 and 299 and reason is null",
        [source],
    ).fetchall()
    pages = {url: {"etag": e, "last_modified": m, "sitemap_lastmod": s} for url, e, m, s, *_ in rows}
    loaded = [url for url, _, _, _, status, _, _ in rows if status in ("article", "skipped")]
    documents = [url for url, *_, via, ctype in rows if via in ("feed", "sitemap") and "html" not in (ctype or "")]
    return {"pages": pages, "loaded": loaded, "documents": documents}


def article_paragraphs(con: duckdb.DuckDBPyConnection, source: str, limit: int = 500) -> list[list[str]]:
    """Paragraph lists of a source's latest articles, to learn its recurring boilerplate from."""
    rows = con.execute(
        "select text from articles where source = ? order by first_seen_at desc limit ?", [source, limit]
    ).fetchall()
    return [[p for p in (text or "").split("\n\n") if p.strip()] for (text,) in rows]


def boilerplate(con: duckdb.DuckDBPyConnection, source: str) -> frozenset[str]:
    rows = con.execute("select block_hash from site_boilerplate where source = ?", [source]).fetchall()
    return frozenset(r[0] for r in rows)


def save_boilerplate(con: duckdb.DuckDBPyConnection, source: str, blocks: Iterable[str]) -> None:
    rows = [{"source": source, "block_hash": b} for b in sorted(set(blocks))]
    con.execute("delete from site_boilerplate where source = ?", [source])
    if rows:
        _register(con, "bp_batch", rows, pa.schema([("source", pa.string()), ("block_hash", pa.string())]))
        try:
            con.execute(
                "insert into site_boilerplate select source, block_hash, null, current_timestamp from bp_batch"
            )
        finally:
            con.unregister("bp_batch")


def dedup_candidates(con: duckdb.DuckDBPyConnection) -> list[Article]:
    """Every article with what duplicate detection needs, earliest published first."""
    rows = con.execute(
        "select article_id, url, canonical_url, source, title, text, content_hash, published from articles "
        "order by published_at nulls last, canonical_url"
    ).fetchall()
    return [Article(article_id=a, url=u, canonical_url=c, source=s, title=t or "", text=x or "",
                    content_hash=h or "", published=p) for a, u, c, s, t, x, h, p in rows]


def set_duplicates(con: duckdb.DuckDBPyConnection, links: dict[str, str | None]) -> int:
    """Store duplicate_of for each article id (None: an original); returns how many rows changed."""
    rows = [{"article_id": k, "duplicate_of": v} for k, v in links.items()]
    if not rows:
        return 0
    _register(con, "dup_batch", rows, pa.schema([("article_id", pa.string()), ("duplicate_of", pa.string())]))
    try:
        con.execute("begin transaction")
        changed = con.execute(
            "update articles set duplicate_of = d.duplicate_of from dup_batch d "
            "where articles.article_id = d.article_id "
            "and articles.duplicate_of is distinct from d.duplicate_of"
        ).fetchone()[0]
        con.execute("commit")
        return changed
    finally:
        con.unregister("dup_batch")
