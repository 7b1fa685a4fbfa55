"""The `dossier` command: the process's settings first, then the command line (`cli`).

A build makes a few hundred thousand small objects that live until it ends (documents,
references, views) and makes few reference cycles. Python's collector, by default, runs
every 700 new objects and walks the young ones again and again. With the whole site of
10,000 articles loaded, a one-article rebuild took 2.2 s with that and 1.7 s collecting
every 10,000 objects, set before the imports (medians of 5), so the command does that.
Code that imports `generator` as a library keeps its own settings.
"""

from __future__ import annotations

import gc
import os
import sys

GC_THRESHOLDS = (10_000, 10, 10)
gc.set_threshold(*GC_THRESHOLDS)  # before the imports below: they make many objects too

from generator.cli.main import main  # noqa: E402


def run() -> None:
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Every file is written and closed by now. Ending the process at once spares freeing
    # the site's objects one by one: 0.35 s of a 3.5 s prose-only rebuild at 100,000 stories.
    os._exit(code)
