"""The search index (search-index.js) and the search box on every page, without a browser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.render import THEME_STATIC
from generator.search import SUMMARY_CHARS, distinct
from tests.conftest import MakeSite
from tests.helpers import Run, article, first

PREFIX, SUFFIX = "window.DOSSIER_SEARCH = ", ";"
HOSTILE = "</script><script>alert('x')</script> <!-- & Пе́сков é"
LONG = " ".join(["word"] * 100)

FILES: dict[str, str | bytes] = {
    "content/actors/peskov.md": (
        "---\nname: Dmitry Peskov\naliases: [Peskov, peskov , Kremlin spokesman, DMITRY PESKOV]\n"
        "kind: person\n---\nA long biography that the index must not carry.\n"
    ),
    "content/actors/kremlin.md": "---\nname: Kremlin\nkind: organization\n---\n",
    "content/events/incident.md": "---\nname: Drone incident\ndate: 2023-05-03\n---\n",
    "content/articles/old.md": article(
        title='"Kremlin reports drones"',
        date="2023-05-03",
        actors="[Kremlin]",
        events="[Drone incident, Unknown talks]",
        body=f"{LONG}\n\nSecret body words that stay out of the index.",
    ),
    "content/articles/new.md": (
        "---\n"
        f"title: {json.dumps(HOSTILE)}\n"
        "date: 2023-05-04T10:00:00\n"
        "actors: [Peskov]\n"
        f"summary: {json.dumps('Said: ' + HOSTILE)}\n"
        "---\n\nBody.\n"
    ),
}


def load_index(output: Path) -> Any:
    text = (output / "search-index.js").read_text(encoding="utf-8")
    assert text.startswith(PREFIX) and text.endswith(SUFFIX)
    return json.loads(text.removeprefix(PREFIX).removesuffix(SUFFIX))


@pytest.fixture
def built(make_site: MakeSite) -> Run:
    run = make_site(FILES)
    assert run.code == 0, run.err
    return run


def test_index_holds_articles_newest_first_actors_and_events(built: Run) -> None:
    index = load_index(built.output)
    assert sorted(index) == ["a", "e", "p"]
    assert [entry[:3] for entry in index["a"]] == [
        ["new", HOSTILE, "2023-05-04"],
        ["old", "Kremlin reports drones", "2023-05-03"],
    ]
    assert index["p"] == [
        ["peskov", "Dmitry Peskov", "Person", "Peskov", "Kremlin spokesman"],
        ["kremlin", "Kremlin", "Organisation"],
    ]
    assert index["e"] == [
        ["incident", "Drone incident", "2023-05-03"],
        ["unknown-talks", "Unknown talks", "2023-05-03"],
    ]


def test_summaries_are_short_and_bodies_stay_out(built: Run) -> None:
    index = load_index(built.output)
    summary = index["a"][1][3]
    assert summary.startswith("word word") and summary.endswith("…")
    assert len(summary) <= SUMMARY_CHARS + 1
    text = (built.output / "search-index.js").read_text(encoding="utf-8")
    for absent in ("Secret body", "biography"):
        assert absent not in text


def test_a_summary_equal_to_the_title_is_left_out(make_site: MakeSite) -> None:
    run = make_site({"content/articles/a.md": article(title="Same words", body="Same words")})
    assert run.code == 0, run.err
    assert load_index(run.output)["a"] == [["a", "Same words", "2023-05-03"]]


def test_every_entry_leads_to_a_page(built: Run) -> None:
    index = load_index(built.output)
    folders = {"a": "articles", "p": "actors", "e": "events"}
    for kind, folder in folders.items():
        for entry in index[kind]:
            assert (built.output / folder / f"{entry[0]}.html").is_file(), entry


def test_the_index_cannot_end_a_script_and_is_ascii(built: Run) -> None:
    raw = (built.output / "search-index.js").read_bytes()
    assert raw.isascii()
    body = raw.decode().removeprefix(PREFIX)
    for dangerous in ("<", ">", "&", "'", "\u2028"):
        assert dangerous not in body, dangerous
    assert load_index(built.output)["a"][0][1] == HOSTILE  # and it reads back unchanged
    assert load_index(built.output)["a"][0][3] == f"Said: {HOSTILE}"


def test_index_size_stays_small(make_site: MakeSite) -> None:
    files: dict[str, str | bytes] = {
        f"content/articles/s{n:03d}.md": article(
            title=f"Story number {n} about the harbour strike", body=f"{LONG}\n\n{LONG}"
        )
        for n in range(200)
    }
    run = make_site(files)
    assert run.code == 0, run.err
    size = (run.output / "search-index.js").stat().st_size
    assert size < 200 * 250, size  # ~140 characters of summary, no bodies


@pytest.mark.parametrize(
    ("aliases", "kept"),
    [
        (["Peskov", "peskov", " PESKOV "], ["Peskov"]),
        (["Dmitry  Peskov", "Kremlin spokesman"], ["Kremlin spokesman"]),
        (["", "x"], ["x"]),
    ],
)
def test_distinct_aliases(aliases: list[str], kept: list[str]) -> None:
    assert distinct("Dmitry Peskov", aliases) == kept


@pytest.mark.parametrize(
    ("page", "root"),
    [("index.html", ""), ("actors.html", ""), ("actors/peskov.html", "../")],
)
def test_every_page_has_a_labelled_search_box(built: Run, page: str, root: str) -> None:
    soup = built.page(page)
    form = first(soup, 'header form.search[role="search"]')
    assert form["data-root"] == root
    assert form["data-index"] == f"{root}search-index.js"
    assert form["action"] == f"{root}actors.html"
    box = first(form, "input[type=search]")
    assert (
        first(form, f'label[for="{box["id"]}"]').get_text() == "Search stories, actors and events"
    )
    results = first(form, f"#{box['aria-controls']}")
    assert results.has_attr("hidden")
    script = first(soup, "head script[src]")
    assert script["src"] == f"{root}assets/search.js" and script.has_attr("defer")
    fallback = [a["href"] for a in form.select("noscript a")]
    assert fallback == [f"{root}actors.html", f"{root}events.html"]


def test_search_script_is_shipped_and_never_parses_data_as_html(built: Run) -> None:
    shipped = (built.output / "assets/search.js").read_text(encoding="utf-8")
    assert shipped == (THEME_STATIC / "search.js").read_text(encoding="utf-8")
    for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert risky not in shipped, risky
    assert "textContent" in shipped
