"""Sentence offsets are exact; date phrases resolve against the publication date with a precision."""
from __future__ import annotations

import datetime as dt

import pytest

from transforms.events.dates import find_dates
from transforms.events.sentences import sentence_spans

PUBLISHED = dt.date(2015, 3, 29)  # a Sunday


@pytest.mark.parametrize("phrase, expected, precision", [
    ("forces suffered a setback yesterday when", "2015-03-28", "day"),
    ("the ministers met on Tuesday in Geneva", "2015-03-24", "day"),
    ("officials said Sunday", "2015-03-29", "day"),
    ("the government claimed last week that", "2015-03-22", "week"),
    ("after the loss of Raqqa in March 2013", "2013-03-01", "month"),
    ("the talks of March 28 ended", "2015-03-28", "day"),
    ("the strike will begin on 9 April", "2015-04-09", "day"),
    ("rebels seized the town on 2 December", "2014-12-02", "day"),
    ("on 2 April 2014 the army", "2014-04-02", "day"),
    ("fighting since 2011", "2011-01-01", "year"),
    ("three days ago, rebels", "2015-03-26", "day"),
    ("in May the rebels", "2014-05-01", "month"),
])
def test_date_phrases_resolve_against_publication(phrase, expected, precision):
    found = find_dates(phrase, PUBLISHED)
    assert [(d.date.isoformat(), d.precision) for d in found] == [(expected, precision)]
    assert phrase[found[0].start:found[0].end] == found[0].text


@pytest.mark.parametrize("phrase", ["troops loyal to Omar 12 days after the vote", "the Ammar 2 battalion attacked"])
def test_a_month_inside_a_name_is_no_date(phrase):
    """"Omar 12" holds "mar 12": a month name counts only as a whole word."""
    assert [d.text for d in find_dates(phrase, PUBLISHED) if d.precision == "day"] == []


def test_relative_dates_need_a_publication_date():
    assert find_dates("yesterday, on Tuesday", None) == []
    assert find_dates("in March 2013", None)[0].date == dt.date(2013, 3, 1)


def test_modal_may_is_not_a_month():
    assert find_dates("the rebels may attack", PUBLISHED) == []


def test_sentence_spans_select_exact_text():
    text = ("Mr. Smith met Gen. Jones in the U.S. capital on Monday. Talks failed!\n\n"
            "  \u201cWe will fight,\u201d he said. Rebels shelled the city.")
    spans = sentence_spans(text)
    sentences = [text[s:e] for s, e in spans]
    assert sentences == ["Mr. Smith met Gen. Jones in the U.S. capital on Monday.", "Talks failed!",
                         "\u201cWe will fight,\u201d he said.", "Rebels shelled the city."]


def test_datelines_are_cut_from_the_sentence_and_name_the_place():
    from transforms.events.sentences import strip_dateline

    text = "SANAA, March 26 (Meridian Wire) - Saudi Arabia launched air strikes. Houthi rebels fled."
    end = text.index(" Houthi")
    start, place = strip_dateline(text, 0, end)
    assert (text[start:end], place) == ("Saudi Arabia launched air strikes.", "Sanaa")
    assert strip_dateline("US declares Venezuela a threat - officials say.", 0, 47) == (0, None)


@pytest.mark.parametrize("text, place", [
    ("KYIV, Ukraine (AP) \u2014 Russia launched missiles.", "Kyiv"),  # AP: the city, its country or state
    ("SAN JUAN, Puerto Rico (AP) \u2014 Officials said.", "San Juan"),
    ("LONDON, March 3 (Reuters) - Britain said.", "London"),
    ("BRUSSELS \u2014 Ministers agreed.", "Brussels"),
    ("WASHINGTON/BEIRUT, April 7 (Reuters) - Britain said.", "Washington"),  # two desks: the first
])
def test_wire_datelines_with_a_country_or_state(text, place):
    from transforms.events.sentences import strip_dateline

    start, found = strip_dateline(text, 0, len(text))
    assert found == place and text[start:].split()[0] in ("Russia", "Officials", "Britain", "Ministers")


@pytest.mark.parametrize("text, place", [
    ("NEW DELHI: The Indian Navy evacuated 278 nationals.", "New Delhi"),  # PTI
    ("Buenos Aires, Argentina: Unions staged a strike.", "Buenos Aires"),
    ("Jos \u2014 Gunmen killed 11 people.", "Jos"),  # a known place before a dash
    ("Paris (AFP) - The French president backed Moldova.", "Paris"),
])
def test_colon_and_title_case_datelines_open_an_article(text, place):
    from transforms.events.sentences import strip_dateline

    known = {"Jos", "Paris"}.__contains__
    start, found = strip_dateline(text, 0, len(text), known)
    assert found == place and text[start:].split()[0] in ("The", "Unions", "Gunmen")
    assert strip_dateline(text, 0, len(text)) == (0, None)  # further on, "Putin: ..." is a speaker
    assert strip_dateline("Hamas \u2014 which rules Gaza \u2014 said.", 0, 36, known) == (0, None)


def test_a_dateline_with_an_abbreviated_state_stays_with_its_sentence():
    from transforms.events.sentences import sentence_spans, strip_dateline

    text = ("JOPLIN, Mont. (AP) \u2014 An Amtrak train derailed Saturday in Montana, killing three people. "
            "Eight cars left the tracks.")
    (start, end), _ = sentence_spans(text)
    cut, place = strip_dateline(text, start, end)
    assert (text[cut:end], place) == ("An Amtrak train derailed Saturday in Montana, killing three people.", "Joplin")


def test_a_wire_dateline_is_not_the_main_events_doer(resources):
    from transforms.events import ArticleInput, extract_events
    text = ("KYIV, Ukraine (AP) \u2014 Russia launched more than 100 missiles and drones at Ukraine's energy "
            "infrastructure overnight, knocking out power across several regions, Ukrainian officials said on Sunday.")
    main = extract_events(ArticleInput("t", "Russia strikes Ukrainian energy grid in overnight barrage", text,
                                       "2024-08-26"), resources)[0]
    assert main.is_main and main.type == "ASSAULT" and main.actor.core == "Russia"
