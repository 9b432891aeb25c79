"""The main event of an article: the one its headline and lead report, put first and flagged.

Newspapers state what an article is about in the headline and repeat it in the lead, so the main
event is chosen among the events of the first sentences: the one whose action or type the headline
shares, then the most salient; an article whose headline names nothing of any lead event has none
(the lead recalls something else in passing), nor has a piece its headline marks as opinion, analysis
or review. When its own sentence names no place, the headline's place (or the lead's, or the
dateline's) is where it happened: "Protests in Lahore", "Russia hits Kyiv".
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from .coder import DEALINGS, LOCATIVE, MAJOR_CITY, SentenceContext, at_venue, places_in, predicate
from .gazetteer import Place, fold
from .lexicon import Lexicon
from .model import Event, EventLocation, Participant
from .phrases import is_proper, participant, proper_chain, span_text
from .resources import Resources
from .roles import is_passive

LEAD = 3  # sentences of the body that count as the lead
# a headline that says the piece is commentary, analysis or a review: it argues about events, it reports none
COMMENTARY = re.compile(r"\s*(?:opinion|analysis|comment|commentary|editorial|explainer|review|column|letters?|"
                        r"view|viewpoint|perspective)\s*[:|\u2014\u2013-]", re.IGNORECASE)
SURE = 0.5  # calibrated confidence above which a lead event is preferred as the main one


def headline_words(title: Doc | None, lex: Lexicon) -> frozenset[str]:
    """Lemmas of the headline's words ("seize", "march", "strike"), for matching event actions."""
    if title is None:
        return frozenset()
    return frozenset({lex.lemma(t.text) for t in title} | {lex.lemma(t.text, noun=True) for t in title})


def _agrees(ev: Event, words: frozenset[str], ctx: SentenceContext, lex: Lexicon) -> float:
    """How much the headline backs this event: its action words, then its type."""
    action = {lex.lemma(w) for w in ev.action.split()} | {lex.lemma(w, noun=True) for w in ev.action.split()}
    return 0.6 * bool(action & words) + 0.3 * (ev.type in ctx.title_types)


def _content(tokens: list[str], lex: Lexicon) -> set[str]:
    """Verb and noun lemmas of the words that carry meaning (no stop words, numbers or short words)."""
    return {form for w in tokens if len(w) > 2 and w.isalpha() and w.lower() not in STOP_WORDS
            for form in (lex.lemma(w), lex.lemma(w, noun=True))}


def _on_topic(ev: Event, told: set[str], lex: Lexicon) -> bool:
    """The headline (`told`: its content lemmas) names something of the event: its act, its doer or
    target, what was done, or where."""
    parts = [ev.action, ev.what, *(p.text for p in (ev.actor, ev.recipient) if p),
             ev.location.name if ev.location else ""]
    return bool(told & _content(" ".join(parts).split(), lex))


def first_place(docs: list[Doc], ctx: SentenceContext, res: Resources, venues_only: bool = False) -> EventLocation | None:
    """The first place named in the given sentences (headline, then lead), else the dateline.

    Headlines capitalise every word ("Man, 34, arrested"), so a name counts as a place only where the
    sentence says so: after "in/at/near/into", tagged a place by the NER, or a country or major city. For
    an act done in words or dealings (`venues_only`), only a venue ("in Geneva") is where: "Russia vetoes
    UN extension of aid to Syria" names two parties and no place (without a dateline either, a party's
    place is the best guess left)."""
    for venue in (True, False) if venues_only else (False,):
        for doc in docs:
            for tok, place in places_in(doc, ctx, res):
                if (not venue or at_venue(tok)) and _stated_place(tok, place):
                    return place.as_location(span_text(proper_chain(tok)))
        if ctx.dateline is not None:
            return ctx.dateline
    return None


PLACE_ENTITIES = ("GPE", "LOC", "FAC")


def named_place(docs: list[Doc], res: Resources) -> EventLocation | None:
    """The first place the NER names in the given sentences (the main event's own first, so that a
    standfirst's "Hollywood legend" is not where) where the gazetteer knows none of theirs ("Teesside",
    "the West End", a town too small for it): a name only, no country. The NER runs here on these few
    sentences only (it is out of the parsing pipe)."""
    ner = res.nlp.get_pipe("ner")
    for doc in docs:
        for ent in ner(doc[:].as_doc()).ents:
            if ent.label_ in PLACE_ENTITIES:
                words = [t for t in ent if t.lower_ != "the"]
                return EventLocation(span_text(words), None) if words else None
    return None


def _stated_place(tok: Token, place: Place) -> bool:
    locative = tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE
    return locative or tok.ent_type_ in ("GPE", "LOC", "FAC") or place.kind == "country" or place.population >= MAJOR_CITY


# doers a lead names only by their role ("officials said they sent the list"): the headline names them
UNNAMED = frozenset({"officials", "official", "spokesman", "spokeswoman", "spokesperson", "authorities", "sources",
                     "source", "side", "sides", "government", "ministry", "police", "it", "they", "he", "she"})
# ("Speaking in Geneva on Monday, she said ...": the headline says who)


def _named_doer(main: Event, title: Doc | None, res: Resources) -> Participant | None:
    """The headline's subject, when the main event's actor is a bare role ("officials", "a spokesman")
    and the headline names a doer: "Greece sends reform list to eurozone creditors"."""
    if title is None or main.actor is None or main.actor.country is not None or main.actor.named \
            or fold(main.actor.head) not in UNNAMED:
        return None
    root = next((t for t in title if t.dep_ == "ROOT"), None)
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subj is None or not (is_proper(subj) or res.gazetteer.country_of_word(subj.text)):
        return None
    return participant(subj, res.lexicon, res.gazetteer)


def _headline_what(main: Event, ctx: SentenceContext, lex: Lexicon) -> str | None:
    """What was done, as the headline says it, when the headline reports an act of the main event's type
    ("Greece sends reform list to eurozone creditors" -> "sends reform list to eurozone creditors"): the
    headline is the article's own summary of its main event; the lead sentence stays its source. A verb the
    lead uses too takes the lead's tense: headlines tell past acts in the present ("Sudan, rebels sign
    security deal" over "... signed an agreement on Thursday" -> "signed security deal")."""
    same = next((t for t in ctx.title_triggers if t.type == main.type), None)
    if same is None or not same.nominal and (is_passive(same.token) or same.token.tag_ == "VBN"):
        return None  # "Assad forces driven out of strategic city by jihadists": the lead names the doer and the city
    what = predicate(same)
    told = main.action.split()[0] if main.action else ""
    if not same.nominal and told and lex.lemma(told) == lex.lemma(same.token.text) and what.startswith(same.token.text):
        return told + what[len(same.token.text):]
    return what


def put_main_first(events: list[tuple[int, Event]], title: Doc | None, lead: dict[int, Doc],
                   ctx: SentenceContext, res: Resources) -> list[Event]:
    """Events most salient first, the main event (if the lead holds one) at the head with is_main set.

    `lead` holds the parsed lead sentences by their index in the article."""
    ranked = sorted((ev for _, ev in events), key=lambda e: (-e.salience, e.start))
    words = headline_words(title, res.lexicon)
    in_lead = [ev for index, ev in events if index < LEAD]
    if not in_lead or title is not None and COMMENTARY.match(title.text):
        return ranked  # "Opinion: Why the sanctions on Russia have not worked" reports no event of its own
    if title is not None and len(title):
        told = _content([t.text for t in title if t.tag_.startswith(("NN", "VB", "JJ"))], res.lexicon)
        if not any(_on_topic(ev, told, res.lexicon) for ev in in_lead):
            return ranked  # "Sweden tells households how to survive WWIII": the lead's aside is not the story
    in_lead = [ev for ev in in_lead if ev.confidence >= SURE] or in_lead  # the likelier events first
    main = max(in_lead, key=lambda e: (_agrees(e, words, ctx, res.lexicon) + e.salience, -e.start))
    own = next(index for index, ev in events if ev is main)
    where = main.location or first_place([d for d in (title, *lead.values()) if d is not None], ctx, res,
                                         main.type in DEALINGS) \
        or named_place([lead[own], *(d for i, d in lead.items() if i != own), *([title] if title is not None else [])],
                       res)
    flagged = replace(main, is_main=True, location=where, actor=_named_doer(main, title, res) or main.actor,
                      what=_headline_what(main, ctx, res.lexicon) or main.what)
    return [flagged] + [ev for ev in ranked if ev.event_id != main.event_id]
