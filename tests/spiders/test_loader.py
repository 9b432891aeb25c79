"""`scrapy list` and `scrapy crawl SOURCE -O out.jsonl` (scrapy.cfg + spiders.loader), as subprocesses."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import site_server
from spiders.loader import SourcesSpiderLoader, read_sources

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> site_server.SiteServer:
    root = tmp_path_factory.mktemp("loader") / "site"
    site_server.build_site(root)
    srv = site_server.start(root)
    yield srv
    srv.shutdown()


def sources_toml(base: str) -> str:
    return f"""
[[source]]
name = "gazette"
start_urls = ["{base}/about.html"]
allowed_domains = ["127.0.0.1"]
allow_private = true

[source.politeness]
depth_limit = 0
download_delay = 0.01

[[source]]
name = "herald"
feeds = ["https://herald.example.com/feed.xml"]
"""


def scrapy(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "NEWSDESK_SOURCES"}
    environ.update(PYTHONPATH=str(ROOT), **env)
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=cwd, env=environ, capture_output=True,
                          text=True, timeout=120)


def test_scrapy_list_names_the_configured_sources(server, tmp_path):
    (tmp_path / "sources.toml").write_text(sources_toml(server.base))
    from_env = scrapy(["list"], ROOT, NEWSDESK_SOURCES=str(tmp_path / "sources.toml"))  # scrapy.cfg of the repo
    assert (from_env.returncode, from_env.stdout.split()) == (0, ["gazette", "herald"]), from_env.stderr[-2000:]
    from_cwd = scrapy(["list"], tmp_path, SCRAPY_SETTINGS_MODULE="spiders.settings")  # ./sources.toml
    assert from_cwd.stdout.split() == ["gazette", "herald"], from_cwd.stderr[-2000:]


def test_scrapy_crawl_writes_the_records_the_pipeline_would(server, tmp_path):
    (tmp_path / "sources.toml").write_text(sources_toml(server.base))
    server.requests.clear()
    out = tmp_path / "out.jsonl"
    proc = scrapy(["crawl", "gazette", "-O", str(out)], ROOT, NEWSDESK_SOURCES=str(tmp_path / "sources.toml"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    (line,) = [json.loads(text) for text in out.read_text().splitlines()]
    assert (line["url"], line["status"], line["via"], line["source"]) == (f"{server.base}/about.html", 200, "start",
                                                                          "gazette")
    assert set(line) == {"url", "source", "fetched_at", "final_url", "status", "error", "via", "content_type", "etag",
                         "last_modified", "sitemap_lastmod", "location", "body"}  # RawPage.to_json()
    assert server.paths() == ["/robots.txt", "/about.html"]


def test_an_unknown_source_or_a_bad_file_is_named(tmp_path):
    (tmp_path / "sources.toml").write_text(sources_toml("http://127.0.0.1:9"))
    loader = SourcesSpiderLoader(tmp_path / "sources.toml")
    with pytest.raises(KeyError, match="Spider not found: nope .*gazette, herald"):
        loader.load("nope")
    assert loader.load("gazette").source.politeness.depth_limit == 0
    (tmp_path / "bad.toml").write_text('[[source]]\nname = "x"\nfeeds = ["http://169.254.169.254/"]\n')
    with pytest.raises(ValueError, match=r"bad.toml: source\[0\]: .*link-local address 169.254.169.254"):
        read_sources(tmp_path / "bad.toml")
    with pytest.raises(ValueError, match="no such file"):
        SourcesSpiderLoader(tmp_path / "missing.toml").list()
