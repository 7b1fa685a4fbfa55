"""data.html: every file's fields as the files hold them, described in the site's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from generator.language import LOCALE_DIR, TEMPLATE
from generator.opendata.files import DESCRIBED
from tests.helpers import parse_html
from tests.opendata.conftest import Built

SHIPPED = ("fr", "de", "es", "uk", "ru")


def catalogue(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


@pytest.mark.parametrize("code", SHIPPED)
def test_every_description_of_the_data_page_is_translated(code: str) -> None:
    """The data page's texts come from Python (`N_`), where no extraction finds them."""
    texts = [d.about for d in DESCRIBED] + [f.about for d in DESCRIBED for f in d.fields]
    template, shipped = catalogue(LOCALE_DIR / TEMPLATE), catalogue(LOCALE_DIR / f"{code}.po")
    assert [text for text in texts if template.get(text) is None] == []
    missing = [text for text in texts if not getattr(shipped.get(text), "string", "")]
    assert missing == [], code


def test_the_page_lists_the_new_fields(built: Built) -> None:
    """What the actors' relations, the verdicts and the dates at their precision added."""
    page = parse_html(built("opendata") / "output" / "data.html")
    listed = {th.get_text() for th in page.select("tbody th")}
    new = {"circa", "status", "evidence", "since", "until", "source", "display_date"}
    new |= {"Employment", "Directorship", "Family", "edge type", "edge since", "edge until"}
    assert new <= listed
    display = page.find("th", string="display_date")
    assert display is not None
    section = display.find_parent("section")
    assert section is not None
    keys = [th.get_text() for th in section.select("tbody th")]
    assert keys.index("display_date") == keys.index("start_date, end_date") + 1
