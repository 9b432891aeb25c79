"""`newsdesk demo`: serves the bundled site on fixed local ports, runs the pipeline, prints a summary and
example queries, and writes the HTML report; a second demo on the same database adds no rows."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # real crawls and Prefect runs: `make test-fast` leaves them out


def test_demo_twice_on_one_database(newsdesk, sql, tmp_path):
    db = tmp_path / "demo.duckdb"
    first = newsdesk(["demo", "--db", str(db)])
    assert first.returncode == 0, first.stdout + first.stderr
    for expected in ("Serving the sample site", "total", "Articles per outlet", "Full-text search", "search('Idlib')"):
        assert expected in first.stdout
    count = sql(db, "select count(*) from articles")[0][0]
    assert count >= 40
    report = tmp_path / "newsdesk-report.html"  # the demo ends by writing the HTML report beside the database
    assert report.is_file() and str(report) in first.stdout.replace("\n", "")
    assert "<script" in report.read_text() and "Idlib" in report.read_text()
    second = newsdesk(["demo", "--db", str(db)])
    assert second.returncode == 0, second.stdout + second.stderr
    assert sql(db, "select count(*), count(distinct canonical_url) from articles") == [(count, count)]
