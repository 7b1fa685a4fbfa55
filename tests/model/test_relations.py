"""Typed relations between actors (`relations:`), and sourced roles and affiliations: how
they are read, resolved and reported (generator/source/relations.py, model/relations.py)."""

from __future__ import annotations

from generator.build import Builder
from generator.model.citations import Citation
from generator.model.relations import Relation
from generator.when import When, parse_when
from tests.conftest import MakeSite
from tests.helpers import article

PESKOV = "content/actors/peskov.md"
BRIEFING = "content/articles/2023/briefing.md"


def actor(name: str, fields: str = "", kind: str = "person") -> str:
    return f"---\nname: {name}\nkind: {kind}\n{fields}---\nWho they are.\n"


def site_files(peskov_fields: str) -> dict[str, str | bytes]:
    return {
        PESKOV: actor("Dmitry Peskov", peskov_fields),
        "content/actors/kremlin.md": actor("The Kremlin", "aliases: [Kremlin]\n", "organization"),
        "content/actors/duma.md": actor("State Duma", "", "organization"),
        BRIEFING: article("Peskov briefing", actors="[Dmitry Peskov]"),
    }


def test_relations_are_resolved_in_file_order_with_types_dates_and_sources(
    make_site: MakeSite,
) -> None:
    run = make_site(
        site_files(
            "relations:\n"
            "  - {to: Kremlin, type: Spokesperson  Of, since: 2012, source: articles/briefing}\n"
            "  - to: state duma\n"
            "    type: adviser to\n"
            "    since: 2011-12\n"
            "    until: 2016-10-05\n"
            "    source: https://example.org/duma\n"
        )
    )
    assert run.code == 0, run.err
    site = Builder(run.site, run.site / "elsewhere").build().site
    assert site is not None
    path = run.site / PESKOV
    briefing = [a.slug for a in site.articles].index("briefing")
    assert site.relations == (
        Relation(
            *("peskov", "kremlin", "spokesperson of", When(parse_when("2012").first, "year")),
            *(None, Citation(article=briefing), path, 5),
        ),
        Relation(
            *("peskov", "duma", "adviser to", parse_when("2011-12"), parse_when("2016-10-05")),
            *(Citation(url="https://example.org/duma"), path, 6),
        ),
    )
    assert site.relations[0].inverse == "has spokesperson"
    assert site.relations[1].inverse is None  # the writer's own words
    assert site.relations_from == {"peskov": (0, 1)}
    assert site.relations_to == {"kremlin": (0,), "duma": (1,)}


def test_mistakes_in_relations_are_errors_at_their_lines(make_site: MakeSite) -> None:
    run = make_site(
        site_files(
            "relations:\n"
            "  - {to: Kremlim, type: member of}\n"
            "  - {to: State Duma, type: member of, since: 2016, until: 2012}\n"
            "  - {to: Kremlin, type: leads, source: articles/brefing}\n"
            "  - {to: Kremlin, type: leads, sice: 2012}\n"
            "  - {to: Peskov, type: family of}\n"
            "  - {to: Kremlin, type: owns, source: 'javascript:alert(1)'}\n"
            "  - {to: Kremlin}\n"
            "  - Kremlin\n"
        )
    )
    assert run.code == 1
    path, briefing = run.site / PESKOV, run.site / BRIEFING
    assert run.error_lines == [
        f'{path}:5: relation: "to: Kremlim" names no actor of the site; did you mean "Kremlin" '
        f"({run.site / 'content/actors/kremlin.md'})?",
        f'{path}:6: relation: "until: 2012" is before "since: 2016"; fix either date',
        f'{path}:7: relation: source "articles/brefing" names no story of the site; did you '
        f'mean "articles/briefing" ({briefing})?',
        f"{path}:8: relation: unknown key sice (known: to, type, since, until, source)",
        f'{path}:9: relation: "to: Peskov" is this actor itself; name another actor',
        f'{path}:10: relation: source "javascript:alert(1)" is not an http:// or https:// '
        "address; name an article of the site (as articles/2023-05-04-peskov-briefing) or give "
        "a web address",
        f'{path}:11: relation: "type" is missing; say what the tie is, as in type: member of',
        f"{path}:12: each relation must be a mapping like "
        "{to: Kremlin, type: spokesperson of, since: 2012}",
    ]


def test_a_relation_may_end_in_the_year_it_began(make_site: MakeSite) -> None:
    run = make_site(
        site_files("relations:\n  - {to: Kremlin, type: leads, since: 2016-10, until: 2016}\n")
    )
    assert run.code == 0, run.err


def test_a_type_near_one_of_the_vocabulary_is_a_warning_with_a_suggestion(
    make_site: MakeSite,
) -> None:
    run = make_site(
        site_files(
            "relations:\n"
            "  - {to: Kremlin, type: spokesman of}\n"
            "  - {to: Kremlin, type: memebr of}\n"
            "  - {to: Kremlin, type: first deputy head of}\n"
        )
    )
    assert run.code == 0, run.err
    checked = make_site({}, "--strict")
    path = run.site / PESKOV
    assert checked.code == 1
    warned = [line for line in checked.err.splitlines() if "relation:" in line]
    assert warned == [
        f'{path}:5: warning: relation: "type: spokesman of" is not one of the usual types; did '
        'you mean "spokesperson of"? (a type of your own is shown as written, and the other '
        "actor's page cannot word it from their side)",
        f'{path}:6: warning: relation: "type: memebr of" is not one of the usual types; did you '
        'mean "member of"? (a type of your own is shown as written, and the other actor\'s page '
        "cannot word it from their side)",
    ]


def test_roles_and_affiliations_take_a_source_and_keep_their_plain_forms(
    make_site: MakeSite,
) -> None:
    run = make_site(
        {
            **site_files(
                "role: {title: Press secretary, source: articles/2023/briefing.md}\n"
                "affiliations:\n"
                "  - {name: Kremlin, source: 'https://example.org/kremlin'}\n"
                "  - State Duma\n"
            ),
            "content/actors/plain.md": actor("Plain One", "role: Aide\naffiliations: [Kremlin]\n"),
        }
    )
    assert run.code == 0, run.err
    site = Builder(run.site, run.site / "elsewhere").build().site
    assert site is not None
    peskov, plain = site.actors["peskov"], site.actors["plain"]
    briefing = [a.slug for a in site.articles].index("briefing")
    assert (peskov.role, peskov.role_source) == ("Press secretary", Citation(article=briefing))
    assert peskov.affiliations == ("kremlin", "duma")
    assert peskov.affiliation_sources == (("kremlin", Citation(url="https://example.org/kremlin")),)
    assert (plain.role, plain.role_source, plain.affiliations) == ("Aide", None, ("kremlin",))


def test_mistakes_in_sourced_roles_and_affiliations_are_errors(make_site: MakeSite) -> None:
    run = make_site(
        site_files(
            "role: {title: Press secretary, source: articles/nothing-here}\n"
            "affiliations:\n"
            "  - {name: Kremlin, source: 'ftp://example.org/x'}\n"
            "  - {nme: State Duma}\n"
        )
    )
    assert run.code == 1
    path = run.site / PESKOV
    assert run.error_lines == [
        f'{path}:4: role: source "articles/nothing-here" names no story of the site; name a '
        "story by its file name without .md, as articles/2023-05-04-briefing",
        f'{path}:6: affiliation: source "ftp://example.org/x" is not an http:// or https:// '
        "address; name an article of the site (as articles/2023-05-04-peskov-briefing) or give a "
        "web address",
        f"{path}:7: an affiliation takes name and source, not nme",
        f'{path}:7: each entry of "affiliations" must be a name or {{name: ..., source: ...}}',
    ]
