"""The cyclic garbage collector's policy: how often it runs, and what it may not walk.

A build makes a few hundred thousand small objects that live until it ends (documents,
references, views) and makes few reference cycles. Two things follow:

- `set_thresholds`: collect every 10,000 new objects rather than Python's 700. With the
  whole site of 10,000 articles loaded, a one-article rebuild took 2.2 s with the
  default and 1.7 s with this, set before the imports (medians of 5). For the `dossier`
  command only (`cli.command`): code that imports `generator` as a library keeps its own.
- `kept` and `keep`: what is made so far and lives until the build ends is frozen out of
  the collector's sight (`gc.freeze`), so that its full passes no longer walk the whole
  site, and forked workers, whose collector would otherwise walk (and so copy) the
  parent's heap, never touch it. `frozen` does the same around one span (`fork_imap`).

The collector's state belongs to the process, so spans nest by a count: only the
outermost span's end gives the frozen objects back (`gc.unfreeze`); an inner span
ends without undoing what an outer one kept.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

THRESHOLDS = (10_000, 10, 10)

_lock = threading.Lock()
_open = 0  # spans not yet ended; frozen objects are given back when none is


def set_thresholds() -> None:
    """Collect every 10,000 new objects (see above). Call it before the imports."""
    gc.set_threshold(*THRESHOLDS)


@contextmanager
def kept() -> Iterator[None]:
    """A span in which `keep` may freeze what is made; at the end of the outermost span,
    everything frozen is given back to the collector."""
    global _open
    with _lock:
        _open += 1
    try:
        yield
    finally:
        with _lock:
            _open -= 1
            if _open == 0:
                gc.unfreeze()


def keep() -> None:
    """Everything alive now, out of the collector's sight until the outermost span ends
    (reference counting still frees what it can)."""
    if not _open:
        raise RuntimeError("keep() outside kept(): nothing would give the objects back")
    gc.freeze()


@contextmanager
def frozen() -> Iterator[None]:
    """A span in which everything alive at its start is out of the collector's sight:
    workers forked in it never walk the parent's objects."""
    with kept():
        keep()
        yield


def stop_in_child() -> None:
    """In a forked child that ends by `os._exit`: no collection at all (it would touch,
    and so copy, the parent's heap)."""
    gc.disable()
