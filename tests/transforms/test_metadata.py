"""Metadata from JSON-LD, meta tags and markup: authors, dates with offsets, canonical URL, etc."""
from __future__ import annotations

import json

import pytest
from trafilatura.utils import load_html

from transforms.metadata import clean_authors, iso_datetime, page_meta


@pytest.mark.parametrize("raw,expected", [
    (["by Our Foreign Desk"], ("Our Foreign Desk",)),
    (["By Jane Doe and John Roe"], ("Jane Doe", "John Roe")),
    (["By Jane Doe, Political Editor"], ("Jane Doe",)),
    (["Von Anna Sleegers und Jens Müller"], ("Anna Sleegers", "Jens Müller")),
    (["Par Hélène Marsac"], ("Hélène Marsac",)),
    (["Jane Doe", "jane doe"], ("Jane Doe",)),
    (["https://facebook.com/janedoe"], ()),
    (["5 min read"], ()),
])
def test_clean_authors(raw: list[str], expected: tuple[str, ...]) -> None:
    assert clean_authors(raw) == expected


@pytest.mark.parametrize("raw,expected", [
    ("2015-03-29T14:05:00+03:00", "2015-03-29T14:05:00+03:00"),
    ("2015-03-29T14:05:00Z", "2015-03-29T14:05:00+00:00"),
    ("2015-03-29 14:05:00 +0100", "2015-03-29T14:05:00+01:00"),
    ("2015-03-29", "2015-03-29"),
    ("yesterday", None),
])
def test_iso_datetime_keeps_offsets(raw: str, expected: str | None) -> None:
    assert iso_datetime(raw) == expected


def test_canonical_url_is_the_one_canonical_form() -> None:
    """The page's canonical goes through transforms.urls.canonical_url: tracking dropped, ?idx= kept."""
    head = "<link rel='canonical' href='https://News.example/news_view.html?idx=8576&utm_source=feed#top'>"
    meta = page_meta(_tree(head), "https://news.example/news_view.html?idx=8576&page=1")
    assert meta.canonical_url == "https://news.example/news_view.html?idx=8576"


@pytest.mark.parametrize("url, expected", [
    ("https://News.example/a;jsessionid=1?x=1&utm_source=feed", "https://news.example/a;jsessionid=1?x=1"),
    ("https://news.example/path;v=2/story", "https://news.example/path;v=2/story"),
    ("https://news.example/a%3Bb", "https://news.example/a%3Bb"),
])
def test_canonical_url_keeps_path_parameters_as_written(url: str, expected: str) -> None:
    """The crawl requests the canonical URL: `;` must not become %3B (a different path to the server)."""
    from transforms.urls import canonical_url
    assert canonical_url(url) == expected


@pytest.mark.parametrize("href", ["http://[x]/", "https://news.example:99999/a", "javascript:void(0)"])
def test_unusable_canonical_or_image_url_falls_back(href: str) -> None:
    head = f"<link rel='canonical' href='{href}'><meta property='og:image' content='{href}'>"
    meta = page_meta(_tree(head), "https://news.example/a/story")
    assert meta.canonical_url == "https://news.example/a/story"
    assert meta.lead_image is None


def _tree(head: str, body: str = "<p>x</p>", lang: str = "en"):
    return load_html(f"<html lang='{lang}'><head>{head}</head><body>{body}</body></html>")


def test_json_ld_article_fields() -> None:
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "The Clarion"},
        {"@type": "NewsArticle", "headline": "Ceasefire talks resume", "datePublished": "2015-03-10T07:50:00+00:00",
         "dateModified": "2015-03-10T09:00:00+00:00", "author": [{"@type": "Person", "name": "By Tom Ellery"}],
         "articleSection": "World", "keywords": "venezuela, sanctions", "image": {"url": "/media/a.png"},
         "inLanguage": "en-GB", "publisher": {"name": "The Clarion"}, "isAccessibleForFree": "False"}]}
    head = (f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
            "<link rel='canonical' href='/news/ceasefire/?utm_source=x'>")
    meta = page_meta(_tree(head), "https://clarion.example/news/ceasefire/?utm_campaign=y")
    assert meta.title == "Ceasefire talks resume"
    assert meta.authors == ("Tom Ellery",)
    assert meta.published == "2015-03-10T07:50:00+00:00"
    assert meta.updated == "2015-03-10T09:00:00+00:00"
    assert meta.section == "World"
    assert meta.categories[:2] == ("venezuela", "sanctions")
    assert meta.lead_image == "https://clarion.example/media/a.png"
    assert meta.canonical_url == "https://clarion.example/news/ceasefire/"
    assert meta.accessible_for_free is False
    assert meta.says_article


def test_meta_tags_fallback_and_foreign_canonical_ignored() -> None:
    head = ("<meta property='og:title' content='Bridge to reopen'><meta property='og:site_name' content='Courier'>"
            "<meta property='article:published_time' content='2025-02-11T08:30:00+01:00'>"
            "<meta name='author' content='Von Sabine Krohn'><meta property='og:description' content='Short.'>"
            "<link rel='canonical' href='https://wire.example/original'>")
    meta = page_meta(_tree(head, lang="de-DE"), "https://courier.example/lokales/bruecke")
    assert (meta.title, meta.site_name, meta.description) == ("Bridge to reopen", "Courier", "Short.")
    assert meta.published == "2025-02-11T08:30:00+01:00"
    assert meta.authors == ("Sabine Krohn",)
    assert meta.language == "de"
    assert meta.canonical_url == "https://courier.example/lokales/bruecke"


def test_home_page_canonical_is_ignored() -> None:
    meta = page_meta(_tree("<link rel='canonical' href='https://site.example/'>"), "https://site.example/news/x-y")
    assert meta.canonical_url == "https://site.example/news/x-y"


def test_broken_json_ld_does_not_break_metadata() -> None:
    head = "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Ok\",}</script>"
    head += "<script type='application/ld+json'>{ this is not json</script>"
    meta = page_meta(_tree(head), "https://site.example/news/x-y")
    assert meta.title == "Ok"


@pytest.mark.parametrize("title,site,h1,expected", [
    ("Bridge to reopen - Golem.de", None, None, "Bridge to reopen"),
    ("Bridge to reopen | The Courier", "The Courier", None, "Bridge to reopen"),
    ("Bridge to reopen – Lokales", None, "Bridge to reopen", "Bridge to reopen"),
    ("Profits up - but for how long?", "The Courier", None, "Profits up - but for how long?"),
])
def test_site_suffix_stripped_from_titles(title: str, site: str | None, h1: str | None, expected: str) -> None:
    from transforms.metadata import strip_site_suffix

    tree = _tree("", f"<h1>{h1}</h1>" if h1 else "<p>x</p>")
    assert strip_site_suffix(title, site, tree) == expected


def test_double_escaped_entities_and_time_element() -> None:
    head = "<meta property='og:title' content='Kühltürme &amp;ouml; &amp;#039;gesprengt&amp;#039;'>"
    body = "<article><time datetime='2025-10-25T12:05:00+02:00'>25.10.</time><p>x</p></article>"
    meta = page_meta(_tree(head, body), "https://site.example/news/x-y")
    assert meta.title == "Kühltürme ö 'gesprengt'"
    assert meta.published == "2025-10-25T12:05:00+02:00"


def test_non_person_author_values_dropped() -> None:
    raw = ["d.kuckelkorn@boersen-zeitung.de", "nieuwsblad.be", "Deutsche Welle (www.dw.com)",
           "Professor of social studies at the faculty of the university", "Dominik Bath"]
    assert clean_authors(raw) == ("Dominik Bath",)


def test_a_first_name_beside_the_full_name_is_not_a_second_author() -> None:
    assert clean_authors(["Jane Doe", "Jane"]) == ("Jane Doe",)
    assert clean_authors(["By Jane Doe and John Roe"]) == ("Jane Doe", "John Roe")
