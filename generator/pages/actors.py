"""Actor pages: an actor's dossier, with the older parts of a long timeline on pages of their own.

In: the `Site`, its `SiteIndex` and the `Limits`. Out: for each actor, A-Z, the
`PageView` of `actors/<slug>.html` (`actor.html`: who they are, their relations and the
sources of their role and affiliations, their graph, coverage, the newest part of their
timeline, quotes, claims with a tally of the site's verdicts on them, mentions, events,
who is named with them), then those of its older parts (`part.html`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from generator.model.site import Site
from generator.pages.feeds import dossier_feeds
from generator.pages.graphs import actor_graph
from generator.pages.paging import Limits, part_links
from generator.pages.records import KIND_LABELS, PageView, actor_view, verdict_tally
from generator.pages.relations import Cited
from generator.pages.shared import SiteIndex
from generator.pages.structured import ActorSubject
from generator.pages.timelines import coverage, part_pages, part_sections, timeline_parts
from generator.urls import actor_url

CO_ACTORS = 12  # "often named with": this many, most often first


def actor_pages(site: Site, shared: SiteIndex, limits: Limits) -> Iterator[PageView]:
    language = shared.language
    verdicts: dict[str, list[str]] = defaultdict(list)  # actor -> the verdicts on their claims
    for claim in site.claims:
        verdicts[claim.by].append(claim.status)
    cited = Cited(site, shared)
    for slug, actor in site.actors.items():
        url = actor_url(slug)
        chart_title = language.gettext("Stories that name %(name)s") % {"name": actor.name}
        stories = site.actor_articles.get(slug, ())
        parts = timeline_parts(shared, stories, limits.page_stories)
        view = actor_view(actor)
        affiliations = tuple(shared.actor_link(s) for s in actor.affiliations)
        members = tuple(shared.actor_link(s) for s in site.members.get(slug, ()))
        ties = site.relations
        stated = tuple(
            (ties[i].type, actor_url(ties[i].to)) for i in site.relations_from.get(slug, ())
        )
        of_it = tuple(
            (ties[i].type, actor_url(ties[i].actor)) for i in site.relations_to.get(slug, ())
        )
        context: dict[str, object] = {
            "actor": view,
            "subject": ActorSubject(view, affiliations, members, stated, of_it),
            "parts": part_links(url, parts),
            "feeds": dossier_feeds(site, shared, url, actor.name),
            "kind_label": KIND_LABELS[actor.kind],
            "affiliations": list(affiliations),
            "affiliation_sources": cited.affiliations(slug),  # each affiliation's, or None
            "role_source": cited.citation(actor.role_source),
            "relations": cited.relations(slug),
            "members": list(members),
            "story_count": len(stories),
            "coverage_svg": coverage(site, stories, chart_title, language),
            "graph_svg": actor_graph(site, shared, slug),
            "events": [shared.event_link(s, n) for s, n in site.actor_events.get(slug, ())],
            "co_actors": [
                shared.actor_link(s, n) for s, n in site.co_actors.get(slug, ())[:CO_ACTORS]
            ],
            "known_only_from_articles": actor.path is None,
            "claim_tally": verdict_tally(verdicts.get(slug, ())),
            **part_sections(shared, "actor", slug, parts[0], whole=stories),
        }
        yield PageView(url, "actor.html", context)
        yield from part_pages(shared, "actor", slug, parts, actor.name, url, f"{url}#actor")
