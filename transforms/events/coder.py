"""The event coder: from article text to PLOVER events, most salient first.

Only sentences holding a trigger word, and not sports, weather, business, product or furniture text,
are parsed (spaCy tagger + parser; places come from the gazetteer, dates from a small resolver; the
NER runs only where a name may be a person's rather than a place's). Each trigger becomes a
candidate with actor, recipient, modality, place, date and its evidence offsets; a candidate is kept
when it is an interaction of political or social actors (relevance.py) and its calibrated confidence
(calibration.py) reaches MIN_CONFIDENCE. Events are ranked by salience (headline and lead weigh most).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import islice

from spacy.tokens import Doc, Span, Token

from .calibration import features
from .dates import MONTHS, WEEKDAYS, DateMatch, find_dates
from .gazetteer import Gazetteer, Place, fold
from .lexicon import COOPERATIVE, EVACUATING, GIVING, HALTING, HOSTILE, Lexicon
from .model import Event, EventLocation, Participant, make_event_id
from .modality import ADOPTING, has_aux, modality
from .phrases import (clause_verb, is_pronoun, is_proper, is_time_word, owner_modifier, participant, proper_chain,
                      span_text, time_phrase, verbs_above)
from .relevance import Relevance, anchored, head_word, is_actor, is_institution, is_political, is_thing, is_weapon
from .resources import Resources
from .roles import (LAUNCHING, addressees, find_actor, find_giver, find_nominal_actor, find_recipient, is_passive,
                    launch_origin, resolve_pronoun)
from .triggers import (AID_GOODS, HELPERS, NEEDS_PARTY, Trigger, a_disposition, a_purpose, describes_noun, find_triggers,
                       in_a_name)

ADOPTED = frozenset({"plan", "scheme", "budget", "bill", "law", "measure", "policy", "strategy", "programme", "program",
                     "project", "motion", "amendment", "legislation", "package", "regulation", "rule", "guideline",
                     "framework", "blueprint", "spending", "funding", "levy", "tax", "fee", "development"})  # a body's own texts
INFORMATION = frozenset({"update", "updates", "information", "detail", "details", "message", "messages", "letter",
                         "letters", "news", "briefing", "briefings", "report", "reports", "data", "evidence", "email",
                         "emails", "text", "texts", "note", "notes", "signal", "signals", "answer", "answers",
                         "statement", "statements", "document", "documents", "figure", "figures", "account",
                         "feedback", "comment", "comments", "invitation", "invitations", "greeting", "greetings",
                         "condolence", "condolences"})
MAJOR_CITY = 1_000_000
POINTED = HOSTILE | {"ACCUSE", "THREATEN"}  # types whose verbs ("condemn", "threaten") are political on their own
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
MAX_TRIGGERS = 3  # a sentence reports few events; the ones ranked lower are rarely its own
MIN_CONFIDENCE = 0.3  # below it a candidate is not stored as an event
STATUS_WEIGHT = {"asserted": 1.0, "reported": 0.9, "claimed": 0.75, "threatened": 0.7, "planned": 0.7}
LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "into", "on", "of", "throughout"})
# where forces, aid or a retreat go: "deployed tanks to eastern Ladakh", "sent relief to Turkey", "withdrew from Kherson"
MOVES = {"MOBILIZE": frozenset({"to", "towards", "toward"}), "AID": frozenset({"to"}), "RETREAT": frozenset({"from"})}
VENUES = frozenset({"in", "at", "near", "outside", "inside", "around", "throughout"})  # where something was said or done
# acts done in words or dealings: a place they name without "in", "at"... is a party or a theme, not where
DEALINGS = frozenset({"ACCUSE", "REJECT", "THREATEN", "SUPPORT", "REQUEST", "AGREE", "SANCTION", "COOPERATE"})
# what is signed or held where the act happens: "signed a power-sharing agreement in Riyadh", "held talks in Geneva"
SIGNED = frozenset({"agreement", "agreements", "deal", "deals", "accord", "accords", "pact", "treaty", "memorandum",
                    "declaration", "protocol", "communique", "ceasefire", "truce", "talks"})
_WORDS = re.compile(r"[a-z]+")
_CAPS = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:al-)?[A-Z][\w'’-]+)*")


@dataclass(frozen=True)
class SentenceContext:
    """What the coder knows about the article while coding one of its sentences."""

    article_id: str
    text: str
    published: dt.date | None
    votes: Counter[str]
    title_types: frozenset[str]
    title_words: frozenset[str]
    dateline: EventLocation | None = None
    title_triggers: tuple[Trigger, ...] = ()  # the headline's, found once (main_event reads its wording)
    domain: str | None = None  # the article's non-political kind (relevance.article_domain): "disaster"...


@dataclass(frozen=True)
class SentenceFacts:
    """Looked up once per sentence, shared by its triggers."""

    places: list[tuple[Token, Place]]
    dates: list[DateMatch]
    context: str | None
    text: str = ""  # the sentence (Doc.text rebuilds it from the tokens on every call)


def country_votes(text: str, gaz: Gazetteer) -> Counter[str]:
    """Countries the article mentions (names, cities, adjectives): the tie-breaker for ambiguous places."""
    votes: Counter[str] = Counter()
    for m in _CAPS.finditer(text):
        code = gaz.country_of_word(m.group(0))
        place = None if code else gaz.resolve(m.group(0))
        code = code or (place.country_code if place else None)
        if code:
            votes[code] += 1
    return votes


def tree_distance(a: Token, b: Token) -> int:
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in index_b:
            return n + index_b[t.i]
    return len(up_a) + len(up_b)


def token_at(doc: Doc, char: int) -> Token:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else doc[-1]


def pick_date(doc: Doc, trig: Trigger, matches: list[DateMatch]) -> DateMatch | None:
    """The date phrase closest to the trigger in the parse. A "since ..." phrase is background ("the
    fighting since 2002"), and so is a bare year, unless it frames the clause the event is told in ("In
    2014, after Russian-backed forces took over Donetsk, ..."): with neither, none is picked and the
    publication date stands. A date in a clause about someone is that clause's ("Hasina, who fled to New
    Delhi in August")."""
    matches = [d for d in matches if not _in_relative_clause(token_at(doc, d.start), trig.token)]
    dated = [d for d in matches if d.precision != "year" and not d.text.lower().startswith("since")]
    if not dated:
        dated = [d for d in matches if d.precision == "year" and _frames(token_at(doc, d.start), trig.token)]
    return min(dated, key=lambda d: (tree_distance(token_at(doc, d.start), trig.token), d.start), default=None)


def _in_relative_clause(tok: Token, trigger: Token) -> bool:
    """The token sits in a clause about a person ("who fled ...") the trigger is not part of (not "in a
    ballot that closed on Friday": the ballot's close dates the vote)."""
    return any(a.dep_ == "relcl" and trigger not in a.subtree and any(c.lower_ in ("who", "whom") for c in a.children)
               for a in (tok, *tok.ancestors))


def _frames(prep: Token, trigger: Token) -> bool:
    """"In/During <year>" attached to a verb whose clause holds the trigger (on the trigger's own verb the
    year makes the act recalled history, which `_background` has already dropped)."""
    return prep.lower_ in ("in", "during") and prep.dep_ == "prep" and prep.head.tag_.startswith("VB") \
        and prep.head in trigger.ancestors


def places_in(doc: Doc, ctx: SentenceContext, res: Resources) -> list[tuple[Token, Place]]:
    """Every name in the sentence the gazetteer knows, with the place it resolves to (once per sentence).

    A name the statistical NER tags as a person or an organisation is never a place ("Obama" is not
    the town in Japan, "Hamilton" not the one in Ohio), unless the sentence puts it after a locative
    preposition ("in Bama"). NER runs only on sentences where the gazetteer found a candidate."""
    found = gazetteer_places(doc, ctx, res)
    with_entities(doc, res, [tok for tok, place in found if _ambiguous(place) and not _after_locative(tok)])
    return [(tok, place) for tok, place in found if not _names_someone(tok, place)]


# a common noun after a place's name that makes it an area: "the central Sagaing region", "Idlib province"
AREAS = frozenset({"region", "province", "district", "governorate", "state", "county", "prefecture", "oblast",
                   "township", "municipality", "city", "town", "village", "area"})
# a building named after its town: "at Bogor Palace", "in Insein Prison" (the landmark is in the town)
BUILDINGS = frozenset({"palace", "prison", "jail", "airport", "barracks", "stadium", "hotel", "base", "camp"})


def _names_area(tok: Token) -> bool:
    """A capitalised word naming the area a common noun after it is ("the central Sagaing region"; the
    tagger may call the name an adjective or a verb: "Sagaing" as an "-ing" form)."""
    return tok.dep_ in ("compound", "amod") and tok.head.lower_ in AREAS and tok.head.tag_ in ("NN", "NNS") \
        and tok.i > tok.sent.start and tok.text[:1].isupper()


def gazetteer_places(doc: Doc, ctx: SentenceContext, res: Resources) -> list[tuple[Token, Place]]:
    """Every name in the sentence the gazetteer knows, before the NER has had its say. A name before an
    area word ("the Sagaing region") counts, a building named after its town ("Bogor Palace") is there, and a
    town named "X of Y" is one place ("Port of Spain" is neither Le Port nor Spain)."""
    found: list[tuple[Token, Place]] = []
    within: set[int] = set()  # the "Spain" of "Port of Spain"
    for tok in doc:
        if tok.i in within:
            continue
        if (capital := _capital(tok, res)) is not None:
            found.append((tok, capital))
            continue
        if (whole := _town_of(tok, ctx, res)) is not None:
            found.append((tok, whole[0]))
            within.update(range(tok.i + 1, whole[1] + 1))
            continue
        area = _names_area(tok)
        if (is_proper(tok) or area) and tok.text[:1].isupper() and (tok.dep_ not in ("compound", "flat") or area) \
                and not is_time_word(tok):
            # (the parser tags some common words as names: "the western bank of the Dnieper" is no town Bank)
            chain = proper_chain(tok)
            place = res.gazetteer.resolve(span_text(chain), ctx.votes)
            if place is None and len(chain) > 1 and chain[-1].lower_ in BUILDINGS:
                town = res.gazetteer.resolve(span_text(chain[:-1]), ctx.votes)
                place = town if town is not None and town.kind == "city" else None
            if place is not None:
                found.append((tok, place))
    return found


def _capital(tok: Token, res: Resources) -> Place | None:
    """"in Azerbaijan's capital", "the capital of Sudan", "the Ukrainian capital": that country's capital city."""
    if tok.lower_ != "capital" or tok.tag_ != "NN" or any(is_proper(c) and c.i > tok.i for c in tok.children) \
            or tok.i + 1 < len(tok.doc) and is_proper(tok.doc[tok.i + 1]):
        return None  # "the Chechen capital Grozny" names its city (and Chechnya's is not Russia's)
    for c in tok.children:
        named = c.dep_ in ("poss", "amod", "compound") or c.dep_ == "prep" and c.lower_ == "of"
        word = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else c
        if named and word is not None and (code := res.gazetteer.country_of_word(word.text)) is not None:
            return res.gazetteer.capital_of.get(code)
    return None


def _town_of(tok: Token, ctx: SentenceContext, res: Resources) -> tuple[Place, int] | None:
    """"in Port of Spain": a city whose name runs over "of" into another name, and the index its name ends at."""
    doc = tok.doc
    if not (is_proper(tok) and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and is_proper(doc[tok.i + 2])):
        return None
    rest = proper_chain(doc[tok.i + 2])
    place = res.gazetteer.resolve(span_text([*proper_chain(tok), doc[tok.i + 1], *rest]), ctx.votes)
    return (place, rest[-1].i) if place is not None and place.kind == "city" else None


def _ambiguous(place: Place) -> bool:
    """A small city's name may be a person's or an organisation's: only the NER can tell."""
    return place.kind == "city" and place.population < MAJOR_CITY


NER_CONTEXT = 8  # tokens of context the NER sees on each side of a name it must settle


def name_window(doc: Doc, res: Resources) -> tuple[int, int] | None:
    """The tokens the NER must look at in this sentence, if any: around the names that are also small
    places ("Obama", "Hamilton"), and a capitalised word opening it that the tagger did not call a name
    ("Trump accused..."). None when no decision needs the NER."""
    marked: list[int] = []
    first = doc[0] if len(doc) else None
    if first is not None and first.tag_ in ("NN", "NNS") and first.dep_ in ("nsubj", "nsubjpass") \
            and res.lexicon.sector(first.lower_) is None:
        marked.append(0)
    for tok in doc:
        if is_proper(tok) and tok.dep_ not in ("compound", "flat") and not _after_locative(tok) and not is_time_word(tok):
            chain = proper_chain(tok)
            found = res.gazetteer.candidates(span_text(chain))
            if found and not any(p.kind == "country" or p.population >= MAJOR_CITY for p in found):
                marked.extend((chain[0].i, chain[-1].i))
    if not marked:
        return None
    return max(0, min(marked) - NER_CONTEXT), min(len(doc), max(marked) + 1 + NER_CONTEXT)


def entities_in_windows(docs: list[Doc], res: Resources, batch_size: int = 64) -> None:
    """Run the NER, in one batch, only on the windows of the sentences that need it (name_window),
    and copy its entities back; the rest of each sentence stays without entities."""
    todo = [(doc, window) for doc in docs if not doc.has_annotation("ENT_IOB") and (window := name_window(doc, res))]
    parts = [doc[a:b].as_doc() for doc, (a, b) in todo]
    for (doc, window), part in zip(todo, res.nlp.get_pipe("ner").pipe(parts, batch_size=batch_size)):
        _set_window_entities(doc, window, part)


def _set_window_entities(doc: Doc, window: tuple[int, int], part: Doc) -> None:
    """Copy the entities the NER found in `part` (doc[a:b] as a Doc) back; the window's other tokens
    are outside any entity, the rest of the sentence stays unannotated."""
    a, b = window
    inside = {a + i for e in part.ents for i in range(e.start, e.end)}
    doc.set_ents([Span(doc, a + e.start, a + e.end, label=e.label_) for e in part.ents],
                 outside=[doc[i:i + 1] for i in range(a, b) if i not in inside], default="unmodified")


def _after_locative(tok: Token) -> bool:
    """"in Bama", "near Hamilton", "the Kherson region": the sentence itself says the name is a place's."""
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE - {"of", "on"} or _names_area(tok)


def _names_someone(tok: Token, place: Place) -> bool:
    """A person's or an organisation's name that happens to be a place's too."""
    if _after_locative(tok):
        return False
    chain = proper_chain(tok)
    tagged = any(t.ent_type_ in ("PERSON", "ORG") for t in chain) and not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in chain)
    # the small model also tags some cities as organisations or people: a major city keeps its place
    return tagged and place.kind == "city" and place.population < MAJOR_CITY


def place_recipient(places: list[tuple[Token, Place]], trig: Trigger, actor: Token | None,
                    used: set[int] | None = None) -> Token | None:
    """With no one on the receiving end, the place acted upon stands in (as CAMEO coders code it).
    The chosen name's index goes into `used`. A name before an area word ("in Papua province") only says where."""
    outside = [tok for tok, _ in places if (actor is None or not (actor.left_edge.i <= tok.i <= actor.right_edge.i))
               and not _names_area(tok)]
    verb = trig.token
    if not trig.nominal and any(c.dep_ == "dobj" for c in verb.children):
        # a verb with an object of its own does not take the party a conjoined verb is done to: "opposes all
        # forms of terrorism and calls on India and Pakistan to ..." was aimed at no country ("attacked and
        # occupied Crimea", "established ties with and opened an embassy in Tehran" were)
        theirs = {t.i for c in verb.children if c.dep_ == "conj" for t in addressees(c)}
        outside = [tok for tok in outside if tok.i not in theirs]
    best = min(outside, key=lambda t: tree_distance(t, trig.token), default=None)
    if best is not None and used is not None:
        used.add(best.i)
    return best


def at_venue(tok: Token) -> bool:
    """"in Geneva", "at the White House", "in the Egyptian resort of Sharm el-Sheikh", "at the court in The
    Hague": a place the clause is set in (not "over its war in Ukraine", the place of one of its nouns)."""
    while tok.dep_ == "pobj" and tok.head.lower_ in VENUES | {"of"}:
        above = tok.head.head
        if above.tag_.startswith("VB") or above.dep_ == "dobj" and above.lower_ in SIGNED:
            return tok.head.lower_ in VENUES  # "signed an agreement in Riyadh": the parser hangs it on the deal
        tok = above  # up from "The Hague" to "the court", from "Sharm el-Sheikh" to "the resort"
    return False


def _owned(tok: Token, through_of: bool = False) -> Token:
    """The noun a name says whose it is: "Yemen's government", "U.S. Secretary of State ..." (and, through
    "of", "the foreign ministers of Japan")."""
    while tok.dep_ in ("compound", "poss", "amod", "nmod") \
            or through_of and tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head if tok.dep_ != "pobj" else tok.head.head
    return tok


def _whose_party(tok: Token, verb: Token) -> bool:
    """"hosted South Sudan's government", "held talks with Iran's foreign minister": a country that only
    says whose the other party is."""
    owner = _owned(tok)
    if owner is tok:
        return False
    return owner.dep_ == "dobj" and owner.head.i == verb.i \
        or owner.dep_ == "pobj" and owner.head.lower_ == "with" and owner.head.head.i in (verb.i, verb.head.i)


def _origin(tok: Token) -> bool:
    """"laborers from Punjab", "a delegation from Japan": where someone or something comes from, not where
    the act is (the parser often hangs "from" on the verb)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "from"


def _nationality(tok: Token) -> bool:
    """"U.S. Secretary of State Warren Christopher", "Yemen's government", "the foreign ministers of Japan": a
    country that says whose the subject is, not where the act happened."""
    return _owned(tok, through_of=True).dep_ in ("nsubj", "nsubjpass")


def _where_clause(place: Token, trigger: Token) -> bool:
    """"in The Hague, where officials would hand him a copy of the statute": the clause happens there."""
    return any(c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children) and trigger in (c, *c.subtree)
               for c in place.children)


def pick_location(places: list[tuple[Token, Place]], trig: Trigger, skip: set[int],
                  used: set[int] | None = None, dateline: EventLocation | None = None,
                  taken_from: bool = False) -> EventLocation | None:
    """The place named nearest the trigger in the parse, preferring "in/at/near X" and a city to a region
    or country ("in Austin, Texas"); for acts done in words or dealings (DEALINGS) only such a venue. Its
    index goes into `used`. A country the sentence names only as its subject's nationality ("U.S. Secretary
    of State Warren Christopher held talks ...") gives way to the dateline's city. A place someone comes from
    ("laborers from Punjab") is no venue unless the act takes them from there (`taken_from`: "withdrew from",
    "evacuated from")."""
    best: tuple[float, Token, Place] | None = None
    for tok, place in places:
        if tok.i in skip or tok.dep_ in ("nsubj", "nsubjpass"):  # a place that acts is a party, not a venue
            continue
        if trig.type in DEALINGS and not at_venue(tok) and not _where_clause(tok, trig.token):
            continue  # "Greece rejected an accord signed by Turkey": a party; the dateline's Athens is where
        if trig.type == "CONSULT" and _whose_party(tok, trig.token):
            continue  # "hosted South Sudan's government ... at State House, Nairobi": the guests' country
        # "in the Sagaing region", "at State House, Nairobi": the area or the building is in the parse
        name = tok.head if _names_area(tok) or tok.dep_ == "appos" and tok.head.dep_ == "pobj" else tok
        if _origin(name) and not taken_from:
            continue  # "shot dead six laborers from Punjab province at a site in Balochistan": where they come from
        at = LOCATIVE | MOVES.get(trig.type, frozenset()) | ({"from"} if taken_from else frozenset())
        locative = name.dep_ == "pobj" and name.head.lower_ in at or name.head.i == trig.token.i
        score = tree_distance(name, trig.token) + (0 if locative else 3) + (0.5 if place.kind != "city" else 0)
        if best is None or score < best[0]:
            best = (score, tok, place)
    if best is None:
        return dateline
    _, tok, place = best
    if dateline is not None and _nationality(tok):
        return dateline
    if used is not None:
        used.add(tok.i)
    return place.as_location(span_text(proper_chain(tok)))


def context_of(doc: Doc, res: Resources, text: str | None = None) -> str | None:
    words = set(_WORDS.findall((text if text is not None else doc.text).lower()))
    return next((name for name, keys in res.contexts if words & keys), None)


def _participant(tok: Token | None, res: Resources, prev: Token | None) -> Participant | None:
    if tok is None:
        return None
    if is_pronoun(tok) and prev is not None:  # "it"/"they" left unresolved in the sentence: the last subject
        tok = prev
    found = participant(tok, res.lexicon, res.gazetteer)
    if not found.named and tok.text[:1].isupper() and tok.i == tok.sent.start and tok.tag_ in ("NN", "NNS"):
        # a name opening the sentence may be tagged as a common noun ("Trump accused..."): the NER decides
        with_entities(tok.doc, res, [tok])
        found = replace(found, named=tok.ent_type_ in NAMED_ENTITIES)
    return found


def with_entities(doc: Doc, res: Resources, tokens: list[Token]) -> Doc:
    """Entities for `tokens` (names a decision hangs on): the NER runs on a window around them unless
    it has already seen them (entities_in_windows); on the whole sentence when it saw another part."""
    if not tokens or all(t.ent_iob != 0 for t in tokens):
        return doc
    if doc.has_annotation("ENT_IOB"):
        res.nlp.get_pipe("ner")(doc)
        return doc
    chains = [t for tok in tokens for t in (proper_chain(tok) if is_proper(tok) else [tok])]
    window = (max(0, min(t.i for t in chains) - NER_CONTEXT), min(len(doc), max(t.i for t in chains) + 1 + NER_CONTEXT))
    _set_window_entities(doc, window, res.nlp.get_pipe("ner")(doc[window[0]:window[1]].as_doc()))
    return doc


ENFORCED = {"COERCE": frozenset({"police", "military", "government"}), "ACCUSE": frozenset({"government", "police"}),
            "SANCTION": frozenset({"government"}), "COOPERATE": frozenset({"government"})}


def _enforcer_quoted(trig: Trigger, lex: Lexicon) -> Token | None:
    """"Four climate activists were arrested on Tuesday ..., police said", "a former minister was charged ...,
    the National Prosecuting Authority said", "Guzman was extradited to the United States, Mexico's Foreign
    Relations Department said", "two Russian diplomats were ordered to leave Germany, the German foreign ministry
    said": an arrest, a charge, an expulsion or an extradition told by the force or the office that makes them,
    with no one else named, was theirs."""
    for verb in trig.token.ancestors:
        if verb.tag_.startswith("VB") and lex.lemma(verb.text) in lex.reporting.get("say", frozenset()):
            source = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            office = source is not None and source.lower_ == "department" and is_proper(source)  # "Mexico's Foreign
            # Relations Department" (named: not just any "department", no sector word of its own)
            return source if source is not None and (lex.sector(source.lower_) in ENFORCED[trig.type] or office) \
                and source.lower_ not in lex.report_nouns else None  # not a spokesman: only a messenger
    return None


def _parties(trig: Trigger, res: Resources, prev: Token | None, facts: SentenceFacts,
             used: set[int] | None = None) -> tuple[Token | None, Participant | None, Participant | None, bool]:
    """Actor token, actor, recipient, and whether the recipient is a party (not a thing or a place)."""
    lex = res.lexicon
    finder = find_nominal_actor if trig.nominal else find_actor
    actor_tok = resolve_pronoun(finder(trig.token, lex), lex)
    if actor_tok is None and not trig.nominal:  # "the withdrawal of Syrian troops was completed": the act's noun
        subject = next((w for w in trig.words if w.dep_ == "nsubjpass" and w.head.i == trig.token.i), None)
        actor_tok = find_nominal_actor(subject, lex) if subject is not None else None  # names its doer
    acted_on = actor_tok is not None and actor_tok.dep_ == "nsubjpass" and actor_tok.head.i == trig.token.i
    if (actor_tok is None or acted_on) and not trig.nominal and trig.type in ENFORCED and is_passive(trig.token):
        actor_tok = _enforcer_quoted(trig, lex) or actor_tok  # ("two Russian diplomats were ordered to leave")
    if actor_tok is not None and actor_tok.lower_ in res.relevance.weapons:
        actor_tok = launch_origin(actor_tok, lex, res.gazetteer) or actor_tok
    rec_tok, rec_ok = find_recipient(trig, actor_tok, lex, res.gazetteer)
    rec_tok = resolve_pronoun(rec_tok, lex)
    giver = find_giver(trig, lex)
    if giver is not None:  # "Kenya received a loan from the World Bank": the bank gives, Kenya receives
        actor_tok, rec_tok, rec_ok = giver, actor_tok, actor_tok is not None
    elif not trig.nominal and len(trig.words) > 1 and lex.lemma(trig.token.text) in lex.victim_verbs:
        # "minorities faced growing threats", "the leader faces criticism from his party": the subject is the target
        noun = next(w for w in trig.words if w.i != trig.token.i)
        actor_tok, rec_tok, rec_ok = resolve_pronoun(find_nominal_actor(noun, lex), lex), actor_tok, actor_tok is not None
    fired = rec_tok is not None and rec_tok.lower_ in res.relevance.weapons and lex.lemma(trig.token.text) in LAUNCHING
    if rec_tok is not None and rec_tok.dep_ == "dobj" and rec_tok.head.i == trig.token.i \
            and (trig.type == "MOBILIZE" or fired):
        rec_tok, rec_ok = None, False  # what a side fires or deploys is its own, never the target ("Pakistan fired
        # artillery along the border", "Riyadh deployed 100 warplanes", "increased security")
    if rec_tok is not None and actor_tok is not None and rec_tok.i == actor_tok.i:
        rec_tok, rec_ok = None, False  # "the minister condemned what he calls ...": "he" is the actor again
    if not rec_ok:  # a thing, or nothing: the place acted upon is the better stand-in; a thing deployed or given
        # ("delivered 38 boxes to the rural areas") is no target at all
        own = trig.type == "MOBILIZE" or trig.type == "AID" and lex.lemma(trig.token.text) in GIVING
        rec_tok = place_recipient(facts.places, trig, actor_tok, used) or (None if own else rec_tok)
    return actor_tok, _participant(actor_tok, res, prev), _participant(rec_tok, res, None), rec_ok


def _conditional(tok: Token, hostile: bool) -> bool:
    """"... unless the government releases them" (any act), "if the protests continue" (a hostile
    act or a withdrawal): a threat. "would meet the mediator if he ..." stays an offer."""
    marks = {"unless", "if"} if hostile else {"unless"}
    for node in (tok, tok.head):
        for clause in (c for c in node.children if c.dep_ == "advcl"):
            if any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children):
                return True
    return False


DEMAND_NOUNS = frozenset({"demand", "demands", "call", "calls", "appeal", "appeals", "request", "requests", "plea",
                          "pleas", "ultimatum", "insistence"})  # "demands that he resign": what they ask is not done
URGING = frozenset({"urge", "ask", "call", "appeal", "press", "implore", "beg", "plead", "encourage", "invite",
                    "exhort", "request", "demand", "lobby", "push"})  # not "order": an order is carried out


def _requested(tok: Token, lex: Lexicon) -> bool:
    """What someone is urged, asked or called on to do is the request's content, not an act done: "Britain
    urges Pakistan and India to talk directly" is the REQUEST only, "asked the rebels to lay down their
    arms" no RETREAT, "demanded that Moscow block the resolution" no REJECT by Moscow."""
    verb = clause_verb(tok)
    while verb is not None and verb.dep_ == "conj" and verb.head.tag_.startswith("VB"):
        verb = verb.head  # "urged the government to protect them and to repeal the laws"
    if verb is not None and verb.dep_ in ("acl", "ccomp", "relcl") and verb.head.tag_.startswith("NN") \
            and verb.head.lower_ in DEMAND_NOUNS and any(m.dep_ in ("mark", "aux") and m.lower_ in ("that", "to")
                                                        for m in verb.children):
        return True  # "rejected protesters' demands that he resign": what is demanded, not done
    if verb is None or verb.dep_ not in ("xcomp", "ccomp") or not verb.head.tag_.startswith("VB"):
        return False
    lemma = lex.lemma(verb.head.text)
    if lemma == "call":  # "called on X to ...", not "called his counterpart to discuss ..." (a phone call)
        return any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.head.children)
    return lemma in URGING


def _hypothetical(tok: Token) -> bool:
    """Inside an "if ..." or "unless ..." clause, or "in (the) case / event of ...": a condition, not
    something that happened; or what a person described as willing to do would do ("a Democrat willing
    to criticize his party")."""
    for node in (tok, *tok.ancestors):
        if node.dep_ == "xcomp" and a_disposition(node.head):
            return True
        if node.dep_ in ("advcl", "ccomp") and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "whether")
                                                   for m in node.children):
            return True  # "if ...", "unless ...", "would not say whether the ambassador had been summoned"
        if node.dep_ in ("xcomp", "ccomp") and any(c.lower_ == "whether" for c in node.children):
            return True  # "is considering whether to send a frigate"
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in ("case", "event") \
                and node.head.head.head.lower_ == "in":
            return True
    return False


_YEAR = re.compile(r"^(1[89]|20)\d\d(-\d\d)?s?$")
RECOUNTING = frozenset({"relcl", "acl"})


def _is_year(tok: Token) -> bool:
    """A bare year ("in 1987", "the 1991 siege"), not part of a date ("in July 2021", "on 3 May 1999")."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return bool(_YEAR.match(tok.text)) and not (before is not None and (before.lower_.rstrip(".") in MONTHS
                                                                         or before.like_num or before.text == ","))


def _this_week(verb: Token) -> bool:
    """The verb is dated by a weekday ("on Thursday", "said Friday"), or today or yesterday: news, whatever year
    its other words name."""
    heads = (verb, *(c for c in verb.children if c.dep_ in ("ccomp", "acomp", "oprd") and c.tag_.startswith("JJ")))
    return any(w.lower_ in WEEKDAYS or w.lower_ in ("today", "yesterday")
               for h in heads for c in h.children if c.dep_ == "npadvmod" or c.dep_ == "prep" and c.lower_ == "on"
               for w in (c, *c.children))  # (also on the adjective of "found them guilty on Thursday")


def _dated_by_year(tok: Token) -> bool:
    """The word carries a bare year of its own: "the 1994 genocide", "in 1987", "since 1983"."""
    return any(_is_year(c) for c in tok.children if c.dep_ in ("nummod", "compound", "amod", "npadvmod")) or any(
        _is_year(g) or any(_is_year(m) for m in g.children if m.dep_ in ("nummod", "compound", "amod"))
        for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "since", "during", "of")
        for g in c.children if g.dep_ == "pobj")


BATTLES = frozenset({"battle", "siege", "war", "massacre", "invasion", "revolution", "uprising", "campaign", "raid",
                     "liberation", "fall", "sack"})  # (not "the Strait of Hormuz", "the Sea of Japan")


def _in_a_named_battle(verb: Token) -> bool:
    """"soldiers killed in the Battle of Waterloo": done in a named event of the past ("the Siege of Sarajevo")."""
    return any(g.lower_ in BATTLES and in_a_name(g)
               for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")
               for g in c.children if g.dep_ == "pobj")


def _commemorated(tok: Token) -> bool:
    """"to mark the anniversary of the peace treaty": an act remembered, not done."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in ("anniversary", "anniversaries")


LONG_SPANS = frozenset({"decade", "decades", "century", "centuries", "generation", "generations"})


def _since_long_ago(tok: Token) -> bool:
    """"fighting since 1983", "denied citizenship since a 1982 law", "disputed since the partition in
    1947", "have fought governments for more than half a century", "over the past decade": a state of
    things or a tally over years, not an act of the day; and what was done "in the past", "previously"
    or "formerly"."""
    for prep in (c for c in tok.children if c.dep_ == "prep"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            if prep.lower_ == "since" and any(_is_year(t) for t in obj.subtree):
                return True
            if prep.lower_ in ("for", "over", "during", "throughout") and obj.lower_ in LONG_SPANS:
                return True
            if prep.lower_ == "in" and obj.lower_ == "past" and not any(m.dep_ in ("nummod", "compound", "amod")
                                                                         for m in obj.children):
                return True  # "who has criticised the president in the past" (not "in the past week")
    return any(c.dep_ == "advmod" and c.lower_ in ("previously", "formerly") for c in tok.children)


AVERTING = frozenset({"avoid", "avert"})  # not "escape": "escaped an assassination attempt" was attacked


def _averted(tok: Token, lex: Lexicon) -> bool:
    """"Sweden avoided having any direct fighting on its territory", "talks averted a strike", "coercion
    without firing a shot": the act did not happen (the first two verbs above the trigger, or "without")."""
    return tok.head.lower_ == "without" and tok.dep_ in ("pcomp", "pobj") \
        or any(lex.lemma(v.text) in AVERTING for v in islice(verbs_above(tok), 2))


def _charged_with(trig: Trigger) -> bool:
    """"Mexico extradited a man accused of running logistics for the cartel": an accusation that only says
    who the man is (a participle describing him, no accuser named) is no act of the sentence, nor is what he
    is accused of ("demolished the homes of two Palestinians accused of carrying out an attack")."""
    return trig.type == "ACCUSE" and describes_noun(trig) and not any(c.dep_ == "agent" for c in trig.token.children)


RELIEF = frozenset({"AID", "RETREAT", "MOBILIZE"})  # rescue, evacuation, deployment: a disaster's response too
REFERRED = frozenset({"those", "anyone", "everyone", "all"})  # "the families of those killed"
STRIVING = frozenset({"battle", "fight", "struggle"})


def _who_it_befell(trig: Trigger) -> bool:
    """"compensation for the families of those killed": a participle naming people by what befell them,
    with no one said to have done it, is no act of the sentence (nor of its subject)."""
    return describes_noun(trig) and trig.token.head.lower_ in REFERRED \
        and not any(c.dep_ == "agent" for c in trig.token.children)


def _striving(trig: Trigger, lex: Lexicon) -> bool:
    """"Malatya has been battling to rebuild", "police and firefighters battled through fog to reach the
    wreckage", "we fought hard for this agreement": an effort towards what the clause or the "for" after it
    says, no fighting, unless that is itself hostile or armed men strive ("rebels fighting to topple the
    government", "fighting for independence")."""
    tok = trig.token
    holders = (tok, tok.head) if tok.dep_ == "xcomp" else (tok,)  # "militias continued to fight for control"
    if trig.nominal or lex.lemma(tok.text) not in STRIVING or any(
            c.dep_ == "nsubj" and lex.sector(c.lower_) in ("rebel", "military") for h in holders for c in h.children):
        return False
    aims = [c for c in tok.children if c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                             for a in c.children)]
    if aims:
        return all(lex.verb_type.get(lex.lemma(c.text)) not in HOSTILE for c in aims)
    return any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children) \
        and not any(c.dep_ == "dobj" for c in tok.children)


def _verb_of_noun(tok: Token) -> Token | None:
    """The verb of the clause a noun stands in ("was the scene of a deadly assault" -> "was")."""
    for node in tok.ancestors:
        if node.tag_.startswith("VB"):
            return node
        if node.dep_ not in ("pobj", "prep", "dobj", "attr", "nsubj", "nsubjpass", "appos", "compound"):
            return None
    return None


def _background(tok: Token) -> bool:
    """History the sentence recalls, not news it reports: a clause describing a noun with a bare
    year ("the bridge, destroyed by Croat artillery in 1993", "since 1974, when Turkey invaded",
    "the 1994 genocide, in which 800,000 people were killed"), an act dated by a bare year ("the
    expulsion of diplomats in 1987", "was annexed by Morocco in 1975 and ...", "was the scene of a
    deadly assault in 2012") or one that has gone on since a year ("fighting since 1983"); and an act
    that only dates something else ("no presence at the site since the ban"). A verb dated this week is
    news whatever year its other words name."""
    verb = tok if tok.tag_.startswith("VB") else _verb_of_noun(tok)
    if verb is tok and _this_week(verb):
        return False  # "found six former officers guilty on Thursday of murders during the 1976-1983 dictatorship"
    if tok.dep_ == "pobj" and tok.head.lower_ == "since" or verb is not None and verb.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "since" for m in verb.children):
        return True  # "no presence at the site since the ban", "since the war started, ...": the act dates another
    conjoined = verb.head if verb is not None and verb.dep_ == "conj" else None  # "annexed in 1975 and recognised"
    if any(node is not None and (_since_long_ago(node) or _dated_by_year(node)) for node in (tok, verb, conjoined)):
        return True
    if tok.tag_.startswith("NN") and _commemorated(tok) or verb is not None and _in_a_named_battle(verb):
        return True
    for node in (tok, *tok.ancestors):
        if node.dep_ in RECOUNTING and (_dated_by_year(node) or _is_year(node.head) or _dated_by_year(node.head)):
            return True
    return False


WILL = frozenset({"will", "would", "shall", "'ll"})
CAN = frozenset({"could", "may", "might", "can"})
SPECULATING = frozenset({"could", "might"})
HABITUAL = frozenset({"rarely", "seldom", "usually", "typically", "generally", "often", "frequently", "normally"})


def _future(tok: Token) -> bool:
    """"would tighten the blockade", "will withdraw": the act is announced, not done."""
    return has_aux(tok, WILL) and not any(c.dep_ == "neg" for c in tok.children)


def _possible(tok: Token) -> bool:
    """"could pull out of the talks (unless ...)": an act held out as possible."""
    return has_aux(tok, CAN)


WARNING = frozenset({"warn", "threaten", "vow", "caution", "signal", "hint"})
ACCEPTING = frozenset({"accept", "agree", "approve", "support", "endorse", "tolerate", "allow", "permit", "recognize",
                       "recognise"})  # "cannot accept", "could not support": refused, not doubted


def _speculative(trig: Trigger, lex: Lexicon) -> bool:
    """"a stand-off could push Sudan towards partition", "diplomats fear the fighting could spread":
    what might happen, not what happened. A threat stays one: "warned it could strike", "could pull out
    unless ...". The clause is the trigger's own, or for a noun the verb it is the subject of."""
    tok = trig.token
    clause = tok.head if trig.nominal and tok.dep_ in ("nsubj", "nsubjpass") else tok
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for node in (clause, *clause.ancestors) for c in node.children):
        return True  # "argued that sanctions rarely change a regime's behaviour": a generalisation
    if not any(has_aux(node, SPECULATING) for node in (clause, *(clause.ancestors if clause.dep_ == "xcomp" else ()))):
        return False
    if trig.type == "THREATEN" or not trig.nominal and _conditional(clause, True):
        return False
    if not trig.nominal and any(c.dep_ == "neg" for c in clause.children) and lex.lemma(clause.text) in ACCEPTING:
        return False  # "said they could not accept a power-sharing arrangement": a refusal (REJECT), no speculation
    return not any(lex.lemma(a.text) in WARNING for a in clause.ancestors)


def _halted(tok: Token, lex: Lexicon) -> bool:
    """"ordered the army to stop bombing", "agreed to halt attacks": a hostile act being stopped."""
    return tok.dep_ in ("xcomp", "dobj", "pcomp", "pobj") and lex.lemma(tok.head.text) in HALTING


def reframe(trig: Trigger, status: str, lex: Lexicon) -> tuple[Trigger, str]:
    """PLOVER codes intentions and refusals as their own events: "will withdraw" is an AGREE, "would
    boycott" or "will withdraw unless ..." a THREATEN, "will not accept" a REJECT; and stopping an
    attack ("to stop bombing the camps") is a RETREAT, not an ASSAULT."""
    if trig.type in HOSTILE and _halted(trig.token, lex):
        return replace(trig, type="RETREAT", mode=None), status
    tok = trig.token
    verb = tok.head if trig.nominal and tok.dep_ in ("dobj", "nsubjpass") and tok.head.tag_.startswith("VB") else tok
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.tag_.startswith("VB"):
        verb = verb.head.head  # "Russia would respond to any new sanctions by banning imports": the "would" is above
    if verb.dep_ == "xcomp" and lex.lemma(verb.head.text) == "have" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head  # "would have to review its relations with Spain unless ...": the "would" is on "have"
    if (status == "planned" or _future(verb) or _possible(verb)) \
            and _conditional(verb, trig.type in HOSTILE | {"RETREAT"}):
        return replace(trig, type="THREATEN", mode=None), "asserted"
    if status != "planned" and _future(verb) and trig.type in HOSTILE:
        status = "planned"  # "NATO confirmed it would tighten the blockade": an announced hostile act
    if verb is not tok and _future(verb) and trig.type in COOPERATIVE:
        status = "planned"  # "it would begin joint naval patrols with Tanzania": the noun's verb is to come
    if status == "planned" and trig.type in COOPERATIVE:
        return replace(trig, type="AGREE", mode=None), "asserted"
    if status == "planned" and trig.type == "ASSAULT" and _armed_preparation(trig, lex):
        return replace(trig, type="MOBILIZE", mode=None), "asserted"
    if status == "planned" and trig.type in HOSTILE:
        return replace(trig, type="THREATEN", mode=None), "asserted"
    if status == "denied" and trig.type in COOPERATIVE and not is_passive(trig.token):
        return replace(trig, type="REJECT", mode=None), "asserted"
    return trig, status


def _armed_preparation(trig: Trigger, lex: Lexicon) -> bool:
    """"The army prepared to resume shelling rebel territory": armed forces readying an attack show
    force (MOBILIZE); a government "prepared to impose martial law" threatens."""
    preparing = next((a for a in verbs_above(trig.token) if lex.lemma(a.text) == "prepare"), None)
    if preparing is None:
        return False
    actor = find_actor(preparing, lex)
    return actor is not None and lex.sector(actor.lower_) in ("military", "rebel")


def code_trigger(doc: Doc, trig: Trigger, rank: int, span: tuple[int, int], ctx: SentenceContext,
                 res: Resources, prev: Token | None, facts: SentenceFacts, used: set[int] | None = None) -> Event:
    """One candidate event of a trigger; `used` collects the place names it was placed at or aimed at."""
    lex = res.lexicon
    actor_tok, actor, recipient, rec_ok = _parties(trig, res, prev, facts, used)
    status, source = modality(trig, lex)
    trig, status = reframe(trig, status, lex)
    if trig.type == "PROTEST" and lex.lemma(trig.token.text) == "protest" and _official(actor, res.gazetteer):
        trig = replace(trig, type="ACCUSE", mode=None)  # "China protested against the arms sale": a state's protest
    skip = {t.i for t in (actor_tok,) if t is not None}
    taken_from = "from" in MOVES.get(trig.type, ()) or res.lexicon.lemma(trig.token.text) in EVACUATING  # "withdrew
    # from Gorazde", "evacuated 278 nationals from Sudan": the act is done where they leave
    location = pick_location(facts.places, trig, skip, used, ctx.dateline, taken_from)
    date = pick_date(doc, trig, facts.dates)
    conf = 0.45 + 0.2 * (actor is not None) + (0.15 if rec_ok else 0.05 if recipient else 0) \
        + (0.1 if not trig.nominal else -0.1) - 0.05 * min(rank, 3) - (0.2 if a_purpose(trig.token) else 0) \
        - (0.2 if describes_noun(trig) else 0)
    cameo = lex.cameo_modes.get(f"{trig.type}.{trig.mode}", lex.cameo[trig.type])
    start, end = span
    return Event(
        event_id=make_event_id(ctx.article_id, start, end, trig.type), article_id=ctx.article_id,
        type=trig.type, mode=trig.mode, context=facts.context, actor=actor, recipient=recipient,
        action=" ".join(t.text for t in sorted(trig.words, key=lambda t: t.i)), what=predicate(trig), status=status,
        reported_by=source, location=location,
        date=(date.date.isoformat() if date else ctx.published.isoformat() if ctx.published else None),
        date_precision=(date.precision if date else "day" if ctx.published else None),
        date_text=date.text if date else None, sentence=facts.text or doc.text, start=start, end=end,
        confidence=round(max(0.05, min(0.99, conf)), 3), cameo_root=cameo,
    )


LEFT_OUT = frozenset({"nsubj", "nsubjpass", "csubj", "advcl", "punct", "cc", "conj", "mark", "aux", "auxpass", "neg",
                      "parataxis", "relcl", "ccomp", "npadvmod", "appos", "dep", "intj", "expl", "meta"})
NOUN_CLAUSES = frozenset({"relcl", "appos", "acl", "advcl"})
MAX_WHAT = 16  # words: a predicate longer than this is cut after its first phrases


def predicate(trig: Trigger) -> str:
    """What was done, as the sentence puts it: the trigger with its objects, particles and phrases
    ("Thousands marched through Dublin yesterday in the latest protest against water charges" -> "marched
    through Dublin in the latest protest against water charges"), without the doer, other clauses, or
    time words. For a noun trigger: the noun phrase ("air strikes on Houthi rebels")."""
    head = trig.token
    if trig.nominal:  # the noun phrase without the clauses that describe it ("protests in Lahore after ...")
        cut = {t.i for c in head.subtree if c.i != head.i and c.dep_ in NOUN_CLAUSES for t in c.subtree}
        # a headline's verb the parser took for a noun keeps its subject: "Kenyan police arrest opposition leader"
        cut |= {t.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        words = [t for t in head.subtree if t.i == head.i or t.i not in cut and t.dep_ != "punct"]
    else:
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        framing = {c.i for c in head.children if subj is not None and c.i < subj.i}  # "In a rare move, X ..."
        keep = [head] + [t for c in head.children if c.dep_ not in LEFT_OUT and not time_phrase(c)
                         and c.i not in framing for t in c.subtree]
        words = sorted((t for t in keep if not (t.ent_type_ == "DATE" or is_time_word(t) and t.dep_ == "npadvmod")),
                       key=lambda t: t.i)
        patient = next((c for c in head.children if c.dep_ == "nsubjpass" and not is_pronoun(c)), None)
        if patient is not None:  # "a man was arrested after the raid" -> "arrested a man after the raid"
            clauses = {t.i for c in patient.children if c.dep_ in ("relcl", "appos", "acl") for t in c.subtree}
            agents = {t.i for c in head.children if c.dep_ == "agent" for t in c.subtree}  # the doer is the who
            words = [head] + [t for t in patient.subtree if t.i not in clauses] \
                + [t for t in words if t.i != head.i and t.i not in agents]
    words = [t for t in words if not t.is_punct][:MAX_WHAT]
    return " ".join(t.lower_ if t.i == t.sent.start and not is_proper(t) else t.text for t in words)


def salience(ev: Event, rank: int, sentence_index: int, ctx: SentenceContext) -> float:
    """Headline and lead weigh most; events matching the headline's type or words rise."""
    position = 1.0 if sentence_index == 0 else 0.8 / (1 + 0.08 * sentence_index)
    heads = " ".join(p.head.lower() for p in (ev.actor, ev.recipient) if p)
    bonus = (0.35 if ev.type in ctx.title_types else 0) + 0.1 * min(2, sum(w in heads for w in ctx.title_words))
    return round((position + bonus) * STATUS_WEIGHT[ev.status] * ev.confidence * (1 - 0.2 * min(rank, 3)), 4)


def between_actors(ev: Event, trig: Trigger, res: Resources) -> bool:
    """PLOVER codes interactions of political or social actors: the doer must be one (or, in a
    passive clause without a doer, someone is acted upon); a storm, a tram or a market is not."""
    rel = res.relevance
    if ev.type == "ASSAULT" and is_weapon(ev.actor, rel) and is_actor(ev.recipient, rel):
        return True  # "a car bomb killed 20 people": the weapon of an attacker the sentence does not name
    if is_thing(ev.actor, rel) or _own_decision(ev, trig, res) or _passes_word_on(trig, res):
        return False
    if _crime(ev, trig, res) or res.lexicon.lemma(trig.token.text) == "blame" and is_thing(ev.recipient, rel):
        return False  # crime; "blaming thick cloud and poor visibility": no one is accused
    if _what_a_rule_allows(trig.token, rel) or ev.type in ("CONSULT", "AGREE") and _body_meets_alone(ev, trig, res):
        return False
    if trig.token.dep_ == "acl" and fold(trig.token.head.text) in rel.natural:
        return False  # "record-breaking warmth hit Scandinavia": the noun the verb describes is the doer
    verb = res.lexicon.lemma(trig.token.text)
    named = trig.type in ("CONCEDE", "ASSAULT") and len(trig.words) > 1 \
        or trig.type == "SANCTION" and any(w.tag_.startswith("NN") for w in trig.words)  # "allowed elections",
    # "returned fire", "cut off military aid to the country": the phrase names the act, whoever bears it
    if verb in NEEDS_PARTY and not trig.nominal and not named \
            and trig.type not in ("AID", "RETREAT", "MOBILIZE", "PROTEST", "THREATEN") \
            or verb in ("send", "give", "provide") and trig.type not in ("MOBILIZE", "CONCEDE", "RETREAT", "THREATEN"):
        # (not "gave in", nor "gave the politicians 48 hours to ...": an ultimatum to whoever gets it)
        if not (is_political(ev.recipient, rel) or trig.type == "AID" and _aid_object(trig, res)
                or _owned_by_party(trig, res) or trig.type == "COERCE" and _silences(ev, trig, res)
                or _together(trig)):
            return False
    # a state, an armed group or an office acts politically; a named person, a crowd or an unnamed doer
    # only in a political sentence: against another party, or with a political word or a hostile act
    if is_institution(ev.actor) or is_institution(ev.recipient) and is_actor(ev.actor, rel):
        return True
    warning = ev.type == "THREATEN" and not _stated_party(ev.actor)  # "scientists warn that sleep loss raises the
    # risk of heart disease": a warning of a risk, not a threat, unless a party is named or the sentence is political
    context = is_political(ev.recipient, rel) or ev.type in POINTED and not warning \
        or bool(rel.anchors.search(ev.sentence)) or _mutual(ev.actor) \
        or ev.type == "REJECT" and _answers_accusation(trig, res) \
        or ev.type == "AID" and _aid_object(trig, res)  # relief handed out is aimed at people in need
    if ev.actor is not None:
        return is_political(ev.actor, rel) and (context or _owned_by_party(trig, res))
    if trig.nominal:  # "demonstrators filled the streets": the trigger noun names the actors
        doc = trig.token.doc  # "marches were held in cities where unions...", not "the civil war has devastated"
        rest = doc[:trig.token.i].text + " " + doc[trig.token.i + 1:].text
        return (is_political(ev.recipient, rel) or res.lexicon.sector(trig.token.lower_) is not None
                or ev.type in HOSTILE and bool(rel.anchors.search(rest)))
    if ev.type in HOSTILE:  # "... of shelling a school": an attack's target need not be a party
        return ev.recipient is not None and not is_thing(ev.recipient, rel)
    return is_political(ev.recipient, rel) and context


OFFENDERS = frozenset({"man", "woman", "men", "gunman", "gang", "gangs", "hunter", "robber", "robbers", "kidnapper",
                       "kidnappers", "thief", "thieves", "burglar", "burglars", "teenager", "teenagers", "driver",
                       "student", "pupil", "neighbour", "neighbor", "husband", "wife", "boyfriend"})
STREET_CRIMES = frozenset({"stab", "murder", "rob", "mug", "strangle", "burgle", "knife", "batter", "carjack"})
ACCIDENTAL = frozenset({"accidentally", "inadvertently", "mistakenly", "unintentionally"})


def _crime(ev: Event, trig: Trigger, res: Resources) -> bool:
    """"A gunman killed three people at a bar", "rival drug gangs fought a gun battle", "a hunter
    accidentally shot a fellow member of his party", "two men who helped an elderly neighbour", "a man
    was stabbed to death in a row over a parking space, police said": what unnamed individuals or gangs
    do to people who are no party, in a sentence naming no political actor (the police telling of it
    do not count), is crime or local news, not PLOVER's."""
    verb = trig.token.head if trig.token.dep_ == "conj" else trig.token  # "accidentally shot and killed"
    if any(c.lower_ in ACCIDENTAL for c in (*trig.token.children, *verb.children)):
        return True
    actor, rec = ev.actor, ev.recipient
    if rec is not None and (rec.named or rec.country is not None or is_institution(rec)):
        return False
    if actor is None:  # "a man was stabbed to death in a row over a parking space": victim and attacker unnamed
        if rec is None or head_word(rec) not in OFFENDERS or res.lexicon.lemma(trig.token.text) not in STREET_CRIMES:
            return False  # "a woman was killed in the Mankote area" may be the border shelling the article reports
    elif actor.named or actor.country is not None or head_word(actor) not in OFFENDERS | {""}:
        return False
    return not anchored(ev.sentence, res.relevance)


def _what_a_rule_allows(tok: Token, rel: Relevance) -> bool:
    """"The new law allows police to detain suspects for 30 days": what a text permits or requires,
    not an act anyone did (the doer of a clause above the trigger is a law, a treaty, a rule...)."""
    for verb in verbs_above(tok):
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.tag_ in ("NN", "NNS") and subj.lower_ in rel.abstract:
            return True
    # "Under the constitution, the president can dissolve parliament": a power, not its use
    verb = tok if tok.tag_.startswith("VB") else _verb_of_noun(tok)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in ("can", "may") for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "under" and any(g.lower_ in rel.abstract for g in c.children if g.dep_ == "pobj")
        for c in verb.children)


def _recipient_token(trig: Trigger, res: Resources) -> Token | None:
    lex = res.lexicon
    finder = find_nominal_actor if trig.nominal else find_actor
    return find_recipient(trig, resolve_pronoun(finder(trig.token, lex), lex), lex, res.gazetteer)[0]


def _owned_by_party(trig: Trigger, res: Resources) -> bool:
    """The act is aimed at what a party owns or did ("welcomed the al-Qaida success", "rejected Sweden's
    proposal", "raided the offices of the opposition newspaper"): an interaction with that party, even
    though its head is a thing."""
    lex, gaz = res.lexicon, res.gazetteer
    rec = _recipient_token(trig, res)
    if rec is None or is_pronoun(rec):
        return False
    if any(owner_modifier(c, lex, gaz) and (is_proper(c) or gaz.country_of_word(c.text) is not None) for c in rec.children):
        return True
    # "raided the offices of the opposition newspaper", "the home of the opposition leader"
    return any(is_political(participant(g, lex, gaz), res.relevance) for c in rec.children
               if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")


def _official(p: Participant | None, gaz: Gazetteer) -> bool:
    """A state (its name or its capital's) or its government: a protest of theirs is made in words (an
    ACCUSE), not in the street; "Nigerians" or "Chinese students" protest."""
    return p is not None and (p.sector == "government" or fold(p.core) in gaz.capitals
                              or any(place.kind == "country" for place in gaz.candidates(p.core)))


def _stated_party(p: Participant | None) -> bool:
    """A doer the sentence names, or places in a country, or a state, force or office."""
    return p is not None and (p.named or p.country is not None or is_institution(p))


ACCUSATIONS = frozenset({"allegation", "allegations", "accusation", "accusations", "charge", "charges", "claim",
                         "claims", "report", "reports", "criticism", "wrongdoing"})


def _answers_accusation(trig: Trigger, res: Resources) -> bool:
    """"Brightmart denied the allegations": a denial answers an accuser, a party to the exchange."""
    return any(c.dep_ == "dobj" and c.lower_ in ACCUSATIONS for c in trig.token.children)


def _own_decision(ev: Event, trig: Trigger, res: Resources) -> bool:
    """"Councillors agreed a £4m scheme", "the plan, approved by the cabinet": a body adopting a plan,
    budget or bill decides on its own text; it agrees with no one. Not so when the text is another
    party's ("approved Sweden's proposal") or made with one ("the treaty with Russia")."""
    verb = trig.token
    if ev.type != "AGREE" or trig.nominal or res.lexicon.lemma(verb.text) not in ADOPTING:
        return False
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        obj = verb.head  # "the plan, approved by the cabinet"
    if obj is None or res.lexicon.lemma(obj.text, noun=True) not in ADOPTED:
        return False
    lex, gaz = res.lexicon, res.gazetteer
    return not any(owner_modifier(c, lex, gaz) for c in obj.children) and not any(
        c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in (*obj.children, *verb.children))


def _passes_word_on(trig: Trigger, res: Resources) -> bool:
    """"sent him updates", "gave details", "provided information", "received a text message": handing
    over or getting words is communication, not aid or a meeting."""
    verb = res.lexicon.lemma(trig.token.text)
    if trig.nominal or not (trig.type == "AID" and verb in GIVING or verb in NEEDS_PARTY and len(trig.words) == 1):
        return False
    objs = [c for c in trig.token.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(objs) and all(res.lexicon.lemma(o.text, noun=True) in INFORMATION for o in objs)


def _mutual(actor: Participant | None) -> bool:
    """"The two countries", "both sides": parties acting with each other, each the other's recipient."""
    words = fold(actor.text).split() if actor is not None else []
    return len(words) > 1 and (words[0] in ("two", "both") or words[:2] == ["the", "two"])


BODIES = frozenset({"cabinet", "parliament", "politburo", "senate", "congress", "legislature", "committee", "board",
                    "jury", "presidium", "synod"})


def _body_meets_alone(ev: Event, trig: Trigger, res: Resources) -> bool:
    """"The Israeli cabinet will meet on Sunday to discuss the budget": a body sitting, with no one else; its
    members consult each other, not another party (a meeting "with" someone, or of the body with another, is one)."""
    if ev.actor is None or head_word(ev.actor) not in BODIES or res.lexicon.lemma(trig.token.text) not in MEETING:
        return False
    verbs = [trig.token, *(a for a in trig.token.ancestors if res.lexicon.lemma(a.text) in MEETING)]
    return not any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") or c.dep_ == "dobj" and is_political(
        participant(c, res.lexicon, res.gazetteer), res.relevance) for v in verbs for c in v.children)


MEETING = frozenset({"meet", "discuss", "convene", "confer", "gather", "sit"})


def _together(trig: Trigger) -> bool:
    """"Police in both countries worked together": the doers act with each other, each the other's party."""
    return any(c.dep_ == "advmod" and c.lower_ in ("together", "jointly") for c in trig.token.children)


PATIENTS = frozenset({"wounded", "injured", "sick", "casualties", "patients", "survivors"})
NETWORKS = frozenset({"internet", "website", "websites", "network", "networks", "broadband", "signal", "signals"})


def _silences(ev: Event, trig: Trigger, res: Resources) -> bool:
    """A state shutting down or blocking the internet, a newspaper or a broadcaster ("authorities shut
    down the internet across the region", "shut down mobile internet services"): coercion of everyone
    who uses it."""
    lex = res.lexicon
    return is_institution(ev.actor) and any(
        w.lower_ in NETWORKS or lex.lemma(w.text, noun=True) in NETWORKS or lex.sector(w.lower_) == "media"
        for c in trig.token.children if c.dep_ in ("dobj", "nsubjpass")
        for w in (c, *(m for m in c.children if m.dep_ in ("compound", "amod"))))


def _aid_object(trig: Trigger, res: Resources) -> bool:
    """Aid is goods, money or help given, or people in need helped: "delivered food", "sent $5m", "sent
    rescue teams", "treated hundreds of wounded" (not "sent him updates")."""
    return any(res.lexicon.lemma(w.text, noun=True) in AID_GOODS or w.lower_ in HELPERS | PATIENTS or w.like_num
               or w.text in ("$", "£", "€")
               for w in trig.token.subtree if w.dep_ in ("dobj", "pobj", "nummod", "compound", "quantmod", "nmod"))


def code_sentence(doc: Doc, span: tuple[int, int], index: int, ctx: SentenceContext, res: Resources,
                  prev: Token | None) -> list[Event]:
    """The sentence's events. The NER (costly) runs only when a candidate would be placed at, or aimed
    at, a name that may be a small place or a person's name; then the sentence is coded again with the
    names the NER calls people or organisations taken out of its places."""
    found = find_triggers(doc, res.lexicon)
    charged = {w.i for t in found if _charged_with(t) for w in t.token.subtree}
    triggers = [t for t in found
                if not _hypothetical(t.token) and not _background(t.token) and not _speculative(t, res.lexicon)
                and not _averted(t.token, res.lexicon) and not _requested(t.token, res.lexicon)
                and not _who_it_befell(t) and not _striving(t, res.lexicon)
                and t.token.i not in charged][:MAX_TRIGGERS]
    if not triggers:
        return []
    places = gazetteer_places(doc, ctx, res)
    text = ctx.text[span[0]:span[1]]  # the parsed sentence: the Doc was made from this very slice
    facts = SentenceFacts(places, find_dates(text, ctx.published), context_of(doc, res, text), text)
    events, used = _code_triggers(doc, triggers, span, index, ctx, res, prev, facts)
    names = [tok for tok, place in places if _ambiguous(place) and tok.i in used and not _after_locative(tok)]
    if names:
        with_entities(doc, res, names)
        kept = [(tok, place) for tok, place in places if not _names_someone(tok, place)]
        if len(kept) < len(places):
            events, _ = _code_triggers(doc, triggers, span, index, ctx, res, prev, replace(facts, places=kept))
    return events


def _code_triggers(doc: Doc, triggers: list[Trigger], span: tuple[int, int], index: int, ctx: SentenceContext,
                   res: Resources, prev: Token | None, facts: SentenceFacts) -> tuple[list[Event], set[int]]:
    """The events of the sentence's triggers, and the place tokens the candidates used."""
    events: list[Event] = []
    seen: set[str] = set()
    used: set[int] = set()
    for rank, trig in enumerate(triggers):
        ev = code_trigger(doc, trig, rank, span, ctx, res, prev, facts, used)
        # one event per type and sentence (the event id is keyed on both); an act denied or not done ("did
        # not fire", "no operations were cancelled") is none (a refusal to cooperate was reframed as a REJECT)
        if ev.type in seen or ev.status == "denied" or not between_actors(ev, trig, res):
            continue
        if ctx.domain == "disaster" and ev.type == "ASSAULT" and ev.actor is None:
            continue  # in a quake report, "320 people had been injured" by no one named is the quake's doing
        if ctx.domain == "disaster" and ev.type in RELIEF and not (ev.recipient is not None and ev.recipient.named):
            continue  # "police evacuated 11 villages", "residents began pulling passengers out": the disaster's
            # response at home, no dealing between parties (unlike "Australia will send supplies to Papua New Guinea")
        confidence = calibrated(ev, trig, rank, res)
        if confidence < MIN_CONFIDENCE:
            continue
        seen.add(ev.type)
        events.append(replace(ev, salience=salience(ev, len(events), index, ctx), confidence=confidence))
    return events, used


def calibrated(ev: Event, trig: Trigger, rank: int, res: Resources) -> float:
    """The probability that the candidate is a real event of its type (the rules' score if no
    calibration has been fitted yet)."""
    if res.calibration is None:
        return ev.confidence
    return round(res.calibration.probability(features(ev, trig.nominal, rank, res.relevance)), 3)
