"""The `newsdesk` command: every command has help, and sql/extract behave as the command contract says."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from flows.cli import build_parser, main
from transforms.models import Article, stable_id
from warehouse import migrate, writer
from stages.records import article_record
from warehouse.articles import upsert_articles

COMMANDS = ["demo", "run", "sql", "extract", "events", "runs", "reprocess", "serve", "export", "bench"]


def newsdesk(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert len(text.split("\n")) > 3
    assert build_parser()._subparsers._group_actions[0].choices[command].description


@pytest.fixture
def small_db(db_path):
    with writer(db_path) as con:
        migrate(con)
        upsert_articles(con, [article_record(Article(
            article_id=stable_id(f"http://a/{i}"), url=f"http://a/{i}", canonical_url=f"http://a/{i}", source="s",
            title=f"Story, {i}", text="Body", published=f"2015-03-2{i}")) for i in range(1, 4)], "r")
    return db_path


def test_sql_prints_a_table(small_db):
    result = newsdesk("sql", "select title from articles order by title", "--db", str(small_db))
    assert result.returncode == 0, result.stderr
    assert "Story, 1" in result.stdout and "(3 rows)" in result.stdout


def test_sql_csv_has_a_header_and_quotes(small_db):
    result = newsdesk("sql", "select title, published from articles order by title", "--db", str(small_db),
                      "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["title", "published"]
    assert rows[1] == ["Story, 1", "2015-03-21"]


def test_sql_json_is_an_array_of_objects(small_db):
    result = newsdesk("sql", "select title, published_at from articles order by title limit 1", "--db",
                      str(small_db), "--format", "json")
    assert json.loads(result.stdout) == [{"title": "Story, 1", "published_at": "2015-03-21T00:00:00+00:00"}]


def test_sql_errors_exit_non_zero_with_the_reason(small_db, tmp_path):
    bad = newsdesk("sql", "select nope from articles", "--db", str(small_db))
    assert bad.returncode == 1 and "nope" in bad.stderr
    missing = newsdesk("sql", "select 1", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "no database" in missing.stderr
    write = newsdesk("sql", "delete from articles", "--db", str(small_db))
    assert write.returncode == 1 and "read-only" in write.stderr.lower()


def test_bad_sources_file_exits_2_naming_the_key(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text('[[source]]\nname = "x"\nfeedz = []\n')
    result = newsdesk("run", "--sources", str(path), "--db", str(tmp_path / "x.duckdb"))
    assert result.returncode == 2
    assert "feedz" in result.stderr
