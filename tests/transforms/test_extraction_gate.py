"""The CI gate of issue 3: F1 and clutter-leak rate on the development set, with the shared scorer."""
from __future__ import annotations

from bench import extraction as bench_extraction


def test_extraction_quality_stays_above_its_floors(shared):
    result = bench_extraction.main(shared / "data" / "extraction-dev",
                                   scorer_path=shared / "bench" / "score_extraction.py")
    assert result["docs"] == 134
    assert bench_extraction.gate(result, include_speed=False) == []
    assert result["systems"]["newsdesk"]["f1"] > result["systems"]["trafilatura"]["f1"]
