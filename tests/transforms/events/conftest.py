"""Event coder fixtures: spaCy, gazetteer and lexicon loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from transforms.events import ArticleInput, Resources, load_resources

SEED_TITLE = "Assad forces driven out of strategic city by jihadists"


@pytest.fixture(scope="session")
def resources() -> Resources:
    return load_resources()


@pytest.fixture(scope="session")
def seed_article(shared: Path) -> ArticleInput:
    """The seed article's 13 body paragraphs, as the cleaner stores them (blank line between paragraphs)."""
    raw = (shared / "data" / "seed-article.txt").read_text(encoding="utf-8")
    body = raw.split(SEED_TITLE, 1)[1].split("by Our Foreign Desk", 1)[0]
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    assert len(paragraphs) == 13
    return ArticleInput("seed", SEED_TITLE, "\n\n".join(paragraphs), "2015-03-29")
