"""Headlines in the historical present, parsed again with their verb in the past.

The small English model reads "Serbian opposition demands snap election", "Russian missiles pound Kyiv
power stations" or "Tens of thousands march in Santiago" as noun phrases: it takes the verb for a plural
or a noun, and the event is lost or has no doer. Told in the past ("demanded", "pounded", "marched"),
the same words parse as the clause they are. So a text without final punctuation (a headline or a
subhead) whose parse has no trigger verb at its root is parsed once more with its first trigger verb in the
present turned into the past; the new parse is kept, on the original words, when that verb became the
root. Everything else keeps its first parse.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import Lexicon

FINAL = re.compile(r"[.!?:;…\"”’')\]]\s*$")
MAX_WORDS = 20


def misread_headline(doc: Doc, lex: Lexicon) -> bool:
    """No final punctuation, a headline's length, and no trigger verb at the root of the parse (the root is
    a noun, or another word: "Serbian opposition demands snap election" came out with "snap" as its verb)."""
    return len(doc) <= MAX_WORDS and not FINAL.search(doc.text) and not any(
        t.dep_ == "ROOT" and t.tag_.startswith("VB") and t.lower_ in lex.trigger_forms for t in doc)


def _present_verb(tok: Token, lex: Lexicon) -> str | None:
    """The lemma of a trigger verb written in the present ("demands", "pound", "march"), else None."""
    lemma = lex.forms.get(tok.lower_)
    if lemma is None or tok.lower_ not in lex.trigger_forms or tok.i == 0 or not tok.is_alpha:
        return None
    present = {lemma, lemma + "s", lemma + "es"} | ({lemma[:-1] + "ies"} if lemma.endswith("y") else set())
    return lemma if tok.lower_ in present else None


def reparsed(doc: Doc, nlp: Language, lex: Lexicon) -> Doc:
    """The doc, or the same words with the parse of their past-tense telling (see the module docstring)."""
    if not misread_headline(doc, lex):
        return doc
    for tok in doc:
        lemma = _present_verb(tok, lex)
        if lemma is None:
            continue
        past = lex.past(lemma)
        past = past.capitalize() if tok.text[:1].isupper() else past
        told = nlp("".join(past + t.whitespace_ if t.i == tok.i else t.text_with_ws for t in doc))
        if len(told) == len(doc) and told[tok.i].dep_ == "ROOT" and told[tok.i].tag_.startswith("VB"):
            return Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                       tags=[t.tag_ for t in told], deps=[t.dep_ for t in told], heads=[t.head.i for t in told])
        return doc  # only the first present verb is tried: the headline's own
    return doc
