"""graph.gexf: who is named with whom, and typed relations, for Gephi and networkx.

In: a `Site`. Out: GEXF 1.2 (the version `networkx.read_gexf` reads by default): an
undirected graph with a node per actor (`kind`, `url`, `stories`, `wikidata`), an edge
for each pair of actors named in the same stories (`kind` "co-occurrence", `weight` the
number of stories), and an edge for each typed relation (`kind` "relation", with `type`,
`since` and `until`; its `source` and `target` in the relation's direction).
"""

from __future__ import annotations

from xml.sax.saxutils import quoteattr

from generator import __version__
from generator.model.site import Site
from generator.opendata.common import address, entity_id
from generator.opendata.relations import declared_relations
from generator.urls import actor_url

Attributes = tuple[tuple[str, str], ...]  # (id and title, GEXF type)
NODE_ATTRIBUTES: Attributes = (("kind", "string"), ("url", "string"), ("stories", "integer"))
NODE_ATTRIBUTES += (("wikidata", "string"),)
EDGE_ATTRIBUTES: Attributes = (("kind", "string"), ("type", "string"), ("since", "string"))
EDGE_ATTRIBUTES += (("until", "string"),)
CO_OCCURRENCE, RELATION = "co-occurrence", "relation"


def _values(pairs: list[tuple[str, str]]) -> str:
    kept = "".join(f"<attvalue for={quoteattr(k)} value={quoteattr(v)}/>" for k, v in pairs if v)
    return f"<attvalues>{kept}</attvalues>" if kept else ""


def _declared(cls: str, attributes: Attributes) -> str:
    rows = "".join(
        f'\n      <attribute id="{name}" title="{name}" type="{kind}"/>'
        for name, kind in attributes
    )
    return f'    <attributes class="{cls}">{rows}\n    </attributes>\n'


def gexf_text(site: Site) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n',
        f"  <meta><creator>dossier {__version__}</creator>"
        f"<description>{_text(site.config.title)}</description></meta>\n",
        '  <graph defaultedgetype="undirected" mode="static">\n',
        _declared("node", NODE_ATTRIBUTES),
        _declared("edge", EDGE_ATTRIBUTES),
        "    <nodes>\n",
    ]
    for slug, actor in site.actors.items():
        values = [
            ("kind", actor.kind),
            ("url", address(site.config, actor_url(slug))),
            ("stories", str(len(site.actor_articles.get(slug, ())))),
            ("wikidata", actor.wikidata or ""),
        ]
        node = f"<node id={quoteattr(entity_id('actor', slug))} label={quoteattr(actor.name)}>"
        lines.append(f"      {node}{_values(values)}</node>\n")
    lines.append("    </nodes>\n    <edges>\n")
    order = {slug: n for n, slug in enumerate(site.actors)}
    number = 0
    for slug in site.actors:
        for other, count in site.co_actors.get(slug, ()):
            if order[other] > order[slug]:
                ends = (slug, other)
                lines.append(_edge(number, ends, [("kind", CO_OCCURRENCE)], count))
                number += 1
    for tie in declared_relations(site):
        values = [("kind", RELATION), ("type", tie.type), ("since", tie.since)]
        values.append(("until", tie.until))
        lines.append(_edge(number, (tie.source_actor, tie.target_actor), values, 1))
        number += 1
    lines.append("    </edges>\n  </graph>\n</gexf>\n")
    return "".join(lines)


def _edge(number: int, ends: tuple[str, str], values: list[tuple[str, str]], weight: int) -> str:
    source, target = (quoteattr(entity_id("actor", slug)) for slug in ends)
    head = f'<edge id="{number}" source={source} target={target} weight="{weight}">'
    return f"      {head}{_values(values)}</edge>\n"


def _text(value: str) -> str:
    return quoteattr(value)[1:-1]
