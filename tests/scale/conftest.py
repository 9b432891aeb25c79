"""Fixtures of the scale-out tests: a real redis-server and PostgreSQL cluster on 127.0.0.1."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


from servers import postgres_server, redis_server


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    with redis_server(tmp_path) as url:
        yield url


@pytest.fixture
def postgres_dsn(tmp_path_factory) -> Iterator[str]:
    with postgres_server(tmp_path_factory.mktemp("pg")) as dsn:
        yield dsn
