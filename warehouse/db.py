"""Opening the DuckDB warehouse: connections, transactions, migrations, views and data checks.

DuckDB allows one writing process per file, and while it holds the file no other process can open it,
not even read-only. The pipeline therefore opens the warehouse only for short transactions
(`writer()`), and readers (`reader()`) retry for a while when the file is busy.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from importlib import resources
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

SQL_DIR = resources.files("warehouse") / "sql"


def fts_extension_path() -> str:
    """Path of the packaged full-text-search extension (nothing is downloaded at run time)."""
    package = resources.files("duckdb_extension_fts") / "extensions" / f"v{duckdb.__version__}"
    return str(package / "fts.duckdb_extension")


def _open(path: Path | str, read_only: bool) -> duckdb.DuckDBPyConnection:
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    con = duckdb.connect(str(path), read_only=read_only, config=config)
    con.execute("load '" + fts_extension_path().replace("'", "''") + "'")
    return con


def lock_down(con: duckdb.DuckDBPyConnection, allowed_directories: Sequence[str] = ()) -> None:
    """No file, network or extension access beyond the open database (and `allowed_directories`),
    and no way back for the queries that follow: COPY TO, read_csv('/etc/passwd'), ATTACH, INSTALL and
    LOAD all fail with a permission error."""
    if allowed_directories:
        con.execute("set allowed_directories = ?", [[str(Path(d).resolve()) + "/" for d in allowed_directories]])
    con.execute("set enable_external_access = false")
    con.execute("set lock_configuration = true")


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "being used" in text


def open_with_retry(path: Path | str, read_only: bool, wait_seconds: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open the file, retrying while another process holds its lock (up to `wait_seconds`)."""
    deadline = time.monotonic() + wait_seconds
    delay = 0.02
    while True:
        try:
            return _open(path, read_only)
        except duckdb.IOException as exc:
            if not _is_lock_error(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 1.5, 0.25)


@contextmanager
def _connection(path: Path | str, read_only: bool, wait_seconds: float) -> Iterator[duckdb.DuckDBPyConnection]:
    con = open_with_retry(path, read_only=read_only, wait_seconds=wait_seconds)
    try:
        yield con
    finally:
        con.close()


def writer(path: Path | str, wait_seconds: float = 120.0) -> AbstractContextManager[duckdb.DuckDBPyConnection]:
    """A short-lived read-write connection; the caller keeps the work inside it small."""
    return _connection(path, False, wait_seconds)


@contextmanager
def reader(path: Path | str, wait_seconds: float = 30.0,
           allowed_directories: Sequence[str] = ()) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only, locked-down connection (see lock_down) that waits while a run holds the file."""
    with _connection(path, True, wait_seconds) as con:
        lock_down(con, allowed_directories)
        yield con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One transaction: everything inside commits together or not at all (rolled back on any error)."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def migration_files() -> list[tuple[int, str, str]]:
    """(version, name, sql) of every numbered migration, in order."""
    found = []
    for entry in (SQL_DIR / "migrations").iterdir():
        if entry.name.endswith(".sql") and entry.name[:3].isdigit():
            found.append((int(entry.name[:3]), entry.name[:-4], entry.read_text()))
    return sorted(found)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations, each in its own transaction, and (re)create the views."""
    con.execute(
        "create table if not exists schema_migrations "
        "(version integer primary key, name varchar, applied_at timestamptz default current_timestamp)"
    )
    done = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for version, name, sql in migration_files():
        if version in done:
            continue
        with transaction(con):
            con.execute(sql)
            con.execute("insert into schema_migrations (version, name) values (?, ?)", [version, name])
        applied.append(name)
        log.info("applied migration %s", name)
    create_views(con)
    return applied


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Views live in sql/views, one relation per file; they are recreated on every migrate."""
    for entry in sorted((SQL_DIR / "views").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            con.execute(entry.read_text())


def checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Data tests: each query in sql/checks returns offending rows; the count per check is returned."""
    results = {}
    for entry in sorted((SQL_DIR / "checks").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            results[entry.name[:-4]] = len(con.execute(entry.read_text()).fetchall())
    return results
