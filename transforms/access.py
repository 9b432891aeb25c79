"""Access flag: can a reader see the whole article without paying?

Signals, strongest first: schema.org `isAccessibleForFree` (publishers set it for Google's paywall
guidelines), a content-tier meta tag, paywall containers in the markup when the text is
teaser-length, and truncation cues at the end of the extracted text ("subscribe to continue
reading"). Without any signal, a full-length text is taken as free; a short one stays `unknown`.
Rules live in `rules/access.toml`.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
from lxml.html import HtmlElement

from transforms.metadata import PageMeta

RULES_FILE = Path(__file__).with_name("rules") / "access.toml"
FREE, PAYWALLED, TRUNCATED, UNKNOWN = "free", "paywalled", "truncated", "unknown"


@dataclass(frozen=True)
class AccessRules:
    markers: regex.Pattern[str]
    tier_meta: tuple[str, ...]
    locked: frozenset[str]
    free: frozenset[str]
    truncation: regex.Pattern[str]
    min_free_words: int
    max_teaser_words: int


@lru_cache(maxsize=2)
def load_rules(path: Path = RULES_FILE) -> AccessRules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return AccessRules(
        markers=regex.compile("|".join(regex.escape(m) for m in data["paywall_markers"]), regex.I),
        tier_meta=tuple(data["tier_meta"]), locked=frozenset(data["locked_tiers"]),
        free=frozenset(data["free_tiers"]),
        truncation=regex.compile("|".join(regex.escape(p) for p in data["truncation_phrases"]), regex.I),
        min_free_words=data["min_free_words"], max_teaser_words=data["max_teaser_words"])


def access_flag(meta: PageMeta, tree: HtmlElement, raw_paragraphs: list[str], word_count: int,
                rules: AccessRules | None = None) -> str:
    """free | paywalled | truncated | unknown, from the signals in the module docstring.

    `raw_paragraphs` is the extracted text before clutter removal: the "subscribe to continue"
    line that clutter removal drops is exactly the truncation cue we need here.
    """
    rules = rules or load_rules()
    if meta.accessible_for_free is False:
        return PAYWALLED
    tier = _tier(meta, rules)
    if tier in rules.locked:
        return PAYWALLED
    if meta.accessible_for_free is True or tier in rules.free:
        return TRUNCATED if _truncated(raw_paragraphs, rules) else FREE
    if word_count < rules.max_teaser_words and _has_paywall_markup(tree, rules):
        return PAYWALLED
    if _truncated(raw_paragraphs, rules):
        return TRUNCATED
    return FREE if word_count >= rules.min_free_words else UNKNOWN


def _tier(meta: PageMeta, rules: AccessRules) -> str | None:
    for key in rules.tier_meta:
        if key in meta.tags:
            return meta.tags[key].strip().lower()
    return None


def _truncated(paragraphs: list[str], rules: AccessRules) -> bool:
    tail = paragraphs[-3:]
    return any(len(p.split()) <= 40 and rules.truncation.search(p) for p in tail)


def _has_paywall_markup(tree: HtmlElement, rules: AccessRules) -> bool:
    """A paywall container in the page (class or id), not just the word in a script."""
    return bool(rules.markers.search(" ".join(tree.xpath("//@class | //@id"))))
