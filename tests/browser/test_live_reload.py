"""`dossier serve` in a real browser: an open page reloads itself, and shows build errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.conftest import Served

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser
ARTICLE = "content/articles/2023/may/strike-ends.md"


def test_open_page_reloads_after_an_edit_and_shows_then_clears_errors(
    browser: Browser, served_site: Served
) -> None:
    page = browser.new_page()
    page.set_default_timeout(10_000)
    page.goto(served_site.url("articles/strike-ends.html"))
    page.wait_for_function("document.querySelector('script[src=\"/__dossier/live.js\"]')")
    page.wait_for_timeout(300)  # the event stream is open
    page.evaluate("window.beforeReload = true")
    source = served_site.site / ARTICLE
    text = source.read_text(encoding="utf-8")

    source.write_text(text.replace("The strike ended.", "The strike is over."), encoding="utf-8")
    page.wait_for_function("document.body.innerText.includes('The strike is over.')")
    assert page.evaluate("window.beforeReload") is None  # a new document: it reloaded

    source.write_text(text.replace("2023-05-03", "2023-02-30"), encoding="utf-8")
    overlay = page.locator("#dossier-errors")
    overlay.wait_for(state="visible")
    assert f"{ARTICLE}:3: " in overlay.inner_text()
    assert "is not a valid date" in overlay.inner_text()
    assert page.locator("h1").inner_text() == "Strike ends after talks"  # last good page

    source.write_text(text.replace("The strike ended.", "Talks succeeded."), encoding="utf-8")
    page.wait_for_function("document.body.innerText.includes('Talks succeeded.')")
    assert page.locator("#dossier-errors").count() == 0
    page.close()
