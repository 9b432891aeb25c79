"""The DuckDB warehouse: every read and write of the database goes through this package.

One module per table family, all SQL here (inline for keyed writes, `sql/` files for views, named
queries, migrations and checks): `pages` (raw_pages: every fetch), `articles` (articles, duplicate
links, learned boilerplate, stale derived state), `search` (the full-text index), `events` (events and
event_mentions), `runs` (runs, run_sources, sources, health and listings), `export` (Parquet).
It takes and returns plain records (dicts, tuples, Arrow tables) and never imports `transforms`.
"""
from warehouse.db import checks, migrate, reader, transaction, writer

__all__ = ["checks", "migrate", "reader", "transaction", "writer"]
