"""The article's headline as readers see it, chosen between what the page declares and its <h1>.

Publishers declare an SEO or social title (JSON-LD headline, og:title) that often carries the site
name, a date, a kicker or a live-blog prefix around the visible headline. The visible <h1> is the
headline when the declared title is that <h1> plus such a prefix or suffix. Titles are stored as
published: only spacing is collapsed, no character is dropped (normalise for search, not storage).
"""
from __future__ import annotations

import re

from lxml.html import HtmlElement

from transforms.text import words_key

_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " / ")


def strip_site_suffix(title: str | None, site_name: str | None, tree: HtmlElement) -> str | None:
    """"Headline - Site.de" -> "Headline": the suffix goes when it names the site or the <h1> lacks it."""
    if not title:
        return None
    h1s = {" ".join(h.text_content().split()) for h in tree.iter("h1")}
    site = (site_name or "").lower()
    for sep in _SUFFIX_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if not found or not head:
            continue
        tail_l = tail.lower().strip()
        if head in h1s or (site and (tail_l in site or site in tail_l)) or re.search(r"\.\w{2,4}$", tail_l):
            return head.strip()
    return title


def _h1s(tree: HtmlElement) -> list[str]:
    """The page's first <h1> texts, spacing collapsed, every other character kept as published."""
    return [text for h in tree.iter("h1") if (text := " ".join(h.text_content().split()))][:3]


def headline(declared: str | None, h1s: list[str]) -> str | None:
    """The headline readers see: the <h1> when the declared (SEO/social) title is that headline plus
    a prefix or suffix ("LIVE: ...", "Kicker: ...", "... | Site | date"); the declared title otherwise;
    the first <h1> when nothing is declared. Stored as published (U+200B, U+202E... kept)."""
    if not declared:
        return h1s[0] if h1s else None
    whole = words_key(declared)
    for h1 in h1s:
        part = words_key(h1)
        if part != whole and part.count(" ") >= 2 and (whole.startswith(part + " ") or whole.endswith(" " + part)):
            return h1
    return declared
