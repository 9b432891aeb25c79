"""The SSRF guard of the crawl process: addresses are checked after DNS resolution, before connecting.

`GuardedResolver` wraps the reactor's name resolver; a host with any resolved address that
`spiders.guard.address_refusal` rejects resolves to nothing, so no connection is ever attempted (a
name that answers with one public and one private address is refused whole: DNS rebinding). Every
hop of a redirect is a new request and goes through it again.

`AddressGuardMiddleware` installs the resolver (lazily: Scrapy installs its own resolver when the
reactor starts, after middlewares are built) with the crawl's ALLOW_PRIVATE_ADDRESSES setting, checks
the URL text of every request (robots.txt included), and turns the empty resolution into
`AddressRefused`, so the record reads "refused: link-local address 169.254.169.254" rather than a
DNS failure, and the request is not retried.
"""
from __future__ import annotations

import ipaddress
import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from twisted.internet import error as tx_error
from twisted.internet.interfaces import IAddress, IHostnameResolver, IHostResolution, IResolutionReceiver
from zope.interface import implementer

from spiders.guard import address_refusal, refusal

log = logging.getLogger(__name__)


class AddressRefused(IgnoreRequest):
    """A request newsdesk will not make; the message is the reason recorded on the raw page."""


def host_key(host: str) -> str:
    """One spelling of a host name for the refusal table (the resolver may see Unicode, URLs punycode)."""
    try:
        return host.lower().encode("idna").decode("ascii")
    except UnicodeError:
        return host.lower()


def resolved_refusal(addresses: Sequence[IAddress], allow_private: bool) -> str | None:
    """Why a host whose name resolved to these addresses must not be contacted, or None."""
    for address in addresses:
        host = str(getattr(address, "host", ""))
        try:
            ip = ipaddress.ip_address(host.split("%", 1)[0])  # drop an IPv6 zone index
        except ValueError:
            return f"resolved to an unusable address {host!r}"
        if why := address_refusal(ip, allow_private):
            return why
    return None


@implementer(IResolutionReceiver)
class _Checking:
    """Holds the addresses back until resolution is complete, then passes them on or none at all."""

    def __init__(self, receiver: IResolutionReceiver, host: str, guard: "GuardedResolver") -> None:
        self.receiver, self.host, self.guard = receiver, host, guard
        self.addresses: list[IAddress] = []

    def resolutionBegan(self, resolution: IHostResolution) -> None:  # noqa: N802 - Twisted interface
        self.receiver.resolutionBegan(resolution)

    def addressResolved(self, address: IAddress) -> None:  # noqa: N802
        self.addresses.append(address)

    def resolutionComplete(self) -> None:  # noqa: N802
        why = resolved_refusal(self.addresses, self.guard.allow_private)
        if why:
            log.warning("refusing %s: %s", self.host, why)
            self.guard.refusals[host_key(self.host)] = why
        else:
            for address in self.addresses:
                self.receiver.addressResolved(address)
        self.receiver.resolutionComplete()


@implementer(IHostnameResolver)
class GuardedResolver:
    """The reactor's resolver with every answer checked by spiders.guard."""

    def __init__(self, original: IHostnameResolver, allow_private: bool) -> None:
        self.original = original
        self.allow_private = allow_private
        self.refusals: dict[str, str] = {}  # host -> why its addresses were withheld

    def resolveHostName(self, resolutionReceiver: IResolutionReceiver, hostName: str,  # noqa: N802, N803
                        portNumber: int = 0, addressTypes: Sequence[type[IAddress]] | None = None,  # noqa: N803
                        transportSemantics: str = "TCP") -> IHostResolution:  # noqa: N803
        return self.original.resolveHostName(_Checking(resolutionReceiver, hostName, self), hostName,
                                             portNumber, addressTypes, transportSemantics)


def install(reactor: Any, allow_private: bool) -> GuardedResolver:
    """Put a GuardedResolver in front of the reactor's current resolver (once) and return it."""
    current = reactor.nameResolver
    if isinstance(current, GuardedResolver):
        current.allow_private = allow_private
        return current
    guard = GuardedResolver(current, allow_private)
    reactor.installNameResolver(guard)
    return guard


class AddressGuardMiddleware:
    """Downloader middleware: refuse by URL text, install the resolver guard, name its refusals."""

    def __init__(self, allow_private: bool) -> None:
        self.allow_private = allow_private
        self.guard: GuardedResolver | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "AddressGuardMiddleware":
        return cls(crawler.settings.getbool("ALLOW_PRIVATE_ADDRESSES"))

    def process_request(self, request: Request) -> None:
        if self.guard is None:
            from twisted.internet import reactor  # installed by now: the crawl is running

            self.guard = install(reactor, self.allow_private)
        if why := refusal(request.url, self.allow_private, max_length=len(request.url)):
            raise AddressRefused(why)

    def process_exception(self, request: Request, exception: Exception) -> None:
        if self.guard is None or not isinstance(exception, (CannotResolveHostError, tx_error.DNSLookupError)):
            return None
        why = self.guard.refusals.get(host_key(urlsplit(request.url).hostname or ""))
        if why:
            raise AddressRefused(why)
        return None
