"""Fast multi-phrase matching over word tokens, for the clutter rules.

Hundreds of phrases in a dozen languages, tested against every paragraph of every page: one regular
expression per rule costs more than trafilatura itself. Instead text and phrases are cut into the
same tokens (lower-cased words, plus the punctuation that carries meaning in clutter: ":" "/" "+"
"©"), and phrases are looked up by their first token, so a paragraph costs one dict lookup per word.
Chinese and Japanese are written without spaces; their phrases are matched as substrings.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

import regex

_TOKEN = regex.compile(r"[^\W_]+|[:/+©]")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with the meaningful punctuation kept as tokens of their own."""
    return _TOKEN.findall(text.lower())


@dataclass(frozen=True)
class Hit:
    """A phrase found in a text, with the rule, tier and language list it came from."""

    phrase: str
    rule: str
    tier: str
    language: str


@dataclass
class PhraseIndex:
    """Phrases indexed by first token (and CJK phrases kept apart for substring search)."""

    by_first: dict[str, list[tuple[tuple[str, ...], Hit]]] = field(default_factory=lambda: defaultdict(list))
    cjk: list[tuple[str, Hit]] = field(default_factory=list)
    languages: set[str] = field(default_factory=set)

    def add(self, phrase: str, rule: str, tier: str, language: str) -> None:
        hit = Hit(phrase.lower(), rule, tier, language)
        self.languages.add(language)
        if _CJK.search(phrase):
            self.cjk.append((phrase.lower(), hit))
            return
        toks = tuple(tokens(phrase))
        if toks:
            self.by_first[toks[0]].append((toks, hit))

    def find(self, text: str, language: str | None = None) -> list[Hit]:
        """All phrase hits in `text` for the page language, English and "any" (all when unknown)."""
        allowed = _allowed(language, self.languages)
        toks = tokens(text)
        found = [hit for i, tok in enumerate(toks) for seq, hit in self.by_first.get(tok, ())
                 if (allowed is None or hit.language in allowed) and tuple(toks[i:i + len(seq)]) == seq]
        if self.cjk and _CJK.search(text):
            lowered = text.lower()
            found += [hit for phrase, hit in self.cjk
                      if (allowed is None or hit.language in allowed) and phrase in lowered]
        return found


def _allowed(language: str | None, known: set[str]) -> frozenset[str] | None:
    if not language or language not in known:
        return None
    return frozenset((language, "en", "any"))


def build_index(entries: Iterable[tuple[str, str, str, str]]) -> PhraseIndex:
    """Index of (phrase, rule, tier, language) entries."""
    index = PhraseIndex()
    for phrase, rule, tier, language in entries:
        index.add(phrase, rule, tier, language)
    return index
