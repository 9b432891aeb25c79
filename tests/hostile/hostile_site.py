"""A hostile news site on 127.0.0.1, for crawl tests (`tests/hostile`) and full pipeline runs.

    with hostile_site(tmp_path) as site:
        run_crawl(site.source(), out)            # or write site.sources_toml() for `newsdesk run`
        site.good       # path -> the exact bytes served: must come through verbatim
        site.bad        # URL -> a fragment of the reason its raw page must carry
        site.secret     # a marker kept in a local file the XXE sitemap points at: must never appear

Every route is one attack or accident seen on real sites: a gzip bomb, an 80 MB page (streamed, never
held in memory), a billion-laughs feed, an XXE sitemap, a redirect loop, a slow page, binary served
as text/html, a wrong charset, deep nesting, an empty page, a 500, a PDF, a 5,000-character URL,
titles full of SQL/HTML/RTL characters, a redirect to the cloud metadata address and a feed item with
the backslash trick. The last two must be refused before any connection: nothing here listens on
169.254.169.254 and no test may connect there.
"""
from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

MB = 1_000_000
HUGE_BYTES = 80 * MB
BOMB_BYTES = 1_000 * MB  # what the gzip bomb inflates to
SLOW_SECONDS = 5.0  # the crawl's timeout in site.source() is 1 s
LONG_PATH = "/long/" + "a" * 5_000
METADATA = "http://169.254.169.254/latest/meta-data/"
TITLES = "Robert'); DROP TABLE articles;-- <script>alert('x')</script> &amp; \u202eevil\u202c \u05e9\u05dc\u05d5\u05dd"


def _page(title: str, body: str) -> bytes:
    return (f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


STORY = "".join(f"<p>{p}</p>" for p in (
    "The council of the coastal town voted on Tuesday to close the old harbour road for three months while "
    "engineers repair the sea wall, which was damaged in the winter storms.",
    "Residents said the closure would double the time it takes to reach the market, and shop owners asked "
    "for a temporary bridge for pedestrians during the works.",
    "The mayor said the repairs could not wait another season and promised that buses would run every "
    "fifteen minutes along the inland route until the road reopens in the summer.",
))


def _bomb() -> bytes:
    """BOMB_BYTES of zeros, gzipped chunk by chunk (about 1 MB on the wire)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(MB)
    return b"".join(packer.compress(chunk) for _ in range(BOMB_BYTES // MB)) + packer.flush()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><link>/news/laughs.html</link><description>&lol9;</description></item>
</channel></rss>"""


@dataclass
class HostileSite:
    """What a test needs to know about the running site (see the module docstring)."""

    server: "HostileServer"
    secret: str
    good: dict[str, bytes] = field(default_factory=dict)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def requests(self) -> list[str]:
        return list(self.server.requests)

    @property
    def bad(self) -> dict[str, str]:
        """URL -> fragment of the reason on its raw page ("500": the status is the reason)."""
        b = self.base
        return {
            f"{b}/bomb.html": "body over size cap",
            f"{b}/huge.html": "body over size cap",
            f"{b}/huge-unannounced.html": "body over size cap",
            f"{b}/slow.html": "timeout",
            f"{b}/report.pdf": "non-html content: application/pdf",
            f"{b}{LONG_PATH}": "refused: URL longer than 2083 characters",
            "http://127.0.0.1:99999/news/bad-port.html": "refused: malformed URL: Port out of range",
            f"{b}/to-metadata": "redirect not followed: refused: link-local address 169.254.169.254",
            f"https://169.254.169.254\\@127.0.0.1:{self.server.server_address[1]}/steal":
                "refused: ambiguous URL: backslash in the host part",
            f"{b}/billion-laughs.xml": "malformed feed",
            f"{b}/error.html": "500",
        }

    def source(self, **overrides: Any) -> dict[str, Any]:
        """The source for this site: small size cap and timeout so every trap trips quickly."""
        b = self.base
        return {
            "name": "hostile", "feeds": [f"{b}/feed.xml", f"{b}/billion-laughs.xml"], "sitemaps": [f"{b}/sitemap.xml"],
            "start_urls": [f"{b}/"], "allowed_domains": ["127.0.0.1"], "article_pattern": "^/news/",
            "allow_private": True,  # the site is on 127.0.0.1; link-local stays refused regardless
            "politeness": {"max_bytes": 2 * MB, "timeout": 1.0, "retry_times": 0, "download_delay": 0.01,
                           "concurrency_per_domain": 4, "depth_limit": 1},
            **overrides,
        }

    def sources_toml(self, **overrides: Any) -> str:
        """The same source as a sources.toml, for `newsdesk run --sources` (article_pattern=None: none)."""
        src = self.source(**overrides)
        lines = ["[[source]]", f'name = "{src["name"]}"', "allow_private = true"]
        if src["article_pattern"]:
            lines.append(f"article_pattern = '{src['article_pattern']}'")
        lines += [f"{key} = [{', '.join(repr(u).replace(chr(39), chr(34)) for u in src[key])}]"
                  for key in ("feeds", "sitemaps", "start_urls", "allowed_domains")]
        lines += ["", "[source.politeness]"] + [f"{k} = {str(v).lower() if isinstance(v, bool) else v}"
                                               for k, v in src["politeness"].items()]
        return "\n".join(lines) + "\n"


class Handler(BaseHTTPRequestHandler):
    server: "HostileServer"

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        self.server.requests.append(self.path)
        route = self.server.routes.get(self.path)
        if route is None:
            return self._send(404, "text/html", b"<html><body>not here</body></html>")
        if callable(route):
            return route(self)
        status, ctype, body, *extra = route
        self._send(status, ctype, body, *(extra or [{}]))

    def _send(self, status: int, ctype: str | None, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass


def _huge(announce: bool):
    """An 80 MB page written in 64 KB chunks: the server never holds it, the client hangs up early."""
    def send(handler: Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        if announce:
            handler.send_header("Content-Length", str(HUGE_BYTES))
        handler.end_headers()
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        try:
            for _ in range(HUGE_BYTES // len(chunk)):
                handler.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        handler.close_connection = True
    return send


def _slow(handler: Handler) -> None:
    handler.server.stopping.wait(SLOW_SECONDS)  # longer than the crawl's timeout; ends at shutdown
    try:
        handler._send(200, "text/html", _page("finally", "<p>too late</p>"))
    except (BrokenPipeError, ConnectionResetError):
        pass


class HostileServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[str] = []
        self.routes: dict[str, Any] = {}
        self.stopping = threading.Event()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the crawler hangs up on the huge and slow pages: expected


def _routes(site: HostileSite, secret_file: Path) -> dict[str, Any]:
    b, port = site.base, site.server.server_address[1]
    html = "text/html; charset=utf-8"
    links = ["/news/good-1.html", "/news/titles.html", "/bomb.html", "/huge.html", "/huge-unannounced.html",
             "/slow.html", "/binary.html", "/wrong-charset.html", "/deep.html", "/empty.html", "/error.html",
             "/report.pdf", LONG_PATH, "/loop/a", "/to-metadata"]
    home = _page("Hostile Herald", "".join(f'<a href="{link}">{link[:40]}</a>' for link in links))
    feed = (f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>
<item><title>{TITLES.replace("&amp;", "&amp;amp;").replace("<", "&lt;")}</title><link>{b}/news/titles.html</link></item>
<item><title>steal</title><link>https://169.254.169.254\\@127.0.0.1:{port}/steal</link></item>
<item><title>good</title><link>{b}/news/good-2.html?utm_source=feed</link></item>
</channel></rss>""").encode()
    sitemap = (f"""<?xml version="1.0"?>
<!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file://{secret_file}">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{b}/news/xxe-&xxe;.html</loc></url>
<url><loc>http://127.0.0.1:99999/news/bad-port.html</loc></url>
<url><loc>{b}{LONG_PATH}</loc></url>
<url><loc>{b}/news/good-3.html</loc><lastmod>2026-11-30</lastmod></url>
</urlset>""").encode()
    site.good.update({
        "/": home,
        "/news/good-1.html": _page("Good one", "<p>Plain good news.</p>" + STORY),
        "/news/good-2.html": _page("Good two", "<p>From the feed.</p>" + STORY),
        "/news/good-3.html": _page("Good three", "<p>From the sitemap, after the bad entries.</p>" + STORY),
        "/news/titles.html": _page(TITLES, f"<p>{TITLES}</p>" + STORY),
        "/binary.html": bytes(range(256)) * 64,
        "/wrong-charset.html": "<html><body><p>Caf\u00e9 cr\u00e8me, na\u00efve</p></body></html>".encode("latin-1"),
        "/deep.html": b"<html><body>" + b"<div>" * 20_000 + b"deep" + b"</div>" * 20_000 + b"</body></html>",
        "/empty.html": b"",
    })
    types = {"/binary.html": "text/html", "/wrong-charset.html": "text/html; charset=utf-8"}
    routes: dict[str, Any] = {path: (200, types.get(path, html), body) for path, body in site.good.items()}
    routes.update({
        "/robots.txt": (200, "text/plain", b"User-agent: *\nAllow: /\n"),
        "/feed.xml": (200, "application/rss+xml", feed),
        "/billion-laughs.xml": (200, "application/rss+xml", BILLION_LAUGHS),
        "/sitemap.xml": (200, "application/xml", sitemap),
        "/bomb.html": (200, "text/html", _bomb(), {"Content-Encoding": "gzip"}),
        "/huge.html": _huge(announce=True),
        "/huge-unannounced.html": _huge(announce=False),
        "/slow.html": _slow,
        "/error.html": (500, "text/html", b"<html><body>server error</body></html>"),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.4\n" + bytes(3 * MB)),  # over the cap: stopped at headers
        "/loop/a": (302, None, b"", {"Location": "/loop/b"}),
        "/loop/b": (302, None, b"", {"Location": "/loop/a"}),
        "/to-metadata": (302, None, b"", {"Location": METADATA}),
    })
    return routes


@contextmanager
def hostile_site(tmp_dir: Path) -> Iterator[HostileSite]:
    """Serve the hostile site on 127.0.0.1 until the block ends; `tmp_dir` holds the XXE target file."""
    secret = "XXE-SECRET-7f3a9c"
    secret_file = Path(tmp_dir) / "secret.txt"
    secret_file.write_text(secret)
    server = HostileServer()
    site = HostileSite(server, secret)
    server.routes = _routes(site, secret_file)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
