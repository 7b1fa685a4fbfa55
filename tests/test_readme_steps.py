"""The README's "Start your own dossier", followed as a newcomer would: dossier installed
from a wheel into a fresh virtual environment (dependencies from the package index, no
test extras), then every `dossier` line of that section's shell blocks run in order in an
empty folder, and `pip install .` from a copy of the repository. Slow and networked:
`make test` runs it, `make check` leaves it out."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
SECTION = "## Start your own dossier"
NEVER_END = {"serve", "watch"}  # they run until Ctrl-C: not for a test
STORY = "date 2024-03-01 Harbour workers end their strike\n\nJane Doe said it was over.\n"
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "output", ".cache", "test-artifacts", "build", "dist", "*.egg-info",
    "__pycache__",
)  # fmt: skip


def readme_commands() -> list[str]:
    """The `dossier` lines of the shell blocks in the README's "Start your own dossier",
    in order, with their comments."""
    text = (ROOT / "README.md").read_text("utf-8")
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    section = text[start : end if end >= 0 else len(text)]
    blocks = re.findall(r"^```sh\n(.*?)^```", section, flags=re.M | re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("dossier ")]


def expected_status(line: str) -> int:
    """What the README says a line exits with: 1 where its comment says so, else 0."""
    _, _, comment = line.partition("#")
    return 1 if "exit status 1" in comment else 0


def run(args: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


def fresh_venv(folder: Path) -> Path:
    """A virtual environment with pip and nothing else; its bin folder."""
    venv.create(folder, with_pip=True, clear=True)
    return folder / ("Scripts" if sys.platform == "win32" else "bin")


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sources, so that building leaves nothing in the working tree."""
    copy = tmp_path_factory.mktemp("clone") / "dossier"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE, symlinks=True)
    return copy


@pytest.fixture(scope="module")
def wheel_bin(repo_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with dossier installed from a wheel of this repository."""
    bin_ = fresh_venv(tmp_path_factory.mktemp("wheel-venv") / "env")
    wheels = tmp_path_factory.mktemp("wheels")
    made = run([bin_ / "python", "-m", "pip", "wheel", repo_copy, "--no-deps", "-w", wheels], ROOT)
    assert made.returncode == 0, made.stdout + made.stderr
    (wheel,) = wheels.glob("dossier-*.whl")
    installed = run([bin_ / "python", "-m", "pip", "install", wheel], ROOT)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return bin_


def test_the_readme_section_has_the_steps() -> None:
    commands = [shlex.split(line, comments=True) for line in readme_commands()]
    start = commands.index(["dossier", "init", "mysite"])
    assert commands[start : start + 6] == [
        ["dossier", "init", "mysite"],
        ["dossier", "build", "mysite"],
        ["dossier", "check", "--strict", "mysite"],
        ["dossier", "new", "actor", "Jane Doe", "mysite"],
        ["dossier", "check", "mysite"],
        ["dossier", "check", "--strict", "mysite"],
    ]
    used = {words[1] for words in commands}
    assert {"init", "new", "import", "build", "serve", "check"} <= used


def test_start_your_own_dossier_as_the_readme_says(wheel_bin: Path, tmp_path: Path) -> None:
    (tmp_path / "stories").mkdir()  # what `dossier import stories/` reads
    (tmp_path / "stories/strike.txt").write_text(STORY, encoding="utf-8")
    ran: list[str] = []
    for line in readme_commands():
        words = shlex.split(line, comments=True)
        if words[1] in NEVER_END:
            continue
        done = run([wheel_bin / "dossier", *words[1:]], tmp_path)
        assert done.returncode == expected_status(line), (line, done.stdout, done.stderr)
        ran.append(line)
        site = tmp_path / "mysite"
        if words[1] == "build":  # the theme came with the wheel
            assert (site / "output/assets/dossier.css").is_file()
            assert (site / "output/actors/alex-example.html").is_file()
        if words[1:] == ["new", "actor", "Jane Doe", "mysite"]:
            assert (site / "content/actors/jane-doe.md").is_file()
        if words[1:] == ["check", "mysite"] and (site / "content/actors/jane-doe.md").exists():
            assert "content/actors/jane-doe.md:" in done.stderr
            assert "warning: still holds the text that dossier new" in done.stderr
    assert len(ran) >= 6
    assert any(expected_status(line) == 1 for line in ran)  # the strict check that fails


def test_pip_install_dot_from_a_clone(repo_copy: Path, tmp_path: Path) -> None:
    bin_ = fresh_venv(tmp_path / "env")
    installed = run([bin_ / "python", "-m", "pip", "install", "."], repo_copy)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    version = run([bin_ / "dossier", "--version"], tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("dossier ")
