"""The one canonical form of a URL, used for article ids, crawl seen-sets and duplicate URLs.

courlan (trafilatura's URL library) does the work: lower-cased scheme and host, default port dropped,
query parameters sorted, tracking parameters (utm_*, fbclid, gclid...) removed; the fragment is cut
here. Not courlan's `strict` mode: it drops every query parameter it does not know, so
`news_view.html?idx=8576` and `?idx=8577` would become one URL. A URL courlan cannot parse is
returned unchanged rather than raising: callers decide what to do with malformed URLs.
"""
from __future__ import annotations

from urllib.parse import urldefrag

import courlan


def canonical_url(url: str) -> str:
    """`url` in canonical form; unchanged when it cannot be parsed.

    The canonical form is also the URL the crawl requests, so path parameters stay as written: courlan
    percent-encodes `;` ("/a;jsessionid=1" -> "/a%3Bjsessionid=1"), which many servers (Java's session
    ids, CMS matrix parameters) read as another path and answer with a 404."""
    try:
        out = courlan.normalize_url(urldefrag(url)[0], strict=False)
    except (ValueError, TypeError):
        return url
    return out.replace("%3B", ";") if ";" in url and "%3b" not in url.lower() else out
