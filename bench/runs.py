"""`newsdesk bench runs`: incremental re-runs and readers during a run, on the sample site.

1. Two pipeline runs over the unchanged sample site in one process (Prefect's server started before
   timing, so neither run pays for it): wall time of each, the ratio, and how many article bodies
   the second run downloaded again (200 responses) or re-extracted.
2. A run into a fresh warehouse in another process while this one issues `newsdesk sql` queries
   (separate processes, as analysts would): how many succeeded, and their latency percentiles.
"""
from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rich.console import Console

from flows.config import load_sources


def _article_bodies_fetched(run_dir: Path, patterns: dict[str, re.Pattern]) -> int:
    """Article pages (by the source's article_pattern) that came back with a full 200 body."""
    fetched = 0
    for name, pattern in patterns.items():
        path = run_dir / f"{name}.pages.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else []:
            record = json.loads(line)
            if record.get("status") == 200 and pattern.search(urlsplit(record["url"]).path):
                fetched += 1
    return fetched


def incremental(work: Path, console: Console) -> dict[str, Any]:
    from flows.pipeline import new_run_id, pipeline_run, warm_up
    from sample_site.server import serve

    warm_up()
    db = work / "incremental.duckdb"
    with serve() as site:
        (work / "sources.toml").write_text(site.sources_toml())
        sources = load_sources(work / "sources.toml").source
        timings, summaries = [], []
        for _ in range(2):
            run_id = new_run_id()
            start = time.perf_counter()
            summaries.append(pipeline_run(sources, db, work / "runs", run_id=run_id))
            timings.append(time.perf_counter() - start)
    second = summaries[1]["sources"].values()
    result = {
        "first_run_s": round(timings[0], 2), "second_run_s": round(timings[1], 2),
        "ratio": round(timings[1] / timings[0], 3),
        "second_run_article_bodies_downloaded": _article_bodies_fetched(
            work / "runs" / summaries[1]["run_id"], {s.name: re.compile(s.article_pattern) for s in sources}),
        "second_run_seconds_by_stage": summaries[1]["seconds"],
        "second_run_unchanged": sum(c.get("pages_unchanged", 0) for c in second),
        "second_run_reextracted": sum(c.get("articles_seen", 0) + c.get("pages_skipped", 0) for c in second),
    }
    console.print("incremental re-run (same process, Prefect warm):", result)
    return result


def _timed_query(db: Path) -> tuple[bool, float]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "flows.cli", "sql", "select count(*) from articles", "--db",
                           str(db), "--format", "csv"], capture_output=True, text=True, timeout=120)
    return done.returncode == 0, time.perf_counter() - start


def readers_during_run(work: Path, console: Console, queries: int = 100) -> dict[str, Any]:
    from sample_site.server import serve
    from warehouse import migrate, writer

    db = work / "concurrent.duckdb"
    with writer(db) as con:
        migrate(con)  # the file exists before the first query
    with serve() as site:
        (work / "sources2.toml").write_text(site.sources_toml())
        run = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--sources", str(work / "sources2.toml"),
                                "--db", str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env=os.environ.copy())
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda _: _timed_query(db), range(queries)))
        during = run.poll() is None
        run.wait(timeout=600)
    latencies = sorted(t for _, t in results)
    result = {
        "queries": queries, "succeeded": sum(ok for ok, _ in results), "run_still_going_after": during,
        "run_exit": run.returncode, "p50_s": round(statistics.median(latencies), 3),
        "p95_s": round(latencies[int(0.95 * (len(latencies) - 1))], 3), "max_s": round(latencies[-1], 3),
    }
    console.print("newsdesk sql from another process during a run:", result)
    return result


def main(console: Console) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as tmp:
        work = Path(tmp)
        return {"incremental": incremental(work, console), "readers": readers_during_run(work, console)}


def gate(result: dict[str, Any]) -> list[str]:
    """Targets of issue 5: re-run at most 15% of the first, no body downloaded again, readers served."""
    inc, readers = result["incremental"], result["readers"]
    failures = []
    if inc["ratio"] > 0.15:
        failures.append(f"second run took {inc['ratio']:.0%} of the first (target <= 15%)")
    if inc["second_run_article_bodies_downloaded"] or inc["second_run_reextracted"]:
        failures.append("second run downloaded or re-extracted unchanged pages")
    if readers["succeeded"] != readers["queries"]:
        failures.append(f"{readers['queries'] - readers['succeeded']} queries failed during a run")
    if readers["p95_s"] > 2.0:
        failures.append(f"p95 query latency {readers['p95_s']} s (target <= 2 s)")
    return failures
