"""The item pipeline that appends each RawPage to the crawl's JSONL file as soon as it is yielded.

One line per record, flushed at once, so a crawl killed at any moment leaves only complete lines
(at worst a torn last line, which readers skip). Also the log formatter that keeps bodies out of logs.
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
    """Writes to the path in the PAGES_OUT setting (appending: the spiders of a crawl share it)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.path = Path(crawler.settings["PAGES_OUT"])
        self.file: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RawPageWriter":
        return cls(crawler)

    def open_spider(self) -> None:
        self.file = self.path.open("a", encoding="utf-8")

    def close_spider(self) -> None:
        if self.file is not None:
            self.file.close()

    def process_item(self, item: Any) -> Any:
        if isinstance(item, RawPage) and self.file is not None:
            self.file.write(json.dumps(item.to_json()) + "\n")
            self.file.flush()
            self.crawler.spider.frontier.count(item)
        return item


class RecordLogFormatter(LogFormatter):
    """At DEBUG, log a record as url, status and reason rather than its whole body."""

    def scraped(self, item: Any, response: Any, spider: Spider) -> LogFormatterResult:
        result = super().scraped(item, response, spider)
        if isinstance(item, RawPage):
            result["args"]["item"] = f"{item.url} status={item.status} via={item.via} error={item.error}"
        return result
