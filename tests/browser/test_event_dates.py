"""Event dates in Chromium: each form as a reader sees it, the events timeline, the band."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_support import DESKTOP, PHONE, BuiltSite, Tab

from tests.conftest import MakeSite
from tests.helpers import article

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

WAR = "events/russia-ukraine-war.html"  # the example's event known to the month
FORMS: dict[str, str | bytes] = {
    "content/events/founding.md": "---\nname: Founding\ndate: 2019\n---\nLong ago.\n",
    "content/events/feud.md": "---\nname: Feud\ndate: 2019\ncirca: true\n---\nAbout then.\n",
    "content/events/talks.md": "---\nname: Talks\ndate: 2023-05\n---\nIn May.\n",
    "content/events/summit.md": "---\nname: Summit\ndate: 2023-05-03\nend: 2023-05-05\n---\n",
    "content/events/strike.md": "---\nname: Strike\ndate: 2023-05\nend: 2023-06-20\n---\n",
    "content/articles/a.md": article(
        title="Talks begin", date="2023-05-04", events="[Talks, Summit, Founding, Feud, Strike]"
    ),
}

BOXES_JS = """(selector) => [...document.querySelectorAll(selector)].map((el) => {
  const box = el.getBoundingClientRect();
  return [box.left, box.right, box.width, box.height];
})"""


def boxes(page: Page, selector: str) -> list[list[float]]:
    found: list[list[float]] = page.evaluate(BOXES_JS, selector)
    return found


def test_each_date_form_reads_as_written_and_in_order(
    browser: Browser, make_site: MakeSite
) -> None:
    run = make_site(FORMS)
    assert run.code == 0, run.err
    page = browser.new_page(viewport=DESKTOP)
    page.goto((run.output / "events.html").as_uri())
    rows = page.locator("ol.chronology > li")
    dates = [rows.nth(n).locator("time").all_inner_texts() for n in range(rows.count())]
    assert ["".join(d) for d in dates] == [
        "c. 2019",
        "2019",
        "May 202320 June 2023",
        "May 2023",
        "35 May 2023",
    ]
    shown = [re.sub(r"\s+", " ", text) for text in rows.all_inner_texts()]
    assert [line.split(" 1")[0] for line in shown] == [  # each line's text, up to its count
        "c. 2019 Feud",
        "2019 Founding",
        "May 2023 \u2013 20 June 2023 Strike",  # the dash stands between the two <time>s
        "May 2023 Talks",
        "3\u20135 May 2023 Summit",
    ]
    summit = boxes(page, "ol.chronology > li:last-child .dates time")
    assert len(summit) == 2 and summit[0][2] < 24  # "3" as wide as its text
    assert 0 <= summit[1][0] - summit[0][1] < 16  # side by side
    page.goto((run.output / "events/feud.html").as_uri())
    assert page.locator(".lede").inner_text() == "c. 2019"
    chart = page.get_by_role("img", name=re.compile("The shaded band is the event itself: c. 2019"))
    assert chart.count() == 1
    page.close()


@pytest.mark.parametrize(("device", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_the_events_page_draws_each_event_as_a_bar(
    tab: Tab, site: BuiltSite, screenshots: Path, device: str, viewport: dict[str, int]
) -> None:
    page = tab.open("events.html", viewport)  # type: ignore[arg-type]
    war = page.locator("ol.chronology > li").first
    assert war.locator("time").get_attribute("datetime") == "2014-02"
    assert war.locator("time").inner_text() == "February 2014"
    track = boxes(page, "ol.chronology > li:first-child .span-track")[0]
    bars = boxes(page, "ol.chronology > li .span-bar")
    assert len(bars) == page.locator("ol.chronology > li").count()
    for left, right, width, height in bars:  # every bar visible, inside its track
        assert width >= 3 and height > 0
        assert track[0] - 0.5 <= left and right <= track[1] + 3.5
    assert page.locator(".span-bar.maybe").count() == 1  # February 2014: the month only
    ticks = boxes(page, ".span-axis .tick")
    assert ticks and all(track[0] - 0.5 <= t[0] and t[1] <= track[1] + 0.5 for t in ticks)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert page.locator(".span-legend").is_visible()
    page.screenshot(path=screenshots / f"events-timeline-{device}.png", full_page=True)
    assert tab.problems == [], "\n".join(tab.problems)


@pytest.mark.parametrize(("device", "viewport"), [("phone", PHONE), ("desktop", DESKTOP)])
def test_an_event_chart_names_and_shades_its_own_month(
    tab: Tab, screenshots: Path, device: str, viewport: dict[str, int]
) -> None:
    page = tab.open(WAR, viewport)  # type: ignore[arg-type]
    assert page.locator(".lede time").inner_text() == "February 2014"
    name = re.compile(r"Stories about Russia-Ukraine war .*event itself: February 2014\.$")
    chart = page.get_by_role("img", name=name)
    assert chart.count() == 1
    caption = page.locator(".chart-figure figcaption")
    assert caption.inner_text() == "The shaded band is the event itself: February 2014."
    band = boxes(page, "svg.coverage g.period rect")[0]
    bar = boxes(page, "svg.coverage g.bars rect")[0]
    assert band[2] > 0 and band[1] < bar[0]  # February 2014 is years before the story
    chart.screenshot(path=screenshots / f"event-band-{device}.png")
    page.screenshot(path=screenshots / f"event-month-{device}.png", full_page=True)
    assert tab.problems == [], "\n".join(tab.problems)
