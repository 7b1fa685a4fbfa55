#!/usr/bin/env python3
"""../shared/bench/make_corpus.py, with its number of events capped to the names it can make.

    python bench/make_corpus_capped.py OUT --articles N

The shared generator wants one event per ten articles, each with a distinct name made
of a place, a kind and a month: 19 places x 12 kinds x 36 months = 8,208 names. Past
82,080 articles it asks for more than exist and loops for ever. This runs the shared
generator unchanged except that the count it asks `make_events` for is capped at
95% of the names there are (the last few take longest to find at random). Below the
cap nothing differs: the corpus is byte for byte the one make_corpus.py writes.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_corpus.py"
MONTHS = 36  # make_events picks days within three years of its start
SHARE = 0.95


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    corpus = load(SHARED)
    names = len(corpus.PLACES) * len(corpus.EVENT_KINDS) * MONTHS
    cap = int(names * SHARE)
    make_events = corpus.make_events

    def capped(rng: Any, count: int, start: dt.date) -> Any:
        if count > cap:
            print(f"make_corpus_capped: {cap:,} events, not {count:,}", file=sys.stderr)
        return make_events(rng, min(count, cap), start)

    corpus.make_events = capped
    corpus.main()


if __name__ == "__main__":
    main()
