"""A run killed with SIGKILL at any stage leaves a consistent warehouse, and the next run ends with the
same article (and event) rows as an uninterrupted run: no duplicates, nothing lost. Issue 5."""
from __future__ import annotations

import signal

import pytest


ARTICLE_ROWS = ("select article_id, canonical_url, title, text, authors, published, access, duplicate_of, "
                "content_hash, extractor_version from articles order by article_id")


def event_rows(sql, db):
    tables = {r[0] for r in sql(db, "select table_name from information_schema.tables")}
    if "event_mentions" not in tables:
        return []
    return sql(db, "select m.* exclude (run_id, coded_at) from event_mentions m order by all")


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["crawl", "load", "clean", "commit", "finish"])
def test_kill_then_rerun_matches_an_uninterrupted_run(stage, reference_db, sources_file, newsdesk, sql, tmp_path):
    db = tmp_path / "crash.duckdb"
    args = ["run", "--sources", str(sources_file), "--db", str(db)]
    killed = newsdesk(args, NEWSDESK_CRASH_AT=stage)
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    resumed = newsdesk(args)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    reference = sql(reference_db, ARTICLE_ROWS)
    assert any(row[7] for row in reference), "the sample site has a syndicated copy: duplicate_of is compared"
    assert sql(db, ARTICLE_ROWS) == reference
    assert event_rows(sql, db) == event_rows(sql, reference_db)
    statuses = [r[0] for r in sql(db, "select status from runs order by started_at")]
    assert statuses == ["interrupted", "finished"]
