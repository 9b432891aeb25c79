"""The whole pipeline on real components: a Scrapy crawl of the sample site over HTTP on 127.0.0.1,
real Prefect flow runs, a real DuckDB file. Acceptance of issue 2."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # real crawls and Prefect runs: `make test-fast` leaves them out

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
def second_run(reference_db, sources_file, newsdesk, sql):
    before = sql(reference_db, "select count(*) from articles")[0][0]
    result = newsdesk(["run", "--sources", str(sources_file), "--db", str(reference_db)])
    assert result.returncode == 0, result.stdout + result.stderr
    return before, result


def test_every_article_page_is_one_row_and_nothing_else_is(reference_db, sample, sql):
    expected = {url for url, _ in manifest_pages(sample, "article")}
    stored = [r[0] for r in sql(reference_db, "select canonical_url from articles")]
    assert len(stored) == len(set(stored))
    assert set(stored) == expected


def test_seed_article_row(reference_db, shared, sql):
    rows = sql(reference_db, "select title, author, authors, published, text from articles where title = ?",
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


def test_second_run_adds_no_rows(reference_db, second_run, sql):
    before, result = second_run
    assert sql(reference_db, "select count(*) from articles")[0][0] == before
    assert sql(reference_db, "select count(*) - count(distinct canonical_url) from articles")[0][0] == 0
    assert "total" in result.stdout


def test_robots_disallowed_url_never_requested(reference_db, second_run, sample, sql):
    disallowed = [url for url, _ in manifest_pages(sample, "disallowed")]
    assert disallowed
    requested = {path for _, _, path, _ in sample.requests()}
    for url in disallowed:
        assert "/" + url.split("/", 3)[3] not in requested
    reasons = sql(reference_db, "select reason from raw_pages where list_contains(?, url)", [disallowed])
    assert all("robots" in (r[0] or "") for r in reasons)


@pytest.mark.parametrize("kind, check", [
    ("not_found", lambda status, reason, ctype: status == 404),
    ("redirect", lambda status, reason, ctype: status in (301, 302, 307, 308)),
    ("non_html", lambda status, reason, ctype: reason is not None and "html" in reason.lower()),
])
def test_failed_fetches_are_recorded_with_status_or_reason(reference_db, sample, sql, kind, check):
    urls = [url for url, _ in manifest_pages(sample, kind)]
    assert urls
    rows = sql(reference_db, "select url, status, reason, content_type from raw_pages where list_contains(?, url)",
                 [urls])
    assert {r[0] for r in rows} == set(urls)
    for _, status, reason, ctype in rows:
        assert check(status, reason, ctype)


def test_runs_are_recorded_with_counts_per_source(reference_db, second_run, sample, sql):
    runs = sql(reference_db, "select status from runs order by started_at")
    assert [r[0] for r in runs] == ["finished", "finished"]
    per_source = sql(reference_db, "select source, sum(articles_seen), sum(articles_new) from run_sources "
                       "group by source order by source")
    assert {r[0] for r in per_source} == set(sample.outlets)
    assert sum(r[2] for r in per_source) == len(manifest_pages(sample, "article"))


def test_search_finds_the_seed_article(reference_db, second_run, sql):
    hits = sql(reference_db, "select title from search('Idlib jihadists') limit 3")
    assert (SEED_TITLE,) in hits


def test_sql_command_on_the_pipeline_output(reference_db, second_run, newsdesk):
    result = newsdesk(["sql", "select count(*) as n from articles", "--db", str(reference_db), "--format", "json"])
    assert result.returncode == 0
    assert result.stdout.strip().startswith('[{"n": ')


def test_articles_carry_access_metadata_and_duplicate_links(reference_db, sample, sql):
    from sample_site import article_entries

    rows = {r[0]: r[1:] for r in sql(reference_db, "select canonical_url, access, duplicate_of, language, "
                                       "site_name, published, authors from articles")}
    ids = {r[0]: r[1] for r in sql(reference_db, "select canonical_url, article_id from articles")}
    for outlet, path, entry in article_entries():
        access, duplicate_of, language, site_name, published, authors = rows[sample.url(outlet, path)]
        assert language == "en" and site_name and authors == entry["authors"]
        assert published[:10] == entry["published"]
        if entry["access"] == "free":
            assert access == "free"
        else:
            assert access in ("paywalled", "truncated")
        original = entry["syndicated_of"]
        if original:
            assert duplicate_of == ids[sample.url(original["outlet"], original["path"])]
        else:
            assert duplicate_of is None


def test_every_event_mention_points_at_its_sentence(reference_db, sql):
    rows = sql(reference_db, "select m.sentence, substring(a.text, m.start + 1, m.end - m.start), "
                 "a.article_id is not null from event_mentions m left join articles a using (article_id)")
    assert rows
    for sentence, selected, linked in rows:
        assert linked and selected == sentence


def test_seed_article_first_event(reference_db, sql):
    rows = sql(reference_db, "select e.type, e.actor_head, e.recipient_head, e.country_code, e.lat, e.lon, "
                 "e.date::varchar from event_mentions m join events e using (event_id) join articles a "
                 "using (article_id) where a.title = ? order by m.salience desc limit 1", [SEED_TITLE])
    kind, actor, recipient, country, lat, lon, day = rows[0]
    assert kind in ("ASSAULT", "COERCE")
    assert "Nusra" in actor or "alliance" in actor
    assert "government" in recipient.lower() or "assad" in recipient.lower()
    assert country == "SY" and abs(lat - 35.93) < 0.2 and abs(lon - 36.63) < 0.2
    assert day == "2015-03-28"


def parquet(query: str, files: str) -> list[tuple]:
    """Read exported files with a plain DuckDB connection (warehouse readers cannot touch files)."""
    import duckdb

    with duckdb.connect() as con:
        return con.execute(query, [files]).fetchall()


def test_export_writes_parquet_partitioned_by_date(reference_db, newsdesk, sql, tmp_path):
    result = newsdesk(["export", "--format", "parquet", str(tmp_path / "out"), "--db", str(reference_db)])
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "articles" / "date=2015-03-29").is_dir()
    count = parquet("select count(*) from read_parquet(?)", f"{tmp_path}/out/articles/*/*.parquet")
    assert count == sql(reference_db, "select count(*) from articles")
    for table in ("events", "event_mentions"):
        assert f"{table}: " in result.stdout and f"{table}/date=.../" in result.stdout
        days = {p.parent.name for p in (tmp_path / "out" / table).glob("*/*.parquet")}
        assert days and days <= {f"date={d}" for (d,) in sql(reference_db, "select distinct coalesce(published_at, "
                                                                      "first_seen_at)::date::varchar from articles")}
    events = parquet("select count(*), count(event_date) from read_parquet(?)", f"{tmp_path}/out/events/*/*.parquet")
    assert events == sql(reference_db, "select count(*), count(date) from events")


def test_runs_command_lists_runs_and_details_one(reference_db, second_run, newsdesk):
    import json

    result = newsdesk(["runs", "--db", str(reference_db), "--format", "json"])
    rows = json.loads(result.stdout)
    assert {r["status"] for r in rows} == {"finished"} and len(rows) == 2
    assert all(r["secs"] is not None for r in rows)
    table = newsdesk(["runs", "--db", str(reference_db)])
    assert table.returncode == 0 and max(len(line) for line in table.stdout.splitlines()) <= 100, table.stdout
    detail = json.loads(newsdesk(["runs", rows[-1]["run_id"], "--db", str(reference_db), "--format", "json"]).stdout)
    assert {r["source"] for r in detail} == {"clarion", "courier", "banner"}
    assert sum(r["articles"] for r in detail) == rows[-1]["articles"] > 0
