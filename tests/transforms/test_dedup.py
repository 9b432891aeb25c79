"""Near-duplicate detection at the stated threshold (Jaccard 0.8 over word 4-grams), both sides."""
from __future__ import annotations

import dataclasses

from transforms.text import content_hash
from transforms.dedup import THRESHOLD, DuplicateIndex, duplicate_links
from transforms.models import Article, stable_id

WIRE = [
    "Finance ministers from the eurozone agreed late on Monday to extend the bailout programme for Greece by four months, "
    "giving the new government in Athens time to negotiate a longer-term deal with its creditors.",
    "The agreement followed three weeks of tense talks in Brussels, during which Greek officials repeatedly said they would "
    "not accept the austerity measures attached to the previous programme.",
    "Under the compromise, Athens must present a list of reforms by the end of the week, including steps against tax "
    "evasion and corruption, which the institutions will assess before releasing further funds.",
    "The finance minister told reporters that the deal was a step away from the austerity of recent years, while German "
    "officials insisted that the conditions of the programme had not changed in substance.",
    "Markets reacted calmly to the news. Greek bank shares rose in early trading in Athens and the yield on the country's "
    "three-year bonds fell for the second day running, according to traders in London.",
    "The extension is expected to be approved by several national parliaments, including the German Bundestag, which is "
    "due to vote on the measure later this week after a debate in its budget committee.",
]
OTHER_STORY = [
    "Greek pensioners marched through central Athens on Tuesday to protest against any further cuts to their incomes, "
    "a day after the eurozone agreed to extend the bailout programme for four more months.",
    "Several thousand people gathered outside parliament carrying banners that accused the creditors of punishing the "
    "old and the sick, while riot police watched from side streets.",
    "Marchers said their pensions had already been cut by a third since the crisis began and that many now supported "
    "children and grandchildren who had lost their jobs.",
    "The government said it would protect low pensions in its reform list, which must be sent to Brussels by the end of "
    "the week, but unions said they had heard such promises before.",
    "Organisers said another march was planned for next month if the reform list included new cuts, and that pensioners "
    "from other cities would travel to the capital to join it.",
]


def article(url: str, paragraphs: list[str]) -> Article:
    text = "\n\n".join(paragraphs)
    return Article(article_id=stable_id(url), url=url, canonical_url=url, source="test", title="t", text=text,
                   content_hash=content_hash(text), word_count=len(text.split()))


def assign(articles: list[Article], existing: list[tuple[str, str]] = ()) -> list[Article]:
    """The articles with duplicate_of as production computes it (stored ones first, then arrival order)."""
    rows = [{"article_id": a, "text": t} for a, t in existing]
    rows += [{"article_id": a.article_id, "text": a.text, "content_hash": a.content_hash} for a in articles]
    links = duplicate_links(rows)
    return [dataclasses.replace(a, duplicate_of=links[a.article_id]) for a in articles]


def test_threshold_is_the_documented_one() -> None:
    assert THRESHOLD == 0.8
    assert "0.8" in (DuplicateIndex.__doc__ or "")


def test_exact_copy_under_another_url_points_at_first() -> None:
    first, copy = article("https://a.example/1", WIRE), article("https://b.example/x", WIRE)
    out = assign([first, copy])
    assert out[0].duplicate_of is None
    assert out[1].duplicate_of == first.article_id


def test_syndicated_copy_with_new_intro_and_signoff_matches() -> None:
    changed = ["ATHENS (Coastal Wire) - Greece won four more months of bailout money on Monday night."] + WIRE[1:] + \
        ["Reporting by the Coastal Wire Brussels bureau; editing by the desk."]
    out = assign([article("https://a.example/greece", WIRE), article("https://b.example/greece-wire", changed)])
    assert out[1].duplicate_of == stable_id("https://a.example/greece")


def test_different_story_on_the_same_topic_does_not_match() -> None:
    out = assign([article("https://a.example/greece", WIRE), article("https://c.example/pensioners", OTHER_STORY)])
    assert out[1].duplicate_of is None


def test_existing_articles_count_as_seen_first_and_chains_point_at_root() -> None:
    root = article("https://a.example/greece", WIRE)
    second = article("https://b.example/greece", WIRE + ["Additional reporting by our Athens stringer."])
    third = article("https://c.example/greece", WIRE)
    out = assign([second, third], existing=[(root.article_id, root.text)])
    assert [a.duplicate_of for a in out] == [root.article_id, root.article_id]


def test_same_article_again_is_not_its_own_duplicate() -> None:
    first = article("https://a.example/greece", WIRE)
    out = assign([first], existing=[(first.article_id, first.text)])
    assert out[0].duplicate_of is None


def test_short_texts_only_match_exactly() -> None:
    index = DuplicateIndex()
    index.add("a", "Short note about the weather today.")
    near = article("https://x.example/b", ["Short note about the weather tomorrow."])
    assert index.find(near.article_id, near.text) is None
