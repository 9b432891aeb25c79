"""Paragraph-level clutter rules: what goes, what stays (real reporting that mentions the words)."""
from __future__ import annotations

import pytest

from transforms.clutter import clutter_flags, count_words
from transforms.phrases import build_index, tokens

def remove_clutter(paragraphs: list[str], **kwargs) -> list[str]:
    """The paragraphs clutter_flags() keeps."""
    return [p for p, f in zip(paragraphs, clutter_flags(paragraphs, **kwargs)) if f is None]


STORY = [
    "The regional council approved the budget on Tuesday after a debate that lasted more than six hours.",
    "Opposition members said the plan cut too deeply into bus services in the villages north of the river.",
    "The finance committee will publish a detailed breakdown of the spending next week, officials said.",
    "A final vote on the transport levy is expected in March, after consultations with local businesses.",
]


@pytest.mark.parametrize("line,language", [
    ("Skip to main content", "en"), ("Zum Inhalt springen", "de"), ("Aller au contenu principal", "fr"),
    ("Sign up for our daily newsletter", "en"), ("Subscribe now", "en"), ("Jetzt abonnieren", "de"),
    ("Abonnez-vous", "fr"), ("Suscríbete", "es"), ("Share this article", "en"), ("Artikel teilen", "de"),
    ("Read more: Council rejects new stadium plan", "en"), ("Lesen Sie auch: Neue Pläne für den Bahnhof", "de"),
    ("Lire aussi : Le budget adopté", "fr"), ("Lee también: El pleno aprueba el presupuesto", "es"),
    ("Photo: Jane Roe/Reuters", "en"), ("Foto: Max Mustermann/dpa", "de"), ("Advertisement", "en"),
    ("Anzeige", "de"), ("Publicité", "fr"), ("23 Comments", "en"), ("Leave a comment", "en"),
    ("We use cookies to give you the best experience. Accept all", "en"),
    ("Stand: 22.04.2024, 06:00 Uhr", "de"), ("Updated 3:45 PM EST, Mon May 6, 2024", "en"),
    ("2025年1月14日 01時28分", "ja"), ("この記事は会員限定です。", "ja"),
    ("Support independent journalism: donate today", "en"), ("Jetzt unterstützen", "de"),
    ("Copyright © 2025 Example Media. All rights reserved.", "en"),
])
def test_clutter_line_is_flagged(line: str, language: str) -> None:
    flags = clutter_flags(STORY[:2] + [line] + STORY[2:], language=language)
    assert flags[2] is not None, line
    assert flags[:2] + flags[3:] == [None] * 4


@pytest.mark.parametrize("paragraph", [
    "The council voted to subscribe to the regional water scheme, which it says will cut bills for 4,000 households.",
    "Netflix raised its subscription prices in five countries this week, the third increase in two years, and "
    "analysts expect rivals to follow before the summer as the cost of sports rights keeps climbing.",
    "Volunteers ran a cookie stall outside the library every Saturday and raised enough for the legal fees.",
    "The charity said donations had fallen by a third since the pandemic, forcing it to close two of its shelters.",
    "Share prices in Frankfurt fell sharply on Monday after the central bank signalled another rise in rates.",
    "More than 100 people were evacuated from the building, the fire service said.",
    "Die Polizei erstattete Anzeige gegen den Fahrer, der mit mehr als zwei Promille unterwegs war.",
    "Zum Thema Migration sagte der Minister, die Kommunen bräuchten mehr Geld vom Bund.",
    "Sign-up sheets for the volunteer programme were posted at the town hall, and more than 300 residents had "
    "added their names by Friday, organisers said, far more than the number of places available this year.",
])
def test_real_reporting_survives(paragraph: str) -> None:
    assert remove_clutter(STORY[:2] + [paragraph] + STORY[2:]) == STORY[:2] + [paragraph] + STORY[2:]


def test_appeal_tail_is_swept_with_its_short_lines() -> None:
    tail = ["OWNED BY OUR READERS", "Become a supporter", "Fighting fund", "You've Raised:£ 9,899",
            "We need:£ 8,101", "12 Days remaining", "Donate today"]
    assert remove_clutter(STORY + tail) == STORY


def test_short_lines_between_clutter_go_but_paragraphs_do_not() -> None:
    paragraphs = STORY[:2] + ["Share this article", "Facebook", "Twitter", "Copy link"] + STORY[2:]
    assert remove_clutter(paragraphs) == STORY


def test_teaser_list_and_list_under_clutter_heading() -> None:
    teasers = ["- Verkehr: Neue Buslinie für das Nordviertel geplant", "- Schule: Eltern fordern mehr Lehrer",
               "- Wetter: Sturm erwartet am Wochenende im Norden", "- Sport: Derby endet unentschieden nach Elfmeter"]
    links = frozenset(" ".join(tokens(t.split(": ", 1)[1])) for t in teasers)  # the headline is the link
    assert remove_clutter(STORY + teasers, language="de", link_texts=links) == STORY
    assert remove_clutter(STORY + teasers, language="de") == STORY + teasers  # not links: a list in the text
    related = ["Related stories", "- Council rejects stadium plan", "- Bus fares to rise in April"]
    assert remove_clutter(STORY[:2] + related + STORY[2:]) == STORY


def test_headline_repeated_with_kicker_is_dropped() -> None:
    flags = clutter_flags(["Budget row Council approves budget after six-hour debate"] + STORY,
                          titles=["Council approves budget after six-hour debate"])
    assert flags[0] == "title" and flags[1:] == [None] * 4


def test_later_copies_of_a_paragraph_go() -> None:
    assert remove_clutter(STORY + [STORY[1]]) == STORY


def test_link_only_runs_go() -> None:
    headlines = ["Council rejects new stadium plan", "Bus fares to rise in April", "School to close after storm"]
    links = frozenset(" ".join(tokens(h)) for h in headlines)
    assert remove_clutter(STORY + headlines, link_texts=links) == STORY


def test_author_bio_near_the_end_goes() -> None:
    bio = "Jane Roe covers local politics for the Courier. Follow her reporting on the council every week."
    assert remove_clutter(STORY + [bio], authors=("Jane Roe",)) == STORY


def test_word_counts_handle_cjk() -> None:
    assert count_words("The council met") == 3
    assert count_words("南海トラフ巨大地震") == 5


def test_phrase_index_respects_language_and_word_boundaries() -> None:
    index = build_index([("abonnieren", "subscription", "weak", "de"), ("subscribe", "subscription", "weak", "en"),
                         ("会員限定", "subscription", "strong", "ja")])
    assert [h.phrase for h in index.find("Jetzt abonnieren", "de")] == ["abonnieren"]
    assert index.find("Jetzt abonnieren", "en") == []  # German phrases are not used on an English page
    assert index.find("They subscribed", "en") == []
    assert [h.phrase for h in index.find("この記事は会員限定です", "ja")] == ["会員限定"]


def test_short_repeated_lines_are_structure_not_copies() -> None:
    refrain = ["Eat every 2-3 hours.", STORY[0], "Eat every 2-3 hours.", STORY[1], "Eat every 2-3 hours.", STORY[2]]
    assert remove_clutter(refrain) == refrain


def test_a_list_item_is_not_judged_by_a_weak_word() -> None:
    items = ["- Better Android support", "- Faster sync on slow networks", "- Support for the new buoy numbering"]
    assert remove_clutter(STORY[:2] + items + STORY[2:]) == STORY[:2] + items + STORY[2:]


LONG = [p[:-1] + ", according to the minutes of the meeting published by the council on its website." for p in STORY]


def test_after_the_body_unterminated_and_shouting_lines_go_but_a_last_short_sentence_stays() -> None:
    tail = ["Discover the weekend crossword and the puzzles hub", "MORE FROM THE HARBOUR DESK"]
    last = "The council will vote again in May."
    assert remove_clutter(LONG + [last] + tail) == LONG + [last]
    assert remove_clutter(STORY + [last] + tail[:1]) == STORY + [last] + tail[:1]  # no long body: no tail


def test_a_related_headline_printed_twice_as_a_link_goes_every_time() -> None:
    headline = "Council delays vote on ferry fares"
    links = frozenset({" ".join(tokens(headline))})
    paragraphs = STORY[:2] + [headline] + STORY[2:] + [headline]
    assert remove_clutter(paragraphs, link_texts=links) == STORY
    assert remove_clutter(paragraphs) == paragraphs  # not a link: a repeated line of the text stays


def test_kicker_and_dateline_beside_the_headline_go_but_the_deck_stays() -> None:
    title = "Council approves budget after six-hour debate"
    deck = "Opposition walks out before the final vote on the harbour levy"
    flags = clutter_flags(["Politics", title, "ab Valbrook", deck] + LONG, titles=[title])
    assert flags[:4] == ["header", "title", "header", None] and flags[4:] == [None] * len(LONG)
