"""Article metadata from the markup publishers put there for machines.

Order of trust: schema.org JSON-LD (the article object), then Open Graph / article:* / Dublin Core
meta tags, then trafilatura's own heuristics (which run htmldate for the date). JSON-LD and meta
tags keep the full timestamp with its offset; the heuristics only give a day. Everything here reads
an already parsed lxml tree and never raises on odd markup: a missing field is None.
"""
from __future__ import annotations

import html
import json
import logging
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement
from trafilatura.metadata import extract_author, extract_metadata
from trafilatura.settings import Document

from transforms import urls
from transforms.headline import _h1s, headline, strip_site_suffix
from transforms.text import words_key

log = logging.getLogger(__name__)
_EMPTY = Document()

RULES = Path(__file__).with_name("rules")
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
    "socialmediaposting", "liveblogposting", "report", "scholarlyarticle", "techarticle",
    "satiricalarticle", "advertisercontentarticle", "medicalscholarlyarticle", "review",
})
PAGE_TYPES = frozenset({
    "webpage", "collectionpage", "website", "aboutpage", "profilepage", "searchresultspage",
    "contactpage", "itemlist", "faqpage", "person", "organization", "newsmediaorganization",
})


@dataclass(frozen=True)
class PageMeta:
    """What the page says about itself, before any text extraction."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    language: str | None = None
    site_name: str | None = None
    section: str | None = None
    categories: tuple[str, ...] = ()
    description: str | None = None
    lead_image: str | None = None
    canonical_url: str | None = None
    og_type: str | None = None
    ld_types: frozenset[str] = frozenset()
    accessible_for_free: bool | None = None
    body_words: int | None = None  # length of the body the publisher declares (JSON-LD wordCount/articleBody)
    seo_title: str | None = None  # the declared (og/JSON-LD) title when the visible headline differs
    tags: dict[str, str] = field(default_factory=dict)  # first value of every <meta> tag

    @property
    def says_article(self) -> bool:
        return bool(self.ld_types & ARTICLE_TYPES) or (self.og_type or "").startswith("article")

    @property
    def says_not_article(self) -> bool:
        """The page declares a non-article type and no article type anywhere."""
        if self.says_article:
            return False
        return bool(self.ld_types & PAGE_TYPES - {"webpage", "organization", "newsmediaorganization",
                                                   "website", "person"}) or self.og_type in {"profile"}


# ----------------------------------------------------------------------------- JSON-LD
def json_ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """All JSON-LD objects of the page, @graph and lists flattened; broken blocks skipped."""
    objs: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:  # a common defect: trailing commas or control characters
                data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ")), strict=False)
            except ValueError:
                log.debug("unparseable JSON-LD block skipped")
                continue
        objs.extend(_flatten(data))
    return objs


def _flatten(data: Any) -> Iterable[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        main = data.get("mainEntity")
        if isinstance(main, (dict, list)):
            yield from _flatten(main)


def ld_types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower().rsplit("/", 1)[-1] for k in kinds if k}


def _article_object(objs: list[dict[str, Any]]) -> dict[str, Any]:
    for obj in objs:
        if ld_types(obj) & ARTICLE_TYPES:
            return obj
    return {}


def _names(value: Any, by_id: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Names from a JSON-LD author/publisher value (string, object or list of either).

    A person may be given as given/family name only, or as a bare {"@id"} pointing at an object
    elsewhere in the @graph."""
    if isinstance(value, list):
        return [n for item in value for n in _names(item, by_id)]
    if isinstance(value, dict):
        if "name" not in value and by_id and value.get("@id") in by_id:
            value = by_id[value["@id"]]
        parts = [value.get("givenName"), value.get("familyName")]
        joined = " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
        return _names(value.get("name")) or ([joined] if joined else [])
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []


def _first_str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id") or value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


# ----------------------------------------------------------------------------- meta tags
def meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    """Every content of each <meta property|name|itemprop>, keys lower-cased, in page order."""
    found: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), []).append(value.strip())
    return found


# ----------------------------------------------------------------------------- authors
@lru_cache(maxsize=1)
def _author_rules() -> dict[str, Any]:
    rules = tomllib.loads((RULES / "authors.toml").read_text(encoding="utf-8"))
    prefixes = sorted(rules["prefixes"], key=len, reverse=True)
    return {
        "prefix": re.compile(r"^\s*(?:" + "|".join(re.escape(p) for p in prefixes) + r")(?:\s+|:\s*)",
                             re.I),
        "split": re.compile(r"\s*(?:" + "|".join(rules["separators"]) + r")\s*", re.I),
        "roles": frozenset(w.lower() for w in rules["role_words"]),
        "not_person": re.compile(r"^(?:" + "|".join(rules["not_person"]) + r")$", re.I),
    }


def clean_authors(raw: Iterable[str]) -> tuple[str, ...]:
    """Person names from bylines: "By Jane Doe and John Roe, Political Editor" -> (Jane, John)."""
    rules = _author_rules()
    out: list[str] = []
    for line in raw:
        line = re.sub(r"\s+", " ", line or "").strip(" \t-–—|:·")
        line = rules["prefix"].sub("", line)
        for part in rules["split"].split(line):
            part = rules["prefix"].sub("", part.strip(" -–—|:·.()")).strip()
            if not part or len(part) > 80 or rules["not_person"].match(part):
                continue
            if set(re.findall(r"\w+", part.lower())) & rules["roles"]:
                continue
            if part.lower() not in (o.lower() for o in out):
                out.append(part)
    return _without_partial_names(out)


def _without_partial_names(names: list[str]) -> tuple[str, ...]:
    """A name whose words all belong to another name of the same byline ("Jane" beside "Jane Doe",
    a byline split at a comma) is that person again, not a second author."""
    keys = [set(words_key(n).split()) for n in names]
    return tuple(n for n, k in zip(names, keys) if not any(k < other for other in keys))


# ----------------------------------------------------------------------------- dates
def iso_datetime(value: Any) -> str | None:
    """ISO 8601 string keeping the page's offset; date-only values stay dates."""
    text = _first_str(value) if not isinstance(value, str) else value.strip()
    if not text:
        return None
    text = re.sub(r"(\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)\s*(Z|[+-]\d{2}:?\d{2})$", r"\1\2", text)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text).isoformat()
        parsed = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None
    return parsed.isoformat()


# ----------------------------------------------------------------------------- URLs
def canonical_url(tree: HtmlElement, page_url: str, og_urls: list[str] | None = None) -> str:
    """The page's own canonical URL, normalised; foreign-host or home-page canonicals ignored.

    A canonical pointing at another host (syndication) or at the site root (a template bug) would
    merge distinct rows under one id, so those fall back to the fetched URL; so does one that is not
    a URL at all ("http://[x]/"), which must not cost us the article.
    """
    og = og_urls if og_urls is not None else meta_values(tree).get("og:url", [])
    candidates = [link.get("href", "") for link in tree.iter("link") if link.get("rel") == "canonical"] + og
    for href in candidates:
        absolute = absolute_url(page_url, href)
        if absolute and _acceptable_canonical(absolute, page_url):
            return urls.canonical_url(absolute)
    return urls.canonical_url(page_url)


def absolute_url(base: str, href: str) -> str | None:
    """`href` resolved against `base`, or None when it is not a usable URL (bad host, bad port)."""
    try:
        absolute = urljoin(base, href.strip())
        parts = urlsplit(absolute)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        return None
    return absolute if parts.scheme in ("http", "https") and parts.hostname else None


def _acceptable_canonical(candidate: str, page_url: str) -> bool:
    cand, page = urlsplit(candidate), urlsplit(page_url)
    same_host = cand.netloc.lower().removeprefix("www.") == page.netloc.lower().removeprefix("www.")
    home = cand.path.strip("/") == "" and page.path.strip("/") != ""
    return same_host and not home


# ----------------------------------------------------------------------------- assembly
def page_meta(tree: HtmlElement, page_url: str) -> PageMeta:
    """Collect metadata from JSON-LD, meta tags and trafilatura; see module docstring for order."""
    objs = json_ld_objects(tree)
    art = _article_object(objs)
    values = meta_values(tree)
    meta = {key: found[0] for key, found in values.items()}
    published = iso_datetime(art.get("datePublished")) or _meta_date(meta, "published")
    declared_title = _text(art.get("headline")) or _text(meta.get("og:title"))
    published = published or _time_element(tree)
    h1s = _h1s(tree)
    fallback = _trafilatura_meta(tree, page_url) if not (published and (declared_title or h1s)) else _EMPTY
    published = published or iso_datetime(fallback.date)
    categories = tuple(dict.fromkeys(
        c for c in [*_keywords(art.get("keywords")), *values.get("article:tag", []),
                    *(fallback.categories or []), *(fallback.tags or [])] if c))
    site_name = _text(meta.get("og:site_name")) or _first_name(art.get("publisher")) or fallback.sitename
    seo_title = strip_site_suffix(declared_title, site_name, tree)
    title = headline(seo_title, h1s) or strip_site_suffix(_text(fallback.title), site_name, tree)
    return PageMeta(
        title=title,
        seo_title=seo_title if seo_title != title else None,
        authors=clean_authors(
            _names(art.get("author"), {o["@id"]: o for o in objs if isinstance(o.get("@id"), str)})
            or values.get("author") or values.get("article:author") or _split_auth(fallback.author)
            or _byline(tree)),
        published=published,
        updated=iso_datetime(art.get("dateModified")) or _meta_date(meta, "modified"),
        language=_language(tree, art, meta),
        site_name=site_name,
        section=_text(_first_str(art.get("articleSection"))) or meta.get("article:section"),
        categories=categories[:20],
        description=_text(meta.get("og:description") or meta.get("description") or art.get("description")),
        lead_image=_image(art.get("image"), page_url) or _image(meta.get("og:image"), page_url),
        canonical_url=canonical_url(tree, page_url, values.get("og:url", [])),
        og_type=(meta.get("og:type") or "").lower() or None,
        ld_types=frozenset(t for obj in objs for t in ld_types(obj)),
        accessible_for_free=_free_flag(art, objs),
        body_words=declared_body_words(art),
        tags=meta,
    )


def declared_body_words(art: dict[str, Any]) -> int | None:
    """The body length the article object declares: its wordCount, else the words of its articleBody."""
    count = art.get("wordCount")
    if isinstance(count, (int, float, str)) and str(count).strip().isdigit():
        return int(str(count).strip()) or None
    body = art.get("articleBody")
    return len(re.findall(r"\w+", body)) or None if isinstance(body, str) else None


def _trafilatura_meta(tree: HtmlElement, page_url: str) -> Document:
    """trafilatura's heuristics (htmldate for the date): only run when the page declares too little."""
    try:
        return extract_metadata(tree, default_url=None, extensive=False)  # no URL: it loads a TLD list (0.4 s) for fields we do not use
    except Exception:  # noqa: BLE001 - metadata is optional, never fatal
        log.debug("trafilatura metadata failed for %s", page_url, exc_info=True)
        return _EMPTY


def _meta_date(meta: dict[str, str], kind: str) -> str | None:
    keys = {"published": ("article:published_time", "og:published_time", "datepublished",
                          "dc.date.issued", "dcterms.created", "date", "pubdate", "publish-date"),
            "modified": ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                         "last-modified")}[kind]
    for key in keys:
        if key in meta and (value := iso_datetime(meta[key])):
            return value
    return None


def _keywords(value: Any) -> list[str]:
    if isinstance(value, str):
        return [k.strip() for k in value.split(",") if k.strip()]
    if isinstance(value, list):
        return [k.strip() for k in value if isinstance(k, str) and k.strip()]
    return []


def _split_auth(value: str | None) -> list[str]:
    return [value] if value else []


def _byline(tree: HtmlElement) -> list[str]:
    """trafilatura's byline search in the markup, for pages without author metadata."""
    try:
        return _split_auth(extract_author(tree))
    except Exception:  # noqa: BLE001
        return []


def _first_name(value: Any) -> str | None:
    names = _names(value)
    return names[0] if names else None


def _text(value: Any) -> str | None:
    """Whitespace-normalised text; entities left escaped by the publisher ("&amp;ouml;") decoded."""
    return re.sub(r"\s+", " ", html.unescape(value)).strip() or None if isinstance(value, str) else None


def _time_element(tree: HtmlElement) -> str | None:
    """A <time datetime> marked as the publication time (keeps the time and offset htmldate drops)."""
    for value in tree.xpath('//time[@itemprop="datePublished"]/@datetime | //time[@pubdate]/@datetime'
                            ' | //article//time/@datetime | //header//time/@datetime')[:3]:
        if parsed := iso_datetime(value):
            return parsed
    return None


def _image(value: Any, page_url: str) -> str | None:
    url = _first_str(value)
    return absolute_url(page_url, url) if url else None


def _language(tree: HtmlElement, art: dict[str, Any], meta: dict[str, str]) -> str | None:
    for value in (tree.get("lang"), tree.get("xml:lang"), _first_str(art.get("inLanguage")),
                  meta.get("og:locale"), meta.get("content-language"), meta.get("language")):
        if isinstance(value, str) and (m := re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|$|\s)", value)):
            return m.group(1).lower()
    return None


def _free_flag(art: dict[str, Any], objs: list[dict[str, Any]]) -> bool | None:
    for obj in [art, *objs]:
        value = obj.get("isAccessibleForFree")
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
    return None
