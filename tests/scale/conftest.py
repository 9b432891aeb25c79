"""Fixtures of the scale-out tests: a real redis-server and PostgreSQL cluster on 127.0.0.1."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_servers import postgres_server, redis_server


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    with redis_server(tmp_path) as url:
        yield url


@pytest.fixture(scope="module")
def postgres_dsn() -> Iterator[str]:
    """One PostgreSQL cluster per test module (initdb and start take a few seconds)."""
    with postgres_server() as dsn:
        yield dsn
