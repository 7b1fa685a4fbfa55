"""What each kind of page shows, on the `small` fixture site."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from tests.conftest import MakeSite
from tests.helpers import Run, first, texts


@pytest.fixture
def small(make_site: MakeSite) -> Run:
    run = make_site(fixture="small")
    assert run.code == 0, run.err
    return run


def hrefs(soup: BeautifulSoup, selector: str) -> list[str]:
    return [str(a["href"]) for a in soup.select(selector)]


def test_pages_written_for_every_article_actor_and_event(small: Run) -> None:
    written = sorted(p.relative_to(small.output).as_posix() for p in small.output.rglob("*.html"))
    assert written == [
        "actors.html",
        "actors/ada-north.html",
        "actors/ben-south.html",
        "actors/dock-workers-union.html",
        "actors/harbour-ministry.html",
        "articles/first-warning.html",
        "articles/strike-begins.html",
        "articles/strike-ends.html",
        "corrections.html",
        "data.html",
        "events.html",
        "events/harbour-crisis.html",
        "events/harbour-strike.html",
        "graph.html",
        "index.html",
        "timeline.html",
    ]


def test_article_page(small: Run) -> None:
    page = small.page("articles/strike-begins.html")
    assert first(page, "h1").get_text() == "Strike begins at the docks"
    assert first(page, ".story time")["datetime"] == "2023-05-02T08:30:00"
    assert first(page, ".story time").get_text() == "2 May 2023, 08:30"
    # Named by alias and slug in any case; unknown names still link to a page.
    assert hrefs(page, "#named ~ ul a") == [
        "../actors/ada-north.html",
        "../actors/ben-south.html",
        "../actors/dock-workers-union.html",
    ]
    assert hrefs(page, "#covers ~ ul a") == [
        "../events/harbour-strike.html",
        "../events/harbour-crisis.html",
    ]
    assert first(page, "a[rel=prev]")["href"] == "../articles/first-warning.html"
    assert first(page, "a[rel=next]")["href"] == "../articles/strike-ends.html"
    assert "Dockers walked out at dawn." in first(page, ".body").get_text()


def test_article_source_link_and_first_and_last_have_one_neighbour(small: Run) -> None:
    page = small.page("articles/first-warning.html")
    source = first(page, ".story .meta a")
    assert (source["href"], source.get_text()) == ("https://example.org/gazette/1", "Port Gazette")
    assert page.select("a[rel=prev]") == []
    assert small.page("articles/strike-ends.html").select("a[rel=next]") == []


def test_actor_page_infobox_timeline_events_and_co_actors(small: Run) -> None:
    page = small.page("actors/ada-north.html")
    box = dict(zip(texts(page, ".infobox dt"), texts(page, ".infobox dd"), strict=True))
    assert box == {
        "Name": "Ada North",
        "Kind": "Person",
        "Role": "Minister of Harbours",
        "Also called": "North, Minister North",
        "Affiliations": "Harbour Ministry",
        "Stories": "3",
    }
    assert "harbours" in first(page, ".bio strong").get_text()
    assert texts(page, ".timeline .year-label") == ["2023", "2022"]
    assert texts(page, ".timeline .month-label") == ["May 2023", "November 2022"]
    assert texts(page, ".timeline .stories a") == [
        "Strike ends after talks",
        "Strike begins at the docks",
        "First warning from the ministry",
    ]
    assert texts(page, "#events ~ ul li") == ["Harbour crisis 2", "Harbour strike 2"]
    assert texts(page, "#with ~ ul li") == [
        "Ben South 2",
        "Dock Workers Union 2",
        "Harbour Ministry 1",
    ]


def test_organisation_lists_its_members(small: Run) -> None:
    page = small.page("actors/harbour-ministry.html")
    box = dict(zip(texts(page, ".infobox dt"), texts(page, ".infobox dd"), strict=True))
    assert box["Members"] == "Ada North, Ben South"
    assert box["Kind"] == "Organisation"


def test_name_without_a_file_gets_a_page_built_from_articles(small: Run) -> None:
    page = small.page("actors/dock-workers-union.html")
    assert first(page, "h1").get_text() == "Dock Workers Union"
    assert "Known only from the stories" in first(page, ".note").get_text()
    assert len(page.select(".timeline .stories li")) == 2


def test_event_page(small: Run) -> None:
    page = small.page("events/harbour-crisis.html")
    box = dict(zip(texts(page, ".infobox dt"), texts(page, ".infobox dd"), strict=True))
    assert box == {
        "Date": "1 November 2022",
        "End": "30 June 2023",
        "Place": "Port Town",
        "Includes": "Harbour strike",
        "Stories": "2",
    }
    assert texts(page, "#involved ~ ul li") == [
        "Ada North 2",
        "Ben South 1",
        "Dock Workers Union 1",
        "Harbour Ministry 1",
    ]
    child = small.page("events/harbour-strike.html")
    assert first(child, ".infobox a")["href"] == "../events/harbour-crisis.html"
    assert len(child.select(".timeline .stories li")) == 2


def test_indexes(small: Run) -> None:
    actors = small.page("actors.html")
    assert texts(actors, ".az > h2") == ["People", "Organisations", "Others"]
    assert texts(actors, "#person ~ .letter li") == ["Ada North 3", "Ben South 2"]
    events = small.page("events.html")
    assert texts(events, ".chronology a") == ["Harbour crisis", "Harbour strike"]
    timeline = small.page("timeline.html")
    assert texts(timeline, ".stories a")[0] == "Strike ends after talks"
    home = small.page("index.html")
    assert texts(home, ".latest .card-title") == [
        "Strike ends after talks",
        "Strike begins at the docks",
        "First warning from the ministry",
    ]
    assert texts(home, ".side section:first-child li")[0] == "Ada North 3"
    assert "Dockers walk out; the ministry answers." in texts(home, ".summary")
    assert "The minister warned of trouble ahead." in texts(home, ".summary")


def test_drafts_only_with_the_flag(make_site: MakeSite) -> None:
    plain = make_site(fixture="small")
    assert not (plain.output / "articles/secret-deal.html").exists()
    assert not (plain.output / "actors/shadow-broker.html").exists()
    with_drafts = make_site({}, "--drafts")
    assert (with_drafts.output / "articles/secret-deal.html").exists()
    assert (with_drafts.output / "actors/shadow-broker.html").exists()


def test_pages_use_relative_links_only(small: Run) -> None:
    for path in small.output.rglob("*.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in page.select("[href], [src]"):
            url = str(tag.get("href") or tag.get("src"))
            if url.startswith(("http://", "https://")):
                continue
            assert not url.startswith(("/", "file:")), f"{path}: {url}"
            file_part, _, fragment = url.partition("#")
            target = (path.parent / file_part).resolve() if file_part else path.resolve()
            assert target.is_file(), f"{path}: {url} leads nowhere"
            assert target.is_relative_to(small.output.resolve())
            if fragment:
                linked = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                assert linked.find(id=fragment) is not None, f"{path}: {url} has no target"


def test_each_page_describes_itself_even_when_the_site_has_no_description(
    make_site: MakeSite,
) -> None:
    run = make_site(
        {
            "content/articles/a.md": (
                "---\ntitle: Port closes\ndate: 2023-05-02\nactors: [Ada North]\n"
                "events: [Harbour strike]\nsummary: The port shut at noon.\n---\nText.\n"
            )
        }
    )
    assert run.code == 0, run.err

    def described(path: str) -> str | None:
        meta = run.page(path).find("meta", attrs={"name": "description"})
        return None if meta is None else str(meta["content"])

    assert described("articles/a.html") == "The port shut at noon."
    assert described("actors/ada-north.html") == "Ada North: 1 story"  # one, not "1 stories"
    assert described("events/harbour-strike.html") == "Harbour strike: 1 story"
    assert described("index.html") is None  # the site says nothing of itself: no empty tag
