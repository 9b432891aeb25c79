"""The seed article (../shared/data/seed-article.txt): all 13 paragraphs kept, its appeal dropped.

The page is rebuilt in memory from the shared text in the layouts the seed came in (flat page with a
skip link, appeal as <p> inside <article>) and with the appeal moved to the start and the middle.
"""
from __future__ import annotations

import html
from pathlib import Path

import pytest

from transforms.clean import clean
from transforms.models import RawPage

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed-article.txt"
FORBIDDEN = ["Skip to main content", "OWNED BY OUR READERS", "reader-owned co-operative",
             "Become a supporter", "Fighting fund", "You've Raised", "Days remaining", "Donate today"]

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")


def _seed() -> tuple[str, list[str], list[str]]:
    lines = [l.strip() for l in SEED.read_text(encoding="utf-8").splitlines() if l.strip()]
    title = lines[1]
    byline = next(i for i, l in enumerate(lines) if l.startswith("by "))
    return title, lines[2:byline], lines[byline:]


def _page(body_html: str, title: str) -> RawPage:
    doc = (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
           f"<meta property='og:type' content='article'>"
           f"<meta property='article:published_time' content='2015-03-29T00:00:00+00:00'>"
           f"<meta name='author' content='by Our Foreign Desk'></head><body>{body_html}</body></html>")
    return RawPage(url="http://127.0.0.1/world/assad-forces-driven-out", source="seed",
                   fetched_at="2026-01-01T00:00:00Z", status=200, content_type="text/html",
                   body=doc.encode("utf-8"))


def _ps(lines: list[str]) -> str:
    return "".join(f"<p>{html.escape(l)}</p>" for l in lines)


def _layouts() -> dict[str, str]:
    title, paras, tail = _seed()
    appeal = tail[1:]
    h1 = f"<h1>{html.escape(title)}</h1>"
    skip = "<a href='#main'>Skip to main content</a>"
    return {
        "flat": f"{skip}{h1}{_ps(paras)}{_ps(tail)}",
        "article_end": f"{skip}<article>{h1}{_ps(paras)}{_ps(tail)}</article>",
        "article_start": f"{skip}<article>{h1}{_ps(appeal)}{_ps(paras)}<p>{tail[0]}</p></article>",
        "article_middle": f"{skip}<article>{h1}{_ps(paras[:6])}{_ps(appeal)}{_ps(paras[6:])}</article>",
        "flat_div": f"<div>{skip}</div><div>{h1}{_ps(paras)}<div>{_ps(appeal)}</div></div>",
    }


@pytest.mark.parametrize("layout", sorted(_layouts()))
def test_seed_paragraphs_kept_and_appeal_removed(layout: str) -> None:
    title, paras, _tail = _seed()
    article = clean(_page(_layouts()[layout], title))
    assert article is not None
    assert len(paras) == 13
    for para in paras:
        assert para in article.text, para[:50]
    for phrase in FORBIDDEN:
        assert phrase.lower() not in article.text.lower(), phrase


def test_seed_metadata() -> None:
    title, _paras, _tail = _seed()
    article = clean(_page(_layouts()["article_end"], title))
    assert article is not None
    assert article.title == title
    assert article.authors == ("Our Foreign Desk",)
    assert article.published is not None and article.published.startswith("2015-03-29")
    assert article.language == "en"
