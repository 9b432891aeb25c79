"""Property-based tests (hypothesis) for URL handling (issue 10): whatever text a page, feed or sitemap
puts in a URL, the deciding functions answer with a reason or None and never raise, and a URL they accept
keeps its refused address refused. No packet is sent: only the deciding functions are called."""
from __future__ import annotations

import ipaddress

import pytest

hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed (it is in the lock)")
from hypothesis import given, settings, strategies as st  # noqa: E402

from spiders.guard import address_refusal, is_forbidden_address, refusal, url_problem  # noqa: E402
from transforms.urls import canonical_url  # noqa: E402

HOSTS = st.sampled_from(["news.example.org", "169.254.169.254", "127.0.0.1", "[::1]", "[::ffff:169.254.169.254]",
                         "2130706433", "0177.0.0.1", "xn--bcher-kva.example", "bücher.example", "[x]", "a b",
                         "10.0.0.5", "0.0.0.0", "example.org:99999", "user@example.org", "evil\\@example.org"])
URLS = st.one_of(
    st.text(max_size=300),
    st.builds(lambda scheme, host, path: f"{scheme}://{host}/{path}",
              st.sampled_from(["http", "https", "ftp", "file", "javascript", ""]), HOSTS, st.text(max_size=80)),
)


@settings(max_examples=400, deadline=None)
@given(URLS, st.booleans())
def test_url_checks_never_raise(url, allow_private):
    for answer in (url_problem(url), refusal(url, allow_private)):
        assert answer is None or (isinstance(answer, str) and answer)
    assert isinstance(canonical_url(url), str)


@settings(max_examples=300, deadline=None)
@given(st.ip_addresses())
def test_every_non_public_address_is_refused_without_the_opt_in(ip):
    refused = is_forbidden_address(ip)
    public = ip.is_global and not ip.is_multicast and not (
        ip.version == 6 and ip.ipv4_mapped is not None and not ip.ipv4_mapped.is_global)
    assert refused or public, ip
    if ip.version == 4:  # the same address in its IPv6-mapped form is judged the same way
        assert is_forbidden_address(ipaddress.IPv6Address(f"::ffff:{ip}")) == refused


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["169.254.169.254", "224.0.0.1", "0.0.0.0", "240.0.0.1", "fe80::1", "ff02::1", "::"]))
def test_link_local_multicast_reserved_and_unspecified_stay_refused_even_with_the_opt_in(text):
    assert address_refusal(ipaddress.ip_address(text), allow_private=True) is not None
