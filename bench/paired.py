#!/usr/bin/env python3
"""Is a change slower? The generator at REV and in the working tree, timed in turns.

    .venv/bin/python bench/paired.py --base REV [--articles 10000] [--runs 3] [--edits 12]

`make bench` times one version at a time, and on a shared machine the load moves between
two of its runs by more than the 5% a change may cost. This script builds two copies of
one corpus (made by ../shared/bench/make_corpus.py), one with each version, in turns, so
that both see the same load, and prints the median of each measure and their ratio:

  cold-j1, cold   no output/ and no cache, with `--jobs 1` and with the default jobs;
  warm            a warm cache, no output/;
  no-change       nothing changed since the last build;
  one-edit        one paragraph added to one story (`quick`, the command-line shortcut);
  watch           `dossier watch` running: from saving a one-paragraph edit to the page
                  on disk holding it (each version's watcher in turn, `--edits` saves).

The version at REV is taken with `git archive`; everything lives in a temporary folder,
removed at the end.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from same_output import CAPPED, REPO, checkout  # the script beside this one


def build(code: Path, site: Path, *extra: str) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "generator", "build", str(site), "-q", *extra]
    subprocess.run(command, cwd=code, check=True)
    return time.perf_counter() - started


def edit(story: Path, marker: str) -> None:
    text = story.read_text(encoding="utf-8").rstrip("\n")
    story.write_text(f"{text}\n\nA paragraph added for {marker}.\n", encoding="utf-8")


def builds(
    codes: dict[str, Path], sites: dict[str, Path], runs: int
) -> dict[str, dict[str, list[float]]]:
    times: dict[str, dict[str, list[float]]] = {}

    def note(measure: str, name: str, seconds: float) -> None:
        times.setdefault(measure, {}).setdefault(name, []).append(seconds)

    for run in range(runs):
        for name, code in codes.items():
            site = sites[name]
            for measure, extra in (("cold-j1", ("--jobs", "1")), ("cold", ())):
                shutil.rmtree(site / "output", ignore_errors=True)
                shutil.rmtree(site / ".cache", ignore_errors=True)
                note(measure, name, build(code, site, *extra))
            shutil.rmtree(site / "output", ignore_errors=True)
            note("warm", name, build(code, site))
            note("no-change", name, build(code, site))
            stories = sorted((site / "content" / "articles").rglob("*.md"))
            for number in range(3):
                edit(stories[(run * 7 + number * 101) % len(stories)], f"run {run}.{number}")
                note("one-edit", name, build(code, site))
    return times


def watch(code: Path, site: Path, edits: int) -> list[float]:
    """Save-to-page seconds under `dossier watch`, one edit every half second."""
    command = [sys.executable, "-m", "generator", "watch", str(site)]
    process = subprocess.Popen(
        command, cwd=code, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert process.stdout is not None
        while not process.stdout.readline().startswith("watching"):
            pass
        time.sleep(1.0)
        stories = sorted((site / "content" / "articles").rglob("*.md"))
        found: list[float] = []
        for number in range(edits):
            story = stories[(500 + number * 37) % len(stories)]
            page = site / "output" / "articles" / f"{story.stem}.html"
            marker = f"watched-{time.time_ns()}"
            started = time.perf_counter()
            edit(story, marker)
            while marker not in page.read_text(encoding="utf-8", errors="replace"):
                time.sleep(0.001)
            found.append(time.perf_counter() - started)
            time.sleep(0.5)
        return found
    finally:
        process.terminate()
        process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the revision to compare with")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--edits", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-paired-") as temp:
        work = Path(temp)
        codes = {args.base: checkout(args.base, work / "code-base"), "now": REPO}
        corpus = work / "corpus"
        command = [sys.executable, str(CAPPED), str(corpus), "--articles", str(args.articles)]
        subprocess.run(command, check=True, capture_output=True)
        sites = {}
        for name in codes:
            sites[name] = work / f"site-{'base' if name != 'now' else 'now'}"
            shutil.copytree(corpus, sites[name])
        times = builds(codes, sites, args.runs)
        times["watch"] = {
            name: watch(code, sites[name], args.edits) for name, code in codes.items()
        }
        print(f"{'measure':10} {args.base:>12} {'now':>12}  now/base  (medians, seconds)")
        for measure, by in times.items():
            base, now = statistics.median(by[args.base]), statistics.median(by["now"])
            print(f"{measure:10} {base:12.3f} {now:12.3f}  {now / base:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
