"""The one "words key" of a text: its lower-cased words joined by single spaces.

Content hashing (`Article.content_hash`), exact-duplicate detection and learned per-site boilerplate
all compare texts by this key, so the same text modulo spacing, case and punctuation compares equal
everywhere.
"""
from __future__ import annotations

import hashlib

import regex

_WORD = regex.compile(r"\w+")


def words(text: str) -> list[str]:
    """The lower-cased words (Unicode \\w runs) of `text`."""
    return _WORD.findall(text.lower())


def words_key(text: str) -> str:
    """Lower-cased words joined by single spaces: punctuation and spacing ignored."""
    return " ".join(words(text))


def content_hash(text: str) -> str:
    """SHA-1 of the words key: the same text modulo spacing and punctuation hashes equal."""
    return hashlib.sha1(words_key(text).encode("utf-8")).hexdigest()
