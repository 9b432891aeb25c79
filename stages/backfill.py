"""Backfill from WARC files (CC-NEWS, another crawler's archive, our own): responses in, articles and
events out, through the same clean, dedup, event and load steps as a crawl.

1. read: each HTML 2xx `response` record becomes a raw page whose body stays in the input file (the row
   points at the record's offset there, nothing is copied); every other record (requests, metadata,
   warcinfo, non-HTML or non-2xx responses) is counted by kind and skipped. Rows are stored in batches,
   each in the transaction that records how far into the file the import got (warc_imports), so a
   killed import resumes at the first record not yet stored.
2. clean and code: the source's pending pages, in small batches, on worker processes (each loads the
   spaCy model once); the batches are written in order by this process, the one loader, through the
   same writer as a crawl's (stages.batch), so a kill leaves the unwritten pages pending.
3. derived state (stages.derived.refresh) at the end, as after any run.
"""
from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from stages import faults
from stages.batch import Outcome, clean_one, unique_articles, write_batch
from stages.progress import Progress, silent
from stages.records import page_from_record, page_record
from stages.warc import archive_dir, attach_bodies
from transforms.models import RawPage
from warehouse import transaction, writer
from warehouse.articles import boilerplate
from warehouse.pages import import_offset, page_batch, record_import, upsert_raw_pages

READ_BATCH = 200   # rows per transaction while reading
CLEAN_BATCH = 20   # pages per worker task: small, so both cores stay busy to the end


def _is_html(content_type: str | None) -> bool:
    return content_type is None or "html" in content_type.lower()


def page_of(record: Any, source: str) -> tuple[RawPage | None, str]:
    """The raw page of a WARC record (body included), or None and the kind of record skipped."""
    if record.rec_type != "response":
        return None, record.rec_type
    if record.http_headers is None:
        return None, "response without HTTP headers"
    status = int(record.http_headers.get_statuscode() or 0)
    content_type = record.http_headers.get_header("Content-Type")
    if not 200 <= status < 300:
        return None, "non-2xx response"
    if not _is_html(content_type):
        return None, "non-HTML response"
    url = record.rec_headers.get_header("WARC-Target-URI")
    page = RawPage(url=url, source=source, fetched_at=record.rec_headers.get_header("WARC-Date"), final_url=url,
                   status=status, content_type=content_type, via="warc",
                   etag=record.http_headers.get_header("ETag"),
                   last_modified=record.http_headers.get_header("Last-Modified"),
                   body=record.content_stream().read())
    return page, "html"


def _records(path: Path, start: int) -> Iterator[tuple[Any, int]]:
    """(record, its byte offset) of a WARC file, from byte `start` (a record boundary)."""
    with path.open("rb") as stream:
        stream.seek(start)
        records = ArchiveIterator(stream)
        for record in records:
            yield record, start + records.get_record_offset()


def read_warc(db: Path, path: Path, source: str, run_id: str, progress: Progress = silent) -> Counter[str]:
    """Store the HTML responses of one WARC file as pending raw pages, from where an earlier import of it
    stopped; returns the records seen by kind."""
    path = path.resolve()
    with writer(db) as con:
        start = import_offset(con, str(path), source)
    counts: Counter[str] = Counter()
    batch: list[dict[str, Any]] = []
    progress(f"read {path.name}", start, total=path.stat().st_size)
    done = start
    for record, offset in _records(path, start):
        if len(batch) >= READ_BATCH:  # everything before this record is read: store it
            _store(db, path, source, run_id, batch, offset)
            progress(f"read {path.name}", offset - done)
            done, batch = offset, []
        page, kind = page_of(record, source)
        counts[kind] += 1
        if page is not None:
            batch.append({**page_record(page), "warc_file": str(path), "warc_offset": offset})
    end = path.stat().st_size
    _store(db, path, source, run_id, batch, end)
    progress(f"read {path.name}", end - done)
    return counts


def _store(db: Path, path: Path, source: str, run_id: str, batch: list[dict[str, Any]], next_offset: int) -> None:
    """Rows of a batch of pages and how far into the file the import got, in one transaction."""
    with writer(db) as con, transaction(con):
        upsert_raw_pages(con, batch, run_id)
        record_import(con, str(path), source, next_offset)
        faults.point("load")


def _worker_init() -> None:
    """Load the event coder's resources once per worker process."""
    from stages.events import event_resources

    event_resources()


def clean_and_code(pages: list[RawPage], learned: frozenset[str], code: bool
                   ) -> tuple[dict[str, Outcome], dict[str, list] | None]:
    """One batch on a worker: each page's outcome and each article's events."""
    from stages.events import code_events

    outcomes = {page.page_id: clean_one(page, None, learned) for page in pages}
    articles = [o.article for o in unique_articles(list(outcomes.values()))]
    return outcomes, (code_events(articles) if code and articles else None)


def _pending(db: Path, source: str) -> Iterator[list[RawPage]]:
    """The source's pending pages with their bodies, CLEAN_BATCH at a time."""
    after = ""
    while True:
        with writer(db) as con:
            records = page_batch(con, after=after, limit=CLEAN_BATCH, source=source)
        if not records:
            return
        after = records[-1]["url"]
        yield [page_from_record(r) for r in attach_bodies(records, archive_dir(db))]


def clean_pending(db: Path, run_id: str, source: str, *, workers: int = 2, code: bool = True,
                  progress: Progress = silent) -> Counter[str]:
    """Clean and code the source's pending pages on `workers` processes, written here in order."""
    counts: Counter[str] = Counter()
    with writer(db) as con:
        learned = boilerplate(con, source)
        waiting = con.execute("select count(*) from raw_pages where source = ? and clean_status = 'pending'",
                              [source]).fetchone()[0]
    progress(f"clean + code {source}", 0, total=waiting)
    in_flight: deque[tuple[Future, int]] = deque()

    def write_oldest() -> None:
        future, size = in_flight.popleft()
        outcomes, coded = future.result()
        faults.point("clean")
        counts["articles_new"] += write_batch(db, run_id, outcomes, coded)
        faults.point("commit")
        counts.update(o.status for o in outcomes.values())
        progress(f"clean + code {source}", size)

    with ProcessPoolExecutor(workers, initializer=_worker_init if code else None) as pool:
        for pages in _pending(db, source):
            in_flight.append((pool.submit(clean_and_code, pages, learned, code), len(pages)))
            if len(in_flight) >= 2 * workers:
                write_oldest()
        while in_flight:
            write_oldest()
    return counts
