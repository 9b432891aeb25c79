"""clean_page(page) -> Cleaned: one raw page in, one clean article (or the reason there is none) out.

The steps, each in its own module: decode the bytes (decode.py: binary, empty, oversized and
mislabelled bodies are named, not guessed silently), parse, read the metadata the page declares
(metadata.py), extract the main text by choosing among candidate extractions (extract.py), drop
clutter paragraph by paragraph (clutter.py, plus blocks learned per site in boilerplate.py), judge
how sure we are that the page is an article (pagekind.py), and flag access (access.py).
Pure: no I/O, no globals beyond compiled rule files; bad input gives a reason, never an exception.
`clean()` is the thin wrapper for callers that only want the article.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from lxml.html import HtmlElement

from transforms.access import access_flag
from transforms.clutter import clutter_flags, count_words, normalise
from transforms.decode import decode_body, parse_html
from transforms.extract import class_standfirst, extract_paragraphs, visible_standfirst
from transforms.language import detect_language
from transforms.metadata import PageMeta, page_meta
from transforms.models import Article, RawPage, stable_id
from transforms.pagekind import PageKind, page_kind
from transforms.text import content_hash

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "clean-1.3"
_HTML_TYPES = ("html", "xml")
MAX_BOILERPLATE_SHARE = 0.5  # learned blocks may not remove more than this share of the words
MAX_ELEMENTS = 60_000  # a parsed page with more elements than this is not an article page; it
# bounds extraction time (a 2 MB page of nested tags would otherwise take minutes).


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one page.

    `paragraphs` are the extracted paragraphs before any clutter or boilerplate filtering, so per-site
    boilerplate is learned from what the page holds, not from what last run's learning left.
    `reason` says why there is no article (None when there is one); `notes` record what was unusual
    about a page that was still cleaned (a decoding fallback, an unusable canonical URL).
    """

    article: Article | None
    paragraphs: tuple[str, ...] = ()
    reason: str | None = None
    notes: tuple[str, ...] = ()


def clean(page: RawPage, *, boilerplate: frozenset[str] = frozenset()) -> Article | None:
    """The article on `page`, or None when the page is not a usable article (reason logged)."""
    return clean_page(page, boilerplate=boilerplate).article


def clean_with_blocks(page: RawPage, *, boilerplate: frozenset[str] = frozenset()
                      ) -> tuple[Article | None, list[str]]:
    """clean() plus the paragraphs before filtering, for callers that learn boilerplate in the same pass."""
    result = clean_page(page, boilerplate=boilerplate)
    return result.article, list(result.paragraphs)


def clean_page(page: RawPage, *, boilerplate: frozenset[str] = frozenset()) -> Cleaned:
    """Clean one page; never raises (one bad page must never stop a batch)."""
    try:
        result = _clean(page, boilerplate)
    except Exception as exc:  # noqa: BLE001
        log.exception("clean failed on %s", page.url)
        result = Cleaned(None, reason=f"internal error: {type(exc).__name__}")
    if result.reason:
        log.info("no article from %s: %s", page.url, result.reason)
    return result


def _clean(page: RawPage, boilerplate: frozenset[str]) -> Cleaned:
    tree, reason, notes = _parse(page)
    if tree is None:
        return Cleaned(None, reason=reason, notes=notes)
    url = _page_url(page)
    meta = page_meta(tree, url)
    raw = extract_paragraphs(tree, url, meta.body_words).paragraphs
    links = link_texts(tree, url)
    kept = _declutter(raw, meta, _titles(meta, tree), links, boilerplate)
    paragraphs = _with_standfirst(kept, visible_standfirst(tree, meta.description) or class_standfirst(tree, kept))
    kind = page_kind(meta, tree, url, paragraphs, links)
    if kind.reject:
        return Cleaned(None, tuple(raw), kind.reason, notes)
    return Cleaned(_article(page, url, meta, tree, raw, paragraphs, kind), tuple(raw), None, notes)


def _parse(page: RawPage) -> tuple[HtmlElement | None, str | None, tuple[str, ...]]:
    """The parsed page, or the reason it cannot be one; plus notes on what had to be guessed."""
    if page.error or (page.status is not None and not 200 <= page.status < 300):
        return None, f"no usable response (status {page.status}, error {page.error})", ()
    ctype = (page.content_type or "").lower()
    if ctype and not any(t in ctype for t in _HTML_TYPES):
        return None, f"content type {ctype} is not a page", ()
    decoded = decode_body(page.body, page.content_type)
    notes = (decoded.note,) if decoded.note else ()
    if decoded.text is None:
        return None, decoded.reason, notes
    tree = parse_html(decoded.text, decoded.utf8)
    if tree is None:
        return None, "body is not parseable HTML", notes
    size = int(tree.xpath("count(//*)"))
    if size > MAX_ELEMENTS:
        return None, f"page has {size:,} elements (cap {MAX_ELEMENTS:,}): too large to clean", notes
    return tree, None, notes


def _page_url(page: RawPage) -> str:
    return page.final_url or page.url


def link_texts(tree: HtmlElement, url: str = "") -> frozenset[str]:
    """Normalised texts of the links to other pages, to recognise paragraphs that are nothing but a link.

    Links within the page (#anchors, permalinks of a live blog's entries, a table of contents) are
    the article's own headings, not other stories.
    """
    here = url.split("#")[0]
    links = tree.xpath("//a[@href][contains(normalize-space(.), ' ')]")  # two words at least
    texts = (a.text_content() for a in links if not _within_page(a.get("href"), here))
    return frozenset(key for t in texts if len(t) > 6 and (key := normalise(t)).count(" ") >= 1)


def _within_page(href: str, here: str) -> bool:
    href = href.strip()
    return href.startswith("#") or (bool(here) and href.split("#")[0] in (here, here.split("://", 1)[-1]))


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
    if not standfirst or not paragraphs or normalise(standfirst) in normalise(" ".join(paragraphs)):
        return paragraphs
    return [standfirst, *paragraphs]


def _titles(meta: PageMeta, tree: HtmlElement) -> list[str]:
    """Every form of the headline the page shows: declared title, <h1>s, <title>."""
    h1s = [h.text_content() for h in tree.iter("h1")][:3]
    return [t for t in (meta.title, meta.seo_title, *h1s, tree.findtext(".//title")) if t]


def _words(paragraphs: list[str]) -> int:
    return sum(count_words(p) for p in paragraphs)


def _article(page: RawPage, url: str, meta: PageMeta, tree: HtmlElement, raw: list[str],
             paragraphs: list[str], kind: PageKind) -> Article:
    text = "\n\n".join(paragraphs)
    words = _words(paragraphs)
    canonical = meta.canonical_url or url
    return Article(
        article_id=stable_id(canonical), url=page.url, canonical_url=canonical, source=page.source,
        title=meta.title or "", text=text, authors=meta.authors, published=meta.published,
        updated=meta.updated, language=meta.language or detect_language(text), site_name=meta.site_name,
        section=meta.section, categories=meta.categories, description=meta.description,
        lead_image=meta.lead_image, access=access_flag(meta, tree, raw, paragraphs, words), word_count=words,
        content_hash=content_hash(text), extractor_version=EXTRACTOR_VERSION, page_id=page.page_id,
        page_kind_confidence=kind.confidence,
    )
