"""Rendering in several processes gives the same bytes as one; long builds show progress."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.build import Builder
from generator.cli.main import main
from generator.cli.progress import ProgressLine
from generator.incremental.cache import CACHE_DIR, cache_key, load_cache
from generator.source.config import load_config
from generator.source.discover import scan_content
from generator.write.output import Output
from tests.helpers import REPO, snapshot

MAKE_CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"


def test_any_number_of_jobs_gives_the_same_bytes(tmp_path: Path) -> None:
    site = tmp_path / "corpus"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(site), "--articles", "400"], check=True)
    outputs = {}
    for jobs in (1, 2, 3):
        shutil.rmtree(site / ".cache", ignore_errors=True)
        out = tmp_path / f"out{jobs}"
        assert main(["build", str(site), "--output", str(out), "--jobs", str(jobs), "-q"]) == 0
        outputs[jobs] = snapshot(out)
    assert len(outputs[1]) > 500
    assert outputs[1] == outputs[2] == outputs[3]


def test_parallel_errors_are_reported_once_each(tmp_path: Path) -> None:
    site = tmp_path / "corpus"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(site), "--articles", "300"], check=True)
    (site / "templates").mkdir()
    (site / "templates/article.html").write_text("{{ article.title }}\n{{ 1 / 0 }}\n")
    result = Builder(site, tmp_path / "out", jobs=2).build()
    assert [str(e) for e in result.errors] == [
        f"{site}/templates/article.html:2: template error: ZeroDivisionError: division by zero"
    ]
    assert not (tmp_path / "out").exists()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_and_is_erased() -> None:
    screen = Terminal()
    line = ProgressLine(screen, after=0.0)
    line("rendering", 1200, 13000)
    line.close()
    assert screen.getvalue() == "\r\x1b[Krendering 1,200/13,000\r\x1b[K"


def test_progress_is_silent_in_logs() -> None:
    log = io.StringIO()
    line = ProgressLine(log, after=0.0)
    line("rendering", 1, 2)
    line.close()
    assert log.getvalue() == ""


def test_workers_write_in_place_and_a_failed_build_leaves_no_trace(tmp_path: Path) -> None:
    """With output/ there, workers write temp files beside the pages; the parent puts them
    in place, or removes them all when a page fails."""
    site = tmp_path / "corpus"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(site), "--articles", "300"], check=True)
    out = site / "output"
    assert main(["build", str(site), "--jobs", "2", "-q"]) == 0
    (site / "templates").mkdir()
    article = site / "templates/article.html"
    article.write_text('{% extends "theme/article.html" %}{% block title %}X{% endblock %}')
    assert main(["build", str(site), "--jobs", "2", "-q"]) == 0
    rebuilt = snapshot(out)
    assert main(["build", str(site), "--output", str(tmp_path / "clean"), "-q"]) == 0
    assert rebuilt == snapshot(tmp_path / "clean")
    article.write_text(
        "{{ article.title }}{% if article.slug.endswith('9') %}{{ 1 / 0 }}{% endif %}"
    )
    assert main(["build", str(site), "--jobs", "2", "-q"]) == 1
    assert snapshot(out) == rebuilt
    assert [p.name for p in out.rglob("*") if p.name.endswith(".tmp")] == []


def test_workers_read_the_sources_and_a_child_writes_the_whole_cache(tmp_path: Path) -> None:
    site = tmp_path / "corpus"
    subprocess.run([sys.executable, str(MAKE_CORPUS), str(site), "--articles", "300"], check=True)
    result = Builder(site, site / "output", jobs=2).build()
    assert result.errors == []
    sources = scan_content(site).refs
    config = load_config(site / "site.yaml")
    cached = load_cache(site / CACHE_DIR, cache_key(config.raw_html, config.link_mentions))
    assert sorted(cached) == sorted(ref.path for ref in sources)
    assert all(entry.doc.body.text == "" and entry.rendered.html for entry in cached.values())
    again = Builder(site, tmp_path / "again", jobs=1)  # from the cache, as a new process would
    assert again.build().errors == []
    assert snapshot(tmp_path / "again") == snapshot(site / "output")


def test_abort_removes_what_a_worker_wrote_but_never_reported(tmp_path: Path) -> None:
    """A build stopped half way: a worker process wrote a temp file the parent never
    adopted. Aborting leaves output/ as it was."""
    out = tmp_path / "output"
    (out / "articles").mkdir(parents=True)
    page = out / "articles" / "a.html"
    page.write_text("old")
    output = Output(out, {"articles/a.html": ("sig", "digest")})
    child = os.fork()
    if child == 0:  # the worker
        try:
            output.put("articles/a.html", b"new")
            output.put("articles/b.html", b"new")
        finally:
            os._exit(0)
    os.waitpid(child, 0)
    adopted = output.put("index.html", b"new")
    output.adopt("index.html", adopted)
    assert len([p for p in out.rglob("*") if p.name.endswith(".tmp")]) == 3
    output.abort()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "articles",
        "articles/a.html",
    ]
    assert page.read_text() == "old"
