"""Boilerplate learned per source: blocks that recur across many pages of one site.

A paragraph that appears, word for word, on a large share of a site's articles is template text
(a standing appeal, a legal notice, a "follow us" line in the body) whatever its words are, in any
language. The stage that loads articles stores each article's block keys (of its paragraphs BEFORE
any clutter filtering, so what was learned last time is still seen), learns the key set per source
from them and passes it to `clean()` next time. Keys are hashes of the words key of a paragraph, so
the set is small and holds no article text.
"""
from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Sequence

from transforms.text import words, words_key

log = logging.getLogger(__name__)

MIN_PAGES = 5  # below this many pages a site has no "usual" template to learn
MIN_SHARE = 0.3  # a block on at least 30% of the pages (and on MIN_PAGES of them) is boilerplate
MIN_WORDS = 2  # single words ("Share") are the phrase rules' job; hashing them adds noise


def block_key(paragraph: str) -> str:
    """Stable key of a paragraph: SHA-1 of its words key (case, punctuation and spacing ignored)."""
    return hashlib.sha1(words_key(paragraph).encode("utf-8")).hexdigest()[:20]


def block_keys(paragraphs: Sequence[str]) -> list[str]:
    """Keys of the paragraphs long enough to count as blocks, in page order (one per distinct block)."""
    return list(dict.fromkeys(block_key(p) for p in paragraphs if len(words(p)) >= MIN_WORDS))


def learn(paragraph_lists: Iterable[Sequence[str]], min_pages: int = MIN_PAGES,
          min_share: float = MIN_SHARE) -> frozenset[str]:
    """Keys of blocks present on at least `min_pages` pages and `min_share` of all pages."""
    return learn_keys((block_keys(p) for p in paragraph_lists), min_pages, min_share)


def learn_keys(key_sets: Iterable[Iterable[str]], min_pages: int = MIN_PAGES,
               min_share: float = MIN_SHARE) -> frozenset[str]:
    """`learn` over stored block keys, one collection per page.

    Each page counts once per block (a block repeated within one page is not evidence), and a site
    with fewer than `min_pages` pages yields nothing: one story quoted twice is not a template.
    """
    pages = 0
    seen: Counter[str] = Counter()
    copies: set[frozenset[str]] = set()
    for collection in key_sets:
        keys = frozenset(collection)
        if keys in copies:  # the same article under another URL is not evidence of a template
            continue
        copies.add(keys)
        pages += 1
        seen.update(keys)
    if pages < min_pages:
        return frozenset()
    needed = max(min_pages, min_share * pages)
    learned = frozenset(key for key, count in seen.items() if count >= needed)
    log.info("boilerplate: %d blocks learned from %d pages", len(learned), pages)
    return learned
