"""`newsdesk serve` runs the pipeline on its cron schedule as a Prefect deployment served by the process;
a run never starts while another one holds the warehouse. Issue 5.

No sleep-and-poll for transient states: the first scheduled run is held at its crawl point
(NEWSDESK_HOLD_AT, two FIFOs), so the test knows for certain a run is in progress when it starts the
overlapping manual run, then releases it. Runs are scheduled every 15 s (`--every`; cron cannot go
below a minute), so this takes about a minute."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

pytestmark = pytest.mark.slow
BUDGET = 240  # start-up of the Prefect server + two 15-second slots + two runs, with room for a loaded machine


def runs(sql, db):
    if not db.exists():
        return []
    try:
        return sql(db, "select run_id, status, started_at, finished_at from runs order by started_at")
    except Exception:  # the schema may not exist yet, or a run is committing
        return []


def free_port() -> int:
    """A port nothing listens on now, for the Prefect server and UI that `serve` starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_hold(fifo, timeout: float) -> str | None:
    """Block until the held run writes to the hold FIFO (None if it never does within `timeout`)."""
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()), daemon=True)
    reader.start()
    reader.join(timeout)
    return got[0] if got else None


def test_serve_triggers_scheduled_runs_one_at_a_time(sources_file, prefect_home, newsdesk, sql, root, tmp_path):
    db = tmp_path / "served.duckdb"
    os.mkfifo(tmp_path / "hold")
    os.mkfifo(tmp_path / "release")
    env = {**os.environ, "PREFECT_HOME": str(prefect_home), "NEWSDESK_HOLD_AT": f"crawl:{tmp_path}"}
    log = tmp_path / "serve.log"
    with open(log, "wb") as sink:
        server = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--every", "15", "--sources",
                                   str(sources_file), "--db", str(db), "--port", str(free_port())], cwd=root, env=env,
                                  stdout=sink, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + BUDGET
    try:
        held = wait_for_hold(tmp_path / "hold", BUDGET)
        assert held, log.read_text()[-3000:]
        overlapping = newsdesk(["run", "--sources", str(sources_file), "--db", str(db)])
        (tmp_path / "hold").unlink()  # the next scheduled runs (new processes) must not wait
        (tmp_path / "release").write_text("go")
        (tmp_path / "release").unlink()
        while time.monotonic() < deadline and sum(r[1] == "finished" for r in runs(sql, db)) < 2:
            time.sleep(1)  # a count that only grows: no state can be missed between looks
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    seen = runs(sql, db)
    assert sum(status == "finished" for _, status, _, _ in seen) >= 2, (seen, log.read_text()[-3000:])
    assert overlapping.returncode == 3, overlapping
    assert "another newsdesk run" in overlapping.stderr
    finished = [r for r in seen if r[1] == "finished"]
    for earlier, later in zip(finished, finished[1:]):
        assert earlier[3] <= later[2], "two scheduled runs overlapped"
