"""Sources config: a valid file loads; a bad one fails with the file and the bad key in the message."""
from __future__ import annotations

import pytest

from flows.config import ConfigError, load_sources

GOOD = """
[[source]]
name = "clarion"
feeds = ["http://127.0.0.1:8000/feed.xml"]
sitemaps = ["http://127.0.0.1:8000/sitemap.xml"]
start_urls = ["http://127.0.0.1:8000/"]
allowed_domains = ["127.0.0.1"]
article_pattern = "^/news/\\\\d{4}/"

[source.politeness]
concurrency_per_domain = 4
"""


def write(tmp_path, text):
    path = tmp_path / "sources.toml"
    path.write_text(text)
    return path


def test_valid_file_loads_with_polite_defaults(tmp_path):
    config = load_sources(write(tmp_path, GOOD))
    source = config.source[0]
    assert source.politeness.concurrency_per_domain == 4
    assert source.politeness.obey_robots is True
    assert "newsdesk" in source.politeness.user_agent
    assert config.schedule == "0 * * * *"


@pytest.mark.parametrize("bad, key", [
    (GOOD.replace("allowed_domains", "alowed_domains"), "source[0].alowed_domains"),
    (GOOD.replace('feeds = ["http://127.0.0.1:8000/feed.xml"]', 'feeds = "x"'), "source[0].feeds"),
    (GOOD.replace('"^/news/\\\\d{4}/"', '"(unclosed"'), "source[0].article_pattern"),
    (GOOD.replace("concurrency_per_domain = 4", "concurency = 4"), "source[0].politeness.concurency"),
    (GOOD.replace('name = "clarion"', 'name = "Bad Name"'), "source[0].name"),
    ("", "source"),
])
def test_bad_file_names_the_bad_key(tmp_path, bad, key):
    with pytest.raises(ConfigError) as info:
        load_sources(write(tmp_path, bad))
    assert key in str(info.value)
    assert "sources.toml" in str(info.value)


def test_not_toml_and_missing_file_are_clear(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sources(write(tmp_path, "[[source]\nname="))
    with pytest.raises(ConfigError, match="no such file"):
        load_sources(tmp_path / "nope.toml")
