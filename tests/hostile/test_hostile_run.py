"""`newsdesk run` over the hostile site, as a user runs it (issue 10): exit 0, bounded memory, good pages
loaded with their titles as published, every bad URL and unusable page recorded with a reason, nothing
from the local filesystem in the warehouse, and a rerun that changes no row."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from hostile_site import hostile_site

pytestmark = pytest.mark.slow
PEAK_RSS_MB = 1000
MEASURE = ("import json, resource, subprocess, sys; "
           "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
           "print(json.dumps({'code': r.returncode, 'out': r.stdout, 'err': r.stderr, "
           "'peak_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))")
ARTICLES = "select article_id, canonical_url, title, text, content_hash, access from articles order by all"
PAGES = ("select url, status, reason, body_hash, clean_status, clean_reason, clean_notes from raw_pages "
         "order by url")


def run_measured(root, prefect_home, args: list[str]) -> dict:
    """`newsdesk ARGS` in a child process; its exit code, output and the peak RSS of its largest process."""
    env = {**os.environ, "PREFECT_HOME": str(prefect_home)}
    wrapper = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "flows.cli", *args],
                             capture_output=True, text=True, cwd=root, env=env, timeout=600)
    return json.loads(wrapper.stdout)


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, prefect_home, root):
    tmp = tmp_path_factory.mktemp("hostile-run")
    db = tmp / "hostile.duckdb"
    with hostile_site(tmp) as site:
        sources = tmp / "sources.toml"
        sources.write_text(site.sources_toml(article_pattern=None))  # clean() judges every page
        args = ["run", "--sources", str(sources), "--db", str(db)]
        first = run_measured(root, prefect_home, args)
        from warehouse import reader

        with reader(db) as con:
            before = (con.execute(ARTICLES).fetchall(), con.execute(PAGES).fetchall())
        second = run_measured(root, prefect_home, args)
        yield site, db, first, second, before


def test_the_run_finishes_with_exit_0_in_bounded_memory(hostile_run):
    _, _, first, second, _ = hostile_run
    assert first["code"] == 0, first["err"][-3000:]
    assert "Traceback" not in first["err"] + first["out"]
    assert first["peak_mb"] < PEAK_RSS_MB, first["peak_mb"]
    assert second["code"] == 0, second["err"][-3000:]


def test_every_bad_url_has_a_raw_page_with_its_reason(hostile_run, sql):
    site, db, *_ = hostile_run
    stored = {url: (status, reason) for url, status, reason in sql(db, "select url, status, reason from raw_pages")}
    for url, fragment in site.bad.items():
        assert url in stored, f"no raw page for {url[:120]}"
        status, reason = stored[url]
        assert fragment in f"{status} {reason}", (url[:120], status, reason)
    listed = {url for (url,) in sql(db, "select url from page_errors")}
    assert set(site.bad) <= listed


def test_unusable_pages_say_why(hostile_run, sql):
    site, db, *_ = hostile_run
    rows = {url.removeprefix(site.base): (status, reason, notes) for url, status, reason, notes in
            sql(db, "select url, clean_status, clean_reason, clean_notes from page_errors where clean_status is not null")}
    assert rows["/binary.html"][:2] == ("unusable", "binary content served as a page")
    assert rows["/empty.html"][:2] == ("unusable", "empty body")
    assert rows["/deep.html"][0] == "unusable" and rows["/deep.html"][1]
    assert rows["/wrong-charset.html"][2], "a mislabelled charset is decoded with a note saying so"


def stored_bodies(db, sql) -> dict[str, bytes]:
    """url -> body as archived (raw_pages points into the run's WARC files)."""
    from stages.warc import archive_dir, read_body

    rows = sql(db, "select url, warc_file, warc_offset from raw_pages where warc_file is not null")
    return {url: read_body(archive_dir(db), name, offset) for url, name, offset in rows}


def test_good_pages_are_loaded_verbatim_with_titles_as_published(hostile_run, sql):
    site, db, *_ = hostile_run
    bodies = stored_bodies(db, sql)
    for path, body in site.good.items():
        assert bodies[site.base + path] == body, path
    titles = dict(sql(db, "select url, title from articles"))
    assert {site.base + f"/news/good-{i}.html" for i in (1, 2, 3)} <= titles.keys()
    hostile = titles[site.base + "/news/titles.html"]
    # the headline as the page shows it: SQL, an entity, bidi controls and Hebrew kept character for character
    for kept in ("Robert'); DROP TABLE articles;--", " & ", "\u202eevil\u202c", "\u05e9\u05dc\u05d5\u05dd"):
        assert kept in hostile, (kept, hostile)


def test_nothing_from_the_local_filesystem_reaches_the_warehouse(hostile_run, sql):
    site, db, *_ = hostile_run
    assert not [url for url, body in stored_bodies(db, sql).items() if site.secret.encode() in body]
    assert sql(db, "select count(*) from raw_pages where contains(url, ?) or contains(coalesce(reason, ''), ?)",
               [site.secret, site.secret]) == [(0,)]
    assert sql(db, "select count(*) from articles where contains(text, ?) or contains(title, ?)",
               [site.secret, site.secret]) == [(0,)]


def test_a_rerun_gives_identical_rows(hostile_run, sql):
    _, db, _, _, before = hostile_run
    assert (sql(db, ARTICLES), sql(db, PAGES)) == before
