"""Who is named with whom: `graph.html`, and the small graph on each actor's page.

In: the `Site` and its `SiteIndex` (how many stories name each pair of actors). Out: the
`graph.html` page, and for an actor the `Graph` of the actors most often named with them
and of those its relations tie it to (drawn by `outputs.graph` only when a template shows
it). Relations are drawn as labelled `Tie`s, whether or not a story names both actors.
"""

from __future__ import annotations

from generator.language import ENGLISH, N_, Language
from generator.model.relations import Relation
from generator.model.site import Site
from generator.outputs.graph import Edge, Graph, Node, strongest_edges
from generator.outputs.ties import Tie
from generator.pages.records import Link, PageView
from generator.pages.relations import relation_label
from generator.pages.shared import SiteIndex
from generator.pages.structured import ListSubject

GRAPH_NEIGHBOURS, GRAPH_ACTORS, GRAPH_EDGES, GRAPH_PAIRS = 12, 30, 4, 15
GRAPH_TIES = 8  # relations drawn on an actor's graph
GRAPH_RELATED = 10  # actors that relations add to the site graph


def actor_node(site: Site, slug: str, note: str) -> Node:
    size = len(site.actor_articles.get(slug, ()))
    return Node(slug, site.actors[slug].name, size, note)


def actor_graph(site: Site, shared: SiteIndex, slug: str) -> Graph | None:
    """The actor among those most often named with them, and the ties between those."""
    near = site.co_actors.get(slug, ())[:GRAPH_NEIGHBOURS]
    ties = actor_ties(site, slug)
    if not near and not ties:
        return None
    name = site.actors[slug].name
    lang = shared.language
    nodes = [actor_node(site, slug, stories(len(site.actor_articles.get(slug, ())), lang))]
    with_name = lang.gettext("%(stories)s with %(name)s")
    nodes += [
        actor_node(site, s, with_name % {"stories": stories(n, lang), "name": name})
        for s, n in near
    ]
    shown = {slug, *(s for s, _ in near)}
    for tie in ties:
        for other in (tie.actor, tie.to):
            if other not in shown:
                shown.add(other)
                count = len(site.actor_articles.get(other, ()))
                nodes.append(actor_node(site, other, stories(count, lang)))
    around = [Edge(slug, s, n) for s, n in near]
    between = [
        Edge(a, b, n)
        for i, (a, _) in enumerate(near)
        for b, _ in near[i + 1 :]
        if (n := shared.co_count(a, b))
    ]
    desc = lang.gettext(
        "%(name)s in the middle, joined to the %(count)s actors most often named in the "
        "same stories; the wider a line, the more stories two actors share. "
        "Each name links to that actor's page."
    ) % {"name": name, "count": len(near)}
    if not near:
        desc = lang.gettext("%(name)s in the middle, and the actors it has relations with.") % {
            "name": name
        }
    if ties:
        desc += " " + lang.gettext(TIES_DESC)
    return Graph(
        slug,
        tuple(nodes),
        (*around, *strongest_edges(between, GRAPH_EDGES - 1)),
        "../",
        title=lang.gettext("Who is named with %(name)s") % {"name": name},
        desc=desc,
        key="network-graph",
        ties=tuple(tie_of(r, lang) for r in ties),
    )


TIES_DESC = N_(
    "A dashed line with an arrow is a relation that an actor's file states, its type "
    "written along it."
)


def actor_ties(site: Site, slug: str) -> list[Relation]:
    """The relations of an actor drawn on its graph: those its file states, then those
    other files state of it, at most `GRAPH_TIES`."""
    found = [*site.relations_from.get(slug, ()), *site.relations_to.get(slug, ())]
    return [site.relations[i] for i in found[:GRAPH_TIES]]


def tie_of(relation: Relation, language: Language) -> Tie:
    return Tie(relation.actor, relation.to, relation_label(relation, language))


def site_ties(site: Site, main: list[str]) -> tuple[list[Relation], list[str]]:
    """The relations between the actors of the site graph, and between them and up to
    `GRAPH_RELATED` other actors, who are added to the graph."""
    shown = set(main)
    added: list[str] = []
    ties = []
    for relation in site.relations:
        ends = (relation.actor, relation.to)
        new = [slug for slug in ends if slug not in shown]
        if len(new) == 2 or (new and len(added) >= GRAPH_RELATED):
            continue
        added += new
        shown.update(new)
        ties.append(relation)
    return ties, added


def graph_page(site: Site, shared: SiteIndex) -> PageView:
    """`graph.html`: the actors in the most stories, and the stories they share."""
    ranked = sorted(
        site.actor_articles.items(),
        key=lambda kv: (-len(kv[1]), site.actors[kv[0]].name.casefold()),
    )
    main = [slug for slug, _ in ranked[:GRAPH_ACTORS]]
    ties, added = site_ties(site, main)
    pairs = sorted(
        (
            Edge(a, b, n)
            for i, a in enumerate(main)
            for b in main[i + 1 :]
            if (n := shared.co_count(a, b))
        ),
        key=lambda e: (-e.weight, site.actors[e.a].name, site.actors[e.b].name),
    )
    lang = shared.language
    desc = lang.gettext(
        "The %(count)s actors named in the most stories; a line joins two actors named "
        "in the same stories, the wider the more often. Each name links to that actor's page."
    ) % {"count": len(main)}
    if ties:
        desc += " " + lang.gettext(TIES_DESC)
    nodes = [
        actor_node(site, s, stories(len(site.actor_articles.get(s, ())), lang))
        for s in (*main, *added)
    ]
    graph = Graph(
        None,
        tuple(nodes),
        tuple(strongest_edges(pairs, GRAPH_EDGES)),
        "",
        title=lang.gettext("Who is named with whom"),
        desc=desc,
        key="site-graph",
        spread=1.5,
        ties=tuple(tie_of(r, lang) for r in ties),
    )
    link = shared.actor_link
    context: dict[str, object] = {
        "subject": ListSubject(lang.gettext("Who is named with whom")),
        "graph_svg": graph if nodes else None,
        "edges_per_actor": GRAPH_EDGES,
        "feeds": shared.feeds,
        "actors": [link(s, len(site.actor_articles[s])) for s in main],
        "pairs": [(link(e.a), link(e.b), e.weight) for e in pairs[:GRAPH_PAIRS]],
        "ties": [tie_link(r, shared) for r in ties],
    }
    return PageView("graph.html", "graph.html", context)


def tie_link(relation: Relation, shared: SiteIndex) -> tuple[Link, str, Link]:
    """A relation as `graph.html` lists it: the actor, the type, the other actor."""
    label = relation_label(relation, shared.language)
    return shared.actor_link(relation.actor), label, shared.actor_link(relation.to)


def stories(count: int, language: Language = ENGLISH) -> str:
    """`1 story`, `3 stories`."""
    return language.ngettext("%(count)s story", "%(count)s stories", count) % {"count": count}
