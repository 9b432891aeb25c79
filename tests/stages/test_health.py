"""Yield-drop warnings compare a run with the source's own history."""
from __future__ import annotations

from stages.health import yield_warnings
from stages.records import article_record
from transforms.models import Article, stable_id
from warehouse import migrate, writer
from warehouse.articles import upsert_articles
from warehouse.runs import record_source_counts


def articles(run: str, n: int, dated: bool) -> list[dict]:
    return [article_record(Article(article_id=stable_id(f"{run}/{i}"), url=f"http://a/{run}/{i}", canonical_url=f"http://a/{run}/{i}",
                    source="s", title="t", text="w " * 200, word_count=200,
                    published="2015-03-29" if dated else None)) for i in range(n)]


def seed(db, now_articles: int, now_dated: bool):
    with writer(db) as con:
        migrate(con)
        for run in ("r1", "r2"):
            record_source_counts(con, run, "s", {"articles_seen": 20, "pages_skipped": 5})
            upsert_articles(con, articles(run, 20, True), run)
        record_source_counts(con, "r3", "s", {"articles_seen": now_articles, "pages_skipped": 25 - now_articles})
        upsert_articles(con, articles("r3", now_articles, now_dated), "r3")


def _warnings(db):
    with writer(db) as con:
        return yield_warnings(con, "r3")


def test_no_warning_for_a_normal_run(db_path):
    seed(db_path, 19, True)
    assert _warnings(db_path) == []


def test_warns_when_fewer_pages_become_articles(db_path):
    seed(db_path, 4, True)
    warnings = _warnings(db_path)
    assert len(warnings) == 1 and "16% of cleaned pages were articles (history 80%)" in warnings[0]


def test_warns_when_dates_go_missing(db_path):
    seed(db_path, 20, False)
    assert any("have no publication date" in w for w in _warnings(db_path))
