"""Cleaning batches of stored pages, and the per-site boilerplate learned from them (issue 8, bug 1)."""
from __future__ import annotations

from stages import derived
from stages.batch import clean_batches
from stages.ingest import prepare_archive, store_pages
from transforms.models import RawPage
from warehouse import migrate, reader, writer

TEMPLATE = "The Valbrook Herald is published by the Herald Community Trust, registered charity 1098231."
ROWS = "select article_id, title, text, block_keys, content_hash from articles order by article_id"


def _page(i: int) -> RawPage:
    paras = [f"Story {i} opens with its own first paragraph about the district and the council's plans for street {i}.",
             f"A second paragraph of story {i} quotes a resident who has lived on street {i} for {i + 10} years.",
             TEMPLATE,
             "Residents will be able to comment on the plans at a public meeting in the town hall next month.",
             f"The council said a final decision on street {i} would be taken before the summer, after a consultation."]
    html = (f"<html lang='en'><head><title>Street {i} plans</title><meta property='og:type' content='article'>"
            f"</head><body><article><h1>Street {i} plans</h1>{''.join(f'<p>{p}</p>' for p in paras)}"
            "</article></body></html>")
    return RawPage(url=f"https://herald.example/news/street-{i}-plans", source="herald",
                   fetched_at="2025-01-01T00:00:00+00:00", status=200, content_type="text/html", body=html.encode())


def _site(db) -> None:
    with writer(db) as con:
        migrate(con)
    store_pages(db, prepare_archive(db, "r0"), [_page(i) for i in range(10)], "r0")


def _pass(db, reprocess: bool) -> int:
    """One clean over the site then the end-of-run refresh; how many articles still hold the template."""
    clean_batches(db, "r", "herald", None, code=False, reprocess=reprocess)
    derived.refresh(db)
    with reader(db) as con:
        return con.execute("select count(*) from articles where contains(text, ?)", [TEMPLATE]).fetchone()[0]


def test_learned_template_stays_learned_over_successive_passes(db_path):
    _site(db_path)
    passes = [_pass(db_path, reprocess=i > 0) for i in range(4)]
    assert passes == [10, 0, 0, 0]  # the old code learned from cleaned text and flipped: 10, 0, 10, 0


def test_reprocess_twice_gives_identical_rows(db_path):
    _site(db_path)
    _pass(db_path, reprocess=False)
    _pass(db_path, reprocess=True)
    with reader(db_path) as con:
        once = con.execute(ROWS).fetchall()
    _pass(db_path, reprocess=True)
    with reader(db_path) as con:
        twice = con.execute(ROWS).fetchall()
    assert once == twice and len(once) == 10


def test_articles_written_mark_derived_state_stale_until_refreshed(db_path):
    _site(db_path)
    clean_batches(db_path, "r", "herald", None, code=False)
    with reader(db_path) as con:
        marked = {r[0] for r in con.execute("select name from derived_state").fetchall()}
        pending = con.execute("select name, count(*) from derived_pending group by name order by name").fetchall()
    assert marked == {"boilerplate:herald"}
    assert pending == [("duplicates", 10), ("search", 10)]
    derived.refresh(db_path)
    with reader(db_path) as con:
        assert con.execute("select count(*) from derived_state").fetchone() == (0,)
        assert con.execute("select count(*) from derived_pending").fetchone() == (0,)
