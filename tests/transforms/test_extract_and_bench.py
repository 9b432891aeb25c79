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


def test_score_subtracts_runs_of_navigation_lines_but_not_a_subhead() -> None:
    menu = ["Home", "News", "Sport", "Culture", "Weather"]
    assert extract.score([PROSE, "A subhead", PROSE]) == 2 * len(PROSE.split())
    assert extract.score([*menu, PROSE, PROSE]) == 2 * len(PROSE.split()) - len(menu)


def _tree_with(paragraphs: int) -> object:
    return load_html("<html><body>" + "".join(f"<p>{PROSE} Number {i}.</p>" for i in range(paragraphs))
                     + "</body></html>")


def test_fast_pass_doubted_when_whole_page_or_fragment() -> None:
    tree = _tree_with(40)
    assert extract.doubtful([PROSE] * 30, tree) is None
    assert extract.doubtful([PROSE] * 3, tree) == "little prose"
    assert "on the page" in extract.doubtful([PROSE] * 12, tree)  # 12 of 40 paragraphs: a fragment
    menu = [f"Section {i}" for i in range(40)]
    assert extract.doubtful([PROSE] * 12 + menu, _tree_with(12)) == "much navigation-like text"


def test_fallback_replaces_a_doubted_fast_pass_only_when_clearly_better(monkeypatch: pytest.MonkeyPatch) -> None:
    tree = _tree_with(40)
    monkeypatch.setattr(extract, "with_trafilatura", lambda tree, url, compare=False: [PROSE] * 12)
    monkeypatch.setattr(extract, "FALLBACKS", (("other", lambda tree, url: [PROSE] * 40),))
    chosen = extract.extract_paragraphs(tree, None)
    assert chosen.extractor == "other" and chosen.paragraphs == [PROSE] * 40
    monkeypatch.setattr(extract, "FALLBACKS", (("other", lambda tree, url: [PROSE] * 13),))
    assert extract.extract_paragraphs(tree, None).extractor == "trafilatura"


def test_no_fallback_is_computed_when_the_fast_pass_is_beyond_doubt(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(tree: object, url: object) -> list[str]:
        raise AssertionError("fallback computed")
    monkeypatch.setattr(extract, "with_trafilatura", lambda tree, url, compare=False: [PROSE] * 38)
    monkeypatch.setattr(extract, "FALLBACKS", (("other", fail),))
    assert extract.extract_paragraphs(_tree_with(40), None).extractor == "trafilatura"


def test_several_articles_on_one_page_do_not_make_the_fast_pass_a_fragment() -> None:
    body = "".join(f"<article>{''.join(f'<p>{PROSE} Story {a}.</p>' for _ in range(20))}</article>" for a in range(3))
    assert extract.doubtful([PROSE] * 20, load_html(f"<html><body>{body}</body></html>")) is None


def test_readability_fallback_reads_paragraphs() -> None:
    body = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(6))
    tree = load_html(f"<html><body><div id='nav'><a href='/'>Home</a></div><div class='story'>{body}</div></body></html>")
    paragraphs = extract.with_readability(tree, None)
    assert len(paragraphs) == 6 and paragraphs[0].startswith("The committee met")


def _result(f1: float, leak: float, ratio: float, title: float = 0.9) -> dict:
    return {"systems": {"newsdesk": {"f1": f1, "clutter_leak_rate": leak}}, "throughput_ratio": ratio,
            "metadata": {"title": title, "authors": 0.8, "published": 0.95}}


def test_gate_floors() -> None:
    assert bench_extraction.gate(_result(0.975, 0.0, 0.85)) == []
    failures = bench_extraction.gate(_result(0.90, 0.05, 0.5, title=0.5))
    assert len(failures) == 4 and "F1" in failures[0] and "title" in failures[2]


def test_halves_are_fixed_and_both_used() -> None:
    ids = [f"doc_{i}" for i in range(200)]
    halves = [bench_extraction.split_of(i) for i in ids]
    assert halves == [bench_extraction.split_of(i) for i in ids]
    assert 60 < halves.count("tune") < 140


@pytest.mark.parametrize("ours, expected, same", [
    ("2024-05-03T17:47:42+02:00", "2024-05-03 15:47:42.389000+00:00", True),
    ("2024-05-03", "2024-05-03 15:47:42+00:00", True),
    ("2024-05-04T10:00:00+00:00", "2024-05-03 10:00:00+00:00", False),
    (None, "2024-05-03 10:00:00+00:00", False),
])
def test_date_accuracy_compares_instants(ours: str | None, expected: str, same: bool) -> None:
    assert bench_extraction.date_matches(ours, expected) is same


def test_title_and_author_accuracy_ignore_case_and_punctuation() -> None:
    assert bench_extraction.title_matches("Harris' Canadian  connections", "Harris’ canadian connections")
    assert not bench_extraction.title_matches("LIVE: Harris", "Harris")
    assert bench_extraction.authors_match(("Jane Roe", "John Doe"), ["john doe", "Jane Roe"])
    assert not bench_extraction.authors_match(("Jane",), ["Jane Roe"])


@pytest.mark.skipif(not (DATASET / "ground-truth.json").exists() or not bench_extraction.DEFAULT_SCORER.exists(),
                    reason="shared extraction-dev set or scorer not available")
def test_benchmark_runs_both_systems_side_by_side(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    result = bench_extraction.main(DATASET, tmp_path / "result.json", limit=6)
    assert set(result["systems"]) == {"newsdesk", "trafilatura"}
    assert result["docs"] == 6 and (tmp_path / "result.json").exists()
    for system in result["systems"].values():
        assert 0 < system["f1"] <= 1 and system["docs_per_sec"] > 0
    assert "| newsdesk |" in capsys.readouterr().out


def test_a_longer_candidate_from_another_block_of_the_page_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    other = ["The next story on the page tells of a ferry strike that closed the islands for a week."] * 60
    own = [f"{PROSE} Part {i}." for i in range(12)]
    assert extract.keeps(own, own + other) and not extract.keeps(own, other)
    assert extract.keeps(["Home", "Menu"], other)  # nothing of its own to keep: anything may replace it
    monkeypatch.setattr(extract, "with_trafilatura", lambda tree, url, compare=False: own)
    monkeypatch.setattr(extract, "FALLBACKS", (("other", lambda tree, url: other),))
    assert extract.extract_paragraphs(_tree_with(60), None).extractor == "trafilatura"


def test_comment_paragraphs_do_not_count_as_page_text() -> None:
    comments = "".join(f"<div class='comment'><p>{PROSE} Reader {i}.</p></div>" for i in range(30))
    tree = load_html(f"<html><body><article><p>{PROSE}</p></article><section id='comments'>{comments}</section></body></html>")
    assert extract.page_paragraph_words(tree) == len(PROSE.split())
