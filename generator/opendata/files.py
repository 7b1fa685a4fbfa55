"""Every data file, by format, and what the "Open data" page says of each.

In: a `Site` and the formats wanted. Out: `DataFile`s (a path under data/ and the maker
of its text), in one order, for a build (`pages.opendata`) and for `dossier export`; and
`DESCRIBED`, each file with its columns (or schemata, attributes, keys) in English.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from generator.language import N_
from generator.model.site import Site
from generator.opendata.cells import Column
from generator.opendata.ftm import ftm_text
from generator.opendata.gexf import gexf_text
from generator.opendata.tables import TABLES
from generator.opendata.timelinejs import timeline_path, timeline_text

DATA_DIR = "data"  # under output/
FORMATS = ("ftm", "csv", "gexf", "timelinejs")
FTM_FILE, GEXF_FILE = "entities.ftm.json", "graph.gexf"


@dataclass(frozen=True, slots=True)
class DataFile:
    """A file under data/ and how to make its text: made only when asked for (`text`),
    so a build that finds the file unchanged never makes it (see `pages.opendata`)."""

    path: str  # under data/, with `/`
    make: Callable[[], str]

    @property
    def text(self) -> str:
        return self.make()


def data_files(site: Site, formats: Iterable[str] = FORMATS) -> Iterator[DataFile]:
    """The files of these formats, in the order of FORMATS."""
    wanted = set(formats)
    if "ftm" in wanted:
        yield DataFile(FTM_FILE, partial(ftm_text, site))
    if "csv" in wanted:
        for table in TABLES:
            yield DataFile(table.name, partial(table.text, site))
    if "gexf" in wanted:
        yield DataFile(GEXF_FILE, partial(gexf_text, site))
    if "timelinejs" in wanted:
        for slug, event in site.events.items():
            yield DataFile(timeline_path(slug), partial(timeline_text, site, event))


@dataclass(frozen=True, slots=True)
class Described:
    """A data file as the "Open data" page documents it: `fields` are its columns, or
    the schemata, attributes or keys it holds (`kind` says which)."""

    path: str  # under data/; `timelines/SLUG.json` stands for one file per event
    format: str
    about: str
    kind: str  # "column", "schema", "attribute" or "key"
    fields: tuple[Column, ...]


FTM_SCHEMATA = (
    Column("Person", N_("An actor of kind person: name, alias, position (role), wikidataId.")),
    Column(
        "Organization",
        N_("An actor of kind organization: name, alias, description (role), wikidataId."),
    ),
    Column("LegalEntity", N_("An actor of kind other, with the same properties.")),
    Column(
        "Event",
        N_("An event: name, startDate, endDate, location, wikidataId, involved (its actors)."),
    ),
    Column(
        "Article",
        N_("A story: title, publishedAt, author, summary, publisher and sourceUrl (its sources)."),
    ),
    Column(
        "Documentation",
        N_(
            "A story (document) that names an actor or is about an event (entity); role says which."
        ),
    ),
    Column(
        "Membership",
        N_("An affiliation with an organisation, or a membership: member, organization."),
    ),
    Column(
        "Employment", N_("A relation of employment: employee, employer, role, startDate, endDate.")
    ),
    Column(
        "Directorship",
        N_("A relation of direction: director, organization, role, startDate, endDate."),
    ),
    Column("Family", N_("A family relation between two people: person, relative, relationship.")),
    Column(
        "UnknownLink",
        N_("Any other tie: subject, object, role (an event part of another, say)."),
    ),
)

GEXF_ATTRIBUTES = (
    Column(
        "node kind",
        N_("person, organization or other. A node's id is the actor's id in entities.ftm.json."),
    ),
    Column("node url", N_("The actor's page.")),
    Column("node stories", N_("How many stories name the actor.")),
    Column("node wikidata", N_("Its Wikidata item id, if any.")),
    Column("edge weight", N_("For co-occurrence: how many stories name both actors.")),
    Column(
        "edge kind", N_("co-occurrence (named in the same stories) or relation (a typed relation).")
    ),
    Column("edge type", N_("A relation's type, as the site words it.")),
    Column("edge since", N_("When a relation began.")),
    Column("edge until", N_("When a relation ended.")),
)

TIMELINE_KEYS = (
    Column("title", N_("The title slide: the event's name, when and where.")),
    Column(
        "events",
        N_("The slides: the event itself when its date is known, then each story about it."),
    ),
    Column(
        "start_date, end_date",
        N_("year, month, day (hour, minute for a time): as precise as the site knows."),
    ),
    Column(
        "display_date",
        N_(
            "In start_date and end_date when the date is approximate: the text TimelineJS"
            ' shows instead ("c. 2019").'
        ),
    ),
    Column(
        "text",
        N_("headline (the story's title, a link with a base_url) and text (its summary), as HTML."),
    ),
    Column("media", N_("url: the story's source link; caption: the source's name.")),
    Column("unique_id", N_("The story's or event's id in entities.ftm.json.")),
)

DESCRIBED = (
    Described(
        FTM_FILE,
        "ftm",
        N_("FollowTheMoney entities, one JSON object a line, for Aleph and OpenSanctions' tools."),
        "schema",
        FTM_SCHEMATA,
    ),
    *(Described(t.name, "csv", t.about, "column", t.columns) for t in TABLES),
    Described(
        GEXF_FILE,
        "gexf",
        N_("Who is named with whom, and typed relations: a GEXF 1.2 graph for Gephi or networkx."),
        "attribute",
        GEXF_ATTRIBUTES,
    ),
    Described(
        timeline_path("SLUG"),
        "timelinejs",
        N_("One TimelineJS timeline per event; SLUG is the event's page name."),
        "key",
        TIMELINE_KEYS,
    ),
)
