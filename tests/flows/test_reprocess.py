"""`newsdesk reprocess` rebuilds rows from stored raw pages in place: same ids, no new rows. Issue 5."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

import stages.batch as batch
from stages.warc import archive_dir

pytestmark = pytest.mark.slow  # real crawls and Prefect runs: `make test-fast` leaves them out


def test_changed_cleaning_code_updates_rows_in_place(reference_db, sql, tmp_path, monkeypatch):
    db = tmp_path / "copy.duckdb"
    shutil.copy(reference_db, db)
    shutil.copytree(archive_dir(reference_db), archive_dir(db))  # the bodies live in its WARC files
    before = sql(db, "select article_id, title from articles order by article_id")
    real_clean = batch.clean_page

    def new_clean(page, **kw):
        result = real_clean(page, **kw)
        article = result.article
        changed = article and dataclasses.replace(article, title=article.title + " [v2]", extractor_version="clean-test-2")
        return dataclasses.replace(result, article=changed)

    monkeypatch.setattr(batch, "clean_page", new_clean)
    for source in {r[0] for r in sql(db, "select distinct source from articles")}:
        batch.clean_batches(db, "reprocess-test", source, None, code=False, reprocess=True)
    after = sql(db, "select article_id, title, extractor_version from articles order by article_id")
    assert [r[0] for r in after] == [r[0] for r in before]
    assert all(r[1].endswith(" [v2]") and r[2] == "clean-test-2" for r in after)


def test_reprocess_command_fetches_nothing_and_adds_no_rows(reference_db, sources_file, newsdesk, sql, tmp_path,
                                                            sample):
    db = tmp_path / "copy.duckdb"
    shutil.copy(reference_db, db)
    shutil.copytree(archive_dir(reference_db), archive_dir(db))  # the bodies live in its WARC files
    requests_before = len(sample.requests())
    count = sql(db, "select count(*) from articles")[0][0]
    result = newsdesk(["reprocess", "--sources", str(sources_file), "--db", str(db)])
    assert result.returncode == 0, result.stdout + result.stderr
    assert sql(db, "select count(*) from articles")[0][0] == count
    assert len(sample.requests()) == requests_before
    assert sql(db, "select command, status from runs order by started_at desc limit 1") == [("reprocess", "finished")]
