"""The event lexicon (lexicon.toml) compiled into lookup tables.

Rules stay data: the TOML lists lemmas per PLOVER type, and this module only indexes them and
generates the inflected forms, so the cheap pre-parse filter and the coder agree on one vocabulary.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from importlib import resources

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})

# Verbs that code an event only through their arguments (triggers._by_arguments): "let inspectors in",
# "moved warships into", "troops began leaving", "halted the bombing", "ferried food to survivors".
GIVING = frozenset({"hand", "give", "send", "deliver", "provide", "supply", "ship", "airlift", "airdrop", "donate", "distribute"})
CARRYING = GIVING | {"dispatch", "ferry", "fly", "rush", "truck", "move"}
ALLOWING = frozenset({"allow", "let", "permit", "admit", "open", "reopen"})
LEAVING = frozenset({"leave", "quit", "exit", "roll"})
MOVING = frozenset({"send", "move", "dispatch", "deploy", "sail", "order", "bring"})
HALTING = frozenset({"stop", "halt", "cease", "end", "suspend"})
FUNDING = frozenset({"release", "approve", "allocate", "disburse", "deposit", "earmark", "extend", "grant", "transfer"})
EVACUATING = frozenset({"evacuate", "carry", "airlift", "ferry", "fly", "rescue", "transport"})
REVERSING = frozenset({"reverse", "overturn", "repeal", "scrap", "rescind", "revoke", "drop", "ease", "relax", "lift"})
TRADING = frozenset({"import", "export", "supply", "sell", "buy", "pipe", "ship"})
HANDING_OVER = frozenset({"hand", "extradite", "transfer", "deport", "repatriate", "surrender"})
ARRIVING = frozenset({"arrive", "land", "fly"})  # armed forces reaching a named place are deployed there
ARGUMENT_VERBS = (CARRYING | ALLOWING | LEAVING | MOVING | HALTING | FUNDING | EVACUATING | REVERSING | TRADING
                  | HANDING_OVER | ARRIVING)
# sector words that end compound words naming people ("steelworkers", "dockworkers", "coalminers")
COMPOUND_ENDS = ("workers", "worker", "miners", "farmers", "students", "soldiers")
_VOWELS = set("aeiou")


@dataclass(frozen=True)
class Lexicon:
    """Indexed lexicon: every table maps a lower-case lemma (or phrase) to what it signals."""

    verb_type: dict[str, str]
    verb_types: dict[str, tuple[str, ...]]
    noun_type: dict[str, str]
    phrases: dict[str, list[tuple[str, str]]]  # verb lemma -> [(rest of phrase, type)]
    modes: dict[tuple[str, str], str]  # (type, word or phrase) -> mode
    cameo: dict[str, str]
    cameo_modes: dict[str, str]
    light: frozenset[str]
    reporting: dict[str, frozenset[str]]
    report_nouns: frozenset[str]
    sector_of: dict[str, str]
    known_actors: dict[str, str]
    victim_verbs: frozenset[str]
    noun_modifiers: dict[str, str]
    forms: dict[str, str] = field(repr=False)  # surface form -> verb lemma
    noun_forms: dict[str, str] = field(repr=False)  # plural -> singular for trigger nouns
    trigger_forms: frozenset[str] = field(repr=False, default=frozenset())
    irregular: dict[str, str] = field(repr=False, default_factory=dict)  # irregular verb form -> lemma
    # English morphology for words the tables do not know: (lower-case word, noun?) -> lemma
    morphology: Callable[[str, bool], str] | None = field(repr=False, compare=False, default=None)

    def lemma(self, word: str, noun: bool = False) -> str:
        """Lemma of a surface word: the lexicon's generated forms tables for its own words, English
        morphology (spaCy's rule lemmatizer tables, see resources.english_morphology) for every other
        word, so that a rule's word list matches "filled", "medicines" or "cautioned" like its lemma."""
        low = word.lower()
        found = (self.noun_forms if noun else self.forms).get(low)
        if found is not None:
            return found
        return self.morphology(low, noun) if self.morphology is not None else low

    def sector(self, word: str) -> str | None:
        """Sector of an actor noun, plural or singular ("nurses" -> civilian), or of the last part of a
        compound word ("steelworkers", "dockworkers" -> civilian, like "workers")."""
        low = word.lower()
        found = self.sector_of.get(low) or (self.sector_of.get(low[:-1]) if low.endswith("s") else None)
        if found is None and len(low) > 8 and low.isalpha():
            found = next((self.sector_of[end] for end in COMPOUND_ENDS if low.endswith(end)), None)
        return found

    def past(self, lemma: str) -> str:
        """The simple past of a verb lemma ("demand" -> "demanded", "slam" -> "slammed", "strike" -> "struck")."""
        irregular = [f for f, lem in self.irregular.items() if lem == lemma and not f.endswith(("ing", "s"))]
        if irregular:
            return irregular[0]
        if lemma.endswith("e"):
            return lemma + "d"
        if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in _VOWELS:
            return lemma[:-1] + "ied"
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", lemma) or lemma.endswith(("pel", "trol", "mit", "cur")):
            return lemma + lemma[-1] + "ed"  # "slammed", "banned"; the stressed last syllable of "expelled", "committed"
        return lemma + "ed"

    def lemma_of(self, tok: Any) -> str:
        """Lemma of a parsed token, by its part of speech (nouns: "shelling"; verbs: "shelled" -> "shell")."""
        if tok.tag_.startswith("VB"):
            return self.lemma(tok.text)
        return self.lemma(tok.text, noun=True) if tok.tag_.startswith("NN") else tok.lower_


def inflections(lemma: str) -> set[str]:
    """Regular inflections of an English verb or noun; over-generation is harmless for lookups."""
    w = lemma
    out = {w, w + "s", w + "ing", w + "ed"}
    if w.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(w + "es")
    if w.endswith("e"):
        out |= {w + "d", w[:-1] + "ing"}
    if len(w) > 2 and w.endswith("y") and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", w) and len(w) <= 8:  # "airdropped" (extra spellings are harmless)
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


def _index_types(data: dict) -> tuple[dict, dict, dict, dict, dict]:
    verb_types: dict[str, list[str]] = {}
    noun_type: dict[str, str] = {}
    phrases: dict[str, list[tuple[str, str]]] = {}
    modes: dict[tuple[str, str], str] = {}
    order = data["priority"]["order"]
    for etype in order:
        spec = data["types"][etype]
        for verb in spec.get("verbs", []):
            verb_types.setdefault(verb, []).append(etype)
        for noun in spec.get("nouns", []):
            noun_type.setdefault(noun, etype)
        for phrase in spec.get("phrases", []):
            head, _, rest = phrase.partition(" ")
            phrases.setdefault(head, []).append((rest, etype))
        for word, mode in spec.get("modes", {}).items():
            modes[(etype, word)] = mode
    prefer = data["priority"]["prefer"]
    verb_type = {v: prefer.get(v, types[0]) for v, types in verb_types.items()}
    for head in phrases:  # longer continuations first, so "lay down arms" beats "lay down"
        phrases[head].sort(key=lambda item: -len(item[0].split()))
    return verb_type, {v: tuple(t) for v, t in verb_types.items()}, noun_type, phrases, modes


def _forms(data: dict, lemmas: set[str]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in inflections(lemma):
            forms.setdefault(form, lemma)
    for lemma in lemmas:
        forms[lemma] = lemma
    forms.update(data["irregular"]["forms"])
    return forms


def _noun_forms(nouns: set[str]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for noun in sorted(nouns):
        plurals = {noun + "s", noun + "es"} | ({noun[:-1] + "ies"} if noun.endswith("y") else set())
        for form in plurals:
            forms.setdefault(form, noun)
    forms.update({n: n for n in nouns})
    return forms


def load_lexicon(morphology: Callable[[str, bool], str] | None = None) -> Lexicon:
    """Read and index the packaged lexicon.toml; `morphology` lemmatizes the words it does not list."""
    text = (resources.files("transforms.events") / "lexicon.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    verb_type, verb_types, noun_type, phrases, modes = _index_types(data)
    rep = {k: frozenset(v) for k, v in data["reporting"].items() if k != "nouns"}
    sector_of = {w: sector for sector, words in data["sectors"].items() for w in words}
    known = {name: sector for sector, names in data["known_actors"].items() for name in names}
    lemmas = set(verb_type) | set(phrases) | set().union(*rep.values())
    lemmas |= set(data["light_verbs"]["lemmas"]) | set(data["roles"]["victim"]) | ARGUMENT_VERBS
    forms = _forms(data, lemmas)
    noun_forms = _noun_forms(set(noun_type) | {r.split()[-1] for rs in phrases.values() for r, _ in rs})
    trigger_lemmas = set(verb_type) | set(phrases) | ARGUMENT_VERBS
    trigger_forms = frozenset({f for f, lem in forms.items() if lem in trigger_lemmas}
                              | {f for f, lem in noun_forms.items() if lem in noun_type})
    return Lexicon(
        verb_type=verb_type, verb_types=verb_types, noun_type=noun_type, phrases=phrases, modes=modes,
        cameo={t: data["types"][t]["cameo"] for t in PLOVER_TYPES}, cameo_modes=data["cameo_modes"],
        light=frozenset(data["light_verbs"]["lemmas"]), reporting=rep,
        report_nouns=frozenset(data["reporting"]["nouns"]), sector_of=sector_of, known_actors=known,
        victim_verbs=frozenset(data["roles"]["victim"]), noun_modifiers=data["noun_modifiers"], forms=forms, noun_forms=noun_forms,
        trigger_forms=trigger_forms, morphology=morphology, irregular=data["irregular"]["forms"],
    )
