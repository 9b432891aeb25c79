"""One real-world event, many reports: link event mentions across articles into stories.

Two mentions are the same event when they share the type, the actor and recipient heads (one
head's words contained in the other's: "al-Nusra" ~ "Jabhat al-Nusra"), a compatible place, and
dates at most two days apart. The canonical id of a story is the event id of its earliest mention,
so counting distinct canonical ids counts events, not articles.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .gazetteer import fold
from .model import Event

MAX_DAYS = 2


@dataclass(frozen=True)
class Story:
    """A known real-world event (from this batch or from the warehouse) that mentions can join."""

    event_id: str
    type: str
    actor_head: str | None
    recipient_head: str | None
    place: str | None
    date: dt.date | None
    articles: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LinkedMention:
    event: Event
    story_id: str  # canonical event id shared by every report of the same event


def head_words(head: str | None) -> frozenset[str]:
    if not head:
        return frozenset()
    words = re.sub(r"[^\w\s]", " ", fold(head).replace("al-", "al ")).split()
    return frozenset(w for w in words if w not in ("the", "al", "of", "forces", "force"))


def _same_party(a: str | None, b: str | None) -> bool:
    wa, wb = head_words(a), head_words(b)
    if not wa or not wb:
        return not wa and not wb
    return wa <= wb or wb <= wa


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def story_of(ev: Event) -> Story:
    return Story(ev.event_id, ev.type, ev.actor.head if ev.actor else None,
                 ev.recipient.head if ev.recipient else None,
                 fold(ev.location.name) if ev.location else None, _date(ev.date), frozenset({ev.article_id}))


def matches(story: Story, ev: Event) -> bool:
    cand = story_of(ev)
    if story.type != cand.type or ev.article_id in story.articles or not cand.actor_head:
        return False
    if story.date is None or cand.date is None or abs((story.date - cand.date).days) > MAX_DAYS:
        return False
    if story.place and cand.place and story.place != cand.place:
        return False
    return _same_party(story.actor_head, cand.actor_head) and _same_party(story.recipient_head, cand.recipient_head)


def link_mentions(events: Iterable[Event], existing: Sequence[Story] = ()) -> list[LinkedMention]:
    """Give every event mention the id of the story it reports; stories from `existing` are joined first.

    Deterministic: mentions are visited by (date, article id, event id), whatever the input order.
    Stories are indexed by (type, day), so only those within two days of a mention are compared.
    """
    stories: list[Story] = []
    index: dict[tuple[str, dt.date | None], list[int]] = {}

    def add(story: Story) -> None:
        index.setdefault((story.type, story.date), []).append(len(stories))
        stories.append(story)

    for story in existing:
        add(story)
    out: list[LinkedMention] = []
    for ev in sorted(events, key=lambda e: (e.date or "", e.article_id, e.event_id)):
        found = next((i for i in _nearby(index, ev) if matches(stories[i], ev)), None)
        if found is None:
            add(story_of(ev))
            out.append(LinkedMention(ev, ev.event_id))
            continue
        story = stories[found]
        stories[found] = Story(story.event_id, story.type, story.actor_head, story.recipient_head,
                               story.place or story_of(ev).place, story.date, story.articles | {ev.article_id})
        out.append(LinkedMention(ev, story.event_id))
    return out


def _nearby(index: dict[tuple[str, dt.date | None], list[int]], ev: Event) -> list[int]:
    """Story positions of the same type dated within MAX_DAYS of the event, oldest story first."""
    day = _date(ev.date)
    if day is None:
        return []
    keys = [(ev.type, day + dt.timedelta(days=d)) for d in range(-MAX_DAYS, MAX_DAYS + 1)]
    return sorted(i for key in keys for i in index.get(key, ()))
