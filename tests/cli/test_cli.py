"""The command line: exit codes, site.yaml problems, feedback lines, `new`, `python -m`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli.main import main
from tests.conftest import MakeSite, SiteRunner
from tests.helpers import FIXTURES, REPO, article, snapshot, write_files


def test_build_prints_one_summary_line(make_site: MakeSite) -> None:
    run = make_site(fixture="small")
    assert run.code == 0
    (line,) = run.out.splitlines()
    files = len(snapshot(run.output))
    assert line.startswith(f"built 3 articles, 4 actors, 2 events: {files} files written in ")
    drafts = "1 draft left out (--drafts builds it)"
    assert line.endswith(f" s; {drafts}; 1 warning (dossier check lists it)")
    assert run.err == ""


def test_quiet_and_verbose(make_site: MakeSite, run_dossier: SiteRunner) -> None:
    loud = make_site({}, "-v", fixture="small")
    wrote = [line for line in loud.out.splitlines() if line.startswith("wrote ")]
    assert f"wrote {loud.site / 'output' / 'actors/ada-north.html'}" in wrote
    assert len(wrote) == len(snapshot(loud.output))
    quiet = run_dossier(loud.site, "-q")
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    again = run_dossier(loud.site, "-v")
    assert again.out.startswith("built 3 articles, 4 actors, 2 events: 0 files written in ")


def test_missing_site_yaml_exits_2(tmp_path: Path, run_dossier: SiteRunner) -> None:
    run = run_dossier(tmp_path)
    assert run.code == 2
    there = f"`dossier init {tmp_path}` to start a site there"
    assert run.err == f"dossier: no site.yaml in {tmp_path}; run {there}\n"


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("title: T\ntitel: x\n", 'site.yaml:2: unknown field "titel" (did you mean "title"?)'),
        ("description: x\n", 'site.yaml:1: missing "title"; add `title: ...`'),
        ("title: [a\n", "site.yaml:2: YAML syntax error: "),
        ("title: T\nbase_url: javascript:x\n", "site.yaml:2: base_url must start with http"),
        ("- a\n- b\n", "site.yaml:1: expected `key: value` lines, one a key"),
    ],
)
def test_broken_site_yaml_exits_2(
    tmp_path: Path, run_dossier: SiteRunner, config: str, message: str
) -> None:
    write_files(tmp_path, {"site.yaml": config, "content/articles/a.md": article()})
    run = run_dossier(tmp_path)
    assert run.code == 2
    assert run.err.startswith(f"dossier: {tmp_path}/{message}")
    assert "Traceback" not in run.err
    assert not (tmp_path / "output").exists()


def test_check_writes_no_output_and_lists_names_without_files(
    tmp_path: Path, run_dossier: SiteRunner
) -> None:
    site = tmp_path / "small"
    shutil.copytree(FIXTURES / "small", site)
    run = run_dossier(site, command="check")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "note: actor 'Dock Workers Union' has no file of its own; its page is built from articles",
        "ok: 3 articles, 4 actors, 2 events",
    ]
    assert not (site / "output").exists()


def test_check_reports_errors_with_exit_1(make_site: MakeSite, run_dossier: SiteRunner) -> None:
    run = make_site({"content/articles/a.md": "---\ntitle: t\n---\n"}, "-q")
    checked = run_dossier(run.site, command="check")
    assert checked.code == 1
    assert checked.error_lines[0].endswith('a.md:2: missing "date"; add `date: ...`')


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--no-such-flag"]) == 2
    assert main([]) == 2
    assert "usage: dossier" in capsys.readouterr().err


def test_new_starts_files_that_build(tmp_path: Path, run_dossier: SiteRunner) -> None:
    write_files(tmp_path, {"site.yaml": "title: T\n"})
    assert main(["new", "article", 'Peskov: "laughable"', str(tmp_path)]) == 0
    assert main(["new", "actor", "Дмитрий Песков", str(tmp_path)]) == 0
    assert main(["new", "event", "Kremlin drone incident", str(tmp_path)]) == 0
    assert main(["new", "actor", "Дмитрий Песков", str(tmp_path)]) == 2  # never overwrites
    (article_file,) = (tmp_path / "content/articles").rglob("*.md")
    assert article_file.name.endswith("-peskov-laughable.md")
    assert (tmp_path / "content/actors/dmitrii-peskov.md").is_file()
    run = run_dossier(tmp_path, "--drafts")
    assert run.code == 0, run.err
    assert (run.output / "actors/dmitrii-peskov.html").is_file()


def test_python_dash_m_is_the_same_program(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "small", tmp_path / "small")
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", str(tmp_path / "small")],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("built 3 articles")
    version = subprocess.run(
        [sys.executable, "-m", "generator", "--version"], capture_output=True, text=True, check=True
    )
    assert version.stdout.startswith("dossier ")


def test_the_command_collects_garbage_less_often_than_python_does() -> None:
    """`generator.cli.command` (the `dossier` entry point) sets the collector's thresholds
    before its imports; code that imports the package as a library keeps Python's."""
    probe = (
        "import gc, sys; print(gc.get_threshold()); import generator.{}; print(gc.get_threshold())"
    )
    command = subprocess.run(
        [sys.executable, "-c", probe.format("cli.command")],
        capture_output=True,
        text=True,
        check=True,
    )
    library = subprocess.run(
        [sys.executable, "-c", probe.format("build")], capture_output=True, text=True, check=True
    )
    default, after = command.stdout.splitlines()
    assert after == "(10000, 10, 10)" != default
    assert library.stdout.splitlines() == [default, default]


def test_strict_makes_every_warning_an_error_and_leaves_output_alone(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    built = make_site({}, fixture="small")  # one warning: no base_url, so no feeds
    before = snapshot(built.output)
    story = built.site / "content/articles/2023/may/strike-ends.md"
    story.write_text(story.read_text(encoding="utf-8") + "\nA bell\x07 rang.\n", "utf-8")
    for command in ("build", "check"):
        strict = run_dossier(built.site, "--strict", command=command)
        assert strict.code == 1, strict.err
        lines = strict.err.splitlines()
        assert "site.yaml:1: warning: base_url is not set" in strict.err
        assert any(
            line.startswith(f"{story}:") and ": warning: " in line and "control" in line
            for line in lines
        ), strict.err
        assert lines[-1].startswith("2 errors (--strict: warnings count as errors): ")
        assert snapshot(built.output) == before  # output/ as the last good build left it
    plain = run_dossier(built.site)
    assert plain.code == 0 and plain.out.rstrip().endswith("2 warnings (dossier check lists them)")


def test_strict_does_not_take_the_nothing_changed_shortcut_past_a_warning(
    make_site: MakeSite, run_dossier: SiteRunner
) -> None:
    built = make_site({}, fixture="small")  # a plain build with a warning wrote output/
    again = run_dossier(built.site, "--strict")
    assert again.code == 1 and "site.yaml:1: warning: base_url is not set" in again.err


def test_strict_passes_a_site_without_warnings(make_site: MakeSite) -> None:
    settings = "title: Clean\nbase_url: https://example.org/dossier/\n"
    run = make_site({"site.yaml": settings, "content/articles/a.md": article()}, "--strict")
    assert run.code == 0, run.err
    assert "warning" not in run.out + run.err
