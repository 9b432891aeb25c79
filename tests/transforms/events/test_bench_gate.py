"""The CI gate: the coder stays above its floors on both halves of every gold set (speed is not gated)."""
from __future__ import annotations

import pytest

from bench import events as bench_events
from bench.cli import sample_site_articles


@pytest.fixture(scope="module")
def result(shared, resources):
    """One benchmark run without timing: PLOVER gold, main-event set and sentence set, both halves."""
    return bench_events.main(shared / "data" / "events-dev" / "plover_gsr.jsonl", resources=resources,
                             site_articles=sample_site_articles(), speed=False)


def test_quality_stays_above_the_floors_on_both_halves(result):
    assert bench_events.gate(result, include_speed=False) == []


def test_every_main_event_article_was_coded(result):
    assert result["main_articles"] == 89


def test_gate_reports_metrics_below_floor_and_above_ceiling():
    good = {k: 1.0 for k in bench_events.FLOORS} | {k: 0 for k in bench_events.CEILINGS} | {"articles_per_s": 99.0}
    assert bench_events.gate(good) == []
    failures = bench_events.gate(good | {"main_4w_holdout": 0.1, "sent_nonevent_assault": 9})
    assert len(failures) == 2 and failures[0].startswith("main_4w_holdout")
    assert bench_events.gate(good | {"articles_per_s": 1.0}, include_speed=False) == []
