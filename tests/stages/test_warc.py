"""Raw pages archived as WARC (issue 13): standard records any WARC tool reads, bodies read back by
offset, files cut back to what committed rows reference, bodies of older warehouses moved out."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from stages.ingest import load_pages, prepare_archive, store_pages
from stages.warc import archive_dir, read_body
from transforms.models import RawPage
from warehouse import migrate, reader, transaction, writer

WHEN = "2026-01-01T10:00:00+00:00"
PAGES = [
    RawPage(url="http://a.example/news/1", source="a", fetched_at=WHEN, status=200, content_type="text/html",
            etag='"e1"', body=b"<html><body><p>First story</p></body></html>"),
    RawPage(url="http://a.example/gone", source="a", fetched_at=WHEN, status=404, content_type="text/html",
            body=b"not here"),
    RawPage(url="http://a.example/private", source="a", fetched_at=WHEN, error="disallowed by robots.txt"),
]


def _db(tmp_path: Path) -> Path:
    db = tmp_path / "news.duckdb"
    with writer(db) as con:
        migrate(con)
    return db


def _crawl_output(tmp_path: Path, pages=PAGES) -> Path:
    import json

    path = tmp_path / "a.pages.jsonl"
    path.write_text("".join(json.dumps(p.to_json()) + "\n" for p in pages))
    return path


def test_fetches_become_standard_records_and_rows_point_at_them(tmp_path):
    db = _db(tmp_path)
    load_pages(db, _crawl_output(tmp_path), "run1")
    [warc] = sorted(archive_dir(db).glob("*.warc.gz"))
    with warc.open("rb") as stream:
        kinds = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(stream)]
    assert kinds == [("request", PAGES[0].url), ("response", PAGES[0].url), ("request", PAGES[1].url),
                     ("response", PAGES[1].url), ("metadata", PAGES[2].url)]
    with reader(db) as con:
        body, name, offset = con.execute("select body, warc_file, warc_offset from raw_pages where url = ?",
                                         [PAGES[0].url]).fetchone()
    assert body is None and name == warc.name
    assert read_body(archive_dir(db), name, offset) == PAGES[0].body
    index = subprocess.run([sys.executable, "-m", "warcio.cli", "index", str(warc)], capture_output=True, text=True)
    assert index.returncode == 0 and index.stdout.count('"warc-type"') == 5, index.stderr


def test_records_written_without_their_rows_are_cut_off_before_the_next_ingest(tmp_path):
    db = _db(tmp_path)
    files = prepare_archive(db, "run1")
    store_pages(db, files, PAGES[:1], "run1")
    committed = files.current().stat().st_size
    files.append(PAGES[1:])  # a run killed after writing these records, before storing their rows
    with files.current().open("ab") as torn:
        torn.write(b"\x1f\x8b\x08 torn")
    orphan = archive_dir(db) / "news-run0-00000.warc.gz"
    orphan.write_bytes(b"never committed")
    prepare_archive(db, "run2")
    assert files.current().stat().st_size == committed and not orphan.exists()
    with files.current().open("rb") as stream:
        assert [r.rec_type for r in ArchiveIterator(stream)] == ["request", "response"]


def test_bodies_stored_by_an_older_version_move_into_a_warc_file(tmp_path):
    db = _db(tmp_path)
    with writer(db) as con, transaction(con):
        con.execute("insert into raw_pages (page_id, url, source, status, content_type, body, fetched_at, "
                    "clean_status) values ('p1', ?, 'a', 200, 'text/html', ?, ?, 'article')",
                    [PAGES[0].url, PAGES[0].body, WHEN])
    prepare_archive(db, "run1")
    with reader(db) as con:
        body, name, offset, status = con.execute(
            "select body, warc_file, warc_offset, clean_status from raw_pages").fetchone()
    assert body is None and status == "article"
    assert read_body(archive_dir(db), name, offset) == PAGES[0].body
