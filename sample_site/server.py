"""Serve the sample news site over real HTTP on 127.0.0.1, one origin per outlet.

Each outlet gets its own ThreadingHTTPServer on a free port, so cross-outlet links, robots.txt
and per-domain politeness behave as on the web. Files are stored with `{{outlet:NAME}}`
placeholders that become the live base URLs when served; the manifest is the routing table.
"""
from __future__ import annotations

import hashlib
import logging
import re
import threading
from contextlib import contextmanager
from datetime import datetime, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator
from urllib.parse import urlsplit

from sample_site import OUTLETS_DIR, load_manifest

log = logging.getLogger(__name__)

PLACEHOLDER = re.compile(rb"\{\{outlet:([a-z]+)\}\}")


class Resource:
    """One servable path: status, headers and (substituted) body, computed once at start."""

    def __init__(self, entry: dict[str, Any], body: bytes):
        self.status = int(entry["status"])
        self.content_type = entry.get("content_type")
        self.location = entry.get("location")
        self.body = body
        self.etag = '"%s"' % hashlib.sha256(body).hexdigest()[:32]
        lastmod = entry.get("lastmod")
        self.last_modified = datetime.fromisoformat(lastmod) if lastmod else None

    def not_modified(self, headers: Any) -> bool:
        """RFC 9110: If-None-Match wins over If-Modified-Since; both only for 200 responses."""
        if self.status != 200:
            return False
        if_none_match = headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
            return "*" in tags or self.etag in tags
        since = headers.get("If-Modified-Since")
        if since is None or self.last_modified is None:
            return False
        try:
            return self.last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False


class PortInUse(OSError):
    """A fixed port of the sample site is taken; the message names it and the way out."""


class OutletHandler(BaseHTTPRequestHandler):
    """Answers from the outlet's precomputed resources; unknown paths get the outlet's 404 page."""

    protocol_version = "HTTP/1.1"
    server_version = "SampleNews/1.0"
    outlet: str = ""
    resources: dict[str, Resource] = {}
    not_found_body: bytes = b""
    site: "SampleSite"

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self.respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.respond(send_body=False)

    def respond(self, send_body: bool) -> None:
        path = urlsplit(self.path).path
        resource = self.resources.get(path)
        if resource is None:
            status = self.send_page(404, "text/html; charset=utf-8", self.not_found_body, send_body)
        elif resource.status in (301, 302, 308):
            status = self.send_redirect(resource)
        elif resource.not_modified(self.headers):
            status = self.send_not_modified(resource)
        else:
            status = self.send_page(resource.status, resource.content_type, resource.body,
                                    send_body, resource)
        self.site.record(self.outlet, self.command, self.path, status)

    def send_page(self, status: int, content_type: str | None, body: bytes, send_body: bool,
                  resource: Resource | None = None) -> int:
        self.send_response(status)
        self.send_header("Content-Type", content_type or "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        if resource is not None:
            self.validators(resource)
        self.end_headers()
        if send_body:
            self.wfile.write(body)
        return status

    def send_redirect(self, resource: Resource) -> int:
        self.send_response(resource.status)
        self.send_header("Location", self.site.outlets[self.outlet] + resource.location)
        self.send_header("Content-Length", "0")
        self.end_headers()
        return resource.status

    def send_not_modified(self, resource: Resource) -> int:
        self.send_response(HTTPStatus.NOT_MODIFIED)
        self.validators(resource)
        self.end_headers()
        return 304

    def validators(self, resource: Resource) -> None:
        self.send_header("ETag", resource.etag)
        if resource.last_modified is not None:
            self.send_header("Last-Modified", _http_date(resource.last_modified))
        self.send_header("Cache-Control", "max-age=0, must-revalidate")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (base signature)
        log.debug("%s: " + format, self.outlet, *args)


def _http_date(moment: datetime) -> str:
    """IMF-fixdate in GMT, as HTTP wants it (e.g. 'Sat, 28 Mar 2015 19:40:00 GMT')."""
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


class SampleSite:
    """The running sample site: base URL per outlet, a request log, and a sources config."""

    def __init__(self, manifest: dict[str, Any]):
        self.manifest = manifest
        self.outlets: dict[str, str] = {}
        self.request_log: list[tuple[str, str, str, int]] = []
        self._lock = threading.Lock()
        self._servers: list[ThreadingHTTPServer] = []

    def record(self, outlet: str, method: str, path: str, status: int) -> None:
        with self._lock:
            self.request_log.append((outlet, method, path, status))

    def requests(self) -> list[tuple[str, str, str, int]]:
        """A snapshot of the request log, safe to iterate while the servers run."""
        with self._lock:
            return list(self.request_log)

    def url(self, outlet: str, path: str = "/") -> str:
        return self.outlets[outlet] + path

    def start(self, host: str, first_port: int = 0) -> None:
        """Start one server per outlet: on free ports, or on first_port, first_port + 1, ..."""
        for number, name in enumerate(self.manifest["outlets"]):
            port = first_port + number if first_port else 0
            try:
                server = ThreadingHTTPServer((host, port), OutletHandler)
            except OSError as exc:
                self.stop()
                raise PortInUse(f"cannot serve the sample site on {host}:{port} ({exc.strerror}): another "
                                "newsdesk demo or sample site is probably running; stop it or pass --port") from exc
            server.daemon_threads = True
            self._servers.append(server)
            self.outlets[name] = f"http://{host}:{server.server_address[1]}"
        for name, server in zip(self.manifest["outlets"], self._servers):
            server.RequestHandlerClass = self._handler_for(name)
            threading.Thread(target=server.serve_forever, name=f"sample-site-{name}",
                             daemon=True).start()

    def _handler_for(self, name: str) -> type[OutletHandler]:
        pages = self.manifest["outlets"][name]["pages"]
        resources = {path: Resource(entry, self._body(name, entry)) for path, entry in pages.items()}
        attributes = {"outlet": name, "resources": resources, "site": self,
                      "not_found_body": self._body(name, {"file": "404.html"})}
        return type(f"{name.title()}Handler", (OutletHandler,), attributes)

    def _body(self, outlet: str, entry: dict[str, Any]) -> bytes:
        if "file" not in entry:
            return b""
        data = (OUTLETS_DIR / outlet / entry["file"]).read_bytes()
        content_type = entry.get("content_type", "text/html")
        if not (content_type.startswith("text/") or "xml" in content_type):
            return data
        return PLACEHOLDER.sub(lambda m: self.outlets[m.group(1).decode()].encode(), data)

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()

    def sources_toml(self) -> str:
        """A sources config for the live ports, in the format `newsdesk run --sources` reads."""
        blocks = []
        for name, base in self.outlets.items():
            info = self.manifest["outlets"][name]
            host = urlsplit(base).hostname
            blocks.append("\n".join([
                "[[source]]",
                f'name = "{name}"',
                f"feeds = {_toml_list(base + p for p in info['feeds'])}",
                f"sitemaps = {_toml_list(base + p for p in info['sitemaps'])}",
                f"start_urls = {_toml_list(base + p for p in info['start_urls'])}",
                f'allowed_domains = ["{host}"]',
                "allow_private = true  # the sample site is served on 127.0.0.1",
                f"article_pattern = '{info['article_pattern']}'",
                "",
                "[source.politeness]",
                "download_delay = 0.05  # our own server on 127.0.0.1; real sites keep the polite defaults",
            ]))
        return "\n\n".join(blocks) + "\n"


def sources_toml_at(host: str = "127.0.0.1", first_port: int = 8731) -> str:
    """The sources config of the sample site as `serve(host, first_port)` will serve it (no server started)."""
    site = SampleSite(load_manifest())
    site.outlets = {name: f"http://{host}:{first_port + i}" for i, name in enumerate(site.manifest["outlets"])}
    return site.sources_toml()


def _toml_list(items: Iterator[str] | list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


@contextmanager
def serve(host: str = "127.0.0.1", first_port: int = 0) -> Iterator[SampleSite]:
    """Run the sample site for the duration of a `with` block.

    With `first_port` the outlets get fixed ports (first_port, +1, +2), so URLs, and therefore
    canonical URLs in the warehouse, are the same from one `newsdesk demo` to the next.
    """
    site = SampleSite(load_manifest())
    site.start(host, first_port)
    try:
        yield site
    finally:
        site.stop()
