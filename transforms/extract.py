"""Main-text extraction: candidate extractions, chosen by one stated score.

trafilatura's fast pass (its own tag heuristics, no internal fallbacks) is the most precise general
extractor on our development set and the cheapest, so it is always the first candidate. It fails in
two ways: it keeps a whole page (menus, tag clouds, footer lines around a few right lines), or it
keeps a fragment (3 of many paragraphs). So its result is *doubted* when it has little prose, when
much of it is runs of short non-sentence lines, or when it holds far fewer words than the page's own
paragraphs (or than the publisher's declared body). Only then are the other candidates computed
(trafilatura with its internal fallbacks, readability-lxml), and the one with the best `score()` is
kept; a fallback must beat the fast pass by a margin, since the fast pass is right more often.

score = words in sentence-like paragraphs (>= MIN_PROSE_WORDS words, sentence punctuation at the end)
        - words in runs of >= JUNK_RUN short non-sentence lines (menus, tag clouds, link lists).
"""
from __future__ import annotations

import logging
import re
import tomllib
from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
import trafilatura
from lxml.html import HtmlElement

from transforms.clutter import count_words
from transforms.text import words_key

log = logging.getLogger(__name__)

MIN_PROSE_WORDS = 8
ENOUGH_QUALITY = 120  # a fast result with fewer prose words than this is always doubted
JUNK_RUN = 4  # this many short non-sentence lines in a row read as navigation, not article
MAX_JUNK_SHARE = 0.25  # a fast result with more of its words in such runs is doubted
MIN_COVERAGE = 0.5  # a fast result with fewer words than this share of the page's paragraphs is doubted
MIN_MISSING_WORDS = 150  # ... when that many words are missing
MARGIN, MARGIN_WORDS = 1.3, 40  # a fallback replaces the fast pass when its score is this much higher
MIN_KEPT = 0.5  # ... and holds at least this share of the fast pass's prose paragraphs
_SENTENCE_END = regex.compile(r"[.!?…。！？:\"”»“'’)]\s*$")
_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote", "pre", "td")
_BODY_TEXT = ("//body//p[not(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::header"
              " or ancestor::form or ancestor::*[contains(@class, 'comment') or contains(@id, 'comment')])]//text()")
_WORD = regex.compile(r"\w+")


@dataclass(frozen=True)
class Extraction:
    """The main text of a page as paragraphs, which extractor produced it, and its score."""

    paragraphs: list[str]
    extractor: str
    score: int


@lru_cache(maxsize=16384)
def _is_prose(text: str, words: int) -> bool:
    """Cached: every candidate's paragraphs are judged by quality(), junk_words() and keeps()."""
    return words >= MIN_PROSE_WORDS and bool(_SENTENCE_END.search(text))


def quality(paragraphs: list[str]) -> int:
    """Words in sentence-like paragraphs: running prose, not menus or link lists."""
    return sum(w for p in paragraphs if _is_prose(p, w := count_words(p)))


def junk_words(paragraphs: list[str]) -> int:
    """Words in runs of at least JUNK_RUN consecutive short non-sentence lines."""
    total = run_words = run_len = 0
    for text in [*paragraphs, "."]:
        words = count_words(text)
        if text != "." and not _is_prose(text, words):
            run_words, run_len = run_words + words, run_len + 1
            continue
        total += run_words if run_len >= JUNK_RUN else 0
        run_words = run_len = 0
    return total


def score(paragraphs: list[str]) -> int:
    """The stated score that chooses between candidate extractions (see module docstring)."""
    return quality(paragraphs) - junk_words(paragraphs)


def drop_embeds(tree: HtmlElement) -> int:
    """Remove embedded posts from other sites (tweets, Instagram...), <blockquote>s marked by their
    standard class names: extractors keep them as quotes, but their text is not the article's."""
    from transforms.clutter import load_rules

    classes = frozenset(load_rules().embeds)
    found = [q for q in tree.iter("blockquote") if classes.intersection((q.get("class") or "").split())]
    for quote in found:
        quote.drop_tree()
    return len(found)


def page_paragraph_words(tree: HtmlElement) -> int:
    """Words in the page's <p> elements outside navigation, header, footer and asides."""
    return len(_WORD.findall(" ".join(tree.xpath(_BODY_TEXT))))


def doubtful(paragraphs: list[str], tree: HtmlElement, declared_words: int | None = None) -> str | None:
    """Why the fast pass's result may be wrong (a whole page, or a fragment), or None."""
    words = sum(count_words(p) for p in paragraphs)
    if quality(paragraphs) < ENOUGH_QUALITY:
        return "little prose"
    if junk_words(paragraphs) > MAX_JUNK_SHARE * words:
        return "much navigation-like text"
    chars = sum(len(p) + 1 for p in paragraphs)
    page_chars = sum(map(len, tree.xpath("//p//text()")))
    if not declared_words and chars >= MIN_COVERAGE * page_chars:
        return None  # not short even of every <p> on the page (in characters): skip the word count below
    reference = max(declared_words or 0, page_paragraph_words(tree))
    if _short_of(words, reference) and not several_articles(tree):
        return f"{words} words of {reference} on the page"
    return None


def _short_of(words: int, reference: int) -> bool:
    return words < MIN_COVERAGE * reference and reference - words >= MIN_MISSING_WORDS


def keeps(primary: list[str], candidate: list[str]) -> bool:
    """The candidate holds most of the fast pass's prose: it extends the same article. One that does
    not has found another block of the page (the next story, the comments), however long it is.
    A fast pass with little prose has nothing to keep, and any candidate may replace it."""
    prose = [words_key(p) for p in primary if _is_prose(p, count_words(p))]
    if sum(k.count(" ") + 1 for k in prose) < ENOUGH_QUALITY:
        return True
    text = words_key(" ".join(candidate))
    return sum(k in text for k in prose) >= MIN_KEPT * len(prose)


def several_articles(tree: HtmlElement) -> bool:
    """The page holds more than one long <article> (an infinite-scroll page with the next stories):
    its paragraph count then says nothing about how much of *this* article we kept."""
    outer = tree.xpath("//article[not(ancestor::article)]")
    return sum(len(_WORD.findall(a.text_content())) >= MIN_MISSING_WORDS for a in outer[:20]) >= 2


def with_trafilatura(tree: HtmlElement, url: str | None, *, compare: bool = False) -> list[str]:
    """trafilatura's text (comments excluded), one entry per output line.

    `compare=True` lets trafilatura run its own internal fallbacks (its readability port and
    jusText) and pick among them: slower, so only used when the fast pass is doubted.
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


def extract_paragraphs(tree: HtmlElement, url: str | None, declared_words: int | None = None) -> Extraction:
    """The paragraphs of the main text: the fast pass unless doubted and beaten by a fallback."""
    drop_embeds(tree)
    primary = Extraction(with_trafilatura(tree, url), "trafilatura", 0)
    primary = Extraction(primary.paragraphs, primary.extractor, score(primary.paragraphs))
    why = doubtful(primary.paragraphs, tree, declared_words)
    if why is None:
        return primary
    best = primary
    for name, extractor in FALLBACKS:  # cheapest first; stop once a candidate is beyond doubt
        paragraphs = extractor(tree, url)
        candidate = Extraction(paragraphs, name, score(paragraphs))
        if candidate.score > max(best.score * MARGIN, best.score + MARGIN_WORDS) and keeps(primary.paragraphs, paragraphs):
            best = candidate
            if doubtful(paragraphs, tree, declared_words) is None:
                break
    if best is not primary:
        log.info("fast pass doubted on %s (%s): %s chosen, score %d -> %d", url, why, best.extractor,
                 primary.score, best.score)
    return best


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
    first = opening.split()[0]
    body = tree.find(".//body")
    for el in body.iter(*_STANDFIRST_TAGS) if body is not None else ():
        if el.text and first in el.text.lower() and normalise(el.text).startswith(opening):
            # the element itself, or its container when the standfirst is split into several <p>
            for full in (" ".join(el.text_content().split()), _joined(el.getparent())):
                if key in normalise(full) and len(normalise(full)) <= 1.3 * len(key):
                    return full
    return None


@lru_cache(maxsize=1)
def _standfirst_rules() -> dict:
    data = tomllib.loads((Path(__file__).with_name("rules") / "standfirst.toml").read_text(encoding="utf-8"))
    return {**data, "class_words": frozenset(data["class_words"])}


def class_standfirst(tree: HtmlElement, paragraphs: list[str]) -> str | None:
    """The element whose class names a standfirst (intro, lede, preamble...), outside navigation and
    asides, holding one to a few sentences and placed before the body's first paragraph: the dek
    when the meta description is worded differently from it."""
    from transforms.clutter import clutter_flags, normalise

    rules = _standfirst_rules()
    test = " or ".join(f"contains(@class, '{w}')" for w in sorted(rules["class_words"]))
    if not paragraphs:
        return None
    first, body = normalise(paragraphs[0])[:60], ""
    # the standfirst sits under the headline: only the elements that follow the first <h1> are looked at
    for el in tree.xpath(f"(//body//h1)[1]/following::*[position() <= {rules['after_h1']}][{test}]")[:10]:
        words = set(re.split(r"[-_\s]+", el.get("class", "").lower()))
        if not words & rules["class_words"] or el.xpath("ancestor::nav or ancestor::aside or ancestor::a"):
            continue
        text = _joined(el)
        if not rules["min_words"] <= count_words(text) <= rules["max_words"] or not _SENTENCE_END.search(text):
            continue
        body = body or normalise(" ".join(tree.xpath("//body//text()")))  # only once a candidate exists
        at = body.find(normalise(text)[:60])
        if 0 <= at < body.find(first) and clutter_flags([text]) == [None]:
            return text
    return None


def _joined(el: HtmlElement | None) -> str:
    """The text of an element's children, one space between blocks (text_content() glues them)."""
    if el is None:
        return ""
    return " ".join(" ".join(el.itertext()).split())


def _trafilatura_compare(tree: HtmlElement, url: str | None) -> list[str]:
    return with_trafilatura(tree, url, compare=True)


FALLBACKS = (("trafilatura+fallbacks", _trafilatura_compare), ("readability", with_readability))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
