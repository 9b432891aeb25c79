"""Fixtures of the spider tests."""
from __future__ import annotations

from typing import Any

import pytest

from spider_kit import HERALD


@pytest.fixture
def source() -> dict[str, Any]:
    """A source on a fictional site; nothing is fetched from it (unit tests only parse responses)."""
    return {
        "name": "herald",
        "feeds": [f"{HERALD}/feed.xml"],
        "sitemaps": [f"{HERALD}/sitemap.xml"],
        "start_urls": [f"{HERALD}/"],
        "allowed_domains": ["herald.example.com"],
        "article_pattern": r"^/news/",
        "politeness": {"depth_limit": 2},
    }
