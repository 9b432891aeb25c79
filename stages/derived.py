"""Derived state over many articles, brought up to date at the end of every run, at a cost that follows
what changed rather than what is stored.

Writing articles marks, in the same transaction (warehouse.articles.upsert_articles), the source's
learned boilerplate stale and the changed articles pending for duplicate links and the search index.
`refresh()` runs at the end of every run and reprocess, whatever they fetched, and clears each mark in
the transaction that writes the new state, so a run killed after loading articles (or during this very
step) is finished by the next one.

Duplicate links: the pending articles are MinHashed (their signature and LSH band keys are stored),
then the group closed under "shares a band key or a content hash" around them and around what they
matched before is re-linked with transforms.dedup.duplicate_links from stored signatures. No article
outside that group can match one inside, so the links equal a full recomputation's, including when a
newly found article is older than its stored copies (it joins their group and the group is re-linked).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np

from stages import faults
from stages.progress import Progress, silent
from transforms.boilerplate import learn_keys
from transforms.dedup import band_keys, duplicate_links, signatures
from warehouse import transaction, writer
from warehouse.articles import (
    DUPLICATES, SEARCH, article_texts, block_key_sets, boilerplate_state, clear_pending, clear_stale, pending,
    save_boilerplate, set_duplicates, stale,
)
from warehouse.search import index_articles
from warehouse.sketches import closed_group, group_candidates, neighbours, save_sketches

log = logging.getLogger(__name__)
BOILERPLATE_PREFIX = boilerplate_state("")
SIGNATURE_DTYPE = np.dtype("<u4")  # how signatures are stored: 128 little-endian uint32


def refresh(db: Path, progress: Progress = silent) -> dict[str, int]:
    """Bring whatever is stale or pending up to date; returns what was done."""
    done = refresh_boilerplate(db)
    faults.point("finish")
    progress("duplicates", 0, total=1)
    done[DUPLICATES] = link_duplicates(db)
    progress("duplicates", 1)
    done[SEARCH] = reindex(db)
    return done


def refresh_boilerplate(db: Path) -> dict[str, int]:
    """Learn again the boilerplate of every source marked stale; returns blocks learned per entry."""
    with writer(db) as con:
        todo = stale(con)
    return {name: learn_boilerplate(db, name.removeprefix(BOILERPLATE_PREFIX))
            for name in sorted(n for n in todo if n.startswith(BOILERPLATE_PREFIX))}


def learn_boilerplate(db: Path, source: str) -> int:
    """Learn the source's template blocks from its articles' unfiltered block keys; returns how many."""
    with writer(db) as con, transaction(con):
        learned = learn_keys(block_key_sets(con, source))
        save_boilerplate(con, source, learned)
        clear_stale(con, boilerplate_state(source))
    return len(learned)


def sketch_rows(texts: dict[str, tuple[str, str]], values: list[np.ndarray | None] | None = None
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Signature and band-key records of these articles (id -> (text, content hash)), for
    warehouse.sketches; `values` are their signatures in `texts` order when already computed."""
    ids = list(texts)
    values = signatures(texts[i][0] for i in ids) if values is None else values
    sketches, bands = [], []
    for article_id, sig in zip(ids, values):
        blob = None if sig is None else np.asarray(sig, dtype=SIGNATURE_DTYPE).tobytes()
        sketches.append({"article_id": article_id, "content_hash": texts[article_id][1], "signature": blob})
        if sig is not None:
            bands += [{"article_id": article_id, "band": n, "key": k} for n, k in enumerate(band_keys(sig))]
    return sketches, bands


def _with_values(candidates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored signature bytes back to the MinHash values transforms.dedup expects."""
    return [{**row, "signature": None if row["signature"] is None
             else np.frombuffer(row["signature"], dtype=SIGNATURE_DTYPE)} for row in candidates]


def link_duplicates(db: Path) -> int:
    """Point every copy (same text, or a near-duplicate such as a syndicated wire story) at the
    earliest-published original, re-linking only the group around the pending articles; returns how
    many links changed."""
    with writer(db) as con:
        todo = pending(con, DUPLICATES)
        texts = article_texts(con, todo) if todo else {}
    if not todo:
        return 0
    sketches, bands = sketch_rows(texts)
    with writer(db) as con, transaction(con):
        # Another run (a DuckLake loads several at once) may have rewritten some of these articles since
        # they were read: their marks stay and their old sketches are not stored; the next refresh
        # (that run's own, at the latest) does them.
        now = article_texts(con, todo)
        moved = {i for i in todo if now.get(i) != texts.get(i)}
        if moved:
            sketches = [r for r in sketches if r["article_id"] not in moved]
            bands = [r for r in bands if r["article_id"] not in moved]
        before = neighbours(con, todo)  # what the changed articles matched before (old signatures)
        save_sketches(con, sketches, bands)
        group = closed_group(con, before | (set(texts) - moved))
        links = duplicate_links(_with_values(group_candidates(con, group)))
        faults.point("dedup")
        changed = set_duplicates(con, links)
        clear_pending(con, DUPLICATES, [i for i in todo if i not in moved])
    return changed


def reindex(db: Path) -> int:
    """Replace the search-index rows of the pending articles; returns how many were indexed."""
    with writer(db) as con, transaction(con):
        todo = pending(con, SEARCH)
        indexed = index_articles(con, todo)
        faults.point("index")
        clear_pending(con, SEARCH, todo)
    return indexed
