"""Issue 11, part 3: the warehouse as DuckLake (PostgreSQL catalog on 127.0.0.1 + a Parquet directory).

A real `newsdesk run --warehouse ducklake:...` of the sample site stores the rows of the DuckDB default
and answers `newsdesk sql` (views and search() included); two loader processes commit into one lake at
once while an analyst's open transaction keeps reading its snapshot and blocks neither; bad addresses
and an unreachable catalog are one line and exit 2."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from scale_servers import SAME_ROWS, free_port, postgres_database

from warehouse import migrate, reader, writer
from warehouse.db import Lake

HERE = Path(__file__).resolve().parent
TABLES = {
    **SAME_ROWS,
    "search": "select title, round(score, 9) from search('Idlib city rebels')",
    "articles_by_source": "select * from articles_by_source",
    # mean_confidence is round(avg(double), 3): the summation order of DuckLake and of a DuckDB file can
    # differ in the last bit and tip it over (0.694 / 0.693); every event's own confidence is compared in events
    "event_types": "select * exclude (mean_confidence) from event_types",
    "page_errors": "select source, url, status, reason, clean_status from page_errors",
}


@pytest.fixture(scope="module")
def new_lake(postgres_dsn, tmp_path_factory):
    """new_lake(name): an empty DuckLake, its catalog a new database on the module's PostgreSQL server."""
    return lambda name: Lake(postgres_database(postgres_dsn, name), tmp_path_factory.mktemp(name) / "data")


def address(lake: Lake) -> list[str]:
    return ["--warehouse", f"ducklake:postgres:{lake.catalog}", "--lake-data", str(lake.data)]


def rows(sql, db, query: str) -> list[str]:
    return sorted(map(repr, sql(db, query)))


@pytest.mark.slow
def test_a_run_into_ducklake_stores_the_rows_of_the_duckdb_default_and_answers_sql(
        new_lake, sources_file, reference_db, newsdesk, sql):
    lake = new_lake("e2e")
    result = newsdesk(["run", "--sources", str(sources_file), *address(lake)])
    assert result.returncode == 0, result.stdout + result.stderr
    for name, query in TABLES.items():
        assert rows(sql, lake, query) == rows(sql, reference_db, query), name
    answer = newsdesk(["sql", "select count(*) as n from articles where duplicate_of is null", "--format", "json",
                       *address(lake)])
    assert answer.returncode == 0, answer.stderr
    expected = sql(reference_db, "select count(*) from articles where duplicate_of is null")[0][0]
    assert json.loads(answer.stdout) == [{"n": expected}] and expected > 0
    assert list(lake.data.rglob("*.parquet")), "data files in the lake's directory"
    assert list(lake.data.parent.glob("data-warc/*.warc.gz")), "the WARC archive beside the data directory"


def start_loader(lake: Lake, source: str, batches: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, str(HERE / "lake_loader.py"), lake.catalog, str(lake.data), source,
                             str(batches)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    return proc


@pytest.mark.slow
def test_two_loaders_commit_at_once_and_an_open_analyst_session_blocks_neither(new_lake):
    lake, batches = new_lake("loaders"), 4
    with writer(lake) as con:
        assert migrate(con) and migrate(con) == [], "migrations apply once"
    loaders = [start_loader(lake, source, batches) for source in ("north", "south")]
    with reader(lake) as analyst:
        analyst.execute("begin transaction")
        assert analyst.execute("select count(*) from articles").fetchone() == (0,)
        for proc in loaders:
            proc.stdin.write("go\n")
            proc.stdin.flush()
        commits = [json.loads(proc.stdout.readline()) for proc in loaders]
        assert [proc.wait(60) for proc in loaders] == [0, 0]
        # both loaders committed every batch while this transaction stayed open, and it still reads its snapshot
        assert analyst.execute("select count(*) from articles").fetchone() == (0,)
        analyst.execute("commit")
        north, south = commits
        assert north[0] < south[-1] and south[0] < north[-1], "the loaders' commits interleave"
        assert analyst.execute("select count(*), count(distinct article_id) from articles").fetchone() == \
            (2 * batches * 20 + 1,) * 2, "every article once, the wire story both loaders stored included"
        assert analyst.execute("select name, committed_bytes from warc_files order by name").fetchall() == \
            [("north.warc.gz", batches * 1000), ("south.warc.gz", batches * 1000)]
        assert analyst.execute("select count(*) from raw_pages where clean_status = 'pending'").fetchone() == \
            (2 * batches * 20,)


@pytest.mark.parametrize("args, message", [
    (["--warehouse", "ducklake:sqlite:news.sqlite", "--lake-data", "lake"], "only PostgreSQL catalogs"),
    (["--warehouse", "ducklake:postgres:dbname=news host=127.0.0.1"], "--lake-data DIR"),
    (["--warehouse", "ducklake:postgres:", "--lake-data", "lake"], "name the catalog database"),
])
def test_a_bad_warehouse_address_is_one_line_and_exit_2(args, message, tmp_path):
    result = subprocess.run([sys.executable, "-m", "flows.cli", "sql", "select 1", *args], capture_output=True,
                            text=True, cwd=HERE.parents[1], timeout=60)
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_an_unreachable_catalog_is_one_line_and_exit_2(tmp_path):
    catalog = f"postgres://newsdesk@127.0.0.1:{free_port()}/news"  # nothing listens there
    (tmp_path / "lake").mkdir()
    for command in (["sql", "select 1"], ["runs"]):
        result = subprocess.run([sys.executable, "-m", "flows.cli", *command, "--warehouse", f"ducklake:{catalog}",
                                 "--lake-data", str(tmp_path / "lake")], capture_output=True, text=True,
                                cwd=HERE.parents[1], timeout=60)
        assert result.returncode == 2, result.stderr
        assert "cannot open the DuckLake warehouse" in result.stderr and "Connection refused" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
