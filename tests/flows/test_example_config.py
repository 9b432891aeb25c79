"""The example sources file shipped in the repository stays valid."""
from pathlib import Path

from flows.config import load_sources


def test_example_sources_file_is_valid():
    config = load_sources(Path(__file__).resolve().parents[2] / "sources.example.toml")
    assert config.source[0].name == "example-news"
    assert config.source[0].politeness.download_delay == 1.0
    assert config.source[0].allow_private is False  # a public site needs no opt-in
