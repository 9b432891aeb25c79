"""The item pipeline that appends each RawPage to the crawl's JSONL file as soon as it is yielded.

One line per record, flushed at once, so a crawl killed at any moment leaves only complete lines
(at worst a torn last line, which readers skip). Also the log formatter that keeps bodies out of logs.
The item passed on is the record's JSON object, so `scrapy crawl SOURCE -O pages.jsonl` writes the
same lines as the PAGES_OUT file of `spiders.crawl`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

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
        self.file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RawPageWriter":
        return cls(crawler)

    def open_spider(self) -> None:
        if self.path is not None:
            self.file = self.path.open("a", encoding="utf-8")

    def close_spider(self) -> None:
        if self.file is not None:
            self.file.close()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, RawPage):
            return item
        line = item.to_json()
        if self.file is not None:
            self.file.write(json.dumps(line) + "\n")
            self.file.flush()
        self.crawler.spider.frontier.count(item)
        return line


class RecordLogFormatter(LogFormatter):
    """At DEBUG, log a record as url, status and reason rather than its whole body."""

    def scraped(self, item: Any, response: Any, spider: Spider) -> LogFormatterResult:
        result = super().scraped(item, response, spider)
        if isinstance(item, dict) and "body" in item:
            result["args"]["item"] = f"{item.get('url')} status={item.get('status')} error={item.get('error')}"
        return result
