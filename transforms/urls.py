"""The one canonical form of a URL, used for article ids, crawl seen-sets and duplicate URLs.

courlan (trafilatura's URL library) does the work: lower-cased scheme and host, default port and
fragment dropped, tracking parameters (utm_*, fbclid, gclid...) removed. A URL courlan cannot parse
is returned unchanged rather than raising: callers decide what to do with malformed URLs.
"""
from __future__ import annotations

import courlan


def canonical_url(url: str) -> str:
    """`url` in canonical form; unchanged when it cannot be parsed."""
    try:
        return courlan.normalize_url(url, strict=True)
    except (ValueError, TypeError):
        return url
