"""Derived state costs what changed (issue 13): incremental duplicate links and search rows give the same
result as recomputing everything, including for a newly found article older than its stored copies."""
from __future__ import annotations

import pytest

from bench.synthetic import archive
from stages import derived
from transforms.dedup import duplicate_links
from warehouse import migrate, reader, transaction, writer
from warehouse.articles import upsert_articles

QUERIES = ["ministers", "police said on friday", "reform of the union", "syria", "zzzz-nothing", "the"]


def _store(db, records) -> None:
    with writer(db) as con, transaction(con):
        upsert_articles(con, records, "r")


def _full_links(db) -> dict:
    """duplicate_links() swept once over every stored article, from their texts."""
    with reader(db) as con:
        rows = con.execute("select article_id, text, content_hash from articles "
                           "order by published_at nulls last, canonical_url").fetchall()
    return duplicate_links({"article_id": a, "text": t, "content_hash": h} for a, t, h in rows)


def _stored_links(db) -> dict:
    with reader(db) as con:
        return dict(con.execute("select article_id, duplicate_of from articles").fetchall())


@pytest.fixture(scope="module")
def records():
    return list(archive(400, seed=7))


@pytest.fixture
def db(db_path):
    with writer(db_path) as con:
        migrate(con)
    return db_path


def test_links_found_batch_by_batch_newest_first_equal_a_full_sweep(db, records):
    newest_first = sorted(records, key=lambda r: r["published"], reverse=True)  # copies before originals
    for start in range(0, len(newest_first), 90):
        _store(db, newest_first[start:start + 90])
        derived.link_duplicates(db)
    links = _stored_links(db)
    assert sum(v is not None for v in links.values()) > 20
    assert links == _full_links(db)


def test_changed_and_back_dated_articles_relink_their_group_only(db, records):
    _store(db, records)
    derived.link_duplicates(db)
    copies = [(a, o) for a, o in _stored_links(db).items() if o is not None]
    copy_id, original_id = copies[0]
    by_id = {r["article_id"]: r for r in records}
    changed = [{**by_id[original_id], "text": by_id[original_id]["text"] + " A correction was appended."},
               {**by_id[copy_id], "published": "2020-01-01T00:00:00+00:00"}]  # the copy now predates its original
    _store(db, changed)
    with reader(db) as con:
        assert con.execute("select count(*) from derived_pending where name = 'duplicates'").fetchone() == (2,)
    derived.link_duplicates(db)
    links = _stored_links(db)
    assert links[original_id] == copy_id
    assert links == _full_links(db)


def test_an_unchanged_article_written_again_is_not_pending(db, records):
    _store(db, records[:5])
    derived.refresh(db)
    _store(db, [{**r, "extractor_version": "v2"} for r in records[:5]])  # same text, title and date
    with reader(db) as con:
        assert con.execute("select count(*) from derived_pending").fetchone() == (0,)


def _fts_scores(con, query: str) -> list[tuple[str, float]]:
    rows = con.execute("select article_id, fts_main_articles.match_bm25(article_id, ?) as s from articles "
                       "where s is not null order by s desc, article_id", [query]).fetchall()
    return [(a, round(s, 9)) for a, s in rows]


def test_search_rows_kept_per_article_score_like_a_full_fts_rebuild(db, records):
    _store(db, records[:300])
    derived.reindex(db)
    _store(db, records[300:] + [{**records[0], "text": "Police said on Friday the union rejected the reform."}])
    derived.reindex(db)
    with writer(db) as con:
        ours = {q: [(a, round(s, 9)) for a, s in con.execute(
            "select article_id, score from search(?)", [q]).fetchall()] for q in QUERIES}
        con.execute("pragma create_fts_index('articles', 'article_id', 'title', 'text', stemmer = 'porter', "
                    "stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1)")
        theirs = {q: _fts_scores(con, q) for q in QUERIES}
    assert ours == theirs
    assert ours["ministers"] and not ours["zzzz-nothing"] and not ours["the"]
