"""The pipeline's tasks do what their docstrings say (issue 8, bug 4): the end-of-run record is one
transaction, so a failure half-way leaves nothing of it behind."""
from __future__ import annotations

import pytest

from flows.tasks import finish_run_record
from warehouse import migrate, reader, transaction, writer
from warehouse.runs import start_run


def test_finish_run_record_commits_all_or_nothing(db_path):
    with writer(db_path) as con:
        migrate(con)
        with transaction(con):
            start_run(con, "r1", "run", None)
    summary = {"run_id": "r1", "sources": {"a": {"pages_fetched": 3}, "b": {"pages_fetched": "three"}}}
    with pytest.raises(ValueError):  # source b's counts fail after source a's row was written
        finish_run_record.fn(db_path, "r1", summary)
    with reader(db_path) as con:
        assert con.execute("select count(*) from run_sources").fetchone() == (0,)
        assert con.execute("select status from runs where run_id = 'r1'").fetchone() == ("running",)


def test_finish_run_record_stores_counts_and_finishes_the_run(db_path):
    with writer(db_path) as con:
        migrate(con)
        with transaction(con):
            start_run(con, "r1", "run", None)
    finish_run_record.fn(db_path, "r1", {"run_id": "r1", "sources": {"a": {"pages_fetched": 3}}})
    with reader(db_path) as con:
        assert con.execute("select source, pages_fetched from run_sources").fetchall() == [("a", 3)]
        assert con.execute("select status from runs").fetchone() == ("finished",)
