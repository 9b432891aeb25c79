"""Access flag signals, non-article pages, and bad input that must give None instead of raising."""
from __future__ import annotations

import pytest

from transforms.clean import EXTRACTOR_VERSION, clean
from transforms.models import RawPage

BODY = "".join(
    f"<p>Paragraph {i} of the report describes how the regional water board spent the year repairing pipes "
    f"under the old town, and what residents of district {i} were told about the works.</p>" for i in range(8))


def page(head: str = "", body: str = BODY, url: str = "https://site.example/news/2025/water-board-report",
         **kw) -> RawPage:
    html = (f"<html lang='en'><head><title>Water board report</title><meta property='og:type' content='article'>"
            f"{head}</head><body><article><h1>Water board report</h1>{body}</article></body></html>")
    fields = dict(url=url, source="t", fetched_at="2025-01-01T00:00:00Z", status=200,
                  content_type="text/html", body=html.encode())
    fields.update(kw)
    return RawPage(**fields)


def test_free_article_and_version() -> None:
    article = clean(page())
    assert article is not None
    assert article.access == "free"
    assert article.extractor_version == EXTRACTOR_VERSION
    assert article.word_count > 150
    assert len(article.content_hash) == 40


def test_schema_org_not_free_is_metered_when_the_text_is_whole_and_paywalled_when_a_teaser() -> None:
    ld = '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>'
    assert clean(page(head=ld)).access == "metered"
    teaser = BODY[:BODY.index("</p>", 400) + 4]
    assert clean(page(head=ld, body=teaser)).access == "paywalled"


def test_paywall_container_is_paywalled() -> None:
    article = clean(page(body=BODY + '<div class="article-paywall"><p>Log in to read more.</p></div>'))
    assert article is not None and article.access == "paywalled"


def test_a_cut_text_on_a_page_saying_percent_remaining_is_paywalled() -> None:
    body = BODY + '<p>Il vous reste 57% de cet article à lire.</p><div class="paywall"></div>'
    assert clean(page(body=body)).access == "paywalled"


def test_subscribe_promo_after_a_whole_free_text_is_not_a_cut() -> None:
    long_body = BODY + BODY.replace("Paragraph", "Section") + "<p>Subscribe to continue reading award-winning journalism</p>"
    assert clean(page(body=long_body)).access == "free"


def test_subscribe_to_continue_is_truncated() -> None:
    body = BODY[:600] + "</p><p>Subscribe to continue reading this article.</p>"
    article = clean(page(body=body))
    assert article is not None and article.access == "truncated"
    assert "Subscribe to continue" not in article.text


@pytest.mark.parametrize("raw", [
    dict(body=b""), dict(body=None), dict(status=404), dict(error="timeout", status=None),
    dict(content_type="application/pdf", body=b"%PDF-1.4 binary"),
    dict(body=b"\xff\xfe\x00\x00\x81\x8d garbage \x00\x00"),
    dict(body=b"<html><body><p>Too short.</p></body></html>"),
])
def test_bad_input_gives_none(raw: dict) -> None:
    base = dict(url="https://site.example/news/x-y", source="t", fetched_at="2025-01-01T00:00:00Z",
                status=200, content_type="text/html", body=b"<html></html>")
    base.update(raw)
    assert clean(RawPage(**base)) is None


def _undeclared(url: str, body: str) -> RawPage:
    html = f"<html lang='en'><head><title>Site</title></head><body>{body}</body></html>"
    return RawPage(url=url, source="t", fetched_at="2025-01-01T00:00:00Z", status=200,
                   content_type="text/html", body=html.encode())


def test_listing_page_is_not_an_article() -> None:
    cards = "".join(f"<h2><a href='/news/story-{i}'>Headline number {i} about the town and the council</a></h2>"
                    f"<p>Teaser {i} says a little more about what happened in the town this week.</p>"
                    for i in range(12))
    assert clean(_undeclared("https://site.example/archive/2025/02/", cards)) is None


@pytest.mark.parametrize("path", ["/", "/tag/syria/", "/about/", "/author/jane-doe/", "/news/", "/news/page/3/"])
def test_index_like_urls_are_not_articles(path: str) -> None:
    assert clean(_undeclared("https://site.example" + path, BODY)) is None


def test_same_text_on_an_article_url_is_an_article() -> None:
    assert clean(_undeclared("https://site.example/news/2025/02/water-board-report", BODY)) is not None


def test_paywall_vendor_markup_on_a_full_article_is_not_a_paywall() -> None:
    long_body = "".join(f"<p>Section {i}: the board's auditors listed repairs in street {i}, with costs, delays "
                        f"and the contractors involved, and residents of block {i} described the works.</p>"
                        for i in range(20)) + '<div class="piano-container paywall-hidden"></div>'
    article = clean(page(body=long_body))
    assert article is not None and article.access == "free"


def test_content_tier_meta() -> None:
    locked = "<meta property='article:content_tier' content='locked'>"
    assert clean(page(head=locked)).access == "metered"  # the whole text is there
    assert clean(page(head=locked, body=BODY[:BODY.index("</p>", 400) + 4])).access == "paywalled"
    assert clean(page(head="<meta property='article:content_tier' content='free'>")).access == "free"


def test_article_with_a_big_related_sidebar_is_still_an_article() -> None:
    story = "".join(f"<p>Section {i}: the board's auditors listed repairs in street {i}, with costs, delays and "
                    f"the contractors involved, and residents of block {i} described the works.</p>" for i in range(16))
    sidebar = "".join(f"<h3><a href='/news/other-{i}'>Other story number {i} about the region</a></h3>"
                      for i in range(15))
    html = f"<article>{story}</article><aside>{sidebar}</aside>"
    assert clean(_undeclared("https://site.example/news/2025/02/water-board-report", html)) is not None
