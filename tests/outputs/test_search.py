"""The search index (search-index.js) and the search box on every page, without a browser."""

from __future__ import annotations

import base64
import json
import re
from itertools import accumulate
from pathlib import Path
from typing import Any

import pytest

from generator.outputs.search import STORIES_PER_FILE, SUMMARY_CHARS, distinct
from generator.pages.render import THEME_STATIC
from tests.conftest import MakeSite
from tests.helpers import Run, article, first, parse_html

PREFIX, SUFFIX = "window.DOSSIER_SEARCH = ", ";"
PARTS = re.escape("(window.DOSSIER_SEARCH_PARTS = window.DOSSIER_SEARCH_PARTS || {})")
PART = re.compile(PARTS + r'\["([a-z0-9-]+)"\] = (.*);')
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


def load_part(output: Path, name: str) -> Any:
    """A file of search/, checked to register itself under its own name."""
    text = (output / "search" / f"{name}.js").read_text(encoding="utf-8")
    match = PART.fullmatch(text)
    assert match is not None, text[:200]
    assert match[1] == name
    return json.loads(match[2])


def decode(code: str) -> list[int]:
    """A list of story numbers as generator/outputs/search.py documents it."""
    if code.startswith("="):
        bits = base64.b64decode(code[1:])
        return [8 * b + k for b, byte in enumerate(bits) for k in range(8) if byte >> k & 1]
    return list(accumulate(int(step, 36) for step in code.split(","))) if code else []


def stories(output: Path) -> list[list[str]]:
    """Every story entry, in story-number order, from the story files."""
    index = load_index(output)
    files = range(-(-index["n"] // index["c"]))
    return [entry for n in files for entry in load_part(output, f"a-{n}")]


def word_file(output: Path, word: str) -> Any:
    return load_part(output, "w-" + "-".join(f"{ord(c):x}" for c in word[:2]))


@pytest.fixture
def built(make_site: MakeSite) -> Run:
    run = make_site(FILES)
    assert run.code == 0, run.err
    return run


def test_the_first_file_holds_actors_events_and_what_finds_stories(built: Run) -> None:
    index = load_index(built.output)
    assert sorted(index) == ["c", "e", "k", "n", "p"]
    assert index["p"] == [
        ["peskov", "Dmitry Peskov", "Person", "Peskov", "Kremlin spokesman"],
        ["kremlin", "Kremlin", "Organisation"],
    ]
    assert index["e"] == [
        ["incident", "Drone incident", "2023-05-03"],
        ["unknown-talks", "Unknown talks", "2023-05-03"],
    ]
    assert (index["n"], index["c"]) == (2, STORIES_PER_FILE)
    assert "kr" in index["k"] and "пе" in index["k"]  # "Kremlin", "Пе́сков" folded
    assert sorted(index["k"]) == index["k"]
    for key in index["k"]:
        assert word_file(built.output, key)  # every key listed has its file


def test_story_files_hold_stories_oldest_first(built: Run) -> None:
    assert [entry[:3] for entry in stories(built.output)] == [
        ["old", "Kremlin reports drones", "2023-05-03"],
        ["new", HOSTILE, "2023-05-04"],
    ]


def test_word_files_find_each_story_by_title_and_summary_words(built: Run) -> None:
    kremlin = word_file(built.output, "kremlin")
    assert {word: [decode(c) for c in codes] for word, codes in kremlin.items()} == {
        "kremlin": [[0], []],  # in story 0's title; "old" has no summary but its body's start
    }
    assert [decode(c) for c in word_file(built.output, "песков")["песков"]] == [[1], []]
    said = word_file(built.output, "said")["said"]
    assert [decode(c) for c in said] == [[], [1]]  # only in the summary of story 1
    assert "a" not in load_index(built.output)["k"]  # one letter is too short to look up


def test_summaries_are_short_and_bodies_stay_out(built: Run) -> None:
    summary = stories(built.output)[0][3]
    assert summary.startswith("word word") and summary.endswith("…")
    assert len(summary) <= SUMMARY_CHARS + 1
    text = "".join(p.read_text(encoding="utf-8") for p in built.output.glob("search/*.js"))
    for absent in ("Secret body", "biography", "secret"):
        assert absent not in text


def test_a_summary_equal_to_the_title_is_left_out(make_site: MakeSite) -> None:
    run = make_site({"content/articles/a.md": article(title="Same words", body="Same words")})
    assert run.code == 0, run.err
    assert stories(run.output) == [["a", "Same words", "2023-05-03"]]


def test_every_entry_leads_to_a_page(built: Run) -> None:
    index = load_index(built.output)
    entries = {"articles": stories(built.output), "actors": index["p"], "events": index["e"]}
    for folder, found in entries.items():
        for entry in found:
            page = parse_html(built.output / folder / f"{entry[0]}.html")
            assert first(page, "h1").get_text(" ", strip=True) == entry[1], entry


def test_no_file_can_end_a_script_and_all_are_ascii(built: Run) -> None:
    files = [built.output / "search-index.js", *built.output.glob("search/*.js")]
    assert len(files) > 5
    for path in files:
        raw = path.read_bytes()
        assert raw.isascii(), path
        body = raw.decode().split(" = ", 1)[1]
        for dangerous in ("<", ">", "&", "'", "\u2028"):
            assert dangerous not in body, (path, dangerous)
    assert stories(built.output)[1][1:4:2] == [HOSTILE, f"Said: {HOSTILE}"]  # read back unchanged


def test_the_index_is_split_so_a_search_loads_little(make_site: MakeSite) -> None:
    """600 stories: the first file does not grow with them, and no file holds them all."""
    words = ["harbour", "strike", "ferry", "union", "wages", "court", "minister", "dockers"]
    files: dict[str, str | bytes] = {
        f"content/articles/s{n:03d}.md": article(
            title=f"Story {n} on the {words[n % 8]} and the {words[n * 3 % 7]}",
            date=f"20{10 + n // 100}-0{1 + n % 9}-1{n % 10}",
            body=f"{LONG}\n\n{LONG}",
        )
        for n in range(600)
    }
    run = make_site(files)
    assert run.code == 0, run.err
    index = load_index(run.output)
    assert index["n"] == 600
    assert (run.output / "search-index.js").stat().st_size < 1_000  # no actors, no events
    assert [len(load_part(run.output, f"a-{n}")) for n in range(6)] == [100] * 6
    sizes = {p.name: p.stat().st_size for p in run.output.glob("search/*.js")}
    assert max(sizes.values()) < 100 * 250, sizes  # ~140 characters of summary, no bodies
    # "story" is in every title: a bitmap, a bit per story
    story = word_file(run.output, "story")["story"]
    assert story[0].startswith("=") and decode(story[0]) == list(range(600))
    dates = [entry[2] for entry in stories(run.output)]
    assert dates == sorted(dates)
    harbour = decode(word_file(run.output, "harbour")["harbour"][0])
    titles = [entry[1].split() for entry in stories(run.output)]
    assert harbour == [n for n, title in enumerate(titles) if "harbour" in title]
    one = word_file(run.output, "123")["123"][0]  # in one title: a number in base 36
    assert not one.startswith("=") and titles[int(one, 36)][1] == "123"


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
