"""The report in a real headless Chromium: it draws its map and charts offline, asks the network for
nothing, logs no error, and shows hostile titles as text. Screenshots land in each test's tmp dir."""
from __future__ import annotations

from pathlib import Path

from report import write_report
from stages.events import store_events
from stages.records import article_record
from report_kit import HOSTILE_TITLE, IDLIB
from transforms.events import extract_events
from transforms.models import Article
from warehouse import migrate, transaction, writer
from warehouse.articles import upsert_articles

DRAWN = """() => {
  const chart = id => document.getElementById(id);
  const points = id => chart(id) ? chart(id).querySelectorAll('.point').length : 0;
  const land = document.querySelector('#chart-map .layer.land path');
  return {land: land ? (land.getAttribute('d') || '').length : 0, mapPoints: points('chart-map'),
          bars: points('chart-per_day'), actors: points('chart-actors'), recipients: points('chart-recipients'),
          located: chart('chart-map').data.flatMap(t => t.lat.map((lat, i) => [t.name, lat, t.lon[i]]))};
}"""


def _drawn(open_page, report: Path, shot: Path):
    opened = open_page(report)
    opened.page.wait_for_selector("#chart-map .layer.land path", state="attached")
    opened.page.screenshot(path=str(shot), full_page=True)
    return opened, opened.page.evaluate(DRAWN)


def _near(located: list, lat: float, lon: float) -> list:
    return [p for p in located if abs(p[1] - lat) < 0.5 and abs(p[2] - lon) < 0.5]


def test_report_draws_offline_without_errors(warehouse, open_page, tmp_path):
    report = tmp_path / "report.html"
    write_report(warehouse, report)
    opened, drawn = _drawn(open_page, report, tmp_path / "report.png")
    assert opened.requests == [] and opened.errors == []
    assert drawn["land"] > 10_000  # the world outline, not an empty layer
    assert drawn["mapPoints"] == 3 and drawn["bars"] == 3 and drawn["actors"] == 3 and drawn["recipients"] == 2
    assert [p[0] for p in _near(drawn["located"], *IDLIB)] == ["ASSAULT"]
    assert (tmp_path / "report.png").stat().st_size > 50_000


def test_hostile_title_is_text_in_the_browser(warehouse, open_page, tmp_path):
    report = tmp_path / "report.html"
    write_report(warehouse, report)
    opened = open_page(report)
    assert opened.page.evaluate("() => window.pwned") is None
    assert opened.page.locator("#latest a").first.inner_text() == HOSTILE_TITLE
    assert opened.errors == []


def test_empty_report_opens_and_says_so(empty_warehouse, open_page, tmp_path):
    report = tmp_path / "empty.html"
    write_report(empty_warehouse, report)
    opened = open_page(report)
    opened.page.screenshot(path=str(tmp_path / "empty.png"), full_page=True)
    assert "No events" in opened.page.locator("#no-events").inner_text()
    assert opened.requests == [] and opened.errors == []


def test_seed_article_event_is_mapped_at_idlib(db_path, seed_article, resources, open_page, tmp_path):
    """The coder's own output, end to end: the Idlib takeover sits near 35.9 N 36.6 E on the map."""
    article = Article(article_id=seed_article.id, url="http://127.0.0.1/seed", canonical_url="http://127.0.0.1/seed",
                      source="sample", title=seed_article.title, text=seed_article.text,
                      published=seed_article.published)
    with writer(db_path) as con:
        migrate(con)
        with transaction(con):
            upsert_articles(con, [article_record(article)], "run-1")
            store_events(con, {seed_article.id: extract_events(seed_article, resources)}, "run-1")
    report = tmp_path / "seed.html"
    write_report(db_path, report, source="sample")
    opened, drawn = _drawn(open_page, report, tmp_path / "seed.png")
    assert _near(drawn["located"], 35.9, 36.6) and opened.errors == [] and opened.requests == []
