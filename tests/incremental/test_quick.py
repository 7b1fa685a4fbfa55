"""The command line's prose-only rebuild (`generator.incremental.quick`): taken only when
no other page can change, and then the same bytes as a clean build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import PROSE_FROM_CACHE, Builder, BuildResult
from generator.cli.main import main
from generator.incremental.quick import shows_body_once
from generator.pages.render import make_env
from tests.helpers import build_anew, snapshot, write_files
from tests.incremental.test_incremental import clean_build, edit

STORY = "content/articles/2022/first-warning.md"


@pytest.fixture
def site(small_built: Path) -> Path:
    return small_built


build = build_anew  # as `dossier build` does: a new Builder each time, as in a new process


def quick(result: BuildResult) -> bool:
    return result.note == PROSE_FROM_CACHE


def test_a_prose_edit_is_spliced_into_its_page_and_equals_a_clean_build(
    site: Path, tmp_path: Path
) -> None:
    for number in range(3):  # again and again: each quick pass leaves what the next needs
        edit(STORY, "A second", f"A second{number}")(site)
        result = build(site)
        assert quick(result)
        assert result.written == ["articles/first-warning.html"]
        assert snapshot(site / "output") == clean_build(site, tmp_path)
    assert build(site).written == []  # then nothing changed
    shutil.rmtree(site / "output")  # and the page store still serves a whole site
    build(site)
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_the_command_says_what_it_did(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(STORY, "A second", "A changed second")(site)
    capsys.readouterr()
    assert main(["build", str(site)]) == 0
    line = capsys.readouterr().out
    assert line.startswith("built 3 articles, 4 actors, 2 events: 1 files written in ")
    assert f"({PROSE_FROM_CACHE})" in line


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("title: First warning", "title: First warning, again"),  # front matter
        ("A second paragraph.", "A second paragraph on Ben South."),  # who the prose names
        ("The minister warned", "The minister cried"),  # the first paragraph: the summary
    ],
)
def test_anything_but_prose_takes_the_full_pass(
    site: Path, tmp_path: Path, old: str, new: str
) -> None:
    edit(STORY, old, new)(site)
    result = build(site)
    assert not quick(result)
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_a_new_file_takes_the_full_pass(site: Path, tmp_path: Path) -> None:
    edit(STORY, "A second", "A changed second")(site)
    write_files(
        site, {"content/articles/2024/new.md": "---\ntitle: New\ndate: 2024-01-01\n---\nHi.\n"}
    )
    assert not quick(build(site))
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_a_template_that_uses_the_body_otherwise_takes_the_full_pass(
    site: Path, tmp_path: Path
) -> None:
    words = "{% block description %}{{ article.body_html | wordcount }} words{% endblock %}"
    write_files(site, {"templates/article.html": '{% extends "theme/article.html" %}' + words})
    build(site)
    edit(STORY, "A second", "A second and a third and a fourth")(site)
    assert not quick(build(site))
    assert snapshot(site / "output") == clean_build(site, tmp_path)


@pytest.mark.parametrize(
    ("template", "once"),
    [
        ('{% extends "theme/article.html" %}', True),
        ("{{ article.body_html | safe }}", True),
        ("{{ article.body_html | safe }}{{ article.body_html | safe }}", False),
        ("{{ article.body_html }}", False),  # escaped: not the body as it is
        ("{{ article['body_html'] | safe }}", False),
        ("{{ article | attr('body_html') | safe }}", False),
        ("{{ article.body_html | safe | upper }}", False),
        ("{% include name %}{{ article.body_html | safe }}", False),  # chosen at render time
        ("no body at all", False),
    ],
)
def test_shows_body_once(tmp_path: Path, template: str, once: bool) -> None:
    write_files(tmp_path, {"article.html": template})
    assert shows_body_once(make_env(tmp_path), "article.html") is once


def test_a_check_between_builds_does_not_hide_an_edit(site: Path, tmp_path: Path) -> None:
    """`dossier check` refreshes the cache but not output/: the build after it must still
    rebuild every page whose story changed since output/ was built."""
    edit(STORY, "A second", "A checked second")(site)
    assert Builder(site, None).build().errors == []  # dossier check
    edit("content/articles/2023/may/strike-ends.md", "ended.", "ended.\n\nLater news.")(site)
    build(site)
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_a_page_changed_by_hand_takes_the_full_pass(site: Path, tmp_path: Path) -> None:
    page = site / "output/articles/first-warning.html"
    page.write_text(page.read_text().replace("A second", "Hand-made"))
    edit(STORY, "A second", "A changed second")(site)
    assert not quick(build(site))
    assert snapshot(site / "output") == clean_build(site, tmp_path)


def test_with_feeds_and_a_sitemap_the_quick_pass_still_equals_a_clean_build(
    site: Path, tmp_path: Path
) -> None:
    config = site / "site.yaml"
    config.write_text(config.read_text() + "base_url: https://example.org/dossier/\n")
    build(site)
    assert (site / "output/feed.xml").is_file()
    edit(STORY, "A second", "A fed second")(site)
    assert quick(build(site))
    assert snapshot(site / "output") == clean_build(site, tmp_path)
