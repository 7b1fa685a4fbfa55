"""The search box in headless Chromium, with the example site opened from file://."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_support import DESKTOP, PHONE, SAMPLES, BuiltSite, Tab

from generator.cli.main import main

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page, ViewportSize

pytestmark = pytest.mark.browser

BOX = "Search stories, actors and events"
ACTOR = "Dmitry Peskov"
EVENT = "Kremlin drone incident"

OVERFLOW_JS = """() => ({
  scroll: document.documentElement.scrollWidth,
  client: document.documentElement.clientWidth,
})"""


def search(page: Page, query: str) -> Locator:
    """Type like a reader, one key at a time; the results once they show."""
    box = page.get_by_role("searchbox", name=BOX)
    box.fill("")
    box.press_sequentially(query, delay=20)
    results = page.locator("#search-results")
    results.get_by_role("link").first.wait_for()
    return results


def hit(results: Locator, title: str) -> Locator:
    return results.get_by_role("link").filter(has=results.page.get_by_text(title, exact=True))


def test_typing_finds_an_actor_and_the_result_opens_it(tab: Tab) -> None:
    page = tab.open("index.html")
    assert page.url.startswith("file://")
    results = search(page, "Pesk")
    peskov = hit(results, ACTOR)
    assert peskov.count() == 1
    assert peskov.locator(".search-kind").inner_text().casefold() == "person"
    assert peskov.locator("mark").inner_text() == "Pesk"
    assert results.get_by_role("link").count() <= 10
    assert "result" in results.get_by_role("status").inner_text()
    peskov.click()
    page.wait_for_url(tab.site.url(SAMPLES["actor"]))
    assert page.get_by_role("heading", level=1).inner_text() == ACTOR
    assert tab.problems == [], "\n".join(tab.problems)


def test_results_link_relative_to_a_page_in_a_folder(tab: Tab) -> None:
    page = tab.open(SAMPLES["article"])
    results = search(page, "drone incident")
    hit(results, EVENT).click()
    page.wait_for_url(tab.site.url("events/kremlin-drone-incident.html"))
    assert page.get_by_role("heading", level=1).inner_text() == EVENT
    assert tab.problems == [], "\n".join(tab.problems)


def test_keyboard_arrow_down_and_enter(tab: Tab) -> None:
    page = tab.open("timeline.html")
    results = search(page, "peskov")
    first = results.get_by_role("link").first
    expected = first.get_attribute("href")
    page.keyboard.press("ArrowDown")
    assert first.evaluate("(el) => el === document.activeElement")
    page.keyboard.press("Escape")
    assert results.is_hidden()
    results = search(page, "Kremlin drone")
    expected = results.get_by_role("link").first.get_attribute("href")
    assert expected is not None
    page.get_by_role("searchbox", name=BOX).press("Enter")
    page.wait_for_url(tab.site.url(expected))
    assert tab.problems == [], "\n".join(tab.problems)


def test_nothing_found_says_so(tab: Tab) -> None:
    page = tab.open("index.html")
    page.get_by_role("searchbox", name=BOX).press_sequentially("zzqx", delay=20)
    status = page.locator("#search-results").get_by_role("status")
    status.filter(has_text="Nothing found").wait_for()
    assert page.locator("#search-results").get_by_role("link").count() == 0
    assert tab.problems == [], "\n".join(tab.problems)


def test_without_javascript_the_box_gives_way_to_the_indexes(tab: Tab) -> None:
    context = tab.page.context.browser
    assert context is not None
    off = context.new_context(java_script_enabled=False, viewport=DESKTOP)
    page = off.new_page()
    page.goto(tab.site.url("index.html"))
    assert page.get_by_role("searchbox", name=BOX).is_hidden()
    fallback = page.locator(".search-fallback")
    assert fallback.is_visible()
    fallback.get_by_role("link", name="actors").click()
    page.wait_for_url(tab.site.url("actors.html"))
    off.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_open_results_fit_the_window(tab: Tab, screenshots: Path, device: str, scheme: str) -> None:
    viewport: ViewportSize = PHONE if device == "phone" else DESKTOP
    page = tab.open(SAMPLES["actor"], viewport)
    page.emulate_media(color_scheme=scheme)
    results = search(page, "kremlin")
    box = results.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
    size = page.evaluate(OVERFLOW_JS)
    assert size["scroll"] <= size["client"], size
    page.screenshot(path=screenshots / f"search-{device}-{scheme}.png")
    assert tab.problems == [], "\n".join(tab.problems)


WORDS = ["harbour", "strike", "ferry", "union", "wages", "court", "minister", "dockers"]
STORIES = 450  # five story files of the index


def story_title(n: int) -> str:
    return f"Report {n} on the {WORDS[n % 8]} and the {WORDS[n * 3 % 7]}"


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """A site of 450 stories, one a day, so the index is split into many files."""
    site = tmp_path_factory.mktemp("many")
    (site / "site.yaml").write_text("title: Many stories\n", encoding="utf-8")
    folder = site / "content" / "articles"
    folder.mkdir(parents=True)
    start = date(2020, 1, 1)
    for n in range(STORIES):
        day = (start + timedelta(days=n)).isoformat()
        text = f"---\ntitle: {story_title(n)}\ndate: {day}\n---\n\nThe dockers met.\n"
        (folder / f"s{n:03d}.md").write_text(text, encoding="utf-8")
    assert main(["build", str(site), "-q"]) == 0
    return BuiltSite(site / "output")


def test_a_search_loads_only_the_files_it_needs(browser: Browser, many: BuiltSite) -> None:
    context = browser.new_context(viewport=DESKTOP)
    tab = Tab(context.new_page(), many)
    loaded: list[str] = []
    tab.page.on("request", lambda request: loaded.append(request.url.rsplit("/", 2)[-1]))
    page = tab.open("index.html")
    results = search(page, "report 7 ferry")  # "report" in every title, "7" too short
    expected = [n for n in range(STORIES) if "ferry" in story_title(n)]
    assert results.get_by_role("status").inner_text() == f"Top 10 of {len(expected)} results"
    titles = results.locator(".search-title").all_inner_texts()
    assert titles == [story_title(n) for n in reversed(expected)][:10]  # newest first
    scripts = sorted(name for name in loaded if name.endswith(".js"))
    # the box, the first file, the words typed ("re", "fe") and the newest stories' file
    assert scripts == ["a-4.js", "search-index.js", "search.js", "w-66-65.js", "w-72-65.js"]
    hit(results, story_title(expected[-1])).click()
    page.wait_for_url(many.url(f"articles/s{expected[-1]:03d}.html"))
    loaded.clear()
    page.go_back()
    results = search(page, "strike harb")  # words are found by how they start, in any order
    expected = [n for n in range(STORIES) if {"harbour", "strike"} <= set(story_title(n).split())]
    assert (
        results.locator(".search-title").all_inner_texts()
        == [story_title(n) for n in reversed(expected)][:10]
    )
    shown = {f"a-{n // 100}.js" for n in list(reversed(expected))[:10]}  # 100 stories a file
    assert {name for name in loaded if name.startswith("a-")} == shown
    assert {"w-73-74.js", "w-68-61.js"} <= set(loaded)  # "st", "ha"
    assert tab.problems == [], "\n".join(tab.problems)
    context.close()
