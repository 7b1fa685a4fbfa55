"""One name, two actors: a clash is reported against both files, as a warning while
nothing names it and as an error (with the place that names it) once something does."""

from __future__ import annotations

from tests.conftest import MakeSite, SiteRunner
from tests.helpers import Run, article

A = "content/articles/a.md"
OFFICE = "content/actors/office.md"
AIDE = "content/actors/aide.md"
ADVICE = "rename one, or merge the actors and delete the other file"
CONFIG = "title: Test dossier\nbase_url: https://example.org/\n"  # no feeds warning

NAME_AND_ALIAS: dict[str, str | bytes] = {
    OFFICE: "---\nname: press office\nkind: organization\n---\n",
    AIDE: "---\nname: Maria Aide\naliases: [Maria, Press Office]\n---\n",
}


def lines(run: Run) -> list[str]:
    return run.err.replace(f"{run.site}/", "").splitlines()


def warned(
    make_site: MakeSite, run_dossier: SiteRunner, files: dict[str, str | bytes]
) -> list[str]:
    built = make_site(files, config=CONFIG)
    assert built.code == 0, built.err
    checked = run_dossier(built.site, command="check")
    assert checked.code == 0, checked.err
    return lines(checked)


def failed(make_site: MakeSite, files: dict[str, str | bytes]) -> list[str]:
    run = make_site(files, config=CONFIG)
    assert run.code == 1, run.out
    return [line for line in lines(run) if not line.endswith("left as it was")]


def test_a_name_that_is_another_actors_alias_is_a_warning_on_both_files(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    files = {**NAME_AND_ALIAS, A: article(actors="[Maria Aide]")}
    assert warned(make_site, run_dossier, files) == [
        f'{AIDE}:3: warning: "Press Office", an alias here, is also the name of the actor in '
        f"{OFFICE}; {ADVICE}",
        f'{OFFICE}:2: warning: "press office", the name here, is also an alias of the actor in '
        f"{AIDE}; {ADVICE}",
    ]


def test_naming_it_in_an_article_is_an_error_on_both_files_and_at_the_article(
    make_site: MakeSite,
) -> None:
    files = {**NAME_AND_ALIAS, A: article(actors="[Press Office]")}
    assert failed(make_site, files) == [
        f'{AIDE}:3: "Press Office", an alias here, is also the name of the actor in {OFFICE}; '
        f"{ADVICE} ({A}:4 names it)",
        f'{OFFICE}:2: "press office", the name here, is also an alias of the actor in {AIDE}; '
        f"{ADVICE} ({A}:4 names it)",
        f'{A}:4: "Press Office" is ambiguous: it names the actors in {AIDE} and {OFFICE}; '
        "write a name only one of them goes by, or settle the clash in those files",
    ]


def test_two_files_with_one_name_are_a_clash_in_the_files(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    twins: dict[str, str | bytes] = {
        "content/actors/anna.md": "---\nname: Anna Berg\n---\n",
        "content/actors/anna-b.md": "---\nkind: person\nname: anna  berg\n---\n",
    }
    assert warned(make_site, run_dossier, twins) == [
        'content/actors/anna-b.md:3: warning: "anna  berg", the name here, is also the name '
        f"of the actor in content/actors/anna.md; {ADVICE}",
        'content/actors/anna.md:2: warning: "Anna Berg", the name here, is also the name of '
        f"the actor in content/actors/anna-b.md; {ADVICE}",
    ]
    used = failed(make_site, {A: article(actors="[Anna Berg]")})
    assert [line.split(": ")[0] for line in used] == [
        "content/actors/anna-b.md:3",
        "content/actors/anna.md:2",
        f"{A}:4",
    ]
    assert all(line.endswith(f"({A}:4 names it)") for line in used[:2])


def test_a_file_name_that_is_another_actors_name_is_a_clash(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    files: dict[str, str | bytes] = {
        "content/actors/kremlin.md": "---\nname: Moscow Kremlin\n---\n",
        "content/actors/presidency.md": "---\nname: Kremlin\n---\n",
    }
    assert warned(make_site, run_dossier, files) == [
        'content/actors/kremlin.md:2: warning: "kremlin", the file name here, is also the '
        f"name of the actor in content/actors/presidency.md; {ADVICE}",
        'content/actors/presidency.md:2: warning: "Kremlin", the name here, is also the file '
        f"name of the actor in content/actors/kremlin.md; {ADVICE}",
    ]


def test_every_way_of_naming_a_clash_is_an_error_where_it_is_named(
    make_site: MakeSite,
) -> None:
    claims = (
        "claims:\n  - by: PRESS OFFICE\n    about: Briefing\n    stance: asserts\n"
        "    text: It happened.\n"
    )
    files = {
        **NAME_AND_ALIAS,
        "content/events/briefing.md": "---\nname: Briefing\ndate: 2023-05-03\n---\n",
        "content/actors/third.md": "---\nname: Third\naffiliations: [press office]\n---\n",
        A: article(actors="[Maria Aide]").replace("---\n\n", claims + "---\n\n")
        + "\nSee [[Press Office]].\n",
    }
    errors = failed(make_site, files)
    ambiguous = f"is ambiguous: it names the actors in {AIDE} and {OFFICE}"
    assert [e.split(": ")[0] for e in errors if ambiguous in e] == [
        "content/actors/third.md:3",  # an affiliation
        f"{A}:7",  # the claim's "by"
        f"{A}:15",  # the wiki link
    ]
    assert any(e.startswith(f'{A}:7: claim: "PRESS OFFICE" {ambiguous}') for e in errors)
    assert any(e.startswith(f'{A}:15: wiki link: "Press Office" {ambiguous}') for e in errors)
    assert not any("links to nothing" in e for e in errors)
    on_files = [e for e in errors if e.startswith((OFFICE, AIDE))]
    assert len(on_files) == 2
    assert all(e.endswith("(content/actors/third.md:3 names it)") for e in on_files)


def test_two_events_with_one_name_clash_too(make_site: MakeSite, run_dossier: SiteRunner) -> None:
    files: dict[str, str | bytes] = {
        "content/events/summit.md": "---\nname: Summit\ndate: 2023-05-03\n---\n",
        "content/events/summit-2.md": "---\nname: SUMMIT\ndate: 2023-06-03\n---\n",
    }
    advice = "rename one, or merge the events and delete the other file"
    assert warned(make_site, run_dossier, files) == [
        'content/events/summit-2.md:2: warning: "SUMMIT", the name here, is also the name of '
        f"the event in content/events/summit.md; {advice}",
        'content/events/summit.md:2: warning: "Summit", the name here, is also the name of the '
        f"event in content/events/summit-2.md; {advice}",
    ]
    errors = failed(make_site, {A: article(events="[summit]")})
    assert len(errors) == 3
    assert errors[0].startswith(f'{A}:5: "summit" is ambiguous: it names the events in ')
    assert all(e.endswith(f"({A}:5 names it)") for e in errors[1:])


def test_a_clashing_name_in_prose_links_to_neither_and_is_no_error(make_site: MakeSite) -> None:
    body = "The Press Office said so, and Maria Aide agreed."
    run = make_site({**NAME_AND_ALIAS, A: article(body=body)}, config=CONFIG)
    assert run.code == 0, run.err
    links = run.page("articles/a.html").select(".body a")
    assert [(a.get_text(), a["href"]) for a in links] == [("Maria Aide", "../actors/aide.html")]


def test_a_name_known_only_from_articles_clashes_with_no_file(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    """An unknown name becomes an actor with a slug of its own; its slug may be another
    actor's name, which is no clash to report (there is no file to rename)."""
    files: dict[str, str | bytes] = {
        "content/actors/x.md": "---\nname: peskov-d\n---\n",
        A: article(actors="[Peskov D]"),
    }
    assert warned(make_site, run_dossier, files) == []
