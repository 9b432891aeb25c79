"""spiders.resolver: addresses are checked after DNS resolution, in a real crawl process too.

The real crawls use the name `localhost`, which passes every check on the URL text and resolves (from
/etc/hosts) to 127.0.0.1: the only address these tests ever connect to.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import CannotResolveHostError
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.interfaces import IHostnameResolver, IResolutionReceiver
from zope.interface import implementer

import site_server
from spiders.crawl import run_crawl
from spiders.resolver import AddressGuardMiddleware, AddressRefused, GuardedResolver
from transforms.models import RawPage


@implementer(IHostnameResolver)
class FakeDNS:
    """Answers every name with the given addresses; nothing leaves the process."""

    def __init__(self, *addresses: str) -> None:
        self.addresses = addresses

    def resolveHostName(self, receiver, hostName, portNumber=0, addressTypes=None, transportSemantics="TCP"):  # noqa: N802, N803
        receiver.resolutionBegan(None)
        for host in self.addresses:
            receiver.addressResolved((IPv6Address if ":" in host else IPv4Address)("TCP", host, portNumber))
        receiver.resolutionComplete()


@implementer(IResolutionReceiver)
class Receiver:
    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.complete = False

    def resolutionBegan(self, resolution) -> None:  # noqa: N802
        pass

    def addressResolved(self, address) -> None:  # noqa: N802
        self.addresses.append(address.host)

    def resolutionComplete(self) -> None:  # noqa: N802
        self.complete = True


def resolve(guard: GuardedResolver, host: str = "news.example.org") -> list[str]:
    receiver = Receiver()
    guard.resolveHostName(receiver, host, 443)
    assert receiver.complete
    return receiver.addresses


def test_a_public_name_resolving_to_metadata_or_private_addresses_gets_no_address():
    assert resolve(GuardedResolver(FakeDNS("93.184.216.34"), allow_private=False)) == ["93.184.216.34"]
    metadata = GuardedResolver(FakeDNS("169.254.169.254"), allow_private=True)
    assert resolve(metadata) == []
    assert metadata.refusals == {"news.example.org": "link-local address 169.254.169.254"}
    private = GuardedResolver(FakeDNS("10.0.0.5"), allow_private=False)
    assert resolve(private) == [] and "private address 10.0.0.5" in private.refusals["news.example.org"]
    assert resolve(GuardedResolver(FakeDNS("10.0.0.5"), allow_private=True)) == ["10.0.0.5"]


def test_one_bad_address_among_good_ones_refuses_the_name():
    guard = GuardedResolver(FakeDNS("93.184.216.34", "::ffff:169.254.169.254"), allow_private=False)
    assert resolve(guard, "bücher.example") == []
    assert "169.254.169.254" in guard.refusals["xn--bcher-kva.example"]  # keyed as URLs spell the host


def test_the_middleware_names_the_refusal_instead_of_a_dns_failure():
    middleware = AddressGuardMiddleware(allow_private=False)
    middleware.guard = GuardedResolver(FakeDNS("169.254.169.254"), allow_private=False)
    resolve(middleware.guard, "xn--bcher-kva.example")
    request = Request("https://bücher.example/a")
    with pytest.raises(AddressRefused, match="link-local address 169.254.169.254"):
        middleware.process_exception(request, CannotResolveHostError("no results"))
    assert middleware.process_exception(Request("https://other.example/"), CannotResolveHostError("x")) is None
    with pytest.raises(AddressRefused, match="link-local"):
        middleware.process_request(Request("http://[::ffff:169.254.169.254]/"))
    assert middleware.process_request(Request("https://news.example.org/")) is None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> site_server.SiteServer:
    root = tmp_path_factory.mktemp("resolver") / "site"
    site_server.build_site(root)
    srv = site_server.start(root)
    yield srv
    srv.shutdown()


def crawl_localhost(server: site_server.SiteServer, out: Path, allow_private: bool) -> dict[str, RawPage]:
    base = f"http://localhost:{server.server_address[1]}"
    run_crawl({"name": "lh", "start_urls": [f"{base}/about.html"], "allow_private": allow_private,
               "politeness": {"depth_limit": 0, "download_delay": 0.01, "retry_times": 0}}, out)
    pages = [RawPage.from_json(json.loads(line)) for line in out.read_text().splitlines()]
    return {p.url.removeprefix(base): p for p in pages}


def test_a_crawl_never_connects_to_a_name_that_resolves_to_loopback(server, tmp_path):
    server.requests.clear()
    pages = crawl_localhost(server, tmp_path / "pages.jsonl", allow_private=False)
    assert server.requests == []  # robots.txt included
    assert [(url, p.status, p.error) for url, p in pages.items()] == [
        ("/about.html", None, "refused: loopback address 127.0.0.1 (set allow_private = true on the source to allow it)")]


def test_a_source_that_allows_private_addresses_is_crawled(server, tmp_path):
    server.requests.clear()
    pages = crawl_localhost(server, tmp_path / "pages.jsonl", allow_private=True)
    assert pages["/about.html"].status == 200
    assert server.paths() == ["/robots.txt", "/about.html"]
