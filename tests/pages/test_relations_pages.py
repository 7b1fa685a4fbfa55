"""Relations on both actors' pages, in the graphs, and the sources of roles and affiliations
in the infobox (generator/pages/relations.py, pages/graphs.py, outputs/graph.py)."""

from __future__ import annotations

from bs4 import Tag

from tests.conftest import MakeSite
from tests.helpers import Run, first, texts

WIRE = "https://example.org/wire/1"
DASH = "\u2013"  # between the two dates of a span
SNAPSHOT = "https://web.archive.org/web/20230504120000/https://example.org/wire/1"

FILES: dict[str, str | bytes] = {
    "content/actors/peskov.md": (
        "---\nname: Dmitry Peskov\nkind: person\n"
        "role: {title: Press secretary, source: articles/briefing}\n"
        "relations:\n"
        "  - {to: Kremlin, type: spokesperson of, since: 2012, source: articles/briefing}\n"
        "  - {to: Kremlin, type: first deputy head of, since: 2011-12, until: 2016-10,"
        " source: 'https://example.org/bio'}\n"
        "  - {to: Hermit, type: ally of, until: 2023-05}\n"
        "---\nBio.\n"
    ),
    "content/actors/kremlin.md": "---\nname: The Kremlin\naliases: [Kremlin]\n"
    "kind: organization\n---\nThe office.\n",
    "content/actors/hermit.md": "---\nname: Hermit\nkind: person\n---\nNamed in no story.\n",
    "content/actors/aide.md": (
        "---\nname: Anna Aide\nkind: person\naffiliations: [Kremlin]\n"
        "relations:\n  - {to: Kremlin, type: Employed By, since: 2020, source: briefing}\n"
        "---\nAn aide.\n"
    ),
    "content/articles/briefing.md": (
        "---\ntitle: Peskov briefing\ndate: 2023-05-04\nactors: [Dmitry Peskov, Kremlin]\n"
        f"source: {{name: Wire, url: '{WIRE}', archived: '{SNAPSHOT}'}}\n---\nHe spoke.\n"
    ),
}


def relations(run: Run, slug: str) -> list[Tag]:
    return first(run.page(f"actors/{slug}.html"), "section.relations").select("li")


def line(item: Tag) -> str:
    return " ".join(first(item, ".relation-tie").get_text().split())


def test_the_actor_whose_file_states_them_lists_them_dated_and_sourced(
    make_site: MakeSite,
) -> None:
    run = make_site(FILES)
    assert run.code == 0, run.err
    spokesperson, deputy, ally = relations(run, "peskov")
    assert line(spokesperson) == "spokesperson of The Kremlin since 2012"
    assert first(spokesperson, ".relation-tie a")["href"] == "../actors/kremlin.html"
    cite = first(spokesperson, ".cite")
    story = cite.select("a")[0]
    assert (story["href"], story.get_text()) == ("../articles/briefing.html", "Peskov briefing")
    assert (run.output / "articles/briefing.html").is_file()
    wire, archived = cite.select(".cite-sources a")
    assert (wire["href"], wire.get_text(), wire["data-versionurl"]) == (WIRE, "Wire", SNAPSHOT)
    assert (archived["href"], archived.get_text()) == (SNAPSHOT, "archived copy")
    assert line(deputy) == f"first deputy head of The Kremlin December 2011 {DASH} October 2016"
    web = first(deputy, ".cite a")
    assert (web["href"], web.get_text()) == ("https://example.org/bio", "example.org")
    assert line(ally) == "ally of Hermit until May 2023"
    assert not ally.select(".cite")


def test_the_other_actor_lists_them_worded_from_its_side(make_site: MakeSite) -> None:
    run = make_site(FILES)
    assert run.code == 0, run.err
    listed = {line(item): item for item in relations(run, "kremlin")}
    assert list(listed) == [  # in file order: content/actors/aide.md, then peskov.md
        "employs Anna Aide since 2020",
        "has spokesperson Dmitry Peskov since 2012",
        f"Dmitry Peskov — first deputy head of — The Kremlin December 2011 {DASH} October 2016",
    ]
    spokesperson = listed["has spokesperson Dmitry Peskov since 2012"]
    assert first(spokesperson, ".relation-tie a")["href"] == "../actors/peskov.html"
    assert first(spokesperson, ".cite a")["href"] == "../articles/briefing.html"
    assert texts(run.page("actors/hermit.html"), ".relation-tie") == [
        "ally of Dmitry Peskov until May 2023"
    ]


def test_the_infobox_gives_the_source_of_a_role_and_of_an_affiliation(
    make_site: MakeSite,
) -> None:
    run = make_site(FILES)
    assert run.code == 0, run.err
    peskov = first(run.page("actors/peskov.html"), ".infobox")
    role = peskov.find("dt", string="Role")
    assert role is not None
    dd = role.find_next_sibling("dd")
    assert isinstance(dd, Tag)
    assert dd.contents[0] == "Press secretary"
    assert [a["href"] for a in dd.select(".cite a")] == [
        "../articles/briefing.html",
        WIRE,
        SNAPSHOT,
    ]
    aide = first(run.page("actors/aide.html"), ".infobox")
    # Anna Aide's affiliation is also a relation of type "employed by": its source is shown
    (cited,) = aide.select(".cited li")
    assert first(cited, "a")["href"] == "../actors/kremlin.html"
    assert first(cited, ".cite a")["href"] == "../articles/briefing.html"


def test_a_plain_affiliation_has_no_source_and_reads_as_before(make_site: MakeSite) -> None:
    files = dict(FILES)
    files["content/actors/aide.md"] = (
        "---\nname: Anna Aide\nkind: person\nrole: Aide\n"
        "affiliations: [Kremlin, Hermit]\n---\nAn aide.\n"
    )
    run = make_site(files)
    assert run.code == 0, run.err
    aide = first(run.page("actors/aide.html"), ".infobox")
    assert not aide.select(".cite") and not aide.select(".cited")
    assert texts(aide, "dd")[2:4] == ["Aide", "The Kremlin, Hermit"]


def test_the_graphs_draw_relations_as_labelled_dashed_lines(make_site: MakeSite) -> None:
    run = make_site(FILES)
    assert run.code == 0, run.err
    hermit = run.page("actors/hermit.html")  # named in no story: a graph of its relations only
    svg = first(hermit, "svg.graph")
    (tie,) = svg.select("g.ties g.tie")
    assert first(tie, "text").get_text() == "ally of"
    assert first(tie, "title").get_text() == "Dmitry Peskov — ally of — Hermit"
    assert first(tie, "path")["marker-end"] == "url(#network-graph-arrow)"
    assert first(svg, "a.node")["href"] == "../actors/peskov.html"
    assert not svg.select("g.edges line")  # no story names them together
    legend = texts(hermit, ".graph-legend li")
    assert legend[1].startswith("a relation that an actor's file states: dashed")
    peskov = first(run.page("actors/peskov.html"), "svg.graph")
    assert sorted(texts(peskov, "g.tie text")) == [
        "ally of",
        "first deputy head of",
        "spokesperson of",
    ]
    assert peskov.select("g.edges line.edge")  # named with the Kremlin: a story line too
    site = run.page("graph.html")
    labels = texts(first(site, "svg.graph"), "g.tie text")
    assert "ally of" in labels  # Hermit, in no story, is drawn for the relation
    assert "Dmitry Peskov ally of Hermit" in texts(site, ".ties-list li")


def test_relations_are_worded_in_the_sites_language(make_site: MakeSite) -> None:
    run = make_site(FILES, config="title: Dossier\nlanguage: fr\n")
    assert run.code == 0, run.err
    assert [line(item) for item in relations(run, "kremlin")] == [
        "emploie Anna Aide depuis 2020",
        "a pour porte-parole Dmitry Peskov depuis 2012",
        f"Dmitry Peskov — first deputy head of — The Kremlin décembre 2011 {DASH} octobre 2016",
    ]
    assert (
        first(run.page("actors/kremlin.html"), "section.relations h2")
        .get_text()
        .startswith("Relations")
    )
