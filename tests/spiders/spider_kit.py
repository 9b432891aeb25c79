"""Test helpers: spiders built without a running crawl, responses made from saved fixture files."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.responsetypes import responsetypes
from scrapy.settings import Settings

from spiders import settings as defaults
from spiders.base import SourceSpider
from spiders.frontier import Frontier
from spiders.source import Source
from transforms.models import RawPage

FIXTURES = Path(__file__).parent / "fixtures"
HERALD = "https://herald.example.com"


def make_spider(cls: type[SourceSpider], source: dict[str, Any], state: dict[str, Any] | None = None,
                **settings: Any) -> SourceSpider:
    """A spider bound to a crawler (for its settings) that is never started: no reactor needed."""
    values = Settings()
    values.setmodule(defaults)
    values.setdict(settings, priority="cmdline")
    crawler = Crawler(cls, values, init_reactor=False)
    model = Source.model_validate(source)
    return cls.from_crawler(crawler, source=model, frontier=Frontier(model, state or {}))


def respond(request: Request, body: bytes | str = b"", status: int = 200, headers: dict[str, str] | None = None,
            fixture: str | None = None, **meta: Any) -> Response:
    """The response Scrapy would build for this request (class chosen from headers and body)."""
    if fixture is not None:
        body = (FIXTURES / fixture).read_bytes()
    if isinstance(body, str):
        body = body.encode()
    request.meta.update(meta)
    cls = responsetypes.from_args(headers=headers, url=request.url, body=body)
    return cls(url=request.url, status=status, headers=headers or {}, body=body, request=request)


def split(output: Any) -> tuple[list[RawPage], list[Request]]:
    """A callback's output as (records, requests)."""
    items = list(output or [])
    pages = [i for i in items if isinstance(i, RawPage)]
    requests = [i for i in items if isinstance(i, Request)]
    assert len(pages) + len(requests) == len(items), items
    return pages, requests

