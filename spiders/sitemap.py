"""The sitemap spider: sitemap indexes, urlsets and Google news sitemaps, with each URL's lastmod.

Sitemaps are parsed with lxml in recover mode (no entities, no network), so a broken sitemap still
yields the URLs that could be read and its record names the first parse error.
"""
from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass, field

from lxml import etree
from scrapy.http import Response
from scrapy.utils.gz import gunzip

from spiders.base import Output, SourceSpider
from transforms.urls import canonical_url

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SitemapDoc:
    """What a sitemap document lists: child sitemaps (index) or pages (urlset), with lastmod."""

    kind: str  # "sitemapindex" | "urlset" | "" when unusable
    entries: list[tuple[str, str | None]] = field(default_factory=list)
    problem: str | None = None


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _text(element: etree._Element, name: str, *, deep: bool = False) -> str | None:
    """Text of the first child (or descendant) with this local name; namespaces in the wild vary."""
    for child in (element.iter() if deep else element):
        if _local(child) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _entry(element: etree._Element) -> tuple[str, str | None] | None:
    """(loc, lastmod), taking a news sitemap's publication_date when there is no lastmod."""
    loc = _text(element, "loc")
    lastmod = _text(element, "lastmod") or _text(element, "publication_date", deep=True)
    return (loc, lastmod) if loc else None


def _decompress(body: bytes, max_size: int) -> bytes:
    return gunzip(body, max_size=max_size) if body[:2] == b"\x1f\x8b" else body


def parse_sitemap(body: bytes, max_size: int = 50_000_000) -> SitemapDoc:
    """Parse a (possibly gzipped) sitemap; never raises: problems are returned as text."""
    try:
        body = _decompress(body, max_size)
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        return SitemapDoc("", problem=f"undecodable sitemap: {exc}")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as exc:
        return SitemapDoc("", problem=f"malformed sitemap: {exc}")
    errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
    first = f"malformed sitemap: {errors[0].message.strip()} (line {errors[0].line})" if errors else None
    if root is None:
        return SitemapDoc("", problem=first or "malformed sitemap: empty document")
    kind = _local(root)
    if kind not in ("urlset", "sitemapindex"):
        return SitemapDoc("", problem=f"not a sitemap: root element <{kind}>")
    wanted = "url" if kind == "urlset" else "sitemap"
    entries = [e for e in (_entry(el) for el in root if _local(el) == wanted) if e]
    return SitemapDoc(kind, entries, first)


class SitemapSpider(SourceSpider):
    """Fetch each sitemap, its child sitemaps, and every listed page whose lastmod changed."""

    name = "sitemap"

    def entry_requests(self) -> Output:
        for url in self.source.sitemaps:
            yield from self.request_configured(url, self.parse_sitemap, "sitemap", kind="sitemap",
                                               conditional=False, nd_nesting=0)

    def parse_sitemap(self, response: Response) -> Output:
        if self.is_redirect(response):
            yield from self.follow_redirect(response)
            return
        if response.status != 200:
            yield self.record(response)
            return
        doc = parse_sitemap(response.body, self.settings.getint("DOWNLOAD_MAXSIZE") or 50_000_000)
        if doc.problem:
            log.warning("%s: %s", response.url, doc.problem)
        yield self.record(response, error=doc.problem)
        if doc.kind == "sitemapindex":
            yield from self.follow_children(doc, response.meta.get("nd_nesting", 0) + 1)
        else:
            yield from self.follow_pages(doc)

    def follow_children(self, doc: SitemapDoc, nesting: int) -> Output:
        if nesting > self.settings.getint("SITEMAP_MAX_NESTING", 3):
            log.warning("%s: sitemap index nested deeper than allowed; ignoring its children", self.name)
            return
        for loc, _ in doc.entries:
            yield from self.request_once(loc, self.parse_sitemap, "sitemap", kind="sitemap", conditional=False,
                                         nd_nesting=nesting)

    def follow_pages(self, doc: SitemapDoc) -> Output:
        skipped = 0
        for loc, lastmod in doc.entries:
            loc = canonical_url(loc)
            if self.frontier.unchanged_in_sitemap(loc, lastmod):
                self.frontier.skip(loc, "sitemap_lastmod")
                skipped += 1
            else:
                yield from self.request_once(loc, self.parse_page, "sitemap", nd_lastmod=lastmod)
        if skipped:
            log.info("%s: skipped %d sitemap entries with unchanged lastmod", self.frontier.name, skipped)
