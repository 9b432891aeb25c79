"""Is this page an article? Listing, tag, author, about and home pages are not.

Publishers say what a page is (og:type, schema.org @type); when they do, we believe them. Otherwise
the page is judged by its URL shape and by what the text looks like: too few words, or a body made
mostly of linked headlines, is a listing. Rules are data in `rules/pagekind.toml`.
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
from transforms.metadata import PageMeta

RULES_FILE = Path(__file__).with_name("rules") / "pagekind.toml"


@dataclass(frozen=True)
class KindRules:
    min_words: int
    min_words_declared: int
    max_link_share: float
    max_headline_links: int
    words_per_headline: int
    undated_non_article_og_types: frozenset[str]
    not_article_path: regex.Pattern[str]


@lru_cache(maxsize=2)
def load_rules(path: Path = RULES_FILE) -> KindRules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return KindRules(
        min_words=data["min_words"], min_words_declared=data["min_words_declared"],
        max_link_share=data["max_link_share"], max_headline_links=data["max_headline_links"],
        words_per_headline=data["words_per_headline"],
        undated_non_article_og_types=frozenset(data["undated_non_article_og_types"]),
        not_article_path=regex.compile("|".join(f"(?:{p})" for p in data["not_article_paths"]), regex.I))


def not_article_reason(meta: PageMeta, tree: HtmlElement, url: str, paragraphs: list[str],
                       link_texts: frozenset[str], rules: KindRules | None = None) -> str | None:
    """Why the page is not an article, or None when it is one."""
    rules = rules or load_rules()
    words = sum(count_words(p) for p in paragraphs)
    if meta.says_article:
        return None if words >= rules.min_words_declared else f"declared article but only {words} words"
    if meta.says_not_article:
        return f"declared page type {sorted(meta.ld_types) or meta.og_type}"
    if meta.og_type in rules.undated_non_article_og_types and not meta.published:
        return f"og:type {meta.og_type} and no publication date"
    parts = urlsplit(url)
    if rules.not_article_path.search((parts.path or "/") + (f"?{parts.query}" if parts.query else "")):
        return "URL shape of a listing, tag, author or static page"
    if words < rules.min_words:
        return f"only {words} words of text"
    if _link_share(paragraphs, link_texts) > rules.max_link_share:
        return "text is mostly link texts"
    if (heads := _headline_links(tree)) > rules.max_headline_links and words < rules.words_per_headline * heads:
        return "many linked headlines"
    return None


def _link_share(paragraphs: list[str], link_texts: frozenset[str]) -> float:
    total = sum(count_words(p) for p in paragraphs) or 1
    linked = sum(count_words(p) for p in paragraphs if normalise(p) in link_texts)
    return linked / total


def _headline_links(tree: HtmlElement) -> int:
    """Headings that are links: the teaser cards of listing pages."""
    return len(tree.xpath("//*[self::h2 or self::h3 or self::h4][.//a] | //article//h2[.//a]"))
