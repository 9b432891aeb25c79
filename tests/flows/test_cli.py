"""The `newsdesk` command: every command has help, and sql/extract behave as the command contract says."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from flows.cli import build_parser, main
from stages.records import article_record
from transforms.models import Article, stable_id
from warehouse import migrate, writer
from warehouse.articles import upsert_articles

COMMANDS = ["demo", "run", "sql", "extract", "events", "runs", "reprocess", "serve", "export", "bench", "init", "report"]


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


def one_line_error(result: subprocess.CompletedProcess, code: int, *words: str) -> None:
    """Exit `code`, a single `error:` line on stderr naming the problem, and no traceback."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and result.stderr.startswith("error:"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("query", ["", ";", "-- x", "   "])
def test_sql_without_a_statement_is_bad_input(small_db, query):
    one_line_error(newsdesk("sql", query, "--db", str(small_db)), 2, "no SQL statement")


@pytest.mark.parametrize("query", ["copy (select 1) to '{out}'", "select * from read_csv('/etc/passwd')",
                                   "install httpfs", "attach '{out}.db'", "set enable_external_access = true"])
def test_sql_cannot_touch_files_network_or_extensions(small_db, tmp_path, query):
    out = tmp_path / "leak.csv"
    result = newsdesk("sql", query.format(out=out), "--db", str(small_db))
    one_line_error(result, 1)
    assert not out.exists() and not (tmp_path / "leak.csv.db").exists()


def test_sql_reads_files_only_under_an_allowed_directory(small_db, tmp_path):
    (tmp_path / "mine.csv").write_text("a,b\n1,2\n")
    query = f"select b from read_csv('{tmp_path / 'mine.csv'}')"
    one_line_error(newsdesk("sql", query, "--db", str(small_db)), 1)
    allowed = newsdesk("sql", query, "--db", str(small_db), "--allow-files", str(tmp_path), "--format", "csv")
    assert allowed.returncode == 0 and allowed.stdout.splitlines() == ["b", "2"], allowed.stderr


@pytest.mark.parametrize("command", [["runs"], ["export", "out"], ["report", "out.html"], ["runs", "x"]])
def test_commands_on_a_missing_database_exit_2(tmp_path, command):
    one_line_error(newsdesk(*command, "--db", str(tmp_path / "none.duckdb"), cwd=tmp_path), 2, "no database")


def test_sources_file_problems_are_one_line_errors(tmp_path):
    db = str(tmp_path / "x.duckdb")
    one_line_error(newsdesk("run", "--db", db, cwd=tmp_path), 2, "no such file", "newsdesk init")
    (tmp_path / "latin1.toml").write_bytes('[[source]]\nname = "caf\xe9"\n'.encode("latin-1"))
    one_line_error(newsdesk("run", "--sources", str(tmp_path / "latin1.toml"), "--db", db), 2, "UTF-8")
    one_line_error(newsdesk("run", "--sources", str(tmp_path), "--db", db), 2, "not a file")
    (tmp_path / "empty.toml").write_text('[[source]]\nname = "x"\n')
    one_line_error(newsdesk("run", "--sources", str(tmp_path / "empty.toml"), "--db", db), 2,
                   "no feeds, sitemaps or start_urls")


def test_init_writes_a_valid_commented_sources_file_once(tmp_path):
    from flows.config import load_sources

    first = newsdesk("init", cwd=tmp_path)
    assert first.returncode == 0 and "sources.toml" in first.stdout, first.stderr
    text = (tmp_path / "sources.toml").read_text()
    assert "# [[source]]" in text and "python -m sample_site --port 8731" in text
    config = load_sources(tmp_path / "sources.toml")
    assert {s.name for s in config.source} == {"clarion", "courier", "banner"}
    assert all(s.allow_private and s.urls()[0].startswith("http://127.0.0.1:873") for s in config.source)
    one_line_error(newsdesk("init", cwd=tmp_path), 2, "exists")


def test_library_commands_never_import_prefect(small_db):
    code = ("import sys; from flows.cli import main; "
            f"main(['sql', 'select 1', '--db', {str(small_db)!r}]); "
            f"main(['runs', '--db', {str(small_db)!r}]); "
            "print('prefect' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip().endswith("False"), result.stdout + result.stderr


def test_demo_on_a_port_in_use_names_it(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = newsdesk("demo", "--port", str(port), "--db", str(tmp_path / "demo.duckdb"))
    one_line_error(result, 2, f"127.0.0.1:{port}", "--port")
