"""Access flag: is the text we stored the whole article, and could a reader see it without paying?

The flag describes the text we hold, not the site's business model:
- `paywalled`: our text is cut by a paywall: the page declares locked content (schema.org
  `isAccessibleForFree: false`, a locked content tier) or shows a paywall container, and the text is
  teaser-length (a few paragraphs) or ends in a "subscribe to continue" cue;
- `metered`: the page declares itself not free (metered sites do, for Google's guidelines), yet we
  have the full text: a reader sees it within the free quota;
- `truncated`: the text ends in a teaser cue, or holds far less than the body the publisher declares
  (JSON-LD `wordCount` / `articleBody`), with no paywall declared;
- `free`: full-length text and no sign of any of the above; `unknown`: too short to tell.
A "continue reading" promo after a full-length body is a promo box, not a cut: cues count only on
teaser-length text or when the last paragraph stops mid-sentence. Rules live in `rules/access.toml`.
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
FREE, METERED, PAYWALLED, TRUNCATED, UNKNOWN = "free", "metered", "paywalled", "truncated", "unknown"
_SENTENCE_END = regex.compile(r"[.!?…。！？\"”»“'’)]$")


@dataclass(frozen=True)
class AccessRules:
    markers: regex.Pattern[str]
    tier_meta: tuple[str, ...]
    locked: frozenset[str]
    free: frozenset[str]
    truncation: regex.Pattern[str]
    min_free_words: int
    max_teaser_words: int
    min_declared_share: float
    min_missing_words: int
    max_declared_ratio: float
    max_cue_words: int


@lru_cache(maxsize=2)
def load_rules(path: Path = RULES_FILE) -> AccessRules:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return AccessRules(
        markers=regex.compile("|".join(regex.escape(m) for m in data["paywall_markers"]), regex.I),
        tier_meta=tuple(data["tier_meta"]), locked=frozenset(data["locked_tiers"]),
        free=frozenset(data["free_tiers"]),
        truncation=regex.compile("|".join(regex.escape(p) for p in data["truncation_phrases"]), regex.I),
        min_free_words=data["min_free_words"], max_teaser_words=data["max_teaser_words"],
        min_declared_share=data["min_declared_share"], min_missing_words=data["min_missing_words"],
        max_declared_ratio=data["max_declared_ratio"], max_cue_words=data["max_cue_words"])


def access_flag(meta: PageMeta, tree: HtmlElement, raw_paragraphs: list[str], paragraphs: list[str],
                word_count: int, rules: AccessRules | None = None) -> str:
    """free | metered | paywalled | truncated | unknown, as defined in the module docstring.

    `raw_paragraphs` is the extracted text before clutter removal: the "subscribe to continue"
    line that clutter removal drops is exactly the truncation cue we need here.
    """
    rules = rules or load_rules()
    tier = _tier(meta, rules)
    locked = meta.accessible_for_free is False or tier in rules.locked
    declared_free = meta.accessible_for_free is True or tier in rules.free
    cue = _truncated(raw_paragraphs, rules)
    markup = not declared_free and (cue or word_count < rules.max_cue_words) and _has_paywall_markup(tree, rules)
    cut = (cue and _cut(paragraphs, word_count, markup, rules)) or (
        word_count < rules.max_cue_words and _paywall_box_says_so(tree, rules))
    teaser = word_count < rules.max_teaser_words
    if locked:
        return PAYWALLED if cut or teaser else METERED
    if (markup and teaser) or (markup and cut):
        return PAYWALLED
    if cut or _short_of_declared(meta.body_words, word_count, rules):
        return TRUNCATED
    return FREE if word_count >= rules.min_free_words else UNKNOWN


def _cut(paragraphs: list[str], word_count: int, markup: bool, rules: AccessRules) -> bool:
    """Given a teaser cue at the end: the text is short, stops mid-sentence or sits above a paywall
    container. A cue after a long, complete body with no paywall is a promo box, not a cut."""
    last = paragraphs[-1].rstrip() if paragraphs else ""
    return markup or word_count < rules.max_cue_words or not _SENTENCE_END.search(last)


def _short_of_declared(declared: int | None, word_count: int, rules: AccessRules) -> bool:
    """We hold well under the body length the publisher declares (but not so far under that the
    declared figure is more likely another unit, or the whole page's text)."""
    return bool(declared) and rules.min_declared_share * declared > word_count > declared / rules.max_declared_ratio \
        and declared - word_count >= rules.min_missing_words


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


def _paywall_box_says_so(tree: HtmlElement, rules: AccessRules) -> bool:
    """A paywall container whose own text is a teaser cue ("end of the free preview... Already a
    subscriber?"): the page was served cut, even if the extractor left the box out of the text."""
    for el in tree.xpath("//body//*[@class or @id]"):
        if rules.markers.search(f"{el.get('class', '')} {el.get('id', '')}"):
            text = el.text_content()
            if len(text) < 2000 and rules.truncation.search(text):
                return True
    return False
