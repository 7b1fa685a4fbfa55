"""Who is named with whom: `graph.html`, and the small graph on each actor's page.

In: the `Site` and its `SiteIndex` (how many stories name each pair of actors). Out: the
`graph.html` page, and for an actor the `Graph` of the actors most often named with them
(drawn by `outputs.graph` only when a template shows it).
"""

from __future__ import annotations

from generator.language import ENGLISH, Language
from generator.model.site import Site
from generator.outputs.graph import Edge, Graph, Node, strongest_edges
from generator.pages.records import PageView
from generator.pages.shared import SiteIndex
from generator.pages.structured import ListSubject

GRAPH_NEIGHBOURS, GRAPH_ACTORS, GRAPH_EDGES, GRAPH_PAIRS = 12, 30, 4, 15


def actor_node(site: Site, slug: str, note: str) -> Node:
    size = len(site.actor_articles.get(slug, ()))
    return Node(slug, site.actors[slug].name, size, note)


def actor_graph(site: Site, shared: SiteIndex, slug: str) -> Graph | None:
    """The actor among those most often named with them, and the ties between those."""
    near = site.co_actors.get(slug, ())[:GRAPH_NEIGHBOURS]
    if not near:
        return None
    name = site.actors[slug].name
    lang = shared.language
    nodes = [actor_node(site, slug, stories(len(site.actor_articles.get(slug, ())), lang))]
    with_name = lang.gettext("%(stories)s with %(name)s")
    nodes += [
        actor_node(site, s, with_name % {"stories": stories(n, lang), "name": name})
        for s, n in near
    ]
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
    return Graph(
        slug,
        tuple(nodes),
        (*around, *strongest_edges(between, GRAPH_EDGES - 1)),
        "../",
        title=lang.gettext("Who is named with %(name)s") % {"name": name},
        desc=desc,
        key="network-graph",
    )


def graph_page(site: Site, shared: SiteIndex) -> PageView:
    """`graph.html`: the actors in the most stories, and the stories they share."""
    ranked = sorted(
        site.actor_articles.items(),
        key=lambda kv: (-len(kv[1]), site.actors[kv[0]].name.casefold()),
    )
    main = [slug for slug, _ in ranked[:GRAPH_ACTORS]]
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
    nodes = [actor_node(site, s, stories(len(site.actor_articles[s]), lang)) for s in main]
    graph = Graph(
        None,
        tuple(nodes),
        tuple(strongest_edges(pairs, GRAPH_EDGES)),
        "",
        title=lang.gettext("Who is named with whom"),
        desc=desc,
        key="site-graph",
        spread=1.5,
    )
    link = shared.actor_link
    context: dict[str, object] = {
        "subject": ListSubject(lang.gettext("Who is named with whom")),
        "graph_svg": graph if main else None,
        "edges_per_actor": GRAPH_EDGES,
        "feeds": shared.feeds,
        "actors": [link(s, len(site.actor_articles[s])) for s in main],
        "pairs": [(link(e.a), link(e.b), e.weight) for e in pairs[:GRAPH_PAIRS]],
    }
    return PageView("graph.html", "graph.html", context)


def stories(count: int, language: Language = ENGLISH) -> str:
    """`1 story`, `3 stories`."""
    return language.ngettext("%(count)s story", "%(count)s stories", count) % {"count": count}
