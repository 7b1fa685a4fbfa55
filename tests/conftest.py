"""Fixtures: build a site from real files, in-process, and capture what it prints."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from generator.cli.main import main
from generator.dev.devloop import DevLoop
from generator.dev.serve import make_server
from tests.helpers import FIXTURES, Run, write_files

# Property-based tests: a fixed seed and no example database in CI (the same examples on
# every run), a fresh draw locally; `HYPOTHESIS_PROFILE=deep` searches much longer.
_QUICK = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=80, derandomize=True, database=None, **_QUICK)
settings.register_profile("dev", max_examples=80, **_QUICK)
settings.register_profile("deep", max_examples=3000, **_QUICK)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

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


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    """A copy of the `small` fixture site, not built."""
    copy = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", copy)
    return copy


@pytest.fixture
def small_built(small_site: Path) -> Path:
    """A copy of the `small` fixture site, built once by `dossier build`."""
    assert main(["build", str(small_site), "-q"]) == 0
    return small_site


@dataclass(frozen=True)
class Served:
    """The `small` fixture site, built, watched and served on a free loopback port."""

    site: Path
    loop: DevLoop
    port: int

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"


@pytest.fixture
def served_site(tmp_path: Path) -> Iterator[Served]:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    (tmp_path / "secret.txt").write_text("outside output")
    loop = DevLoop(site, site / "output")
    server = make_server(site / "output", "127.0.0.1", 0, loop.live)
    assert loop.rebuild() is not None
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    watcher = loop.watch()
    time.sleep(0.2)  # the observer's watches are in place
    yield Served(site, loop, server.server_address[1])
    loop.live.close()
    watcher.stop()
    server.shutdown()
    server.server_close()
    thread.join()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: large corpora, or dossier installed afresh (left out of `make check`)"
    )
