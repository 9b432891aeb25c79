"""The full-text index over article title and text, and the `search` table macro on top of it (articles family)."""
from __future__ import annotations

import duckdb

from warehouse.db import SQL_DIR


def rebuild_index(con: duckdb.DuckDBPyConnection) -> None:
    """Recreate the BM25 index (a snapshot: DuckDB does not update it on insert) and the macro."""
    if con.execute("select count(*) from articles").fetchone()[0] == 0:
        return
    con.execute(
        "pragma create_fts_index('articles', 'article_id', 'title', 'text', "
        "stemmer = 'porter', stopwords = 'english', strip_accents = 1, lower = 1, overwrite = 1)"
    )
    con.execute((SQL_DIR / "search.sql").read_text())


def has_index(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the `search` macro and its index exist."""
    return bool(con.execute(
        "select count(*) from duckdb_functions() where function_name = 'search' and function_type = 'table_macro'"
    ).fetchone()[0])
