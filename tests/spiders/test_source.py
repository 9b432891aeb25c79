"""spiders.source: one model, so a site sees the same user agent from every entry point."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import site_server
from flows.config import load_sources
from spiders import settings as scrapy_settings
from spiders.crawl import run_crawl
from spiders.probe import source_unchanged
from spiders.source import Politeness

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> site_server.SiteServer:
    root = tmp_path_factory.mktemp("agent") / "site"
    site_server.build_site(root)
    srv = site_server.start(root)
    yield srv
    srv.shutdown()


def test_one_user_agent_whatever_the_entry_point(server, tmp_path):
    """The crawl process (given the source as written, or as the config loaded it), `scrapy crawl` and the
    probe: the server log shows one user agent, the default of spiders.settings."""
    url = f"{server.base}/about.html"
    toml = tmp_path / "sources.toml"
    toml.write_text(f'[[source]]\nname = "gazette"\nstart_urls = ["{url}"]\nallow_private = true\n'
                    '[source.politeness]\ndepth_limit = 0\ndownload_delay = 0.01\n')
    written = {"name": "gazette", "start_urls": [url], "allow_private": True,
               "politeness": {"depth_limit": 0, "download_delay": 0.01}}
    configured = load_sources(toml).source[0]

    def agents() -> set[str]:
        seen = {headers["User-Agent"] for path, headers in server.requests if path == "/about.html"}
        server.requests.clear()
        return seen

    agents()
    run_crawl(written, tmp_path / "a.jsonl")
    run_crawl(configured.model_dump(), tmp_path / "b.jsonl")
    via_process = agents()
    cli = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "gazette", "-O", str(tmp_path / "c.jsonl")],
                         cwd=ROOT, env={**os.environ, "NEWSDESK_SOURCES": str(toml), "PYTHONPATH": str(ROOT)},
                         capture_output=True, text=True, timeout=120)
    assert cli.returncode == 0, cli.stderr[-2000:]
    via_scrapy = agents()
    state = {"pages": {url: {"etag": '"x"'}}, "loaded": []}
    assert source_unchanged(configured, state) is False  # the page answers 200 to a made-up ETag
    via_probe = agents()
    assert via_process == via_scrapy == via_probe == {scrapy_settings.USER_AGENT}
    assert Politeness().user_agent == scrapy_settings.USER_AGENT


def test_politeness_defaults_come_from_the_scrapy_settings_module():
    polite = Politeness()
    assert (polite.obey_robots, polite.concurrency_per_domain, polite.max_bytes, polite.timeout, polite.retry_times) == (
        scrapy_settings.ROBOTSTXT_OBEY, scrapy_settings.CONCURRENT_REQUESTS_PER_DOMAIN,
        scrapy_settings.DOWNLOAD_MAXSIZE, scrapy_settings.DOWNLOAD_TIMEOUT, scrapy_settings.RETRY_TIMES)
    assert json.loads(polite.model_dump_json())["user_agent"] == scrapy_settings.USER_AGENT
