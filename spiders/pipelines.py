"""The item pipeline that appends each RawPage to the crawl's JSONL file as soon as it is yielded.

One line per record, written with a single unbuffered append (one write() call for the whole line, however
long its body: a buffered text file splits a line longer than its buffer into several writes), so a crawl
killed at any moment leaves only complete lines. Also the log formatter that keeps bodies out of logs.
The item passed on is the record's JSON object, so `scrapy crawl SOURCE -O pages.jsonl` writes the
same lines as the PAGES_OUT file of `spiders.crawl`.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.logformatter import LogFormatter, LogFormatterResult

from transforms.models import RawPage


class RawPageWriter:
    """Writes to the path in the PAGES_OUT setting (appending), when set; counts every record."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        out = crawler.settings.get("PAGES_OUT")
        self.path = Path(out) if out else None
        self.fd: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RawPageWriter":
        return cls(crawler)

    def open_spider(self) -> None:
        if self.path is not None:
            self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def close_spider(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, RawPage):
            return item
        line = item.to_json()
        if self.fd is not None:
            _append(self.fd, (json.dumps(line) + "\n").encode("utf-8"))
        self.crawler.spider.frontier.count(item)
        return line


def _append(fd: int, data: bytes) -> None:
    """All of `data` at the end of the file: one write() for a regular file, more only if the kernel takes less."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class RecordLogFormatter(LogFormatter):
    """At DEBUG, log a record as url, status and reason rather than its whole body."""

    def scraped(self, item: Any, response: Any, spider: Spider) -> LogFormatterResult:
        result = super().scraped(item, response, spider)
        if isinstance(item, dict) and "body" in item:
            result["args"]["item"] = f"{item.get('url')} status={item.get('status')} error={item.get('error')}"
        return result
