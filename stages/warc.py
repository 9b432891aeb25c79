"""Raw pages archived as WARC (ISO 28500, the web-archive standard) beside the warehouse.

Every fetch a run loads is written by warcio as records of gzipped WARC files in `<db stem>-warc/`
next to the DuckDB file: a `request` record and a `response` record (status line, the headers the
crawler kept, the body) per page, and a `metadata` record for a fetch that failed before any response
(robots, DNS, refused address, size cap). `raw_pages` keeps the metadata plus the file name, offset and
length of the response record, never the body; cleaning and `reprocess` read bodies back by seeking to
that offset. Each run writes its own files, rolled over at ROLL_BYTES, so any WARC tool (`warcio
index`, pywb, CDX indexers) can read them.

Crash safety: a batch's records are written and fsynced BEFORE the transaction that stores their
pointers; that transaction also records how many bytes of the file are committed (`warc_files`).
`repair()` (run before every ingest) cuts any file back to its committed length and deletes files no
transaction ever committed, so a kill anywhere leaves neither torn records nor records without rows.
On a DuckLake warehouse, where several runs load at once, it leaves the files of runs still going alone
(each run writes only its own files, named after its run id).
"""
from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timezone
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from transforms.models import RawPage

ROLL_BYTES = 1_000_000_000  # the customary 1 GB per WARC file
KEPT_HEADERS = (("Content-Type", "content_type"), ("ETag", "etag"), ("Last-Modified", "last_modified"),
                ("Location", "location"))


def archive_dir(db: Path) -> Path:
    """Where a warehouse's WARC files live: `<db stem>-warc/` in the database's directory."""
    return Path(db).with_name(Path(db).stem + "-warc")


def _warc_date(fetched_at: str | None) -> str:
    try:
        when = datetime.fromisoformat(fetched_at) if fetched_at else datetime.now(timezone.utc)
    except ValueError:
        when = datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _request_headers(url: str) -> StatusAndHeaders:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return StatusAndHeaders(f"GET {target} HTTP/1.1", [("Host", parts.netloc)], is_http_request=True)


def _response_headers(page: RawPage) -> StatusAndHeaders:
    status = page.status or 0
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Unknown"
    headers = [(name, getattr(page, field)) for name, field in KEPT_HEADERS if getattr(page, field)]
    headers.append(("Content-Length", str(len(page.body or b""))))
    return StatusAndHeaders(f"{status} {phrase}", headers, protocol="HTTP/1.1")


class WarcFiles:
    """The WARC files one run appends to: `<prefix>-<run id>-<n>.warc.gz`, a new one past ROLL_BYTES."""

    def __init__(self, directory: Path, run_id: str, prefix: str = "newsdesk") -> None:
        self.directory = Path(directory)
        self.stem = f"{prefix}-{run_id}"
        self.number = 0

    def current(self) -> Path:
        """The file to append to now (the next number once the current one is past ROLL_BYTES)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{self.stem}-{self.number:05d}.warc.gz"
        while path.exists() and path.stat().st_size >= ROLL_BYTES:
            self.number += 1
            path = self.directory / f"{self.stem}-{self.number:05d}.warc.gz"
        return path

    def append(self, pages: Sequence[RawPage]) -> tuple[dict[str, dict[str, Any]], tuple[str, int]]:
        """Write the pages' records, fsynced; returns each stored body's pointer by URL and the file's
        (name, committed length) to record in the same transaction as the pointers."""
        path = self.current()
        pointers: dict[str, dict[str, Any]] = {}
        with path.open("ab") as out:
            writer = WARCWriter(out, gzip=True)
            for page in pages:
                pointer = write_page(writer, out, page)
                if pointer is not None:
                    pointers[page.url] = {"warc_file": path.name, **pointer}
            out.flush()
            os.fsync(out.fileno())
            size = out.tell()
        return pointers, (path.name, size)


def write_page(writer: WARCWriter, out: Any, page: RawPage) -> dict[str, int] | None:
    """One fetch as WARC records; the offset and length of its response record when it has a body."""
    date = {"WARC-Date": _warc_date(page.fetched_at)}
    if page.status is None:  # nothing came back: why, as a metadata record
        fields = f"fetch-error: {page.error or 'unknown'}\r\nvia: {page.via or ''}\r\n".encode("utf-8")
        writer.write_record(writer.create_warc_record(page.url, "metadata", payload=io.BytesIO(fields),
                                                      length=len(fields), warc_content_type="application/warc-fields",
                                                      warc_headers_dict=date))
        return None
    request = writer.create_warc_record(page.url, "request", http_headers=_request_headers(page.url),
                                        warc_headers_dict=dict(date))
    body = page.body or b""
    response = writer.create_warc_record(page.final_url or page.url, "response", payload=io.BytesIO(body),
                                         length=len(body), http_headers=_response_headers(page),
                                         warc_headers_dict=dict(date))
    request.rec_headers.add_header("WARC-Concurrent-To", response.rec_headers.get_header("WARC-Record-ID"))
    writer.write_record(request)
    offset = out.tell()
    writer.write_record(response)
    return {"warc_offset": offset, "warc_length": out.tell() - offset} if page.body is not None else None


def read_body(directory: Path, name: str, offset: int) -> bytes:
    """The body of the response record at `offset` of WARC file `name`."""
    with (Path(directory) / name).open("rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        return record.content_stream().read()


def attach_bodies(records: Iterable[dict[str, Any]], directory: Path) -> list[dict[str, Any]]:
    """Page rows (warehouse.pages.page_batch) with their bodies read from the archive, pointers dropped."""
    out = []
    for record in records:
        name, offset = record.pop("warc_file", None), record.pop("warc_offset", None)
        record.pop("warc_length", None)
        if record.get("body") is None and name is not None:
            record["body"] = read_body(directory, name, offset)
        out.append(record)
    return out


def run_of(name: str, prefix: str) -> str | None:
    """The run id in a WARC file name `<prefix>-<run id>-<n>.warc.gz` (WarcFiles), or None."""
    match = re.fullmatch(re.escape(prefix) + r"-(.+)-\d{5}\.warc\.gz", name)
    return match.group(1) if match else None


def repair(directory: Path, committed: dict[str, int], live: Callable[[set[str]], set[str]] | None = None,
           prefix: str = "") -> list[str]:
    """Cut every file back to the bytes a transaction committed (delete those never committed), so a
    run killed between writing records and storing their rows leaves nothing behind; returns the names.

    With `live` (a DuckLake warehouse, which several runs load at once) the files of the runs it reports
    still going (`<prefix>-<run id>-<n>.warc.gz`) are left alone: one of them may be between writing its
    records and committing them. A run's files appear only once it holds its run lock, and liveness is
    asked after the files are listed, so no file of a live run is ever touched."""
    paths = sorted(Path(directory).glob("*.warc.gz")) if Path(directory).is_dir() else []
    if live is not None:
        owners = {path.name: run_of(path.name, prefix) for path in paths}
        going = live({run for run in owners.values() if run})
        paths = [path for path in paths if owners[path.name] not in going]
    fixed = []
    for path in paths:
        size = committed.get(path.name)
        try:
            if size is None:
                path.unlink()
            elif path.stat().st_size > size:
                with path.open("r+b") as stream:
                    stream.truncate(size)
            else:
                continue
        except FileNotFoundError:  # another run repairing the same dead run's file got there first
            continue
        fixed.append(path.name)
    return fixed
