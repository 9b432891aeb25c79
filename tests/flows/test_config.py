"""Sources config: a valid file loads; a bad one fails with the file and the bad key in the message."""
from __future__ import annotations

import pytest

from flows.config import ConfigError, load_sources
from spiders import settings as scrapy_settings

GOOD = """
[[source]]
name = "clarion"
feeds = ["http://127.0.0.1:8000/feed.xml"]
sitemaps = ["http://127.0.0.1:8000/sitemap.xml"]
start_urls = ["http://127.0.0.1:8000/"]
allowed_domains = ["127.0.0.1"]
article_pattern = "^/news/\\\\d{4}/"
allow_private = true  # our own server on 127.0.0.1

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
    assert source.politeness.user_agent == scrapy_settings.USER_AGENT  # one user agent, whatever the entry point
    assert source.allow_private is True
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


PUBLIC = GOOD.replace("allow_private = true  # our own server on 127.0.0.1\n", "").replace("127.0.0.1:8000", "news.example.org")


@pytest.mark.parametrize("url, reason", [
    ("http://169.254.169.254/latest/meta-data/", "link-local address 169.254.169.254"),
    ("http://[::ffff:169.254.169.254]/", "link-local address"),
    ("http://10.0.0.5/feed.xml", "private address 10.0.0.5"),
    ("http://2130706433/feed.xml", "loopback address 127.0.0.1"),
    ("http://0177.0.0.1/feed.xml", "loopback address 127.0.0.1"),
    ("https://169.254.169.254\\\\@news.example.org/feed.xml", "backslash"),
    ("http://news.example.org:99999/feed.xml", "Port out of range"),
    ("http://user:secret@news.example.org/feed.xml", "credentials"),
    ("file:///etc/passwd", "not an http(s) URL"),
])
def test_a_url_newsdesk_must_not_fetch_is_a_config_error(tmp_path, url, reason):
    text = PUBLIC.replace("http://news.example.org/feed.xml", url)
    assert url in text  # the feed URL was replaced
    with pytest.raises(ConfigError, match="source\\[0\\]") as info:
        load_sources(write(tmp_path, text))
    assert reason in str(info.value)


def test_allow_private_is_per_source_and_never_unlocks_link_local(tmp_path):
    assert load_sources(write(tmp_path, PUBLIC)).source[0].allow_private is False  # not a default
    assert load_sources(write(tmp_path, GOOD.replace("127.0.0.1:8000", "10.0.0.5:8000"))).source[0].feeds
    metadata = GOOD.replace("http://127.0.0.1:8000/feed.xml", "http://169.254.169.254/feed.xml")
    with pytest.raises(ConfigError, match="link-local address 169.254.169.254"):
        load_sources(write(tmp_path, metadata))


def test_not_toml_and_missing_file_are_clear(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_sources(write(tmp_path, "[[source]\nname="))
    with pytest.raises(ConfigError, match="no such file"):
        load_sources(tmp_path / "nope.toml")
