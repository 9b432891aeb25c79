"""How sure are we that this page is an article? Listing, tag, author, about and home pages are not.

Publishers say what a page is (og:type, schema.org @type); when they do, we believe them. Otherwise
evidence is added up from a base confidence: the URL shape, an undated index og:type, a body made
mostly of link texts or linked headlines count against; a publication date and long running prose
count for. Only a page with almost no text, or whose confidence falls below `reject_below`, is
dropped: a rule that fires on a real article (a listing-like URL, a big related-stories block) then
costs confidence, not the article. Rules and weights are data in `rules/pagekind.toml`.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import regex
from lxml.html import HtmlElement

from transforms.clutter import count_words, normalise
from transforms.extract import quality
from transforms.metadata import PageMeta

RULES_FILE = Path(__file__).with_name("rules") / "pagekind.toml"


@dataclass(frozen=True)
class KindRules:
    min_words: int
    min_words_declared: int
    declared_article: float
    declared_not_article: float
    base: float
    reject_below: float
    long_prose_words: int
    max_link_share: float
    max_headline_links: int
    words_per_headline: int
    evidence: dict[str, float]
    undated_non_article_og_types: frozenset[str]
    not_article_path: regex.Pattern[str]


@dataclass(frozen=True)
class PageKind:
    """Confidence (0..1) that the page is an article, whether to drop it, and the evidence against."""

    confidence: float
    reject: bool
    reason: str | None = None


@lru_cache(maxsize=2)
def load_rules(path: Path = RULES_FILE) -> KindRules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    paths = data.pop("not_article_paths")
    og_types = data.pop("undated_non_article_og_types")
    return KindRules(**data, undated_non_article_og_types=frozenset(og_types),
                     not_article_path=regex.compile("|".join(f"(?:{p})" for p in paths), regex.I))


def page_kind(meta: PageMeta, tree: HtmlElement, url: str, paragraphs: list[str],
              link_texts: frozenset[str], rules: KindRules | None = None) -> PageKind:
    """The page's article confidence; `reject` (with the reason) when it is not an article."""
    rules = rules or load_rules()
    words = sum(count_words(p) for p in paragraphs)
    if meta.says_article:
        if words < rules.min_words_declared:
            return PageKind(0.0, True, f"declared article but only {words} words")
        return PageKind(rules.declared_article, False)
    if meta.says_not_article:
        reason = f"declared page type {sorted(meta.ld_types) or meta.og_type}"
        return PageKind(rules.declared_not_article, rules.declared_not_article < rules.reject_below, reason)
    if words < rules.min_words:
        return PageKind(0.0, True, f"only {words} words of text")
    signals = _signals(meta, tree, url, paragraphs, link_texts, words, rules)
    confidence = min(1.0, max(0.0, rules.base + sum(rules.evidence[s] for s in signals)))
    against = ", ".join(s.replace("_", " ") for s in signals if rules.evidence[s] < 0) or None
    return PageKind(round(confidence, 2), confidence < rules.reject_below, against)


def _signals(meta: PageMeta, tree: HtmlElement, url: str, paragraphs: list[str],
             link_texts: frozenset[str], words: int, rules: KindRules) -> list[str]:
    """Names of the evidence entries (rules.evidence) that hold for this page."""
    parts = urlsplit(url)
    found = {
        "listing_url": bool(rules.not_article_path.search(
            (parts.path or "/") + (f"?{parts.query}" if parts.query else ""))),
        "undated_index_type": meta.og_type in rules.undated_non_article_og_types and not meta.published,
        "mostly_links": _link_share(paragraphs, link_texts) > rules.max_link_share,
        "many_headlines": (heads := _headline_links(tree)) > rules.max_headline_links
                          and words < rules.words_per_headline * heads,
        "dated": bool(meta.published),
        "long_prose": quality(paragraphs) >= rules.long_prose_words,
    }
    return [name for name, holds in found.items() if holds]


def _link_share(paragraphs: list[str], link_texts: frozenset[str]) -> float:
    total = sum(count_words(p) for p in paragraphs) or 1
    linked = sum(count_words(p) for p in paragraphs if normalise(p) in link_texts)
    return linked / total


def _headline_links(tree: HtmlElement) -> int:
    """Headings that are links: the teaser cards of listing pages."""
    return len(tree.xpath("//*[self::h2 or self::h3 or self::h4][.//a] | //article//h2[.//a]"))
