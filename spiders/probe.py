"""Has a source changed at all? A few conditional GETs before paying for a crawl process.

A scheduled run calls `source_unchanged()` per source; True lets it skip `run_crawl()` for that source,
which saves starting a crawl process (~1-2 s) and every spider request of an unchanged source. Only a
304 on every entry point (feeds, sitemaps, start URLs, plus any stored sitemap/feed documents the caller
passes as `extra_urls`) counts as unchanged; anything unclear means "crawl normally".

Limitation: a change reachable only through deeper listing pages, while no entry point changed, is found
on the next run where an entry point changes.

The probe obeys the same guard as the crawl (spiders.guard): every connection goes to an address
checked after resolution (`guarded_connection`), never through a proxy from the environment, and a
refused URL simply means "crawl normally" (the crawl records the refusal).
"""
from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Sequence
from functools import partial
from http.client import HTTPConnection, HTTPException, HTTPSConnection
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import (HTTPHandler, HTTPRedirectHandler, HTTPSHandler, OpenerDirector, ProxyHandler, Request,
                            build_opener)

from protego import Protego

from spiders.guard import address_refusal, refusal
from spiders.source import Source

log = logging.getLogger(__name__)

ROBOTS_MAX_BYTES = 500_000  # what Google reads of a robots.txt; the rest is ignored
FETCH_ERRORS = (OSError, HTTPException, ValueError)  # URLError, timeouts and refused connections are OSErrors


class _NoRedirect(HTTPRedirectHandler):
    """A 3xx is an answer, not a hop: the spiders follow redirects themselves and record each one."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class AddressRefusedError(OSError):
    """The probe will not connect to this address (spiders.guard); an OSError, so it means 'changed'."""


def guarded_connection(address: tuple[str, int], timeout: Any = socket._GLOBAL_DEFAULT_TIMEOUT,  # type: ignore[attr-defined]
                       source_address: tuple[str, int] | None = None, *, allow_private: bool = False) -> socket.socket:
    """socket.create_connection that resolves first, checks every address, then connects to a checked one."""
    host, port = address
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    for *_, sockaddr in infos:
        if why := address_refusal(ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0]), allow_private):
            raise AddressRefusedError(f"refused: {why}")
    error: OSError = OSError(f"no address for {host}")
    for *_, sockaddr in infos:  # each checked address in turn, as socket.create_connection would
        try:
            return socket.create_connection((str(sockaddr[0]), port), timeout, source_address)
        except OSError as exc:
            error = exc
    raise error


class _GuardedHTTP(HTTPConnection):
    def __init__(self, *args: Any, allow_private: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = partial(guarded_connection, allow_private=allow_private)


class _GuardedHTTPS(HTTPSConnection):
    def __init__(self, *args: Any, allow_private: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # TLS still verifies the certificate for the host name
        self._create_connection = partial(guarded_connection, allow_private=allow_private)


class _GuardedHTTPHandler(HTTPHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def http_open(self, req: Request) -> Any:
        return self.do_open(partial(_GuardedHTTP, allow_private=self.allow_private), req)


class _GuardedHTTPSHandler(HTTPSHandler):
    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def https_open(self, req: Request) -> Any:
        return self.do_open(partial(_GuardedHTTPS, allow_private=self.allow_private), req, context=self._context)


def _opener(allow_private: bool = False) -> OpenerDirector:
    """urllib without redirects, proxies from the environment, or connections spiders.guard refuses."""
    return build_opener(ProxyHandler({}), _NoRedirect, _GuardedHTTPHandler(allow_private),
                        _GuardedHTTPSHandler(allow_private))


def _robots(url: str, opener: OpenerDirector, agent: str, timeout: float) -> Protego | None:
    """The host's parsed robots.txt; an empty one for 4xx (no rules); None when it cannot be read."""
    parts = urlsplit(url)
    robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
    try:
        with opener.open(Request(robots_url, headers={"User-Agent": agent}), timeout=timeout) as resp:
            body = resp.read(ROBOTS_MAX_BYTES)
    except HTTPError as exc:
        if 400 <= exc.code < 500:
            return Protego.parse("")
        log.info("probe: %s answered %d", robots_url, exc.code)
        return None
    except FETCH_ERRORS as exc:
        log.info("probe: cannot read %s: %s", robots_url, exc)
        return None
    return Protego.parse(body.decode("utf-8", errors="replace"))


def _not_modified(url: str, known: dict[str, Any], opener: OpenerDirector, agent: str, timeout: float) -> str | None:
    """None when the conditional GET answers 304, else why the URL counts as changed."""
    headers = {"User-Agent": agent}
    if known.get("etag"):
        headers["If-None-Match"] = known["etag"]
    if known.get("last_modified"):
        headers["If-Modified-Since"] = known["last_modified"]
    try:
        with opener.open(Request(url, headers=headers), timeout=timeout) as resp:
            return f"answered {resp.status}"
    except HTTPError as exc:
        return None if exc.code == 304 else f"answered {exc.code}"
    except FETCH_ERRORS as exc:
        return f"failed: {exc}"


def _allowed(urls: list[str], opener: OpenerDirector, agent: str, timeout: float) -> list[str] | None:
    """The URLs robots.txt lets the source fetch (robots.txt read once per host); None if one is unreadable."""
    parsers: dict[str, Protego | None] = {}
    kept = []
    for url in urls:
        host = urlsplit(url)._replace(path="", query="", fragment="").geturl()
        if host not in parsers:
            parsers[host] = _robots(url, opener, agent, timeout)
        parser = parsers[host]
        if parser is None:
            return None
        if parser.can_fetch(url, agent):
            kept.append(url)
        else:
            log.info("probe: %s is disallowed by robots.txt, not probed", url)
    return kept


def source_unchanged(source: Source | dict[str, Any], state: dict[str, Any] | None, *, timeout: float = 10.0,
                     extra_urls: Sequence[str] = ()) -> bool:
    """True only when every entry point (and extra URL) robots.txt allows answers 304 to its stored validators."""
    source = source if isinstance(source, Source) else Source.model_validate(source)
    name, polite = source.name, source.politeness
    agent, timeout = polite.user_agent, min(timeout, polite.timeout)
    urls = list(dict.fromkeys([*source.urls(), *extra_urls]))
    pages: dict[str, Any] = (state or {}).get("pages") or {}
    if not pages or not urls:
        log.info("probe %s: no crawl state, crawling", name)
        return False
    refused = [url for url in urls if refusal(url, source.allow_private)]
    if refused:
        log.info("probe %s: %s is refused, crawling", name, refused[0][:200])
        return False
    opener = _opener(source.allow_private)
    allowed = _allowed(urls, opener, agent, timeout) if polite.obey_robots else urls
    if not allowed:
        log.info("probe %s: %s, crawling", name, "robots.txt unreadable" if allowed is None else "nothing to probe")
        return False
    for url in allowed:
        known = pages.get(url) or {}
        if not (known.get("etag") or known.get("last_modified")):
            log.info("probe %s: no validators stored for %s, crawling", name, url)
            return False
    for url in allowed:
        why = _not_modified(url, pages[url], opener, agent, timeout)
        if why is not None:
            log.info("probe %s: %s %s, crawling", name, url, why)
            return False
    log.info("probe %s: all %d probed URLs answered 304, skipping the crawl", name, len(allowed))
    return True
