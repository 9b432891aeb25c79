"""The DuckDB warehouse: every read and write of the database goes through this package."""
from warehouse.db import checks, migrate, reader, writer

__all__ = ["checks", "migrate", "reader", "writer"]
