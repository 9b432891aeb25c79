"""Property-based tests (hypothesis) for the event coder (issue 10): on any text, coding raises nothing,
every event's offsets select its evidence sentence, and at most one event is the main one."""
from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed (it is in the lock)")
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from transforms.events import ArticleInput, extract_events  # noqa: E402

SENTENCES = [
    "Rebels seized the city of Idlib on Saturday after days of fighting, the army said.",
    "Police arrested dozens of protesters outside parliament in Ankara.",
    "The minister met his Turkish counterpart in Berlin to discuss the talks.",
    "It was sunny.", "Subscribe now!", "Thank you for subscribing!", "“He said: ‘no’.”",
    "The United States imposed sanctions on three officials last week.",
    "Mr. Obama said in 2002 that he would return.", "\u202eevil\u202c שלום", "1. 2. 3.", "",
]
TEXTS = st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(max_size=120)), max_size=8).map(" ".join)
DATES = st.one_of(st.none(), st.sampled_from(["2015-03-29", "2015-03-29T10:00:00+02:00", "not a date", "1903"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS, st.text(max_size=80), DATES)
def test_coding_any_text_raises_nothing_and_offsets_select_the_sentence(resources, text, title, published):
    events = extract_events(ArticleInput("p", title, text, published), resources)
    for event in events:
        assert 0 <= event.start <= event.end <= len(text)
        assert text[event.start:event.end] == event.sentence
        assert 0.0 <= event.confidence <= 1.0
    assert sum(e.is_main for e in events) <= 1
    assert not events or not any(e.is_main for e in events[1:])
