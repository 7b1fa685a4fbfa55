#!/usr/bin/env python3
"""Does a change leave the built sites byte for byte as they were?

    .venv/bin/python bench/same_output.py [--base REV] [--articles N ...]

Builds this repository's example site, and a corpus of N articles (default 10,000)
made by ../shared/bench/make_corpus.py, twice: with the generator as it is at REV
(default HEAD, taken with `git archive`) and with the generator in the working tree.
Then compares the two output folders file by file, as `diff -r` would, leaving out
only the build manifest `.dossier-output` (it records the code's fingerprint and the
source paths, which differ by design). Prints every file that differs or exists on
one side only and exits 1 if there is any, 0 if the outputs are identical.

A refactoring that must not change what is published runs this before it lands.
Everything lives in a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CAPPED = REPO / "bench" / "make_corpus_capped.py"
MANIFEST = ".dossier-output"


def checkout(rev: str, into: Path) -> Path:
    """The generator package as it is at `rev`, in a folder of its own."""
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", rev, "generator"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def build(code: Path, site: Path, out: Path) -> None:
    """`python -m generator build` with the package found in `code` first."""
    command = [sys.executable, "-m", "generator", "build", str(site), "--output", str(out), "-q"]
    done = subprocess.run(command, cwd=code, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build of {site} with {code} failed:\n{done.stdout}{done.stderr}")


def differences(left: Path, right: Path) -> list[str]:
    """Relative paths of the files that differ or exist on one side only."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp[str], prefix: str) -> None:
        for name in sorted(compared.left_only + compared.right_only):
            if name != MANIFEST:
                found.append(f"{prefix}{name} (one side only)")
        _, mismatch, errors = filecmp.cmpfiles(
            compared.left, compared.right, compared.common_files, shallow=False
        )
        found.extend(f"{prefix}{name}" for name in sorted(mismatch + errors) if name != MANIFEST)
        for name, sub in sorted(compared.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def sites(work: Path, scales: list[int]) -> list[Path]:
    """The example site (copied without its output) and one corpus per scale."""
    example = work / "example"
    example.mkdir()
    for part in ("site.yaml", "content", "templates", "static"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, example / part)
        elif source.is_file():
            shutil.copy2(source, example / part)
    made = [example]
    for articles in scales:
        corpus = work / f"corpus-{articles}"
        command = [sys.executable, str(CAPPED), str(corpus), "--articles", str(articles)]
        subprocess.run(command, check=True, capture_output=True)
        made.append(corpus)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="the revision to compare with")
    parser.add_argument(
        "--articles", type=int, nargs="*", default=[10_000], help="corpus sizes (default 10000)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-same-") as folder:
        work = Path(folder)
        before = checkout(args.base, work / "code-before")
        changed = 0
        for site in sites(work, args.articles):
            old, new = work / f"{site.name}-before", work / f"{site.name}-after"
            build(before, site, old)
            build(REPO, site, new)
            found = differences(old, new)
            files = sum(1 for p in new.rglob("*") if p.is_file())
            print(f"{site.name}: {files} files, {len(found)} differ from {args.base}")
            for path in found[:50]:
                print(f"  {path}")
            if len(found) > 50:
                print(f"  ... and {len(found) - 50} more")
            changed += len(found)
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
