"""Export articles, events and event mentions to Parquet, hive-partitioned by publication date.

Everything is partitioned by the day it was reported (`date=2015-03-29/`: the article's publication date,
or the day it was first seen when the page gives none), so an export spreads over the days the warehouse
actually covers; an event keeps the day it happened as the column `event_date`.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.dataset as ds

PARTITION = "date"
REPORTED = "coalesce(a.published_at, a.first_seen_at)::date::varchar"
QUERIES = {
    "articles": f"select a.* exclude (published_at, block_keys), a.published_at, {REPORTED} as {PARTITION} "
                "from articles a",
    "events": f"select e.* rename (date as event_date), {REPORTED} as {PARTITION} from events e "
              "left join articles a on a.article_id = e.first_article_id",
    "event_mentions": f"select m.*, {REPORTED} as {PARTITION} from event_mentions m "
                      "left join articles a using (article_id)",
}


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, tuple[int, str]]:
    """Write one partitioned dataset per table; returns {table: (rows, partition column)}.

    Re-exporting replaces the partitions it writes."""
    counts = {}
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    for name, sql in QUERIES.items():
        if name not in tables:
            continue
        table = con.execute(sql).fetch_arrow_table()
        ds.write_dataset(table, out / name, format="parquet", partitioning=[PARTITION], partitioning_flavor="hive",
                         existing_data_behavior="delete_matching")
        counts[name] = (table.num_rows, PARTITION)
    return counts
