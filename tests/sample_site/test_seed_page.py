"""The seed article's page carries its text, byline, skip link and fundraising block as the original."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from sample_site import OUTLETS_DIR, load_manifest

SEED_FILE = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed-article.txt"
SEED_PATH = "/article/assad-forces-driven-out-of-strategic-city-by-jihadists"
FORBIDDEN = ["Skip to main content", "OWNED BY OUR READERS", "reader-owned co-operative",
             "Become a supporter", "Fighting fund", "You've Raised", "Days remaining", "Donate today"]


@pytest.fixture(scope="module")
def seed_blocks() -> list[str]:
    if not SEED_FILE.exists():
        pytest.skip(f"seed article not found at {SEED_FILE} (it lives in ../shared, outside the repo)")
    return [block.strip() for block in SEED_FILE.read_text(encoding="utf-8").split("\n\n")]


@pytest.fixture(scope="module")
def page():
    entry = load_manifest()["outlets"]["banner"]["pages"][SEED_PATH]
    return entry, html.fromstring((OUTLETS_DIR / "banner" / entry["file"]).read_bytes())


def test_page_has_the_13_paragraphs_verbatim(seed_blocks, page):
    entry, doc = page
    paragraphs = seed_blocks[2:seed_blocks.index("by Our Foreign Desk")]
    assert len(paragraphs) == 13 == entry["paragraphs"]
    body = doc.xpath("//div[@property='content:encoded']")[0]
    served = [p.text_content() for p in body.xpath("./p")]
    assert served[:13] == paragraphs
    assert doc.xpath("//h1")[0].text_content() == seed_blocks[1] == entry["title"]


def test_byline_and_fundraising_block_follow_the_text_inside_the_body(page):
    _, doc = page
    body = doc.xpath("//div[@property='content:encoded']")[0]
    lines = [line.strip() for line in body.text_content().splitlines() if line.strip()]
    byline = lines.index("by Our Foreign Desk")
    assert byline == 13
    tail = lines[byline + 1:]
    assert tail[0] == "OWNED BY OUR READERS"
    assert tail[-5:] == ["Fighting fund", "You've Raised:£ 9,899", "We need:£ 8,101",
                         "12 Days remaining", "Donate today"]


def test_skip_link_date_and_manifest_expectations(page):
    entry, doc = page
    assert doc.xpath("//body//a")[0].text_content() == "Skip to main content"
    assert doc.xpath("//meta[@property='article:published_time']/@content")[0].startswith("2015-03-29")
    assert entry["published"] == "2015-03-29" and entry["authors"] == ["Our Foreign Desk"]
    assert set(FORBIDDEN) <= set(entry["must_not_contain"])
    assert entry["byline_position"] == "bottom"
