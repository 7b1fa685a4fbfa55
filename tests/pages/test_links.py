"""Every internal link of the built example site leads to a file, and to an id, that exists.

Pages are opened from disk (file://) or from any folder of a web server, so a link must be
relative and stay inside the output folder. External links (http, https, mailto) are not
fetched: they are only told apart from internal ones.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.cli.main import main

REPO_ROOT = Path(__file__).resolve().parents[2]
EXTERNAL = ("http", "https", "mailto")
ABSOLUTE = "an absolute link breaks when the site is opened from disk or from a sub-folder"


@dataclass
class LinkReport:
    pages: int = 0
    internal: int = 0
    fragments: int = 0
    external: int = 0
    broken: list[str] = field(default_factory=list)


def check_links(root: Path) -> LinkReport:
    """Follow every href and src of every HTML page under `root`, without the network."""
    root = root.resolve()
    ids = cache(ids_in)
    report = LinkReport()
    for page in sorted(root.rglob("*.html")):
        report.pages += 1
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = [(tag, "href") for tag in soup.find_all(href=True)]
        links += [(tag, "src") for tag in soup.find_all(src=True)]
        for tag, attribute in links:
            url = str(tag[attribute]).strip()
            problem = check_link(root, page, url, ids, report)
            if problem:
                where = f"{page.relative_to(root)}: <{tag.name} {attribute}={url!r}>"
                report.broken.append(f"{where}: {problem}")
    return report


def check_link(
    root: Path, page: Path, url: str, ids: Callable[[Path], frozenset[str]], report: LinkReport
) -> str | None:
    """What is wrong with one link, or None; counts the link in `report`."""
    parts = urlsplit(url)
    if parts.scheme in EXTERNAL:
        report.external += 1
        return None
    if parts.scheme:
        return f"a {parts.scheme}: link only works on the machine that built the site"
    if parts.netloc or parts.path.startswith("/"):
        return ABSOLUTE
    report.internal += 1
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if not target.is_relative_to(root):
        return "leads outside the output folder"
    if target.is_dir():
        return f"a folder, not a file: {target.relative_to(root).as_posix()}"
    if not target.is_file():
        return f"no such file: {target.relative_to(root).as_posix()}"
    if parts.fragment:
        report.fragments += 1
        if unquote(parts.fragment) not in ids(target):
            return f"no id {unquote(parts.fragment)!r} in {target.relative_to(root).as_posix()}"
    return None


def ids_in(page: Path) -> frozenset[str]:
    if page.suffix != ".html":
        return frozenset()
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return frozenset(str(tag["id"]) for tag in soup.find_all(id=True))


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("links") / "output"
    assert main(["build", str(REPO_ROOT), "--output", str(out), "-q"]) == 0
    return out


def test_every_internal_link_of_the_example_site_resolves(built_site: Path) -> None:
    report = check_links(built_site)
    assert report.broken == [], "\n".join(report.broken)
    # The check saw what every page has: a stylesheet, the site navigation and a skip link.
    assert report.pages == len(list(built_site.rglob("*.html"))) > 0
    assert report.internal >= 6 * report.pages
    assert report.fragments >= report.pages


def test_every_page_links_the_themes_favicon_relatively(built_site: Path) -> None:
    icon = built_site / "assets" / "favicon.svg"
    svg = ET.fromstring(icon.read_text(encoding="utf-8"))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert icon.stat().st_size < 1024
    for page in built_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # an old address, sending the reader on at once
        link = soup.find("link", rel="icon")
        assert link is not None, page
        assert link["type"] == "image/svg+xml"
        href = str(link["href"])
        assert not urlsplit(href).scheme and not href.startswith("/"), href  # works from file://
        assert (page.parent / href).resolve() == icon.resolve(), page


def test_the_check_reports_every_kind_of_broken_link(tmp_path: Path) -> None:
    root = tmp_path / "output"
    (root / "about").mkdir(parents=True)
    (root / "style.css").write_text("body {}", encoding="utf-8")
    (root / "about" / "team.html").write_text('<h1 id="team">Team</h1>', encoding="utf-8")
    (tmp_path / "outside.html").write_text("<p>outside</p>", encoding="utf-8")
    (root / "index.html").write_text(
        """<!doctype html>
        <link rel="stylesheet" href="style.css">
        <main id="top">
        <a href="about/team.html">fine</a> <a href="about/team.html#team">fine</a>
        <a href="#top">fine</a> <a href="">fine</a> <a href="about/team%2Ehtml">fine</a>
        <a href="https://example.org/">external</a> <a href="mailto:desk@example.org">external</a>
        <a href="about/gone.html">missing file</a>
        <a href="about/team.html#nobody">missing id</a>
        <a href="#nowhere">missing id here</a>
        <a href="/about/team.html">absolute</a>
        <a href="//example.org/x.html">protocol-relative</a>
        <a href="file:///etc/hosts">file</a>
        <a href="../outside.html">outside</a>
        <a href="about/">a folder</a>
        <img src="logo.png" alt="missing image">
        </main>""",
        encoding="utf-8",
    )

    report = check_links(root)

    broken = [line.split(": ", 1)[1] for line in report.broken]
    assert broken == [
        "<a href='about/gone.html'>: no such file: about/gone.html",
        "<a href='about/team.html#nobody'>: no id 'nobody' in about/team.html",
        "<a href='#nowhere'>: no id 'nowhere' in index.html",
        f"<a href='/about/team.html'>: {ABSOLUTE}",
        f"<a href='//example.org/x.html'>: {ABSOLUTE}",
        "<a href='file:///etc/hosts'>: a file: link only works on the machine that built the site",
        "<a href='../outside.html'>: leads outside the output folder",
        "<a href='about/'>: a folder, not a file: about",
        "<img src='logo.png'>: no such file: logo.png",
    ]
    assert report.external == 2
    assert report.internal == 12  # the 5 fine links, the stylesheet and 6 broken ones
