"""Hostile and odd input to clean_page(): a reason instead of an exception, the article kept whenever a
field alone is broken, text decoded as published (issue 10, items 2, 3, 4 and 7)."""
from __future__ import annotations

import pytest

from transforms.clean import MAX_ELEMENTS, Cleaned, clean, clean_page
from transforms.decode import MAX_BYTES, decode_body
from transforms.models import RawPage

PARAS = "".join(
    f"<p>Paragraph {i} of the report describes how the regional water board spent the year repairing pipes "
    f"under the old town, and what residents of district {i} were told about the café on the square.</p>"
    for i in range(8))


def _page(body: bytes, content_type: str = "text/html; charset=utf-8",
          url: str = "https://site.example/news/2026/water-board-report") -> RawPage:
    return RawPage(url=url, source="t", fetched_at="2026-01-01T00:00:00Z", status=200,
                   content_type=content_type, body=body)


def _html(head: str = "", title: str = "Water board report", body: str = PARAS) -> str:
    return (f"<html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
            f"<meta property='og:type' content='article'>{head}</head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


@pytest.mark.parametrize("head", [
    "<link rel='canonical' href='http://[x]/'>", "<meta property='og:image' content='http://[x]/'>",
    "<meta property='og:url' content='https://site.example:99999/a'>",
])
def test_a_broken_url_field_never_costs_the_article(head: str) -> None:
    result = clean_page(_page(_html(head).encode()))
    assert result.article is not None and result.reason is None
    assert result.article.canonical_url == "https://site.example/news/2026/water-board-report"
    assert result.article.lead_image is None


@pytest.mark.parametrize("body, content_type, words", [
    (b"", "text/html", "empty body"),
    (b"   \n  ", "text/html", "empty body"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 10, "text/html", "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 300, "text/html", "binary"),
    (bytes(range(256)) * 20, "text/html", "binary"),
    (b"<html><body><p>Too short.</p></body></html>", "text/html", "words"),
    (b"%PDF-1.4", "application/pdf", "content type"),
])
def test_no_article_comes_with_a_reason(body: bytes, content_type: str, words: str) -> None:
    result = clean_page(_page(body, content_type))
    assert result.article is None and words in (result.reason or "")


def test_latin1_page_labelled_utf8_is_decoded_and_the_guess_recorded() -> None:
    result = clean_page(_page(_html().encode("latin-1")))
    assert result.article is not None and "café on the square" in result.article.text
    assert "\ufffd" not in result.article.text
    assert any("decoding fallback" in note for note in result.notes)


def test_a_short_latin1_page_labelled_utf8_reads_as_western_european_text() -> None:
    decoded = decode_body("<html><body><p>Café crème, naïve</p></body></html>".encode("latin-1"), "text/html; charset=utf-8")
    assert "Café crème, naïve" in (decoded.text or "") and decoded.note


def test_a_central_european_page_is_read_with_the_detected_charset() -> None:
    decoded = decode_body("<html><body><p>Příliš žluťoučký kůň úpěl ďábelské ódy.</p></body></html>".encode("cp1250"))
    assert "žluťoučký kůň" in (decoded.text or "")


def test_declared_charset_is_used_when_the_bytes_fit() -> None:
    text = decode_body("<p>Grüße</p>".encode("cp1252"), "text/html; charset=windows-1252")
    assert text.text == "<p>Grüße</p>" and text.note is None


def test_title_is_stored_as_published() -> None:
    title = "Water\u200bboard \u202ereport\u202c: what changes"
    article = clean(_page(_html(title=title).encode()))
    assert article is not None and article.title == title


def test_oversized_body_is_refused_with_a_reason() -> None:
    result = clean_page(_page(b"<html><body>" + b"<p>x</p>" * (MAX_BYTES // 8 + 1) + b"</body></html>"))
    assert result.article is None and "cap" in (result.reason or "")


def test_page_with_too_many_elements_is_refused_with_a_reason() -> None:
    body = "<div><span>x</span></div>" * (MAX_ELEMENTS // 2 + 10)
    result = clean_page(_page(_html(body=PARAS + body).encode()))
    assert result.article is None and "elements" in (result.reason or "")


def test_deeply_nested_page_gives_a_result_not_an_exception() -> None:
    nested = "<div>" * 100_000 + PARAS + "</div>" * 100_000
    result = clean_page(_page(_html(body=nested).encode()))
    assert isinstance(result, Cleaned) and (result.article is not None or result.reason)


hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

_TAGS = st.sampled_from(["p", "div", "article", "h1", "a", "script", "li", "blockquote", "table", "meta", "link"])
_FRAGMENT = st.recursive(
    st.text(max_size=40),
    lambda inner: st.builds(lambda tag, attr, kids: f"<{tag} {attr}>{''.join(kids)}</{tag}>",
                            _TAGS, st.sampled_from(["", "class='twitter-tweet'", "href='http://[x]/'",
                                                    "rel='canonical' href='::'", "property='og:image' content='//['"]),
                            st.lists(inner, max_size=4)),
    max_leaves=20)


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(body=st.binary(max_size=2000), content_type=st.sampled_from(["text/html", None, "text/html; charset=klingon"]))
def test_no_exception_escapes_on_arbitrary_bytes(body: bytes, content_type: str | None) -> None:
    result = clean_page(_page(body, content_type or ""))
    assert isinstance(result, Cleaned) and (result.article is not None or result.reason)


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(fragment=_FRAGMENT, url=st.sampled_from(["https://site.example/a/b", "http://[x]/", "::", ""]))
def test_no_exception_escapes_on_arbitrary_markup(fragment: str, url: str) -> None:
    result = clean_page(_page(_html(head=fragment, body=PARAS + fragment).encode("utf-8", "surrogatepass"), url=url))
    assert isinstance(result, Cleaned) and (result.article is not None or result.reason)
    assert not (result.reason or "").startswith("internal error")
