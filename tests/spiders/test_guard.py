"""spiders.guard: the deciding functions, on resolved addresses and on tricky URL text (no packet is sent)."""
from __future__ import annotations

import ipaddress

import pytest

from spiders.guard import address_refusal, is_forbidden_address, literal_address, refusal, url_problem

ip = ipaddress.ip_address


@pytest.mark.parametrize("address", [
    "169.254.169.254", "169.254.0.1", "fe80::1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe",
    "2002:a9fe:a9fe::1", "::a9fe:a9fe", "0.0.0.0", "0.1.2.3", "::", "224.0.0.251", "ff02::1", "240.0.0.1",
    "255.255.255.255",
])
def test_link_local_multicast_reserved_and_unspecified_are_refused_even_for_private_sources(address):
    assert is_forbidden_address(ip(address))
    assert is_forbidden_address(ip(address), allow_private=True)


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "10.0.0.5", "172.16.0.1", "192.168.1.1", "100.64.0.1",
    "fc00::1", "fd12:3456::1", "::ffff:10.0.0.5",
])
def test_loopback_and_private_are_refused_unless_the_source_allows_them(address):
    assert is_forbidden_address(ip(address))
    assert "allow_private = true" in address_refusal(ip(address))
    assert not is_forbidden_address(ip(address), allow_private=True)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses_are_allowed(address):
    assert address_refusal(ip(address)) is None


def test_the_reason_names_the_range_and_the_ipv4_inside_a_mapped_address():
    assert address_refusal(ip("169.254.169.254")) == "link-local address 169.254.169.254"
    assert address_refusal(ip("::ffff:169.254.169.254")) == "link-local address ::ffff:a9fe:a9fe (= 169.254.169.254)"


@pytest.mark.parametrize("host, address", [
    ("2130706433", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.0.0.1", "127.0.0.1"), ("127.1", "127.0.0.1"),
    ("[::1]", "::1"), ("[::ffff:169.254.169.254]", "::ffff:169.254.169.254"), ("news.example.org", None),
    ("xn--bcher-kva.example", None),
])
def test_literal_addresses_are_read_as_a_resolver_reads_them(host, address):
    assert literal_address(host) == (ip(address) if address else None)


@pytest.mark.parametrize("url, reason", [
    ("https://169.254.169.254\\@news.example.org/x", "ambiguous URL: backslash in the host part"),
    ("http://news.example.org\\@169.254.169.254/x", "ambiguous URL: backslash in the host part"),
    ("http://user:pw@news.example.org/", "URL with credentials (user@host)"),
    ("http://news.example.org@169.254.169.254/", "URL with credentials (user@host)"),
    ("http://news.example.org:99999/a", "malformed URL: Port out of range 0-65535"),
    ("http://[::1/", "malformed URL: Invalid IPv6 URL"),
    ("http://a b.example/", "malformed URL: no valid host"),
    ("http:///path-only", "malformed URL: no valid host"),
    ("javascript:alert(1)", "not an http(s) URL: scheme 'javascript'"),
    ("file:///etc/passwd", "not an http(s) URL: scheme 'file'"),
    ("http://news.example.org/" + "a" * 2100, "URL longer than 2083 characters (2124)"),
    ("http://news.example.org/" + "é" * 1000, "URL longer than 2083 characters once encoded (6024)"),
])
def test_urls_that_cannot_be_fetched_as_written(url, reason):
    assert url_problem(url) == reason


@pytest.mark.parametrize("url, refused", [
    ("http://2130706433/", "loopback address 127.0.0.1"),
    ("http://0177.0.0.1/", "loopback address 127.0.0.1"),
    ("http://[::ffff:169.254.169.254]/latest/", "link-local address"),
    ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
    ("http://[fe80::1]/", "link-local address fe80::1"),
    ("http://xn--bcher-kva.example/", None),
    ("http://bücher.example/ä", None),
    ("https://news.example.org:8443/a?b=c#d", None),
])
def test_literal_hosts_are_decided_before_any_lookup(url, refused):
    why = refusal(url)
    assert (why is None) if refused is None else (refused in why)


@pytest.mark.parametrize("address", ["169.254.169.254", "127.0.0.1", "10.0.0.5", "100.64.0.1", "0.0.0.0",
                                     "224.0.0.1", "8.8.8.8", "93.184.216.34"])
def test_ipv6_forms_of_an_ipv4_address_get_its_verdict(address):
    v4 = ipaddress.IPv4Address(address)
    forms = [ip(f"::ffff:{address}"), ip(f"64:ff9b::{address}"), ipaddress.IPv6Address((0x2002 << 112) | (int(v4) << 80))]
    for allow in (False, True):
        assert {is_forbidden_address(form, allow) for form in forms} == {is_forbidden_address(v4, allow)}
