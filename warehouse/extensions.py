"""Make the packaged full-text-search extension loadable by name for any DuckDB 1.5.5 client, offline.

    python -m warehouse.extensions        (run by `make install`)

newsdesk itself loads the extension from the installed `duckdb-extension-fts` package by path. A plain
DuckDB client (`duckdb-cli==1.5.5`) calling `search()` would instead try to download `fts`; with the file
copied into DuckDB's extension directory (~/.duckdb/extensions/v1.5.5/<platform>/), it autoloads it
from there with no LOAD line and no network.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb

from warehouse.db import fts_extension_path


def extension_dir(home: Path | None = None) -> Path:
    """DuckDB's default extension directory for this version and platform."""
    platform = duckdb.execute("pragma platform").fetchone()[0]
    return (home or Path.home()) / ".duckdb" / "extensions" / f"v{duckdb.__version__}" / platform


def install_fts(home: Path | None = None) -> Path:
    """Copy the packaged fts extension into the extension directory (unchanged files are left alone)."""
    source = Path(fts_extension_path())
    target = extension_dir(home) / "fts.duckdb_extension"
    if not (target.exists() and target.read_bytes() == source.read_bytes()):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return target


if __name__ == "__main__":
    print(f"fts extension for DuckDB {duckdb.__version__} clients: {install_fts()}", file=sys.stderr)
