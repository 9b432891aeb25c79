"""The whole pipeline on real components: a Scrapy crawl of the sample site over HTTP on 127.0.0.1,
real Prefect flow runs, a real DuckDB file. Acceptance of issue 2."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import query, run_newsdesk

SEED_TITLE = "Assad forces driven out of strategic city by jihadists"
CLUTTER = ["Skip to main content", "OWNED BY OUR READERS", "reader-owned co-operative", "Become a supporter",
           "Fighting fund", "You've Raised", "Days remaining", "Donate today"]


def manifest_pages(sample, kind: str | None = None) -> list[tuple[str, dict]]:
    """(absolute URL, entry) of every manifest page, optionally of one kind."""
    from sample_site import load_manifest

    found = []
    for outlet in sample.outlets:
        for path, entry in load_manifest()["outlets"][outlet]["pages"].items():
            if kind is None or entry["kind"] == kind:
                found.append((sample.url(outlet, path), entry))
    return found


@pytest.fixture(scope="module")
def second_run(reference_db, sources_file, prefect_home):
    before = query(reference_db, "select count(*) from articles")[0][0]
    result = run_newsdesk(["run", "--sources", str(sources_file), "--db", str(reference_db)], prefect_home)
    assert result.returncode == 0, result.stdout + result.stderr
    return before, result


def test_every_article_page_is_one_row_and_nothing_else_is(reference_db, sample):
    expected = {url for url, _ in manifest_pages(sample, "article")}
    stored = [r[0] for r in query(reference_db, "select canonical_url from articles")]
    assert len(stored) == len(set(stored))
    assert set(stored) == expected


def test_seed_article_row(reference_db, shared):
    rows = query(reference_db, "select title, author, authors, published, text from articles where title = ?",
                 [SEED_TITLE])
    assert len(rows) == 1
    title, author, authors, published, text = rows[0]
    assert author == "Our Foreign Desk" and authors == ["Our Foreign Desk"]
    assert published.startswith("2015-03-29")
    seed = (shared / "data" / "seed-article.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in seed.split("\n\n") if p.strip()][2:15]
    assert len(paragraphs) == 13
    for paragraph in paragraphs:
        assert paragraph in text
    for phrase in CLUTTER:
        assert phrase not in text


def test_second_run_adds_no_rows(reference_db, second_run):
    before, result = second_run
    assert query(reference_db, "select count(*) from articles")[0][0] == before
    assert query(reference_db, "select count(*) - count(distinct canonical_url) from articles")[0][0] == 0
    assert "total" in result.stdout


def test_robots_disallowed_url_never_requested(reference_db, second_run, sample):
    disallowed = [url for url, _ in manifest_pages(sample, "disallowed")]
    assert disallowed
    requested = {path for _, _, path, _ in sample.requests()}
    for url in disallowed:
        assert "/" + url.split("/", 3)[3] not in requested
    reasons = query(reference_db, "select reason from raw_pages where list_contains(?, url)", [disallowed])
    assert all("robots" in (r[0] or "") for r in reasons)


@pytest.mark.parametrize("kind, check", [
    ("not_found", lambda status, reason, ctype: status == 404),
    ("redirect", lambda status, reason, ctype: status in (301, 302, 307, 308)),
    ("non_html", lambda status, reason, ctype: reason is not None and "html" in reason.lower()),
])
def test_failed_fetches_are_recorded_with_status_or_reason(reference_db, sample, kind, check):
    urls = [url for url, _ in manifest_pages(sample, kind)]
    assert urls
    rows = query(reference_db, "select url, status, reason, content_type from raw_pages where list_contains(?, url)",
                 [urls])
    assert {r[0] for r in rows} == set(urls)
    for _, status, reason, ctype in rows:
        assert check(status, reason, ctype)


def test_runs_are_recorded_with_counts_per_source(reference_db, second_run, sample):
    runs = query(reference_db, "select status from runs order by started_at")
    assert [r[0] for r in runs] == ["finished", "finished"]
    per_source = query(reference_db, "select source, sum(articles_seen), sum(articles_new) from run_sources "
                       "group by source order by source")
    assert {r[0] for r in per_source} == set(sample.outlets)
    assert sum(r[2] for r in per_source) == len(manifest_pages(sample, "article"))


def test_search_finds_the_seed_article(reference_db, second_run):
    hits = query(reference_db, "select title from search('Idlib jihadists') limit 3")
    assert (SEED_TITLE,) in hits


def test_sql_command_on_the_pipeline_output(reference_db, second_run, prefect_home):
    result = run_newsdesk(["sql", "select count(*) as n from articles", "--db", str(reference_db), "--format",
                           "json"], prefect_home)
    assert result.returncode == 0
    assert result.stdout.strip().startswith('[{"n": ')
