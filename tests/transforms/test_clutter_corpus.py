"""Regression corpus: each tests/fixtures/clutter/<case>/page.html reproduces one kind of clutter in
a hard position (inside the article body, on a flat page, mid-body, other languages); expected.json
beside it lists snippets the clean text must contain and must not contain."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.clean import clean
from transforms.models import RawPage

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "clutter"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "page.html").exists())


def _clean_case(name: str):
    expected = json.loads((CORPUS / name / "expected.json").read_text(encoding="utf-8"))
    page = RawPage(url=expected["url"], source="corpus", fetched_at="2025-02-11T09:00:00Z", status=200,
                   content_type="text/html; charset=utf-8", body=(CORPUS / name / "page.html").read_bytes())
    return clean(page), expected


def test_corpus_is_not_empty() -> None:
    assert len(CASES) >= 12


@pytest.mark.parametrize("name", CASES)
def test_clutter_removed_and_text_kept(name: str) -> None:
    article, expected = _clean_case(name)
    assert article is not None, f"{name}: page not recognised as an article"
    text = article.text
    missing = [s for s in expected["must_contain"] if s not in text]
    leaked = [s for s in expected["must_not_contain"] if s.lower() in text.lower()]
    assert not missing, f"{name}: lost article text {missing}"
    assert not leaked, f"{name}: clutter kept {leaked}"
    if "access" in expected:
        assert article.access in expected["access"]


@pytest.mark.parametrize("name", CASES)
def test_metadata_of_corpus_pages(name: str) -> None:
    article, expected = _clean_case(name)
    assert article is not None
    assert article.title == expected["title"]
    assert article.language == expected["language"]
    assert article.published == "2025-02-11T08:30:00+01:00"
    assert 0.8 * len(article.text.split()) <= article.word_count <= 1.25 * len(article.text.split())
