"""What the report holds: the --since and --source scope, per-source health, escaping, and the
empty and missing warehouse cases (the browser tests check that it draws)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape

from report import write_report
from report.build import web_url
from report_kit import HOSTILE_TITLE
from warehouse import reader, writer
from warehouse.report import report_records


def _records(db: Path, since: date | None = None, source: str | None = None):
    with reader(db) as con:
        return report_records(con, since, source)


@pytest.mark.parametrize(("since", "source", "events", "sources", "warnings"), [
    (None, None, {"e1", "e2", "e3"}, {"alpha", "beta"}, 2),
    (date(2015, 3, 5), None, {"e1", "e2"}, {"alpha", "beta"}, 1),
    (None, "alpha", {"e1", "e3"}, {"alpha"}, 1),
    (date(2015, 3, 5), "alpha", {"e1"}, {"alpha"}, 0),
    (date(2015, 3, 5), "beta", {"e1", "e2"}, {"beta"}, 1),
])
def test_since_and_source_scope_every_part(warehouse, since, source, events, sources, warnings):
    records = _records(warehouse, since, source)
    assert {e["event_id"] for e in records.events} == events
    assert {r["type"] for r in records.per_day} == {e["type"] for e in records.events}
    assert {s["source"] for s in records.sources} == sources
    assert len(records.warnings) == warnings
    assert {row["event_id"] for row in records.latest} <= events


def test_source_filter_keeps_other_sources_articles_out_of_the_page(warehouse, tmp_path):
    out = tmp_path / "alpha.html"
    summary = write_report(warehouse, out, source="alpha")
    page = out.read_text()
    assert (summary.events, summary.main_events, summary.sources) == (2, 2, 1)
    assert "Protest in Cairo" in page and "Talks in Geneva" not in page


def test_events_per_day_leave_out_events_dated_only_to_a_year(warehouse):
    with writer(warehouse) as con:
        con.execute("insert into events (event_id, type, date, date_precision) values ('old', 'AGREE', '1962-01-01', 'year')")
        con.execute("insert into event_mentions (mention_id, event_id, article_id, type, sentence, \"start\", \"end\") "
                    "values ('old-a1', 'old', 'a1', 'AGREE', 'In 1962 they agreed.', 0, 20)")
    records = _records(warehouse)
    assert "old" in {e["event_id"] for e in records.events}
    assert sorted(str(d["date"]) for d in records.per_day) == ["2015-03-01", "2015-03-10", "2015-03-28"]


def test_health_counts_runs_pages_articles_and_clutter(warehouse):
    alpha = next(s for s in _records(warehouse).sources if s["source"] == "alpha")
    # a1 had 4 blocks and kept 2 paragraphs, a3 had 2 and kept 1
    assert (alpha["runs"], alpha["pages_fetched"], alpha["pages_failed"], alpha["articles_seen"]) == (2, 10, 2, 4)
    assert (alpha["articles"], alpha["clutter_removed"]) == (2, 3)


def test_latest_main_events_carry_evidence_and_link(warehouse):
    latest = _records(warehouse).latest
    assert [row["event_id"] for row in latest] == ["e1", "e2", "e3"]  # newest article first
    assert latest[0]["sentence"] == "Evidence of e1 in a1." and latest[0]["url"] == "http://127.0.0.1/a1"


def test_article_text_is_escaped_everywhere(warehouse, tmp_path):
    out = tmp_path / "report.html"
    write_report(warehouse, out)
    page = out.read_text()
    assert "window.pwned" in page  # the title is there ...
    assert "<script>window.pwned" not in page and "<i>students</i>" not in page  # ... but never as markup
    assert str(escape(HOSTILE_TITLE)) in page


def test_only_web_links_become_hrefs():
    assert web_url("https://example.org/a") == "https://example.org/a"
    assert web_url("javascript:alert(1)") is None and web_url(None) is None


def test_empty_warehouse_gives_a_page_that_says_so(empty_warehouse, tmp_path):
    out = tmp_path / "empty.html"
    summary = write_report(empty_warehouse, out)
    page = out.read_text()
    assert (summary.events, summary.main_events, summary.sources) == (0, 0, 0)
    assert 'id="no-events"' in page and "chart-map" not in page


def test_missing_warehouse_names_the_next_step(tmp_path):
    with pytest.raises(FileNotFoundError, match="newsdesk run"):
        write_report(tmp_path / "nothing.duckdb", tmp_path / "out.html")
    assert not (tmp_path / "out.html").exists()
