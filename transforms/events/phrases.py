"""Noun phrases of the parse turned into participants: whole phrase, core, head entity, country, sector.

The whole phrase keeps what the article says ("an alliance of jihadist groups, led by al-Qaida
affiliate Jabhat al-Nusra"); the core drops clauses and appositions (what annotators mark); the
head is the named entity that stands for the phrase ("Jabhat al-Nusra"), used to link reports.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .gazetteer import Gazetteer, fold
from .lexicon import Lexicon
from .model import Participant

PRONOUNS = frozenset("he she it they we i you him her them us its their this that who which".split())
QUANTITY_NOUNS = frozenset("thousands hundreds dozens scores millions tens third half part group groups number "
                           "members member majority some many most one two three "
                           "contingent contingents deployment batch detachment team band column".split())
# (the last: "the first contingent of Kenyan police officers", "the first deployment of NATO troops")
PARTY_ADJECTIVES = frozenset({"islamic", "islamist", "jihadist", "communist", "socialist", "conservative", "military",
                              "muslim", "moslem", "christian", "jewish", "kurdish", "ethnic"})
SENTENCE_OPENERS = frozenset({"senior", "top", "former", "young", "angry", "new", "local", "several", "many",
                              "some", "hundreds", "thousands", "armed", "masked", "unidentified", "suspected"})
COUNT_WORDS = frozenset({"more", "less", "fewer", "about", "some", "nearly", "almost", "over", "least"})
HYPHENS = frozenset({"-", "–", "‐"})
CORE_KEEP_PREPS = frozenset({"of", "in", "from", "at"})
CORE_DROP = frozenset({"relcl", "acl", "appos", "advcl", "ccomp", "parataxis", "punct", "det", "predet"})
TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight "
                       "january february march april may june july august september october november december "
                       "week weekend month year day night morning evening afternoon".split())
TITLES = frozenset("president minister premier prime king queen emir sheikh general gen. mr mr. mrs ms dr dr. "
                   "leader chairman chief secretary spokesman commander colonel col. lt. governor mayor "
                   "former foreign defence defense interior senator sen. rep. ambassador envoy pope".split())


def is_pronoun(tok: Token) -> bool:
    """A pronoun by tag and form ("us" the pronoun, not "US" the country)."""
    return tok.lower_ in PRONOUNS and tok.tag_ in ("PRP", "PRP$", "WP", "WDT", "DT")


def is_proper(tok: Token) -> bool:
    return tok.tag_ in ("NNP", "NNPS") or (tok.text[:1].isupper() and tok.tag_ == "NNP")


NAME_PARTICLES = frozenset({"-", "&", "al", "el", "bin", "ibn", "abu", "de", "van", "von", "da", "di", "du", "la", "le", "'s"})


def proper_chain(tok: Token) -> list[Token]:
    """The name around a proper noun: contiguous proper nouns and name particles ("Jabhat al-Nusra")."""
    doc = tok.doc
    lo = hi = tok.i
    while lo > tok.left_edge.i and (is_proper(doc[lo - 1]) or doc[lo - 1].lower_ in NAME_PARTICLES):
        lo -= 1
    while hi < tok.right_edge.i and doc[hi + 1].dep_ in ("compound", "flat") and is_proper(doc[hi + 1]):
        hi += 1
    while lo < tok.i and not is_proper(doc[lo]) and doc[lo].lower_ not in ("al", "el"):
        lo += 1
    return list(doc[lo:hi + 1])


def span_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text


def _contiguous(tokens: set[Token], anchor: Token) -> list[Token]:
    """From the first to the last kept token (parentheses and determiners inside stay), edges trimmed."""
    doc = anchor.doc
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens)
    run = list(doc[lo:hi + 1])
    while run and (run[-1].is_punct or run[-1].dep_ in ("cc", "case", "prep")) and run[-1].i != anchor.i:
        run.pop()
    while run and (run[0].is_punct or run[0].dep_ in ("cc", "det", "predet")) and run[0].i != anchor.i:
        run.pop(0)
    return run


def _collect(tok: Token, drop: frozenset[str], preps: frozenset[str] | None) -> set[Token]:
    keep = {tok}
    for child in tok.children:
        if child.dep_ in drop and not (child.dep_ == "punct" and child.text in HYPHENS):
            continue
        if child.dep_ == "prep" and preps is not None and (child.lower_ not in preps or any(
                g.dep_ == "pcomp" for g in child.children)):
            continue  # a core keeps "of Iraq", not "of paralysing the government" ("accused the opposition of ...")
        keep |= _collect(child, drop, preps)
    return keep


def whole_phrase(tok: Token) -> str:
    return span_text(_contiguous(_collect(tok, frozenset({"relcl"}), None), tok))


def _descriptive(adj: Token) -> bool:
    """"more than", "senior", "angry": adjectives that describe rather than name (unlike "Syrian")."""
    if adj.lower_ in COUNT_WORDS:
        return True
    if adj.text[:1].isupper():  # a name ("Syrian"), unless a plain word opening the sentence ("Senior")
        return adj.lower_ in SENTENCE_OPENERS
    return adj.tag_ == "JJ" and adj.lower_ not in PARTY_ADJECTIVES


def quantity_of(tok: Token) -> Token:
    """"thousands of Iraqi Kurds", "one third of the guerrillas": the group, not the quantity."""
    if tok.lower_ in QUANTITY_NOUNS or tok.like_num:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return quantity_of(obj)
    return tok


def core_phrase(tok: Token) -> str:
    """The phrase without clauses, appositions, determiners or counts ("more than 100 Palestinians")."""
    tok = quantity_of(tok)
    tokens = {t for t in _collect(tok, CORE_DROP | {"nummod", "quantmod"}, CORE_KEEP_PREPS)
              if not (t.dep_ == "amod" and t.head.i == tok.i and _descriptive(t))}
    return span_text(_contiguous(tokens, tok))


def head_entity(tok: Token, lex: Lexicon) -> str:
    """The named entity standing for the phrase, or its noun with modifiers when it names none."""
    if is_proper(tok):
        chain = [t for t in proper_chain(tok) if t.lower_ not in TITLES]
        return span_text(chain or [tok])
    for child in tok.children:  # "an alliance ..., led by X" -> X
        if child.dep_ == "acl" and child.lower_ in ("led", "headed", "commanded", "backed"):
            for agent in child.children:
                if agent.dep_ == "agent":
                    for pobj in agent.children:
                        if pobj.dep_ == "pobj":
                            return head_entity(pobj, lex)
    for child in tok.children:
        if child.dep_ == "appos" and is_proper(child):
            return head_entity(child, lex)
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.is_alpha]
    return span_text(sorted(mods + [tok], key=lambda t: t.i))


def country_of(tok: Token, gaz: Gazetteer) -> str | None:
    """Country the phrase belongs to where the text says: "Syrian forces", "Syria's army", "in Zimbabwe"."""
    # head first, then document order: a set's order would differ from process to process
    for t in sorted(_collect(tok, CORE_DROP, CORE_KEEP_PREPS), key=lambda t: (t.i != tok.i, t.i)):
        code = gaz.country_of_word(t.text) if (t.text[:1].isupper()) else None
        if code:
            return code
    if is_proper(tok):
        place = gaz.resolve(span_text(proper_chain(tok)))
        return place.country_code if place else None
    return None


def sector_of(tok: Token, head: str, lex: Lexicon, gaz: Gazetteer) -> str | None:
    """Sector from a known group name, the head noun, or its modifiers ("government forces" -> military).
    Group names match whole words of the phrase up to its noun ("Red Cross teams" -> igo; "Iranian
    officials" holds no "ira", "diplomats" no "plo")."""
    low = fold(head)
    words = f" {fold(tok.doc[tok.left_edge.i:tok.i + 1].text)} "
    for name, sector in lex.known_actors.items():
        if f" {name} " in words:
            return sector
    for name, sector in lex.sector_of.items():
        if " " in name and f" {name} " in words:  # "red cross", "world bank", "security council"
            return sector
    if sector := lex.sector(low):  # "leaders" is a leader's sector, "steelworkers" a worker's
        return sector
    for t in [tok, *sorted(tok.lefts, key=lambda t: -t.i)]:
        if sector := lex.sector(t.lower_):
            return sector
    if low in gaz.capitals or any(p.kind == "country" for p in gaz.candidates(low)):
        return "government"
    return None


PARTS = frozenset({"wing", "wings", "faction", "factions", "branch", "arm", "cell", "cells", "unit", "units",
                   "leadership", "ranks"})  # a part of a group acts as the group: its sector is the group's


def participant(tok: Token, lex: Lexicon, gaz: Gazetteer) -> Participant:
    counted = quantity_of(tok)  # "thousands of former guerrillas" -> "guerrillas"
    head = head_entity(counted, lex)
    sector = sector_of(tok, head, lex, gaz) or (sector_of(counted, head, lex, gaz) if counted is not tok else None)
    if sector is None and counted.lower_ in PARTS:  # "the armed wing of Hamas", "a faction of the army"
        whole = next((g for p in counted.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj"), None)
        sector = sector_of(whole, head_entity(whole, lex), lex, gaz) if whole is not None else None
    return Participant(text=whole_phrase(tok), core=core_phrase(tok), head=head,
                       country=country_of(tok, gaz), sector=sector, named=is_proper(counted))


RELATIVE = frozenset({"who", "which", "that"})


def antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("nine targets that were hit": targets; "Hadi, who fled the
    country": Hadi), else the word itself."""
    return tok.head.head if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl" else tok


def hung_on_subject(tok: Token) -> bool:
    """A past verb with its own object that the parser hung on its own subject as a modifier ("About
    300 Contra rebels handed over their weapons ... under a plan agreed with the government": "handed" under
    "rebels", "agreed" the root): it is the sentence's predicate, and the verbs the parse puts above it frame
    nothing (not "students opposed to tuition increases occupied ...", which describes the students)."""
    return tok.dep_ == "acl" and tok.tag_ in ("VBD", "VBN") and tok.head.dep_ in ("nsubj", "nsubjpass") \
        and any(c.dep_ == "dobj" for c in tok.children)


CAPTIVE = frozenset({"hostage", "hostages", "captive", "captives", "prisoner", "prisoners"})


def conjoined_without_coordinator(tok: Token) -> bool:
    """"Thousands of Taliban fighters besieged in the city of Kunduz surrendered to ...", "aid workers held
    hostage in Somalia were set free": the parser made the participle a verb and the predicate its conjunct,
    with no "and", comma or other verb between them. A participle has no auxiliary, nor an object but
    "hostage": "two people have been arrested after protesters disrupted a performance" and "handed back the
    offices of a station seized two months earlier" are no such case, nor "people marched to protest against
    the government after the collapse of a canopy killed 15 people"."""
    if tok.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("cc", "aux", "auxpass") or c.dep_ == "dobj"
                                             and c.lower_ not in CAPTIVE for c in tok.children):
        return False
    return any(c.dep_ == "conj" and c.tag_.startswith("VB") and c.i > tok.i
               and not any(t.is_punct or t.tag_.startswith("VB") and t.head != c for t in tok.doc[tok.i + 1:c.i])
               for c in tok.children)  # (the conjunct's own "were" may stand between)


def verbs_above(tok: Token) -> Iterator[Token]:
    """The verbs among the word's ancestors, nearest first."""
    return (a for a in tok.ancestors if a.tag_.startswith("VB"))


def verb_above(tok: Token) -> Token | None:
    """The nearest verb above the word ("held" above "drills" in "Japan and the Philippines held drills")."""
    return next(verbs_above(tok), None)


def clause_verb(tok: Token) -> Token | None:
    """The verb whose clause the word is in, the word itself if a verb ("been" for "strike" in "has been
    on hunger strike")."""
    return tok if tok.tag_.startswith("VB") else verb_above(tok)


def is_time_word(tok: Token) -> bool:
    return tok.lower_ in TIME_WORDS or tok.like_num


def time_phrase(tok: Token) -> bool:
    """"on Friday", "in March": a preposition whose objects are all time words (the event's date, not one
    of its parties or objects)."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    return tok.dep_ == "prep" and bool(objs) and all(is_time_word(o) for o in objs)


def _names_actor(tok: Token, lex: Lexicon, gaz: Gazetteer | None) -> bool:
    if is_pronoun(tok) and tok.lower_ not in ("it", "this", "that", "which"):
        return True
    if is_time_word(tok):
        return False
    if is_proper(tok) or tok.lower_ in lex.sector_of or tok.lower_ in lex.known_actors:
        return True
    return gaz is not None and gaz.country_of_word(tok.text) is not None


def owner_modifier(child: Token, lex: Lexicon, gaz: Gazetteer | None) -> bool:
    """A modifier that names who a thing belongs to: "Indian proposal", "Serbia's suppression",
    "government forces" (not "official contact" or "military intelligence": adjectives name no one)."""
    if child.dep_ not in ("amod", "compound", "poss", "nmod") or is_pronoun(child) or is_time_word(child):
        return False
    if child.dep_ == "amod":
        return gaz is not None and gaz.country_of_word(child.text) is not None
    return _names_actor(child, lex, gaz)


def is_actor_like(tok: Token, lex: Lexicon, gaz: Gazetteer | None) -> bool:
    """Could this noun phrase stand for a political actor (a name, a group, a people, an institution),
    or for something that belongs to one ("Sweden's decision", "an Indian proposal", "positions of X")?"""
    if _names_actor(tok, lex, gaz):
        return True
    for child in tok.children:
        if owner_modifier(child, lex, gaz):
            return True
        if child.dep_ == "prep" and child.lower_ == "of":
            if any(_names_actor(g, lex, gaz) for g in child.children if g.dep_ == "pobj"):
                return True
    return False
