"""Issue 11: several `newsdesk run`s load into one DuckLake at the same time (say one per machine, each
with its own sources), never two over the same source.

Each run holds PostgreSQL advisory locks in the catalog database for its life (flows/runlock.py): one
per source it loads, and one keyed from its run id that tells other runs it is alive. The slow test
overlaps two real runs for certain, without sleeping: run H (the sample site's last outlet) is held by
NEWSDESK_HOLD_AT at its `warc` point, with records written to its WARC file but not yet committed,
while run F (the two other outlets) runs from start to end and a third run over H's source is refused;
then H is released."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from scale_servers import SAME_ROWS, postgres_database

from flows.runlock import RunInProgress, run_lock
from stages.warc import repair
from warehouse import migrate, reader, transaction, writer
from warehouse.db import Lake
from warehouse.runs import live_runs, start_run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


@pytest.fixture(scope="module")
def new_lake(postgres_dsn, tmp_path_factory):
    """new_lake(name): an empty DuckLake, its catalog a new database on the module's PostgreSQL server."""
    return lambda name: Lake(postgres_database(postgres_dsn, name), tmp_path_factory.mktemp(name) / "data")


def address(lake: Lake) -> list[str]:
    return ["--warehouse", f"ducklake:postgres:{lake.catalog}", "--lake-data", str(lake.data)]


HOLDER = """
import sys
from pathlib import Path
from flows.runlock import run_lock
from warehouse.db import Lake
with run_lock(Lake(sys.argv[1], Path(sys.argv[2])), sys.argv[3], sys.argv[4:]):
    print("holding", flush=True)
    sys.stdin.read()
"""


def test_a_lake_run_lock_is_per_source_and_dies_with_its_process(new_lake):
    lake = new_lake("locks")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, lake.catalog, str(lake.data), "run-a", "north", "south"], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert live_runs(lake, ["run-a", "run-b"]) == {"run-a"}
        with pytest.raises(RunInProgress, match=r"another newsdesk run \(run run-a, pid \d+ on .*\) is loading "
                                                r"source 'south' into ducklake:postgres:"):
            with run_lock(lake, "run-b", ["east", "south"]):
                pass
        with run_lock(lake, "run-c", ["east"]):  # another source: loads at the same time
            assert live_runs(lake, ["run-a", "run-c"]) == {"run-a", "run-c"}
        assert live_runs(lake, ["run-c"]) == set(), "released when the run ends"
    finally:
        holder.kill()  # SIGKILL: the OS closes its catalog connection, PostgreSQL drops its locks
        holder.wait(30)
    assert live_runs(lake, ["run-a"]) == set()
    with run_lock(lake, "run-d", ["north", "south"]):
        pass


def test_starting_a_lake_run_interrupts_only_runs_whose_process_died(new_lake):
    lake = new_lake("starts")
    with writer(lake) as con:
        migrate(con)
        with transaction(con):
            for run_id in ("dead", "alive"):
                con.execute("insert into runs (run_id, command, status, started_at) values (?, 'run', 'running', "
                            "now())", [run_id])
    with run_lock(lake, "alive", ["north"]), writer(lake) as con, transaction(con):
        start_run(con, "new", "run", None, live=lambda run_ids: live_runs(lake, run_ids))
    with reader(lake) as con:
        assert con.execute("select run_id, status from runs order by run_id").fetchall() == \
            [("alive", "running"), ("dead", "interrupted"), ("new", "running")]


def test_warc_repair_on_a_lake_leaves_the_files_of_live_runs_alone(new_lake, tmp_path):
    lake = new_lake("repair")
    for run_id in ("alive", "dead"):  # records written, never committed
        (tmp_path / f"data-{run_id}-00000.warc.gz").write_bytes(b"x" * 100)
    (tmp_path / "data-done-00000.warc.gz").write_bytes(b"x" * 100)  # 60 bytes committed
    with run_lock(lake, "alive", ["north"]):
        fixed = repair(tmp_path, {"data-done-00000.warc.gz": 60}, lambda ids: live_runs(lake, ids), prefix="data")
    assert fixed == ["data-dead-00000.warc.gz", "data-done-00000.warc.gz"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data-alive-00000.warc.gz", "data-done-00000.warc.gz"]
    assert (tmp_path / "data-alive-00000.warc.gz").stat().st_size == 100
    assert (tmp_path / "data-done-00000.warc.gz").stat().st_size == 60


def sources_of(sources_file: Path, names: list[str], path: Path) -> Path:
    """A sources file with only these sources of the sample site's."""
    blocks = ["[[source]]" + b for b in sources_file.read_text().split("[[source]]")[1:]]
    path.write_text("".join(b for b in blocks if any(f'name = "{n}"\n' in b for n in names)))
    return path


def wait_for_hold(fifo: Path, timeout: float) -> str | None:
    """Block until the held run writes to the hold FIFO (None if it does not within `timeout`)."""
    got: list[str] = []
    reader_thread = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader_thread.start()
    reader_thread.join(timeout)
    return got[0] if got else None


@pytest.mark.slow
def test_two_runs_load_into_one_lake_at_once_and_a_third_over_a_running_source_is_refused(
        new_lake, sources_file, reference_db, prefect_home, newsdesk, sql, tmp_path):
    lake = new_lake("concurrent")
    names = [line.split('"')[1] for line in sources_file.read_text().splitlines() if line.startswith("name = ")]
    held_sources = sources_of(sources_file, names[-1:], tmp_path / "held.toml")  # the last outlet, loaded last
    free_sources = sources_of(sources_file, names[:-1], tmp_path / "free.toml")
    os.mkfifo(tmp_path / "hold")
    os.mkfifo(tmp_path / "release")
    env = {**os.environ, "PREFECT_HOME": str(prefect_home), "NEWSDESK_HOLD_AT": f"warc:{tmp_path}"}
    with tempfile.TemporaryFile("w+") as out:
        held = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--sources", str(held_sources),
                                 *address(lake)], stdout=out, stderr=subprocess.STDOUT, text=True, env=env, cwd=ROOT,
                                start_new_session=True)
        try:
            assert wait_for_hold(tmp_path / "hold", 180), "run H never reached its warc point"
            [held_warc] = lake.data.parent.glob("data-warc/*.warc.gz")  # records written, not yet committed
            size = held_warc.stat().st_size

            refused = newsdesk(["run", "--sources", str(held_sources), *address(lake)])
            assert refused.returncode == 3, refused.stdout + refused.stderr
            assert f"is loading source '{names[-1]}'" in refused.stderr and "Traceback" not in refused.stderr
            assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr

            free = newsdesk(["run", "--sources", str(free_sources), *address(lake)])
            assert free.returncode == 0, free.stdout + free.stderr
            assert held_warc.stat().st_size == size, "run F's WARC repair left the live run's file alone"
            assert sorted(sql(lake, "select status from runs")) == [("finished",), ("running",)], "H still running"

            (tmp_path / "release").write_text("go")
            assert held.wait(300) == 0, (out.seek(0), out.read())[1]
        finally:
            try:
                os.killpg(held.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    for name, query in SAME_ROWS.items():
        assert sorted(map(repr, sql(lake, query))) == sorted(map(repr, sql(reference_db, query))), name
    assert sql(lake, "select count(*) from derived_pending") == [(0,)]
    assert sql(lake, "select status, count(*) from runs group by status") == [("finished", 2)], "none interrupted"
    search = "select title, round(score, 9) from search('Idlib city rebels')"
    assert sorted(sql(lake, search)) == sorted(sql(reference_db, search))
