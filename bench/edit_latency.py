#!/usr/bin/env python3
"""How long a writer waits: rebuild times on a large synthetic dossier.

    .venv/bin/python bench/edit_latency.py [--articles 10000] [--edits 20] [--site DIR]

Makes a site with ../shared/bench/make_corpus.py (unless --site names one), builds
it once from nothing, then measures, as whole processes or against a running
`dossier watch`:

  * no-change build:   `dossier build` when nothing changed (median of --runs);
  * one-article build: `dossier build` after a one-paragraph edit of one article;
  * save to page:      with `dossier watch` running, the time from writing a
                       one-paragraph edit of one article to its page in output/
                       holding the new text (median of --edits saves).

Prints one table and writes it to bench/results/edit-latency.txt (git-ignored).
Timings on a shared machine are noisy: compare medians, run again when in doubt.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAKE_CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"
RESULTS = REPO / "bench" / "results"


def dossier(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", *args], check=True, cwd=REPO)
    return time.perf_counter() - started


def articles_of(site: Path, count: int) -> list[Path]:
    return sorted((site / "content" / "articles").rglob("*.md"))[:count]


def edit_paragraph(path: Path, marker: str) -> None:
    """Add a word to the body's last plain paragraph (never the first: it is the summary)."""
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 4) + 5
    blocks = text[end:].split("\n\n")
    plain = [i for i, b in enumerate(blocks) if b.strip()[:1].isalpha()]
    target = plain[-1] if len(plain) > 1 else len(blocks)
    if target == len(blocks):
        blocks.append(marker)
    else:
        blocks[target] = blocks[target].rstrip("\n") + f" {marker}"
    path.write_text(text[:end] + "\n\n".join(blocks), encoding="utf-8")


def page_of(site: Path, source: Path) -> Path:
    return site / "output" / "articles" / f"{source.stem}.html"


def time_builds(site: Path, runs: int) -> tuple[list[float], list[float]]:
    unchanged = [dossier("build", str(site), "-q") for _ in range(runs)]
    edited = []
    for number, source in enumerate(articles_of(site, runs)):
        edit_paragraph(source, f"edited-by-build-{number}")
        edited.append(dossier("build", str(site), "-q"))
    return unchanged, edited


def time_saves(site: Path, edits: int) -> list[float]:
    watcher = subprocess.Popen(
        [sys.executable, "-m", "generator", "watch", str(site)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert watcher.stdout is not None
    try:
        for line in watcher.stdout:
            if line.startswith("watching"):
                break
        time.sleep(1.0)
        latencies = []
        for number, source in enumerate(articles_of(site, edits)):
            marker = f"saved-{number}-{time.time_ns()}"
            page = page_of(site, source)
            started = time.perf_counter()
            edit_paragraph(source, marker)
            while marker not in page.read_text(encoding="utf-8"):
                if time.perf_counter() - started > 60:
                    raise SystemExit(f"no rebuild of {page} after 60 s")
                time.sleep(0.001)
            latencies.append(time.perf_counter() - started)
            time.sleep(0.3)
        return latencies
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="an existing site to use instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as temp:
        site = args.site or Path(temp) / "site"
        if args.site is None:
            subprocess.run(
                [sys.executable, str(MAKE_CORPUS), str(site), "--articles", str(args.articles)],
                check=True,
            )
        cold = dossier("build", str(site), "-q")
        unchanged, edited = time_builds(site, args.runs)
        saves = time_saves(site, args.edits)
    ms = lambda values: f"{statistics.median(values) * 1000:8.0f} ms"  # noqa: E731
    rows = [
        f"site: {args.site or f'make_corpus.py --articles {args.articles}'}",
        f"cold build (no cache, no output)       {cold * 1000:8.0f} ms   (1 run)",
        f"no-change build, median of {len(unchanged):<2}          {ms(unchanged)}",
        f"one-article build, median of {len(edited):<2}        {ms(edited)}",
        f"save to page with watch, median of {len(saves):<2}  {ms(saves)}"
        f"   (min {min(saves) * 1000:.0f}, max {max(saves) * 1000:.0f})",
    ]
    report = "\n".join(rows)
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "edit-latency.txt").write_text(report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
