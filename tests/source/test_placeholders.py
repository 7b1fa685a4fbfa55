"""The text `new` and `import` write for a person to replace is never published."""

from __future__ import annotations

from pathlib import Path

from generator.cli.main import main
from tests.conftest import SiteRunner
from tests.helpers import article, parse_html, write_files

CLEAN = "title: T\nbase_url: https://example.org/\n"  # no warning of its own


def test_a_new_actor_and_event_publish_no_placeholder_and_check_lists_them(
    tmp_path: Path, run_dossier: SiteRunner
) -> None:
    site = tmp_path / "site"
    write_files(site, {"site.yaml": CLEAN})
    assert main(["new", "actor", "Marta Vidal", str(site)]) == 0
    assert main(["new", "event", "Port strike", str(site)]) == 0
    write_files(
        site, {"content/articles/a.md": article(actors="[Marta Vidal]", events="[Port strike]")}
    )
    built = run_dossier(site)
    assert built.code == 0, built.err
    for page in ("actors/marta-vidal.html", "events/port-strike.html"):
        html = (site / "output" / page).read_text(encoding="utf-8")
        assert "in a few sentences" not in html, page
        assert parse_html(site / "output" / page).select("section.bio, section.prose") == []
    check = run_dossier(site, command="check")
    assert check.code == 0
    warned = sorted(line for line in check.err.splitlines() if ": warning: " in line)
    assert warned == [
        f"{site / 'content/actors/marta-vidal.md'}:9: warning: still holds the text that dossier "
        "new or import wrote in place of the description; it is not published: write the "
        "text, or delete that line",
        f"{site / 'content/events/port-strike.md'}:7: warning: still holds the text that dossier "
        "new or import wrote in place of the description; it is not published: write the "
        "text, or delete that line",
    ]
    assert run_dossier(site, "--strict", command="check").code == 1
    # written over, the text is published and the warning goes
    actor = site / "content/actors/marta-vidal.md"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace(
            "Who they are, in a few sentences.", "A unionist."
        ),
        encoding="utf-8",
    )
    again = run_dossier(site)
    assert (
        again.code == 0 and "A unionist." in (site / "output/actors/marta-vidal.html").read_text()
    )
    assert "2 warnings" not in again.out


def test_an_imported_actor_publishes_no_proposal_note(
    tmp_path: Path, run_dossier: SiteRunner
) -> None:
    site = tmp_path / "site"
    write_files(site, {"site.yaml": CLEAN})
    story = tmp_path / "story.txt"
    story.write_text(
        "date 2024-03-05 Strike ends\n\nUnion leader Marta Vidal said the strike was over.\n",
        encoding="utf-8",
    )
    assert main(["import", str(story), "--site", str(site), "--create-actors", "--publish"]) == 0
    built = run_dossier(site)
    assert built.code == 0, built.err
    html = (site / "output/actors/marta-vidal.html").read_text(encoding="utf-8")
    assert "Proposed by" not in html
    check = run_dossier(site, command="check")
    assert f"{site / 'content/actors/marta-vidal.md'}:" in check.err
    assert "still holds the text that dossier new or import wrote" in check.err


def test_a_draft_may_hold_the_placeholder_without_a_warning(
    tmp_path: Path, run_dossier: SiteRunner
) -> None:
    site = tmp_path / "site"
    write_files(site, {"site.yaml": CLEAN})
    assert main(["new", "article", "Work in progress", str(site)]) == 0
    check = run_dossier(site, command="check")
    assert check.code == 0 and "warning" not in check.err
