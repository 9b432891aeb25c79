"""Opening the warehouse: connections, transactions, migrations, views and data checks.

The warehouse is an embedded DuckDB file (the default) or a DuckLake: a catalog in PostgreSQL plus
Parquet data files in a directory, attached through DuckDB's packaged `ducklake` and `postgres_scanner`
extensions (`Lake`). Both take the same SQL; `for_ducklake` drops what DuckLake refuses from the
migrations (key constraints, indexes, sequences), and every keyed write is a `merge into`.

DuckDB allows one writing process per file, and while it holds the file no other process can open it,
not even read-only. The pipeline therefore opens the warehouse only for short transactions
(`writer()`), and readers (`reader()`) retry for a while when the file is busy. A DuckLake reader is
never blocked: it reads the snapshot its transaction started on. DuckLake writers commit
optimistically, and DuckLake enforces no keys and aborts one of two transactions that delete from the
same table; so a DuckLake `writer()` session holds a PostgreSQL advisory lock in the catalog database
for as long as it is open (a batch, well under a second): writers on any number of machines take turns
the way processes do on one DuckDB file, and no keyed upsert can race another into a duplicate row.
"""
from __future__ import annotations

import functools
import logging
import os
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from warehouse.extensions import fts_extension_path, lake_extension_paths

log = logging.getLogger(__name__)

SQL_DIR = resources.files("warehouse") / "sql"
CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
LAKE = "lake"  # the name a DuckLake warehouse is attached under (`use lake` makes it the default)
WRITER_LOCK = 0x6E657773  # advisory lock key of newsdesk writers in the catalog database ("news")

__all__ = ["Lake", "WarehouseError", "checks", "fts_extension_path", "migrate", "reader", "target", "transaction",
           "writer"]


class WarehouseError(RuntimeError):
    """The warehouse cannot be opened: a bad address, an unreachable catalog, no warehouse there yet."""


@dataclass(frozen=True)
class Lake:
    """A DuckLake warehouse: its PostgreSQL catalog (a libpq connection string such as
    `dbname=news host=127.0.0.1 user=newsdesk`, or a `postgres://user@host:port/db` URL) and the
    directory of its Parquet data files. What a DuckDB file keeps beside itself (the WARC archive,
    the run lock, crawl output) lives beside `data`, so `os.fspath(lake)` is the data directory."""

    catalog: str
    data: Path

    def __fspath__(self) -> str:
        return str(self.data)

    def __str__(self) -> str:
        return f"ducklake:postgres:{self.catalog} (data {self.data})"


Target = Path | str | Lake
LAKE_PREFIX = "ducklake:postgres:"


def target(address: str | Path, lake_data: str | Path | None = None) -> Path | Lake:
    """The warehouse an address names: a DuckDB file path, or `ducklake:postgres:CATALOG` (a libpq
    connection string) or `ducklake:postgres://user@host:port/db` with its data directory `lake_data`.
    WarehouseError says what is wrong with a bad one."""
    text = str(address)
    if not text.startswith("ducklake:"):
        return Path(text)
    if not text.startswith(LAKE_PREFIX):
        raise WarehouseError(f"{text!r}: only PostgreSQL catalogs are supported, e.g. "
                             "ducklake:postgres:dbname=news host=127.0.0.1 user=newsdesk")
    url = text.startswith(("ducklake:postgres://", "ducklake:postgresql://"))  # ducklake:postgres://user@host/db
    catalog = text[len("ducklake:" if url else LAKE_PREFIX):].strip()
    if not catalog:
        raise WarehouseError(f"{text!r}: name the catalog database after ducklake:postgres:, e.g. "
                             "ducklake:postgres:dbname=news host=127.0.0.1 user=newsdesk")
    if lake_data is None or not str(lake_data).strip():
        raise WarehouseError("a DuckLake warehouse needs its data directory: --lake-data DIR (or NEWSDESK_LAKE_DATA)")
    if "://" in str(lake_data):
        raise WarehouseError(f"--lake-data {lake_data}: a local or mounted directory is needed (object stores need "
                             "DuckDB's httpfs extension, which is not packaged here)")
    return Lake(catalog, Path(lake_data))


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _load(con: duckdb.DuckDBPyConnection, paths: Sequence[str]) -> None:
    for path in paths:
        con.execute("load " + _quoted(path))


def _cannot_open(lake: Lake, exc: BaseException) -> WarehouseError:
    return WarehouseError(f"cannot open the DuckLake warehouse {lake}: {_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split("\n")[0].split())


def _open_lake(lake: Lake, read_only: bool) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config=CONFIG)
    try:
        _load(con, [*lake_extension_paths(), fts_extension_path()])
        if read_only:
            options = "read_only"
        else:
            lake.data.mkdir(parents=True, exist_ok=True)
            options = "data_path " + _quoted(str(lake.data.resolve()) + "/")
        con.execute(f"attach {_quoted('ducklake:postgres:' + lake.catalog)} as {LAKE} ({options})")
        con.execute(f"use {LAKE}")
    except duckdb.Error as exc:
        con.close()
        raise _cannot_open(lake, exc) from exc
    except FileNotFoundError as exc:
        con.close()
        raise WarehouseError(str(exc)) from exc
    return con


@functools.cache
def _lake_instance(lake: Lake, pid: int) -> duckdb.DuckDBPyConnection:
    """The DuckDB instance this process's writer sessions on `lake` share, each as a connection of its
    own (`cursor()`): loading the extensions verifies their signatures over some 80 MB, a quarter of a
    second a batch should not pay every time. Keyed by pid, so a forked child opens its own. Readers
    get an instance each, because lock_down() changes instance-wide settings."""
    return _open_lake(lake, read_only=False)


def _open(path: Target, read_only: bool) -> duckdb.DuckDBPyConnection:
    if isinstance(path, Lake) and read_only:
        return _open_lake(path, read_only)
    if isinstance(path, Lake):
        con = _lake_instance(path, os.getpid()).cursor()
        con.execute(f"use {LAKE}")
        return con
    con = duckdb.connect(str(path), read_only=read_only, config=CONFIG)
    _load(con, [fts_extension_path()])
    return con


def is_lake(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this connection's default database is a DuckLake."""
    row = con.execute("select type from duckdb_databases() where database_name = current_database()").fetchone()
    return bool(row) and row[0] == "ducklake"


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


def open_with_retry(path: Target, read_only: bool, wait_seconds: float = 30.0) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, retrying while another process holds the file's lock (up to `wait_seconds`)."""
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


@functools.cache
def _lock_instance(lake: Lake, pid: int) -> duckdb.DuckDBPyConnection:
    """A DuckDB instance with the catalog database attached through postgres_scanner (for the lock)."""
    con = duckdb.connect(config=CONFIG)
    try:
        _load(con, lake_extension_paths()[:1])
        con.execute(f"attach {_quoted(lake.catalog)} as newsdesk_catalog (type postgres)")
    except duckdb.Error as exc:
        con.close()
        raise _cannot_open(lake, exc) from exc
    return con


@contextmanager
def _lake_writer_turn(lake: Lake, wait_seconds: float) -> Iterator[None]:
    """Hold the writers' advisory lock in the catalog database (waiting up to `wait_seconds` for it).

    It is a transaction-level lock taken on a connection of its own, released by ending that transaction
    after the writer's connection is closed, so the next writer's snapshot includes every commit of this
    one. The OS closes the connection of a killed process and PostgreSQL then drops the lock."""
    con = _lock_instance(lake, os.getpid()).cursor()
    try:
        con.execute("begin transaction")
        _wait_for_turn(con, lake, wait_seconds)
    except duckdb.Error as exc:
        con.close()
        raise _cannot_open(lake, exc) from exc
    try:
        yield
    finally:
        con.execute("rollback")
        con.close()


def _wait_for_turn(con: duckdb.DuckDBPyConnection, lake: Lake, wait_seconds: float) -> None:
    """Queue for the lock in PostgreSQL (first come, first served), for at most `wait_seconds`."""
    con.execute(f"call postgres_execute('newsdesk_catalog', 'set local lock_timeout = {int(wait_seconds * 1000)}')")
    try:
        con.execute(f"select * from postgres_query('newsdesk_catalog', 'select pg_advisory_xact_lock({WRITER_LOCK})')")
    except duckdb.Error as exc:
        if "lock timeout" not in str(exc):
            raise
        raise duckdb.IOException(f"another writer held the lock of {lake} for more than {wait_seconds:g} s") from None


class CatalogSession:
    """A PostgreSQL session of its own in a lake's catalog database, outside any transaction, for
    session-level advisory locks held as long as it is open (a run's locks, flows/runlock.py).

    postgres_scanner gives each DuckDB transaction one catalog connection until the transaction ends,
    so the session is a DuckDB transaction on a connection of its own whose PostgreSQL transaction is
    committed at once: statements then run in autocommit on that one connection, holding no snapshot
    (nothing held back from VACUUM however long a run lasts). When the process dies, even by SIGKILL,
    the OS closes the connection and PostgreSQL drops its locks."""

    def __init__(self, lake: Lake, name: str = "") -> None:
        self.lake = lake
        self._con = _lock_instance(lake, os.getpid()).cursor()
        try:
            self._con.execute("begin transaction")
            self.execute("commit")
            if name:
                self.set_name(name)
        except duckdb.Error as exc:
            self._con.close()
            raise _cannot_open(lake, exc) from exc

    def set_name(self, name: str) -> None:
        """What the session calls itself in pg_stat_activity (application_name, at most 63 bytes)."""
        self.execute(f"set application_name = {_quoted(name.encode()[:63].decode(errors='ignore'))}")

    def execute(self, sql: str) -> None:
        """A statement without result rows."""
        self._con.execute(f"call postgres_execute('newsdesk_catalog', {_quoted(sql)})")

    def query(self, sql: str) -> list[tuple]:
        """The rows of a query."""
        return self._con.execute(f"select * from postgres_query('newsdesk_catalog', {_quoted(sql)})").fetchall()

    def close(self) -> None:
        """Release every advisory lock of the session and give its connection back."""
        try:
            self.query("select pg_advisory_unlock_all()")
            self.execute("reset application_name")
            self._con.execute("rollback")  # ends the DuckDB transaction (PostgreSQL: no transaction, a notice)
        except duckdb.Error as exc:  # the connection is gone: so are its locks
            log.warning("closing the catalog session of %s: %s", self.lake, _first_line(exc))
        finally:
            self._con.close()


def catalog_query(lake: Lake, sql: str) -> list[tuple]:
    """The rows of one read-only query in the catalog database (e.g. of pg_locks), on a pooled connection."""
    con = _lock_instance(lake, os.getpid()).cursor()
    try:
        return con.execute(f"select * from postgres_query('newsdesk_catalog', {_quoted(sql)})").fetchall()
    except duckdb.Error as exc:
        raise WarehouseError(f"cannot query the catalog of {lake}: {_first_line(exc)}") from exc
    finally:
        con.close()


@contextmanager
def _connection(path: Target, read_only: bool, wait_seconds: float) -> Iterator[duckdb.DuckDBPyConnection]:
    con = open_with_retry(path, read_only=read_only, wait_seconds=wait_seconds)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def writer(path: Target, wait_seconds: float = 120.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived read-write connection; the caller keeps the work inside it small."""
    if not isinstance(path, Lake):
        with _connection(path, False, wait_seconds) as con:
            yield con
        return
    with _lake_writer_turn(path, wait_seconds), _connection(path, False, wait_seconds) as con:
        yield con


@contextmanager
def reader(path: Target, wait_seconds: float = 30.0,
           allowed_directories: Sequence[str] = ()) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only, locked-down connection (see lock_down) that waits while a run holds the file
    (a DuckLake reader never waits: it reads its transaction's snapshot)."""
    allowed = [*allowed_directories, *([str(path.data)] if isinstance(path, Lake) else [])]
    with _connection(path, True, wait_seconds) as con:
        lock_down(con, allowed)
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


# What DuckLake refuses in the migrations: keys (stated for the DuckDB file, kept there), indexes and
# sequences. Every write is keyed by the code (`merge into`), so the tables behave the same on both.
DUCKLAKE_DROPS = (
    (re.compile(r"--[^\n]*"), ""),                                          # comments (none inside strings here)
    (re.compile(r",\s*primary key\s*\([^)]*\)", re.I), ""),                # table key: , primary key (a, b)
    (re.compile(r"\s+(primary key|unique)\b(?=\s*[,)\n])", re.I), ""),     # column key: name varchar primary key,
    (re.compile(r"create\s+(unique\s+)?(index|sequence)\b[^;]*;", re.I), ""),
    (re.compile(r"\s+default\s+nextval\([^)]*\)", re.I), ""),
)


def for_ducklake(sql: str) -> str:
    """A migration as DuckLake takes it: without key constraints, indexes and sequences."""
    for pattern, replacement in DUCKLAKE_DROPS:
        sql = pattern.sub(replacement, sql)
    return sql


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply pending migrations, each in its own transaction, and (re)create the views."""
    dialect = for_ducklake if is_lake(con) else (lambda sql: sql)
    con.execute(dialect(
        "create table if not exists schema_migrations "
        "(version integer primary key, name varchar, applied_at timestamptz default current_timestamp)"
    ))
    done = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for version, name, sql in migration_files():
        if version in done:
            continue
        with transaction(con):
            con.execute(dialect(sql))
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
