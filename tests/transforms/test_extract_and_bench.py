"""Extractor fallback chosen by the stated quality score, and the extraction benchmark + CI gate."""
from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.utils import load_html

import transforms.extract as extract
from bench import extraction as bench_extraction

DATASET = Path(__file__).resolve().parents[3] / "shared" / "data" / "extraction-dev"
PROSE = "The committee met on Monday and agreed to publish its findings before the end of the month."


def test_quality_counts_only_sentence_like_paragraphs() -> None:
    assert extract.quality(["Home", "News", "Sport", "Subscribe now"]) == 0
    assert extract.quality([PROSE]) == len(PROSE.split())
    assert extract.quality([PROSE, "Menu links here", PROSE]) == 2 * len(PROSE.split())


def test_fallback_used_only_when_it_is_clearly_better(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = load_html("<html><body><p>x</p></body></html>")
    monkeypatch.setattr(extract, "with_trafilatura", lambda tree, url, compare=False: ["Home", "Menu"])
    monkeypatch.setattr(extract, "FALLBACKS", (("other", lambda tree, url: [PROSE] * 8),))
    paragraphs, name = extract.extract_paragraphs(tree, None)
    assert name == "other" and paragraphs == [PROSE] * 8
    monkeypatch.setattr(extract, "with_trafilatura", lambda tree, url, compare=False: [PROSE] * 20)
    assert extract.extract_paragraphs(tree, None)[1] == "trafilatura"


def test_readability_fallback_reads_paragraphs() -> None:
    body = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(6))
    tree = load_html(f"<html><body><div id='nav'><a href='/'>Home</a></div><div class='story'>{body}</div></body></html>")
    paragraphs = extract.with_readability(tree, None)
    assert len(paragraphs) == 6 and paragraphs[0].startswith("The committee met")


def _result(f1: float, leak: float, ratio: float) -> dict:
    return {"systems": {"newsdesk": {"f1": f1, "clutter_leak_rate": leak}}, "throughput_ratio": ratio}


def test_gate_floors() -> None:
    assert bench_extraction.gate(_result(0.966, 0.0, 0.85)) == []
    failures = bench_extraction.gate(_result(0.90, 0.05, 0.5))
    assert len(failures) == 3 and "F1" in failures[0]


@pytest.mark.skipif(not (DATASET / "ground-truth.json").exists() or not bench_extraction.DEFAULT_SCORER.exists(),
                    reason="shared extraction-dev set or scorer not available")
def test_benchmark_runs_both_systems_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    result = bench_extraction.main(DATASET, tmp_path / "result.json", limit=6)
    assert set(result["systems"]) == {"newsdesk", "trafilatura"}
    assert result["docs"] == 6 and (tmp_path / "result.json").exists()
    for system in result["systems"].values():
        assert 0 < system["f1"] <= 1 and system["docs_per_sec"] > 0
    assert "| newsdesk |" in capsys.readouterr().out
