"""A tiny threaded HTTP server on 127.0.0.1 for crawl tests, with a request log.

Serves a copy of fixtures/site plus a few routes a static directory cannot express: a 301, a page
slower than the crawl timeout, a page that always answers 503, and ETags with If-None-Match.
"""
from __future__ import annotations

import shutil
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURE_SITE = Path(__file__).parent / "fixtures" / "site"
REDIRECTS = {"/old-story.html": "/news/story-3.html"}
SLOW_SECONDS = 1.5


class SiteHandler(SimpleHTTPRequestHandler):
    server: "SiteServer"

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self.server.requests.append((self.path, dict(self.headers)))
        if self.path in REDIRECTS:
            self.send_response(301)
            self.send_header("Location", REDIRECTS[self.path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self._etag() and self.headers.get("If-None-Match") == self._etag():
            self.send_response(304)
            self.end_headers()
        elif self.path == "/flaky.html":
            self.send_error(503, "Service Unavailable")
        elif self.path == "/slow.html":
            time.sleep(SLOW_SECONDS)
            super().do_GET()
        else:
            super().do_GET()

    def _etag(self) -> str | None:
        """Files carry an ETag (mtime and size), as most news sites' servers send."""
        path = Path(self.translate_path(self.path))
        if not path.is_file():
            return None
        stat = path.stat()
        return f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'

    def end_headers(self) -> None:
        if etag := self._etag():
            self.send_header("ETag", etag)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), partial(SiteHandler, directory=str(root)))
        self.requests: list[tuple[str, dict[str, str]]] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the crawler hanging up on the slow page is expected


def build_site(root: Path) -> None:
    """Copy the fixture site to root, make sitemap URLs absolute and add a page over the size cap."""
    shutil.copytree(FIXTURE_SITE, root)
    sitemap = root / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace("PLACEHOLDER", "{base}"))
    (root / "big.html").write_text("<html><body>" + "<p>long read</p>" * 2000 + "</body></html>")
    (root / "slow.html").write_text("<html><body><p>finally</p></body></html>")


def start(root: Path) -> SiteServer:
    server = SiteServer(root)
    sitemap = root / "sitemap.xml"
    sitemap.write_text(sitemap.read_text().replace("{base}", server.base))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
