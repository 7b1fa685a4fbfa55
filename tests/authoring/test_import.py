"""`dossier import`: plain-text stories in, articles that build out."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator.authoring.importer import Story, article_text, escape_markdown, parse_story
from generator.cli.main import main
from generator.markdown.markup import make_markdown, plain_text
from generator.slugs import make_slug
from generator.source.discover import SourceFile
from generator.source.parse import ActorDoc, ArticleDoc, parse_source
from tests.helpers import FIXTURES, first, parse_html

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED = SEEDS / "000_e332c1867357aeef.txt"
SEED_ACTORS = (
    "Dmitry Peskov",
    "Vladimir Putin",
    "Vladimir Zelensky",
    "Antony Blinken",
    "John Kirby",
    "Vyacheslav Volodin",
)
HINT = 'the first line must be "date YYYY-MM-DD Title"'


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of a small site: two people and an organisation with aliases, one event."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "import_site", root)
    return root


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["import", *(str(a) for a in args)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write_story(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def articles(site: Path) -> list[Path]:
    return sorted((site / "content" / "articles").rglob("*.md"))


def read_article(path: Path) -> ArticleDoc:
    doc, errors = parse_source(SourceFile("article", path, path.read_bytes()))
    assert errors == [] and isinstance(doc, ArticleDoc), errors
    return doc


def rendered_paragraphs(markdown: str, *, raw_html: bool = False) -> list[str]:
    """The plain text of each top-level paragraph; fails on any other block."""
    tokens = make_markdown(raw_html=raw_html).parse(markdown)
    blocks = [t.type for t in tokens if t.level == 0 and t.nesting != -1]
    assert set(blocks) <= {"paragraph_open"}, blocks
    inline = [t for t in tokens if t.type == "inline"]
    assert all(c.type in ("text", "softbreak") for t in inline for c in t.children or []), [
        c.type for t in inline for c in t.children or []
    ]
    return [plain_text(t) for t in inline]


def seed_paragraphs() -> tuple[str, list[str]]:
    lines = SEED.read_text(encoding="utf-8").strip().split("\n")
    title = lines[0].strip().split(None, 2)[2]
    paragraphs = [" ".join(p.split()) for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
    return title, paragraphs


def test_seed_story_becomes_an_article_on_its_actors_pages(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, SEED, "--site", site, "--publish")
    assert (code, err) == (0, "")
    [path] = articles(site)
    title, paragraphs = seed_paragraphs()
    doc = read_article(path)
    assert doc.date == dt.date(2023, 5, 4)
    assert doc.title == title
    assert path.parent.name == "2023" and path.name.startswith("2023-05-04-")
    actors = [name.text for name in doc.actors]
    assert set(SEED_ACTORS) <= set(actors), actors
    assert doc.source is None
    assert rendered_paragraphs(doc.body.text) == paragraphs
    assert "new actor: Antony Blinken (person; role: US Secretary of State)" in out

    assert main(["build", str(site), "-q"]) == 0
    article_page = f"articles/{make_slug(path.stem)}.html"
    for name in SEED_ACTORS:
        page = parse_html(site / "output" / "actors" / f"{make_slug(name)}.html")
        assert first(page, "h1").get_text(strip=True) == name
        link = first(page, f'a[href$="{article_page}"]')
        assert link.get_text(strip=True) == title


def test_known_actors_and_events_are_found_by_name_and_alias(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = write_story(
        tmp_path,
        "briefing.txt",
        "date 2023-05-05 Spokesman repeats claim about the drone incident\n\n"
        "The Kremlin spokesman spoke again about the Kremlin drone incident on Friday.\n\n"
        "He said President Putin had been briefed. Defence analyst Olena Marchuk said the "
        "claims were untested. Marchuk added that nobody had shown evidence.\n",
    )
    code, out, _ = run(capsys, story, "--site", site, "--publish")
    assert code == 0
    doc = read_article(articles(site)[0])
    assert sorted(n.text for n in doc.actors) == [
        "Dmitry Peskov",
        "Olena Marchuk",
        "The Kremlin",
        "Vladimir Putin",
    ]
    assert [n.text for n in doc.events] == ["Kremlin drone incident"]
    assert "new actor: Olena Marchuk (person; role: Defence analyst; also: Marchuk)" in out
    assert main(["build", str(site), "-q"]) == 0
    event = parse_html(site / "output" / "events" / "kremlin-drone-incident.html")
    first(event, f'a[href$="articles/{make_slug(articles(site)[0].stem)}.html"]')


def test_create_actors_writes_files_for_review_and_never_overwrites(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = site / "content" / "actors" / "john-kirby.md"  # the slug of a proposal, another name
    mine.write_text("---\nname: Admiral J. Kirby\n---\nKept.\n", encoding="utf-8")
    peskov = (site / "content" / "actors" / "dmitry-peskov.md").read_bytes()
    code, out, _ = run(capsys, SEED, "--site", site, "--create-actors")
    assert code == 0
    assert f"kept {mine}: it already exists" in out
    assert mine.read_text(encoding="utf-8").endswith("Kept.\n")
    assert (site / "content" / "actors" / "dmitry-peskov.md").read_bytes() == peskov
    path = site / "content" / "actors" / "antony-blinken.md"
    assert f"created {path}" in out
    doc, errors = parse_source(SourceFile("actor", path, path.read_bytes()))
    assert errors == [] and isinstance(doc, ActorDoc)
    assert (doc.name, doc.kind, doc.role) == ("Antony Blinken", "person", "US Secretary of State")
    nsc = site / "content" / "actors" / "us-national-security-council.md"
    assert "kind: organization" in nsc.read_text(encoding="utf-8")
    assert main(["build", str(site), "-q"]) == 0
    page = parse_html(site / "output" / "actors" / "antony-blinken.html")
    assert "US Secretary of State" in first(page, "p.lede").get_text()


def test_a_later_story_knows_the_actors_of_an_earlier_one(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_story(
        tmp_path / "in",
        "a.txt",
        "date 2024-01-02 Minister visits port\n\nDefence Minister Anna Kowal visited the port.\n",
    )
    write_story(
        tmp_path / "in",
        "b.txt",
        "date 2024-01-03 Minister returns\n\nKowal said she would return.\n",
    )
    code, _, _ = run(capsys, tmp_path / "in", "--site", site)
    assert code == 0
    assert [[n.text for n in read_article(p).actors] for p in articles(site)] == [
        ["Anna Kowal"],
        ["Anna Kowal"],
    ]


def test_importing_the_same_story_twice_writes_it_once(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, SEED, "--site", site)[0] == 0
    [path] = articles(site)
    before = path.read_bytes()
    code, out, err = run(capsys, SEED, "--site", site)
    assert (code, err) == (0, "")
    assert f"{SEED}: already there as {path}; nothing written" in out
    # the same story under another name, after the article was edited and moved
    moved = site / "content" / "articles" / "kept" / "peskov.md"
    moved.parent.mkdir()
    path.rename(moved)
    moved.write_bytes(before.replace(b"\nAll of", b"\nEdited. All of"))
    copy = write_story(tmp_path, "copy.txt", SEED.read_bytes())
    code, out, _ = run(capsys, copy, "--site", site)
    assert code == 0 and f"{copy}: already there as {moved}; nothing written" in out
    assert articles(site) == [moved]


def test_a_different_article_at_the_target_is_replaced_only_with_force(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = write_story(tmp_path, "s.txt", "date 2023-05-04 Same name\n\nNew words.\n")
    target = site / "content" / "articles" / "2023" / "2023-05-04-same-name.md"
    target.parent.mkdir(parents=True)
    other = '---\ntitle: "Same, name"\ndate: 2023-05-04\n---\n\nOld words.\n'
    target.write_text(other, encoding="utf-8")
    code, out, err = run(capsys, story, "--site", site)
    assert code == 1
    assert err.splitlines() == [
        f'{story}:1: {target} already exists and is another article ("Same, name", 2023-05-04); '
        "nothing written; use --force to replace it"
    ]
    assert target.read_text(encoding="utf-8") == other
    code, out, err = run(capsys, story, "--site", site, "--force")
    assert (code, err) == (0, "")
    assert f"wrote {target}" in out
    assert read_article(target).title == "Same name"
    assert "New words." in target.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            "Kremlin says drones came from Kyiv\n\nText.\n",
            1,
            f'not a story: {HINT}, not "Kremlin says',
        ),
        ("\n\n  date 2023-02-30 Title\n\nText.\n", 3, '"2023-02-30" is not a valid date'),
        ("date 4 May 2023 Title\n\nText.\n", 1, '"4" is not a date like 2023-05-04'),
        ("date 2023-05-04\n\nText.\n", 1, "the first line has no title after the date"),
        ("date 2023-05-04 Title\n\n   \n", 1, "no story text after the first line"),
        ("\n \n", 1, "the story is empty"),
    ],
)
def test_a_file_not_in_the_format_is_named_and_the_others_are_imported(
    site: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    line: int,
    message: str,
) -> None:
    bad = write_story(tmp_path / "in", "a-bad.txt", text)
    good = write_story(tmp_path / "in", "b-good.txt", "date 2024-02-01 Good one\n\nFine.\n")
    code, out, err = run(capsys, bad, good, "--site", site)
    assert code == 1
    [error] = err.splitlines()
    assert error.startswith(f"{bad}:{line}: {message}"), error
    assert f"{good}: wrote" in out
    assert [read_article(p).title for p in articles(site)] == ["Good one"]
    assert "imported 1 of 2 stories; 0 already there; 1 with errors" in out


def test_non_utf8_input_is_reported_at_its_line_not_mangled(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = write_story(
        tmp_path, "latin1.txt", "date 2023-05-04 Caf\n\nUn caf\xe9.\n".encode("latin-1")
    )
    code, _, err = run(capsys, story, "--site", site)
    assert code == 1
    assert err.splitlines() == [f"{story}:3: not valid UTF-8 (byte 0xe9); save the file as UTF-8"]
    assert articles(site) == []


def test_a_folder_imports_its_txt_files_in_order(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "stories"
    b = write_story(folder, "b.txt", "date 2024-03-02 Second\n\nTwo.\n")
    a = write_story(folder, "a.txt", "date 2024-03-01 First\n\nOne.\n")
    write_story(folder, "notes.md", "date 2024-03-03 Not a story file\n\nThree.\n")
    write_story(folder, ".hidden.txt", "date 2024-03-04 Hidden\n\nFour.\n")
    code, out, err = run(capsys, folder, "--site", site)
    assert (code, err) == (0, "")
    assert out.index(f"{a}: wrote") < out.index(f"{b}: wrote")
    assert [read_article(p).title for p in articles(site)] == ["First", "Second"]


def test_dry_run_prints_the_article_and_writes_nothing(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p for p in site.rglob("*"))
    code, out, err = run(capsys, SEED, "--site", site, "--dry-run", "--create-actors")
    assert (code, err) == (0, "")
    assert sorted(p for p in site.rglob("*")) == before
    title, _ = seed_paragraphs()
    assert "would write " + str(site / "content" / "articles" / "2023") in out
    assert f"title: {title!r}".replace("'", '"') in out
    assert f"would create {site / 'content' / 'actors' / 'antony-blinken.md'}" in out
    assert "would import 1 of 1 story" in out


@pytest.mark.parametrize("config", [None, "title: [unclosed\n", "titel: typo\n"])
def test_a_missing_or_broken_site_yaml_is_a_usage_error(
    site: Path, capsys: pytest.CaptureFixture[str], config: str | None
) -> None:
    if config is None:
        (site / "site.yaml").unlink()
    else:
        (site / "site.yaml").write_text(config, encoding="utf-8")
    code, _, err = run(capsys, SEED, "--site", site)
    assert code == 2
    assert err.startswith("dossier: ") and "site.yaml" in err
    assert articles(site) == []


def test_a_missing_story_file_is_a_usage_error(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, tmp_path / "nope.txt", "--site", site)
    assert (code, err) == (2, f"dossier: {tmp_path / 'nope.txt'}: no such file or folder\n")


TRICKY = [
    "# not a heading, and #hashtag",
    "> not a quote",
    "- not a list\n+ nor this\n* nor this",
    "1. not ordered\n2) nor this\n2023. A year",
    "*stars* and **more**, _under_ but snake_case_name and __dunder__",
    "`code` and ``more``",
    "[a link](https://example.org) and ![image](x.png) and [ref]\n[ref]: https://example.org",
    "<b>bold</b> <https://example.org> <!-- comment -->",
    "&amp; &copy; &#169; &#x41; and AT&T",
    "a | b | c\n--- | --- | ---\n1 | 2 | 3",
    "left | right\n:-- | --:",
    "Setext\n===",
    "Setext\n---",
    "***\n___\n- - -",
    "~~~\nfenced\n~~~ and ~~struck~~",
    "back\\slash \\* and a hard break\\\nnext line",
    "\u201cCurly\u201d quotes \u2013 dashes, \u00e9t\u00e9, "
    "\u0414\u043c\u0438\u0442\u0440\u0438\u0439 and \U0001f600",
    "tabs\tinside and    spaces",
]


@pytest.mark.parametrize("raw_html", [False, True])
def test_escaped_body_renders_as_exactly_the_plain_text(raw_html: bool) -> None:
    markdown = "\n\n".join(escape_markdown(p) for p in TRICKY)
    expected = [" ".join(p.split()) for p in TRICKY]
    assert rendered_paragraphs(markdown, raw_html=raw_html) == expected


def test_plain_text_is_left_as_it_is() -> None:
    text = "Peskov\u2019s \u201cwords\u201d \u2013 50% (of 3) said: yes! Email me at a@b.c #1"
    assert escape_markdown(text) == text


@pytest.mark.parametrize(
    "title",
    [
        'Kremlin: "no comment" # really',
        "- [list] {map} & *star* !tag %percent @at `tick`",
        "Line\u2028separator, next\u0085line and \u00e9t\u00e9 \u2014 \U0001f600",
        "yes",
        "2023-05-04",
        "'single' and \\backslash",
    ],
)
def test_front_matter_parses_back_with_the_project_parser(title: str) -> None:
    story = Story(Path("s.txt"), dt.date(2023, 5, 4), title, ("Body.",))
    actors = ["Dmitry Peskov", 'O\'Brien "the Fixer"', "Ni\u00f1o: #1"]
    text = article_text(story, actors, ["Kremlin drone incident"])
    doc = read_article_text(text)
    assert (doc.title, doc.date) == (title, dt.date(2023, 5, 4))
    assert [n.text for n in doc.actors] == actors
    assert [n.text for n in doc.events] == ["Kremlin drone incident"]
    assert doc.body.text.strip() == "Body."


def read_article_text(text: str) -> ArticleDoc:
    doc, errors = parse_source(SourceFile("article", Path("a.md"), text.encode("utf-8")))
    assert errors == [] and isinstance(doc, ArticleDoc), errors
    return doc


def test_story_format_allows_white_space_and_windows_line_ends() -> None:
    data = "\ufeff\r\n   date 2023-05-04   A  title \r\n\r\nOne\r\nline two\r\n\r\n\r\nTwo\r\n"
    story = parse_story(data.encode("utf-8"), Path("s.txt"))
    assert isinstance(story, Story)
    assert (story.date, story.title) == (dt.date(2023, 5, 4), "A title")
    assert story.paragraphs == ("One\nline two", "Two")


HARBOUR = (
    "date 2024-03-05 Port workers end strike\n\n"
    "Union leader Marta Vidal said the strike at the port was over.\n\n"
    "Vidal thanked the workers. The port authority chief Henrik Dahl welcomed the news.\n"
)


def test_import_again_with_create_actors_writes_the_files_it_only_proposed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "site.yaml").write_text("title: Port\n", encoding="utf-8")
    story = write_story(tmp_path / "in", "strike.txt", HARBOUR)
    code, out, _ = run(capsys, story, "--site", site)
    assert code == 0
    assert not (site / "content" / "actors").exists()
    assert "proposed only, no file written: Marta Vidal (--create-actors writes it)" in out
    assert (
        out.splitlines()[-1]
        == "actors: wrote 0 files; 2 only proposed (--create-actors writes them)"
    )
    [article] = articles(site)
    before = article.read_bytes()
    code, out, _ = run(capsys, story, "--site", site, "--create-actors")
    assert code == 0
    assert f"{story}: already there as {article}; nothing written" in out
    assert articles(site) == [article] and article.read_bytes() == before  # not duplicated
    files = sorted(p.name for p in (site / "content" / "actors").iterdir())
    assert files == ["henrik-dahl.md", "marta-vidal.md"]
    assert f"created {site / 'content' / 'actors' / 'marta-vidal.md'}" in out
    assert out.splitlines()[-1] == "actors: wrote 2 files; 0 only proposed"
    assert main(["build", str(site), "-q"]) == 0
    page = parse_html(site / "output" / "actors" / "marta-vidal.html")
    assert "Known only from the stories" not in page.get_text()


def test_import_again_names_the_actors_as_the_site_now_calls_them(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = write_story(
        tmp_path,
        "talks.txt",
        "date 2024-04-01 Talks resume\n\nMarta Vidal and Henrik Dahl met on Monday.\n",
    )
    assert run(capsys, story, "--site", site)[0] == 0
    [article] = articles(site)
    assert [n.text for n in read_article(article).actors] == ["Marta Vidal", "Henrik Dahl"]
    # the site now has a file for her, by another spelling of her name, and for him by alias
    (site / "content" / "actors" / "marta-vidal-i-roca.md").write_text(
        "---\nname: Marta Vidal i Roca\naliases: [Marta Vidal]\nkind: person\n---\nA unionist.\n",
        encoding="utf-8",
    )
    (site / "content" / "actors" / "henrik-dahl.md").write_text(
        "---\nname: Henrik Dahl\nkind: person\n---\nPort chief.\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, story, "--site", site)
    assert code == 0
    assert f"already there as {article}; its actors are now Marta Vidal i Roca, Henrik Dahl" in out
    assert [n.text for n in read_article(article).actors] == ["Marta Vidal i Roca", "Henrik Dahl"]
    assert articles(site) == [article]
    again = run(capsys, story, "--site", site)[1]
    assert f"already there as {article}; nothing written" in again
