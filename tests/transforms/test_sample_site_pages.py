"""clean() over every stored page of the bundled sample site, against what its manifest says a
correct pipeline extracts: article fields, clutter removed, non-article pages skipped, the
syndicated copy pointing at its original and same-event stories from other outlets kept apart."""
from __future__ import annotations

import dataclasses
import json
from functools import lru_cache
from pathlib import Path

import pytest

from transforms.clean import clean
from transforms.clutter import normalise
from transforms.dedup import duplicate_links
from transforms.models import Article, RawPage

SITE = Path(__file__).resolve().parents[2] / "sample_site"
MANIFEST = SITE / "manifest.json"
pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason="sample site not generated")
SKIP_KINDS = {"asset", "feed", "sitemap", "robots", "redirect", "disallowed"}


@lru_cache(maxsize=1)
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def base(outlet: str) -> str:
    return f"http://127.0.0.1:{8100 + sorted(manifest()['outlets']).index(outlet)}"


def raw_page(outlet: str, path: str, url_path: str | None = None) -> RawPage:
    entry = manifest()["outlets"][outlet]["pages"][path]
    body = (SITE / "outlets" / outlet / entry["file"]).read_bytes()
    for name in manifest()["outlets"]:
        body = body.replace(f"{{{{outlet:{name}}}}}".encode(), base(name).encode())
    return RawPage(url=base(outlet) + (url_path or path), source=outlet, fetched_at="2015-04-01T00:00:00Z",
                   status=entry["status"], content_type=entry["content_type"], body=body)


def pages(kind_filter) -> list[tuple[str, str]]:
    if not MANIFEST.exists():
        return []
    return [(o, path) for o, v in manifest()["outlets"].items() for path, p in v["pages"].items()
            if p.get("file") and kind_filter(p["kind"])]


@pytest.mark.parametrize("outlet,path", pages(lambda k: k == "article"))
def test_article_matches_manifest(outlet: str, path: str) -> None:
    want = manifest()["outlets"][outlet]["pages"][path]
    article = clean(raw_page(outlet, path))
    assert article is not None
    assert article.title == want["title"]
    assert list(article.authors) == want["authors"]
    assert (article.published or "").startswith(want["published"])
    assert article.access == want["access"]
    paragraphs = article.text.split("\n\n")
    # the visible standfirst is part of the article for us; the manifest counts body paragraphs only
    standfirst = int(bool(article.description) and normalise(paragraphs[0]) == normalise(article.description))
    assert len(paragraphs) - standfirst == want["paragraphs"]
    for snippet in want["must_contain"]:
        assert snippet in article.text
    for snippet in want["must_not_contain"]:
        assert snippet.lower() not in article.text.lower()


@pytest.mark.parametrize("outlet,path", pages(lambda k: k not in SKIP_KINDS | {"article"}))
def test_non_articles_are_skipped(outlet: str, path: str) -> None:
    assert clean(raw_page(outlet, path)) is None


@pytest.mark.parametrize("outlet,path", pages(lambda k: k == "article"))
def test_alternate_urls_share_the_canonical_id(outlet: str, path: str) -> None:
    first = clean(raw_page(outlet, path))
    assert first is not None
    for alternate in manifest()["outlets"][outlet]["pages"][path]["alternate_urls"]:
        other = clean(raw_page(outlet, path, url_path=alternate))
        assert other is not None and other.article_id == first.article_id


def test_syndicated_copy_points_at_original_and_same_event_stories_do_not() -> None:
    where: dict[str, tuple[str, str]] = {}
    articles: list[Article] = []
    for outlet, path in pages(lambda k: k == "article"):
        article = clean(raw_page(outlet, path))
        assert article is not None
        where[article.article_id] = (outlet, path)
        articles.append(article)
    syndicated = 0
    links = duplicate_links({"article_id": a.article_id, "text": a.text, "content_hash": a.content_hash}
                            for a in articles)
    for article in (dataclasses.replace(a, duplicate_of=links[a.article_id]) for a in articles):
        want = manifest()["outlets"][where[article.article_id][0]]["pages"][where[article.article_id][1]]
        original = want.get("syndicated_of")
        expected = (original["outlet"], original["path"]) if original else None
        assert (where[article.duplicate_of] if article.duplicate_of else None) == expected
        syndicated += expected is not None
    assert syndicated >= 1
