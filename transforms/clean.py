"""clean(page) -> Article | None: one raw page in, one clean article (or nothing) out.

The steps, each in its own module: parse the bytes (trafilatura's decoder), read the metadata the
page declares (metadata.py), extract the main text (extract.py: trafilatura, readability fallback),
drop clutter paragraph by paragraph (clutter.py, plus blocks learned per site in boilerplate.py),
decide whether the page is an article at all (pagekind.py), and flag access (access.py).
Pure: no I/O, no globals beyond compiled rule files; bad input gives None and a log line, never an
exception.
"""
from __future__ import annotations

import hashlib
import logging

from lxml.html import HtmlElement
from trafilatura.utils import load_html

from transforms.access import access_flag
from transforms.clutter import clutter_flags, count_words, normalise
from transforms.extract import extract_paragraphs, visible_standfirst
from transforms.language import detect_language
from transforms.metadata import PageMeta, page_meta
from transforms.models import Article, RawPage, stable_id
from transforms.pagekind import not_article_reason

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "clean-1.2"
_HTML_TYPES = ("html", "xml")
MAX_BOILERPLATE_SHARE = 0.5  # learned blocks may not remove more than this share of the words


def clean(page: RawPage, *, boilerplate: frozenset[str] = frozenset()) -> Article | None:
    """The article on `page`, or None when the page is not a usable article (reason logged)."""
    return clean_with_blocks(page, boilerplate=boilerplate)[0]


def paragraphs_for_boilerplate(page: RawPage) -> list[str]:
    """The extracted paragraphs of a page before any clutter filtering, for boilerplate.learn()."""
    try:
        tree = _parse(page)
        return extract_paragraphs(tree, _page_url(page))[0] if tree is not None else []
    except Exception:  # noqa: BLE001
        log.exception("paragraph extraction failed on %s", page.url)
        return []


def clean_with_blocks(page: RawPage, *, boilerplate: frozenset[str] = frozenset()
                      ) -> tuple[Article | None, list[str]]:
    """clean() and paragraphs_for_boilerplate() in one pass, so a run can learn without extracting twice."""
    try:
        return _clean(page, boilerplate)
    except Exception:  # noqa: BLE001 - one bad page must never stop a batch
        log.exception("clean failed on %s", page.url)
        return None, []


def _clean(page: RawPage, boilerplate: frozenset[str]) -> tuple[Article | None, list[str]]:
    tree = _parse(page)
    if tree is None:
        return None, []
    url = _page_url(page)
    meta = page_meta(tree, url)
    raw, _extractor = extract_paragraphs(tree, url)
    links = link_texts(tree)
    paragraphs = _with_standfirst(_declutter(raw, meta, _titles(meta, tree), links, boilerplate),
                                  visible_standfirst(tree, meta.description))
    reason = not_article_reason(meta, tree, url, paragraphs, links)
    if reason:
        log.info("skipped %s: %s", page.url, reason)
        return None, raw
    return _article(page, url, meta, tree, raw, paragraphs), raw


def _parse(page: RawPage) -> HtmlElement | None:
    if page.error or not page.body or (page.status is not None and not 200 <= page.status < 300):
        log.info("skipped %s: no usable body (status %s, error %s)", page.url, page.status, page.error)
        return None
    ctype = (page.content_type or "").lower()
    if ctype and not any(t in ctype for t in _HTML_TYPES):
        log.info("skipped %s: content type %s", page.url, ctype)
        return None
    head = page.body[:1024].lstrip().lower()
    if head.startswith((b"%pdf", b"\x89png", b"gif8", b"\xff\xd8", b"pk\x03\x04")):
        log.info("skipped %s: binary body", page.url)
        return None
    tree = load_html(page.body)
    if tree is None:
        log.info("skipped %s: body is not parseable HTML", page.url)
    return tree


def _page_url(page: RawPage) -> str:
    return page.final_url or page.url


def link_texts(tree: HtmlElement) -> frozenset[str]:
    """Normalised texts of all links, to recognise paragraphs that are nothing but a link."""
    texts = (a.text_content() for a in tree.iter("a"))
    return frozenset(key for t in texts if len(t) > 6 and (key := normalise(t)).count(" ") >= 1)


def _declutter(raw: list[str], meta: PageMeta, titles: list[str], links: frozenset[str],
               boilerplate: frozenset[str]) -> list[str]:
    context = dict(language=meta.language, titles=titles, authors=meta.authors, link_texts=links)
    flags = clutter_flags(raw, boilerplate=boilerplate, **context)
    learned = _words([p for p, f in zip(raw, flags) if f == "boilerplate"])
    if learned > MAX_BOILERPLATE_SHARE * _words(raw):
        log.warning("learned boilerplate would remove most of the text; ignored for this page")
        flags = clutter_flags(raw, **context)
    return [p for p, f in zip(raw, flags) if f is None]


def _with_standfirst(paragraphs: list[str], standfirst: str | None) -> list[str]:
    """Put the visible standfirst first unless the extracted text already holds it."""
    if not standfirst or not paragraphs or normalise(standfirst) in normalise(" ".join(paragraphs[:5])):
        return paragraphs
    return [standfirst, *paragraphs]


def _titles(meta: PageMeta, tree: HtmlElement) -> list[str]:
    """Every form of the headline the page shows: declared title, <h1>s, <title>."""
    h1s = [h.text_content() for h in tree.iter("h1")][:3]
    return [t for t in (meta.title, *h1s, tree.findtext(".//title")) if t]


def _words(paragraphs: list[str]) -> int:
    return sum(count_words(p) for p in paragraphs)


def content_hash(text: str) -> str:
    """SHA-1 of the lower-cased words: the same text modulo spacing and punctuation hashes equal."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def _article(page: RawPage, url: str, meta: PageMeta, tree: HtmlElement, raw: list[str],
             paragraphs: list[str]) -> Article:
    text = "\n\n".join(paragraphs)
    words = _words(paragraphs)
    canonical = meta.canonical_url or url
    return Article(
        article_id=stable_id(canonical), url=page.url, canonical_url=canonical, source=page.source,
        title=meta.title or "", text=text, authors=meta.authors, published=meta.published,
        updated=meta.updated, language=meta.language or detect_language(text), site_name=meta.site_name, section=meta.section,
        categories=meta.categories, description=meta.description, lead_image=meta.lead_image,
        access=access_flag(meta, tree, raw, words), word_count=words, content_hash=content_hash(text),
        extractor_version=EXTRACTOR_VERSION, page_id=page.page_id,
    )
