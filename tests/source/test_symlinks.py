"""Nothing from outside the site gets in: symbolic links that lead out are refused, by
name, before their targets are opened; links that stay inside work as ordinary files."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator.dev.devloop import DevLoop
from generator.dev.watch import classify
from tests.conftest import SiteRunner
from tests.helpers import REPO, article, write_files

SECRET = "SECRET-FROM-THE-HOME-FOLDER"
OUTSIDE = "symbolic link leads outside the site"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A folder beside the site, as a user's home would be: files no site should publish."""
    folder = tmp_path / "home"
    write_files(
        folder,
        {
            "secret.md": article(title=f"{SECRET} title", body=f"{SECRET} body"),
            "actor.md": f"---\nname: {SECRET} actor\n---\n{SECRET} bio\n",
            "stories/one.md": article(title=f"{SECRET} one", body=f"{SECRET} body"),
            "secret.css": f"/* {SECRET} */",
            "styles/more.css": f"/* {SECRET} */",
            "article.html": f"{SECRET} template",
            "site.yaml": f"title: {SECRET}\n",
        },
    )
    return folder


@pytest.fixture
def site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    write_files(
        folder,
        {
            "site.yaml": "title: Test dossier\n",
            "content/articles/a.md": article(title="A story", body="Plain text."),
        },
    )
    return folder


def link(path: Path, target: Path | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def nothing_leaked(site: Path) -> None:
    """The secret text is in no file the build wrote: output/ and the cache."""
    for folder in (site / "output", site / ".cache"):
        for path in folder.rglob("*") if folder.exists() else ():
            assert not path.is_symlink(), path
            if path.is_file():
                assert SECRET.encode() not in path.read_bytes(), path


def refused(run_dossier: SiteRunner, site: Path, *links: str, command: str = "build") -> None:
    """The build fails naming exactly these links, and nothing of their targets gets out."""
    run = run_dossier(site, command=command)
    assert run.code == 1, run.out + run.err
    assert "Traceback" not in run.err
    named = [line for line in run.err.splitlines() if OUTSIDE in line]
    assert [line.split(": ", 1)[0] for line in named] == [str(site / p) for p in links]
    assert all(line.split(": ", 1)[1].startswith(OUTSIDE) for line in named)
    assert SECRET not in run.out + run.err
    nothing_leaked(site)


CASES = {
    "an article, absolute": ("content/articles/leak.md", "{home}/secret.md"),
    "an article, relative": ("content/articles/2023/leak.md", "../../../../home/secret.md"),
    "a folder of articles": ("content/articles/more", "{home}/stories"),
    "an actor": ("content/actors/leak.md", "{home}/actor.md"),
    "an event": ("content/events/leak.md", "{home}/secret.md"),
    "the whole content folder": ("content", "{home}"),
    "a static file": ("static/site.css", "{home}/secret.css"),
    "a static folder": ("static/styles", "{home}/styles"),
    "the static folder": ("static", "{home}/styles"),
    "a template": ("templates/article.html", "{home}/article.html"),
    "the templates folder": ("templates", "{home}"),
    "site.yaml": ("site.yaml", "{home}/site.yaml"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_link_out_of_the_site_is_an_error_naming_it(
    case: str, site: Path, home: Path, run_dossier: SiteRunner
) -> None:
    where, target = CASES[case]
    if (site / where).is_file():
        (site / where).unlink()
    elif (site / where).exists():
        (site / where).rename(site / "moved-away")
    link(site / where, target.format(home=home))
    refused(run_dossier, site, where)
    refused(run_dossier, site, where, command="check")


def test_a_chain_of_links_is_judged_by_where_it_ends(
    site: Path, home: Path, run_dossier: SiteRunner
) -> None:
    link(site / "notes/hop.md", home / "secret.md")  # inside the site, leading out
    link(site / "content/articles/leak.md", "../../notes/hop.md")
    refused(run_dossier, site, "content/articles/leak.md")


def test_a_failed_build_leaves_the_last_output_and_every_error_is_reported(
    site: Path, home: Path, run_dossier: SiteRunner
) -> None:
    assert run_dossier(site).code == 0
    before = {p: p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}
    link(site / "content/articles/leak.md", home / "secret.md")
    refused(run_dossier, site, "content/articles/leak.md")  # no "nothing changed" shortcut
    link(site / "static/x.css", home / "secret.css")
    (site / "content/articles/b.md").write_text("no front matter\n")
    run = run_dossier(site)
    assert run.code == 1
    assert [line.split(": ")[0] for line in run.error_lines] == [
        str(site / "content/articles/b.md:1"),
        str(site / "content/articles/leak.md"),
        str(site / "static/x.css"),
    ]
    after = {p: p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}
    assert after == before
    nothing_leaked(site)


def test_links_that_stay_inside_work_as_ordinary_files(site: Path, run_dossier: SiteRunner) -> None:
    write_files(
        site,
        {
            "drafts/kept.md": article(title="Kept through a link"),
            "archive/2019/old.md": article(title="From the archive", date="2019-01-02"),
            "assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
            "people/anna.md": "---\nname: Anna Berg\n---\nAn actor through a link.\n",
        },
    )
    link(site / "content/articles/kept.md", "../../drafts/kept.md")
    link(site / "content/articles/archive", site / "archive")  # absolute, still inside
    link(site / "content/actors/anna-berg.md", "../../people/anna.md")
    link(site / "static/logo.svg", "../assets/logo.svg")
    run = run_dossier(site)
    assert run.code == 0, run.err
    out = site / "output"
    assert "Kept through a link" in (out / "articles/kept.html").read_text()
    assert "From the archive" in (out / "articles/old.html").read_text()
    assert "An actor through a link." in (out / "actors/anna-berg.html").read_text()
    logo = out / "logo.svg"
    assert logo.read_bytes() == (site / "assets/logo.svg").read_bytes()
    links = [p for p in out.rglob("*") if p.is_symlink()]
    assert links == []  # output/ receives files, never links


def test_a_folder_link_to_its_own_parent_does_not_hang(site: Path, run_dossier: SiteRunner) -> None:
    link(site / "content/articles/loop", "..")  # content/articles/loop -> content/
    link(site / "content/articles/self", ".")
    link(site / "static/again", ".")
    write_files(site, {"static/x.css": "a {}"})
    run = run_dossier(site)
    assert run.code == 0, run.err
    assert run.out.startswith("built 1 article,")  # each file once, not once per way in
    assert (site / "output/x.css").read_text() == "a {}"


def test_a_link_to_nothing_is_an_error(site: Path, run_dossier: SiteRunner) -> None:
    link(site / "content/articles/gone.md", "missing.md")
    link(site / "content/articles/ring.md", "ring.md")
    run = run_dossier(site)
    assert run.code == 1
    assert [line.split(": ", 1) for line in run.error_lines] == [
        [
            str(site / "content/articles/gone.md"),
            "symbolic link leads to nothing "
            "(its target is missing, or links loop; fix it or remove it)",
        ],
        [
            str(site / "content/articles/ring.md"),
            "symbolic link leads to nothing "
            "(its target is missing, or links loop; fix it or remove it)",
        ],
    ]


def test_a_target_outside_is_never_opened(site: Path, home: Path) -> None:
    """The target is a named pipe: opening it for reading would block the build."""
    os.mkfifo(home / "pipe.md")
    link(site / "content/articles/pipe.md", home / "pipe.md")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert f"{site / 'content/articles/pipe.md'}: {OUTSIDE}" in done.stderr


def test_a_pipe_inside_the_site_is_refused_not_read(site: Path, run_dossier: SiteRunner) -> None:
    os.mkfifo(site / "content/articles/pipe.md")
    run = run_dossier(site)
    assert run.code == 1
    assert run.error_lines == [
        f"{site / 'content/articles/pipe.md'}: is neither a file nor a folder "
        "(a pipe or a device?); remove it"
    ]


def test_import_reads_and_writes_nothing_through_a_link_out(
    site: Path, home: Path, run_dossier: SiteRunner, tmp_path: Path
) -> None:
    link(site / "content/actors", home)
    story = tmp_path / "story.txt"
    story.write_text("date 2023-05-04 A story\n\nVladimir Putin spoke.\n")
    run = run_dossier(story, "--site", str(site), "--create-actors", command="import")
    assert run.code == 1
    assert f"{site / 'content/actors'}: {OUTSIDE}" in run.err
    assert SECRET not in run.out + run.err
    assert sorted(p.name for p in home.iterdir()) == sorted(
        ["secret.md", "actor.md", "stories", "secret.css", "styles", "article.html", "site.yaml"]
    )
    assert not (site / "content/articles/2023").exists()


def test_new_writes_nothing_through_a_link_out(
    site: Path, home: Path, run_dossier: SiteRunner
) -> None:
    link(site / "content/events", home)
    run = run_dossier(Path("event"), "Summit", str(site), command="new")
    assert run.code == 2
    assert f"{site / 'content/events'}: {OUTSIDE}" in run.err
    assert not (home / "summit.md").exists()


def test_the_watcher_ignores_what_happens_under_a_link_out(site: Path, home: Path) -> None:
    link(site / "content/articles/more", home / "stories")
    under = site / "content/articles/more/one.md"
    assert classify(site, [under]) is None
    the_link = site / "content/articles/more"
    change = classify(site, [the_link, site / "content/articles/a.md"])
    assert change is not None and change.paths == {the_link, site / "content/articles/a.md"}


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def loop(site: Path) -> Iterator[DevLoop]:
    dev = DevLoop(site, site / "output")
    dev.rebuild()
    watcher = dev.watch()
    time.sleep(0.2)  # the observer's watches are in place
    yield dev
    watcher.stop()


def test_an_article_swapped_for_a_link_out_while_watching_is_refused(
    site: Path, home: Path, loop: DevLoop
) -> None:
    page = site / "output/articles/a.html"
    good = page.read_bytes()
    text = (site / "content/articles/a.md").read_text()
    # the same front matter, another body: what the quick path for prose edits takes
    (home / "same-front.md").write_text(text + f"\n{SECRET} in a second paragraph.\n")
    temp = site / "content/articles/.a.md.tmp"
    temp.symlink_to(home / "same-front.md")
    temp.rename(site / "content/articles/a.md")  # one save of one article: the quick path
    wait_until(lambda: loop.live.generation == 2)
    assert [e.split(": ")[0] for e in loop.live.errors] == [str(site / "content/articles/a.md")]
    assert OUTSIDE in loop.live.errors[0]
    assert page.read_bytes() == good
    nothing_leaked(site)
    (site / "content/articles/a.md").unlink()
    (site / "content/articles/a.md").write_text(text.replace("Plain text.", "Fixed."))
    wait_until(lambda: loop.live.generation >= 3 and not loop.live.errors)
    assert "Fixed." in page.read_text()


def test_writes_under_a_link_out_cause_no_rebuild(site: Path, home: Path) -> None:
    link(site / "content/articles/more", home / "stories")
    dev = DevLoop(site, site / "output")
    dev.rebuild()
    watcher = dev.watch()
    try:
        time.sleep(0.2)
        (home / "stories/two.md").write_text(article(title=f"{SECRET} two"))
        (home / "stories/one.md").unlink()
        time.sleep(0.8)
        assert dev.rebuilds == 1
    finally:
        watcher.stop()
    nothing_leaked(site)


def test_a_link_into_the_output_is_refused(site: Path, run_dossier: SiteRunner) -> None:
    """`static/mirror -> ../output` would copy output/ into itself, one level more each
    build."""
    assert run_dossier(site).code == 0
    link(site / "static/mirror", "../output")
    link(site / "content/articles/cached", "../../.cache")
    run = run_dossier(site)
    assert run.code == 1
    assert [line.split(": ")[0] for line in run.error_lines] == [
        str(site / "content/articles/cached"),
        str(site / "static/mirror"),
    ]
    assert all("symbolic link leads into what the build writes" in e for e in run.error_lines)
    assert not (site / "output/mirror").exists()
