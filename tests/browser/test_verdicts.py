"""The verdicts on claims in Chromium: axe-core finds nothing serious on pages that show
every badge and the open legend, in both colour schemes, and each badge keeps its border
and mark where the colour is gone; screenshots at phone and desktop width."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_support import DESKTOP, PHONE, REPO_ROOT, BuiltSite, Tab
from test_accessibility import serious_violations

from generator.cli.main import main

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

PAGES = {"event": "events/harbour-strike.html", "actor": "actors/ada-north.html"}
OPEN_LEGENDS = "document.querySelectorAll('details.verdict-legend').forEach(d => d.open = true)"


@pytest.fixture(scope="module")
def verdicts_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site = tmp_path_factory.mktemp("verdicts") / "site"  # a copy: the build leaves its cache
    shutil.copytree(REPO_ROOT / "tests" / "fixtures" / "verdicts", site)
    out = site / "output"
    assert main(["build", str(site), "--output", str(out), "-q"]) == 0
    return BuiltSite(out)


@pytest.fixture
def verdicts_tab(browser: Browser, verdicts_site: BuiltSite) -> Iterator[Tab]:
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(10_000)
    yield Tab(context.new_page(), verdicts_site)
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_badge_and_the_legend_pass_axe(
    verdicts_tab: Tab, axe_js: Path, screenshots: Path, scheme: str
) -> None:
    verdicts_tab.page.emulate_media(color_scheme=scheme)
    found = []
    for kind, path in PAGES.items():
        for device, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            page = verdicts_tab.open(path, viewport)
            page.evaluate(OPEN_LEGENDS)
            shown = page.locator(".claims .verdict-legend dt .verdict")
            assert shown.count() == 5 and all(shown.nth(n).is_visible() for n in range(5))
            found += [f"{path} ({device}): {v}" for v in serious_violations(page, axe_js)]
            claims = page.locator("section.claims")
            claims.screenshot(path=screenshots / f"verdicts-{kind}-{scheme}-{device}.png")
    assert found == [], "\n".join(found)


def test_each_badge_differs_by_more_than_its_colour(verdicts_tab: Tab) -> None:
    page = verdicts_tab.open(PAGES["event"])
    page.evaluate(OPEN_LEGENDS)
    looks = page.evaluate(
        """() => [...document.querySelectorAll('.verdict-legend dt .verdict')].map(b => {
            const style = getComputedStyle(b);
            return [style.borderTopStyle + ' ' + style.borderTopWidth,
                    b.querySelector('.verdict-mark').textContent, b.textContent.trim()];
        })"""
    )
    borders, marks = [look[0] for look in looks], [look[1] for look in looks]
    assert len(set(marks)) == 5 and len(set(borders)) == 5, looks
    assert [look[2].split(" ", 1)[1] for look in looks] == [
        "Confirmed",
        "Disputed",
        "False",
        "Retracted",
        "Unverified",
    ]
