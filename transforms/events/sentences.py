"""Sentence spans of an article and the cheap test that decides which ones get parsed.

Parsing is the expensive step, so sentences are split with a regular expression (offsets kept
exactly) and only those that contain a trigger form from the lexicon go to spaCy.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen lt col sgt capt cpl maj adm gov sen rep st sr jr prof rev hon messrs "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp ltd co dept fig approx est "
    "u.s u.k u.n e.u a.m p.m".split())
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_DATELINE = re.compile(r"([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})"
                       r"(?:/[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2})?"  # "WASHINGTON/BEIRUT": the first is the place
                       r"(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"  # AP's state or country: "KYIV, Ukraine (AP) —"
                       r"(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?"
                       r"(?:\s*\([^)]{1,40}\))?\s*[-–—]+\s+")
# "Buenos Aires, Argentina: ...", "NEW DELHI: ..." (PTI, Gulf and South Asian papers): a place and a colon
_DATELINE_COLON = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}|[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})"
                             r"(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?:\s+(?=[A-Z\"“])")
# "Jos — Gunmen killed ...", "Paris (AFP) - The French president ...": a place in title case before a dash, taken
# as a dateline only when the caller knows the name as a place (strip_dateline's is_place)
_DATELINE_TITLE = re.compile(r"([A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2})"
                             r"(?:,\s*[A-Z][^\W\d_]+(?: [A-Z][^\W\d_]+){0,2})?"
                             r"(?:\s*\([^)]{1,40}\)\s*[-–—]+|\s*[–—])\s+")
_AGENCY_DASH = re.compile(r"\s*\([^)]{1,40}\)\s*[-–—]+\s")  # "JOPLIN, Mont. (AP) — ": a dateline goes on
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:dot].lower().strip("(\"“")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+", text):
        yield m.start(), m.end()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence; `text[start:end]` has no surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        cursor = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            if _is_abbreviation(text, m.start()) or _AGENCY_DASH.match(text, m.end()):
                continue
            spans.append((cursor, m.end()))
            cursor = m.end()
        spans.append((cursor, p_end))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True)
class Prefilter:
    """Trigger words that justify a parse on their own, and phrase heads that need their partner
    word too ("take" only with "control", "over", "hostage"...)."""

    single: frozenset[str]
    phrases: dict[str, tuple[tuple[frozenset[str], ...], ...]] = field(repr=False)


def strip_dateline(text: str, start: int, end: int,
                   is_place: Callable[[str], bool] | None = None) -> tuple[int, str | None]:
    """"SANAA, March 26 (Wire) - Saudi Arabia ...": the sentence starts after the dateline, whose place is
    returned (the article's default venue). With `is_place` (the article's first sentence only) also
    "Buenos Aires, Argentina: ..." and, when `is_place` knows the name, "Jos — ..." (not "Hamas — which rules
    Gaza — said"; nor, further on, a speaker's "Putin: ...")."""
    m = _DATELINE.match(text, start, end)
    if not m and is_place is not None:
        m = _DATELINE_COLON.match(text, start, end)
    if not m and is_place is not None:
        m = _DATELINE_TITLE.match(text, start, end)
        m = m if m and is_place(m.group(1)) else None
    if not m:
        return start, None
    return m.end(), m.group(1).title()


def may_hold_event(sentence: str, prefilter: Prefilter) -> bool:
    """True when the sentence holds a trigger word, or a phrase head together with its partner words."""
    words = {w.lower() for w in _WORD.findall(sentence)}
    words |= {part for w in words if "-" in w for part in w.split("-") if part}  # "test-fired": the parser's tokens
    if words & prefilter.single:
        return True
    for head in words & prefilter.phrases.keys():
        if any(all(forms & words for forms in rest) for rest in prefilter.phrases[head]):
            return True
    return False
