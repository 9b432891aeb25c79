"""Derived state over many articles, brought up to date whenever it is marked stale.

Writing articles marks duplicate links, the search index and the source's learned boilerplate stale in
the same transaction (warehouse.articles.upsert_articles). `refresh()` runs at the end of every run and
reprocess, whatever they fetched, and clears each mark in the transaction that writes the new state,
so a run killed after loading articles (or during this very step) is finished by the next one.
"""
from __future__ import annotations

import logging
from pathlib import Path

from stages import faults
from stages.progress import Progress, silent
from transforms.boilerplate import learn_keys
from transforms.dedup import duplicate_links
from warehouse import transaction, writer
from warehouse.articles import (
    DUPLICATES, SEARCH, block_key_sets, boilerplate_state, clear_stale, dedup_candidates, save_boilerplate,
    set_duplicates, stale,
)
from warehouse.search import has_index, rebuild_index

log = logging.getLogger(__name__)
BOILERPLATE_PREFIX = boilerplate_state("")


def refresh(db: Path, progress: Progress = silent) -> dict[str, int]:
    """Recompute whatever is stale (and the search index when it is missing); returns what was done."""
    with writer(db) as con:
        todo = stale(con)
        missing_index = not has_index(con)
    done: dict[str, int] = {}
    for name in sorted(n for n in todo if n.startswith(BOILERPLATE_PREFIX)):
        done[name] = learn_boilerplate(db, name.removeprefix(BOILERPLATE_PREFIX))
    faults.point("finish")
    if DUPLICATES in todo:
        progress("duplicates", 0, total=1)
        done[DUPLICATES] = link_duplicates(db)
        progress("duplicates", 1)
    if SEARCH in todo or missing_index:
        done[SEARCH] = reindex(db)
    return done


def learn_boilerplate(db: Path, source: str) -> int:
    """Learn the source's template blocks from its articles' unfiltered block keys; returns how many."""
    with writer(db) as con, transaction(con):
        learned = learn_keys(block_key_sets(con, source))
        save_boilerplate(con, source, learned)
        clear_stale(con, boilerplate_state(source))
    return len(learned)


def link_duplicates(db: Path) -> int:
    """Point every copy (same text, or a near-duplicate such as a syndicated wire story) at the
    earliest-published original; returns how many links changed."""
    with writer(db) as con:
        candidates = dedup_candidates(con)
    links = duplicate_links(candidates)
    with writer(db) as con, transaction(con):
        changed = set_duplicates(con, links)
        clear_stale(con, DUPLICATES)
    return changed


def reindex(db: Path) -> int:
    """Rebuild the full-text index (a snapshot in DuckDB) and the `search` macro; returns 1."""
    with writer(db) as con, transaction(con):
        rebuild_index(con)
        clear_stale(con, SEARCH)
    return 1
