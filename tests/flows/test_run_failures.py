"""A run where every source fails exits 1 and says so; its failures are still recorded (issue 10)."""
from __future__ import annotations

import socket

import pytest

pytestmark = pytest.mark.slow  # a real Prefect run


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (connections are refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_a_run_that_fetches_nothing_at_all_exits_1(newsdesk, sql, tmp_path):
    base = f"http://127.0.0.1:{closed_port()}"
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nname = "down"\nfeeds = ["{base}/feed.xml"]\nstart_urls = ["{base}/"]\n'
                       'allow_private = true\n\n[source.politeness]\nretry_times = 0\ntimeout = 5\n')
    db = tmp_path / "down.duckdb"
    result = newsdesk(["run", "--sources", str(sources), "--db", str(db)])
    assert result.returncode == 1, result.stdout + result.stderr
    assert "nothing could be fetched from any source" in result.stderr and "Traceback" not in result.stderr
    assert "connection refused" in result.stdout
    assert sql(db, "select count(*) from page_errors where source = 'down'")[0][0] >= 2
    assert sql(db, "select status from runs") == [("finished",)]
