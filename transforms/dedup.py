"""Duplicate articles: the same text under several URLs, and syndicated near-copies.

Two tests, cheapest first:
  1. exact: equal `content_hash` (SHA-1 of the lower-cased words, see transforms.clean);
  2. near: Jaccard similarity of the sets of word 4-grams ("shingles") at least THRESHOLD = 0.8,
     estimated with MinHash (128 permutations) and found through LSH (datasketch), so finding a
     match does not compare against every stored article.
A wire story re-published with a new intro line or a different sign-off keeps well over 80% of its
4-grams; two outlets' own stories about the same event share names and phrases but few 4-word runs.
`duplicate_of` always points at the FIRST copy seen (earlier runs first, then arrival order), and a
copy of a copy points at the original, not at the middle link.

The rule is exact over any set of articles closed under "shares an LSH band or a content hash" (every
article an article could match is in the set), so the warehouse keeps each article's signature and
band keys and re-links only the closed group around what changed (stages.derived): the same links as
a sweep over the whole archive, at a cost that does not grow with it.
"""
from __future__ import annotations

import logging
import hashlib
from functools import lru_cache
from collections.abc import Iterable
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from transforms.text import content_hash as text_content_hash
from transforms.text import words as text_words

log = logging.getLogger(__name__)

THRESHOLD = 0.8
NUM_PERM = 128
SHINGLE = 4
MIN_WORDS = 30  # shorter texts are only matched exactly: a few shingles make Jaccard meaningless


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word n-grams of the lower-cased text, as bytes for hashing."""
    words = text_words(text)
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(max(len(words) - size + 1, 0))}


def signatures(texts: Iterable[str], num_perm: int = NUM_PERM) -> list[np.ndarray | None]:
    """The MinHash values of each text's shingles (None when too short to compare by similarity);
    hashed in bulk, so the permutations are drawn once for all texts."""
    grams = [list(shingles(text)) for text in texts]
    long = [g for g in grams if len(g) >= MIN_WORDS - SHINGLE + 1]
    sketches = iter(MinHash.bulk(long, num_perm=num_perm) if long else [])
    return [next(sketches).hashvalues if len(g) >= MIN_WORDS - SHINGLE + 1 else None for g in grams]


def signature(text: str, num_perm: int = NUM_PERM) -> np.ndarray | None:
    """The MinHash values of one text (see `signatures`)."""
    return signatures([text], num_perm)[0]


@lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) datasketch picks for this threshold (a numerical optimisation worth ~20 ms: once)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _bands(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """The LSH bands: two texts are candidates when the values of one band agree."""
    bands, rows = lsh_params(threshold, num_perm)
    return [(n * rows, (n + 1) * rows) for n in range(bands)]


BANDS = _bands(THRESHOLD, NUM_PERM)
SCHEME = MinHash(num_perm=1).scheme  # how stored signatures were hashed (datasketch's default)


def band_keys(values: np.ndarray, bands: list[tuple[int, int]] = BANDS) -> list[int]:
    """One 64-bit key per LSH band (equal keys <=> the band's values agree, up to 2^-64 collisions,
    which the similarity check then rejects), so the warehouse finds candidates with an equi-join."""
    raw = np.asarray(values, dtype=np.uint64)
    return [int.from_bytes(hashlib.blake2b(raw[lo:hi].tobytes(), digest_size=8).digest(), "big") >> 1
            for lo, hi in bands]


class DuplicateIndex:
    """Index of seen article texts; `find` names the first-seen copy of a new text, if any.

    threshold: minimum estimated Jaccard similarity of word 4-gram sets (default 0.8).
    num_perm: MinHash permutations (128: estimate error about +-0.09 at worst, tighter near 1).
    """

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, params=lsh_params(threshold, num_perm))
        self._hashes: dict[str, str] = {}  # content hash -> article id
        self._sketches: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}  # article id -> arrival position
        self._root: dict[str, str] = {}  # article id -> first-seen copy

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._order

    def add(self, article_id: str, text: str, content_hash: str | None = None, original: str | None = None,
            values: Any = False) -> None:
        """Remember a text; a later `find` may return `article_id`, or `original` when it is a copy of that.

        `values`: the text's stored signature (None: too short), to skip hashing it again."""
        if article_id in self._order:
            return
        self._order[article_id] = len(self._order)
        self._root[article_id] = self._root.get(original, original) if original else article_id
        self._hashes.setdefault(content_hash or text_content_hash(text), article_id)
        sketch = self._sketch(text, values)
        if sketch is not None:
            self._sketches[article_id] = sketch
            self._lsh.insert(article_id, sketch)

    def find(self, article_id: str, text: str, content_hash: str | None = None, values: Any = False) -> str | None:
        """The id of the first-seen copy of this text (another article), or None when it is new."""
        exact = self._hashes.get(content_hash or text_content_hash(text))
        if exact is not None and exact != article_id:
            return self._root[exact]
        sketch = self._sketch(text, values)
        if sketch is None:
            return None
        matches = [c for c in self._lsh.query(sketch)
                   if c != article_id and sketch.jaccard(self._sketches[c]) >= self.threshold]
        if not matches:
            return None
        return self._root[min(matches, key=lambda c: self._order[self._root[c]])]

    def _sketch(self, text: str, values: Any = False) -> MinHash | None:
        if values is False:
            values = signature(text, self.num_perm)
        return None if values is None else MinHash(num_perm=self.num_perm, hashvalues=values, scheme=SCHEME)


def duplicate_links(candidates: Iterable[dict[str, Any]], threshold: float = THRESHOLD,
                    num_perm: int = NUM_PERM) -> dict[str, str | None]:
    """`duplicate_of` for every candidate: the first-seen copy of its text, or None for an original.

    `candidates` are dicts with `article_id`, `text` and `content_hash` (and optionally `signature`,
    the stored result of `signature(text)`), in the order that decides which copy is the original (the
    warehouse gives earliest published first). Deterministic for a given set of articles, so a run
    that crashed and resumed ends with the same links.
    """
    index = DuplicateIndex(threshold=threshold, num_perm=num_perm)
    links: dict[str, str | None] = {}
    for row in candidates:
        article_id, text = row["article_id"], row.get("text") or ""
        values = row.get("signature", False)
        original = index.find(article_id, text, row.get("content_hash"), values)
        links[article_id] = original
        index.add(article_id, text, row.get("content_hash") or None, original, values)
    return links
