"""A data file's text is made only when the file must be rendered: a build that finds it
unchanged (in output/ or in the page store) never makes it, yet writes the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import generator.opendata.files as files
from generator.build import Builder
from tests.helpers import FIXTURES, snapshot


def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts each making of entities.ftm.json's text from now on."""
    calls: list[str] = []
    real = files.ftm_text

    def counted(site: object) -> str:
        calls.append("ftm")
        return real(site)  # type: ignore[arg-type]

    monkeypatch.setattr(files, "ftm_text", counted)
    return calls


def test_a_warm_build_takes_data_files_from_the_store_without_making_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "small"
    shutil.copytree(FIXTURES / "small", site)
    out = site / "output"
    assert Builder(site, out).build().errors == []
    first = snapshot(out)
    data = {path: text for path, text in first.items() if path.startswith("data/")}
    assert len(data) > 8 and len(set(data.values())) == len(data)  # each file its own text
    calls = made(monkeypatch)

    shutil.rmtree(out)  # a warm build: the cache and page store are kept
    assert Builder(site, out).build().errors == []
    assert calls == []
    assert snapshot(out) == first  # every data file where it was, each with its own text

    story = next((site / "content" / "articles").rglob("*.md"))
    story.write_text(story.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    (site / "content" / "actors" / "ada-north.md").write_text(
        "---\nname: Ada North\naliases: [Ada]\n---\nShe runs the port.\n", encoding="utf-8"
    )
    assert Builder(site, out).build().errors == []
    assert calls == ["ftm"]  # the site changed: made once
    assert '"Ada"' in (out / "data" / "entities.ftm.json").read_text(encoding="utf-8")
