"""spiders.probe: conditional GETs against a local server decide whether a source needs a crawl."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from spiders.probe import AddressRefusedError, guarded_connection, source_unchanged

AGENT = "probe-test/1.0"
LAST_MODIFIED = "Mon, 23 Nov 2026 10:00:00 GMT"
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class Handler(BaseHTTPRequestHandler):
    """Routes from the server's `routes` table: path -> (status, headers); 304 on matching validators."""

    server: "ProbeServer"

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self.server.requests.append((self.path, dict(self.headers)))
        if self.path == "/robots.txt":
            status, body = self.server.robots
            return self._send(status, {"Content-Type": "text/plain"}, body)
        status, headers = self.server.routes.get(self.path, (404, {}))
        time.sleep(float(headers.get("X-Delay", 0)))  # a slow server, for the timeout case
        etag, modified = headers.get("ETag"), headers.get("Last-Modified")
        matches = (etag and self.headers.get("If-None-Match") == etag) or (
            modified and not etag and self.headers.get("If-Modified-Since") == modified)
        if status == 200 and matches:
            return self._send(304, headers, b"")
        self._send(status, headers, b"<p>body</p>" if status == 200 else b"")

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


class ProbeServer(ThreadingHTTPServer):
    daemon_threads = True
    requests: list[tuple[str, dict[str, str]]]
    routes: dict[str, tuple[int, dict[str, str]]]
    robots: tuple[int, bytes]


@pytest.fixture
def server() -> Iterator[ProbeServer]:
    srv = ProbeServer(("127.0.0.1", 0), Handler)
    srv.requests = []
    srv.robots = (200, ROBOTS)
    srv.routes = {
        "/feed.xml": (200, {"ETag": '"feed-1"'}),
        "/sitemap.xml": (200, {"Last-Modified": LAST_MODIFIED}),
        "/": (200, {"ETag": '"home-1"', "Last-Modified": LAST_MODIFIED}),
        "/sitemap-news.xml": (200, {"ETag": '"news-1"'}),
        "/moved": (301, {"Location": "/", "ETag": '"moved-1"'}),
        "/private/": (200, {"ETag": '"private-1"'}),
    }
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def base(server: ProbeServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def make_source(root: str, **overrides: Any) -> dict[str, Any]:
    source = {"name": "local", "feeds": [f"{root}/feed.xml"], "sitemaps": [f"{root}/sitemap.xml"],
              "start_urls": [f"{root}/"], "allowed_domains": ["127.0.0.1"], "allow_private": True,
              "politeness": {"user_agent": AGENT, "timeout": 2.0}}
    return {**source, **overrides}


def make_state(root: str) -> dict[str, Any]:
    """Validators as the last crawl stored them (the sitemap only has Last-Modified)."""
    return {"loaded": [], "pages": {
        f"{root}/feed.xml": {"etag": '"feed-1"', "last_modified": None, "sitemap_lastmod": None},
        f"{root}/sitemap.xml": {"etag": None, "last_modified": LAST_MODIFIED, "sitemap_lastmod": None},
        f"{root}/": {"etag": '"home-1"', "last_modified": LAST_MODIFIED, "sitemap_lastmod": None},
        f"{root}/sitemap-news.xml": {"etag": '"news-1"', "last_modified": None, "sitemap_lastmod": None},
        f"{root}/moved": {"etag": '"moved-1"', "last_modified": None, "sitemap_lastmod": None},
    }}


def paths(server: ProbeServer) -> list[str]:
    return sorted(path for path, _ in server.requests)


def test_no_state_means_crawl_without_a_request(server: ProbeServer) -> None:
    root = base(server)
    assert source_unchanged(make_source(root), None) is False
    assert source_unchanged(make_source(root), {"pages": {}, "loaded": []}) is False
    assert server.requests == []


def test_all_validators_match_sends_only_robots_and_conditional_gets(server: ProbeServer) -> None:
    root = base(server)
    assert source_unchanged(make_source(root), make_state(root)) is True
    assert paths(server) == ["/", "/feed.xml", "/robots.txt", "/sitemap.xml"]
    headers = dict(server.requests)
    assert all(h["User-Agent"] == AGENT for h in headers.values())
    assert headers["/feed.xml"]["If-None-Match"] == '"feed-1"'
    assert headers["/sitemap.xml"]["If-Modified-Since"] == LAST_MODIFIED
    assert headers["/"]["If-None-Match"] == '"home-1"'


def test_a_changed_etag_means_changed(server: ProbeServer) -> None:
    root = base(server)
    server.routes["/feed.xml"] = (200, {"ETag": '"feed-2"'})
    assert source_unchanged(make_source(root), make_state(root)) is False


def test_an_entry_point_without_validators_means_changed(server: ProbeServer) -> None:
    root = base(server)
    state = make_state(root)
    state["pages"][f"{root}/feed.xml"] = {"etag": None, "last_modified": None, "sitemap_lastmod": None}
    assert source_unchanged(make_source(root), state) is False
    assert "/feed.xml" not in paths(server)


def test_a_redirect_means_changed_and_is_not_followed(server: ProbeServer) -> None:
    root = base(server)
    source = make_source(root, start_urls=[f"{root}/moved"])
    assert source_unchanged(source, make_state(root)) is False
    assert paths(server).count("/") == 0  # the Location was not requested


def test_server_down_means_changed() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    root = f"http://127.0.0.1:{port}"  # closed: nothing listens there any more
    assert source_unchanged(make_source(root), make_state(root), timeout=1.0) is False
    no_robots = make_source(root, politeness={"user_agent": AGENT, "obey_robots": False})
    assert source_unchanged(no_robots, make_state(root), timeout=1.0) is False  # the GET itself fails


def test_a_timeout_means_changed(server: ProbeServer) -> None:
    root = base(server)
    server.routes["/feed.xml"] = (200, {"ETag": '"feed-1"', "X-Delay": "1.0"})
    assert source_unchanged(make_source(root), make_state(root), timeout=0.2) is False


def test_unreadable_robots_means_changed(server: ProbeServer) -> None:
    root = base(server)
    server.robots = (503, b"")
    assert source_unchanged(make_source(root), make_state(root)) is False
    assert paths(server) == ["/robots.txt"]


def test_missing_robots_allows_everything(server: ProbeServer) -> None:
    root = base(server)
    server.robots = (404, b"")
    assert source_unchanged(make_source(root), make_state(root)) is True


def test_entry_point_disallowed_by_robots_is_not_requested(server: ProbeServer) -> None:
    root = base(server)
    source = make_source(root, start_urls=[f"{root}/", f"{root}/private/"])  # no validators stored for it
    assert source_unchanged(source, make_state(root)) is True
    assert "/private/" not in paths(server)


def test_obey_robots_false_skips_robots(server: ProbeServer) -> None:
    root = base(server)
    source = make_source(root, politeness={"user_agent": AGENT, "obey_robots": False})
    assert source_unchanged(source, make_state(root)) is True
    assert "/robots.txt" not in paths(server)


def test_extra_urls_are_probed_too(server: ProbeServer) -> None:
    root = base(server)
    extra = [f"{root}/sitemap-news.xml"]
    assert source_unchanged(make_source(root), make_state(root), extra_urls=extra) is True
    assert "/sitemap-news.xml" in paths(server)
    server.routes["/sitemap-news.xml"] = (200, {"ETag": '"news-2"'})
    assert source_unchanged(make_source(root), make_state(root), extra_urls=extra) is False


def test_a_name_resolving_to_loopback_is_refused_after_resolution(server: ProbeServer) -> None:
    """`localhost` passes every check on the URL text; the resolved 127.0.0.1 / ::1 does not."""
    port = server.server_address[1]
    root = f"http://localhost:{port}"
    source = {**make_source(root), "allowed_domains": ["localhost"], "allow_private": False}
    assert source_unchanged(source, make_state(root)) is False
    assert server.requests == []  # refused before connecting, robots.txt included
    with pytest.raises(AddressRefusedError, match="refused: loopback address"):
        guarded_connection(("localhost", port), 2.0)
    guarded_connection(("localhost", port), 2.0, allow_private=True).close()  # the source opted in


def test_configured_urls_on_forbidden_addresses_are_refused_before_any_request(server: ProbeServer) -> None:
    root = base(server)
    source = {**make_source(root), "allow_private": False}
    with pytest.raises(ValueError, match="loopback address 127.0.0.1"):
        source_unchanged(source, make_state(root))
    extra = ["http://169.254.169.254/latest/meta-data/"]  # a stored document URL, not validated by the config
    assert source_unchanged(make_source(root), make_state(root), extra_urls=extra) is False
    assert server.requests == []
