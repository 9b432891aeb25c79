"""Turn what Scrapy hands a spider (a response, or the failure of a request) into a RawPage record.

Every fetch becomes a record, so these functions never drop anything: a failure without a response
becomes status None with a short reason a person can read in the warehouse.
"""
from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import HtmlResponse, Response
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as tx_error
from twisted.python.failure import Failure

from spiders.frontier import REFUSED, ROBOTS_ERROR
from spiders.resolver import AddressRefused
from transforms.models import RawPage
from transforms.urls import canonical_url

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Every <a>/<area> link is followed whatever its extension: a linked PDF or image becomes a record
# ("non-html content: ..."), and the spiders stop such downloads at the headers (see stop_non_html).
LINKS = LinkExtractor(tags=("a", "area"), attrs=("href",), unique=True, deny_extensions=[])

# (exception types, reason prefix); the first match names the failure.
_REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, tx_error.TimeoutError, tx_error.TCPTimedOutError), "timeout"),
    ((CannotResolveHostError, tx_error.DNSLookupError), "dns lookup failed"),
    ((DownloadConnectionRefusedError, tx_error.ConnectionRefusedError), "connection refused"),
    ((ResponseDataLossError, DownloadFailedError, tx_error.ConnectionLost, tx_error.ConnectionDone),
     "connection lost"),
    ((tx_error.ConnectError,), "connection failed"),
)


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _header(headers: object, name: str) -> str | None:
    value = headers.get(name) if headers is not None else None  # type: ignore[attr-defined]
    return value.decode("latin-1").strip() if value else None


def mimetype(headers: object) -> str | None:
    """The bare media type of a Content-Type header (no parameters), lower case."""
    value = _header(headers, "Content-Type")
    if not value:
        return None
    return value.split(";", 1)[0].strip().lower() or None


def is_html(response: Response) -> bool:
    """Declared HTML, or undeclared and sniffed as HTML by Scrapy."""
    declared = mimetype(response.headers)
    return declared in HTML_TYPES if declared else isinstance(response, HtmlResponse)


def page_links(response: HtmlResponse) -> list[str]:
    """Absolute link targets of an HTML page in canonical form (no fragment, no tracking), in page order."""
    links = (canonical_url(link.url) for link in LINKS.extract_links(response))
    return list(dict.fromkeys(links))


def page_from_response(response: Response, source: str, via: str, *, keep_body: bool = True,
                       error: str | None = None, sitemap_lastmod: str | None = None) -> RawPage:
    """A record of a response as received; the body is dropped for 3xx/304 or when asked."""
    status = response.status
    location = _header(response.headers, "Location") if 300 <= status < 400 else None
    body = response.body if keep_body and not 300 <= status < 400 else None
    return RawPage(
        url=response.request.url if response.request is not None else response.url,
        source=source,
        fetched_at=utc_now(),
        final_url=response.url,
        status=status,
        error=error,
        via=via,
        content_type=_header(response.headers, "Content-Type"),
        etag=_header(response.headers, "ETag"),
        last_modified=_header(response.headers, "Last-Modified"),
        sitemap_lastmod=sitemap_lastmod,
        location=join_url(response.url, location) if location else None,
        body=body,
    )


def join_url(base: str, location: str) -> str:
    """The absolute redirect target; the header as sent when it cannot be joined (a malformed URL)."""
    try:
        return urljoin(base, location)
    except ValueError:
        return location


def failure_reason(failure: Failure, max_bytes: int | None = None) -> str:
    """A short reason for a request that produced no usable response."""
    exc = failure.value
    if isinstance(exc, AddressRefused):
        return f"{REFUSED}{exc}"
    if isinstance(exc, IgnoreRequest) and "robots.txt" in str(exc):
        return ROBOTS_ERROR
    oversize = isinstance(exc, IgnoreRequest) and "MAXSIZE" in str(exc)  # decompressed body too big
    if isinstance(exc, DownloadCancelledError) or oversize:
        return f"body over size cap ({max_bytes} bytes)" if max_bytes else "body over size cap"
    request = getattr(failure, "request", None)
    for types, reason in _REASONS:
        if not isinstance(exc, types):
            continue
        if reason == "timeout" and request is not None and request.meta.get("download_timeout"):
            return f"timeout after {request.meta['download_timeout']:g}s"
        if reason == "dns lookup failed" and request is not None:
            return f"{reason}: {urlsplit(request.url).hostname}"
        return reason
    return f"{type(exc).__name__}: {exc}".rstrip(": ")


def page_from_failure(failure: Failure, source: str, via: str, max_bytes: int | None = None,
                      sitemap_lastmod: str | None = None) -> RawPage:
    """A record of a failed request: status None (or the response's, for HttpError) and a reason."""
    exc = failure.value
    if isinstance(exc, HttpError):  # only when a caller disables handle_httpstatus_all
        return page_from_response(exc.response, source, via, sitemap_lastmod=sitemap_lastmod)
    request = failure.request  # type: ignore[attr-defined]
    return RawPage(url=request.url, source=source, fetched_at=utc_now(), status=None,
                   error=failure_reason(failure, max_bytes), via=via, sitemap_lastmod=sitemap_lastmod)
