"""Fixture pages written for issue 14, one or more per cause of failure seen on pages never tuned on.

Each tests/fixtures/pages/<case>/page.html is a page this project wrote itself; expected.json beside it
names the cause (1 repeated lines, 2 candidate choice, 3 page kind, 4 unnamed clutter, 5 access flags,
6 headline and byline) and what the clean article must contain, must not contain, how often a line
must appear, and optionally the access flag, title, authors, canonical URL and page-kind confidence.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from transforms.clean import clean_page
from transforms.models import RawPage

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
CASES = sorted(p.name for p in PAGES.iterdir() if (p / "page.html").exists())


def _clean(name: str):
    expected = json.loads((PAGES / name / "expected.json").read_text(encoding="utf-8"))
    page = RawPage(url=expected["url"], source="fixture", fetched_at="2026-03-02T09:00:00Z", status=200,
                   content_type="text/html; charset=utf-8", body=(PAGES / name / "page.html").read_bytes())
    return clean_page(page), expected


def test_every_cause_has_fixture_pages() -> None:
    causes = {json.loads((PAGES / n / "expected.json").read_text())["cause"] for n in CASES}
    assert causes == {1, 2, 3, 4, 5, 6}


@pytest.mark.parametrize("name", CASES)
def test_text_kept_and_clutter_removed(name: str) -> None:
    result, expected = _clean(name)
    assert result.article is not None, f"{name}: no article ({result.reason})"
    text = result.article.text
    assert [s for s in expected["must_contain"] if s not in text] == []
    assert [s for s in expected["must_not_contain"] if s.lower() in text.lower()] == []
    for line, count in expected.get("counts", {}).items():
        assert text.split("\n\n").count(line) == count, f"{name}: {line!r}"


@pytest.mark.parametrize("name", [n for n in CASES if "access" in json.loads((PAGES / n / "expected.json").read_text())])
def test_access_flag_describes_the_stored_text(name: str) -> None:
    result, expected = _clean(name)
    assert result.article is not None and result.article.access in expected["access"]


@pytest.mark.parametrize("name", [n for n in CASES if "confidence" in json.loads((PAGES / n / "expected.json").read_text())])
def test_doubtful_pages_are_kept_with_their_confidence(name: str) -> None:
    result, expected = _clean(name)
    low, high = expected["confidence"]
    assert result.article is not None and low <= result.article.page_kind_confidence <= high
    if "canonical_url" in expected:
        assert result.article.canonical_url == expected["canonical_url"]


@pytest.mark.parametrize("name", [n for n in CASES if "title" in json.loads((PAGES / n / "expected.json").read_text())])
def test_headline_and_byline(name: str) -> None:
    result, expected = _clean(name)
    assert result.article is not None
    assert result.article.title == expected["title"]
    assert list(result.article.authors) == expected["authors"]
