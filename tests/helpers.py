"""Test helpers: run results, parsed HTML, files written from dicts."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from generator.build import Builder, BuildResult

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass(frozen=True)
class Run:
    """One `dossier` command: its exit status, what it printed, and where it wrote."""

    code: int
    out: str
    err: str
    site: Path
    output: Path

    def page(self, relative: str) -> BeautifulSoup:
        return parse_html(self.output / relative)

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if not line.endswith("left as it was")]


def parse_html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def first(soup: BeautifulSoup | Tag, selector: str) -> Tag:
    found = soup.select_one(selector)
    assert found is not None, f"nothing matches {selector!r}"
    return found


def texts(soup: BeautifulSoup | Tag, selector: str) -> list[str]:
    return [" ".join(t.get_text().split()) for t in soup.select(selector)]


def build_anew(site: Path) -> BuildResult:
    """Build `site` into its output/ with a new Builder, as a new process would; it must
    report no errors."""
    result = Builder(site, site / "output").build()
    assert result.errors == []
    return result


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file of a built site, by relative path, without the manifest."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".dossier-output"
    }


def assert_rebuilds_as_a_clean_build(site: Path) -> None:
    """Build `site` again with the cache and output/ of its last build, then from nothing:
    both must write the same files, byte for byte."""
    build_anew(site)
    incremental = snapshot(site / "output")
    shutil.rmtree(site / "output")
    shutil.rmtree(site / ".cache")
    build_anew(site)
    assert snapshot(site / "output") == incremental


def write_files(root: Path, files: dict[str, str | bytes]) -> None:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")


ARTICLE = """\
---
title: {title}
date: {date}
actors: {actors}
events: {events}
---

{body}
"""


def article(
    title: str = "A story",
    date: str = "2023-05-03",
    actors: str = "[]",
    events: str = "[]",
    body: str = "Body text.",
) -> str:
    return ARTICLE.format(title=title, date=date, actors=actors, events=events, body=body)
