"""The benchmark runs on the PLOVER gold records and the coder stays above its floors."""
from __future__ import annotations

from bench import events as bench_events


def test_gold_scores_pass_the_accuracy_gate(shared, resources):
    """The CI gate: accuracy on the PLOVER gold records stays above its floors (speed is not gated here)."""
    articles = bench_events.synthetic_articles(20)
    result = bench_events.main(shared / "data" / "events-dev" / "plover_gsr.jsonl", articles, resources=resources)
    assert 500 <= result["words_per_article"] <= 700
    assert bench_events.gate(result, include_speed=False) == []


def test_gate_reports_metrics_below_floor():
    failures = bench_events.gate({"type_acc": 0.1, "actor_lenient": 0.99, "target_lenient": 0.99,
                                  "event_full(type+actor+target)": 0.99, "articles_per_s": 100.0})
    assert len(failures) == 1 and failures[0].startswith("type_acc")
