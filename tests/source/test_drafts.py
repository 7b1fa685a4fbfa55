"""Drafts: left out of a build and said so; their mistakes wait until they are published."""

from __future__ import annotations

from pathlib import Path

from generator.cli.main import main
from tests.conftest import MakeSite, SiteRunner
from tests.helpers import article, snapshot

CLEAN = "title: T\nbase_url: https://example.org/\n"
DRAFT = "---\ntitle: Not yet\ndate: 2023-02-30\ndraft: true\n---\nSoon.\n"  # a day that is not


def test_a_build_says_how_many_drafts_it_left_out(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/articles/a.md": article(title="A"),
            "content/articles/b.md": article(title="B").replace("---\n\n", "draft: true\n---\n\n"),
        },
        config=CLEAN,
    )
    assert run.code == 0, run.err
    assert run.out.startswith("built 1 article")  # the one that is not a draft
    assert run.out.rstrip().endswith("; 1 draft left out (--drafts builds it)")
    assert not (run.output / "articles/b.html").exists()


def test_an_error_in_a_draft_is_a_warning_until_it_is_built(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    run = make_site(
        {"content/articles/a.md": article(), "content/articles/soon.md": DRAFT}, config=CLEAN
    )
    assert run.code == 0, run.err
    assert run.out.rstrip().endswith(
        "1 draft left out (--drafts builds it); 1 warning (dossier check lists it)"
    )
    published = snapshot(run.output)
    check = run_dossier(run.site, command="check")
    soon = run.site / "content/articles/soon.md"
    assert (
        f'{soon}:3: warning: "date: 2023-02-30" is not a valid date (day is out of range for '
        "month); use YYYY-MM-DD (in a draft: an error once it is published)"
    ) in check.err.splitlines()
    for flags in (["--drafts"], ["--strict"]):
        failed = run_dossier(run.site, *flags)
        assert failed.code == 1, flags
        assert f"{soon}:3: " in failed.err
        assert snapshot(run.output) == published  # output/ as the last good build left it


def test_imported_stories_are_drafts_unless_published(
    tmp_path: Path, run_dossier: SiteRunner
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.yaml").write_text(CLEAN, encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("date 2024-03-05 Strike ends\n\nThe strike ended.\n", encoding="utf-8")
    assert main(["import", str(story), "--site", str(site)]) == 0
    [written] = (site / "content/articles").rglob("*.md")
    assert "\ndraft: true\n" in written.read_text(encoding="utf-8")
    built = run_dossier(site)
    assert built.code == 0 and "1 draft left out" in built.out
    other = tmp_path / "other"
    other.mkdir()
    (other / "site.yaml").write_text(CLEAN, encoding="utf-8")
    assert main(["import", str(story), "--site", str(other), "--publish"]) == 0
    [published] = (other / "content/articles").rglob("*.md")
    assert "draft" not in published.read_text(encoding="utf-8")
