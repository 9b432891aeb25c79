"""One real-world event reported by several articles gets one story id; different events stay apart."""
from __future__ import annotations

import datetime as dt

from transforms.events import Event, EventLocation, Participant, link_mentions
from transforms.events.linking import Story
from transforms.events.model import make_event_id

IDLIB = EventLocation("Idlib", "SY", "12", 35.93, 36.63)


def event(article: str, date: str, actor: str = "Jabhat al-Nusra", recipient: str | None = "Syrian army",
          etype: str = "ASSAULT", location: EventLocation | None = IDLIB, start: int = 0) -> Event:
    part = lambda head: Participant(head, head, head) if head else None  # noqa: E731
    return Event(event_id=make_event_id(article, start, start + 10, etype), article_id=article, type=etype,
                 mode=None, context=None, actor=part(actor), recipient=part(recipient), action="took",
                 status="asserted", reported_by=None, location=location, date=date, date_precision="day",
                 date_text=None, sentence="x" * 10, start=start, end=start + 10, confidence=0.9, cameo_root="18")


def test_reports_of_one_event_share_a_story_id():
    links = link_mentions([event("b", "2015-03-29", actor="al-Nusra"), event("a", "2015-03-28"),
                           event("c", "2015-03-30", location=None)])
    assert len({l.story_id for l in links}) == 1
    assert {l.story_id for l in links} == {event("a", "2015-03-28").event_id}  # the earliest mention


def test_different_type_actor_place_or_date_are_different_events():
    base = event("a", "2015-03-28")
    others = [event("b", "2015-03-28", etype="COERCE"), event("c", "2015-03-28", actor="Islamic State"),
              event("d", "2015-03-28", location=EventLocation("Aleppo", "SY")), event("e", "2015-04-02"),
              event("f", "2015-03-28", recipient="Kurdish fighters")]
    links = link_mentions([base, *others])
    assert len({l.story_id for l in links}) == 6


def test_two_events_of_one_article_are_not_merged():
    links = link_mentions([event("a", "2015-03-28", start=0), event("a", "2015-03-28", start=50)])
    assert len({l.story_id for l in links}) == 2


def test_mentions_join_stories_already_stored():
    stored = Story("old-id", "ASSAULT", "Jabhat al-Nusra", "Syrian army", "idlib", dt.date(2015, 3, 27),
                   frozenset({"x"}))
    links = link_mentions([event("a", "2015-03-28")], existing=[stored])
    assert links[0].story_id == "old-id"


def test_linking_ignores_input_order():
    events = [event(a, d) for a, d in [("a", "2015-03-28"), ("b", "2015-03-29"), ("c", "2015-03-29")]]
    first = sorted((l.event.event_id, l.story_id) for l in link_mentions(events))
    again = sorted((l.event.event_id, l.story_id) for l in link_mentions(list(reversed(events))))
    assert first == again
