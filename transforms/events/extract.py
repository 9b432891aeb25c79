"""Entry points: code one article, or many at once (one spaCy pipe over all their event sentences)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, NamedTuple

from transforms.language import detect_language

from .coder import SentenceContext, code_sentence, country_votes, entities_in_windows
from .dates import parse_published
from .gazetteer import fold
from .headlines import reparsed
from .model import Event, EventLocation, as_input
from spacy.tokens import Token

from .phrases import is_pronoun, is_proper
from .main_event import LEAD, put_main_first
from .relevance import article_domain, off_topic, reading
from .resources import Resources
from .sentences import may_hold_event, sentence_spans, strip_dateline
from .triggers import OCCASIONS, Trigger, find_triggers

BATCH = 64


def _title_hints(title_doc: Any, triggers: tuple[Trigger, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The headline's event types and name words, which raise the salience of events that share them. An
    act the headline names as the occasion ("Kenya's president withdraws finance bill after deadly
    protests") is not the story's type."""
    if title_doc is None:
        return frozenset(), frozenset()
    types = frozenset(t.type for t in triggers if not _occasion(t.token))
    words = frozenset(t.lower_ for t in title_doc if (t.tag_.startswith("NN") or is_proper(t)) and len(t) > 3)
    return types, words


def _occasion(tok: Token) -> bool:
    """The word stands in a phrase telling when or on what occasion ("after deadly protests", "amid talks")."""
    return any(a.dep_ == "prep" and a.lower_ in OCCASIONS for a in tok.ancestors)


def _root_subject(doc: Any) -> Token | None:
    """The non-pronoun subject of a sentence's root: what "it"/"they" most likely refer to next."""
    for root in (t for t in doc if t.dep_ == "ROOT"):
        for tok in root.children:
            if tok.dep_ in ("nsubj", "nsubjpass") and not is_pronoun(tok):
                return tok
    return None


def _datelined(text: str, res: Resources) -> tuple[list[tuple[int, int]], EventLocation | None]:
    """The sentence spans without their datelines, and the place of the article's dateline (its first
    sentence's; a colon or title-case one, "NEW DELHI: ...", "Jos — ...", is read only there)."""
    spans = sentence_spans(text)
    if not spans:
        return [], None
    (first, end), rest = spans[0], spans[1:]
    start, name = strip_dateline(text, first, end, _is_place(res))
    place = res.gazetteer.dateline(name) if name else None
    return [(start, end), *((strip_dateline(text, s, e)[0], e) for s, e in rest)], \
        (place.as_location(name) if place else None)


def _is_place(res: Resources) -> Callable[[str], bool]:
    """A dateline desk or a place by its own name (not an alternate one: "Hamas" is also a name of Hamm)."""
    def known(name: str) -> bool:
        place = res.gazetteer.dateline(name)
        return place is not None and (fold(place.name) == fold(name) or fold(name) in res.gazetteer.desks)
    return known


def _candidate(sentence: str, res: Resources) -> bool:
    """Worth parsing: a trigger word, and not sports, weather, business, product or page-furniture text."""
    return may_hold_event(sentence, res.prefilter) and off_topic(sentence, res.relevance) is None


class Plan(NamedTuple):
    """What an article needs parsed, and what its sentences are coded with."""

    article: Any
    chosen: list[tuple[int, int, int]]  # (index, start, end) of its candidate sentences
    texts: list[str]  # the title and those sentences, to parse (none for an article not in English)
    domain: str | None  # its non-political kind (sport, products, business, disaster...) or None
    dateline: EventLocation | None


def _plan(article: Any, res: Resources) -> Plan:
    """The article's Plan: its language declared or detected, its datelines read once."""
    art = as_input(article)
    if not art.language:  # "newsdesk events" lines and dicts often carry none: the text tells
        art = replace(art, language=detect_language(art.text))
    if not art.codable:
        return Plan(art, [], [""], None, None)
    spans, dateline = _datelined(art.text, res)
    texts = [art.text[s:e] for s, e in spans]
    readings = [reading(text, res.relevance) for text in texts]
    kinds, anchors = [kind for kind, _ in readings], [anchor for _, anchor in readings]
    domain = article_domain(kinds, sum(anchors))  # sport, products, business...
    chosen = [(i, s, e) for i, ((s, e), text, kind, anchor) in enumerate(zip(spans, texts, kinds, anchors))
              if kind is None and may_hold_event(text, res.prefilter) and (anchor or domain is None)]
    return Plan(art, chosen, [art.title.strip()] + [art.text[s:e] for _, s, e in chosen], domain, dateline)


def _code_article(plan: Plan, docs: list[Any], res: Resources) -> list[Event]:
    art, chosen = plan.article, plan.chosen
    title = docs[0] if docs[0].text else None
    title_triggers = tuple(find_triggers(title, res.lexicon)) if title is not None else ()
    title_types, title_words = _title_hints(title if title is not None and _candidate(title.text, res) else None,
                                            title_triggers)
    ctx = SentenceContext(art.id, art.text, parse_published(art.published), country_votes(art.text, res.gazetteer),
                          title_types, title_words, plan.dateline, title_triggers, plan.domain)
    events: list[tuple[int, Event]] = []
    prev: Token | None = None
    for (index, start, end), doc in zip(chosen, docs[1:]):
        events.extend((index, ev) for ev in code_sentence(doc, (start, end), index, ctx, res, prev))
        prev = _root_subject(doc) or prev
    lead = {index: doc for (index, _, _), doc in zip(chosen, docs[1:]) if index < LEAD}
    return put_main_first(events, title, lead, ctx, res)


def extract_events_many(articles: Iterable[Any], resources: Resources, batch_size: int = BATCH) -> list[list[Event]]:
    """Events of each article, in input order; one parser pipe over every candidate sentence."""
    plans = [_plan(a, resources) for a in articles]
    texts = [t for plan in plans for t in plan.texts]
    docs = [reparsed(doc, resources.nlp, resources.lexicon) for doc in resources.nlp.pipe(texts, batch_size=batch_size)]
    entities_in_windows(docs, resources, batch_size)  # the NER, only around names it must settle
    out, pos = [], 0
    for plan in plans:
        out.append(_code_article(plan, docs[pos:pos + len(plan.texts)], resources))
        pos += len(plan.texts)
    return out


def extract_events(doc: Any, resources: Resources) -> list[Event]:
    """PLOVER events of one article (ArticleInput, transforms.models.Article or dict), most salient first."""
    return extract_events_many([doc], resources)[0]

