"""A plain DuckDB 1.5.5 client runs `search()` on a newsdesk warehouse with no LOAD line: `make install`
copies the packaged fts extension into DuckDB's extension directory (issue 12)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from warehouse import migrate, writer
from warehouse.articles import upsert_articles
from warehouse.extensions import extension_dir, install_fts
from warehouse.search import index_articles

CLI = shutil.which("duckdb", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(CLI is None, reason="duckdb-cli is not installed in this environment")
def test_duckdb_cli_searches_without_a_load_line(db_path, tmp_path):
    with writer(db_path) as con:
        migrate(con)
        upsert_articles(con, [{"article_id": "a", "canonical_url": "http://x/a", "url": "http://x/a", "source": "s",
                               "title": "Idlib falls", "text": "Rebels took the city of Idlib on Saturday."}], "r")
        index_articles(con, ["a"])
    home = tmp_path / "home"
    installed = install_fts(home)
    assert installed == extension_dir(home) / "fts.duckdb_extension" and installed.stat().st_size > 0
    result = subprocess.run([CLI, "-readonly", str(db_path), "-csv", "-c", "select title from search('Idlib')"],
                            capture_output=True, text=True, timeout=60, env={**os.environ, "HOME": str(home)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["title", "Idlib falls"]
