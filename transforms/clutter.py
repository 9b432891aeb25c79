"""Paragraph-level clutter removal on top of trafilatura.

trafilatura decides which *region* of a page is the article; it keeps appeals, sign-up boxes, share
bars and credits that publishers put inside that region as ordinary <p> (see DESIGN.md). This module
judges each extracted paragraph on its own, with rules kept as data in `rules/clutter.toml`:
whole-line patterns, phrase lists per language gated by paragraph length (a long paragraph that
mentions "subscribe" is journalism, a seven-word one is a prompt), link-only runs, and sweeping of
short lines around clutter at the start and end, where appeals and footers live.
"""
from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import regex

log = logging.getLogger(__name__)

RULES_FILE = Path(__file__).with_name("rules") / "clutter.toml"
_TERMINAL = regex.compile(r"[.!?…。！？\"”»“«'’)]\s*$")
_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_NON_CJK_WORD = regex.compile(r"[^\W\p{Han}\p{Hiragana}\p{Katakana}]+")


def count_words(text: str) -> int:
    """Words, with Chinese/Japanese (no spaces) counted as one word per two characters."""
    cjk = len(_CJK.findall(text))
    return len(_NON_CJK_WORD.findall(text)) + (cjk + 1) // 2


@dataclass(frozen=True)
class PhraseRule:
    """One kind of clutter: strong phrases mark paragraphs up to max_words, weak ones only short lines."""

    kind: str
    max_words: int
    weak_max_words: int
    strong: dict[str, regex.Pattern[str]]
    weak: dict[str, regex.Pattern[str]]


@dataclass(frozen=True)
class ClutterRules:
    lines: regex.Pattern[str]
    phrases: tuple[PhraseRule, ...]
    short_words: int
    max_sweep: int
    edge_share: float
    link_only_min_words: int
    link_run: int


def _phrase_pattern(phrases: list[str]) -> regex.Pattern[str] | None:
    """Whole-word alternation; "stem*" matches any ending, non-word edges need no boundary."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        stem = phrase.endswith("*")
        body = regex.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
        start = r"(?<!\w)" if phrase[0].isalnum() else ""
        end = r"\w*" if stem else (r"(?!\w)" if phrase.rstrip("*")[-1].isalnum() else "")
        parts.append(start + body + end)
    return regex.compile("|".join(parts), regex.I) if parts else None


def _by_language(table: dict[str, Any]) -> dict[str, regex.Pattern[str]]:
    compiled = {lang: _phrase_pattern(list(words)) for lang, words in table.items()}
    return {lang: pat for lang, pat in compiled.items() if pat is not None}


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> ClutterRules:
    """Parse and compile the rules file once per process."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    structure = data["structure"]
    phrases = tuple(
        PhraseRule(kind=r["kind"], max_words=r["max_words"], weak_max_words=r["weak_max_words"],
                   strong=_by_language(r.get("strong", {})), weak=_by_language(r.get("weak", {})))
        for r in data["rule"])
    lines = regex.compile(r"^\W*(?:" + "|".join(f"(?:{p})" for p in data["lines"]["patterns"]) + r")\W*$",
                          regex.I)
    return ClutterRules(lines=lines, phrases=phrases, short_words=structure["short_words"],
                        max_sweep=structure["max_sweep"], edge_share=structure["edge_share"],
                        link_only_min_words=structure["link_only_min_words"],
                        link_run=structure["link_run"])


def _languages(pattern_table: dict[str, regex.Pattern[str]], language: str | None) -> list[regex.Pattern[str]]:
    """Patterns for the page language plus English and language-neutral ones; all when unknown."""
    if not language or language not in pattern_table:
        return list(pattern_table.values())
    return [pat for lang, pat in pattern_table.items() if lang in (language, "en", "any")]


def phrase_kind(text: str, words: int, rules: ClutterRules, language: str | None) -> str | None:
    """The clutter kind a paragraph's phrases point to, honouring each rule's length limits."""
    unterminated = not _TERMINAL.search(text)
    for rule in rules.phrases:
        if words <= rule.max_words and any(p.search(text) for p in _languages(rule.strong, language)):
            return rule.kind
        if (words <= rule.weak_max_words and unterminated
                and any(p.search(text) for p in _languages(rule.weak, language))):
            return rule.kind
    return None


def clutter_flags(paragraphs: Sequence[str], *, language: str | None = None,
                  link_texts: frozenset[str] = frozenset(), boilerplate: frozenset[str] = frozenset(),
                  rules: ClutterRules | None = None) -> list[str | None]:
    """Per paragraph: the clutter kind (why it goes) or None (it stays)."""
    rules = rules or load_rules()
    counts = [count_words(p) for p in paragraphs]
    flags: list[str | None] = []
    for text, words in zip(paragraphs, counts):
        if words == 0 or rules.lines.match(text):
            flags.append("line")
        else:
            flags.append(phrase_kind(text, words, rules, language))
    _mark_boilerplate(paragraphs, flags, boilerplate)
    _mark_link_runs(paragraphs, counts, flags, link_texts, rules)
    _sweep(counts, flags, rules)
    return flags


def remove_clutter(paragraphs: Sequence[str], **kwargs: Any) -> list[str]:
    """The paragraphs that are not clutter, in order."""
    flags = clutter_flags(paragraphs, **kwargs)
    removed = [(f, p[:60]) for f, p in zip(flags, paragraphs) if f]
    if removed:
        log.debug("clutter removed: %s", removed)
    return [p for p, f in zip(paragraphs, flags) if f is None]


def _mark_boilerplate(paragraphs: Sequence[str], flags: list[str | None], known: frozenset[str]) -> None:
    if not known:
        return
    from transforms.boilerplate import block_key  # local: boilerplate imports nothing from here
    for i, text in enumerate(paragraphs):
        if flags[i] is None and block_key(text) in known:
            flags[i] = "boilerplate"


def _mark_link_runs(paragraphs: Sequence[str], counts: list[int], flags: list[str | None],
                    link_texts: frozenset[str], rules: ClutterRules) -> None:
    """Runs of paragraphs that are each exactly one link's text: teaser lists, related headlines."""
    if not link_texts:
        return
    linky = [c >= rules.link_only_min_words and normalise(p) in link_texts
             for p, c in zip(paragraphs, counts)]
    i = 0
    while i < len(linky):
        j = i
        while j < len(linky) and linky[j]:
            j += 1
        if j - i >= rules.link_run or (j > i and _next_to_clutter(flags, i, j)):
            for k in range(i, j):
                flags[k] = flags[k] or "links"
        i = max(j, i + 1)


def _next_to_clutter(flags: list[str | None], start: int, end: int) -> bool:
    return (start > 0 and flags[start - 1] is not None) or (end < len(flags) and flags[end] is not None)


def _sweep(counts: list[int], flags: list[str | None], rules: ClutterRules) -> None:
    """Short lines between clutter, or beyond the first/last clutter near the edges, are clutter."""
    marked = [i for i, f in enumerate(flags) if f]
    if not marked:
        return
    n = len(flags)
    short = [c <= rules.short_words for c in counts]
    for a, b in zip(marked, marked[1:]):
        if 1 < b - a <= rules.max_sweep + 1 and all(short[a + 1:b]):
            for k in range(a + 1, b):
                flags[k] = "run"
    first, last = marked[0], marked[-1]
    if first <= n * rules.edge_share and first <= rules.max_sweep and all(short[:first]):
        for k in range(first):
            flags[k] = "run"
    if last >= n * (1 - rules.edge_share) and n - last - 1 <= rules.max_sweep and all(short[last + 1:]):
        for k in range(last + 1, n):
            flags[k] = "run"


def normalise(text: str) -> str:
    """Case- and whitespace-insensitive form used to compare paragraphs with link texts."""
    return " ".join(_WORD.findall(text.lower()))
