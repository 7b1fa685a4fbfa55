"""Sites in another language: labels and dates on the built pages, overrides, direction."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.cli.main import main
from tests.helpers import FIXTURES, first, parse_html, texts


def built(tmp_path: Path, settings: str) -> Path:
    """The `small` fixture site with extra lines in its site.yaml, built; its output/."""
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    with (site / "site.yaml").open("a", encoding="utf-8") as file:
        file.write(settings)
    assert main(["build", str(site), "-q"]) == 0
    return site / "output"


def test_a_french_site(tmp_path: Path) -> None:
    out = built(tmp_path, "language: fr\n")
    home = parse_html(out / "index.html")
    assert first(home, "html").attrs["lang"] == "fr"
    assert "dir" not in first(home, "html").attrs
    assert texts(home, "nav[aria-label] a")[:5] == [
        "Accueil", "Chronologie", "Acteurs", "Événements", "Graphe",
    ]  # fmt: skip
    assert first(home, "#latest").get_text() == "Derniers articles"
    article = parse_html(out / "articles/strike-ends.html")
    time = first(article, ".meta time")
    assert time.get_text() == "3 mai 2023"
    assert time.attrs["datetime"] == "2023-05-03"  # machine dates stay ISO
    assert first(article, "#named").get_text() == "Acteurs cités"
    timeline = parse_html(out / "timeline.html")
    assert "mai 2023" in texts(timeline, ".month-label")
    event = parse_html(out / "events/harbour-strike.html")
    assert first(event, ".kicker").get_text() == "Événement"
    assert "articles" in first(event, "svg.coverage desc").get_text()


def test_a_ukrainian_site(tmp_path: Path) -> None:
    out = built(tmp_path, "language: uk\n")
    home = parse_html(out / "index.html")
    assert first(home, "html").attrs["lang"] == "uk"
    assert first(home, "#latest").get_text() == "Останні матеріали"
    article = parse_html(out / "articles/strike-ends.html")
    assert first(article, ".meta time").get_text().startswith("3 травня 2023")
    timeline = parse_html(out / "timeline.html")
    assert any(label.startswith("травень 2023") for label in texts(timeline, ".month-label"))
    actors = parse_html(out / "actors.html")
    counts = [c.attrs["title"] for c in actors.select(".count")]
    assert all(c.split()[1] in ("матеріал", "матеріали", "матеріалів") for c in counts)


def test_a_site_overrides_one_label(tmp_path: Path) -> None:
    out = built(tmp_path, 'language: fr\nlabels:\n  "Latest stories": "À la une"\n')
    home = parse_html(out / "index.html")
    assert first(home, "#latest").get_text() == "À la une"
    assert first(home, "#most-covered").get_text() == "Les plus cités"  # the rest as shipped


def test_an_english_site_overrides_a_label(tmp_path: Path) -> None:
    out = built(tmp_path, 'labels:\n  "Home": "Front page"\n')
    assert texts(parse_html(out / "index.html"), "nav[aria-label] a")[0] == "Front page"


def test_a_right_to_left_language(tmp_path: Path) -> None:
    out = built(tmp_path, "language: ar\n")
    html = first(parse_html(out / "index.html"), "html")
    assert html.attrs["dir"] == "rtl"
    assert html.attrs["lang"] == "ar"
    assert first(parse_html(out / "index.html"), "#latest").get_text() == "Latest stories"


def test_an_unknown_language_builds_in_english(tmp_path: Path) -> None:
    out = built(tmp_path, "language: xq\n")
    home = parse_html(out / "index.html")
    assert first(home, "#latest").get_text() == "Latest stories"
    article = parse_html(out / "articles/strike-ends.html")
    assert first(article, ".meta time").get_text() == "3 May 2023"


def test_a_label_with_a_placeholder_its_message_lacks_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "small", site)
    with (site / "site.yaml").open("a", encoding="utf-8") as file:
        file.write('labels:\n  "Home": "%(name)s"\n')
    assert main(["build", str(site), "-q"]) == 2
    assert 'label "%(name)s" uses %(name)s, which "Home" does not have' in capsys.readouterr().err
