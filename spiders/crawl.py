"""One crawl of one source, in its own OS process (the Twisted reactor cannot be restarted).

    python -m spiders.crawl --source SOURCE.json --out PAGES.jsonl [--state STATE.json] [--log-level INFO]

SOURCE.json is one source as `spiders.source.Source` validates it (the same model as sources.toml).
The process runs `spiders.crawl_spider.SourceCrawl`: the sitemap, feed and site-crawl spiders of the
source one after the other, sharing one Frontier so no URL is requested twice. Every fetch (or refused
URL) becomes one JSON line of `RawPage.to_json()` in PAGES.jsonl, written as it arrives. The last line
on stderr is a JSON summary: {"source", "requested", "skipped_unchanged", "errors", "refused", ...}.

`run_crawl()` is the one call for the flow: it starts that process and waits for it. With a shared
frontier (`spiders.shared.CrawlSettings.backend`, a Redis URL) it starts `workers` such processes on one
Redis queue and dupefilter (`--backend URL --crawl-id ID --workers N`; processes on other machines join
with the same three options), and joins their outputs into PAGES.jsonl.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from spiders import settings as defaults
from spiders.crawl_spider import SourceCrawl
from spiders.source import Source, describe

log = logging.getLogger(__name__)

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class CrawlError(RuntimeError):
    """The crawl process failed (crashed, was killed or interrupted); the message ends with its stderr."""


class CrawlInputError(CrawlError):
    """The crawl refused its input (a source the model rejects, exit status 2): retrying will not help."""


def as_source(source: Source | dict[str, Any]) -> Source:
    """The validated source; ValueError naming each bad key (`politeness.delay: Extra inputs...`)."""
    if isinstance(source, Source):
        return source
    try:
        return Source.model_validate(source)
    except ValidationError as exc:
        raise ValueError(describe(exc)) from None


def project_settings(out: Path | None = None, log_level: str = "INFO",
                     shared: dict[str, Any] | None = None) -> Settings:
    """spiders.settings plus where records go; a source's own settings come with its spider class.

    `shared` (spiders.shared.scrapy_settings) puts the crawl on a Redis frontier; it overrides the
    source's politeness with this process's share of it."""
    settings = Settings()
    settings.setmodule(defaults, priority="project")
    extra = {"LOG_LEVEL": log_level, **({"PAGES_OUT": str(out)} if out is not None else {})}
    settings.setdict({**extra, **(shared or {})}, priority="cmdline")
    return settings


def crawl(source: Source, out: Path, state: dict[str, Any] | None = None,
          log_level: str = "INFO", shared: dict[str, Any] | None = None) -> tuple[dict[str, Any], bool]:
    """Run the crawl in this process (blocks; call once per process). Returns (summary, finished)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("", encoding="utf-8")
    process = CrawlerProcess(project_settings(out, log_level, shared))
    crawler = process.create_crawler(SourceCrawl.for_source(source))
    process.crawl(crawler, state=state or {})
    process.start()
    reason = crawler.stats.get_value("finish_reason") if crawler.stats else None
    if reason != "finished":
        log.error("crawl of %s ended early: %s", source.name, reason)
    summary = crawler.spider.frontier.summary() if crawler.spider else {"source": source.name}
    log.info("%s: %s", source.name, summary)
    return summary, reason == "finished"


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
    parser.add_argument("--backend", help="redis://... : share the frontier of crawl --crawl-id through Redis")
    parser.add_argument("--crawl-id", default="crawl", help="with --backend: the crawl to join (same on every process)")
    parser.add_argument("--workers", type=int, default=1,
                        help="with --backend: processes sharing the crawl, all machines together "
                             "(each takes 1/N of the politeness)")
    args = parser.parse_args(argv)
    try:
        source = as_source(json.loads(args.source.read_text(encoding="utf-8")))
        state = json.loads(args.state.read_text(encoding="utf-8")) if args.state else None
        shared = shared_settings(source, args.backend, args.crawl_id, args.workers)
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"spiders.crawl: cannot use the input: {exc}\n")
        return 2
    summary, finished = crawl(source, args.out, state, args.log_level, shared)
    sys.stderr.write(json.dumps(summary) + "\n")
    return 0 if finished else 1


def shared_settings(source: Source, backend: str | None, crawl_id: str, workers: int) -> dict[str, Any] | None:
    """The Redis-frontier settings of spiders.shared, or None for a crawl of its own."""
    if backend is None:
        return None
    from spiders.shared import CrawlSettings, scrapy_settings

    crawl_settings = CrawlSettings(backend=backend, workers=workers)  # ValueError: a bad URL or count
    return scrapy_settings(source, backend, crawl_id, crawl_settings.workers)


def run_crawl(source: Source | dict[str, Any], out: Path, state: dict[str, Any] | None = None, *,
              timeout: float | None = None, log_level: str = "INFO", crawl: Any = None) -> None:
    """Crawl one source in a child process and wait; CrawlError (with the stderr tail) if it fails.

    `crawl` (spiders.shared.CrawlSettings) with a backend: `crawl.workers` processes share one Redis
    frontier, and their outputs are joined into `out`. CrawlInputError at once, without a process,
    when the source does not validate.
    """
    try:
        source = as_source(source)
    except ValueError as exc:
        raise CrawlInputError(f"crawl of {source.get('name', '?')} refused its input: {exc}") from None  # type: ignore[union-attr]
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="newsdesk-crawl-") as tmp:
        cmd = _command(source, state, Path(tmp), log_level)
        if crawl is None or crawl.backend is None:
            results = _wait([_start(cmd + ["--out", str(out)], Path(tmp, "stderr"))], timeout)
        else:
            results = _run_shared(cmd, out, Path(tmp), crawl, source.name, timeout)
    for code, tail in results:
        if code != 0:
            why = f"timed out after {timeout}s" if code is None else f"exited with status {code}"
            raise (CrawlInputError if code == 2 else CrawlError)(f"crawl of {source.name} {why}:\n{tail}")
    for _, tail in results:
        log.info("crawl of %s: %s", source.name, tail.rstrip().rsplit("\n", 1)[-1])


def _command(source: Source, state: dict[str, Any] | None, tmp: Path, log_level: str) -> list[str]:
    """The crawl process's command line, its input files written to `tmp` (everything but --out)."""
    source_path, state_path = tmp / "source.json", tmp / "state.json"
    source_path.write_text(source.model_dump_json(), encoding="utf-8")
    cmd = [sys.executable, "-m", "spiders.crawl", "--source", str(source_path), "--log-level", log_level]
    if state is not None:
        state_path.write_text(json.dumps(state, default=str), encoding="utf-8")
        cmd += ["--state", str(state_path)]
    return cmd


def _run_shared(cmd: list[str], out: Path, tmp: Path, crawl: Any, name: str,
                timeout: float | None) -> list[tuple[int | None, str]]:
    """`crawl.workers` processes on one fresh Redis frontier; their pages joined into `out`."""
    from spiders.shared import clear

    crawl_id = uuid.uuid4().hex[:12]
    parts = [out.with_name(f"{out.name}.part{i}") for i in range(crawl.workers)]
    shared = ["--backend", crawl.backend, "--crawl-id", crawl_id, "--workers", str(crawl.workers)]
    log.info("crawl of %s: %d processes on the shared frontier, crawl id %s", name, crawl.workers, crawl_id)
    try:
        procs = [_start(cmd + shared + ["--out", str(part)], tmp / f"stderr{i}") for i, part in enumerate(parts)]
        results = _wait(procs, timeout)
    finally:
        clear(crawl.backend, crawl_id, name)
    with out.open("wb") as joined:
        for part in parts:
            if part.exists():
                joined.write(part.read_bytes())
                part.unlink()
    return results


def _start(cmd: list[str], err_path: Path) -> tuple[subprocess.Popen, Path]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT),
                                                                    os.environ.get("PYTHONPATH")]))}
    with err_path.open("wb") as err:
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env), err_path


def _wait(procs: list[tuple[subprocess.Popen, Path]], timeout: float | None) -> list[tuple[int | None, str]]:
    """(exit status or None when killed at the timeout, stderr tail) of each process."""
    deadline = None if timeout is None else time.monotonic() + timeout
    results = []
    try:
        for proc, err_path in procs:
            try:
                code: int | None = proc.wait(None if deadline is None else max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                code = None
            results.append((code, _tail(err_path)))
    finally:  # timed out, or this process interrupted: no crawl outlives its caller
        for proc, _ in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return results


def _tail(path: Path, size: int = 4000) -> str:
    data = path.read_bytes()
    return data[-size:].decode("utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
