"""Progress of long stages, shown as bars by the CLI and silent everywhere else.

The CLI installs a `rich` progress display for the duration of a command; stages report through
`step()` without knowing whether anyone watches (the default reporter does nothing).
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

_lock = threading.Lock()
_display: Progress | None = None
_tasks: dict[str, int] = {}


@contextmanager
def shown(console: Console) -> Iterator[None]:
    """Show bars on `console` while the block runs (only on a terminal)."""
    global _display
    if not console.is_terminal:
        yield
        return
    display = Progress(TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=console, transient=False)
    with display:
        _display = display
        try:
            yield
        finally:
            _display = None
            _tasks.clear()


def step(label: str, advance: int = 0, total: int | None = None) -> None:
    """Advance the bar called `label` (created on first use); `total` may grow as work is found."""
    with _lock:
        if _display is None:
            return
        if label not in _tasks:
            _tasks[label] = _display.add_task(label, total=total)
        elif total is not None:
            _display.update(_tasks[label], total=total)
        _display.advance(_tasks[label], advance)
