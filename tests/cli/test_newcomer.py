"""What a newcomer meets first: no site.yaml, `help`, `-V`, `new --kind/--date`, the
British `organisation`, `build --base-url`, counts in the singular."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.authoring.scaffold import guess_kind
from generator.cli.main import main
from tests.conftest import MakeSite, SiteRunner
from tests.helpers import article, first, texts, write_files


@pytest.mark.parametrize(
    "argv",
    [
        ["build", "{site}"],
        ["check", "{site}"],
        ["watch", "{site}"],
        ["serve", "{site}", "--port", "0"],
        ["new", "article", "A story", "{site}"],
        ["new", "actor", "Ada North", "{site}"],
        ["import", "{stories}", "--site", "{site}"],
    ],
)
def test_every_command_but_init_needs_a_site_yaml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    site, stories = tmp_path / "empty", tmp_path / "stories"
    site.mkdir()
    write_files(stories, {"a.txt": "date 2023-05-03 A story\n\nText.\n"})
    code = main([word.format(site=site, stories=stories) for word in argv])
    assert code == 2
    err = capsys.readouterr().err
    assert (
        err == f"dossier: no site.yaml in {site}; run `dossier init {site}` to start a site there\n"
    )
    assert list(site.iterdir()) == []  # `new` used to write content/ here


def test_no_site_yaml_in_the_current_folder_or_no_folder_at_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["build"]) == 2
    assert capsys.readouterr().err == (
        "dossier: no site.yaml in this folder; run `dossier init` to start a site here\n"
    )
    assert main(["check", "nowhere"]) == 2
    assert capsys.readouterr().err == (
        "dossier: nowhere: no such folder; run `dossier init nowhere` to start a site there\n"
    )


@pytest.mark.parametrize("command", ["build", "new", "init", "import"])
def test_help_command_prints_what_dash_h_prints(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert main(["help", command]) == 0
    via_help = capsys.readouterr().out
    assert main([command, "-h"]) == 0
    assert capsys.readouterr().out == via_help
    assert via_help.startswith(f"usage: dossier {command} ")


def test_help_alone_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["help"]) == 0
    text = capsys.readouterr().out
    assert main(["-h"]) == 0
    assert capsys.readouterr().out == text
    assert "init" in text and "help" in text
    assert main(["-V"]) == 0
    short = capsys.readouterr().out
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == short
    assert short.startswith("dossier ")
    assert main(["help", "nope"]) == 2
    assert "invalid choice: 'nope'" in capsys.readouterr().err


def test_import_into_a_folder_that_is_a_site_asks_for_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write_files(
        tmp_path,
        {"stories/a.txt": "date 2023-05-03 A story\n\nText.\n", "mysite/site.yaml": "title: T\n"},
    )
    monkeypatch.chdir(tmp_path)
    assert main(["import", "stories", "mysite"]) == 2
    assert capsys.readouterr().err == (
        "dossier: mysite is a site (it has a site.yaml), not stories to import; "
        "did you mean `--site mysite`?\n"
    )
    assert not (tmp_path / "mysite/content").exists()
    assert main(["import", "stories", "--site", "mysite"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "imported 1 of 1 story; 0 already there; 0 with errors"
    )


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Bank of England", "organization"),
        ("Ministry of Defence", "organization"),
        ("Acme Ltd.", "organization"),
        ("International Criminal Court", "organization"),
        ("Dock Workers Union", "organization"),
        ("Labour Party", "organization"),
        ("Ada North", "person"),
        ("Дмитрий Песков", "person"),
        ("Bankside Smith", "person"),  # a word that starts like one is not one
    ],
)
def test_new_actor_guesses_organisations_by_their_words(name: str, kind: str) -> None:
    assert guess_kind(name) == kind


def test_new_actor_kind_and_new_date(
    tmp_path: Path, run_dossier: SiteRunner, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {"site.yaml": "title: T\n"})
    site = str(tmp_path)
    assert main(["new", "actor", "Harbour Ministry", site]) == 0
    assert main(["new", "actor", "Court Jester", site, "--kind", "person"]) == 0
    assert main(["new", "actor", "The Ring", site, "--kind", "organisation"]) == 0
    assert main(["new", "event", "Harbour strike", site, "--date", "2023-05-02"]) == 0
    assert main(["new", "article", "Strike ends", site, "--date", "2023-05-03"]) == 0
    capsys.readouterr()
    kinds = {
        name: (tmp_path / f"content/actors/{name}.md").read_text("utf-8").splitlines()[3]
        for name in ("harbour-ministry", "court-jester", "the-ring")
    }
    assert kinds == {
        "harbour-ministry": "kind: organization",
        "court-jester": "kind: person",
        "the-ring": "kind: organization",
    }
    event = (tmp_path / "content/events/harbour-strike.md").read_text("utf-8")
    assert "\ndate: 2023-05-02\n" in event
    story = tmp_path / "content/articles/2023/2023-05-03-strike-ends.md"
    assert "\ndate: 2023-05-03\n" in story.read_text("utf-8")
    run = run_dossier(tmp_path, "--drafts")
    assert run.code == 0, run.err
    assert first(run.page("actors/the-ring.html"), ".kicker").get_text(strip=True) == "Organisation"


def test_new_today_by_default_and_a_bad_date_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_files(tmp_path, {"site.yaml": "title: T\n"})
    assert main(["new", "event", "Launch", str(tmp_path)]) == 0
    assert f"\ndate: {dt.date.today().isoformat()}\n" in (
        (tmp_path / "content/events/launch.md").read_text("utf-8")
    )
    for bad in ("2023-13-01", "3 May 2023", "2023-05"):
        assert main(["new", "article", "X", str(tmp_path), "--date", bad]) == 2
        assert capsys.readouterr().err.endswith(
            f"argument --date: expected a date as YYYY-MM-DD, like 2023-05-04, not '{bad}'\n"
        )
    assert main(["new", "actor", "X", str(tmp_path), "--kind", "company"]) == 2
    assert "invalid choice: 'company'" in capsys.readouterr().err


def test_kind_organisation_is_an_organization(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/actors/port.md": "---\nname: Port Authority\nkind: Organisation\n---\n",
            "content/articles/a.md": article(actors="[Port Authority]"),
        }
    )
    assert run.code == 0, run.err
    page = run.page("actors/port.html")
    assert first(page, ".kicker").get_text(strip=True) == "Organisation"
    assert texts(run.page("actors.html"), ".az > h2") == ["Organisations"]


def test_base_url_option_is_used_by_the_feeds_for_one_build(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    config = "title: T\nbase_url: https://example.org/live/\n"
    run = make_site({"content/articles/a.md": article()}, config=config)
    assert run.code == 0, run.err
    feed = run.output / "feed.xml"
    assert "https://example.org/live/articles/a.html" in feed.read_text("utf-8")
    preview = run_dossier(run.site, "--base-url", "https://preview.example.net/pr-7")
    assert preview.code == 0, preview.err
    assert "nothing changed" not in preview.out  # another base_url: another site
    text = feed.read_text("utf-8")
    assert "https://preview.example.net/pr-7/articles/a.html" in text
    assert "example.org/live" not in text
    sitemap = (run.output / "sitemap.xml").read_text("utf-8")
    assert "https://preview.example.net/pr-7/index.html" in sitemap
    back = run_dossier(run.site)
    assert back.code == 0 and "https://example.org/live/" in feed.read_text("utf-8")


def test_base_url_option_makes_feeds_without_one_in_site_yaml(
    make_site: MakeSite, run_dossier: SiteRunner, capsys: pytest.CaptureFixture[str]
) -> None:
    run = make_site({"content/articles/a.md": article()}, "--strict")
    assert run.code == 1  # no base_url: a warning, an error under --strict
    fixed = run_dossier(run.site, "--strict", "--base-url", "https://example.org/x")
    assert fixed.code == 0, fixed.err
    assert (fixed.output / "feed.xml").is_file()
    assert main(["build", str(run.site), "--base-url", "javascript:alert(1)"]) == 2
    assert capsys.readouterr().err.endswith(
        "argument --base-url: base_url must start with http:// or https://, "
        "not 'javascript:alert(1)'\n"
    )


def test_counts_are_singular_where_they_are_one(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    files = {
        "content/actors/ada.md": "---\nname: Ada North\n---\n",
        "content/events/strike.md": "---\nname: Strike\ndate: 2023-05-02\n---\n",
        "content/articles/a.md": article(actors="[Ada North]", events="[Strike]"),
    }
    run = make_site(files)
    assert run.out.startswith("built 1 article, 1 actor, 1 event: ")
    assert run.out.rstrip().endswith(" s; 1 warning (dossier check lists it)")
    checked = run_dossier(run.site, command="check")
    assert checked.out.splitlines()[-1] == "ok: 1 article, 1 actor, 1 event"
    write_files(run.site, {"content/articles/b.md": "---\ntitle: t\n---\n"})
    broken = run_dossier(run.site)
    assert broken.err.splitlines()[-1].startswith("1 error: build failed")
