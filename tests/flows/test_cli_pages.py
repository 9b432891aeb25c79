"""`newsdesk extract` and `newsdesk events` work on files, with no database (command contract)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED_PAGE = ROOT / "sample_site" / "outlets" / "banner" / "article" / "assad-forces-driven-out-of-strategic-city-by-jihadists.html"
ABOUT_PAGE = ROOT / "sample_site" / "outlets" / "banner" / "about.html"


def newsdesk(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, timeout=300,
                          input=stdin, cwd=ROOT)


def test_extract_json_from_a_saved_page():
    result = newsdesk("extract", str(SEED_PAGE), "--url", "https://banner.example/article/assad", "--format", "json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["title"] == "Assad forces driven out of strategic city by jihadists"
    assert article["author"] == "Our Foreign Desk"
    assert article["published"].startswith("2015-03-29")
    assert article["access"] == "free" and article["language"] == "en"
    assert "Jabhat al-Nusra" in article["text"] and "Donate today" not in article["text"]


def test_extract_jsonl_keeps_input_order_and_flags_non_articles():
    result = newsdesk("extract", str(ABOUT_PAGE), str(SEED_PAGE), "--format", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["path"]).name for line in lines] == [ABOUT_PAGE.name, SEED_PAGE.name]
    for key in ("path", "url", "title", "author", "published", "language", "text", "access"):
        assert key in lines[0] and key in lines[1]
    assert lines[0]["text"] is None and "not an article" in lines[0]["error"]
    assert result.returncode == 1


def test_extract_text_and_missing_file():
    text = newsdesk("extract", str(SEED_PAGE), "--format", "text")
    assert text.returncode == 0 and text.stdout.startswith("SYRIAN government forces")
    missing = newsdesk("extract", "no-such-page.html")
    assert missing.returncode == 1 and "no such file" in missing.stderr


@pytest.fixture(scope="module")
def events_output(tmp_path_factory, shared):
    seed = (shared / "data" / "seed-article.txt").read_text(encoding="utf-8")
    body = "\n\n".join([p.strip() for p in seed.split("\n\n") if p.strip()][2:15])
    path = tmp_path_factory.mktemp("events") / "articles.jsonl"
    records = [{"id": "seed", "title": "Assad forces driven out of strategic city by jihadists", "text": body,
                "published": "2015-03-29"},
               {"id": "quiet", "title": "Weather", "text": "It was sunny.", "published": None}]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return body, newsdesk("events", str(path), "--format", "jsonl")


def test_events_command_contract(events_output):
    body, result = events_output
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["seed", "quiet"]
    first = lines[0]["events"][0]
    for key in ("type", "mode", "actor", "recipient", "action", "location", "date", "sentence", "start", "end",
                "confidence"):
        assert key in first
    assert {"name", "country_code", "lat", "lon"} <= first["location"].keys()
    for event in lines[0]["events"]:
        assert body[event["start"]:event["end"]] == event["sentence"]
    assert lines[1]["events"] == []


def test_events_command_rejects_bad_lines(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"title": "no id or text"}\n')
    result = newsdesk("events", str(path))
    assert result.returncode == 1 and "bad.jsonl:1" in result.stderr


@pytest.mark.parametrize("line, problem", [
    ('{"id": "a", "text": 5}', '"text" must be a string'),
    ('{"id": "a", "text": "x", "title": ["t"]}', '"title" must be a string'),
    ('{"id": "a", "text": "x", "published": 20150329}', '"published" must be a string'),
    ('not json', "not JSON"),
])
def test_events_command_names_the_bad_field_without_a_traceback(tmp_path, line, problem):
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n")
    result = newsdesk("events", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "bad.jsonl:1" in result.stderr and problem in result.stderr


def test_events_command_on_missing_or_non_utf8_input(tmp_path):
    missing = newsdesk("events", str(tmp_path / "none.jsonl"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"id": "a", "text": "caf\xe9"}\n'.encode("latin-1"))
    result = newsdesk("events", str(latin))
    assert result.returncode == 1 and "not UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_extract_refuses_a_page_over_the_size_cap(tmp_path):
    from flows.tools import MAX_PAGE_BYTES

    big = tmp_path / "big.html"
    with big.open("wb") as out:
        out.truncate(MAX_PAGE_BYTES + 1)
    result = newsdesk("extract", str(big))
    assert result.returncode == 1 and "page cap" in result.stderr and "Traceback" not in result.stderr
