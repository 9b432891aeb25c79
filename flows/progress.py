"""Progress bars for the CLI: a `rich` display whose `step` is the progress callback stages take."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from stages.progress import Progress as ProgressCallback
from stages.progress import silent


class Bars:
    """Bars by label on one rich display; thread-safe, since crawls of several sources run at once."""

    def __init__(self, display: Progress) -> None:
        self._display = display
        self._lock = threading.Lock()
        self._tasks: dict[str, int] = {}

    def __call__(self, label: str, advance: int = 0, total: int | None = None) -> None:
        with self._lock:
            if label not in self._tasks:
                self._tasks[label] = self._display.add_task(label, total=total)
            elif total is not None:
                self._display.update(self._tasks[label], total=total)
            self._display.advance(self._tasks[label], advance)


@contextmanager
def shown(console: Console) -> Iterator[ProgressCallback]:
    """A progress callback showing bars on `console` while the block runs (only on a terminal)."""
    if not console.is_terminal:
        yield silent
        return
    display = Progress(TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=console, transient=False)
    with display:
        yield Bars(display)
