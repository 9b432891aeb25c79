"""What one crawl process shares between its feed, sitemap and site-crawl spiders.

The three spiders run one after the other in one process; they share one `Frontier` so a URL is
requested at most once per crawl, the page budget is spent once, the crawl state (issue 5) is
consulted in one place and the final summary counts all three.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from spiders.guard import fetched_form, refusal
from spiders.source import Source
from transforms.models import RawPage
from transforms.urls import canonical_url

log = logging.getLogger(__name__)

ROBOTS_ERROR = "disallowed by robots.txt"
REFUSED = "refused: "  # prefix of the reason of every URL newsdesk would not request


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of the URL as Scrapy will fetch it, the default port made explicit.

    ValueError for a URL that cannot be fetched at all (see spiders.guard.url_problem).
    """
    parts = urlsplit(fetched_form(url))
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


def _host_in(host: str, domains: set[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


@dataclass
class Frontier:
    """Seen-set, scope, page budget, crawl state and counters of one crawl of one source."""

    source: Source
    state: dict[str, Any] = field(default_factory=dict)
    max_pages: int | None = None  # the source's politeness.max_pages unless given
    seen: set[str] = field(default_factory=set)
    counts: Counter[str] = field(default_factory=Counter)
    robots: dict[str, Any] = field(default_factory=dict)  # host -> parsed robots.txt, for all spiders
    links: MutableMapping[str, list[str]] = field(default_factory=dict)  # page -> its links, from feed/sitemap fetches

    def __post_init__(self) -> None:
        configured = self.source.urls()
        self.origins = {origin(u) for u in configured}
        domains = self.source.allowed_domains or [origin(u)[1] for u in configured]
        self.domains = {d.lower().lstrip(".") for d in domains}
        pattern = self.source.article_pattern
        self.article_re = re.compile(pattern) if pattern else None
        self.start_urls = {*self.source.start_urls, *map(canonical_url, self.source.start_urls)}
        self.max_pages = self.max_pages or self.source.politeness.max_pages
        self.known: dict[str, dict[str, Any]] = dict(self.state.get("pages") or {})
        self.loaded: set[str] = set(self.state.get("loaded") or [])

    @property
    def name(self) -> str:
        return self.source.name

    def refusal(self, url: str) -> str | None:
        """Why a URL found on the site must not be requested at all (recorded), or None.

        Malformed, ambiguous, over-long URLs and literal addresses the source may not reach; checked
        before the scope, so `https://169.254.169.254\\@site/` is refused, not silently out of scope.
        """
        return refusal(url, self.source.allow_private)

    def in_scope(self, url: str) -> bool:
        """Within the allowed domains and on the origin of one of the source's configured URLs.

        The origin check matters when several sites share a host (127.0.0.1 on different ports).
        The host is the one Scrapy would connect to; a URL that cannot be fetched is out of scope.
        """
        if self.refusal(url):
            return False
        scheme, host, port = origin(url)
        return _host_in(host, self.domains) and (scheme, host, port) in self.origins

    def is_article(self, url: str) -> bool:
        """Whether the source's article_pattern (path + query) marks this URL as an article."""
        if self.article_re is None:
            return False
        parts = urlsplit(url)
        return bool(self.article_re.search(parts.path + ("?" + parts.query if parts.query else "")))

    def first_time(self, key: str) -> bool:
        """Mark a canonical URL as handled; True only the first time (spiders.shared does it in Redis)."""
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    def forget(self, key: str) -> None:
        """Undo first_time() for a URL that was not requested after all (over the page budget)."""
        self.seen.discard(key)

    def take_budget(self) -> bool:
        """One page of the max_pages budget, if any is left (shared by all workers in spiders.shared)."""
        return self.counts["claimed"] < self.max_pages

    def claim(self, url: str) -> bool:
        """True once per URL and only while the page budget lasts: the caller may request it."""
        key = canonical_url(url)
        if not self.first_time(key):
            return False
        if not self.take_budget():
            self.forget(key)
            if not self.counts["skipped_budget"]:
                log.warning("%s: max_pages (%d) reached; not requesting more", self.name, self.max_pages)
            self.counts["skipped_budget"] += 1
            return False
        self.counts["claimed"] += 1
        return True

    def skip(self, url: str, why: str) -> None:
        """Mark a URL as handled without requesting it (unchanged per the crawl state)."""
        if self.first_time(canonical_url(url)):
            self.counts["skipped_unchanged"] += 1
            self.counts[f"skipped_{why}"] += 1

    def first_refusal(self, url: str) -> bool:
        """True the first time a refused URL is met: it is recorded once, and costs no page budget."""
        return self.first_time(canonical_url(url))

    def unchanged_in_sitemap(self, url: str, lastmod: str | None) -> bool:
        """The sitemap's lastmod equals the stored one. Start URLs are never skipped: the site
        crawl needs their links, even when the previous crawl stopped before following them."""
        known = self.known.get(url) or {}
        return lastmod is not None and known.get("sitemap_lastmod") == lastmod and url not in self.start_urls

    def already_loaded(self, url: str) -> bool:
        return url in self.loaded and url not in self.start_urls

    def validators(self, url: str) -> dict[str, str]:
        """Conditional request headers from what the last crawl stored for this URL.

        None for start URLs, whichever spider requests them: a 304 would leave the crawl without links.
        """
        known = {} if url in self.start_urls else self.known.get(url) or {}
        headers = {}
        if known.get("etag"):
            headers["If-None-Match"] = known["etag"]
        if known.get("last_modified"):
            headers["If-Modified-Since"] = known["last_modified"]
        return headers

    def count(self, page: RawPage) -> None:
        """Tally one written record for the summary."""
        self.counts["records"] += 1
        if page.error == ROBOTS_ERROR:
            self.counts["disallowed"] += 1
        elif page.error and page.error.startswith(REFUSED):
            self.counts["refused"] += 1
        else:
            self.counts["requested"] += 1
        if page.status == 304:
            self.counts["not_modified"] += 1
        if page.error or page.status is None or page.status >= 400:
            self.counts["errors"] += 1

    def summary(self) -> dict[str, Any]:
        keys = ("requested", "skipped_unchanged", "errors", "records", "not_modified", "disallowed", "refused",
                "skipped_sitemap_lastmod", "skipped_feed_loaded", "skipped_budget")
        return {"source": self.name, **{k: self.counts[k] for k in keys}}
