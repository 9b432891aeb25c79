"""Sources config (`sources.toml`) and run settings, validated once at the CLI or flow entry.

A source is `spiders.source.Source` (re-exported here): the crawl process and the probe validate with
the same model, so its defaults and checks are defined once.

A bad file fails with a message naming the key, e.g. `source[1].feeds: Input should be a valid list`
or `source[0].alowed_domains: Extra inputs are not permitted`.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from spiders.source import CrawlSettings, Politeness, Source, describe

__all__ = ["ConfigError", "CrawlSettings", "Politeness", "Settings", "Source", "SourcesFile", "load_sources"]


class ConfigError(ValueError):
    """The sources file cannot be used; the message names the file and the bad key."""


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: list[Source] = Field(min_length=1)
    schedule: str = "0 * * * *"  # cron for `newsdesk serve`; hourly by default
    crawl: CrawlSettings = CrawlSettings()  # [crawl] backend = "redis://...": a frontier shared by many processes


def load_sources(path: Path) -> SourcesFile:
    """Read and validate a sources file; raise ConfigError naming the bad key."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise ConfigError(f"{path}: not a file (a directory)") from exc
    except PermissionError as exc:
        raise ConfigError(f"{path}: not readable ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    try:
        config = SourcesFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"{path}: {describe(exc)}") from exc
    names = [s.name for s in config.source]
    if len(set(names)) != len(names):
        raise ConfigError(f"{path}: source names must be unique, got {names}")
    return config


class Settings(BaseSettings):
    """Where things live; read from the environment (NEWSDESK_*) once, then passed down."""

    model_config = SettingsConfigDict(env_prefix="NEWSDESK_")

    db: Path = Path("newsdesk.duckdb")
    warehouse: str | None = None  # `ducklake:postgres:CATALOG` (or a DuckDB file path); overrides db
    lake_data: Path | None = None  # the Parquet data directory of a DuckLake warehouse
    sources: Path = Path("sources.toml")
    work_dir: Path | None = None  # crawl output; defaults to <db>.runs/

    def target(self):
        """The warehouse: the DuckDB file `db`, or the DuckLake `warehouse` names (warehouse.db.Lake);
        warehouse.db.WarehouseError when the address is bad."""
        from warehouse.db import target

        return target(self.warehouse or self.db, self.lake_data)

    def local_dir(self) -> Path:
        """Where the warehouse's local state lives: beside the DuckDB file or the lake's data directory."""
        return Path(self.target()).resolve().parent

    def runs_dir(self) -> Path:
        path = Path(self.target())
        return self.work_dir or path.with_name(path.name + ".runs")
