"""The page store: a build with a warm cache and an empty output/ renders nothing again,
and still writes exactly the pages a clean build writes."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from generator.incremental.cache import CACHE_DIR
from generator.incremental.pagestore import INDEX
from generator.write.output import MARKER
from tests.helpers import build_anew, snapshot


@pytest.fixture
def site(small_site: Path) -> Path:
    return small_site


def build(site: Path) -> int:
    """Build in a new Builder, as a new process would; returns the pages rendered."""
    return build_anew(site).rendered


def test_empty_output_with_a_warm_cache_renders_nothing(site: Path) -> None:
    pages = build(site)
    assert pages > 10
    clean = snapshot(site / "output")
    shutil.rmtree(site / "output")
    assert build(site) == 0
    assert snapshot(site / "output") == clean


def test_the_store_costs_no_bytes_while_output_exists(site: Path) -> None:
    build(site)
    page = site / "output" / "index.html"
    assert page.stat().st_nlink == 2  # the output file and its stored twin: one inode


def test_a_page_changed_in_place_is_rendered_again(site: Path) -> None:
    build(site)
    clean = snapshot(site / "output")
    page = site / "output" / "index.html"
    with page.open("r+b") as handle:  # in place: the stored twin changes too
        handle.write(b"<!-- edited by hand -->")
    shutil.rmtree(site / "output")
    assert build(site) == 1
    assert snapshot(site / "output") == clean


def test_the_store_holds_the_pages_of_the_last_build_only(site: Path) -> None:
    build(site)
    before = stored(site)
    (site / "templates").mkdir(exist_ok=True)
    base = (Path(__file__).parents[2] / "generator/theme/templates/base.html").read_text()
    (site / "templates" / "base.html").write_text(base.replace("<main", "<main data-x"))
    rendered = build(site)
    manifest = json.loads((site / "output" / MARKER).read_text())
    after = stored(site)
    assert after == {signature for signature, _ in manifest["pages"].values()}
    assert len(after - before) == rendered > 10  # every page on base.html: new signatures


def stored(site: Path) -> set[str]:
    return {p.name for p in (site / CACHE_DIR / "pages").rglob("*") if p.is_file()}


def test_an_index_naming_paths_outside_the_store_is_ignored(site: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    build(site)
    index = site / CACHE_DIR / INDEX
    data = json.loads(index.read_text())
    data["pages"]["../../../victim.txt"] = ["0" * 32, 7, victim.stat().st_mtime_ns]
    index.write_text(json.dumps(data))
    shutil.rmtree(site / "output")
    assert build(site) == 0
    assert victim.read_text() == "keep me"


def test_without_hard_links_the_build_is_whole_and_stores_nothing(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: object, target: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    pages = build(site)
    clean = snapshot(site / "output")
    shutil.rmtree(site / "output")
    assert build(site) == pages
    assert snapshot(site / "output") == clean
