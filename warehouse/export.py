"""Export articles and events to Parquet, partitioned by date (hive style: `date=2015-03-29/`)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.dataset as ds

QUERIES = {
    "articles": "select * exclude (published_at), published_at, "
                "coalesce(published_at, first_seen_at)::date::varchar as date from articles",
    "events": "select *, coalesce(try_cast(date as date), current_date)::varchar as date_partition from events",
}


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path) -> dict[str, int]:
    """Write one partitioned Parquet dataset per table; re-exporting replaces the partitions it writes."""
    counts = {}
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    for name, sql in QUERIES.items():
        if name not in tables:
            continue
        table = con.execute(sql).fetch_arrow_table()
        column = "date" if name == "articles" else "date_partition"
        ds.write_dataset(table, out / name, format="parquet", partitioning=[column], partitioning_flavor="hive",
                         existing_data_behavior="delete_matching")
        counts[name] = table.num_rows
    return counts
