"""`dossier export`: the same bytes as a build's output/data/, and no page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli.main import main
from tests.helpers import FIXTURES, REPO, snapshot, write_files


def copy(name: str | Path, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / name if isinstance(name, str) else name, site, ignore=_built)
    return site


def _built(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if n in ("output", ".cache")}


@pytest.mark.parametrize("name", ["small", "opendata", REPO])
def test_export_writes_the_bytes_a_build_writes_and_no_page(
    name: str | Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = copy(name, tmp_path)
    exported = tmp_path / "exported"
    assert main(["export", str(site), "--output", str(exported)]) == 0
    assert not (site / "output").exists()  # nothing built
    assert main(["build", str(site), "-q", "--jobs", "1"]) == 0
    assert snapshot(exported) == snapshot(site / "output" / "data")
    assert not list(exported.rglob("*.html"))
    assert "files written" in capsys.readouterr().out


def test_formats_and_the_default_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = copy("small", tmp_path)
    assert main(["export", str(site), "--format", "csv", "--format", "gexf"]) == 0
    names = sorted(p.name for p in (site / "output" / "data").iterdir())
    assert names == sorted(
        ["actors.csv", "events.csv", "claims.csv", "quotes.csv", "relations.csv", "graph.gexf"]
    )
    assert not (site / "output" / "index.html").exists()
    capsys.readouterr()
    assert main(["export", str(site), "--format", "csv"]) == 0  # again: nothing changes
    assert "0 files written; 5 unchanged" in capsys.readouterr().out


def test_export_into_a_build_then_build_again(tmp_path: Path) -> None:
    """export changes output/data/ under a build: the next build still ends as a clean one."""
    site = copy("small", tmp_path)
    assert main(["build", str(site), "-q", "--jobs", "1"]) == 0
    actor = site / "content" / "actors" / "ben-south.md"
    text = actor.read_text(encoding="utf-8")
    actor.write_text(text.replace("role: Spokesman", "role: Press officer"), encoding="utf-8")
    assert main(["export", str(site), "--format", "csv"]) == 0
    assert b"Press officer" in (site / "output" / "data" / "actors.csv").read_bytes()
    actor.write_text(text, encoding="utf-8")  # back as the build had it
    assert main(["build", str(site), "-q", "--jobs", "1"]) == 0
    assert b"Spokesman" in (site / "output" / "data" / "actors.csv").read_bytes()


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = copy("small", tmp_path)
    assert main(["export", str(site), "--format", "xml"]) == 2
    assert main(["export", str(tmp_path / "nowhere")]) == 2
    assert main(["export", str(site), "--output", str(site / "content" / "data")]) == 2
    write_files(site, {"content/articles/bad.md": "---\ntitle: Bad\n---\nNo date.\n"})
    capsys.readouterr()
    assert main(["export", str(site)]) == 1
    err = capsys.readouterr().err
    assert "bad.md:" in err and "nothing exported" in err
    assert not (site / "output").exists()


def test_help_lists_export(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["help"]) == 0
    assert "export" in capsys.readouterr().out
