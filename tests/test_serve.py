"""`newsdesk serve` runs the pipeline on its cron schedule as a Prefect deployment served by the process;
a run never starts while another one holds the warehouse. Issue 5.

With cron "* * * * *" the two runs start on the next two minute boundaries, so this takes 1.5-3 minutes."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time



def runs(sql, db):
    if not db.exists():
        return []
    try:
        return sql(db, "select run_id, status, started_at, finished_at from runs order by started_at")
    except Exception:  # the schema may not exist yet
        return []


def test_serve_triggers_scheduled_runs_one_at_a_time(sources_file, prefect_home, newsdesk, sql, root, tmp_path):
    db = tmp_path / "served.duckdb"
    env = {**os.environ, "PREFECT_HOME": str(prefect_home)}
    log = tmp_path / "serve.log"
    with open(log, "wb") as sink:
        server = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--cron", "* * * * *", "--sources",
                                   str(sources_file), "--db", str(db)], cwd=root, env=env,
                                  stdout=sink, stderr=subprocess.STDOUT)
    overlapping = None
    try:
        deadline = time.monotonic() + 225  # start-up + up to 60 s to the first slot + 60 s + two runs
        while time.monotonic() < deadline:
            seen = runs(sql, db)
            if overlapping is None and any(status == "running" for _, status, _, _ in seen):
                overlapping = newsdesk(["run", "--sources", str(sources_file), "--db", str(db)])
            if sum(status == "finished" for _, status, _, _ in seen) >= 2:
                break
            time.sleep(2)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    seen = runs(sql, db)
    assert sum(status == "finished" for _, status, _, _ in seen) >= 2, (seen, log.read_text()[-3000:])
    assert overlapping is not None and overlapping.returncode == 3, overlapping
    assert "another newsdesk run" in overlapping.stderr
    finished = [r for r in seen if r[1] == "finished"]
    for earlier, later in zip(finished, finished[1:]):
        assert earlier[3] <= later[2], "two scheduled runs overlapped"
