"""JSON-LD, Open Graph and Twitter cards: what search engines and link previews read.

Built pages are read as a consumer would: the JSON-LD by extruct, expanded by pyld against
the schema.org terms in tests/fixtures/schema_org_context.jsonld (no network), checked for
the fields Google's structured-data documentation asks of each type, and every `@id` a
page names is followed to the page that describes it.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from generator.build import Builder
from generator.pages.records import ActorView
from generator.pages.schema_org import At, actor_entity, claim_review, relation_property
from generator.pages.structured import og_locale, script_json
from generator.source.config import Config
from tests.conftest import MakeSite
from tests.helpers import FIXTURES, article, first, parse_html
from tests.pages.structured_support import (
    LOCAL,
    SCHEMA,
    Node,
    entities,
    expand,
    of_type,
    open_graph,
    page_json_ld,
    references,
    value,
    values,
)

BASE = "https://example.org/harbour/"  # tests/fixtures/linked/site.yaml's base_url


def built(tmp_path_factory: pytest.TempPathFactory, fixture: str) -> Path:
    site = tmp_path_factory.mktemp(fixture) / "site"
    shutil.copytree(FIXTURES / fixture, site)
    result = Builder(site, site / "output").build()
    assert result.errors == []
    return site / "output"


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/linked, built: base_url, authors, sources, updates, claims, Wikidata."""
    return built(tmp_path_factory, "linked")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/small, built: no base_url."""
    return built(tmp_path_factory, "small")


def graph(output: Path, page: str, base: str = BASE) -> list[Node]:
    """The page's one JSON-LD document, expanded."""
    documents = page_json_ld(output, page, base)
    assert len(documents) == 1, page
    return expand(documents[0], page, base)


def the(output: Path, page: str, kind: str, base: str = BASE) -> Node:
    found = of_type(graph(output, page, base), kind)
    assert len(found) == 1, (page, kind, found)
    return found[0]


def ids(node: Node, term: str) -> list[str]:
    return [v["@id"] for v in values(node, term)]


def html_pages(output: Path) -> list[str]:
    return sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))


# --- every page ----------------------------------------------------------------------------


@pytest.mark.parametrize(("fixture", "base"), [("linked", BASE), ("small", LOCAL)])
def test_every_reference_resolves_to_an_entity_on_the_page_it_points_at(
    fixture: str, base: str, request: pytest.FixtureRequest
) -> None:
    output: Path = request.getfixturevalue(fixture)
    described = {page: entities(graph(output, page, base)) for page in html_pages(output)}
    followed = 0
    for page, found in described.items():
        assert found, f"{page} describes nothing"
        for ref in references(graph(output, page, base)):
            if not ref.startswith(base):
                continue  # a source's address, a Wikidata item
            target, _, fragment = ref[len(base) :].partition("#")
            target = target or "index.html"  # the site's own address: its home page
            assert (output / target).is_file(), f"{page} names {ref}: no such page"
            if fragment:
                assert ref in described[target], f"{page} names {ref}: not described there"
                followed += 1
    assert followed > 20


def test_without_base_url_ids_are_relative_to_the_page(small: Path) -> None:
    [document] = page_json_ld(small, "articles/strike-begins.html")
    story = document["@graph"][0]
    assert story["@id"] == "../articles/strike-begins.html#article"
    assert story["mentions"][0] == {"@id": "../actors/ada-north.html#actor"}
    assert story["publisher"]["@id"] == "../index.html#publisher"
    text = json.dumps(document)
    assert "http" not in text.replace("https://schema.org", "")
    [home] = page_json_ld(small, "index.html")
    assert home["@graph"][0]["@id"] == "index.html#website"
    # read from either page, the two name one publisher
    from_story = expand(document, "articles/strike-begins.html")
    from_home = expand(home, "index.html")
    publisher = value(of_type(from_story, "NewsArticle")[0], "publisher")["@id"]
    assert publisher == LOCAL + "index.html#publisher"
    assert publisher in entities(from_home)


def test_with_base_url_ids_are_absolute(linked: Path) -> None:
    [document] = page_json_ld(linked, "actors/ada-north.html", BASE)
    assert document["@graph"][0]["@id"] == BASE + "actors/ada-north.html#actor"


# --- stories -----------------------------------------------------------------------------


def test_a_story_is_a_news_article_with_what_google_asks_for(linked: Path) -> None:
    story = the(linked, "articles/strike-begins.html", "NewsArticle")
    assert value(story, "headline") == "Strike begins at the docks"
    published = dt.datetime.fromisoformat(value(story, "datePublished"))
    assert published.utcoffset() == dt.timedelta(hours=2)
    assert value(story, "dateModified") == "2023-05-05"  # the newest update
    [author] = values(story, "author")
    assert author["@type"] == [SCHEMA + "Person"]
    assert value(author, "name") == "Jane Reporter"
    publisher = value(story, "publisher")
    assert value(publisher, "name") == "Harbour files"
    assert value(publisher, "url")["@id"] == BASE
    assert value(story, "description") == "Dockers walk out; the ministry answers."
    assert value(story, "inLanguage") == "en-GB"
    assert values(story, "keywords") == ["strike", "ports"]


def test_a_story_names_its_actors_and_events_by_their_ids(linked: Path) -> None:
    story = the(linked, "articles/strike-ends.html", "NewsArticle")
    assert ids(story, "about") == [
        BASE + "events/harbour-strike.html#event",
        BASE + "events/harbour-crisis.html#event",
    ]
    assert ids(story, "mentions") == [
        BASE + "actors/harbour-ministry.html#actor",
        BASE + "actors/dock-workers-union.html#actor",
    ]
    assert [value(a, "name") for a in values(story, "author")] == ["Jane Reporter", "Sam Writer"]
    assert "dateModified" not in json.dumps(page_json_ld(linked, "articles/strike-ends.html"))


def test_a_story_is_based_on_its_sources_and_their_archived_copies(linked: Path) -> None:
    story = the(linked, "articles/strike-begins.html", "NewsArticle")
    gazette, docker = values(story, "isBasedOn")
    assert value(gazette, "name") == "Port Gazette"
    assert value(gazette, "url")["@id"] == "https://example.org/gazette/1"
    assert value(gazette, "archivedAt")["@id"] == (
        "https://web.archive.org/web/20230502120000/https://example.org/gazette/1"
    )
    assert value(docker, "name") == "A docker on the quay"
    assert values(docker, "url") == []


# --- actors ------------------------------------------------------------------------------


def test_a_person_has_names_wikidata_job_and_affiliation(linked: Path) -> None:
    person = the(linked, "actors/ada-north.html", "Person")
    assert value(person, "name") == "Ada North"
    assert values(person, "alternateName") == ["North", "Minister North"]
    assert value(person, "sameAs")["@id"] == "https://www.wikidata.org/wiki/Q7747"
    assert value(person, "jobTitle") == "Minister of Harbours"
    assert ids(person, "affiliation") == [BASE + "actors/harbour-ministry.html#actor"]


def test_an_organisation_has_its_members_and_what_it_belongs_to(linked: Path) -> None:
    ministry = the(linked, "actors/harbour-ministry.html", "Organization")
    assert value(ministry, "name") == "Harbour Ministry"
    assert value(ministry, "description") == "The government department in charge of ports"
    assert values(ministry, "jobTitle") == []
    assert ids(ministry, "memberOf") == [BASE + "actors/port-council.html#actor"]
    assert ids(ministry, "member") == [BASE + "actors/ada-north.html#actor"]


def test_an_actor_of_another_kind_is_a_thing(linked: Path) -> None:
    thing = the(linked, "actors/dock-rumour.html", "Thing")
    assert value(thing, "name") == "Dock rumour"
    union = the(linked, "actors/dock-workers-union.html", "Thing")  # known only from stories
    assert value(union, "name") == "Dock Workers Union"


def test_relations_are_schema_org_properties_on_both_actors(linked: Path) -> None:
    ada = the(linked, "actors/ada-north.html", "Person")
    assert ids(ada, "worksFor") == [BASE + "actors/harbour-ministry.html#actor"]  # employed by
    ministry = the(linked, "actors/harbour-ministry.html", "Organization")
    assert ids(ministry, "employee") == [BASE + "actors/ada-north.html#actor"]
    assert ids(ministry, "subOrganization") == [BASE + "actors/port-council.html#actor"]
    council = the(linked, "actors/port-council.html", "Organization")
    assert ids(council, "parentOrganization") == [BASE + "actors/harbour-ministry.html#actor"]
    # "ally of" has no schema.org property: Ada's page names the council nowhere
    assert BASE + "actors/port-council.html#actor" not in json.dumps(ada)


def test_relations_map_to_schema_org_properties_by_kind() -> None:
    assert relation_property("member of", "Person") == "memberOf"
    assert relation_property("Employed  by", "Person") == "worksFor"
    assert relation_property("part of", "Organization") == "parentOrganization"
    assert relation_property("part of", "Person") is None  # no such property on a person
    assert relation_property("ally of", "Person") is None
    assert relation_property("member of", "Organization", inverse=True) == "member"
    assert relation_property("member of", "Person", inverse=True) is None
    at = At("actors/a.html", "../", Config("T"))
    actor = ActorView("a", "A", "person", None, (), "")
    stated = [("member of", "actors/b.html"), ("family of", "actors/c.html"), ("owns", "d")]
    found = actor_entity(at, actor, (), (), stated, [("member of", "actors/e.html")])
    assert found["memberOf"] == [{"@id": "../actors/b.html#actor"}]
    assert found["relatedTo"] == [{"@id": "../actors/c.html#actor"}]
    assert "owns" not in found and "member" not in found  # a person has no members


# --- events and claims -------------------------------------------------------------------


def test_an_event_has_name_dates_place_and_its_place_among_events(linked: Path) -> None:
    strike = the(linked, "events/harbour-strike.html", "Event")
    assert value(strike, "name") == "Harbour strike"
    assert value(strike, "startDate") == "2023-05-02"
    assert values(strike, "endDate") == []
    assert value(value(strike, "location"), "name") == "Port Town"
    assert value(strike, "location")["@type"] == [SCHEMA + "Place"]
    assert ids(strike, "superEvent") == [BASE + "events/harbour-crisis.html#event"]
    crisis = the(linked, "events/harbour-crisis.html", "Event")
    assert (value(crisis, "startDate"), value(crisis, "endDate")) == ("2022-11", "2023")
    assert ids(crisis, "subEvent") == [BASE + "events/harbour-strike.html#event"]
    assert value(crisis, "sameAs")["@id"] == "https://www.wikidata.org/wiki/Q1234"


def test_each_claim_is_a_claim_with_its_author_and_where_it_appeared(linked: Path) -> None:
    found = graph(linked, "events/harbour-strike.html")
    claims = {value(c, "text"): c for c in of_type(found, "Claim")}
    assert set(claims) == {
        "The strike was called by the ministry.",
        "Pay has not risen in ten years.",
    }
    denied = claims["The strike was called by the ministry."]
    assert ids(denied, "author") == [BASE + "actors/ada-north.html#actor"]
    assert value(denied, "name") == "Ada North denies: The strike was called by the ministry."
    assert ids(denied, "about") == [BASE + "events/harbour-strike.html#event"]
    pay = claims["Pay has not risen in ten years."]  # said in both stories: one claim
    assert ids(pay, "appearance") == [
        BASE + "articles/strike-begins.html#article",
        BASE + "articles/strike-ends.html#article",
    ]
    assert ids(pay, "firstAppearance") == [BASE + "articles/strike-begins.html#article"]
    [review] = of_type(found, "ClaimReview")  # the denial is unverified: not reviewed
    assert ids(review, "itemReviewed") == [pay["@id"]]
    assert value(review, "claimReviewed") == "Pay has not risen in ten years."
    assert value(value(review, "reviewRating"), "alternateName") == "False"
    assert value(review, "datePublished") == "2023-05-03"  # the story that gives the verdict
    assert value(value(review, "author"), "name") == "Harbour files"
    assert value(review, "url")["@id"] == BASE + "events/harbour-strike.html"
    crisis = graph(linked, "events/harbour-crisis.html")
    assert [value(c, "text") for c in of_type(crisis, "Claim")] == ["Talks will go on."]


def test_a_claims_id_is_the_same_from_build_to_build(linked: Path) -> None:
    [document] = page_json_ld(linked, "events/harbour-strike.html", BASE)
    claim_ids = sorted(e["@id"] for e in document["@graph"] if e["@type"] == "Claim")
    assert claim_ids == [
        BASE + "events/harbour-strike.html#claim-1ed3dafec2",
        BASE + "events/harbour-strike.html#claim-531434417a",
    ]


def test_a_verdict_is_a_claim_review_with_its_rating_label() -> None:
    at = At("events/e.html", "../", Config("Harbour files", base_url=BASE))
    claim: dict[str, object] = {"@type": "Claim", "@id": BASE + "events/e.html#claim-1"}
    claim |= {"text": "Pay has not risen in ten years."}
    review = claim_review(at, claim, "false")
    assert review is not None
    expanded = expand(
        {"@context": "https://schema.org", "@graph": [claim, review]}, "events/e.html"
    )
    [found] = of_type(expanded, "ClaimReview")
    assert value(found, "claimReviewed") == "Pay has not risen in ten years."
    assert value(value(found, "reviewRating"), "alternateName") == "False"
    assert ids(found, "itemReviewed") == [BASE + "events/e.html#claim-1"]
    assert value(value(found, "author"), "name") == "Harbour files"
    assert value(found, "url")["@id"] == BASE + "events/e.html"
    assert claim_review(at, claim, "unverified") is None
    assert claim_review(at, claim, None) is None


# --- list pages --------------------------------------------------------------------------


def test_the_home_page_is_the_website_and_lists_are_collection_pages(linked: Path) -> None:
    site = the(linked, "index.html", "WebSite")
    assert value(site, "name") == "Harbour files"
    assert value(site, "url")["@id"] == BASE
    assert value(value(site, "publisher"), "name") == "Harbour files"
    for page, name in [
        ("actors.html", "Actors"),
        ("events.html", "Events"),
        ("timeline.html", "Timeline"),
        ("corrections.html", "Corrections and updates"),
        ("graph.html", "Who is named with whom"),
    ]:
        listing = the(linked, page, "CollectionPage")
        assert value(listing, "name") == name
        assert value(listing, "url")["@id"] == BASE + page
        assert ids(listing, "isPartOf") == [BASE + "index.html#website"]


# --- link previews -----------------------------------------------------------------------


def test_a_story_has_its_open_graph_card(linked: Path) -> None:
    card = open_graph(linked, "articles/strike-begins.html", BASE)
    assert card == {
        "og:type": "article",
        "og:title": "Strike begins at the docks",
        "og:description": "Dockers walk out; the ministry answers.",
        "og:site_name": "Harbour files",
        "og:locale": "en_GB",
        "og:url": BASE + "articles/strike-begins.html",
        "article:published_time": "2023-05-02T08:30:00+02:00",
        "article:modified_time": "2023-05-05",
    }
    page = parse_html(linked / "articles/strike-begins.html")
    twitter = {m["name"]: m["content"] for m in page.select('meta[name^="twitter:"]')}
    assert twitter == {
        "twitter:card": "summary",
        "twitter:title": "Strike begins at the docks",
        "twitter:description": "Dockers walk out; the ministry answers.",
    }


def test_a_person_is_a_profile_and_other_pages_are_websites(linked: Path) -> None:
    assert open_graph(linked, "actors/ada-north.html", BASE)["og:type"] == "profile"
    assert open_graph(linked, "actors/harbour-ministry.html", BASE)["og:type"] == "website"
    event = open_graph(linked, "events/harbour-strike.html", BASE)
    assert (event["og:type"], event["og:title"]) == ("website", "Harbour strike")
    home = open_graph(linked, "index.html", BASE)
    assert (home["og:title"], home["og:url"]) == ("Harbour files", BASE + "index.html")
    assert home["og:description"] == "Who said what about the harbour strike."


def test_without_base_url_a_card_has_no_url(small: Path) -> None:
    card = open_graph(small, "articles/strike-ends.html")
    assert "og:url" not in card
    assert card["og:locale"] == "en_US"
    assert "article:modified_time" not in card


@pytest.mark.parametrize(
    ("code", "locale"),
    [("en", "en_US"), ("en-GB", "en_GB"), ("fr", "fr_FR"), ("uk", "uk_UA"), ("pt-BR", "pt_BR")],
)
def test_open_graph_locales(code: str, locale: str) -> None:
    assert og_locale(code) == locale


# --- safety ------------------------------------------------------------------------------

HOSTILE = '</script><script>alert(1)</script><!-- & "quoted" </SCRIPT'


def test_a_hostile_title_cannot_leave_the_script_element(make_site: MakeSite) -> None:
    title = json.dumps(HOSTILE)  # as YAML, a double-quoted string
    run = make_site({"content/articles/evil.md": article(title=title)})
    assert run.code == 0, run.err
    html = (run.output / "articles/evil.html").read_text(encoding="utf-8")
    assert "\\u003c/script\\u003e" in html
    page = parse_html(run.output / "articles/evil.html")
    assert [s.get("type") for s in page.find_all("script")] == [None, "application/ld+json"]
    document = json.loads(first(page, 'script[type="application/ld+json"]').string or "")
    assert document["@graph"][0]["headline"] == HOSTILE
    assert first(page, 'meta[property="og:title"]')["content"] == HOSTILE
    [extracted] = page_json_ld(run.output, "articles/evil.html")
    assert extracted == document


def test_script_json_escapes_what_could_end_the_script() -> None:
    text = script_json({"a": "</script><!--x-->", "b": "</", "c": "a & b > c"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!--x-->", "b": "</", "c": "a & b > c"}


# --- incremental -------------------------------------------------------------------------


def test_an_edited_claim_reaches_the_event_pages_json_ld(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "linked", site)
    builder = Builder(site, site / "output")
    assert builder.build().errors == []
    story = site / "content/articles/strike-ends.md"
    story.write_text(story.read_text().replace("Talks will go on.", "Talks are over."))
    assert Builder(site, site / "output").build().errors == []
    crisis = graph(site / "output", "events/harbour-crisis.html")
    assert [value(c, "text") for c in of_type(crisis, "Claim")] == ["Talks are over."]
