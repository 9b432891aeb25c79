"""`newsdesk bench scale`: the fixed cost of an hourly run as the archive grows.

For each size (1k, 10k, 100k articles) a synthetic warehouse is built in bulk (bench.synthetic text,
Arrow inserts, signatures hashed on every core, links and search rows computed once), then ONE run is
timed through the real stages: 10 new article pages and 1 changed one are loaded as a crawl's output,
cleaned, and the derived state (boilerplate, duplicate links, search index) refreshed. Event coding
is left out: it costs the same per article at any archive size. The last line is
`ratio 100k/1k: X`, the fixed cost at 100k articles over the fixed cost at 1k.
"""
from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path
from typing import Any

import pyarrow as pa
from rich.console import Console
from rich.table import Table

from bench.synthetic import archive, story
from stages import derived
from stages.batch import clean_batches
from stages.ingest import load_pages
from transforms.dedup import duplicate_links, signatures
from transforms.models import RawPage
from warehouse import migrate, transaction, writer
from warehouse.articles import ARTICLE_SCHEMA
from warehouse.search import index_articles
from warehouse.sketches import insert_sketches

SIZES = (1_000, 10_000, 100_000)
CHUNK = 2_000
STAGES = ("load", "clean", "boilerplate", "duplicates", "search")


def _chunk(args: tuple[int, int, int]) -> tuple[list[dict[str, Any]], list]:
    """One chunk of the archive and its signatures (runs in a worker process)."""
    index, size, seed = args
    records = list(archive(size, seed * 100_000 + index, first=index * CHUNK))
    return records, signatures(r["text"] for r in records)


def synthetic(count: int, seed: int = 13, workers: int = 2) -> tuple[list[dict[str, Any]], list]:
    """`count` synthetic articles and their signatures, made in chunks on `workers` processes."""
    jobs = [(i, min(CHUNK, count - i * CHUNK), seed) for i in range(-(-count // CHUNK))]
    records, values = [], []
    with ProcessPoolExecutor(workers) as pool:
        for part, sigs in pool.map(_chunk, jobs):
            records += part
            values += sigs
    return records, values


def _insert(con: Any, name: str, table: pa.Table, sql: str) -> None:
    con.register(name, table)
    try:
        con.execute(sql)
    finally:
        con.unregister(name)


PAGES_SQL = """
    insert into raw_pages (page_id, url, source, final_url, status, content_type, fetched_at, first_seen_at,
                           run_id, clean_status, clean_version)
    select page_id, url, source, url, 200, 'text/html', published::timestamptz, published::timestamptz,
           'synthetic', 'article', 'synthetic' from article_rows
"""
ARTICLES_SQL = """
    insert into articles by name
    select *, try_cast(published as timestamptz) as published_at, published::timestamptz as first_seen_at,
           published::timestamptz as updated_at from article_rows
"""
PAIRS_SQL = """
    select distinct a.article_id, b.article_id from article_bands a
    join article_bands b on a.band = b.band and a.key = b.key and a.article_id < b.article_id
    union
    select a.article_id, b.article_id from article_sketches a
    join article_sketches b on a.content_hash = b.content_hash and a.article_id < b.article_id
"""


def _groups(pairs: list[tuple[str, str]]) -> list[set[str]]:
    """Connected groups of the "could match" pairs (union-find); singletons need no linking."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[str, set[str]] = {}
    for x in list(parent):
        groups.setdefault(root(x), set()).add(x)
    return list(groups.values())


def build(db: Path, count: int, seed: int = 13) -> float:
    """A warehouse of `count` synthetic articles with signatures, links and search rows; returns seconds."""
    start = time.perf_counter()
    records, values = synthetic(count, seed)
    rows = pa.Table.from_pylist(records, schema=ARTICLE_SCHEMA)
    sketches, bands = derived.sketch_rows({r["article_id"]: (r["text"], r["content_hash"]) for r in records}, values)
    with writer(db) as con:
        migrate(con)
        con.execute("set enable_progress_bar = false")
        with transaction(con):
            _insert(con, "article_rows", rows, ARTICLES_SQL)
            _insert(con, "article_rows", rows, PAGES_SQL)
            insert_sketches(con, pa.Table.from_pylist(sketches), pa.Table.from_pylist(bands))
            _link_all(con)
            index_articles(con, [r["article_id"] for r in records])
        con.execute("checkpoint")
    return time.perf_counter() - start


def _link_all(con: Any) -> None:
    """Links for the whole archive: the rule (duplicate_links) run on each group that could match."""
    from warehouse.articles import set_duplicates

    from warehouse.sketches import all_candidates

    candidates = {row["article_id"]: row for row in derived._with_values(all_candidates(con))}
    position = {article_id: n for n, article_id in enumerate(candidates)}
    links: dict[str, str | None] = {}
    for group in _groups(con.execute(PAIRS_SQL).fetchall()):
        links.update(duplicate_links([candidates[a] for a in sorted(group, key=position.__getitem__)]))
    set_duplicates(con, links)


def page_html(title: str, text: str, published: str) -> str:
    """A plain news page that transforms.clean reads as an article."""
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
    return (f"<html lang='en'><head><title>{escape(title)}</title><meta property='og:type' content='article'>"
            f"<meta property='article:published_time' content='{published}'></head><body><article>"
            f"<h1>{escape(title)}</h1>{paragraphs}</article></body></html>")


def run_pages(db: Path, path: Path, seed: int = 99, new: int = 10) -> None:
    """A crawl's output: `new` article pages never seen, and one stored article whose text changed."""
    import random

    rng = random.Random(seed)
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    with writer(db) as con:
        url, source, published = con.execute("select url, source, published from articles "
                                              "order by article_id limit 1 offset ?", [seed % 100]).fetchone()
    pages = [(f"https://outlet0.example/news/2026/01/01/run-{seed}-story-{i}", "outlet0",
              (now - timedelta(hours=i)).isoformat(), story(rng, 6)) for i in range(new)]
    pages.append((url, source, published, story(rng, 6)))
    with path.open("w", encoding="utf-8") as out:
        for url, source, published, text in pages:
            title = text[:text.find(" ", 40)]
            page = RawPage(url=url, source=source, fetched_at=now.isoformat(), status=200, content_type="text/html",
                           final_url=url, body=page_html(title, text, published).encode("utf-8"))
            out.write(json.dumps(page.to_json()) + "\n")


def timed_run(db: Path, work: Path, seed: int = 99) -> dict[str, float]:
    """Seconds per stage of one run adding 10 articles and changing 1, through the real stages."""
    path = work / f"run-{seed}.pages.jsonl"
    run_pages(db, path, seed)
    laps: dict[str, float] = {}

    def lap(stage: str, step: Callable[[], Any]) -> None:
        start = time.perf_counter()
        step()
        laps[stage] = time.perf_counter() - start

    run_id = f"bench-{seed}"
    lap("load", lambda: load_pages(db, path, run_id))
    lap("clean", lambda: [clean_batches(db, run_id, f"outlet{n}", None, code=False) for n in range(5)])
    lap("boilerplate", lambda: derived.refresh_boilerplate(db))
    lap("duplicates", lambda: derived.link_duplicates(db))
    lap("search", lambda: derived.reindex(db))
    return laps


def disk_mb(db: Path) -> float:
    """The warehouse file (and its write-ahead log, if any) in MB."""
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + ".wal")) if p.exists()) / 1e6


QUERIES = ("ministers", "police said on friday", "reform of the union", "syria election", "wire desk")


def same_search(db: Path) -> bool:
    """Whether search() ranks and scores like DuckDB's fts index built over the whole archive now."""
    with writer(db) as con:
        con.execute("set enable_progress_bar = false")
        ours = [con.execute("select article_id, round(score, 9) from search(?)", [q]).fetchall() for q in QUERIES]
        con.execute("pragma create_fts_index('articles', 'article_id', 'title', 'text', stemmer = 'porter', "
                    "stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1)")
        theirs = [con.execute("select article_id, round(s, 9) from (select article_id, "
                              "fts_main_articles.match_bm25(article_id, ?) as s from articles) where s is not null "
                              "order by s desc, article_id", [q]).fetchall() for q in QUERIES]
        con.execute("pragma drop_fts_index('articles')")
    return ours == theirs


def same_as_full(db: Path) -> bool:
    """Whether the stored links equal duplicate_links() swept over the whole archive at once."""
    from warehouse.sketches import all_candidates

    with writer(db) as con:
        stored = dict(con.execute("select article_id, duplicate_of from articles").fetchall())
        candidates = derived._with_values(all_candidates(con))
    return duplicate_links(candidates) == stored


RUNS = 3  # timed runs per size; the table shows the median of each stage


def measure(size: int, work: Path, console: Console) -> dict[str, Any]:
    """Build one warehouse, time RUNS runs on it; the row of the printed table (medians)."""
    db = work / f"scale-{size}.duckdb"
    built = build(db, size)
    runs = [timed_run(db, work, seed) for seed in range(RUNS)]
    laps = {stage: statistics.median(r[stage] for r in runs) for stage in STAGES}
    row = {"size": size, "build": built, **laps, "total": statistics.median(sum(r.values()) for r in runs),
           "mb": disk_mb(db)}
    if size <= 10_000:
        row["links_check"] = "same" if same_as_full(db) else "DIFFERENT"
        row["search_check"] = "same" if same_search(db) else "DIFFERENT"
    console.print(f"{size:>7,} articles: built in {built:.1f} s, run {row['total']:.2f} s", highlight=False)
    return row


def table(rows: list[dict[str, Any]]) -> Table:
    out = Table(title="fixed cost of a run adding 10 articles and changing 1 (seconds)")
    for column in ("articles", *STAGES, "total", "warehouse MB", "links vs full", "search vs fts"):
        out.add_column(column, justify="right")
    for r in rows:
        out.add_row(f"{r['size']:,}", *(f"{r[s]:.2f}" for s in STAGES), f"{r['total']:.2f}", f"{r['mb']:.0f}",
                    r.get("links_check", "-"), r.get("search_check", "-"))
    return out


def main(console: Console, sizes: tuple[int, ...] = SIZES, work: Path | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="newsdesk-scale-", dir=work) as tmp:
        warm_up(Path(tmp))
        rows = [measure(size, Path(tmp), console) for size in sizes]
    console.print(table(rows))
    ratio = rows[-1]["total"] / rows[0]["total"]
    console.print(f"ratio {_label(sizes[-1])}/{_label(sizes[0])}: {ratio:.2f}", highlight=False)
    same = all(r.get(k, "same") == "same" for r in rows for k in ("links_check", "search_check"))
    return {"rows": rows, "ratio": ratio, "same_links": same}


def warm_up(work: Path) -> None:
    """One untimed run on a small warehouse: imports and first-call caches are not a fixed cost."""
    db = work / "warm-up.duckdb"
    build(db, 200)
    timed_run(db, work, seed=1000)


def _label(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 else str(size)


def gate(result: dict[str, Any]) -> list[str]:
    """Floors: at most 3x the 1k cost at the largest size, and the same links as a full recomputation."""
    failures = [f"ratio {result['ratio']:.2f} > 3"] if result["ratio"] > 3 else []
    return failures + ([] if result["same_links"] else ["links or search differ from a full recomputation"])
