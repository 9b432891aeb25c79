"""`newsdesk import-warc` (issue 13): the WARC files our own crawl of the sample site wrote, imported into an
empty warehouse, give the same articles and events as the crawl did; records that are not HTML responses
are counted and skipped; a second import of the same files adds nothing.

"Same events": the same mentions (sentence, offsets, type, actor, recipient, salience...) grouped into
the same events. Which mention's id names an event is the first one stored, and a crawl loads source by
source while an import under one source name loads in URL order, so that name is not compared."""
from __future__ import annotations

import re

import pytest

from stages.warc import archive_dir

ARTICLES = ("select article_id, canonical_url, title, text, authors, published, access, duplicate_of, content_hash "
            "from articles order by article_id")
MENTIONS = "select m.* exclude (run_id, coded_at, event_id) from event_mentions m order by all"
GROUPS = "select list(mention_id order by mention_id) as mentions from event_mentions group by event_id order by 1"


@pytest.mark.slow
def test_a_crawls_warc_imported_into_an_empty_warehouse_gives_the_crawls_articles_and_events(
        reference_db, newsdesk, sql, tmp_path):
    files = sorted(str(p) for p in archive_dir(reference_db).glob("*.warc.gz"))
    assert files, "the crawl archived its pages as WARC"
    db = tmp_path / "imported.duckdb"
    args = ["import-warc", *files, "--source", "sample", "--db", str(db)]
    first = newsdesk(args)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "skipped: request" in first.stdout and "articles/s end to end" in first.stdout
    assert sql(db, ARTICLES) == sql(reference_db, ARTICLES)
    assert sql(db, MENTIONS) == sql(reference_db, MENTIONS)
    assert sql(db, GROUPS) == sql(reference_db, GROUPS)
    again = newsdesk(args)
    assert again.returncode == 0, again.stdout + again.stderr
    assert re.search(r"^0 articles in", again.stdout, re.M)  # resumed past the end of every file
    assert sql(db, ARTICLES) == sql(reference_db, ARTICLES)
