"""Incremental builds equal a clean full build, and touch only what changed."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import PROSE_AFTER_PARSE, PROSE_WATCHING, Builder
from generator.cli.main import main
from generator.write.output import MARKER
from tests.helpers import article, snapshot, write_files

Edit = Callable[[Path], None]


def build(site: Path, out: Path | None = None) -> None:
    args = ["build", str(site), "-q"]
    if out is not None:
        args += ["--output", str(out)]
    assert main(args) == 0


def mtimes(out: Path) -> dict[str, int]:
    return {
        p.relative_to(out).as_posix(): p.stat().st_mtime_ns
        for p in out.rglob("*")
        if p.is_file() and p.name != MARKER
    }


def clean_build(site: Path, tmp: Path) -> dict[str, bytes]:
    """Copy the site without its cache or output, and build it from nothing."""
    fresh = tmp / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".cache"))
    build(fresh)
    return snapshot(fresh / "output")


@pytest.fixture
def site(small_built: Path) -> Path:
    return small_built


def edit(path: str, old: str, new: str) -> Edit:
    def apply(site: Path) -> None:
        target = site / path
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        then = target.stat().st_mtime_ns
        target.write_text(text.replace(old, new), encoding="utf-8")
        later(target, then)

    return apply


def later(path: Path, then: int) -> None:
    """A file's mtime past `then`, as a save a moment later gives it: on a busy machine
    the file system's clock can give an edit of the same size the same mtime."""
    if path.stat().st_mtime_ns <= then:
        os.utime(path, ns=(then + 1_000_000_000, then + 1_000_000_000))


def add(path: str, text: str) -> Edit:
    return lambda site: write_files(site, {path: text})


def rename(old: str, new: str) -> Edit:
    return lambda site: (site / old).rename(site / new)


def delete(path: str) -> Edit:
    return lambda site: (site / path).unlink()


EDITS: list[tuple[str, Edit]] = [
    (
        "add an article",
        add(
            "content/articles/2023/may/new-talks.md",
            article(
                title="New talks",
                date="2023-05-05",
                actors="[South, Port Authority]",
                events="[Harbour strike]",
            ),
        ),
    ),
    ("edit a body", edit("content/articles/2023/may/strike-ends.md", "The strike", "Talks")),
    (
        "change the actors",
        edit("content/articles/2022/first-warning.md", "[Ada North, Ministry]", "[Ben South]"),
    ),
    ("rename an article", rename("content/articles/2023/may/strike-ends.md", "content/ends.md")),
    ("rename it back", rename("content/ends.md", "content/articles/2023/may/strike-ends.md")),
    ("rename an actor file", rename("content/actors/ben-south.md", "content/actors/b-south.md")),
    ("delete an article", delete("content/articles/2023/may/strike-begins.md")),
    ("edit an actor", edit("content/actors/ada-north.md", "Minister of Harbours", "Premier")),
    (
        "edit an event's parent",
        edit("content/events/harbour-strike.md", "parent: Harbour crisis", ""),
    ),
    ("add a template", add("templates/article.html", '{% extends "theme/article.html" %}')),
    (
        "edit the template",
        edit("templates/article.html", "%}", "%}{% block title %}X{% endblock %}"),
    ),
    ("edit site.yaml", edit("site.yaml", "Small test dossier", "Renamed dossier")),
    ("add a static file", add("static/robots.txt", "User-agent: *\n")),
    ("delete the template", delete("templates/article.html")),
]


def test_incremental_equals_clean_full_build_after_each_edit(site: Path, tmp_path: Path) -> None:
    for name, apply in EDITS:
        apply(site)
        build(site)
        assert snapshot(site / "output") == clean_build(site, tmp_path), name


def test_body_edit_rewrites_only_that_page(site: Path) -> None:
    before = mtimes(site / "output")
    edit("content/articles/2022/first-warning.md", "A second paragraph.", "Changed.")(site)
    build(site)
    after = mtimes(site / "output")
    assert {p for p in after if after[p] != before[p]} == {"articles/first-warning.html"}


def test_summary_edit_rewrites_the_pages_that_show_it(site: Path) -> None:
    before = mtimes(site / "output")
    edit("content/articles/2022/first-warning.md", "warned of trouble", "warned of a storm")(site)
    build(site)
    after = mtimes(site / "output")
    assert {p for p in after if after[p] != before[p]} == {
        "articles/first-warning.html",
        "index.html",  # the home page shows the summary
        "data/entities.ftm.json",  # the open data: the story's Article entity,
        "data/timelines/harbour-crisis.json",  # and its slide in its event's timeline
        "search/a-0.js",  # and so does the search index: the story's entry,
        "search/w-73-74.js",  # the file of words starting "st" ("storm"),
        "search-index.js",  # and the list of such files, since
    }
    assert "search/w-74-72.js" in before and "search/w-74-72.js" not in after  # "trouble" left


def test_actor_change_rewrites_old_and_new_actors(site: Path) -> None:
    before = mtimes(site / "output")
    edit("content/articles/2022/first-warning.md", "[Ada North, Ministry]", "[Ada North, South]")(
        site
    )
    build(site)
    changed = {p for p, t in mtimes(site / "output").items() if before.get(p) != t}
    assert {"actors/harbour-ministry.html", "actors/ben-south.html"} <= changed
    assert "events/harbour-strike.html" not in changed


def test_deleted_article_disappears_everywhere(site: Path) -> None:
    delete("content/articles/2023/may/strike-ends.md")(site)
    build(site)
    out = site / "output"
    assert not (out / "articles/strike-ends.html").exists()
    for path in out.rglob("*.html"):
        assert "strike-ends.html" not in path.read_text(encoding="utf-8"), path


def test_corrupt_cache_and_manifest_fall_back_to_a_full_build(site: Path, tmp_path: Path) -> None:
    shards = sorted((site / ".cache/dossier").glob("shard-*.dat"))
    assert shards
    for shard in shards:
        shard.write_text('{"key": "x", "files": [', encoding="utf-8")
    edit("content/articles/2022/first-warning.md", "A second", "Another")(site)
    build(site)
    assert snapshot(site / "output") == clean_build(site, tmp_path)
    (site / "output" / MARKER).write_text("not json", encoding="utf-8")
    build(site)
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_a_cache_from_another_generator_version_is_not_used(site: Path, tmp_path: Path) -> None:
    shards = sorted((site / ".cache/dossier").glob("shard-*.dat"))
    assert shards
    for shard in shards:
        head, tail = shard.read_bytes().split(b"\n", 1)
        data = json.loads(head)
        for entry in data["files"]:
            entry[3][2] = "Poisoned title"  # what a stale cache would wrongly give
        data["key"] = "dossier 0.0.0 format 0"
        shard.write_bytes(json.dumps(data).encode() + b"\n" + tail)
    manifest = json.loads((site / "output" / MARKER).read_text(encoding="utf-8"))
    manifest["key"] = "an older generator"
    (site / "output" / MARKER).write_text(json.dumps(manifest), encoding="utf-8")
    build(site)
    assert "Poisoned" not in (site / "output/articles/first-warning.html").read_text()
    assert "Poisoned" not in (site / "output/index.html").read_text()


def test_a_page_deleted_by_hand_is_written_again(site: Path) -> None:
    page = site / "output/actors/ada-north.html"
    before = page.read_bytes()
    page.unlink()
    build(site)
    assert page.read_bytes() == before


def test_template_error_in_a_rebuild_leaves_output_untouched(site: Path) -> None:
    before = snapshot(site / "output")
    stamps = mtimes(site / "output")
    write_files(site, {"templates/actor.html": "{% if %}"})
    assert main(["build", str(site), "-q"]) == 1
    assert snapshot(site / "output") == before
    assert mtimes(site / "output") == stamps


def test_a_build_with_nothing_changed_does_nothing(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = mtimes(site / "output")
    capsys.readouterr()
    assert main(["build", str(site)]) == 0
    line = capsys.readouterr().out
    assert line.startswith("built 3 articles, 4 actors, 2 events: 0 files written in ")
    assert "(nothing changed)" in line
    assert mtimes(site / "output") == before


def test_touching_a_source_is_looked_at_but_rewrites_nothing(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = mtimes(site / "output")
    ada = site / "content/actors/ada-north.md"
    later(ada, ada.stat().st_mtime_ns)
    capsys.readouterr()
    assert main(["build", str(site)]) == 0
    line = capsys.readouterr().out
    assert "0 files written" in line and "(nothing changed)" not in line
    assert mtimes(site / "output") == before


def test_prose_only_edits_render_two_pages_and_equal_a_clean_build(
    site: Path, tmp_path: Path
) -> None:
    for number in range(2):
        edit("content/articles/2022/first-warning.md", "A second", f"A second{number}")(site)
        edit("content/articles/2023/may/strike-ends.md", "ended.", f"ended.\n\nMore {number}.")(
            site
        )
        builder = Builder(site, site / "output")
        result = builder.build()
        assert sorted(result.written) == [
            "articles/first-warning.html",
            "articles/strike-ends.html",
        ]
        assert result.rendered == 2  # only the two pages, not the site
        assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_a_builder_kept_between_builds_renders_prose_edits_from_the_site_it_read(
    site: Path, tmp_path: Path
) -> None:
    builder = Builder(site, site / "output", skip_if_unchanged=False)  # as a watcher makes it
    assert builder.build().note == ""  # the full pass
    edit("content/articles/2022/first-warning.md", "A second", "A second, longer")(site)
    edit("content/articles/2023/may/strike-ends.md", "ended.", "ended.\n\nMore.")(site)
    result = builder.build()  # no list of changes: every file is looked at
    assert result.note == PROSE_AFTER_PARSE
    assert sorted(result.written) == ["articles/first-warning.html", "articles/strike-ends.html"]
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_one_story_saved_under_a_watcher_is_rebuilt_from_the_last_build(
    site: Path, tmp_path: Path
) -> None:
    builder = Builder(site, site / "output", skip_if_unchanged=False, save_cache=False)
    builder.build()
    story = site / "content/articles/2023/may/strike-ends.md"
    for number in range(2):  # the second save starts from the first one's result
        edit("content/articles/2023/may/strike-ends.md", "ended.", f"ended.\n\nMore {number}.")(
            site
        )
        result = builder.build([story])
        assert (result.note, result.written) == (PROSE_WATCHING, ["articles/strike-ends.html"])
        assert snapshot(site / "output") == clean_build(site, tmp_path)
    summary = story.read_text(encoding="utf-8").replace("The strike ended", "It ended")
    story.write_text(summary, encoding="utf-8")  # other pages show the summary: the full pass
    result = builder.build([story])
    assert result.note == "" and len(result.written) > 1
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_check_after_a_prose_edit_checks_everything(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit("content/articles/2022/first-warning.md", "A second", "A changed second")(site)
    capsys.readouterr()
    assert main(["check", str(site)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok: 3 articles, 4 actors, 2 events"
