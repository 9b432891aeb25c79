"""What newsdesk refuses to fetch: malformed or ambiguous URLs, and addresses inside the network.

Two questions, answered without any I/O so the config, the crawl process and the probe share them:

- `url_problem(url)`: can this URL be fetched as written? Too long, malformed (a port over 65535,
  a broken IPv6 literal), credentials in it, or a backslash in the host part are refused. Scrapy
  (w3lib) reads `https://169.254.169.254\\@news.example.org/` as host 169.254.169.254 while
  `urllib.parse` reads news.example.org; refusing the ambiguous form means no two parsers disagree.
- `address_refusal(ip, allow_private)`: may a connection go to this *resolved* address? The crawl
  process asks it after DNS resolution (`spiders.resolver`) and the probe before each connect, so a
  public name that resolves to 10.0.0.5 is caught, not only an IP written in the URL.

Link-local (169.254.0.0/16, fe80::/10: cloud metadata lives there), multicast, reserved and unspecified
addresses are refused always; loopback and private ranges only unless the source sets
`allow_private = true` (an intranet site, or the sample site on 127.0.0.1).
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from w3lib.url import safe_url_string

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

MAX_URL_LENGTH = 2083  # what browsers and Scrapy's URLLENGTH_LIMIT accept
NAT64 = ipaddress.ip_network("64:ff9b::/96")


def embedded_ipv4(ip: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, NAT64, compatible), if any."""
    if isinstance(ip, ipaddress.IPv4Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in NAT64 or (int(ip) >> 32 == 0 and int(ip) > 1):  # ::a.b.c.d (deprecated compatible form)
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _kind(ip: IPAddress) -> str | None:
    """The name of the range that makes an address unsafe to fetch from, or None when it is public."""
    checks = (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
              ("multicast", ip.is_multicast), ("reserved", ip.is_reserved), ("private", ip.is_private),
              ("non-public", not ip.is_global))
    if isinstance(ip, ipaddress.IPv4Address) and ip.packed[0] == 0:
        return "unspecified"  # 0.0.0.0/8 reaches this host on Linux
    return next((name for name, hit in checks if hit), None)


ALWAYS_REFUSED = frozenset({"unspecified", "link-local", "multicast", "reserved"})


def address_refusal(ip: IPAddress, allow_private: bool = False) -> str | None:
    """Why a connection to this resolved address is refused, or None when it may be made."""
    inner = embedded_ipv4(ip)
    kind = _kind(ip if inner is None else inner)  # a mapped address connects to the IPv4 inside
    if kind is None or (allow_private and kind not in ALWAYS_REFUSED):
        return None
    shown = str(ip) if inner is None else f"{ip} (= {inner})"
    hint = "" if kind in ALWAYS_REFUSED else " (set allow_private = true on the source to allow it)"
    return f"{kind} address {shown}{hint}"


def is_forbidden_address(ip: IPAddress, allow_private: bool = False) -> bool:
    """True when newsdesk must not connect to this resolved address."""
    return address_refusal(ip, allow_private) is not None


def literal_address(host: str) -> IPAddress | None:
    """The address a host written as an IP means to a resolver (127.1, 2130706433, 0177.0.0.1, [::1])."""
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    try:  # the classic inet_aton forms that getaddrinfo also accepts: decimal, octal, hex, short
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except (OSError, ValueError):
        return None


def fetched_form(url: str) -> str:
    """The URL as Scrapy will request it (w3lib's WHATWG-like reading); ValueError when impossible."""
    return safe_url_string(url)


def url_problem(url: str, max_length: int = MAX_URL_LENGTH) -> str | None:
    """Why a URL cannot be fetched as written (malformed, ambiguous, too long), or None."""
    if len(url) > max_length:
        return f"URL longer than {max_length} characters ({len(url)})"
    authority = url.split("://", 1)[1] if "://" in url else ""
    authority = authority.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if "\\" in authority:
        return "ambiguous URL: backslash in the host part"
    try:
        parts = urlsplit(fetched_form(url))
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError as exc:
        return f"malformed URL: {exc}"
    if parts.scheme not in ("http", "https"):
        return f"not an http(s) URL: scheme {parts.scheme or 'missing'!r}"
    if not parts.hostname or any(c in parts.hostname for c in " <>\"{}|^`%"):
        return "malformed URL: no valid host"
    if "@" in parts.netloc:
        return "URL with credentials (user@host)"
    if len(parts.geturl()) > max_length:
        return f"URL longer than {max_length} characters once encoded ({len(parts.geturl())})"
    return None


def host_refusal(url: str, allow_private: bool = False) -> str | None:
    """Why the address written as the host of a (well-formed) URL is refused, or None.

    Only literal addresses are decided here, before any lookup; names are checked once resolved.
    """
    ip = literal_address(urlsplit(fetched_form(url)).hostname or "")
    return address_refusal(ip, allow_private) if ip is not None else None


def refusal(url: str, allow_private: bool = False, max_length: int = MAX_URL_LENGTH) -> str | None:
    """Every check that can be made on the URL text: url_problem, then host_refusal."""
    return url_problem(url, max_length) or host_refusal(url, allow_private)
