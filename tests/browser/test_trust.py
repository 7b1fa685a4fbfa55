"""What a reader sees of the site's corrections and saved sources, in Chromium: the
correction notice above the story, the list of updates at its end, corrections.html,
and a source's archived copy beside its link (Robust Links), at phone and desktop width."""

from __future__ import annotations

import pytest
from browser_support import DESKTOP, PHONE, SCREENSHOTS, Tab

pytestmark = pytest.mark.browser

EXPLAINER = "articles/2023-05-04-explainer-kremlin-drone-incident.html"
REPORT = "articles/2023-05-03-kremlin-reports-drone-attack.html"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_correction_notice_is_seen_before_the_story(tab: Tab, viewport: object) -> None:
    page = tab.open(EXPLAINER, viewport)  # type: ignore[arg-type]
    notice = page.locator(".corrections-notice")
    assert notice.is_visible()
    assert notice.inner_text().startswith("Correction, 4 May 2023, 21:00: An earlier version")
    body_top = page.locator(".prose p").first.bounding_box()
    box = notice.bounding_box()
    assert box is not None and body_top is not None
    assert box["y"] + box["height"] <= body_top["y"]  # read before the first paragraph
    # as wide as the story's text, not the whole page
    assert box["x"] + box["width"] <= body_top["x"] + body_top["width"] + 1
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]  # type: ignore[index]
    # set apart from the story's text by more than its colour: a border or a background
    style = notice.evaluate(
        "n => { const s = getComputedStyle(n); return [s.borderLeftWidth, s.backgroundColor] }"
    )
    assert style[0] != "0px" or style[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    # the notice leads to the entry in the list at the story's end
    notice.locator("a").first.click()
    assert page.url.endswith("#update-1")
    target = page.locator("#update-1")
    assert target.is_visible()
    assert "It was published on 3 May" in target.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"correction-{viewport['width']}.png")  # type: ignore[index]
    assert tab.problems == []


def test_corrections_page_lists_the_updates_newest_first(tab: Tab) -> None:
    page = tab.open("corrections.html", PHONE)
    items = page.locator("ol.corrections li")
    assert items.count() == 2
    assert items.nth(0).inner_text().startswith("5 May 2023, 09:00 Update")
    assert items.nth(1).inner_text().startswith("4 May 2023, 21:00 Correction")
    items.nth(1).locator("a").click()
    page.wait_for_load_state("load")  # before the next page: else its assets' loads are cut
    assert page.url.endswith(EXPLAINER + "#update-1")
    footer = tab.open("index.html", PHONE).locator("footer a", has_text="Corrections")
    assert footer.is_visible()
    assert tab.problems == []


def test_an_archived_source_shows_its_saved_copy_beside_the_link(tab: Tab) -> None:
    page = tab.open(REPORT, PHONE)
    original = page.locator("a[data-versionurl]", has_text="AeroTime")
    copy = page.locator(".archived a")
    assert original.is_visible() and copy.is_visible()
    assert copy.inner_text() == "archived copy"
    url = original.get_attribute("href")
    assert url is not None and url.startswith("https://www.aerotime.aero/")
    assert original.get_attribute("data-originalurl") == url
    assert copy.get_attribute("data-originalurl") == url
    saved = copy.get_attribute("href")
    assert saved == original.get_attribute("data-versionurl")
    assert (
        saved is not None
        and saved.startswith("https://web.archive.org/web/")
        and saved.endswith(url)
    )
    left, right = original.bounding_box(), copy.bounding_box()
    assert left is not None and right is not None
    assert abs(left["y"] - right["y"]) < 60  # beside it, not somewhere else on the page
    assert tab.problems == []
