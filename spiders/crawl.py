"""One crawl of one source, in its own OS process (the Twisted reactor cannot be restarted).

    python -m spiders.crawl --source SOURCE.json --out PAGES.jsonl [--state STATE.json] [--log-level INFO]

The process runs the sitemap, feed and site-crawl spiders of the source one after the other (so
per-domain concurrency holds for the whole crawl), sharing one Frontier so no URL is requested twice.
Every fetch becomes one JSON line of `RawPage.to_json()` in PAGES.jsonl, written as it arrives.
The last line on stderr is a JSON summary: {"source", "requested", "skipped_unchanged", "errors", ...}.

`run_crawl()` is the one call for the flow: it starts that process and waits for it.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Generator
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings
from twisted.internet.defer import Deferred, inlineCallbacks

from spiders import settings as defaults
from spiders.feed import FeedSpider
from spiders.frontier import Frontier
from spiders.site import SiteSpider
from spiders.sitemap import SitemapSpider

log = logging.getLogger(__name__)

SPIDERS = (SitemapSpider, FeedSpider, SiteSpider)  # sitemaps first: their lastmod is kept per URL
PROJECT_ROOT = Path(__file__).resolve().parents[1]


class CrawlError(RuntimeError):
    """The crawl process failed (crashed, was killed or interrupted); the message ends with its stderr."""


class CrawlInputError(CrawlError):
    """The crawl process refused its input (exit status 2): retrying will not help."""


def politeness(source: dict[str, Any]) -> dict[str, Any]:
    """The source's politeness table over the defaults; unknown keys are an error, not ignored."""
    given = source.get("politeness") or {}
    unknown = sorted(set(given) - set(defaults.POLITENESS))
    if unknown:
        raise ValueError(f"unknown politeness keys: {', '.join(unknown)}")
    merged = {**defaults.POLITENESS, **{k: v for k, v in given.items() if v is not None}}
    for key, default in defaults.POLITENESS.items():
        wanted = (int, float) if isinstance(default, (int, float)) and not isinstance(default, bool) else type(default)
        if not isinstance(merged[key], wanted) or (wanted != bool and isinstance(merged[key], bool)):
            raise ValueError(f"politeness.{key} should be like {default!r}, got {merged[key]!r}")
    return merged


def check_source(source: dict[str, Any]) -> dict[str, Any]:
    """The source with its politeness filled in; ValueError names what is wrong."""
    if not isinstance(source.get("name"), str) or not source["name"]:
        raise ValueError("source has no name")
    if source.get("article_pattern"):
        re.compile(source["article_pattern"])
    if not any(source.get(k) for k in ("feeds", "sitemaps", "start_urls")):
        raise ValueError(f"source {source['name']!r} has no feeds, sitemaps or start_urls")
    return {**source, "politeness": politeness(source)}


def scrapy_settings(polite: dict[str, Any], out: Path, log_level: str = "INFO") -> Settings:
    """spiders.settings with the source's politeness applied."""
    settings = Settings()
    settings.setmodule(defaults, priority="project")
    delay = float(polite["download_delay"])
    settings.setdict({
        "ROBOTSTXT_OBEY": bool(polite["obey_robots"]),
        "CONCURRENT_REQUESTS_PER_DOMAIN": int(polite["concurrency_per_domain"]),
        "DOWNLOAD_DELAY": delay,
        "AUTOTHROTTLE_ENABLED": bool(polite["autothrottle"]),
        # A source that sets its own delay starts AutoThrottle there, not at the cautious default.
        "AUTOTHROTTLE_START_DELAY": delay if delay > 0 else defaults.AUTOTHROTTLE_START_DELAY,
        "USER_AGENT": polite["user_agent"],
        "DOWNLOAD_MAXSIZE": int(polite["max_bytes"]),
        "DOWNLOAD_TIMEOUT": float(polite["timeout"]),
        "RETRY_TIMES": int(polite["retry_times"]),
        "PAGES_OUT": str(out),
        "LOG_LEVEL": log_level,
    }, priority="cmdline")
    return settings


def crawl(source: dict[str, Any], out: Path, state: dict[str, Any] | None = None,
          log_level: str = "INFO") -> tuple[dict[str, Any], bool]:
    """Run the three spiders in this process (blocks; call once per process). Returns (summary, finished)."""
    source = check_source(source)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("", encoding="utf-8")
    frontier = Frontier(source, state or {}, max_pages=int(source["politeness"]["max_pages"]))
    process = CrawlerProcess(scrapy_settings(source["politeness"], out, log_level))
    outcome = {"finished": False}

    @inlineCallbacks
    def run_all() -> Generator[Deferred[Any], Any, None]:
        try:
            for spider in SPIDERS:
                crawler = process.create_crawler(spider)
                yield process.crawl(crawler, source=source, frontier=frontier)
                reason = crawler.stats.get_value("finish_reason")
                if reason != "finished":
                    log.error("%s spider of %s ended early: %s", spider.name, frontier.name, reason)
                    return
            outcome["finished"] = True
        except Exception:  # noqa: BLE001 - reported, and the exit status says the crawl failed
            log.exception("crawl of %s failed", frontier.name)
        finally:
            from twisted.internet import reactor  # only now: the first crawler installed Scrapy's reactor

            reactor.callWhenRunning(_stop_reactor)

    run_all()
    process.start(stop_after_crawl=False)
    summary = frontier.summary()
    log.info("%s: %d requested, %d skipped as unchanged (%d by sitemap lastmod, %d feed items loaded)",
             frontier.name, summary["requested"], summary["skipped_unchanged"],
             summary["skipped_sitemap_lastmod"], summary["skipped_feed_loaded"])
    return summary, outcome["finished"]


def _stop_reactor() -> None:
    from twisted.internet import reactor

    if reactor.running:
        reactor.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spiders.crawl", description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, required=True, help="SOURCE.json: one source of sources.toml")
    parser.add_argument("--out", type=Path, required=True, help="PAGES.jsonl to write (truncated first)")
    parser.add_argument("--state", type=Path, help="STATE.json: validators and loaded URLs from the warehouse")
    parser.add_argument("--log-level", default="INFO", help="Scrapy log level (default INFO)")
    args = parser.parse_args(argv)
    try:
        source = json.loads(args.source.read_text(encoding="utf-8"))
        state = json.loads(args.state.read_text(encoding="utf-8")) if args.state else None
        check_source(source)
    except (OSError, ValueError, re.error) as exc:
        sys.stderr.write(f"spiders.crawl: cannot use the input: {exc}\n")
        return 2
    summary, finished = crawl(source, args.out, state, args.log_level)
    sys.stderr.write(json.dumps(summary) + "\n")
    return 0 if finished else 1


def run_crawl(source: dict[str, Any], out: Path, state: dict[str, Any] | None = None, *,
              timeout: float | None = None, log_level: str = "INFO") -> None:
    """Crawl one source in a child process and wait; CrawlError (with the stderr tail) if it fails."""
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="newsdesk-crawl-") as tmp:
        source_path, state_path, err_path = Path(tmp, "source.json"), Path(tmp, "state.json"), Path(tmp, "stderr")
        source_path.write_text(json.dumps(source, default=str), encoding="utf-8")
        cmd = [sys.executable, "-m", "spiders.crawl", "--source", str(source_path), "--out", str(out),
               "--log-level", log_level]
        if state is not None:
            state_path.write_text(json.dumps(state, default=str), encoding="utf-8")
            cmd += ["--state", str(state_path)]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT),
                                                                        os.environ.get("PYTHONPATH")]))}
        with err_path.open("w+b") as err:
            try:
                code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env, timeout=timeout).returncode
            except subprocess.TimeoutExpired:
                code = None
            tail = _tail(err_path)
    name = source.get("name", "?")
    if code != 0:
        why = f"timed out after {timeout}s" if code is None else f"exited with status {code}"
        raise (CrawlInputError if code == 2 else CrawlError)(f"crawl of {name} {why}:\n{tail}")
    log.info("crawl of %s: %s", name, tail.rstrip().rsplit("\n", 1)[-1])


def _tail(path: Path, size: int = 4000) -> str:
    data = path.read_bytes()
    return data[-size:].decode("utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
