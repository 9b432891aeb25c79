"""What the DuckLake port of the warehouse relies on (docs/scaling.md), checked on the real engine: DuckDB
1.5.5 with its packaged `ducklake` and `postgres_scanner` extensions (loaded from their files, nothing
downloaded) and a real PostgreSQL catalog on 127.0.0.1. Two loaders commit at once, an analyst's open
session neither blocks them nor sees half a load, and the SQL differences the port must handle."""
from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path
import duckdb
import pytest


def packaged(package: str, name: str) -> Path | None:
    """The extension file a PyPI package ships for this DuckDB version, if the package is installed."""
    try:
        root = resources.files(package)
    except ModuleNotFoundError:
        return None
    return Path(str(root / "extensions" / f"v{duckdb.__version__}" / f"{name}.duckdb_extension"))


def extensions(tmp: Path) -> list[str]:
    """postgres_scanner and ducklake, loadable by path. `duckdb-extension-postgres` ships the very same
    binary as `duckdb-extension-postgres-scanner` but named postgres.duckdb_extension, under which name
    DuckDB looks for the wrong entry point: a copy named postgres_scanner loads."""
    scanner = packaged("duckdb_extension_postgres_scanner", "postgres_scanner")
    if scanner is None and (renamed := packaged("duckdb_extension_postgres", "postgres")) is not None:
        scanner = Path(shutil.copyfile(renamed, tmp / "postgres_scanner.duckdb_extension"))
    lake = packaged("duckdb_extension_ducklake", "ducklake")
    if scanner is None or lake is None:
        pytest.skip("duckdb-extension-ducklake and duckdb-extension-postgres(-scanner) 1.5.5 not installed")
    return [str(scanner), str(lake)]


@pytest.fixture(scope="module")
def lake(postgres_dsn: str, tmp_path_factory: pytest.TempPathFactory):
    """connect(): a new DuckDB session on one DuckLake (catalog in Postgres, Parquet files in a directory)."""
    paths = extensions(tmp_path_factory.mktemp("extensions"))
    data = tmp_path_factory.mktemp("lake")
    sessions = []

    def connect() -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
        for path in paths:
            con.execute(f"load '{path}'")
        con.execute(f"attach 'ducklake:postgres:{postgres_dsn}' as lake (data_path '{data}/')")
        con.execute("use lake")
        sessions.append(con)
        return con

    yield connect
    for con in sessions:
        con.close()


@pytest.mark.slow
def test_two_loaders_commit_at_once_while_an_open_session_reads_its_snapshot(lake):
    setup = lake()
    setup.execute("create table articles (article_id varchar, title varchar)")
    setup.execute("insert into articles values ('a0', 'before the runs')")
    analyst, one, two = lake(), lake(), lake()
    analyst.execute("begin transaction")
    assert analyst.execute("select count(*) from articles").fetchone() == (1,)
    for loader, rows in ((one, ["a1", "a2"]), (two, ["b1"])):
        loader.execute("begin transaction")
        loader.executemany("insert into articles values (?, 'loaded')", [[r] for r in rows])
    one.execute("commit")
    two.execute("commit")  # both loaders' transactions were open at once; neither waited for the analyst
    assert analyst.execute("select count(*) from articles").fetchone() == (1,), "the open session keeps its snapshot"
    analyst.execute("commit")
    assert analyst.execute("select count(*) from articles").fetchone() == (4,)


@pytest.mark.slow
def test_upserts_need_merge_on_ducklake(lake):
    con = lake()
    with pytest.raises(duckdb.Error, match="PRIMARY KEY/UNIQUE constraints are not supported"):
        con.execute("create table keyed (id varchar primary key)")
    con.execute("create table pages (page_id varchar, status integer)")
    with pytest.raises(duckdb.BinderException):
        con.execute("insert into pages values ('p', 200) on conflict (page_id) do update set status = excluded.status")
    merge = ("merge into pages using (select ? as page_id, ? as status) new on pages.page_id = new.page_id "
             "when matched then update set status = new.status "
             "when not matched then insert values (new.page_id, new.status)")
    con.execute(merge, ["p", 200])
    con.execute(merge, ["p", 304])
    assert con.execute("select * from pages").fetchall() == [("p", 304)]
    with pytest.raises(duckdb.Error, match="sequences"):
        con.execute("create sequence run_numbers")
