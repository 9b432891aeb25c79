"""A small warehouse for the report tests: two sources, three events (one at Idlib), two runs with
yield warnings, and an article whose title is an attempt at script injection."""
from __future__ import annotations

import json

from warehouse.articles import upsert_articles

HOSTILE_TITLE = "</script><script>window.pwned = 1</script><b>Idlib</b> falls"
IDLIB = (35.93, 36.63)

ARTICLES = [  # article_id, source, title, published, text, block keys before clutter filtering
    ("a1", "alpha", HOSTILE_TITLE, "2015-03-29T10:00:00+00:00", "One.\n\nTwo.", ["k1", "k2", "k3", "k4"]),
    ("a2", "beta", "Talks in Geneva", "2015-03-10T09:00:00+00:00", "Talks.", ["k5"]),
    ("a3", "alpha", "Protest in Cairo", "2015-03-02T08:00:00+00:00", "Crowds.", ["k6", "k7"]),
]
EVENTS = [  # event_id, type, actor, recipient, location, lat, lon, date, mention count, article ids
    ("e1", "ASSAULT", "Jabhat al-Nusra", "Syrian government", "Idlib", *IDLIB, "2015-03-28", 2, ["a1", "a2"]),
    ("e2", "AGREE", "Iran", "United States", "Geneva", 46.2, 6.15, "2015-03-10", 1, ["a2"]),
    ("e3", "PROTEST", "<i>students</i>", None, "Cairo", 30.06, 31.25, "2015-03-01", 1, ["a3"]),
]
RUNS = [("run-1", "2015-03-02 08:00:00+00", ["alpha: only 10% of cleaned pages were articles"]),
        ("run-2", "2015-03-29 10:00:00+00", ["beta: 60% of this run's articles have no publication date"])]


def add_articles(con, run_id: str) -> None:
    upsert_articles(con, [{"article_id": aid, "canonical_url": f"http://127.0.0.1/{aid}", "url": f"http://127.0.0.1/{aid}",
                           "source": source, "title": title, "published": published, "text": text,
                           "word_count": 2, "block_keys": keys, "run_id": run_id}
                          for aid, source, title, published, text, keys in ARTICLES], run_id)


def add_events(con) -> None:
    for eid, kind, actor, recipient, place, lat, lon, day, count, article_ids in EVENTS:
        con.execute("insert into events (event_id, type, action, actor, actor_head, recipient, recipient_head, "
                    "location_name, lat, lon, date, date_precision, mention_count, first_article_id) "
                    "values (?, ?, 'acts', ?, ?, ?, ?, ?, ?, ?, ?, 'day', ?, ?)",
                    [eid, kind, actor, actor, recipient, recipient, place, lat, lon, day, count, article_ids[0]])
        for aid in article_ids:
            con.execute('insert into event_mentions (mention_id, event_id, article_id, type, sentence, "start", "end") '
                        "values (?, ?, ?, ?, ?, 0, 10)", [f"{eid}-{aid}", eid, aid, kind, f"Evidence of {eid} in {aid}."])
        con.execute("update articles set main_event_id = ? where article_id = ?", [eid, article_ids[0]])


def add_runs(con) -> None:
    for run_id, started, warnings in RUNS:
        con.execute("insert into runs (run_id, status, started_at, finished_at, summary) values (?, 'finished', ?, ?, ?)",
                    [run_id, started, started, json.dumps({"warnings": warnings})])
        for source, fetched in (("alpha", 5), ("beta", 3)):
            con.execute("insert into run_sources (run_id, source, pages_fetched, pages_failed, articles_seen, "
                        "articles_new, errors) values (?, ?, ?, 1, 2, 1, '[]')", [run_id, source, fetched])
