"""Prefect must run offline here: set its environment before `prefect` is first imported.

Called once by the CLI (the only place that reads or sets the environment); see DESIGN.md for why
each variable matters. PREFECT_HOME defaults to `.prefect/` beside the warehouse, so
`PREFECT_HOME=.prefect prefect flow-run ls` lists newsdesk's runs; `newsdesk serve` also runs Prefect's
own server and UI on 127.0.0.1 (`local_server`).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

OFFLINE_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_API_ENABLE_HTTP2": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
}


def configure(home: Path) -> None:
    """Point Prefect at a project-local home and switch off everything that phones out."""
    os.environ.setdefault("PREFECT_HOME", str(home))
    for key, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(key, value)
    Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)


@contextmanager
def local_server(port: int, timeout: float = 120.0) -> Iterator[str]:
    """A real Prefect server with its UI on 127.0.0.1:`port` for the block; yields the UI URL.

    Flow runs of this process (and of the runner's subprocesses) report to it, so scheduled and manual
    runs appear in the UI. Call after `configure()` and before `prefect` is imported.
    """
    url = f"http://127.0.0.1:{port}"
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise OSError(f"port {port} on 127.0.0.1 is in use; pass --port to serve the Prefect UI elsewhere")
    log_path = Path(os.environ["PREFECT_HOME"]) / "server.log"
    with open(log_path, "ab") as log:
        server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                   "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
    try:
        _wait_healthy(url, server, timeout, log_path)
        os.environ["PREFECT_API_URL"] = f"{url}/api"
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_healthy(url: str, server: subprocess.Popen, timeout: float, log_path: Path) -> None:
    """Until the server answers its health check (it takes 10-30 s to start on 2 cores)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise OSError(f"the Prefect server exited with {server.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(f"{url}/api/health", timeout=2) as response:  # 127.0.0.1 only
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise OSError(f"the Prefect server did not answer within {timeout:.0f} s; see {log_path}")
