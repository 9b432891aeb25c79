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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from collections import Counter
from typing import Any, Iterable, Sequence

import regex

from transforms.phrases import PhraseIndex, build_index
from transforms.text import words_key

log = logging.getLogger(__name__)

RULES_FILE = Path(__file__).with_name("rules") / "clutter.toml"
_TERMINAL = regex.compile(r"[.!?…。！？\"”»“«'’)]\s*$")
_WORD = regex.compile(r"\w+")
_TERMINAL_STOP = regex.compile(r"[.。]\s*$")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_NON_CJK_WORD = regex.compile(r"[^\W\p{Han}\p{Hiragana}\p{Katakana}]+")


@lru_cache(maxsize=16384)
def count_words(text: str) -> int:
    """Words, with Chinese/Japanese (no spaces) counted as one word per two characters.

    Cached: every paragraph is counted by several steps (candidate scores, clutter, page kind)."""
    if not _CJK.search(text):
        return len(_WORD.findall(text))
    cjk = len(_CJK.findall(text))
    return len(_NON_CJK_WORD.findall(text)) + (cjk + 1) // 2


@dataclass(frozen=True)
class PhraseRule:
    """One kind of clutter: strong phrases mark paragraphs up to max_words, weak ones only short lines."""

    kind: str
    max_words: int
    weak_max_words: int
    short_max_words: int = 15


@dataclass(frozen=True)
class ClutterRules:
    lines: regex.Pattern[str]
    dateline: regex.Pattern[str]
    phrases: tuple[PhraseRule, ...]
    index: PhraseIndex
    dense_hits: int
    dense_factor: int
    short_words: int
    max_sweep: int
    edge_share: float
    link_only_min_words: int
    link_run: int
    list_after_heading: int
    teaser_run: int
    author_tail_share: float
    author_tail_words: int
    repeat_min_words: int
    header_words: int
    tail_body_words: int
    tail_line_words: int
    embeds: tuple[str, ...]


_BOUNDARY_CHAR = regex.compile(r"[^\W\p{Han}\p{Hiragana}\p{Katakana}]")


def _word_alternative(word: str) -> str:
    """A regex alternative matching `word` as a whole word (CJK and punctuation need no boundary)."""
    body = regex.escape(word).replace(r"\ ", r"\s+")
    start = r"(?<!\w)" if _BOUNDARY_CHAR.match(word[0]) else ""
    end = r"(?!\w)" if _BOUNDARY_CHAR.match(word[-1]) else ""
    return start + body + end


def _entries(rules: list[dict[str, Any]]) -> Iterable[tuple[str, str, str, str]]:
    for rule in rules:
        for tier in ("strong", "short", "weak"):
            for language, phrases in rule.get(tier, {}).items():
                for phrase in phrases:
                    yield phrase, rule["kind"], tier, language


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> ClutterRules:
    """Parse and compile the rules file once per process."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    structure = data["structure"]
    phrases = tuple(PhraseRule(kind=r["kind"], max_words=r["max_words"], weak_max_words=r["weak_max_words"],
                               short_max_words=r.get("short_max_words", 15))
                    for r in data["rule"])
    lines = regex.compile(r"^\W*(?:" + "|".join(f"(?:{p})" for p in data["lines"]["patterns"]) + r")\W*$",
                          regex.I)
    words = "|".join(_word_alternative(w) for w in sorted(data["lines"]["date_words"], key=len, reverse=True))
    dateline = regex.compile(rf"^(?=.*\d)(?:\W|\d|{words})+$", regex.I)
    return ClutterRules(
        lines=lines, dateline=dateline, phrases=phrases, index=build_index(_entries(data["rule"])),
        dense_hits=data["density"]["min_hits"], dense_factor=data["density"]["factor"],
        short_words=structure["short_words"], max_sweep=structure["max_sweep"],
        edge_share=structure["edge_share"], link_only_min_words=structure["link_only_min_words"],
        link_run=structure["link_run"], list_after_heading=structure["list_after_heading"],
        teaser_run=structure["teaser_run"], author_tail_share=structure["author_tail_share"],
        author_tail_words=structure["author_tail_words"], repeat_min_words=structure["repeat_min_words"],
        header_words=structure["header_words"],
        tail_body_words=structure["tail_body_words"], tail_line_words=structure["tail_line_words"],
        embeds=tuple(data["embeds"]["classes"]))


def phrase_kind(text: str, words: int, rules: ClutterRules, language: str | None) -> str | None:
    """The clutter kind a paragraph's phrases point to, honouring each rule's length limits."""
    hits = rules.index.find(text, language)
    if not hits:
        return None
    unterminated = not _TERMINAL.search(text)
    for rule in rules.phrases:
        strong = {h.phrase for h in hits if h.rule == rule.kind and h.tier == "strong"}
        short = {h.phrase for h in hits if h.rule == rule.kind and h.tier == "short"}
        if (strong and words <= rule.max_words) or (short and words <= rule.short_max_words):
            return rule.kind
        if strong and words <= rule.max_words * rules.dense_factor and len(strong | short) >= rules.dense_hits:
            return rule.kind
        if words <= rule.weak_max_words and unterminated and not text.startswith("- ") and any(
                h.rule == rule.kind and h.tier == "weak" for h in hits):
            return rule.kind
    return None


def clutter_flags(paragraphs: Sequence[str], *, language: str | None = None, titles: Sequence[str] = (),
                  authors: Sequence[str] = (), link_texts: frozenset[str] = frozenset(),
                  boilerplate: frozenset[str] = frozenset(),
                  rules: ClutterRules | None = None) -> list[str | None]:
    """Per paragraph: the clutter kind (why it goes) or None (it stays)."""
    rules = rules or load_rules()
    counts = [count_words(p) for p in paragraphs]
    keys = [normalise(p) for p in paragraphs]
    copies = Counter(keys)
    title_keys = {k for k in map(normalise, titles) if k.count(" ") >= 2}
    flags: list[str | None] = []
    seen: set[str] = set()
    for i, (text, words, key) in enumerate(zip(paragraphs, counts, keys)):
        if words == 0 or rules.lines.match(text) or (words <= 20 and rules.dateline.match(text)):
            flags.append("line")
        elif i < 5 and any(_is_title(key, t, words) for t in title_keys):
            flags.append("title")
        elif key in seen and copies[key] == 2 and words >= rules.repeat_min_words:
            flags.append("repeated")  # the second copy of a paragraph: a pull quote or an embed placeholder
        else:
            flags.append(phrase_kind(text, words, rules, language))
        seen.add(key)
    _mark_boilerplate(paragraphs, flags, boilerplate)
    _mark_link_runs(paragraphs, counts, flags, link_texts, rules)
    _mark_repeated_links(keys, counts, copies, flags, link_texts, rules)
    _mark_tail(paragraphs, counts, flags, link_texts, rules)
    _mark_header(paragraphs, counts, flags, rules)
    _sweep(counts, flags, rules)
    _mark_lists_after_headings(paragraphs, counts, flags, rules)
    _mark_teaser_lists(paragraphs, counts, flags, link_texts, rules)
    _mark_author_boxes(paragraphs, counts, flags, authors, rules)
    return flags


def _is_title(key: str, title_key: str, words: int) -> bool:
    """The headline repeated as a paragraph, with a kicker before it or the site name after it."""
    if words < 3:
        return False
    extra = words - title_key.count(" ") - 1
    return key == title_key or (title_key.startswith(key) and words >= 5) or (
        (key.startswith(title_key) or key.endswith(title_key)) and extra <= 7)


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
    by_length, lengths = _by_length(link_texts)
    linky = [c >= rules.link_only_min_words and is_link_text(normalise(p), link_texts, by_length, lengths)
             for p, c in zip(paragraphs, counts)]
    i = 0
    while i < len(linky):
        j = i
        while j < len(linky) and linky[j]:
            j += 1
        if j - i >= rules.link_run or (j - i >= 2 and _next_to_clutter(flags, i, j)):
            for k in range(i, j):
                flags[k] = flags[k] or "links"
            _mark_box_heading(paragraphs, counts, flags, i, rules)
        i = max(j, i + 1)


def _mark_box_heading(paragraphs: Sequence[str], counts: list[int], flags: list[str | None], start: int,
                      rules: ClutterRules) -> None:
    """The short line right above a list of links is that box's heading ("What to know about the
    election", "More on this story"), whatever its words."""
    head = start - 1
    if head >= 0 and flags[head] is None and counts[head] <= rules.short_words \
            and not _TERMINAL_STOP.search(paragraphs[head]):
        flags[head] = "links"


def is_link_text(key: str, link_texts: frozenset[str], by_length: list[str], lengths: list[int],
                 cover: float = 0.8) -> bool:
    """The paragraph is (nearly all) one link's text: equal, or overlapping by `cover` of its length.

    `by_length` holds the link texts sorted by length (`lengths` their lengths), so only links of a
    comparable length are compared.
    """
    if key in link_texts:
        return True
    size = len(key)
    lo, hi = bisect_left(lengths, cover * size), bisect_right(lengths, size / cover)
    return any(link in key or key in link for link in by_length[lo:hi])


def _next_to_clutter(flags: list[str | None], start: int, end: int) -> bool:
    return (start > 0 and flags[start - 1] is not None) or (end < len(flags) and flags[end] is not None)


_NOT_SEEDS = frozenset({"repeated", "title"})  # a pull quote or the headline says nothing about its neighbours


def _sweep(counts: list[int], flags: list[str | None], rules: ClutterRules) -> None:
    """Short lines between clutter, or beyond the first/last clutter near the edges, are clutter."""
    marked = [i for i, f in enumerate(flags) if f and f not in _NOT_SEEDS]
    if not marked:
        return
    n = len(flags)
    short = [c <= rules.short_words for c in counts]
    for a, b in zip(marked, marked[1:]):
        if 1 < b - a <= rules.max_sweep + 1 and all(short[a + 1:b]):
            for k in range(a + 1, b):
                flags[k] = flags[k] or "run"
    first, last = marked[0], marked[-1]
    if first <= n * rules.edge_share and first <= rules.max_sweep and all(short[:first]):
        for k in range(first):
            flags[k] = flags[k] or "run"
    if last >= n * (1 - rules.edge_share) and n - last - 1 <= rules.max_sweep and all(short[last + 1:]):
        for k in range(last + 1, n):
            flags[k] = flags[k] or "run"


def _mark_lists_after_headings(paragraphs: Sequence[str], counts: list[int], flags: list[str | None],
                               rules: ClutterRules) -> None:
    """A bullet list right under a short clutter heading ("Related:", "Sources", "Summary") goes too."""
    i = 0
    while i < len(paragraphs):
        if flags[i] and flags[i] != "repeated" and counts[i] <= rules.short_words \
                and not paragraphs[i].startswith("- "):
            j = i + 1
            while j < len(paragraphs) and j - i <= rules.list_after_heading and paragraphs[j].startswith("- "):
                flags[j] = flags[j] or "list"
                j += 1
            i = j
        else:
            i += 1


_KICKER = regex.compile(r"^- [^:.]{2,60}:\s\S+(?:\s\S+){3,}$")


def _mark_teaser_lists(paragraphs: Sequence[str], counts: list[int], flags: list[str | None],
                       link_texts: frozenset[str], rules: ClutterRules) -> None:
    """Runs of headline-like bullets (no full stop), most of them "- Kicker: Headline" and links: other
    stories. The links matter: a changelog or a product's feature list has the same shape as text."""
    bullet = [p.startswith("- ") and 3 <= c <= 20 and not _TERMINAL_STOP.search(p)
              for p, c in zip(paragraphs, counts)]
    i = 0
    while i < len(bullet):
        j = i
        while j < len(bullet) and bullet[j]:
            j += 1
        kickers = sum(bool(_KICKER.match(paragraphs[k])) for k in range(i, j))
        linked = sum(_ends_in_link(paragraphs[k], link_texts) for k in range(i, j))
        if j - i >= rules.teaser_run and kickers * 2 >= j - i and linked * 2 >= j - i:
            for k in range(i, j):
                flags[k] = flags[k] or "teasers"
        i = max(j, i + 1)


def _linked(text: str, link_texts: frozenset[str]) -> bool:
    """The paragraph (without a list dash) is, nearly all of it, one link's text (not prose with a link)."""
    if not link_texts:
        return False
    key = normalise(text)
    if key in link_texts:
        return True
    by_length, lengths = _by_length(link_texts)
    return is_link_text(key, link_texts, by_length, lengths)


def _ends_in_link(text: str, link_texts: frozenset[str]) -> bool:
    """Most of the line, up to its end, is one link's text ("- Kicker: <a>Headline</a>")."""
    words = normalise(text).split()
    return any(" ".join(words[i:]) in link_texts for i in range(0, (len(words) + 1) // 2))


@lru_cache(maxsize=4)
def _by_length(link_texts: frozenset[str]) -> tuple[list[str], list[int]]:
    by_length = sorted(link_texts, key=len)
    return by_length, [len(link) for link in by_length]


def shouting(text: str) -> bool:
    """All letters upper case, in a line of at least two words: a promo or a section label, not a sentence."""
    cased = [c for c in text if c.isupper() or c.islower()]
    return len(cased) >= 6 and text.count(" ") >= 1 and not any(c.islower() for c in cased)


def _mark_repeated_links(keys: list[str], counts: list[int], copies: Counter[str], flags: list[str | None],
                         link_texts: frozenset[str], rules: ClutterRules) -> None:
    """A short line printed twice that is also a link's text is a related headline: every copy goes.
    A repeated line that is not a link (an interview's recurring question, a diet plan's refrain) stays."""
    for i, key in enumerate(keys):
        if flags[i] is None and copies[key] >= 2 and counts[i] <= rules.tail_line_words and key in link_texts:
            flags[i] = "links"


def _mark_tail(paragraphs: Sequence[str], counts: list[int], flags: list[str | None],
               link_texts: frozenset[str], rules: ClutterRules) -> None:
    """After the last long paragraph of the body, what is not a sentence is the page's furniture:
    unterminated short lines (calls to action, promos), shouting lines and link texts."""
    body = [i for i, c in enumerate(counts) if c >= rules.tail_body_words and flags[i] is None]
    if not body:
        return
    for i in range(body[-1] + 1, len(paragraphs)):
        text = paragraphs[i]
        if flags[i] is not None or counts[i] > rules.tail_line_words:
            continue
        bullet = text.startswith("- ")
        if shouting(text) or _linked(text, link_texts) or (not bullet and not _TERMINAL.search(text)):
            flags[i] = "tail"


def _mark_header(paragraphs: Sequence[str], counts: list[int], flags: list[str | None],
                 rules: ClutterRules) -> None:
    """Before the body starts, a few words next to the repeated headline are its kicker, section label
    or dateline ("Finanzmärkte", "World", "ku Frankfurt"). A longer line there is the deck: it stays."""
    start = next((i for i, c in enumerate(counts) if c >= rules.tail_body_words and flags[i] is None), 0)
    for i in range(start):
        near_title = "title" in (flags[i - 1] if i else None, flags[i + 1] if i + 1 < len(flags) else None)
        if flags[i] is None and near_title and counts[i] <= rules.header_words \
                and not _TERMINAL.search(paragraphs[i]):
            flags[i] = "header"


def _mark_author_boxes(paragraphs: Sequence[str], counts: list[int], flags: list[str | None],
                       authors: Sequence[str], rules: ClutterRules) -> None:
    """Near the end, a short paragraph naming the article's own author is a bio or contact box."""
    names = [a.lower() for a in authors if len(a.split()) >= 2]
    if not names:
        return
    start = int(len(paragraphs) * (1 - rules.author_tail_share))
    for i in range(max(start, 1), len(paragraphs)):
        opening = " ".join(paragraphs[i].lower().split()[:5])  # bios open with the name (or role + name)
        if flags[i] is None and counts[i] <= rules.author_tail_words and any(n in opening for n in names):
            flags[i] = "author_box"


normalise = lru_cache(maxsize=16384)(words_key)  # the one words key, cached: paragraphs are compared often
