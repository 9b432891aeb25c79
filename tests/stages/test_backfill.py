"""Backfill from WARC files (issue 13): HTML responses become pending raw pages pointing into the input
file, other records are counted and skipped, an import resumes where it stopped, pages clean on workers."""
from __future__ import annotations

from collections import Counter

from warcio.archiveiterator import ArchiveIterator

from bench.synthetic import write_warc
from stages.backfill import clean_pending, read_warc
from warehouse import migrate, reader, transaction, writer
from warehouse.pages import record_import


def _db(tmp_path):
    db = tmp_path / "news.duckdb"
    with writer(db) as con:
        migrate(con)
    return db


def _offsets(warc) -> list[int]:
    with warc.open("rb") as stream:
        records = ArchiveIterator(stream)
        return [records.get_record_offset() for _ in records]


def test_responses_become_pending_pages_and_other_records_are_counted(tmp_path):
    db, warc = _db(tmp_path), tmp_path / "wire.warc.gz"
    write_warc(warc, 4)
    counts = read_warc(db, warc, "wire", "r1")
    assert counts == Counter({"html": 4, "request": 4})
    with reader(db) as con:
        rows = con.execute("select clean_status, warc_file, body from raw_pages").fetchall()
    assert rows == [("pending", str(warc.resolve()), None)] * 4
    assert read_warc(db, warc, "wire", "r2") == Counter()  # resumed past the end: nothing read again


def test_an_interrupted_import_resumes_at_the_first_record_not_stored(tmp_path):
    db, warc = _db(tmp_path), tmp_path / "wire.warc.gz"
    write_warc(warc, 4)
    read_warc(db, warc, "wire", "r1")
    second = _offsets(warc)[2]  # the second page's request record
    with writer(db) as con, transaction(con):  # as if killed after storing the first page only
        con.execute("delete from raw_pages where warc_offset >= ?", [second])
        record_import(con, str(warc.resolve()), "wire", second)
    assert read_warc(db, warc, "wire", "r2")["html"] == 3
    with reader(db) as con:
        assert con.execute("select count(*), count(distinct url) from raw_pages").fetchone() == (4, 4)


def test_pending_pages_clean_on_worker_processes_into_articles(tmp_path):
    db, warc = _db(tmp_path), tmp_path / "wire.warc.gz"
    write_warc(warc, 6)
    read_warc(db, warc, "wire", "r1")
    counts = clean_pending(db, "r1", "wire", workers=2, code=False)
    assert counts["article"] == 6 and counts["articles_new"] == 6
    with reader(db) as con:
        assert con.execute("select count(*) from raw_pages where clean_status = 'pending'").fetchone() == (0,)
