"""How stages report progress: a callback passed in by the caller (the CLI shows bars, tests pass none)."""
from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def __call__(self, label: str, advance: int = 0, total: int | None = None) -> None:
        """Advance the bar called `label` by `advance`; `total` may grow as work is found."""


def silent(label: str, advance: int = 0, total: int | None = None) -> None:
    """The progress callback that shows nothing."""
