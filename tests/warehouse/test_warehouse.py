"""Warehouse: migrations recorded once, idempotent upserts, 304 keeps the body, search macro, readers."""
from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from stages.records import article_record, page_record
from transforms.models import Article, RawPage, stable_id
from warehouse import checks, migrate, reader, writer
from warehouse.articles import upsert_articles
from warehouse.pages import crawl_state, page_batch, upsert_raw_pages
from warehouse.search import index_articles


def page(url: str, status: int | None = 200, body: bytes | None = b"<html>x</html>", offset: int = 0, **kw) -> dict:
    """A raw-page record as stages.ingest makes it: with the WARC pointer of its body, if any."""
    record = page_record(RawPage(url=url, source="s", fetched_at="2026-01-01T00:00:00+00:00", status=status,
                                 body=body, **kw))
    pointer = {"warc_file": "run.warc.gz", "warc_offset": offset, "warc_length": 100} if body else {}
    return {**record, **pointer}


def article(url: str, text: str = "Rebels took Idlib yesterday.", title: str = "Idlib falls", **kw) -> dict:
    return article_record(Article(article_id=stable_id(url), url=url, canonical_url=url, source="s", title=title,
                                  text=text, authors=("Our Foreign Desk",), published="2015-03-29", **kw))


def test_migrations_are_recorded_and_applied_once(db_path):
    with writer(db_path) as con:
        first = migrate(con)
        second = migrate(con)
        versions = con.execute("select version from schema_migrations order by version").fetchall()
    assert "001_core" in first
    assert second == []
    assert versions[0] == (1,)


def test_raw_pages_upsert_is_idempotent_and_304_keeps_body(db_path):
    with writer(db_path) as con:
        migrate(con)
        assert upsert_raw_pages(con, [page("http://a/1", etag='"v1"')], "r1", ("run.warc.gz", 200)) == 1
        assert upsert_raw_pages(con, [page("http://a/1", etag='"v1"', offset=300)], "r2") == 0
        upsert_raw_pages(con, [page("http://a/1", status=304, body=None)], "r3")
        row = con.execute("select body, warc_file, warc_offset, status, etag, (select count(*) from raw_pages) "
                          "from raw_pages").fetchone()
        committed = con.execute("select name, committed_bytes from warc_files").fetchall()
    assert row == (None, "run.warc.gz", 300, 200, '"v1"', 1)  # the body lives in the WARC file only
    assert committed == [("run.warc.gz", 200)]


def test_failures_are_stored_with_reason_and_not_queued_for_cleaning(db_path):
    with writer(db_path) as con:
        migrate(con)
        upsert_raw_pages(con, [page("http://a/missing", status=404, body=b"nope"),
                               page("http://a/x.pdf", body=None, error="non-html content: application/pdf"),
                               page("http://a/private", status=None, body=None, error="disallowed by robots.txt")],
                         "r1")
        assert page_batch(con) == []
        rows = con.execute("select url, status, reason from page_errors order by url").fetchall()
    assert len(rows) == 3
    assert ("http://a/private", None, "disallowed by robots.txt") in rows


def test_changed_body_is_queued_again(db_path):
    with writer(db_path) as con:
        migrate(con)
        upsert_raw_pages(con, [page("http://a/1")], "r1")
        con.execute("update raw_pages set clean_status = 'article'")
        assert upsert_raw_pages(con, [page("http://a/1")], "r2") == 0
        assert upsert_raw_pages(con, [page("http://a/1", body=b"<html>changed</html>")], "r3") == 1


def test_article_upsert_adds_no_row_on_rerun_and_updates_in_place(db_path):
    with writer(db_path) as con:
        migrate(con)
        assert upsert_articles(con, [article("http://a/1")], "r1") == 1
        assert upsert_articles(con, [article("http://a/1", extractor_version="v2")], "r2") == 0
        rows = con.execute("select article_id, extractor_version, authors, published_at::date::varchar "
                           "from articles").fetchall()
        assert checks(con) == {"dangling_duplicate_of": 0, "duplicate_canonical_urls": 0}
    assert rows == [(stable_id("http://a/1"), "v2", ["Our Foreign Desk"], "2015-03-29")]


def test_search_macro_ranks_matching_articles(db_path):
    with writer(db_path) as con:
        migrate(con)
        upsert_articles(con, [article("http://a/1"), article("http://a/2", text="Markets rallied on Friday.", title="Stocks up")], "r")
        index_articles(con, [stable_id("http://a/1"), stable_id("http://a/2")])
    with reader(db_path) as con:
        hits = con.execute("select canonical_url from search('idlib')").fetchall()
    assert hits == [("http://a/1",)]


def test_crawl_state_lists_validators_and_loaded_urls(db_path):
    with writer(db_path) as con:
        migrate(con)
        upsert_raw_pages(con, [page("http://a/1", etag='"e"', sitemap_lastmod="2015-03-29")], "r1")
        con.execute("update raw_pages set clean_status = 'article'")
        state = crawl_state(con, "s")
    assert state["pages"]["http://a/1"]["etag"] == '"e"'
    assert state["loaded"] == ["http://a/1"]


HOLD_WRITER = """
import sys, time
from warehouse import writer
with writer(sys.argv[1]) as con:
    print("holding", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_reader_waits_for_a_writer_in_another_process(db_path):
    with writer(db_path) as con:
        migrate(con)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITER, str(db_path), "1.5"], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(duckdb.IOException):
            with reader(db_path, wait_seconds=0.2):
                pass
        with reader(db_path, wait_seconds=20) as con:  # waits until the writer lets go
            assert con.execute("select count(*) from articles").fetchone() == (0,)
    finally:
        holder.wait(timeout=20)


def test_feed_and_sitemap_documents_are_never_cleaned(db_path):
    with writer(db_path) as con:
        migrate(con)
        upsert_raw_pages(con, [page("http://a/feed.xml", content_type="application/atom+xml"),
                               page("http://a/sitemap.xml", content_type="application/xml"),
                               page("http://a/story", content_type="text/html; charset=utf-8")], "r1")
        assert [p["url"] for p in page_batch(con)] == ["http://a/story"]
        assert [p["url"] for p in page_batch(con, all_pages=True)] == ["http://a/story"]
