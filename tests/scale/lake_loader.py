"""One loader process for tests/scale/test_ducklake_warehouse.py: writes BATCHES batches of pages and
articles of its own source into a DuckLake warehouse, each batch in one transaction, as a crawl loader
on another machine would.

    python lake_loader.py CATALOG DATA_DIR SOURCE BATCHES

It prints `ready` once it has its warehouse session, waits for a line on stdin (the test starts every
loader at once that way), then prints one JSON line: the wall-clock time of each of its commits.
"""
from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from warehouse import transaction, writer  # noqa: E402
from warehouse.articles import mark_stale, upsert_articles  # noqa: E402
from warehouse.db import Lake  # noqa: E402
from warehouse.pages import commit_warc, upsert_raw_pages  # noqa: E402

PER_BATCH = 20
SHARED_URL = "https://wire.example/2015/03/28/idlib"  # a wire story every loader stores: one row in the end


def article(source: str, url: str) -> dict:
    article_id = hashlib.sha1(url.encode()).hexdigest()
    return {"article_id": article_id, "canonical_url": url, "url": url, "page_id": article_id, "source": source,
            "title": f"Story at {url}", "text": "Rebels took the city of Idlib on Saturday.", "word_count": 8}


def page(source: str, url: str) -> dict:
    return {"page_id": hashlib.sha1(url.encode()).hexdigest(), "url": url, "source": source, "status": 200,
            "content_type": "text/html", "fetched_at": "2015-03-28T10:00:00+00:00", "body": url.encode(),
            "warc_file": f"{source}.warc.gz", "warc_offset": 0, "warc_length": 1}


def load(lake: Lake, source: str, batches: int) -> list[float]:
    commits = []
    for batch in range(batches):
        urls = [f"https://{source}.example/{batch}/{n}" for n in range(PER_BATCH)]
        with writer(lake) as con, transaction(con):
            upsert_raw_pages(con, [page(source, u) for u in urls], run_id=source)
            upsert_articles(con, [article(source, u) for u in urls] + [article(source, SHARED_URL)], run_id=source)
            commit_warc(con, f"{source}.warc.gz", (batch + 1) * 1000)
            mark_stale(con, [f"boilerplate:{source}"])
        commits.append(time.time())
    return commits


def main() -> None:
    catalog, data, source, batches = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    lake = Lake(catalog, data)
    with writer(lake) as con:
        con.execute("select count(*) from articles").fetchone()
    print("ready", flush=True)
    sys.stdin.readline()
    print(json.dumps(load(lake, source, batches)), flush=True)


if __name__ == "__main__":
    main()
