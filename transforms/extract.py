"""Main-text extraction: trafilatura first, other extractors when it returns too little.

trafilatura's fast pass (its own tag heuristics, no internal fallbacks) is the most precise general
extractor on our development set, but on some templates it finds nothing or only a teaser. Then we
try trafilatura with its internal fallbacks (jusText, its readability port) and readability-lxml,
which scores DOM nodes by text density. The best candidate is kept by `quality()`: the number of
words in sentence-like paragraphs (at least MIN_PROSE_WORDS words and ending with sentence
punctuation), which rewards running prose and ignores menus and link lists. A fallback replaces
the fast pass only when its quality is at least 1.5 times higher and 40 words more.
"""
from __future__ import annotations

import logging
import re
from copy import deepcopy

import regex
import trafilatura
from lxml.html import HtmlElement

from transforms.clutter import count_words

log = logging.getLogger(__name__)

MIN_PROSE_WORDS = 8
ENOUGH_QUALITY = 120  # a trafilatura result with this many prose words is not second-guessed
_SENTENCE_END = regex.compile(r"[.!?…。！？:\"”»“'’)]\s*$")
_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre", "td")


def quality(paragraphs: list[str]) -> int:
    """Words in sentence-like paragraphs: the stated score used to pick between extractors."""
    total = 0
    for text in paragraphs:
        words = count_words(text)
        if words >= MIN_PROSE_WORDS and _SENTENCE_END.search(text):
            total += words
    return total


def with_trafilatura(tree: HtmlElement, url: str | None, *, compare: bool = False) -> list[str]:
    """trafilatura's text (comments excluded), one entry per output line.

    `compare=True` lets trafilatura run its own internal fallbacks (its readability port and
    jusText) and pick among them: slower, so only used when the fast pass found too little.
    """
    try:
        text = trafilatura.extract(tree, url=url, include_comments=False, include_tables=True,
                                   fast=not compare, deduplicate=False)
    except Exception:  # noqa: BLE001 - a library failure means "nothing extracted", not a crash
        log.warning("trafilatura failed on %s", url, exc_info=True)
        return []
    return _lines(text or "")


def with_readability(tree: HtmlElement, url: str | None) -> list[str]:
    """readability-lxml's main block, split into its paragraph-level elements."""
    from lxml import html as lxml_html
    from readability import Document

    try:
        summary = Document(deepcopy(tree), url=url).summary(html_partial=True)
        body = lxml_html.fromstring(summary)
    except Exception:  # noqa: BLE001 - the fallback may fail on odd markup; the primary result stands
        log.debug("readability failed on %s", url, exc_info=True)
        return []
    out: list[str] = []
    for el in body.iter(*_BLOCKS):
        if el.getparent() is not None and el.getparent().tag in _BLOCKS:
            continue  # nested block: its text is already part of the parent
        text = re.sub(r"\s+", " ", el.text_content()).strip()
        if text:
            out.append(text)
    return out


def extract_paragraphs(tree: HtmlElement, url: str | None) -> tuple[list[str], str]:
    """The paragraphs of the main text and the name of the extractor that produced them."""
    primary = with_trafilatura(tree, url)
    score = quality(primary)
    if score >= ENOUGH_QUALITY:
        return primary, "trafilatura"
    best, best_name, best_score = primary, "trafilatura", score
    for name, extractor in FALLBACKS:
        candidate = extractor(tree, url)
        if quality(candidate) > max(best_score * 1.5, best_score + 40):
            best, best_name, best_score = candidate, name, quality(candidate)
    if best_name != "trafilatura":
        log.info("fallback to %s for %s (quality %d -> %d)", best_name, url, score, best_score)
    return best, best_name


_STANDFIRST_TAGS = ("p", "div", "span", "h2", "h3", "strong", "em", "li", "section", "header")


def visible_standfirst(tree: HtmlElement, description: str | None) -> str | None:
    """The page's standfirst (dek) as shown in the body, found through its meta description.

    Extractors often drop the summary paragraph under the headline because it sits in the page
    header, outside the article container; yet it is part of the article. We trust it only when the
    description is also visible text in the body, not merely a meta tag for search engines.
    """
    from transforms.clutter import normalise

    key = normalise(description or "")
    if key.count(" ") < 5:
        return None
    opening = " ".join(key.split()[:5])
    body = tree.find(".//body")
    for el in body.iter(*_STANDFIRST_TAGS) if body is not None else ():
        if el.text and normalise(el.text).startswith(opening):
            full = " ".join(el.text_content().split())
            if key in normalise(full) and len(normalise(full)) <= 1.3 * len(key):
                return full
    return None


def _trafilatura_compare(tree: HtmlElement, url: str | None) -> list[str]:
    return with_trafilatura(tree, url, compare=True)


FALLBACKS = (("trafilatura+fallbacks", _trafilatura_compare), ("readability", with_readability))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
