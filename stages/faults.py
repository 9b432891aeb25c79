"""Crash and hold points for the crash-safety and scheduling tests.

`NEWSDESK_CRASH_AT=stage:n` kills the process with SIGKILL the n-th time the pipeline passes that point
(n defaults to 1). `NEWSDESK_HOLD_AT=stage:DIR` makes the first pass through that point wait for the
test: it writes to the FIFO `DIR/hold` (so the test, reading it, knows the run is there) and then
blocks reading `DIR/release` until the test writes to it. FIFOs, not files and sleeps: both sides wait
on the event itself. Once the test removes the FIFOs, later runs (each a new process under
`newsdesk serve`) pass the point without waiting.

Points: `crawl` (while crawls run), `load` (inside the raw-page write transaction), `clean` (after a
batch of pages was cleaned, before its write), `commit` (after a batch's write committed), `finish`
(derived state: after learning boilerplate, before duplicate links and the search index), `dedup`
(inside the transaction that stores signatures and re-links a group, before it commits), `index`
(inside the transaction that updates the search rows of pending articles, before it commits). The variables
are read once by `configure()` at the command or flow entry; unset, the points cost one dict lookup.
"""
from __future__ import annotations

import os
import signal
from collections import Counter
from pathlib import Path

_armed: dict[str, int] = {}
_holds: dict[str, Path] = {}
_seen: Counter[str] = Counter()


def configure(crash: str | None, hold: str | None = None) -> None:
    """Arm the points named by NEWSDESK_CRASH_AT (`crash`) and NEWSDESK_HOLD_AT (`hold`)."""
    _armed.clear()
    _holds.clear()
    _seen.clear()
    if crash:
        point_name, _, count = crash.partition(":")
        _armed[point_name] = int(count or 1)
    if hold:
        point_name, _, directory = hold.partition(":")
        _holds[point_name] = Path(directory)


def point(name: str) -> None:
    """Die here, abruptly, or wait for the test here, if a test armed this point."""
    if name in _holds:
        directory = _holds.pop(name)  # only the first pass of a process waits, and only while the
        if not (directory / "hold").exists():  # test keeps the FIFOs: later runs (new processes) go on
            return
        with open(directory / "hold", "w") as hold:
            hold.write(f"{os.getpid()}\n")
        with open(directory / "release") as release:
            release.read()
    if name in _armed:
        _seen[name] += 1
        if _seen[name] >= _armed[name]:
            os.kill(os.getpid(), signal.SIGKILL)
