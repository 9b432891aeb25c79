"""Crash points for the crash-safety tests: `NEWSDESK_CRASH_AT=stage:n` kills the process with SIGKILL
the n-th time the pipeline passes that point (n defaults to 1).

Points: `crawl` (while crawls run), `load` (inside the raw-page write transaction), `clean` (after a
batch of pages was cleaned, before its write), `commit` (after a batch's write committed). The variable
is read once by `configure()` from the CLI; unset, the points cost one dict lookup.
"""
from __future__ import annotations

import os
import signal
from collections import Counter

_armed: dict[str, int] = {}
_seen: Counter[str] = Counter()


def configure(spec: str | None) -> None:
    _armed.clear()
    _seen.clear()
    if spec:
        point, _, count = spec.partition(":")
        _armed[point] = int(count or 1)


def point(name: str) -> None:
    """Die here, abruptly, if a test armed this point."""
    if name in _armed:
        _seen[name] += 1
        if _seen[name] >= _armed[name]:
            os.kill(os.getpid(), signal.SIGKILL)
