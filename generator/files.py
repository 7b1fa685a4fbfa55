"""Writing a file so that readers see the old bytes or the new, never half of either."""

from __future__ import annotations

import os
from pathlib import Path


def replace_file(target: Path, *chunks: bytes) -> None:
    """Write `chunks` to a hidden temp file beside `target` (named for this process, so
    builds and watchers skip it), then rename it over `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temp.open("wb") as out:
            out.writelines(chunks)
        temp.replace(target)
    finally:
        temp.unlink(missing_ok=True)
