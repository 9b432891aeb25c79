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
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from stages import faults
from stages.events import code_events, store_events
from stages.progress import Progress, silent
from stages.records import article_record, page_from_record
from stages.warc import archive_dir, attach_bodies
from transforms.boilerplate import block_keys
from transforms.clean import EXTRACTOR_VERSION, clean_page
from transforms.models import Article, RawPage
from warehouse import transaction, writer
from warehouse.articles import boilerplate, upsert_articles
from warehouse.pages import mark_pages, page_batch

log = logging.getLogger(__name__)
BATCH = 100


@dataclass(frozen=True)
class Outcome:
    """What cleaning made of one page, as stored: raw_pages.clean_status/_reason/_notes and the article."""

    status: str  # article | skipped (not an article) | unusable (no text could be had) | error
    article: Article | None = None
    block_keys: tuple[str, ...] = ()  # of the paragraphs before any filtering (learned boilerplate)
    reason: str | None = None
    notes: str | None = None


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def clean_one(page: RawPage, pattern: re.Pattern | None, learned: frozenset[str]) -> Outcome:
    """What cleaning makes of one page. A page that gave no text at all is unusable (binary, empty,
    too large...); one with text that is not an article is skipped; both keep clean()'s reason."""
    if pattern is not None and not pattern.search(_path_and_query(page.final_url or page.url)):
        return Outcome("skipped", reason="URL does not match the source's article_pattern")
    try:
        result = clean_page(page, boilerplate=learned)
    except Exception as exc:  # clean_page() never raises by contract; one bad page must not stop the run
        log.exception("clean failed on %s", page.url)
        return Outcome("error", reason=f"internal error: {type(exc).__name__}")
    notes = "; ".join(result.notes) or None
    if result.article is not None:
        return Outcome("article", result.article, tuple(block_keys(result.paragraphs)), None, notes)
    return Outcome("skipped" if result.paragraphs else "unusable", reason=result.reason, notes=notes)


def unique_articles(outcomes: list[Outcome]) -> list[Outcome]:
    """One row per article id within a batch (a page reached under two URLs): the first wins."""
    seen: dict[str, Outcome] = {}
    for outcome in outcomes:
        if outcome.article is not None:
            seen.setdefault(outcome.article.article_id, outcome)
    return list(seen.values())


def write_batch(db: Path, run_id: str, outcomes: dict[str, Outcome], coded: dict[str, list] | None) -> int:
    """Articles, their events and the page outcomes of one batch, in one transaction."""
    found = unique_articles(list(outcomes.values()))
    with writer(db) as con, transaction(con):
        new = upsert_articles(con, [article_record(o.article, list(o.block_keys)) for o in found], run_id)
        if coded is not None:
            store_events(con, coded, run_id)
        mark_pages(con, {pid: (o.status, o.reason, o.notes) for pid, o in outcomes.items()}, EXTRACTOR_VERSION)
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
        pages = [page_from_record(r) for r in attach_bodies(records, archive_dir(db))]
        outcomes = {page.page_id: clean_one(page, pattern, learned) for page in pages}
        progress(f"clean {source}", len(pages))
        articles = [o.article for o in unique_articles(list(outcomes.values()))]
        coded = code_events(articles) if code and articles else None
        faults.point("clean")
        counts["articles_new"] += write_batch(db, run_id, outcomes, coded)
        faults.point("commit")
        counts.update(o.status for o in outcomes.values())
    return {"articles_seen": counts.pop("article", 0), "pages_skipped": counts.pop("skipped", 0),
            "pages_unusable": counts.pop("unusable", 0), "clean_errors": counts.pop("error", 0), **counts}
