"""Blocks recurring across a site's pages are learned as boilerplate and removed by clean()."""
from __future__ import annotations

from transforms.boilerplate import MIN_PAGES, block_key, learn
from transforms.clean import clean, clean_page, clean_with_blocks
from transforms.models import RawPage

TEMPLATE = "The Valbrook Herald is published by the Herald Community Trust, registered charity 1098231."


def story(i: int) -> list[str]:
    return [f"Story {i} opens with its own first paragraph about the district and the council's plans for street {i}.",
            f"A second paragraph of story {i} quotes a resident who has lived on street {i} for {i + 10} years.",
            TEMPLATE]


def test_block_key_ignores_case_spacing_and_punctuation() -> None:
    assert block_key("Hello,   World!") == block_key("hello world")
    assert block_key("hello world") != block_key("hello there")


def test_recurring_block_is_learned_and_unique_ones_are_not() -> None:
    learned = learn([story(i) for i in range(8)])
    assert block_key(TEMPLATE) in learned
    assert block_key(story(3)[0]) not in learned


def test_too_few_pages_learn_nothing() -> None:
    assert learn([story(i) for i in range(MIN_PAGES - 1)]) == frozenset()


def test_same_article_under_many_urls_is_not_a_template() -> None:
    assert block_key(story(1)[0]) not in learn([story(1)] * 6 + [story(i) for i in range(2, 6)])


def paragraphs_for_boilerplate(page: RawPage) -> list[str]:
    return list(clean_page(page).paragraphs)


def _page(i: int) -> RawPage:
    paras = "".join(f"<p>{p}</p>" for p in story(i) + [
        "Residents will be able to comment on the plans at a public meeting in the town hall next month.",
        "The council said a final decision would be taken before the summer, after a consultation."])
    html = (f"<html lang='en'><head><title>Street {i} plans</title><meta property='og:type' content='article'>"
            f"</head><body><article><h1>Street {i} plans</h1>{paras}</article></body></html>")
    return RawPage(url=f"https://herald.example/news/street-{i}-plans", source="herald",
                   fetched_at="2025-01-01T00:00:00Z", status=200, body=html.encode())


def test_learned_blocks_are_removed_on_the_next_clean() -> None:
    learned = learn(paragraphs_for_boilerplate(_page(i)) for i in range(6))
    before, after = clean(_page(9)), clean(_page(9), boilerplate=learned)
    assert before is not None and TEMPLATE in before.text
    assert after is not None and TEMPLATE not in after.text
    assert story(9)[0] in after.text


def test_boilerplate_cannot_remove_most_of_an_article() -> None:
    page = _page(4)
    everything = frozenset(block_key(p) for p in paragraphs_for_boilerplate(page))
    article = clean(page, boilerplate=everything)
    assert article is not None and story(4)[0] in article.text


def test_clean_with_blocks_returns_the_same_paragraphs() -> None:
    article, blocks = clean_with_blocks(_page(2))
    assert article == clean(_page(2))
    assert blocks == paragraphs_for_boilerplate(_page(2))


def test_paragraphs_are_those_before_the_learned_filter() -> None:
    """Boilerplate learned last run must still be seen this run, or it would be forgotten next time."""
    learned = learn(paragraphs_for_boilerplate(_page(i)) for i in range(6))
    result = clean_page(_page(9), boilerplate=learned)
    assert result.article is not None and TEMPLATE not in result.article.text
    assert TEMPLATE in result.paragraphs
