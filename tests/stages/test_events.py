"""Storing coded events: migrations, idempotent upserts, linking across batches, views, evidence offsets,
and each article's main event."""
from __future__ import annotations

from dataclasses import replace

from stages.events import store_events
from stages.records import article_record
from transforms.events import ArticleInput, extract_events
from transforms.models import Article
from warehouse import migrate, transaction, writer
from warehouse.articles import upsert_articles

SECOND_REPORT = ("Syrian government forces lost Idlib on Saturday when jihadist fighters led by Jabhat al-Nusra "
                 "took control of the city.")


def store_article(con, art: ArticleInput) -> None:
    article = Article(article_id=art.id, url=f"http://127.0.0.1/{art.id}", canonical_url=f"http://127.0.0.1/{art.id}",
                      source="test", title=art.title, text=art.text, published=art.published)
    upsert_articles(con, [article_record(article)], "run-1")


def upsert_events(con, coded, run_id: str) -> int:
    with transaction(con):
        return store_events(con, dict(coded), run_id)


def counts(con) -> tuple[int, int]:
    return (con.execute("select count(*) from events").fetchone()[0],
            con.execute("select count(*) from event_mentions").fetchone()[0])


def test_upsert_is_idempotent_and_offsets_select_the_sentence(db_path, seed_article, resources):
    events = extract_events(seed_article, resources)
    with writer(db_path) as con:
        assert "002_events" in migrate(con)
        store_article(con, seed_article)
        added = upsert_events(con, {seed_article.id: events}, "run-1")
        first = counts(con)
        again = upsert_events(con, {seed_article.id: events}, "run-2")
        bad = con.execute('select count(*) from event_mentions m join articles a using (article_id) '
                          'where substring(a.text, m."start" + 1, m."end" - m."start") <> m.sentence').fetchone()[0]
    assert added == len(events) == first[1] and first[0] <= first[1]
    assert again == 0 and counts_equal(first, db_path)
    assert bad == 0


def counts_equal(expected: tuple[int, int], db_path) -> bool:
    with writer(db_path) as con:
        return counts(con) == expected


def test_second_article_joins_the_stored_event_and_views_count_events(db_path, seed_article, resources):
    other = ArticleInput("second", "Idlib falls to jihadists", SECOND_REPORT, "2015-03-29")
    seed_events = extract_events(seed_article, resources)
    other_events = extract_events(other, resources)
    with writer(db_path) as con:
        migrate(con)
        upsert_events(con, {seed_article.id: seed_events}, "run-1")
        upsert_events(con, [(other.id, other_events)], "run-2")
        story = con.execute("select event_id, mention_count, first_article_id from events where event_id = ?",
                            [seed_events[0].event_id]).fetchone()
        linked = con.execute("select article_id from event_mentions where event_id = ? order by article_id",
                             [seed_events[0].event_id]).fetchall()
        per_country = con.execute("select sum(events), sum(mentions) from event_daily_country").fetchone()
        types = con.execute("select type from event_types").fetchall()
        actors = con.execute("select head from event_actors where head = 'Jabhat al-Nusra'").fetchall()
    assert story == (seed_events[0].event_id, 2, "seed")
    assert linked == [("second",), ("seed",)]
    assert per_country[0] < per_country[1]  # events are counted once, mentions per report
    assert ("ASSAULT",) in types and actors


def test_recoding_an_article_drops_mentions_it_no_longer_yields(db_path, seed_article, resources):
    events = extract_events(seed_article, resources)
    with writer(db_path) as con:
        migrate(con)
        upsert_events(con, {seed_article.id: events}, "run-1")
        upsert_events(con, {seed_article.id: [replace(events[0], confidence=0.5)]}, "run-2")
        rows = con.execute("select m.confidence, e.mention_count from event_mentions m join events e using (event_id)").fetchall()
    assert rows == [(0.5, 1)]


def test_main_event_is_the_first_event_linked_to_its_canonical_row(db_path, seed_article, resources):
    events = extract_events(seed_article, resources)
    with writer(db_path) as con:
        migrate(con)
        store_article(con, seed_article)
        upsert_events(con, {seed_article.id: events}, "run-1")
        main = con.execute("select e.type, e.location_name, e.what from articles a join events e "
                           "on e.event_id = a.main_event_id").fetchall()
    assert events[0].is_main and not any(e.is_main for e in events[1:])
    assert main == [(events[0].type, events[0].location.name, events[0].what)]
    assert "control" in events[0].what and "Idlib" in events[0].what  # who did what: the takeover of Idlib


def test_a_types_usual_cameo_root_breaks_ties_by_the_lowest_root(db_path, seed_article, resources):
    first = extract_events(seed_article, resources)[0]
    tied = [replace(first, event_id=f"tie-{n}", type=etype, cameo_root=root)
            for n, (etype, root) in enumerate([("REQUEST", "10"), ("REQUEST", "02"), ("AGREE", "03"), ("AGREE", "08")])]
    with writer(db_path) as con:
        migrate(con)
        store_article(con, seed_article)
        upsert_events(con, {seed_article.id: tied}, "run-1")
        roots = dict(con.execute("select type, cameo_root from event_types").fetchall())
    assert (roots["REQUEST"], roots["AGREE"]) == ("02", "03")  # whatever order the rows come in
