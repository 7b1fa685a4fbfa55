"""Event dates on the pages at the precision given: "May 2023", "3-5 May 2023", "c. 2019"."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import MakeSite
from tests.helpers import Run, article, first, texts

EVENTS: dict[str, str | bytes] = {
    "content/events/founding.md": "---\nname: Founding\ndate: 2019\n---\nLong ago.\n",
    "content/events/feud.md": "---\nname: Feud\ndate: 2019\ncirca: true\n---\nAbout then.\n",
    "content/events/talks.md": "---\nname: Talks\ndate: 2023-05\n---\nIn May.\n",
    "content/events/summit.md": "---\nname: Summit\ndate: 2023-05-03\nend: 2023-05-05\n---\n",
    "content/events/strike.md": "---\nname: Strike\ndate: 2023-05\nend: 2023-06-20\n---\n",
    "content/articles/a.md": article(
        title="Talks begin", date="2023-05-04", events="[Talks, Summit, Founding, Feud, Strike]"
    ),
}


@pytest.fixture
def built(make_site: MakeSite) -> Run:
    run = make_site(EVENTS)
    assert run.code == 0, run.err
    return run


def times(page: BeautifulSoup, selector: str) -> list[tuple[str, str]]:
    return [(str(t["datetime"]), t.get_text()) for t in page.select(f"{selector} time")]


@pytest.mark.parametrize(
    ("slug", "lede", "datetimes"),
    [
        ("talks", "May 2023", [("2023-05", "May 2023")]),
        ("founding", "2019", [("2019", "2019")]),
        ("feud", "c. 2019", [("2019", "c. 2019")]),
        ("summit", "3\u20135 May 2023", [("2023-05-03", "3"), ("2023-05-05", "5 May 2023")]),
        (
            "strike",
            "May 2023 \u2013 20 June 2023",
            [("2023-05", "May 2023"), ("2023-06-20", "20 June 2023")],
        ),
    ],
)
def test_an_event_page_shows_the_precision_given(
    built: Run, slug: str, lede: str, datetimes: list[tuple[str, str]]
) -> None:
    page = built.page(f"events/{slug}.html")
    assert texts(page, ".lede") == [lede]
    assert times(page, ".lede") == datetimes
    infobox = dict(zip(texts(page, ".infobox dt"), texts(page, ".infobox dd"), strict=True))
    ends = {"summit": ("3 May 2023", "5 May 2023"), "strike": ("May 2023", "20 June 2023")}
    assert (infobox["Date"], infobox.get("End")) == ends.get(slug, (lede, None))


def test_the_events_list_shows_each_form_in_order(built: Run) -> None:
    page = built.page("events.html")
    rows = page.select("ol.chronology > li")
    assert [first(row, "a").get_text() for row in rows] == [
        "Feud",  # c. 2019 and 2019: one earliest day, name order
        "Founding",
        "Strike",  # May 2023 and May 2023 to 20 June: name order
        "Talks",
        "Summit",
    ]
    shown = [" ".join(t.get_text() for t in row.select("time")) for row in rows]
    assert shown == ["c. 2019", "2019", "May 2023 20 June 2023", "May 2023", "3 5 May 2023"]
    assert "3\u20135 May 2023" in rows[4].get_text()


def test_the_events_timeline_draws_each_stretch(built: Run) -> None:
    page = built.page("events.html")
    tracks = {
        first(row, "a").get_text(): row.select_one(".span-track")
        for row in page.select("ol.chronology > li")
    }
    kinds = {
        name: [" ".join(b["class"]) for b in t.select(".span-bar")]
        for name, t in tracks.items()
        if t
    }
    assert kinds == {
        "Feud": ["span-bar maybe"],
        "Founding": ["span-bar maybe"],
        "Strike": ["span-bar maybe", "span-bar sure"],  # any day of May; surely 31 May-20 June
        "Talks": ["span-bar maybe"],
        "Summit": ["span-bar sure"],
    }
    assert [name for name, t in tracks.items() if t and "circa" in t["class"]] == ["Feud"]
    founding = first(tracks["Founding"], ".span-bar")["style"]
    # 2019-01-01 to 2023-06-20: the first of 1,632 days, and the 365 days of 2019
    assert founding == "left: 0.00%; width: 22.37%"
    assert first(page, ".span-key")["aria-hidden"] == "true"
    assert texts(page, ".span-axis .tick") == ["2019", "2020", "2021", "2022", "2023"]


def test_no_file_invents_a_day_or_a_month_for_a_year(built: Run) -> None:
    invented = re.compile(r"1 January 2019|January 2019|2019-01-01|2019-01")
    for path in built.output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".xml", ".json"):
            text = path.read_text(encoding="utf-8")
            assert not invented.search(text), (path, invented.search(text))


def test_the_search_index_has_each_date_at_its_precision(built: Run) -> None:
    script = (built.output / "search-index.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("{") : script.rindex("}") + 1])
    assert {entry[1]: entry[2] for entry in index["e"]} == {
        "Feud": "2019~",
        "Founding": "2019",
        "Strike": "2023-05",
        "Talks": "2023-05",
        "Summit": "2023-05-03",
    }


def test_the_coverage_chart_says_what_the_shaded_band_is(built: Run) -> None:
    page = built.page("events/feud.html")
    desc = first(page, "svg.coverage desc").get_text()
    assert desc.endswith("The shaded band is the event itself: c. 2019.")
    assert texts(page, ".chart-figure figcaption") == [
        "The shaded band is the event itself: c. 2019."
    ]
    assert first(page, "svg.coverage g.period")["class"] == ["period", "circa"]


def test_in_french(make_site: MakeSite) -> None:
    run = make_site(EVENTS, config="title: T\nlanguage: fr\n")
    assert run.code == 0, run.err
    assert texts(run.page("events/feud.html"), ".lede") == ["vers 2019"]
    assert texts(run.page("events/talks.html"), ".lede") == ["mai 2023"]
    assert texts(run.page("events/summit.html"), ".lede") == ["3\u20135 mai 2023"]
