"""One mistake is one error: a file with mistakes still counts for the rest of the site."""

from __future__ import annotations

from tests.conftest import MakeSite, SiteRunner
from tests.helpers import article

BAD_DATE = "---\ntitle: Strike ends\ndate: 2023-02-30\n---\nThe strike ended.\n"


def test_links_to_a_story_with_a_bad_date_are_not_errors_too(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    run = make_site(
        {
            "content/articles/ends.md": BAD_DATE,
            "content/articles/other.md": article(body="See [[Strike ends]]."),
        }
    )
    assert run.code == 1
    ends = run.site / "content/articles/ends.md"
    assert run.error_lines == [
        f'{ends}:3: "date: 2023-02-30" is not a valid date (day is out of range for month); '
        "use YYYY-MM-DD"
    ]
    again = run_dossier(run.site)  # the damaged file is never kept: the error is told again
    assert again.code == 1 and again.error_lines == run.error_lines


def test_every_mistake_of_a_claim_comes_in_one_run(make_site: MakeSite) -> None:
    claim = "claims:\n  - {by: Nobody Known, about: Strike, stance: shrugs, text: It was fine.}\n"
    run = make_site(
        {
            "content/events/strike.md": "---\nname: Strike\ndate: 2023-05-01\n---\n",
            "content/articles/a.md": article().replace("events: []\n", "events: []\n" + claim),
        }
    )
    assert run.code == 1
    story = run.site / "content/articles/a.md"
    assert run.error_lines == [
        f'{story}:7: "stance: shrugs" is not one of: asserts, denies, disputes, confirms',
        f'{story}:7: claim: "Nobody Known" names no actor of the site; use the name or slug '
        "of one actor",
    ]


def test_an_actor_file_with_a_mistake_still_holds_its_names(make_site: MakeSite) -> None:
    peskov = "---\nname: Dmitry Peskov\naliases: [Peskov]\nkind: robot\n---\n"
    claim = "claims:\n  - {by: Peskov, about: Strike, stance: asserts, text: It was fine.}\n"
    run = make_site(
        {
            "content/actors/peskov.md": peskov,
            "content/events/strike.md": "---\nname: Strike\ndate: 2023-05-01\n---\n",
            "content/articles/a.md": article().replace("events: []\n", "events: []\n" + claim),
        }
    )
    assert run.code == 1
    # one error, at the file's mistake; the claim by "Peskov" still finds him
    assert run.error_lines == [
        f'{run.site / "content/actors/peskov.md"}:4: "kind: robot" is not one of: person, '
        "organization, other"
    ]
