"""Prefect must run offline here: set its environment before `prefect` is first imported.

Called once by the CLI (the only place that reads or sets the environment); see DESIGN.md for why
each variable matters.
"""
from __future__ import annotations

import os
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
