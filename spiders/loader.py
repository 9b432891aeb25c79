"""`scrapy list` and `scrapy crawl SOURCE` over the sources file, on the pipeline's own spider.

scrapy.cfg at the repository root points Scrapy at `spiders.settings`, whose SPIDER_LOADER_CLASS is
this loader: each [[source]] of `sources.toml` in the current directory (or the file named by
NEWSDESK_SOURCES, or the SOURCES_FILE setting: `scrapy crawl x -s SOURCES_FILE=...`) is one spider,
`SourceCrawl.for_source(source)`, the class `spiders.crawl` runs too. The file is read on first use,
not when Scrapy builds the loader, so the pipeline's crawl process never reads it.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import ValidationError
from scrapy.settings import BaseSettings

from spiders.crawl_spider import SourceCrawl
from spiders.source import Source, describe


class SourcesSpiderLoader:
    """Scrapy's ISpiderLoader over the sources of one TOML file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._spiders: dict[str, type[SourceCrawl]] | None = None

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> "SourcesSpiderLoader":
        # The one place below flows/ that reads the environment: it stands in for the CLI's --sources.
        path = settings.get("SOURCES_FILE") or os.environ.get("NEWSDESK_SOURCES") or "sources.toml"
        return cls(Path(path))

    @property
    def spiders(self) -> dict[str, type[SourceCrawl]]:
        if self._spiders is None:
            self._spiders = {s.name: SourceCrawl.for_source(s) for s in read_sources(self.path)}
        return self._spiders

    def load(self, spider_name: str) -> type[SourceCrawl]:
        try:
            return self.spiders[spider_name]
        except KeyError:
            raise KeyError(f"Spider not found: {spider_name} (sources in {self.path}: "
                           f"{', '.join(self.spiders) or 'none'})") from None

    def list(self) -> list[str]:
        return list(self.spiders)

    def find_by_request(self, request: object) -> list[str]:
        return []


def read_sources(path: Path) -> list[Source]:
    """The sources of a sources file (only the [[source]] tables; the rest belongs to flows.config)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file (set NEWSDESK_SOURCES or run where sources.toml is)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from None
    sources = []
    for index, table in enumerate(data.get("source") or []):
        try:
            sources.append(Source.model_validate(table))
        except ValidationError as exc:
            raise ValueError(f"{path}: source[{index}]: {describe(exc)}") from None
    return sources
