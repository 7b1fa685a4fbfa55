"""The built example site in headless Chromium: links, errors, layout, colour schemes, print."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_support import DESKTOP, PHONE, SAMPLES, BuiltSite, Tab

from generator.cli.main import main

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

SITE_TITLE = "Kremlin drone incident dossier"
ARTICLE = "Kremlin says Washington chooses Kyiv's targets"
ACTOR = "Dmitry Peskov"
EVENT = "Peskov briefing on US involvement"
EVENT_PAGE = "events/peskov-briefing-on-us-involvement.html"
SCREENSHOT_KINDS = ("home", "article", "actor", "event")

OVERFLOW_JS = """() => {
  const root = document.documentElement;
  const wide = [...document.body.querySelectorAll("*")]
    .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
    .slice(0, 5)
    .map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
  return {scroll: root.scrollWidth, client: root.clientWidth, wide};
}"""


def h1(page: Page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def follow(tab: Tab, link: Locator, to_page: str, heading: str) -> None:
    """Click a link like a reader would and check where it led."""
    link.click()
    tab.page.wait_for_url(tab.site.url(to_page))
    assert tab.page.url == tab.site.url(to_page)
    assert h1(tab.page) == heading


def test_walk_from_home_to_article_actor_event_and_back(tab: Tab) -> None:
    page = tab.open("index.html")
    assert h1(page) == SITE_TITLE

    latest = page.get_by_role("region", name="Latest stories")
    follow(tab, latest.get_by_role("link", name=ARTICLE), SAMPLES["article"], ARTICLE)

    named = page.get_by_role("complementary", name="In this story")
    follow(tab, named.get_by_role("link", name=ACTOR, exact=True), SAMPLES["actor"], ACTOR)

    events = page.get_by_role("region", name="Events", exact=True)
    follow(tab, events.get_by_role("link", name=EVENT), EVENT_PAGE, EVENT)

    involved = page.get_by_role("region", name="Actors involved")
    follow(tab, involved.get_by_role("link", name=ACTOR, exact=True), SAMPLES["actor"], ACTOR)

    stories = page.get_by_role("region", name="Timeline")
    follow(tab, stories.get_by_role("link", name=ARTICLE), SAMPLES["article"], ARTICLE)

    page.go_back()
    page.wait_for_url(tab.site.url(SAMPLES["actor"]))
    assert h1(page) == ACTOR

    site_nav = page.get_by_role("navigation", name="Site")
    follow(tab, site_nav.get_by_role("link", name="Home"), "index.html", SITE_TITLE)
    assert tab.problems == [], "\n".join(tab.problems)


def test_no_page_logs_an_error_or_fails_a_request(tab: Tab, site: BuiltSite) -> None:
    pages = site.pages()
    assert len(pages) > len(SAMPLES)
    for page_path in pages:
        tab.open(page_path)
    assert tab.problems == [], "\n".join(tab.problems)


def test_the_error_watch_catches_what_it_should(tab: Tab, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html><html lang="en"><title>broken</title>'
        '<link rel="stylesheet" href="missing.css">'
        '<script>console.error("logged on purpose");'
        ' throw new Error("thrown on purpose");</script>',
        encoding="utf-8",
    )
    tab.page.goto(broken.as_uri())
    missing_css = (tmp_path / "missing.css").as_uri()
    report = "\n".join(tab.problems)
    assert "console error: logged on purpose" in report
    assert "uncaught exception: thrown on purpose" in report
    assert f"request failed: {missing_css} (net::ERR_FILE_NOT_FOUND)" in report


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_no_page_scrolls_sideways(
    tab: Tab, site: BuiltSite, screenshots: Path, device: str
) -> None:
    viewport = PHONE if device == "phone" else DESKTOP
    shots = {SAMPLES[kind]: kind for kind in SCREENSHOT_KINDS}
    too_wide: list[str] = []
    for page_path in site.pages():
        page = tab.open(page_path, viewport)
        size = page.evaluate(OVERFLOW_JS)
        assert size["client"] == viewport["width"], size
        if size["scroll"] > size["client"]:
            too_wide.append(
                f"{page_path}: {size['scroll']}px of content in a {size['client']}px window; "
                f"too wide: {', '.join(size['wide'])}"
            )
        if page_path in shots:
            page.screenshot(path=screenshots / f"{shots[page_path]}-{device}.png", full_page=True)
    assert too_wide == [], "\n".join(too_wide)


def rgb(css_colour: str) -> tuple[int, int, int]:
    """The channels of an opaque computed colour such as `rgb(22, 24, 28)`."""
    match = re.fullmatch(r"rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)", css_colour)
    assert match, f"not a computed rgb() colour: {css_colour}"
    assert match[4] is None or float(match[4]) == 1, f"not opaque: {css_colour}"
    return int(match[1]), int(match[2]), int(match[3])


def luminance(css_colour: str) -> float:
    """Relative luminance as WCAG defines it: 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(css_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def body_colours(page: Page) -> tuple[str, str]:
    """The computed background and text colour of the page body."""
    style = "(el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]"
    background, text = page.locator("body").evaluate(style)
    return background, text


@pytest.mark.parametrize("kind", list(SAMPLES))
def test_dark_scheme_is_dark(tab: Tab, screenshots: Path, kind: str) -> None:
    page = tab.open(SAMPLES[kind])
    page.emulate_media(color_scheme="light")
    light_background, light_text = body_colours(page)
    page.emulate_media(color_scheme="dark")
    dark_background, dark_text = body_colours(page)

    assert luminance(light_background) > 0.8, light_background
    assert luminance(light_text) < 0.2, light_text
    assert dark_background != light_background, "the dark scheme does not change the page"
    assert luminance(dark_background) < 0.05, dark_background
    assert luminance(dark_text) > 0.5, dark_text
    if kind in SCREENSHOT_KINDS:
        page.screenshot(path=screenshots / f"{kind}-dark.png", full_page=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", list(SAMPLES))
def test_print_hides_navigation_on_white(tab: Tab, kind: str, scheme: str) -> None:
    page = tab.open(SAMPLES[kind])
    page.emulate_media(media="screen", color_scheme=scheme)
    nav = page.locator(".masthead nav")
    assert nav.is_visible(), "the site navigation is not shown on screen"

    page.emulate_media(media="print", color_scheme=scheme)
    assert nav.is_hidden(), "the site navigation is printed"
    background, text = body_colours(page)
    assert background == "rgb(255, 255, 255)"
    assert text == "rgb(0, 0, 0)"


def test_an_old_address_sends_the_reader_to_the_page_there_now(tab: Tab, site: BuiltSite) -> None:
    assert site.redirects() == ["actors/putin.html"]  # vladimir-putin.md: redirect_from
    page = tab.open("actors/putin.html")
    page.wait_for_url(tab.site.url("actors/vladimir-putin.html"))
    assert h1(page) == "Vladimir Putin"


WIDE_CLAIMS_SITE = {
    "site.yaml": "title: Wide claims\n",
    "content/actors/ministry.md": (
        "---\nname: Ministry of Foreign Affairs of the Russian Federation\n---\n"
    ),
    "content/events/summit.md": (
        "---\nname: Extraordinary intergovernmental summit\ndate: 2023-05-03\n---\n"
    ),
    "content/articles/a.md": (
        "---\ntitle: The ministry's statement on the extraordinary intergovernmental summit, "
        "in full, with the annexes\ndate: 2023-05-04\n"
        "actors: [Ministry of Foreign Affairs of the Russian Federation]\n"
        "events: [Extraordinary intergovernmental summit]\nclaims:\n"
        + "".join(
            f"  - by: Ministry of Foreign Affairs of the Russian Federation\n"
            f"    about: Extraordinary intergovernmental summit\n"
            f"    stance: {stance}\n"
            f"    text: The published record at https://example.org/{'records/' * 12}{n} "
            "is incomplete and was altered after the meeting had ended\n"
            for n, stance in enumerate(("asserts", "denies", "disputes"))
        )
        + "---\nThe ministry spoke.\n"
    ),
}

CELL_BOXES_JS = """(rows) => [...document.querySelectorAll(rows)].map(
  (row) => [...row.cells].map((cell) => {
    const box = cell.getBoundingClientRect();
    return {top: box.top, bottom: box.bottom, left: box.left, right: box.right};
  }))"""


def claims_site(tmp_path: Path) -> BuiltSite:
    site = tmp_path / "wide"
    for name, text in WIDE_CLAIMS_SITE.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    assert main(["build", str(site), "-q"]) == 0
    return BuiltSite(site / "output")


def ax_roles(page: Page) -> list[str]:
    """The roles Chromium's own accessibility tree gives, as a screen reader gets them."""
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")
    session.detach()
    return [node["role"]["value"] for node in tree["nodes"] if "role" in node]


@pytest.mark.parametrize(
    "page_path",
    ["events/summit.html", "actors/ministry.html"],
)
def test_on_a_phone_each_claim_is_a_block_of_labelled_cells(
    browser: Browser, tmp_path: Path, screenshots: Path, page_path: str
) -> None:
    site = claims_site(tmp_path)
    context = browser.new_context(viewport=PHONE)
    tab = Tab(context.new_page(), site)
    page = tab.open(page_path, PHONE)
    size = page.evaluate(OVERFLOW_JS)
    assert size["scroll"] <= size["client"], size
    rows = page.evaluate(CELL_BOXES_JS, ".claims tbody tr:not(.group-head)")  # not a verdict's
    assert len(rows) == 3
    for cells in rows:
        assert len(cells) == 4
        for upper, lower in itertools.pairwise(cells):
            assert lower["top"] >= upper["bottom"] - 0.5, cells  # one under another
            assert lower["left"] == upper["left"], cells
        assert all(cell["right"] <= size["client"] for cell in cells), cells
    labels = (
        page.locator(".claims tbody tr:not(.group-head)")
        .first.locator("td")
        .evaluate_all("(cells) => cells.map((c) => getComputedStyle(c, '::before').content)")
    )
    assert labels[1:] == ['"Stance"', '"Claim"', '"Story"']
    roles = ax_roles(page)
    assert roles.count("table") == 1
    assert roles.count("columnheader") == 4
    assert roles.count("cell") == 12
    kind = page_path.split("/")[0].rstrip("s")
    page.screenshot(path=screenshots / f"claims-{kind}-phone.png", full_page=True)

    page = tab.open(page_path, {"width": 700, "height": 800})  # a tablet: a narrow column
    for cells in page.evaluate(CELL_BOXES_JS, ".claims tbody tr:not(.group-head)"):
        assert all(b["top"] >= a["bottom"] - 0.5 for a, b in itertools.pairwise(cells)), cells

    page = tab.open(page_path, DESKTOP)  # a wide window keeps the table
    for cells in page.evaluate(CELL_BOXES_JS, ".claims tbody tr:not(.group-head)"):
        assert len({cell["top"] for cell in cells}) == 1, cells  # side by side
    page.screenshot(path=screenshots / f"claims-{kind}-desktop.png", full_page=True)
    assert tab.problems == [], "\n".join(tab.problems)
    context.close()


def test_a_story_with_a_huge_paragraph_keeps_the_dossier_pages_readable(
    browser: Browser, tmp_path: Path
) -> None:
    """One pasted 450 KB paragraph that names an actor: the actor's page quotes a sentence's
    worth of it, loads quickly and never scrolls sideways, on a phone and a desktop."""
    site = tmp_path / "huge"
    words = " ".join(f"word{n % 97}" for n in range(70_000))  # no full stop anywhere
    files = {
        "site.yaml": "title: Huge\n",
        "content/actors/ada-north.md": "---\nname: Ada North\n---\nA minister.\n",
        "content/articles/huge.md": (
            "---\ntitle: Huge\ndate: 2023-05-04\nactors: [Ada North]\n---\n"
            f"{words} Ada North spoke {words}\n"
        ),
    }
    for name, text in files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    assert len(files["content/articles/huge.md"]) > 450_000
    assert main(["build", str(site), "-q"]) == 0
    built = BuiltSite(site / "output")
    assert (site / "output/actors/ada-north.html").stat().st_size < 30_000
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport)
        tab = Tab(context.new_page(), built)
        page = tab.open("actors/ada-north.html", viewport)
        size = page.evaluate(OVERFLOW_JS)
        assert size["scroll"] <= size["client"], (viewport, size)
        quoted = page.locator("q").all_inner_texts()
        assert quoted and all(len(text) <= 320 for text in quoted), quoted
        assert any("Ada North" in text for text in quoted)
        assert tab.problems == [], "\n".join(tab.problems)
        context.close()
