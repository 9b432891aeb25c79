"""The packaged DuckDB extensions newsdesk loads by path (nothing is downloaded at run time), and making
them loadable by name for any DuckDB 1.5.5 client, offline.

    python -m warehouse.extensions        (run by `make install`)

newsdesk itself loads each extension from its installed PyPI package (`duckdb-extension-fts`,
`-ducklake`, `-postgres`) by path. A plain DuckDB client (`duckdb-cli==1.5.5`) calling `search()` or
attaching a `ducklake:postgres:` warehouse would instead try to download `fts`, `ducklake` and
`postgres_scanner`; with the files copied into DuckDB's extension directory
(~/.duckdb/extensions/v1.5.5/<platform>/), it autoloads them from there with no LOAD line and no network.

`duckdb-extension-postgres` ships the postgres_scanner binary as `postgres.duckdb_extension`, a name
under which DuckDB looks for the wrong entry point; the copy in the extension directory carries the
name that loads (`postgres_scanner.duckdb_extension`), so that copy is also what newsdesk loads.
"""
from __future__ import annotations

import functools
import shutil
import sys
from importlib import resources
from pathlib import Path

import duckdb

# extension name -> (PyPI package module, file name in the package)
PACKAGED = {
    "fts": ("duckdb_extension_fts", "fts"),
    "ducklake": ("duckdb_extension_ducklake", "ducklake"),
    "postgres_scanner": ("duckdb_extension_postgres", "postgres"),
}


def packaged_path(name: str) -> Path:
    """The file a PyPI package ships for this DuckDB version; FileNotFoundError naming the package."""
    module, stem = PACKAGED[name]
    try:
        root = resources.files(module)
    except ModuleNotFoundError as exc:
        pip_name = module.replace("_", "-")
        raise FileNotFoundError(f"the DuckDB extension {name} is not installed (pip install {pip_name}=="
                                f"{duckdb.__version__})") from exc
    return Path(str(root / "extensions" / f"v{duckdb.__version__}" / f"{stem}.duckdb_extension"))


def fts_extension_path() -> str:
    """Path of the packaged full-text-search extension."""
    return str(packaged_path("fts"))


def extension_dir(home: Path | None = None) -> Path:
    """DuckDB's default extension directory for this version and platform."""
    platform = duckdb.execute("pragma platform").fetchone()[0]
    return (home or Path.home()) / ".duckdb" / "extensions" / f"v{duckdb.__version__}" / platform


def install(name: str, home: Path | None = None) -> Path:
    """Copy a packaged extension into the extension directory under its loadable name (unchanged files
    are left alone)."""
    source = packaged_path(name)
    target = extension_dir(home) / f"{name}.duckdb_extension"
    if not (target.exists() and target.stat().st_size == source.stat().st_size
            and target.read_bytes() == source.read_bytes()):
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return target


def install_fts(home: Path | None = None) -> Path:
    """Copy the packaged fts extension into the extension directory."""
    return install("fts", home)


@functools.cache
def lake_extension_paths() -> tuple[str, ...]:
    """postgres_scanner and ducklake as files DuckDB loads by path (checked once per process)."""
    return str(install("postgres_scanner")), str(packaged_path("ducklake"))


if __name__ == "__main__":
    for extension in PACKAGED:
        try:
            print(f"{extension} extension for DuckDB {duckdb.__version__} clients: {install(extension)}", file=sys.stderr)
        except FileNotFoundError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
