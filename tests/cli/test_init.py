"""`dossier init`: a new site that builds and checks cleanly, a workflow for CI, and a
refusal where a site is already."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.authoring.init import init_site
from generator.cli.main import main
from generator.errors import UsageError
from tests.conftest import SiteRunner
from tests.helpers import first, texts, write_files

NOW = dt.datetime(2024, 3, 9, 10, 30, tzinfo=dt.UTC)


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_init_writes_a_site_that_passes_check_strict(
    tmp_path: Path, run_dossier: SiteRunner, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "new-site"
    assert main(["init", str(site)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"created {site / 'site.yaml'}"
    assert (
        out[-1]
        == f"a new site in {site}: run `dossier serve {site}` and open the address it prints"
    )
    today = dt.date.today()
    assert files_in(site) == [
        ".gitignore",
        "content/actors/alex-example.md",
        f"content/articles/{today:%Y}/{today.isoformat()}-alex-example-opens-the-example-summit.md",
        "content/events/example-summit.md",
        "site.yaml",
    ]
    checked = run_dossier(site, "--strict", command="check")
    assert (checked.code, checked.err) == (0, ""), checked.err
    assert checked.out.splitlines() == ["ok: 1 article, 1 actor, 1 event"]  # nothing fileless
    built = run_dossier(site, "--strict")
    assert built.code == 0, built.err
    assert built.out.startswith("built 1 article, 1 actor, 1 event: ")
    assert "warning" not in built.out


def test_the_samples_name_each_other(tmp_path: Path, run_dossier: SiteRunner) -> None:
    started = init_site(tmp_path / "s", NOW)
    assert started.kept == ()
    run = run_dossier(tmp_path / "s")
    assert run.code == 0, run.err
    story = run.page("articles/2024-03-09-alex-example-opens-the-example-summit.html")
    assert first(story, "h1").get_text(strip=True) == "Alex Example opens the Example Summit"
    assert {a["href"] for a in story.select("a[href^='../actors/']")} == {
        "../actors/alex-example.html"
    }
    assert "../events/example-summit.html" in {a["href"] for a in story.select("a")}
    actor = run.page("actors/alex-example.html")
    assert "../events/example-summit.html" in {a["href"] for a in actor.select("a")}
    assert "Alex Example opens the Example Summit" in " ".join(texts(actor, "a"))
    event = run.page("events/example-summit.html")
    assert "../actors/alex-example.html" in {a["href"] for a in event.select("a")}
    feed = (run.output / "feed.xml").read_text(encoding="utf-8")  # the placeholder base_url
    assert "https://example.org/articles/2024-03-09-alex-example" in feed


def test_site_yaml_is_commented_and_sets_a_placeholder_base_url(tmp_path: Path) -> None:
    init_site(tmp_path, NOW)
    text = (tmp_path / "site.yaml").read_text(encoding="utf-8")
    settings = yaml.safe_load(text)
    assert settings == {
        "title": "My dossier",
        "description": settings["description"],
        "base_url": "https://example.org/",
        "language": "en",
    }
    assert "base_url: https://example.org/          # replace" in text
    assert "# raw_html: false" in text and "# link_mentions: true" in text
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()[1:] == [
        "output/",
        ".cache/",
    ]


def test_ci_github_writes_a_pages_workflow(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "--ci", "github"]) == 0
    flow = yaml.safe_load((tmp_path / ".github/workflows/dossier.yml").read_text("utf-8"))
    steps = flow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "") for step in steps]
    assert "actions/upload-pages-artifact@v3" in uses
    assert flow["jobs"]["deploy"]["steps"][0]["uses"] == "actions/deploy-pages@v4"
    assert flow["jobs"]["deploy"]["needs"] == "build"
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".cache/dossier/"
    runs = [step["run"] for step in steps if "run" in step]
    assert any(run.startswith("dossier build --strict --base-url ") for run in runs)
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert not (tmp_path / ".gitlab-ci.yml").exists()


def test_ci_gitlab_writes_a_pages_job(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path), "--ci", "gitlab"]) == 0
    job = yaml.safe_load((tmp_path / ".gitlab-ci.yml").read_text("utf-8"))["pages"]
    assert job["artifacts"]["paths"] == ["public"]
    assert job["cache"]["paths"] == [".cache/dossier/"]
    assert 'dossier build --strict --base-url "$CI_PAGES_URL" --output public' in job["script"]
    assert "public/" in (tmp_path / ".gitignore").read_text("utf-8").splitlines()
    assert not (tmp_path / ".github").exists()


def test_a_ci_other_than_github_or_gitlab_is_bad_usage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path), "--ci", "jenkins"]) == 2
    assert "invalid choice: 'jenkins'" in capsys.readouterr().err
    assert files_in(tmp_path) == []


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"site.yaml": "title: Mine\n"}, "{site}/site.yaml already exists: {site} is a site"),
        ({"content/notes.md": "x"}, "{site}/content is not empty: nothing written"),
        ({"content": "x"}, "{site}/content is a file, not a folder: nothing written"),
    ],
)
def test_init_refuses_a_folder_with_a_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], message: str
) -> None:
    write_files(tmp_path, files)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert main(["init", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith("dossier: " + message.format(site=tmp_path))
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_init_keeps_other_files_and_adds_to_a_gitignore(tmp_path: Path) -> None:
    write_files(tmp_path, {".gitignore": "node_modules/\n/output\n", "README.md": "mine\n"})
    (tmp_path / "content").mkdir()  # empty: allowed
    started = init_site(tmp_path, NOW)
    assert tmp_path / ".gitignore" in started.written
    lines = (tmp_path / ".gitignore").read_text("utf-8").splitlines()
    assert lines == ["node_modules/", "/output", ".cache/"]
    assert (tmp_path / "README.md").read_text("utf-8") == "mine\n"
    assert started.kept == ()


def test_init_never_writes_through_a_link_out_of_the_site(tmp_path: Path) -> None:
    site, elsewhere = tmp_path / "site", tmp_path / "elsewhere"
    site.mkdir()
    elsewhere.mkdir()
    (site / ".github").symlink_to(elsewhere)
    with pytest.raises(UsageError, match="nothing written"):
        init_site(site, NOW, "github")
    assert files_in(elsewhere) == []
    assert not (site / "site.yaml").exists()  # refused before anything was written
