"""`dossier watch`: a real watchdog observer on a real folder; one rebuild per save."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.cli.main import main
from generator.dev.devloop import DevLoop
from generator.dev.watch import Change, Watcher, classify
from tests.helpers import article, snapshot

ARTICLE = "content/articles/2023/may/strike-ends.md"
SETTLE = 0.6  # seconds with no further rebuild that prove a save caused exactly one


class Recorder:
    """Counts the changes a Watcher reports, and lets a test wait for them."""

    def __init__(self) -> None:
        self.changes: list[Change] = []
        self._event = threading.Condition()

    def __call__(self, change: Change) -> None:
        with self._event:
            self.changes.append(change)
            self._event.notify_all()

    def wait_for(self, count: int, timeout: float = 5.0) -> None:
        with self._event:
            assert self._event.wait_for(lambda: len(self.changes) >= count, timeout), (
                f"expected {count} rebuilds, saw {len(self.changes)}"
            )

    def settle(self) -> int:
        time.sleep(SETTLE)
        return len(self.changes)


@pytest.fixture
def site(small_site: Path) -> Path:
    return small_site


@pytest.fixture
def watching(site: Path) -> Iterator[Recorder]:
    recorder = Recorder()
    watcher = Watcher(site, recorder)
    watcher.start()
    time.sleep(0.2)  # inotify watches are in place
    yield recorder
    watcher.stop()


def vim_save(path: Path, text: str) -> None:
    """Vim's default: probe file `4913`, backup by rename, write anew, drop the backup."""
    probe = path.parent / "4913"
    probe.write_text("")
    probe.unlink()
    backup = path.with_name(path.name + "~")
    path.rename(backup)
    path.write_text(text, encoding="utf-8")
    backup.unlink()


def atomic_save(path: Path, text: str) -> None:
    """Most IDEs: write a hidden temp file beside the original and rename it over it."""
    temp = path.parent / f".{path.name}.tmp1234"
    temp.write_text(text, encoding="utf-8")
    temp.rename(path)


def chunked_save(path: Path, text: str) -> None:
    """A plain write that the OS reports as several modify events."""
    with path.open("w", encoding="utf-8") as handle:
        for start in range(0, len(text), 8):
            handle.write(text[start : start + 8])
            handle.flush()


SAVES: dict[str, Callable[[Path, str], None]] = {
    "vim": vim_save,
    "atomic-rename": atomic_save,
    "chunked": chunked_save,
}


@pytest.mark.parametrize("save", SAVES.values(), ids=SAVES.keys())
def test_one_rebuild_per_editor_save(
    site: Path, watching: Recorder, save: Callable[[Path, str], None]
) -> None:
    target = site / ARTICLE
    save(target, target.read_text(encoding="utf-8") + "\nOne more line.\n")
    watching.wait_for(1)
    assert watching.settle() == 1
    assert watching.changes[0].paths == {target.absolute()}


def test_litter_and_hidden_files_cause_no_rebuild(site: Path, watching: Recorder) -> None:
    folder = site / "content" / "articles"
    for name in (".strike.md.swp", "strike.md~", ".DS_Store", "4913", ".hidden.md", "#x.md#"):
        (folder / name).write_text("x")
        (folder / name).unlink()
    (site / "output").mkdir()
    (site / "output" / "page.html").write_text("x")
    (site / ".cache").mkdir()
    (site / ".cache" / "file").write_text("x")
    assert watching.settle() == 0


def test_classify_marks_what_needs_more_than_content(site: Path) -> None:
    root = site.absolute()
    content = classify(root, [root / ARTICLE])
    assert content is not None and not content.full
    for other in ("site.yaml", "templates/base.html", "static/x.css"):
        change = classify(root, [root / ARTICLE, root / other])
        assert change is not None and change.full, other
    assert classify(root, [root / "output/index.html", root / "notes.txt"]) is None


@pytest.fixture
def loop(site: Path) -> Iterator[DevLoop]:
    dev = DevLoop(site, site / "output")
    assert dev.rebuild() is not None
    watcher = dev.watch()
    time.sleep(0.2)
    yield dev
    watcher.stop()


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_deleted_article_disappears_from_output_and_lists(site: Path, loop: DevLoop) -> None:
    (site / ARTICLE).unlink()
    page = site / "output/articles/strike-ends.html"
    wait_until(lambda: not page.exists())
    time.sleep(SETTLE)
    for path in (site / "output").rglob("*.html"):
        assert "strike-ends.html" not in path.read_text(encoding="utf-8"), path
    assert loop.rebuilds == 2


def test_renamed_article_moves_its_page(site: Path, loop: DevLoop) -> None:
    (site / ARTICLE).rename(site / "content/articles/2023/may/strike-over.md")
    old, new = site / "output/articles/strike-ends.html", site / "output/articles/strike-over.html"
    wait_until(lambda: new.exists() and not old.exists())
    index = (site / "output/timeline.html").read_text(encoding="utf-8")
    assert "strike-over.html" in index and "strike-ends.html" not in index


def test_new_folder_of_articles_is_picked_up(site: Path, loop: DevLoop, tmp_path: Path) -> None:
    outside = tmp_path / "batch"
    outside.mkdir()
    (outside / "late-news.md").write_text(article(title="Late news"), encoding="utf-8")
    outside.rename(site / "content/articles/batch")  # one event for the folder, none per file
    page = site / "output/articles/late-news.html"
    wait_until(page.exists)
    time.sleep(SETTLE)
    assert loop.rebuilds == 2  # the folder's arrival was one change
    assert loop.live.errors == []
    assert "Late news" in (site / "output/timeline.html").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".cache"))
    assert main(["build", str(fresh), "-q"]) == 0
    assert snapshot(site / "output") == snapshot(fresh / "output")


def test_broken_save_keeps_last_good_output_and_next_save_recovers(
    site: Path, loop: DevLoop
) -> None:
    page = site / "output/articles/strike-ends.html"
    good = page.read_bytes()
    text = (site / ARTICLE).read_text(encoding="utf-8")
    (site / ARTICLE).write_text(text.replace("2023-05-03", "2023-02-30"), encoding="utf-8")
    wait_until(lambda: loop.live.generation == 2)
    assert loop.live.errors and "is not a valid date" in loop.live.errors[0]
    assert page.read_bytes() == good
    (site / ARTICLE).write_text(text.replace("The strike ended.", "It ended."), encoding="utf-8")
    wait_until(lambda: loop.live.generation == 3)
    assert loop.live.errors == []
    assert "It ended." in page.read_text(encoding="utf-8")


def test_watched_edits_give_the_same_bytes_as_a_clean_build(
    site: Path, loop: DevLoop, tmp_path: Path
) -> None:
    source = site / ARTICLE
    text = source.read_text(encoding="utf-8")
    edits = [
        text + "\nA second paragraph, prose only.\n",  # the quick path: one page
        text.replace("The strike ended.", "The strike ended at noon."),  # summary: full pass
        text.replace("[Ben South,", "[Ben South, Harbour Ministry,"),  # front matter
    ]
    for number, new_text in enumerate(edits, start=2):
        source.write_text(new_text, encoding="utf-8")
        wait_until(lambda n=number: loop.live.generation >= n)  # type: ignore[misc]
        fresh = tmp_path / f"fresh{number}"
        shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".cache"))
        assert main(["build", str(fresh), "-q"]) == 0
        assert snapshot(site / "output") == snapshot(fresh / "output"), new_text
    assert "actors/harbour-ministry.html" in loop.live.changed


def test_the_parse_cache_is_written_after_the_first_build_and_when_watching_stops(
    site: Path,
) -> None:
    dev = DevLoop(site, site / "output")
    dev.rebuild()
    cache = site / ".cache/dossier"
    assert not list(cache.glob("shard-*.dat"))  # not during a build under the watcher
    watcher = dev.watch()
    written = {p: p.stat().st_mtime_ns for p in cache.glob("shard-*.dat")}
    assert written  # the first build's documents, for the next process
    time.sleep(0.2)
    source = site / ARTICLE
    source.write_text(source.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    wait_until(lambda: dev.live.generation == 2)
    assert {p: p.stat().st_mtime_ns for p in cache.glob("shard-*.dat")} == written
    dev.stop(watcher)
    after = {p: p.stat().st_mtime_ns for p in cache.glob("shard-*.dat")}
    assert after.keys() == written.keys() and after != written  # the edit's shard, at the end
