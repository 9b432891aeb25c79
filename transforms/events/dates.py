"""Date phrases in a sentence, resolved against the article's publication date.

A small regular-expression resolver instead of dateparser: news dates come in a handful of shapes
("yesterday", "on Tuesday", "last week", "in March 2013", "March 28"), and dateparser on arbitrary
strings can take a second each. Each match keeps its precision (day, week, month, year).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9})
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in [
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("mdy", r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"),
    ("dmy", r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"),
    ("my", r"\b" + _MONTH + r"(?:\s+of)?,?\s+(?P<year>(?:19|20)\d\d)\b"),
    ("m", r"\b(?:in|since|during|until|by|last|this|early|late|mid-?|earlier in)\s+" + _MONTH + r"\b(?!\s+\d)"),
    ("y", r"\b(?:in|since|during|until|by|of)\s+(?P<year>(?:19|20)\d\d)\b"),
    ("yesterday", r"\b(?:yesterday|last night)\b"),
    ("today", r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b"),
    ("ago", r"\b(?P<n>\d+|one|two|three|four|five|six|seven|ten) (?P<unit>day|week|month|year)s? ago\b"),
    ("lastweekday", r"\blast\s+" + _WEEKDAY + r"\b"),
    ("weekday", r"\b" + _WEEKDAY + r"\b"),
    ("lastunit", r"\b(?:last|past|previous)\s+(?P<unit>week|month|year)\b"),
    ("thisunit", r"\b(?:this|earlier this|later this)\s+(?P<unit>week|month|year)\b"),
]]
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@dataclass(frozen=True)
class DateMatch:
    """A resolved date phrase: `start`/`end` are offsets into the sentence it was found in."""

    text: str
    start: int
    end: int
    date: dt.date
    precision: str  # day | week | month | year


def parse_published(published: str | None) -> dt.date | None:
    """The calendar date of an ISO 8601 publication stamp (offset ignored: the outlet's local day)."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


FUTURE_DAYS = 45  # "on 9 April" in a paper of 24 March is next month's date, not last year's


def _infer_year(month: int, day: int, base: dt.date | None, future_days: int = 0) -> int | None:
    """Year of a date given without one: the latest occurrence not after the publication date, or
    one at most `future_days` ahead of it (announced strikes, summits, deadlines)."""
    if base is None:
        return None
    try:
        ahead = (dt.date(base.year, month, day) - base).days
    except ValueError:  # 29 February
        ahead = 0
    return base.year if ahead <= future_days else base.year - 1


def _absolute(kind: str, m: re.Match[str], base: dt.date | None) -> tuple[dt.date, str] | None:
    g = m.groupdict()
    month = int(g["mnum"]) if g.get("mnum") else MONTHS.get((g.get("month") or "").lower())
    year = int(g["year"]) if g.get("year") else None
    if kind in ("iso", "mdy", "dmy"):
        day = int(g["day"])
        year = year or _infer_year(month, day, base, FUTURE_DAYS)
        return (dt.date(year, month, day), "day") if year else None
    if kind == "my":
        return dt.date(year, month, 1), "month"
    if kind == "m":
        year = _infer_year(month, 1, base)
        return (dt.date(year, month, 1), "month") if year else None
    return dt.date(year, 1, 1), "year"  # "y"


def _shift(base: dt.date, unit: str, n: int) -> tuple[dt.date, str]:
    if unit == "day":
        return base - dt.timedelta(days=n), "day"
    if unit == "week":
        return base - dt.timedelta(days=7 * n), "week"
    if unit == "month":
        months = base.year * 12 + base.month - 1 - n
        return dt.date(months // 12, months % 12 + 1, 1), "month"
    return dt.date(base.year - n, 1, 1), "year"


def _relative(kind: str, m: re.Match[str], base: dt.date) -> tuple[dt.date, str]:
    g = m.groupdict()
    if kind == "yesterday":
        return base - dt.timedelta(days=1), "day"
    if kind == "today":
        return base, "day"
    if kind in ("weekday", "lastweekday"):
        delta = (base.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
        if kind == "lastweekday" and delta == 0:
            delta = 7
        return base - dt.timedelta(days=delta), "day"
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
        return _shift(base, g["unit"].lower(), n)
    return _shift(base, g["unit"].lower(), 1 if kind == "lastunit" else 0)


def _resolve(kind: str, m: re.Match[str], base: dt.date | None) -> tuple[dt.date, str] | None:
    try:
        if kind in ("iso", "mdy", "dmy", "my", "m", "y"):
            return _absolute(kind, m, base)
        return _relative(kind, m, base) if base else None
    except (ValueError, KeyError, TypeError):
        return None


def find_dates(sentence: str, published: dt.date | None) -> list[DateMatch]:
    """Every date phrase in the sentence, longest first where two overlap, in text order."""
    taken: list[DateMatch] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < d.end and d.start < m.end() for d in taken):
                continue
            if kind == "m" and m.group("month").lower() == "may" and not m.group(0)[0].isupper() and sentence[m.start("month")].islower():
                continue  # the modal verb "may"
            resolved = _resolve(kind, m, published)
            if resolved:
                taken.append(DateMatch(m.group(0), m.start(), m.end(), resolved[0], resolved[1]))
    return sorted(taken, key=lambda d: d.start)
