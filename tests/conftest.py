"""Shared fixtures: a temporary DuckDB file per test, the path of ../shared, the sample site, the
event coder's resources and the seed article, and `newsdesk` run as a user runs it."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def prefect_home(tmp_path_factory):
    """One Prefect home and one real Prefect server on 127.0.0.1 for the whole session.

    Every `newsdesk` process the tests start reports its flow runs to that server (PREFECT_API_URL)
    instead of starting a temporary server of its own, which costs 20-30 s per process on 2 cores.
    """
    import os
    import socket

    from flows import prefect_env

    home = tmp_path_factory.mktemp("prefect-home")
    os.environ["PREFECT_HOME"] = str(home)
    prefect_env.configure(home)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with prefect_env.local_server(port):  # sets PREFECT_API_URL for the processes started from here
        yield home


@pytest.fixture(scope="session")
def sample():
    """The bundled sample news site, served on 127.0.0.1 for the whole session."""
    from sample_site.server import serve

    with serve() as site:
        yield site


@pytest.fixture(scope="session")
def sources_file(sample, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sources") / "sources.toml"
    path.write_text(sample.sources_toml())
    return path


def _run_newsdesk(args: list[str], prefect_home: Path, timeout: float = 600, **env: str):
    """`newsdesk ARGS` in a subprocess, as a user runs it, in its own process group.

    Output goes through files and we wait for the process itself: after a SIGKILL its children (crawl
    processes, Prefect's local server) may live on holding inherited pipes, so they are killed with
    the group afterwards.
    """
    import os
    import signal
    import subprocess
    import sys
    import tempfile

    environ = {**os.environ, "PREFECT_HOME": str(prefect_home), **env}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-m", "flows.cli", *args], stdout=out, stderr=err, text=True,
                                env=environ, cwd=ROOT, start_new_session=True)
        try:
            code = proc.wait(timeout=timeout)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        out.seek(0)
        err.seek(0)
        return subprocess.CompletedProcess(proc.args, code, out.read(), err.read())


@pytest.fixture(scope="session")
def reference_db(sources_file, prefect_home, tmp_path_factory) -> Path:
    """A warehouse after one uninterrupted run over the sample site (shared by several test files)."""
    db = tmp_path_factory.mktemp("reference") / "news.duckdb"
    result = _run_newsdesk(["run", "--sources", str(sources_file), "--db", str(db)], prefect_home)
    assert result.returncode == 0, result.stdout + result.stderr
    return db


def _query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    from warehouse import reader

    with reader(db) as con:
        return con.execute(sql, params or []).fetchall()


@pytest.fixture(scope="session")
def newsdesk(prefect_home):
    """Run `newsdesk ARGS` as a user would: newsdesk(["run", ...], NEWSDESK_CRASH_AT="clean")."""
    return lambda args, timeout=600, **env: _run_newsdesk(args, prefect_home, timeout, **env)


@pytest.fixture(scope="session")
def sql():
    """Query a warehouse file read-only: sql(db, "select ...", [params])."""
    return _query


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


SEED_TITLE = "Assad forces driven out of strategic city by jihadists"


@pytest.fixture(scope="session")
def resources():
    """The event coder's spaCy model, gazetteer and lexicon, loaded once per test session."""
    from transforms.events import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def seed_article(shared: Path):
    """The seed article's 13 body paragraphs, as the cleaner stores them (blank line between paragraphs)."""
    from transforms.events import ArticleInput

    raw = (shared / "data" / "seed-article.txt").read_text(encoding="utf-8")
    body = raw.split(SEED_TITLE, 1)[1].split("by Our Foreign Desk", 1)[0]
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    assert len(paragraphs) == 13
    return ArticleInput("seed", SEED_TITLE, "\n\n".join(paragraphs), "2015-03-29")
