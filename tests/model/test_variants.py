"""One actor, one page: spellings of one name meet on one page; near misses are asked about."""

from __future__ import annotations

from tests.conftest import MakeSite, SiteRunner
from tests.helpers import article, texts

PESKOV = "---\nname: Dmitry Peskov\naliases: [Peskov]\nkind: person\n---\nKremlin spokesman.\n"
ZELENSKY = "---\nname: Volodymyr Zelensky\nkind: person\n---\nPresident of Ukraine.\n"
CLEAN = "title: T\nbase_url: https://example.org/\n"  # no warning of its own
NATARAJAN = "---\nname: Priya Natarajan\nkind: person\n---\nA reporter.\n"


def test_romanisations_of_a_name_are_one_actor_with_one_page(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/actors/dmitry-peskov.md": PESKOV,
            "content/articles/a.md": article(title="A", actors="[Dmitri Peskov]"),
            "content/articles/b.md": article(title="B", actors="[Dmitriy Peskov]"),
            "content/articles/c.md": article(title="C", actors="[Дмитрий Песков]"),
            "content/articles/d.md": article(
                title="D", body="Dmitri Peskov said so; see also [[Dmitriy Peskov]]."
            ),
        },
        config=CLEAN,
    )
    assert run.code == 0, run.err
    assert sorted(p.name for p in (run.output / "actors").glob("*.html")) == ["dmitry-peskov.html"]
    page = run.page("actors/dmitry-peskov.html")
    stories = {a["href"] for a in page.select("a[href^='../articles/']")}
    assert {"../articles/a.html", "../articles/b.html", "../articles/c.html"} <= stories
    assert texts(page, "h1") == ["Dmitry Peskov"]
    # prose that spells the name as a story's front matter does links to the page too
    story = run.page("articles/d.html")
    links = [(a.get_text(), a["href"]) for a in story.select(".prose a")]
    assert links == [
        ("Dmitri Peskov", "../actors/dmitry-peskov.html"),  # the whole name, not its alias
        ("Dmitry Peskov", "../actors/dmitry-peskov.html"),  # a wiki link shows the name
    ]
    assert "warning" not in run.out + run.err


def test_check_asks_did_you_mean_at_each_use_of_a_near_miss(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    built = make_site(
        {
            "content/actors/volodymyr-zelensky.md": ZELENSKY,
            "content/actors/priya-natarajan.md": NATARAJAN,
            "content/articles/a.md": article(title="A", actors="[Vladimir Zelensky]"),
            "content/articles/b.md": article(title="B", actors="[Priya Natarajn, Ada Lovelace]"),
            "content/articles/c.md": article(title="C", actors="[Priya Natarajn]"),
        },
        config=CLEAN,
    )
    assert built.code == 0, built.err  # a plain build goes on: the names get pages of their own
    assert built.out.rstrip().endswith("3 warnings (dossier check lists them)"), built.out
    check = run_dossier(built.site, command="check")
    assert check.code == 0
    site = built.site
    zelensky = site / "content/actors/volodymyr-zelensky.md"
    natarajan = site / "content/actors/priya-natarajan.md"
    warned = [line for line in check.err.splitlines() if "did you mean" in line]
    assert warned == [
        f'{site / "content/articles/a.md"}:4: warning: "Vladimir Zelensky" has no actor file; '
        f'did you mean "Volodymyr Zelensky" ({zelensky})? add it to that file\'s aliases',
        f'{site / "content/articles/b.md"}:4: warning: "Priya Natarajn" has no actor file; '
        f'did you mean "Priya Natarajan" ({natarajan})? add it to that file\'s aliases',
        f'{site / "content/articles/c.md"}:4: warning: "Priya Natarajn" has no actor file; '
        f'did you mean "Priya Natarajan" ({natarajan})? add it to that file\'s aliases',
    ]
    assert "Ada Lovelace" not in "\n".join(warned)  # nothing near: only the usual note
    strict = run_dossier(site, "--strict", command="check")
    assert strict.code == 1


def test_wiki_links_and_claims_to_a_near_miss_say_what_was_meant(make_site: MakeSite) -> None:
    claim = (
        "claims:\n  - {by: Dmitry Pesokv, about: Summit, stance: asserts, text: It went well.}\n"
    )
    run = make_site(
        {
            "content/actors/dmitry-peskov.md": PESKOV,
            "content/events/summit.md": "---\nname: Summit\ndate: 2023-05-03\n---\n",
            "content/articles/a.md": article(body="As [[Dmitry Peskow]] said.").replace(
                "events: []\n", "events: []\n" + claim
            ),
        }
    )
    assert run.code == 1
    peskov = run.site / "content/actors/dmitry-peskov.md"
    story = run.site / "content/articles/a.md"
    assert run.error_lines == [
        f'{story}:7: claim: "Dmitry Pesokv" names no actor of the site; '
        f'did you mean "Dmitry Peskov" ({peskov})?',
        f'{story}:10: [[Dmitry Peskow]] links to nothing: did you mean "Dmitry Peskov" '
        f"({peskov})? write that name",
    ]


def test_two_files_for_one_name_spelled_two_ways_are_a_clash(make_site: MakeSite) -> None:
    run = make_site(
        {
            "content/actors/dmitry-peskov.md": PESKOV,
            "content/actors/dmitri-peskov.md": "---\nname: Dmitri Peskov\n---\n",
            "content/articles/a.md": article(actors="[Dmitry Peskov]"),
        }
    )
    assert run.code == 1
    assert any("is also the name of the actor in" in line for line in run.error_lines), run.err


def test_a_surname_alone_is_asked_about_not_made_a_second_person(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    dahl_file = "---\nname: Henrik Dahl\nkind: person\n---\nPort chief.\n"
    run = make_site(
        {
            "content/actors/henrik-dahl.md": dahl_file,
            "content/articles/a.md": article(title="A", actors="[Dahl]"),
            # no file for her: the file that gave her both names was deleted
            "content/articles/b.md": article(title="B", actors="[Marta Vidal]"),
            "content/articles/c.md": article(title="C", actors="[Vidal]"),
        },
        config=CLEAN,
    )
    assert run.code == 0, run.err
    check = run_dossier(run.site, command="check")
    assert check.code == 0
    dahl = run.site / "content/actors/henrik-dahl.md"
    assert [line for line in check.err.splitlines() if ": warning: " in line] == [
        f'{run.site / "content/articles/a.md"}:4: warning: "Dahl" has no actor file; did you '
        f'mean "Henrik Dahl" ({dahl})? add it to that file\'s aliases',
        f'{run.site / "content/articles/c.md"}:4: warning: "Vidal" and "Marta Vidal" have no '
        "actor file, and may be one actor; write one name for them, or give them a file with "
        "the other as an alias",
    ]
