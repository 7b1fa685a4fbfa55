"""Reading the benchmark corpus (../shared/bench/make_corpus.py), for the converters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Doc = tuple[Path, dict[str, Any], str]


def read_doc(path: Path) -> tuple[dict[str, Any], str]:
    """Front matter (as a dict) and body of one corpus file."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4)
    return yaml.load(text[4:end], Loader=Loader), text[end + 5 :]


def read_terms(folder: Path) -> list[tuple[list[str], Doc]]:
    """Every actor or event file: its slug, name and aliases, and the document."""
    found = []
    for path in sorted(folder.glob("*.md")):
        front, body = read_doc(path)
        names = [path.stem, str(front["name"]), *(str(a) for a in front.get("aliases", []))]
        found.append((names, (path, front, body)))
    return found
