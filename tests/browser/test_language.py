"""A French and a Ukrainian site in headless Chromium: the reader sees their language."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_support import DESKTOP

from generator.cli.main import main
from tests.helpers import FIXTURES

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


@pytest.fixture
def open_site(browser: Browser, tmp_path: Path) -> Iterator[Callable[[str, str], Page]]:
    """Build the `small` fixture in a language and open one of its pages in a tab."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(10_000)

    def open_page(language: str, page: str) -> Page:
        site = tmp_path / language
        if not site.exists():
            shutil.copytree(FIXTURES / "small", site)
            with (site / "site.yaml").open("a", encoding="utf-8") as file:
                file.write(f"language: {language}\n")
            assert main(["build", str(site), "-q"]) == 0
        tab = context.new_page()
        tab.goto((site / "output" / page).as_uri())
        return tab

    yield open_page
    context.close()


def test_a_french_site_reads_in_french(open_site: Callable[[str, str], Page]) -> None:
    page = open_site("fr", "index.html")
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.get_by_role("navigation", name="Site").get_by_role("link").all_inner_texts()[
        :5
    ] == ["Accueil", "Chronologie", "Acteurs", "Événements", "Graphe"]
    assert page.get_by_role("region", name="Derniers articles").is_visible()
    page.get_by_role("link", name="Strike ends after talks").first.click()
    assert page.locator(".story .meta time").inner_text() == "3 mai 2023"
    assert page.get_by_role("heading", name="Acteurs cités").is_visible()


def test_a_ukrainian_site_reads_in_ukrainian(open_site: Callable[[str, str], Page]) -> None:
    page = open_site("uk", "timeline.html")
    assert page.evaluate("document.documentElement.lang") == "uk"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Хронологія")
    assert page.get_by_role("heading", name="травень 2023", exact=False).first.is_visible()
    assert "3 травня 2023" in page.locator("time[datetime='2023-05-03']").first.inner_text()
    assert page.get_by_role("link", name="Головна").is_visible()
