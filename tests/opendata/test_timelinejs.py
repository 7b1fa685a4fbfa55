"""timelines/SLUG.json in TimelineJS3's format, and the embed snippet on each event page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import first, parse_html
from tests.opendata.conftest import SITES, Built

DATE_KEYS = {"year", "month", "day", "hour", "minute"}  # whole numbers
DISPLAY = "display_date"  # text TimelineJS shows instead of the date


def timeline(site: Path, slug: str) -> dict[str, object]:
    path = site / "output" / "data" / "timelines" / f"{slug}.json"
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check_shape(data: dict[str, object]) -> None:
    """What TimelineJS3 requires: events, each with a start_date that has a year and
    text; dates as whole numbers (and text to show in `display_date`); a title slide
    with text."""
    assert set(data) <= {"title", "events", "eras", "scale"}
    title = data["title"]
    assert isinstance(title, dict) and set(title["text"]) <= {"headline", "text"}
    events = data["events"]
    assert isinstance(events, list)
    for slide in events:
        assert set(slide) <= {"start_date", "end_date", "text", "media", "unique_id", "group"}
        for key in ("start_date", "end_date"):
            if key in slide:
                date = dict(slide[key])
                assert isinstance(date.pop(DISPLAY, ""), str)
                assert "year" in date and set(date) <= DATE_KEYS
                assert all(type(v) is int for v in date.values())
        assert set(slide["text"]) <= {"headline", "text"}
        if "media" in slide:
            assert slide["media"]["url"].startswith("https://")


@pytest.mark.parametrize("name", SITES)
def test_every_event_has_a_timeline_of_the_right_shape(built: Built, name: str) -> None:
    site = built(name)
    folder = site / "output" / "data" / "timelines"
    events = sorted(
        p.stem for p in (site / "output" / "events").glob("*.html") if "." not in p.stem
    )
    assert sorted(p.stem for p in folder.glob("*.json")) == events
    for slug in events:
        check_shape(timeline(site, slug))


def test_dates_at_their_precision_and_sources_as_media(built: Built) -> None:
    data = timeline(built("opendata"), "harbour-crisis")
    slides = {slide["unique_id"]: slide for slide in data["events"]}
    own = slides["dossier-event-harbour-crisis"]
    assert own["start_date"] == {"year": 2022, "month": 11, "day": 1}
    assert own["end_date"] == {"year": 2023, "month": 6, "day": 30}
    story = slides["dossier-article-strike-begins"]
    assert story["start_date"] == {"year": 2023, "month": 5, "day": 2, "hour": 8, "minute": 30}
    assert "media" not in story  # no source link
    warning = slides["dossier-article-first-warning"]
    assert warning["media"] == {"url": "https://example.org/gazette/1", "caption": "Port Gazette"}
    assert warning["text"]["headline"] == (
        '<a href="https://example.org/od/articles/first-warning.html">'
        "+First warning from the ministry</a>"
    )
    assert data["title"]["text"]["headline"] == "Harbour crisis"


def test_a_month_and_an_approximate_year(built: Built) -> None:
    """`date: 2023-05` is May 2023, no day; `date: 2019` with `circa: true` is the year,
    shown as "c. 2019", and so is its end (`end: 2020-06`)."""
    site = built("opendata")
    talks = timeline(site, "quiet-talks")
    assert [slide["start_date"] for slide in talks["events"]] == [{"year": 2023, "month": 5}]
    assert "end_date" not in talks["events"][0]
    assert talks["title"]["text"]["text"] == "<p>May 2023</p>"
    plan = timeline(site, "harbour-plan")
    (own,) = plan["events"]
    assert own["unique_id"] == "dossier-event-harbour-plan"
    assert own["start_date"] == {"year": 2019, "display_date": "c. 2019"}
    assert own["end_date"] == {"year": 2020, "month": 6, "display_date": "c. June 2020"}
    assert plan["title"]["text"]["text"] == "<p>c. 2019 \u2013 c. June 2020</p>"
    exact = timeline(site, "harbour-crisis")["events"]
    assert not any(
        DISPLAY in slide[key]
        for slide in exact
        for key in ("start_date", "end_date")
        if key in slide
    )


def test_event_page_lists_its_open_data_and_an_embed_to_copy(built: Built) -> None:
    site = built("opendata")
    page = parse_html(site / "output" / "events" / "harbour-strike.html")
    section = first(page, "section.open-data")
    link = first(section, 'a[type="application/json"]')
    assert link["href"] == "../data/timelines/harbour-strike.json"
    assert (site / "output" / "data" / "timelines" / "harbour-strike.json").is_file()
    code = first(section, "pre code").get_text()
    assert "new TL.Timeline(" in code
    assert "https://example.org/od/data/timelines/harbour-strike.json" in code
    assert "cdn.knightlab.com" in code
    assert not section.select("script, link, iframe")  # shown, never loaded
    assert not page.select('script[src*="knightlab"], link[href*="knightlab"]')
    assert first(section, 'a[href="../data.html"]')


def test_footer_links_the_open_data_page(built: Built) -> None:
    for name in SITES:
        page = parse_html(built(name) / "output" / "index.html")
        assert first(page, 'footer a[href="data.html"]').get_text() == "Open data"
