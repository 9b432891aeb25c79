"""Acceptance on the seed article: the fall of Idlib comes first; the executions are al-Nusra's claim."""
from __future__ import annotations

import math

from transforms.events import extract_events


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


def test_first_event_is_the_fall_of_idlib(seed_article, resources):
    first = extract_events(seed_article, resources)[0]
    assert first.type in ("ASSAULT", "COERCE")
    assert "Nusra" in first.actor.head or "alliance" in first.actor.text
    assert "led by al-Qaida affiliate Jabhat al-Nusra" in first.actor.text
    assert first.actor.head == "Jabhat al-Nusra"
    assert "government forces" in first.recipient.text.lower() or "Assad" in first.recipient.text
    assert first.location.country_code == "SY" and first.location.name == "Idlib"
    assert km(first.location.lat, first.location.lon, 35.93, 36.63) < 20
    assert (first.date, first.date_precision) == ("2015-03-28", "day")
    assert first.status == "asserted"


def test_execution_of_prisoners_is_claimed_by_al_nusra_not_asserted(seed_article, resources):
    events = extract_events(seed_article, resources)
    executions = [e for e in events if "executing" in e.action]
    assert len(executions) == 1
    execution = executions[0]
    assert execution.type in ("ASSAULT", "COERCE")
    assert execution.status in ("claimed", "reported") and execution.status != "asserted"
    assert "Nusra" in (execution.reported_by or "")
    assert "prisoners" in execution.recipient.text
    accusation = next(e for e in events if e.type == "ACCUSE" and e.start == execution.start)
    assert "Nusra" in accusation.actor.head and accusation.status == "asserted"


def test_state_tv_report_names_its_source(seed_article, resources):
    events = extract_events(seed_article, resources)
    reported = [e for e in events if "State TV" in e.sentence]
    assert reported and all(e.status == "reported" and e.reported_by == "State TV" for e in reported)


def test_every_event_points_at_its_sentence(seed_article, resources):
    events = extract_events(seed_article, resources)
    assert len(events) >= 5
    for ev in events:
        assert seed_article.text[ev.start:ev.end] == ev.sentence
        assert ev.type in resources.lexicon.cameo and len(ev.cameo_root) == 2 and 0 < ev.confidence <= 1
    assert len({e.event_id for e in events}) == len(events)


def test_coding_is_deterministic_and_json_ready(seed_article, resources):
    first = [e.to_json() for e in extract_events(seed_article, resources)]
    again = [e.to_json() for e in extract_events(seed_article, resources)]
    assert first == again
    keys = {"type", "mode", "actor", "recipient", "action", "location", "date", "sentence", "start", "end",
            "confidence", "status", "reported_by", "cameo_root", "coder_version", "event_id"}
    assert keys <= set(first[0]) and {"name", "country_code", "lat", "lon"} <= set(first[0]["location"])
