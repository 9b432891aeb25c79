"""Precision before recall: which coded candidates are PLOVER events at all.

A PLOVER event is an interaction between political or social actors. Sports reports, weather,
disasters and accidents, business results, product text and page furniture use the same verbs
("beat", "struck", "attacked the basket", "agreed to buy") but are not such interactions, so a
sentence marked by their vocabulary (relevance.toml) yields no event unless it also names a
political or social actor; and an event whose doer is a force of nature, a thing or a market is
dropped whatever the sentence says.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

from .gazetteer import fold
from .model import Participant


IMPERSONAL = frozenset({"it", "they", "them", "we", "us", "you", "i", "there", "this", "that", "which", "what",
                        "everyone", "anyone", "someone", "nobody", "all", "both", "others", "one"})
FEATURES = frozenset({"river", "storm", "hurricane", "typhoon", "cyclone", "tropical", "mount", "lake", "volcano"})
PERSONS = frozenset({"he", "she", "him", "her"})
HUMAN_PLURALS = ("ists", "ians", "ees")  # activists, Palestinians, refugees
CROWDS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions", "crowds", "tens of thousands",
                    "hundreds of thousands"})  # a counted crowd: "thousands marched", "hundreds of thousands of X"


@dataclass(frozen=True)
class Relevance:
    """The compiled word lists of relevance.toml."""

    domains: tuple[tuple[str, re.Pattern[str]], ...]
    anchors: re.Pattern[str]
    furniture: re.Pattern[str]
    natural: frozenset[str]
    people: frozenset[str] = frozenset()
    abstract: frozenset[str] = frozenset()
    weapons: frozenset[str] = frozenset()
    carriers: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # domain words written with a capital in relevance.toml ("Wimbledon")
    states: re.Pattern[str] | None = None  # country names, as written (case-sensitive)


def _words(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive pattern matching any of the words or phrases as whole words."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def load_relevance(known_actors: Iterable[str] = (), countries: Iterable[str] = ()) -> Relevance:
    """The word lists; `known_actors` (the lexicon's named groups: "al-shabaab", "taliban") anchor a
    sentence as its [anchors] words do ("Al-Shabaab fighters stormed a hotel" is no hotel review), and
    `countries` (the gazetteer's country names) let two states named together do it in disaster or business
    text ("Ukraine accused Russia of blowing up the dam, flooding dozens of villages")."""
    names = sorted(set(countries), key=len, reverse=True)
    states = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])") if names else None
    data = tomllib.loads((resources.files("transforms.events") / "relevance.toml").read_text(encoding="utf-8"))
    return Relevance(domains=tuple((name, _words(words)) for name, words in data["domains"].items()),
                     anchors=_words([*data["anchors"]["words"], *known_actors]), furniture=_words(data["furniture"]["phrases"]),
                     natural=frozenset(data["natural_actors"]["words"]), people=frozenset(data["people"]["words"]),
                     abstract=frozenset(data["abstract_actors"]["words"]),
                     weapons=frozenset(data["weapons"]["words"]), carriers=frozenset(data["weapons"]["carriers"]),
                     names=frozenset(w.lower() for words in data["domains"].values() for w in words if w[:1].isupper()),
                     states=states)


def off_topic(sentence: str, rel: Relevance) -> str | None:
    """The non-political kind of text the sentence belongs to ("sports", "furniture"...), or None."""
    return reading(sentence, rel)[0]


def reading(sentence: str, rel: Relevance) -> tuple[str | None, bool]:
    """The sentence's non-political kind (off_topic) and whether it is anchored (names a political or
    social actor other than as its source or inside a domain phrase), from one pass over its words."""
    if rel.furniture.search(sentence):
        return "furniture", False
    marks = [(name, m) for name, pattern in rel.domains for m in pattern.finditer(sentence) if _marks(m, rel.names)]
    if anchored(sentence, rel, [m for _, m in marks]):
        return None, True
    kind = marks[0][0] if marks else "sports" if _scoreline(sentence) else None
    if kind in STATE_MATTERS and rel.states is not None and len(set(rel.states.findall(sentence))) >= 2:
        return None, False  # "India declined foreign assistance for flood relief, including an offer from the UAE"
    return kind, False


STATE_MATTERS = frozenset({"disaster", "business"})  # what two states can deal over (not a match between them)
SCORELINE = re.compile(r"(?<![\w.,/-])\d{1,3}-\d{1,3}(?![\w.,/-])")  # "a 2-1 win", "routed the Padres 9-2"
TALLIES = re.compile(r"(?<![\w-])(?:vote[sd]?|voting|ballot|rul(?:ed|ing)|decision|verdict|majority|margin|court|"
                     r"justices|judges|jury|senate|senators|lawmakers|council|parliament|assembly|delegates)(?![\w-])",
                     re.IGNORECASE)  # "the council voted 9-2", "a 5-4 ruling"


# who a sentence quotes as its source: "..., police said", "according to local authorities"
ATTRIBUTION = re.compile(r"\b(?:(?:government|state|local|health|interior|federal|provincial|disaster|security|city|"
                         r"county|regional|municipal)\s+)*"
                         r"(?:police|officials|authorities|prosecutors|government|coast\s+guard)\s+(?:said|say|says|told|reported)\b"
                         r"|\b(?:said|according\s+to)\s+(?:the\s+)?(?:local\s+|state\s+|interior\s+|health\s+)?"
                         r"(?:police|officials|authorities)\b"
                         r"|\baccording\s+to\s+(?:the\s+)?(?:[\w-]+\s+){1,3}(?:police|authorities)\b"  # "the Federal Highway Police"
                         r"|\b(?:police|officers|detectives)\s+(?:are|were|have been)\s+(?:appealing|investigating)\b",
                         re.IGNORECASE)


def anchored(sentence: str, rel: Relevance, marks: list[re.Match[str]] | None = None) -> bool:
    """The sentence names a political or social actor ([anchors]) other than as the source it quotes ("...,
    police said") and other than inside one of its domain phrases (`marks`: "a fresh price war")."""
    text = ATTRIBUTION.sub(lambda m: " " * len(m.group(0)), sentence)
    return any(not any(_inside(a, m) for m in marks or ()) for a in rel.anchors.finditer(text))


def _inside(inner: re.Match[str], outer: re.Match[str]) -> bool:
    return outer.start() <= inner.start() and inner.end() <= outer.end()


def _scoreline(sentence: str) -> bool:
    """A match score ("2-1", "9-2"): sports text, unless the sentence counts votes or judges."""
    return bool(SCORELINE.search(sentence)) and not TALLIES.search(sentence)


def article_domain(kinds: list[str | None], political: int) -> str | None:
    """The non-political kind of text a whole article belongs to, or None, from the off_topic kind of
    each of its sentences and the number of them holding a political anchor word (`political`, see anchored):
    the sentences marked by sports, disaster, business or product vocabulary (at least two) outnumber them. A
    tennis report, a product review or a company profile is such an article; in one, only a sentence
    that names a political or social actor may hold an event ("Murray struck at the next opportunity",
    "SpaceX destroyed three rockets", "The sleeping bag is cut generously" name none, and their own
    sentences carry no domain word to tell)."""
    counts = Counter(k for k in kinds if k is not None and k != "furniture")
    marked = sum(counts.values())
    return counts.most_common(1)[0][0] if marked >= 2 and marked > political else None


def _marks(match: re.Match[str], names: frozenset[str]) -> bool:
    """A domain word counts unless it is someone's name: a capitalised common word inside the sentence
    ("arms dealer Viktor Bout" is no boxing bout). Names of the domain itself ("Wimbledon", "Nikkei")
    are written with a capital in relevance.toml (`names`) and count however they are written."""
    text = match.group(0)
    if match.start() == 0 or not text[:1].isupper() or text.lower() in names:
        return True
    return not (text[1:].islower() or text[1:] == "")


def head_word(p: Participant) -> str:
    """The last word of the phrase's head, folded ("Indian army officers" -> "officers")."""
    words = fold(p.head).split()
    return words[-1] if words else ""


def is_thing(p: Participant | None, rel: Relevance) -> bool:
    """The phrase heads a force, a thing, a market, a text or a statistic, not a political or social actor."""
    if p is None:
        return False
    words = fold(p.head).split()
    named_feature = len(words) > 1 and words[0] in FEATURES  # "River Tamar", "Storm Ciara", "Mount Etna"
    if words and words[-1] in rel.abstract and not p.named:
        return True  # "the party's manifesto promises ...": a text speaks, whoever owns it
    return bool(words) and p.sector is None and (named_feature or words[-1] in rel.natural and p.country is None)


def is_weapon(p: Participant | None, rel: Relevance) -> bool:
    """The phrase heads a weapon or an attack ("car bomb", "rocket attack", "minefield explosion"):
    the doer is an attacker the sentence does not name."""
    if p is None:
        return False
    words = fold(p.head).split()
    if not words:
        return False
    return words[-1] in rel.weapons or words[-1] in rel.carriers and any(w in rel.weapons for w in words[:-1])


def is_actor(p: Participant | None, rel: Relevance) -> bool:
    """Could be a party to an event: anyone or any group, but not a thing, a force or an "it"/"we"."""
    return p is not None and not is_thing(p, rel) and fold(p.head) not in IMPERSONAL and p.sector != "business"


INSTITUTIONS = frozenset({"government", "military", "police", "rebel", "opposition", "igo", "party", "religious"})


def is_institution(p: Participant | None) -> bool:
    """A state, its forces and offices, an armed group, a party or an international body."""
    return p is not None and p.sector in INSTITUTIONS


def is_political(p: Participant | None, rel: Relevance) -> bool:
    """A named entity (by the parser's tags, not capital letters), a country, a person referred to,
    or a group of a known sector (government, rebels, workers...)."""
    if p is None or is_thing(p, rel) or fold(p.head) in IMPERSONAL:
        return False
    head = fold(p.head)
    last = head_word(p)
    return (p.sector not in (None, "business") or p.named or p.country is not None or head in PERSONS or head in CROWDS
            or last in rel.people or last.endswith(HUMAN_PLURALS))
