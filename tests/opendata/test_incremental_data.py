"""Data files go through the page path: a build rewrites only those whose text changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from generator.build import PROSE_FROM_CACHE, Builder, BuildResult
from tests.helpers import FIXTURES, snapshot

DATA = "data"


def build(site: Path) -> BuildResult:
    """A build by a new Builder, as a new `dossier build` process makes it."""
    result = Builder(site, site / "output").build()
    assert result.errors == []
    return result


def stamps(site: Path) -> dict[str, tuple[int, int]]:
    folder = site / "output" / DATA
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = path.stat().st_mtime_ns + 1_000_000_000  # a new mtime whatever the clock
    os.utime(path, ns=(later, later))


def changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> set[str]:
    return {name for name in after if before.get(name) != after[name]}


def site_copy(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "opendata", site)
    build(site)
    return site


def test_an_event_edit_rewrites_its_timeline_and_events_csv_only(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    before = stamps(site)
    edit(site / "content" / "events" / "harbour-strike.md", "place: Port Town", "place: Dockside")
    result = build(site)
    assert changed(before, stamps(site)) == {
        "events.csv",
        "entities.ftm.json",
        "timelines/harbour-strike.json",
    }
    data_written = {p for p in result.written if p.startswith(f"{DATA}/")}
    assert data_written == {f"{DATA}/{name}" for name in changed(before, stamps(site))}
    assert b"Dockside" in (site / "output" / DATA / "events.csv").read_bytes()


def test_a_relation_edit_rewrites_the_files_that_hold_relations_only(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    before = stamps(site)
    edit(site / "content" / "actors" / "ben-south.md", "until: 2023-05,", "until: 2023-04,")
    result = build(site)
    assert changed(before, stamps(site)) == {"relations.csv", "entities.ftm.json", "graph.gexf"}
    data_written = {p for p in result.written if p.startswith(f"{DATA}/")}
    assert data_written == {f"{DATA}/{name}" for name in changed(before, stamps(site))}
    relations = (site / "output" / DATA / "relations.csv").read_bytes()
    assert b",2012,2023-04,https://example.org/od/articles/strike-ends.html" in relations


def test_a_quote_changed_in_prose_updates_quotes_csv(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    before = stamps(site)
    story = site / "content" / "articles" / "strike-begins.md"
    edit(story, '"-2 is what they offered"', '"-3 is what they offered"')
    result = build(site)
    assert result.note != PROSE_FROM_CACHE  # a quote changed: not prose alone
    assert changed(before, stamps(site)) == {"quotes.csv"}
    assert b"-3 is what they offered" in (site / "output" / DATA / "quotes.csv").read_bytes()


def test_a_prose_only_edit_leaves_the_data_files_alone(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    before = stamps(site)
    story = site / "content" / "articles" / "strike-begins.md"
    edit(story, "Dockers walked out at dawn.", "Dockers walked out before dawn.")
    result = build(site)
    assert result.note == PROSE_FROM_CACHE
    assert result.written == ["articles/strike-begins.html"]
    assert stamps(site) == before


def test_incremental_data_equals_a_clean_build(tmp_path: Path) -> None:
    site = site_copy(tmp_path)
    edit(site / "content" / "actors" / "ben-south.md", "  - South", "  - South\n  - B. South")
    edit(site / "content" / "actors" / "ada-north.md", "type: family of", "type: sister of")
    (site / "content" / "events" / "quiet-talks.md").unlink()
    build(site)
    clean = tmp_path / "clean"
    shutil.copytree(site, clean, ignore=shutil.ignore_patterns("output", ".cache"))
    build(clean)
    assert snapshot(site / "output" / DATA) == snapshot(clean / "output" / DATA)
    assert not (site / "output" / DATA / "timelines" / "quiet-talks.json").exists()
