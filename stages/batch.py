"""Clean and code: pending pages of a source, in batches, into articles and events in the warehouse.

Each batch is cleaned and coded in memory, then written in ONE transaction: the articles (which marks
duplicates, search index and the source's boilerplate stale), their events, and the page statuses.
Pages stay `pending` until that commit, and every write is an idempotent upsert, so a kill at any
point makes the next run redo the batch and end with the same rows.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from stages import faults
from stages.events import code_events, store_events
from stages.progress import Progress, silent
from stages.records import article_record, page_from_record
from transforms.boilerplate import block_keys
from transforms.clean import EXTRACTOR_VERSION, clean_with_blocks
from transforms.models import Article, RawPage
from warehouse import transaction, writer
from warehouse.articles import boilerplate, upsert_articles
from warehouse.pages import mark_pages, page_batch

log = logging.getLogger(__name__)
BATCH = 100

Cleaned = tuple[str, Article | None, list[str]]  # page status, article, block keys of its raw paragraphs


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def clean_one(page: RawPage, pattern: re.Pattern | None, learned: frozenset[str]) -> Cleaned:
    """What cleaning makes of one page: ("article" | "skipped" | "error", the article, its block keys)."""
    if pattern is not None and not pattern.search(_path_and_query(page.final_url or page.url)):
        return "skipped", None, []
    try:
        article, raw = clean_with_blocks(page, boilerplate=learned)
    except Exception:  # clean() should never raise; one bad page must not stop the run
        log.exception("clean failed on %s", page.url)
        return "error", None, []
    return ("article", article, block_keys(raw)) if article is not None else ("skipped", None, [])


def _unique(results: list[Cleaned]) -> list[tuple[Article, list[str]]]:
    """One row per article id within a batch (a page reached under two URLs): the first wins."""
    seen: dict[str, tuple[Article, list[str]]] = {}
    for _, article, keys in results:
        if article is not None:
            seen.setdefault(article.article_id, (article, keys))
    return list(seen.values())


def _write(db: Path, run_id: str, found: list[tuple[Article, list[str]]], statuses: dict[str, str],
           coded: dict[str, list] | None) -> int:
    """Articles, their events and the page statuses of one batch, in one transaction."""
    with writer(db) as con, transaction(con):
        new = upsert_articles(con, [article_record(a, keys) for a, keys in found], run_id)
        if coded is not None:
            store_events(con, coded, run_id)
        mark_pages(con, statuses, EXTRACTOR_VERSION)
    return new


def clean_batches(db: Path, run_id: str, source: str, pattern: re.Pattern | None, *, code: bool = True,
                  reprocess: bool = False, since: str | None = None, progress: Progress = silent) -> dict[str, int]:
    """Clean every pending (or, with `reprocess`, every stored) page of a source; return counts."""
    counts: Counter[str] = Counter()
    learned: frozenset[str] | None = None
    after = ""
    while True:
        with writer(db) as con:
            records = page_batch(con, after=after, limit=BATCH, source=source, since=since, all_pages=reprocess)
            learned = boilerplate(con, source) if learned is None else learned
        if not records:
            break
        after = records[-1]["url"]
        pages = [page_from_record(r) for r in records]
        results = {page.page_id: clean_one(page, pattern, learned) for page in pages}
        progress(f"clean {source}", len(pages))
        found = _unique(list(results.values()))
        coded = code_events([a for a, _ in found]) if code and found else None
        faults.point("clean")
        counts["articles_new"] += _write(db, run_id, found, {pid: r[0] for pid, r in results.items()}, coded)
        faults.point("commit")
        counts.update(r[0] for r in results.values())
    return {"articles_seen": counts.pop("article", 0), "pages_skipped": counts.pop("skipped", 0),
            "clean_errors": counts.pop("error", 0), **counts}
