"""Built copies of the fixture sites the open data tests read: `small` (no base_url) and
`opendata` (every feature, a base_url, and cells a spreadsheet would run)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli.main import main
from tests.helpers import FIXTURES

Built = Callable[[str], Path]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The site folder of a fixture, copied and built once per test module."""
    done: dict[str, Path] = {}

    def build(name: str) -> Path:
        if name not in done:
            site = tmp_path_factory.mktemp(name) / "site"
            shutil.copytree(FIXTURES / name, site)
            assert main(["build", str(site), "-q", "--jobs", "1"]) == 0
            done[name] = site
        return done[name]

    return build


SITES = ("small", "opendata")


def without_base_url(tmp_path: Path) -> Path:
    """A copy of the `opendata` fixture whose site.yaml has no base_url."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "opendata", site)
    config = site / "site.yaml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    config.write_text("".join(x for x in lines if not x.startswith("base_url:")), encoding="utf-8")
    return site
