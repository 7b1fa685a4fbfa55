"""Relations in Chromium: both actors' pages of the example site, on a phone and a desktop,
with axe-core, and the graph's relation labels drawn where a reader can see them."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import DESKTOP, PHONE, Tab
from test_accessibility import serious_violations

pytestmark = pytest.mark.browser

PAGES = ("actors/dmitry-peskov.html", "actors/kremlin.html")
WIDTH_JS = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
BOXES_JS = """(nodes) => nodes.map((n) => { const b = n.getBoundingClientRect();
  return {width: b.width, height: b.height}; })"""


@pytest.mark.parametrize("page_path", PAGES)
def test_relations_read_well_on_a_phone_and_a_desktop(
    tab: Tab, axe_js: Path, screenshots: Path, page_path: str
) -> None:
    for device, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = tab.open(page_path, viewport)
        relations = page.locator("section.relations li")
        assert relations.count() >= 1
        assert relations.first.is_visible()
        scroll, client = page.evaluate(WIDTH_JS)
        assert scroll <= client, f"{page_path} is wider than a {device}"
        labels = page.locator("svg.graph g.tie text")
        assert labels.count() >= 1
        for box in labels.evaluate_all(BOXES_JS):
            assert box["width"] > 0 and box["height"] > 0, box
        assert page.locator(".graph-legend li").nth(1).is_visible()
        slug = page_path.split("/")[1].removesuffix(".html")
        page.screenshot(path=screenshots / f"relations-{slug}-{device}.png", full_page=True)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert serious_violations(page, axe_js) == [], (device, scheme)
