"""Sources config (`sources.toml`) and run settings, validated once at the CLI or flow entry.

A bad file fails with a message naming the key, e.g. `source[1].feeds: Input should be a valid list`
or `source[0].alowed_domains: Extra inputs are not permitted`.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

USER_AGENT = "newsdesk/0.1 (+https://github.com/newsdesk/newsdesk; polite batch crawler)"


class ConfigError(ValueError):
    """The sources file cannot be used; the message names the file and the bad key."""


class Politeness(BaseModel):
    model_config = ConfigDict(extra="forbid")

    obey_robots: bool = True
    concurrency_per_domain: int = Field(2, ge=1, le=16)
    download_delay: float = Field(0.0, ge=0)
    autothrottle: bool = True
    user_agent: str = USER_AGENT
    max_bytes: int = Field(5_000_000, ge=10_000)
    timeout: float = Field(20, gt=0)
    max_pages: int = Field(1000, ge=1)
    depth_limit: int = Field(3, ge=0)
    retry_times: int = Field(2, ge=0)


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$")
    feeds: list[str] = []
    sitemaps: list[str] = []
    start_urls: list[str] = []
    allowed_domains: list[str] = []
    article_pattern: str | None = None
    politeness: Politeness = Politeness()

    @field_validator("feeds", "sitemaps", "start_urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not re.match(r"^https?://[^/\s]+", url):
                raise ValueError(f"not an http(s) URL: {url!r}")
        return urls

    @field_validator("article_pattern")
    @classmethod
    def _regex(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"not a valid regular expression: {exc}") from exc
        return pattern


class SourcesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: list[Source] = Field(min_length=1)
    schedule: str = "0 * * * *"  # cron for `newsdesk serve`; hourly by default


def _location(loc: tuple) -> str:
    parts = []
    for item in loc:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item}]"
        else:
            parts.append(str(item))
    return ".".join(parts)


def load_sources(path: Path) -> SourcesFile:
    """Read and validate a sources file; raise ConfigError naming the bad key."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{path}: no such file") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    try:
        config = SourcesFile.model_validate(data)
    except ValidationError as exc:
        problems = [f"{_location(e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise ConfigError(f"{path}: " + "; ".join(problems)) from exc
    names = [s.name for s in config.source]
    if len(set(names)) != len(names):
        raise ConfigError(f"{path}: source names must be unique, got {names}")
    return config


class Settings(BaseSettings):
    """Where things live; read from the environment (NEWSDESK_*) once, then passed down."""

    model_config = SettingsConfigDict(env_prefix="NEWSDESK_")

    db: Path = Path("newsdesk.duckdb")
    sources: Path = Path("sources.toml")
    work_dir: Path | None = None  # crawl output; defaults to <db>.runs/

    def runs_dir(self) -> Path:
        return self.work_dir or self.db.with_name(self.db.name + ".runs")
