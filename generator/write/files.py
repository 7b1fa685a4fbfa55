"""Writing a file so that readers see the old bytes or the new, never half of either."""

from __future__ import annotations

import os
import re
from pathlib import Path

TEMP_NAME = re.compile(r"\..+\.\d+\.tmp")  # what `temp_beside` names: .NAME.PID.tmp


def temp_beside(target: Path) -> Path:
    """Where `target` is written until it is renamed into place: a hidden file beside it,
    named for this process (builds and watchers skip it; `TEMP_NAME` finds it)."""
    return target.with_name(f".{target.name}.{os.getpid()}.tmp")


def replace_file(target: Path, *chunks: bytes) -> None:
    """Write `chunks` to `temp_beside(target)`, then rename it over `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_beside(target)
    try:
        with temp.open("wb") as out:
            out.writelines(chunks)
        temp.replace(target)
    finally:
        temp.unlink(missing_ok=True)
