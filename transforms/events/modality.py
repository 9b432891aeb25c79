"""Whether an event is asserted, or only reported, claimed, denied, threatened or planned, and by whom.

The clause that governs the trigger decides: "State TV said forces were repositioning" (reported by
State TV), "Al-Nusra accused Assad forces of executing prisoners" (claimed by Al-Nusra), "threatened
to strike" (threatened), "plans to withdraw" (planned), "did not attack" (denied: the coder stores
no event for a denied act, and codes a refusal to cooperate as a REJECT).
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .phrases import hung_on_subject, verb_above, whole_phrase
from .roles import subject
from .triggers import Trigger

FUTURE_AUX = frozenset({"will", "shall", "would", "'ll", "may", "might"})
FAILURE_STEMS = ("fail", "refus", "declin")
ADOPTING = frozenset({"approve", "adopt", "pass", "agree", "enact"})  # a body deciding: what it names is decided


def has_aux(tok: Token, words: frozenset[str]) -> bool:
    """The verb carries one of these auxiliaries ("will", "could", ...)."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)


def _according_to(tok: Token) -> str | None:
    for node in [tok, *tok.ancestors]:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                to = next((g for g in child.children if g.lower_ == "to"), None)
                obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
                if obj is not None:
                    return whole_phrase(obj)
    return None


def _speaker(verb: Token) -> str | None:
    subj = subject(verb)
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    return whole_phrase(subj) if subj is not None else None


def _governing(tok: Token, lex: Lexicon) -> tuple[str, str | None] | None:
    """The first verb above the trigger that frames it as someone's statement, claim, threat or plan."""
    if hung_on_subject(tok):
        return None
    for node in tok.ancestors:
        if not node.tag_.startswith("VB") and node.tag_ != "MD":
            continue
        lemma = lex.lemma(node.text)
        if lemma in ADOPTING and not tok.tag_.startswith("VB") and verb_above(tok) == node:
            continue  # "agreed a 14th package of sanctions against Russia": adopted, not planned
        for status, key in (("claimed", "claim"), ("denied", "deny"), ("threatened", "threat"),
                            ("planned", "plan"), ("reported", "say")):
            if lemma in lex.reporting[key]:
                return status, _speaker(node)
    return None


NO_ONE = frozenset({"nobody", "none", "neither", "nothing", "nowhere"})


def _no_one(tok: Token) -> bool:
    """"no operations had been cancelled", "neither side had withdrawn", "fired no shots": the verb's
    subject or object is no one, so nothing was done."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lower_ in NO_ONE or c.lower_ == "one" and any(
        d.lower_ == "no" for d in c.children) or any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children))
        for c in tok.children)


def modality(trig: Trigger, lex: Lexicon) -> tuple[str, str | None]:
    """(status, source) of the event coded at this trigger."""
    tok = trig.token
    if tok.dep_ == "xcomp" and tok.head.lower_.startswith("hesitat") and any(c.dep_ == "neg" for c in tok.head.children):
        return "planned", None  # "would not hesitate to strike back": a resolve, not a denial
    if any(c.dep_ == "neg" for c in tok.children) or _no_one(tok) or (tok.dep_ == "xcomp" and (
            any(c.dep_ == "neg" for c in tok.head.children) or tok.head.lower_.startswith(FAILURE_STEMS))):
        return "denied", None
    if has_aux(tok, FUTURE_AUX):
        return "planned", None
    governed = _governing(tok, lex)
    if governed is not None:
        return governed
    source = _according_to(tok)
    return ("reported", source) if source else ("asserted", None)
