"""What templates receive: small frozen records made from the model, with site-relative URLs.

In: the model's `Article`, `Actor`, `Event` and `Backlink` records. Out: the view records
a page's context holds (`Link`, `Card`, `Group`, `Mentioned`, `QuoteView`, `ClaimView`,
the page's own `ArticleView`, `ActorView` or `EventView`) and `PageView`, one page to
write. Templates never see a model record: a view record carries what templates show, by
the names they use. Every URL is relative to the site root (`actors/dmitry-peskov.html`);
the `rel` filter makes it relative to the page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from generator.language import N_
from generator.model.citations import Citation
from generator.model.references import Backlink
from generator.model.site import Actor, Article, Event
from generator.prose import Prose
from generator.source.schema import NO_EXTRA, FrozenMap, Moment
from generator.source.sources import Source
from generator.urls import actor_url, article_url, event_url, page_url
from generator.when import When

KIND_LABELS = {"person": N_("Person"), "organization": N_("Organisation"), "other": N_("Other")}
SOURCE_KINDS = {"article": "", "actor": N_("Actor"), "event": N_("Event")}
# the site's verdicts on claims, in the order an event's page groups them: the settled
# ones first (shown true, contested, shown untrue, withdrawn), then those not yet judged
VERDICT_LABELS = {
    "confirmed": N_("Confirmed"),
    "disputed": N_("Disputed"),
    "false": N_("False"),
    "retracted": N_("Retracted"),
    "unverified": N_("Unverified"),
}
UPDATE_LABELS = {
    "correction": N_("Correction"),
    "update": N_("Update"),
    "clarification": N_("Clarification"),
}


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    text: str
    count: int = 0
    note: str = ""


@dataclass(frozen=True, slots=True)
class Card:
    """An article as listed on other pages."""

    url: str
    title: str
    date: Moment
    summary: str
    source: Source | None
    authors: tuple[str, ...] = ()
    updated: Moment | None = None  # the date of the story's latest update, if any
    corrected: bool = False  # ... and whether that one was a correction


@dataclass(frozen=True, slots=True)
class UpdateView:
    """One correction, update or clarification of a story, as its page lists it."""

    date: Moment
    kind: str  # correction | update | clarification
    label: str  # its kind as a heading, in English: the template translates it
    text: str
    anchor: str  # its id on the story's page: `update-1` for the first


@dataclass(frozen=True, slots=True)
class Group:
    """A heading and what stands under it: a month in a timeline, a letter in an index."""

    key: str
    label: str
    items: tuple[Card | Link, ...] = ()
    groups: tuple[Group, ...] = ()


@dataclass(frozen=True, slots=True)
class Mentioned:
    """A page that links to or mentions this one, and the sentence that does."""

    url: str
    title: str
    kind: str  # "" for a story, else "Actor" or "Event"
    context: str
    slug: str


@dataclass(frozen=True, slots=True)
class CorrectionEntry:
    """One update as `corrections.html` lists it: the update and the story it is of."""

    update: UpdateView
    story: Card
    url: str  # the update on the story's page: `articles/x.html#update-1`


@dataclass(frozen=True, slots=True)
class QuoteView:
    html: Markup
    story: Card


@dataclass(frozen=True, slots=True)
class EvidenceLink:
    """What supports a verdict, as a claim's row links to it."""

    url: str  # site-relative for a story of the site, else the web page's address
    text: str  # the story's title, or the web page's domain
    external: bool


@dataclass(frozen=True, slots=True)
class ClaimView:
    by: Link
    about: Link
    stance: str
    text: str
    story: Card
    article: int  # index into Site.articles
    status: str = "unverified"  # the site's verdict, one of VERDICT_LABELS
    evidence: tuple[EvidenceLink, ...] = ()

    @property
    def verdict(self) -> str:
        """The verdict as its badge says it, in English: the template translates it."""
        return VERDICT_LABELS[self.status]


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """The claims of one verdict, as an event's page groups them."""

    status: str
    label: str  # in English: the template translates it
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True, slots=True)
class VerdictTally:
    """How many of an actor's claims have each verdict: only those with some, in the
    order of VERDICT_LABELS."""

    total: int
    counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """The story an article's page shows (`article` in `article.html`)."""

    slug: str
    title: str
    date: Moment
    source: Source | None
    summary: str
    tags: tuple[str, ...]
    draft: bool
    body_html: str | Prose
    authors: tuple[str, ...] = ()  # `author:` or `authors:`, in order
    extra: FrozenMap = NO_EXTRA  # `extra:`, as written (mappings frozen, lists as tuples)
    updates: tuple[UpdateView, ...] = ()  # oldest first
    corrections: tuple[UpdateView, ...] = ()  # those of kind correction, for the notice
    sources: tuple[Source, ...] = ()  # every source, in order; `source` is the first


@dataclass(frozen=True, slots=True)
class ActorView:
    """The actor an actor's page is about (`actor` in `actor.html`)."""

    slug: str
    name: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    bio_html: str | Prose
    wikidata: str | None = None  # its Wikidata item id
    extra: FrozenMap = NO_EXTRA


@dataclass(frozen=True, slots=True)
class EventView:
    """The event an event's page is about (`event` in `event.html`)."""

    slug: str
    name: str
    date: When | None  # at the precision given: show it with `whentag` (`timetag` does too)
    end: When | None
    place: str | None
    description_html: str | Prose
    wikidata: str | None = None
    extra: FrozenMap = NO_EXTRA


@dataclass(frozen=True, slots=True)
class Moved:
    """Where a page's old address sends the reader (`redirect.html`)."""

    target: str
    title: str


class Deferred:
    """Text a template writes that is made only when the page is rendered (a data file's
    text, megabytes of it). A page's signature takes `made_from`, a digest of everything
    the text is made from, instead of the text: a page found unchanged, or in the page
    store, is never made at all."""

    __slots__ = ("made_from", "make")

    def __init__(self, made_from: str, make: Callable[[], str]) -> None:
        self.made_from = made_from
        self.make = make

    def __str__(self) -> str:
        return self.make()


@dataclass(frozen=True, slots=True)
class PageView:
    """One page to write: where, with which template, and what the template sees."""

    path: str
    template: str
    context: dict[str, object]


def card(article: Article) -> Card:
    a = article
    if not a.updates:
        return Card(article_url(a.slug), a.title, a.date, a.summary, a.source, a.authors)
    last = a.updates[-1]
    return Card(
        *(article_url(a.slug), a.title, a.date, a.summary, a.source, a.authors),
        *(last.date, last.kind == "correction"),
    )


def evidence_link(evidence: Citation, cards: tuple[Card, ...]) -> EvidenceLink:
    if evidence.article is not None:
        story = cards[evidence.article]
        return EvidenceLink(story.url, story.title, False)
    url = evidence.url or ""
    host = urlsplit(url).hostname or url
    return EvidenceLink(url, host.removeprefix("www."), True)


def claim_groups(claims: Iterable[ClaimView]) -> tuple[ClaimGroup, ...]:
    """Claims by verdict, in the order of VERDICT_LABELS; each group keeps their order."""
    by_status: dict[str, list[ClaimView]] = {status: [] for status in VERDICT_LABELS}
    for claim in claims:
        by_status[claim.status].append(claim)
    return tuple(
        ClaimGroup(status, VERDICT_LABELS[status], tuple(found))
        for status, found in by_status.items()
        if found
    )


def verdict_tally(statuses: Iterable[str]) -> VerdictTally:
    counted = Counter(statuses)
    counts = tuple((s, counted[s]) for s in VERDICT_LABELS if counted[s])
    return VerdictTally(sum(counted.values()), counts)


def update_views(article: Article) -> tuple[UpdateView, ...]:
    """A story's updates, oldest first, each with its anchor on the story's page."""
    if not article.updates:  # most stories: no generator to start
        return ()
    return tuple(
        UpdateView(u.date, u.kind, UPDATE_LABELS[u.kind], u.text, f"update-{n}")
        for n, u in enumerate(article.updates, 1)
    )


def actor_link(actor: Actor, count: int = 0) -> Link:
    return Link(actor_url(actor.slug), actor.name, count, KIND_LABELS[actor.kind])


def event_link(event: Event, count: int = 0) -> Link:
    return Link(event_url(event.slug), event.name, count)


def mentioned(backlink: Backlink) -> Mentioned:
    b = backlink
    return Mentioned(page_url(b.kind, b.slug), b.title, SOURCE_KINDS[b.kind], b.context, b.slug)


def article_view(a: Article) -> ArticleView:
    updates = update_views(a)
    return ArticleView(
        *(a.slug, a.title, a.date, a.source, a.summary, a.tags, a.draft, a.body_html),
        *(a.authors, a.extra, updates, tuple(u for u in updates if u.kind == "correction")),
        a.sources,
    )


def actor_view(a: Actor) -> ActorView:
    return ActorView(a.slug, a.name, a.kind, a.role, a.aliases, a.bio_html, a.wikidata, a.extra)


def event_view(e: Event) -> EventView:
    return EventView(
        e.slug, e.name, e.date, e.end, e.place, e.description_html, e.wikidata, e.extra
    )
