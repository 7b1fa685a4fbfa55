"""The one name resolver: its keys, and the rule each caller keeps (see docs/architecture.md,
"Names"). Site-level behaviour is tested where it shows: test_clashes, test_mentions and
the import tests."""

from __future__ import annotations

from generator.model.resolver import (
    NameTable,
    loose_key,
    mention_key,
    mention_names,
    name_key,
    plain_key,
    ranked,
)


def test_keys() -> None:
    assert name_key("  Dmitry \n PESKOV ") == name_key("Dmitri Peskov") == "dmitri peskov"
    assert name_key("O\u2019Neill") == name_key("O'Neill") == name_key("ONeill")
    assert loose_key("O\u2019Neill") == loose_key("o'neill") == "oneill"
    assert plain_key("  Dmitry \n PESKOV ") == "dmitry peskov"  # for order: case, spaces
    assert mention_key(" NATO  summit", True) == "NATO summit"
    assert mention_key(" NATO  summit", False) == "nato summit"


def test_find_gives_every_entity_and_only_never_guesses() -> None:
    table = NameTable[str]()
    table.add("Jonas Berg", "jonas-berg")
    table.add("Berg", "jonas-berg")
    table.add("Berg", "anna-berg")
    assert set(table.find("jonas  berg")) == {"jonas-berg"}
    assert set(table.find("BERG")) == {"jonas-berg", "anna-berg"}
    assert table.only("Jonas Berg") == "jonas-berg"
    assert table.only("Berg") is None
    assert table.only("Nobody") is None
    assert [(key, set(found)) for key, found in table.shared()] == [
        ("berg", {"jonas-berg", "anna-berg"})
    ]


def test_latest_takes_the_entity_that_came_last() -> None:
    table = NameTable[int](loose_key)
    table.add("Berg", 0)
    table.add("Berg", 1)
    table.add("berg", 0)  # again: it keeps its place
    assert table.latest("BERG") == 1
    assert table.latest("Nobody") is None


def test_a_file_name_is_tried_only_when_asked() -> None:
    table = NameTable[str]()
    table.add_slug("dmitry-peskov", "dmitry-peskov")
    table.add("Peskov", "dmitry-peskov")
    assert not table.find("Dmitry Peskov!")
    assert list(table.find("Dmitry Peskov!", by_file_name=True)) == ["dmitry-peskov"]
    assert table.at_slug("dmitry-peskov") == "dmitry-peskov"


def test_ranked_lets_the_first_kind_that_knows_a_name_decide() -> None:
    actors, events, articles = NameTable[str](), NameTable[str](), NameTable[str]()
    actors.add("Mercury", "actor mercury")
    articles.add("Mercury", "article mercury")
    events.add("Flood", "event flood 1")
    events.add("Flood", "event flood 2")
    articles.add("Flood", "article flood")
    tables = [actors, events, articles]
    assert ranked(tables, "mercury") == "actor mercury"
    assert ranked(tables, "Flood") is None  # two events: no guess, and no story either
    assert ranked(tables, "Nothing") is None


def test_mention_names_drop_shared_and_wordless_names_and_keep_case_where_it_matters() -> None:
    names = [("NATO", "nato"), ("Kremlin", "kremlin"), ("Press Office", "a"), ("press office", "b")]
    assert mention_names([*names, ("—", "dash")]) == [
        ("NATO", True, "nato"),
        ("kremlin", False, "kremlin"),
    ]
