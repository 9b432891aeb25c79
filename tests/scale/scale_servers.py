"""Real Redis and PostgreSQL servers on 127.0.0.1 for the scale-out tests, started and stopped here.

Binaries are found on PATH or in Debian's /usr/lib/postgresql/*/bin; a test skips with one line
naming the package when they are missing (`.ci/run` installs them, so in CI they never are).
Readiness is waited for by asking the server (PING, pg_isready), never by sleeping a fixed time.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def binary(name: str, package: str) -> str:
    """The path of a server binary, or skip naming the Debian package that brings it."""
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if not found:
        pytest.skip(f"{name} not installed (apt-get install {package})")
    return found


def _wait_until(ready, proc: subprocess.Popen, what: str, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with status {proc.returncode}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} not ready after {seconds}s")
        time.sleep(0.05)


@contextmanager
def redis_server(tmp: Path) -> Iterator[str]:
    """A redis-server on a free 127.0.0.1 port with no persistence; yields its redis:// URL."""
    import redis

    port = free_port()
    proc = subprocess.Popen([binary("redis-server", "redis-server"), "--port", str(port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", str(tmp)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)

    def ready() -> bool:
        try:
            return bool(client.ping())
        except redis.ConnectionError:
            return False

    try:
        _wait_until(ready, proc, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        proc.terminate()
        proc.wait(10)


def _as_postgres_user() -> dict:
    """Run the server as the `postgres` user when we are root (PostgreSQL refuses to run as root)."""
    if os.geteuid() != 0:
        return {}
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root and there is no postgres user (apt-get install postgresql)")
    return {"user": user.pw_uid, "group": user.pw_gid}


@contextmanager
def postgres_server() -> Iterator[str]:
    """A fresh PostgreSQL cluster (initdb) on a free 127.0.0.1 port; yields a libpq connection string.

    The cluster lives in its own directory under the system temp dir (pytest's is private to root,
    and the server runs as `postgres` when we are root), removed afterwards."""
    initdb, pg_ctl = binary("initdb", "postgresql"), binary("pg_ctl", "postgresql")
    isready, createdb = binary("pg_isready", "postgresql"), binary("createdb", "postgresql")
    owner = _as_postgres_user()
    tmp = Path(tempfile.mkdtemp(prefix="newsdesk-pg-"))
    data = tmp / "pgdata"
    if owner:
        os.chown(tmp, owner["user"], owner["group"])
    port = free_port()
    try:
        subprocess.run([initdb, "-D", str(data), "-U", "newsdesk", "--auth=trust", "-E", "UTF8"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **owner)
        proc = subprocess.Popen([str(Path(pg_ctl).resolve().with_name("postgres")), "-D", str(data), "-p", str(port),
                                 "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={tmp}",
                                 "-c", "fsync=off"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **owner)
        try:
            _wait_until(lambda: subprocess.run([isready, "-h", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL).returncode == 0, proc, "postgres")
            subprocess.run([createdb, "-h", "127.0.0.1", "-p", str(port), "-U", "newsdesk", "catalog"], check=True)
            yield f"dbname=catalog host=127.0.0.1 port={port} user=newsdesk"
        finally:
            proc.send_signal(signal.SIGINT)  # fast shutdown: open client sessions do not hold it up
            proc.wait(30)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def postgres_database(dsn: str, name: str) -> str:
    """A new, empty database on the server of `dsn` (one DuckLake catalog each); its connection string."""
    fields = dict(part.split("=", 1) for part in dsn.split())
    subprocess.run([binary("createdb", "postgresql"), "-h", fields["host"], "-p", fields["port"], "-U", fields["user"],
                    name], check=True)
    return " ".join(f"{k}={name if k == 'dbname' else v}" for k, v in fields.items())


# What "the same rows" means when a scaled-out run is compared with the default one: every stored row
# of these tables, without the columns that record when or in which run a row was written.
SAME_ROWS = {
    "raw_pages": "select url, status, via, sitemap_lastmod, reason, clean_status, clean_reason from raw_pages",
    "articles": "select article_id, canonical_url, title, text, published, access, duplicate_of, main_event_id "
                "from articles",
    "events": "select * exclude (first_seen_at, updated_at) from events",
    "event_mentions": "select * exclude (run_id, coded_at) from event_mentions",
}
