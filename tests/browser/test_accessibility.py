"""axe-core, run in Chromium on every page of the built site, in both colour schemes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser_support import BuiltSite, Tab

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

BLOCKING = ("serious", "critical")


def serious_violations(page: Page, axe_js: Path) -> list[str]:
    """Run axe-core on the loaded page; one line per serious or critical violation."""
    page.add_script_tag(path=axe_js)
    violations: list[dict[str, Any]] = page.evaluate("async () => (await axe.run()).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']}; at {', '.join(where(v['nodes']))}"
        for v in violations
        if v["impact"] in BLOCKING
    ]


def where(nodes: list[dict[str, Any]], most: int = 3) -> list[str]:
    shown = [" ".join(map(str, node["target"])) for node in nodes[:most]]
    return shown + ([f"and {len(nodes) - most} more"] if len(nodes) > most else [])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(
    tab: Tab, site: BuiltSite, axe_js: Path, scheme: str
) -> None:
    tab.page.emulate_media(color_scheme=scheme)
    found = []
    for page_path in site.pages():
        page = tab.open(page_path)
        found += [f"{page_path}: {line}" for line in serious_violations(page, axe_js)]
    assert found == [], "\n".join(found)


def test_axe_finds_violations_when_there_are_some(tab: Tab, axe_js: Path) -> None:
    tab.page.set_content(
        '<!doctype html><html lang="en"><title>inaccessible</title><main>'
        '<p style="color: #bbb; background: #fff">Faint text on white.</p>'
        '<input type="text">'
        "</main></html>"
    )
    found = "\n".join(serious_violations(tab.page, axe_js))
    assert "color-contrast (serious)" in found
    assert "label (critical)" in found
