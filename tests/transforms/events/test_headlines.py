"""Headlines in the historical present: parsed again with the verb in the past when the parser missed it."""
from __future__ import annotations

import pytest

from transforms.events import ArticleInput, extract_events
from transforms.events.headlines import reparsed


@pytest.mark.parametrize("headline, verb", [
    ("Russian missiles pound Kyiv power stations as winter approaches", "pound"),
    ("Tens of thousands march in Santiago against private pension system", "march"),
    ("Serbian opposition demands snap election as protests over mine project spread", "demands"),
    ("Rights group slams Bahrain over military trials of detained doctors", "slams"),
])
def test_a_verb_read_as_a_noun_becomes_the_root_on_the_original_words(resources, headline, verb):
    doc = reparsed(resources.nlp(headline), resources.nlp, resources.lexicon)
    assert doc.text == headline
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert root.text == verb and root.tag_.startswith("VB")


@pytest.mark.parametrize("text", [
    "Trump threatens to slap tariffs on all Mexican goods over migrant flows",  # read right the first time
    "Russian missiles pound Kyiv power stations as winter approaches.",  # a sentence, not a headline
])
def test_other_texts_keep_their_first_parse(resources, text):
    doc = resources.nlp(text)
    assert reparsed(doc, resources.nlp, resources.lexicon) is doc


@pytest.mark.parametrize("headline, etype, actor", [
    ("Russian missiles pound Kyiv power stations as winter approaches", "ASSAULT", "Russian missiles"),
    ("Tens of thousands march in Santiago against private pension system", "PROTEST", "thousands"),
    ("Serbian opposition demands snap election as protests over mine project spread", "REQUEST", "Serbian opposition"),
])
def test_headline_events_are_coded_with_their_doer(resources, headline, etype, actor):
    first = extract_events(ArticleInput("t", "", headline, "2024-01-01"), resources)[0]
    assert (first.type, first.actor.core) == (etype, actor)
