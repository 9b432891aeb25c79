"""What a DuckLake warehouse changes without a server: its address, and the migrations as DuckLake takes
them (no keys, indexes or sequences), still applying on a DuckDB file with the same tables."""
from __future__ import annotations

from pathlib import Path

import pytest

from warehouse import writer
from warehouse.db import Lake, WarehouseError, for_ducklake, migration_files, target


def test_addresses_name_a_duckdb_file_or_a_lake():
    assert target("news.duckdb") == Path("news.duckdb")
    assert target("ducklake:postgres:dbname=news host=127.0.0.1", "lake") == Lake("dbname=news host=127.0.0.1",
                                                                                 Path("lake"))
    assert target("ducklake:postgres://u@127.0.0.1:5432/news", "lake").catalog == "postgres://u@127.0.0.1:5432/news"
    for address, data in (("ducklake:sqlite:x.db", "lake"), ("ducklake:postgres:dbname=x", None),
                          ("ducklake:postgres:", "lake"), ("ducklake:postgres:dbname=x", "s3://bucket/lake")):
        with pytest.raises(WarehouseError):
            target(address, data)


def test_migrations_for_ducklake_have_the_same_tables_without_keys_indexes_or_sequences(tmp_path):
    plain, lake = {}, {}
    for database, dialect in ((plain, lambda sql: sql), (lake, for_ducklake)):
        with writer(tmp_path / f"{len(plain)}{len(lake)}.duckdb") as con:
            for _, _, sql in migration_files():
                con.execute(dialect(sql))
            database.update((table, con.execute("select column_name, data_type from information_schema.columns "
                                                "where table_name = ? order by ordinal_position", [table]).fetchall())
                            for (table,) in con.execute("select table_name from duckdb_tables()").fetchall())
            keys = con.execute("select count(*) from duckdb_constraints() where constraint_type in "
                               "('PRIMARY KEY', 'UNIQUE')").fetchone()[0]
            extras = con.execute("select (select count(*) from duckdb_indexes()), "
                                 "(select count(*) from duckdb_sequences())").fetchone()
        assert (keys > 0 and extras != (0, 0)) if database is plain else (keys == 0 and extras == (0, 0))
    assert lake == plain
