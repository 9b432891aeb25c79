"""A run killed with SIGKILL at any stage leaves a consistent warehouse, and the next run ends with the
same article (and event) rows as an uninterrupted run: no duplicates, nothing lost (issue 5), and WARC
files a standard reader gets through with every row pointing at its record (issue 13)."""
from __future__ import annotations

import signal
from concurrent.futures import ThreadPoolExecutor

import pytest


ARTICLE_ROWS = ("select article_id, canonical_url, title, text, authors, published, access, duplicate_of, "
                "content_hash, extractor_version from articles order by article_id")


def event_rows(sql, db):
    tables = {r[0] for r in sql(db, "select table_name from information_schema.tables")}
    if "event_mentions" not in tables:
        return []
    return sql(db, "select m.* exclude (run_id, coded_at) from event_mentions m order by all")


def warc_problems(sql, db) -> list[str]:
    """WARC files that a standard reader cannot get through, and rows pointing at no response record."""
    from warcio.archiveiterator import ArchiveIterator

    from stages.warc import archive_dir, read_body

    problems = []
    for path in sorted(archive_dir(db).glob("*.warc.gz")):
        try:
            with path.open("rb") as stream:
                list(ArchiveIterator(stream))
        except Exception as exc:  # noqa: BLE001 - any failure to read is the finding
            problems.append(f"{path.name}: {exc}")
    for name, offset in sql(db, "select warc_file, warc_offset from raw_pages where warc_file is not null"):
        try:
            read_body(archive_dir(db), name, offset)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{name}@{offset}: {exc}")
    return problems


STAGES = ("crawl", "warc", "load", "clean", "commit", "finish", "dedup", "index")


@pytest.fixture(scope="module")
def crash_runs(reference_db, sources_file, newsdesk, tmp_path_factory):
    """For each stage: a run killed there with SIGKILL, then a plain run on the same warehouse.

    Each pair is one `newsdesk` process at a time (about one core), and the pairs share nothing but the
    sample site and the session's Prefect server, so two pairs run at once on the two cores.
    """
    def kill_then_rerun(stage):
        db = tmp_path_factory.mktemp(f"crash-{stage}") / "crash.duckdb"
        args = ["run", "--sources", str(sources_file), "--db", str(db)]
        killed = newsdesk(args, NEWSDESK_CRASH_AT=stage)
        resumed = newsdesk(args) if killed.returncode == -signal.SIGKILL else None
        return db, killed, resumed

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(STAGES, pool.map(kill_then_rerun, STAGES)))


@pytest.mark.slow
@pytest.mark.parametrize("stage", STAGES)
def test_kill_then_rerun_matches_an_uninterrupted_run(stage, crash_runs, reference_db, sql):
    db, killed, resumed = crash_runs[stage]
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    reference = sql(reference_db, ARTICLE_ROWS)
    assert any(row[7] for row in reference), "the sample site has a syndicated copy: duplicate_of is compared"
    assert sql(db, ARTICLE_ROWS) == reference
    assert event_rows(sql, db) == event_rows(sql, reference_db)
    assert sql(db, "select count(*) from derived_pending") == [(0,)]
    assert warc_problems(sql, db) == []
    statuses = [r[0] for r in sql(db, "select status from runs order by started_at")]
    assert statuses == ["interrupted", "finished"]
