"""Fixtures: build a site from real files, in-process, and capture what it prints."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.helpers import FIXTURES, Run, write_files

SiteRunner = Callable[..., Run]
MakeSite = Callable[..., Run]


@pytest.fixture
def run_dossier(capsys: pytest.CaptureFixture[str]) -> SiteRunner:
    """Run `dossier ARGS...` in-process on a site folder and capture what it prints."""

    def run(site: Path, *args: str, command: str = "build") -> Run:
        capsys.readouterr()
        code = main([command, str(site), *args])
        captured = capsys.readouterr()
        output = Path(args[args.index("--output") + 1]) if "--output" in args else site / "output"
        return Run(code, captured.out, captured.err, site, output)

    return run


@pytest.fixture
def make_site(tmp_path: Path, run_dossier: SiteRunner) -> MakeSite:
    """Write a site from `{path: text}` (or copy a fixture folder), then build it."""

    def make(
        files: dict[str, str | bytes] | None = None,
        *args: str,
        fixture: str | None = None,
        config: str = "title: Test dossier\n",
    ) -> Run:
        site = tmp_path / "site"
        if site.exists():
            pass  # a second call in one test edits the same site and builds again
        elif fixture is not None:
            shutil.copytree(FIXTURES / fixture, site)
        else:
            site.mkdir()
            write_files(site, {"site.yaml": config})
        write_files(site, files or {})
        return run_dossier(site, *args)

    return make
