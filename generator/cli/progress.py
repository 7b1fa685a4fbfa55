"""A progress line for long builds on a terminal; silent in logs and CI.

Shown only when stderr is a terminal and the build has run for `AFTER` seconds,
redrawn at most ten times a second, and erased when the build ends, so that the
one summary line stays the only output.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

AFTER = 2.0


class ProgressLine:
    def __init__(self, stream: TextIO | None = None, after: float = AFTER) -> None:
        self.stream = stream or sys.stderr
        self.after = after
        self.enabled = self.stream.isatty()
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.started < self.after or now - self.last < 0.1:
            return
        self.last = now
        self.shown = True
        self.stream.write(f"\r\x1b[K{phase} {done:,}/{total:,}")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
