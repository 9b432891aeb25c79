"""The clean-and-load stage, outside Prefect so tests, `reprocess` and the flow share one code path.

Pages are taken in batches; each batch is cleaned and coded in memory, then written in short
transactions: articles, then events, then the page statuses. Pages stay `pending` until that last
write, and every write is an idempotent upsert, so a kill at any point makes the next run redo the
batch and end with the same rows.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flows import faults, progress
from transforms import boilerplate as boilerplate_rules
from transforms.clean import EXTRACTOR_VERSION, clean
from transforms.dedup import DuplicateIndex
from transforms.models import Article, RawPage
from warehouse import writer
from warehouse.events import upsert_events
from warehouse.load import (
    article_paragraphs, boilerplate, dedup_candidates, mark_pages, page_batch, save_boilerplate,
    set_duplicates, upsert_articles,
)

log = logging.getLogger(__name__)
BATCH = 100


@lru_cache(maxsize=1)
def event_resources() -> Any:
    """The spaCy model and gazetteer, loaded once per process (a few seconds)."""
    from transforms.events import load_resources

    return load_resources()


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _clean_page(page: RawPage, pattern: re.Pattern | None, learned: frozenset[str]) -> tuple[str, Article | None]:
    if pattern is not None and not pattern.search(_path_and_query(page.final_url or page.url)):
        return "skipped", None
    try:
        article = clean(page, boilerplate=learned)
    except Exception:  # clean() should never raise; one bad page must not stop the run
        log.exception("clean failed on %s", page.url)
        return "error", None
    return ("article", article) if article is not None else ("skipped", None)


def _code_events(articles: list[Article]) -> dict[str, list]:
    from transforms.events import extract_events_many

    coded = extract_events_many(articles, event_resources())
    return {article.article_id: events for article, events in zip(articles, coded)}


def _write_batch(db: Path, run_id: str, articles: list[Article], statuses: dict[str, str],
                 coded: dict[str, list] | None) -> int:
    """Articles, then their events, then the page statuses, each in its own short transaction.

    Pages stay pending until the last step, so a crash anywhere in between makes the next run
    clean and code them again; every write is an idempotent upsert, so nothing is doubled.
    """
    with writer(db) as con:
        con.execute("begin transaction")
        new = upsert_articles(con, articles, run_id)
        con.execute("commit")
        if coded is not None:
            upsert_events(con, coded, run_id)
        con.execute("begin transaction")
        mark_pages(con, statuses, EXTRACTOR_VERSION)
        con.execute("commit")
    return new


def clean_batches(db: Path, run_id: str, source: str, pattern: re.Pattern | None, *, code_events: bool = True,
                  reprocess: bool = False, since: str | None = None) -> dict[str, int]:
    """Clean every pending (or, with `reprocess`, every stored) page of a source; return counts."""
    counts: Counter[str] = Counter()
    learned: frozenset[str] | None = None
    after = ""
    while True:
        with writer(db) as con:
            pages = page_batch(con, after=after, limit=BATCH, source=source, since=since, all_pages=reprocess)
            if not pages:
                break
            if learned is None:
                learned = boilerplate(con, source)
        after = pages[-1].url
        results = {page.page_id: _clean_page(page, pattern, learned) for page in pages}
        progress.step(f"clean {source}", len(pages))
        statuses = {pid: status for pid, (status, _) in results.items()}
        found = [a for _, a in results.values() if a is not None]
        articles = _unique(found)
        coded = _code_events(articles) if code_events and articles else None
        faults.point("clean")
        counts["articles_new"] += _write_batch(db, run_id, articles, statuses, coded)
        faults.point("commit")
        counts.update(statuses.values())
    result = {"articles_seen": counts.pop("article", 0), "pages_skipped": counts.pop("skipped", 0),
              "clean_errors": counts.pop("error", 0), **counts}
    if result["articles_seen"]:
        _learn_boilerplate(db, source)
    return result


def _unique(articles: list[Article]) -> list[Article]:
    """One row per canonical URL within a batch (a page reached under two URLs)."""
    seen: dict[str, Article] = {}
    for article in articles:
        seen.setdefault(article.article_id, article)
    return list(seen.values())


def _learn_boilerplate(db: Path, source: str) -> None:
    """Blocks that recur across many of a source's articles are clutter on its next run."""
    with writer(db) as con:
        blocks = boilerplate_rules.learn(article_paragraphs(con, source))
        save_boilerplate(con, source, blocks)


def mark_duplicates(db: Path) -> int:
    """Recompute duplicate_of over all articles: each copy points at the earliest-published one.

    Deterministic for a given set of articles (order: published, then canonical URL), so a run that
    crashed and resumed ends with the same links as one that did not. Returns how many rows changed.
    """
    with writer(db) as con:
        candidates = dedup_candidates(con)
    index = DuplicateIndex()
    links: dict[str, str | None] = {}
    for article in candidates:
        original = index.find(article)
        links[article.article_id] = links.get(original) or original
        index.add(article.article_id, article.text)
    with writer(db) as con:
        return set_duplicates(con, links)
