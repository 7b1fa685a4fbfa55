"""`dossier archive` against a stand-in for Save Page Now on 127.0.0.1: snapshots written
into front matter (every other byte kept), failures and no network reported, never a
traceback."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from tests.conftest import SiteRunner
from tests.helpers import first, write_files

STAMP = "20240102030405"


class Archive(BaseHTTPRequestHandler):
    """Answers as web.archive.org/save/ does: 200 with a Content-Location for most
    addresses, a redirect to the snapshot for `/redirect/` ones, 503 for `/broken/` ones."""

    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        url = self.path.removeprefix("/save/")
        if self.path.startswith("/save/"):
            Archive.asked.append(url)
        if "/broken/" in url:
            self.send_response(503)
            self.end_headers()
            return
        if "/redirect/" in url and not self.path.startswith("/web/"):
            self.send_response(302)
            self.send_header("Location", f"/web/{STAMP}/{url}")
            self.end_headers()
            return
        self.send_response(200)
        if not self.path.startswith("/web/"):
            self.send_header("Content-Location", f"/web/{STAMP}/{url}")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def archive() -> Iterator[str]:
    Archive.asked = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Archive)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


FLOW = (
    "---\ntitle: A\ndate: 2023-05-04\n"
    "source: {name: Wire, url: https://example.org/1}   # the wire\n"
    "tags: [x]\n---\nBody with source: {url: https://example.org/1}\n"
)
BLOCK = (
    "---\r\ntitle: B\r\ndate: 2023-05-04\r\nsources:\r\n"
    "  - name: Wire\r\n    url: https://example.org/redirect/2\r\n"
    "  - https://example.org/broken/3\r\n"
    "  - https://example.org/1\r\n---\r\nBody.\r\n"
)
UNUSUAL = (
    "---\ntitle: C\ndate: 2023-05-04\nsource: {name: Wire,\n   url: https://example.org/4}\n"
    "---\nBody.\n"
)


def make(tmp_path: Path, files: dict[str, str]) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    write_files(site, {"site.yaml": "title: T\n"})
    for name, text in files.items():
        path = site / "content/articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode())
    return site


def snapshot(url: str, base: str) -> str:
    return f'"{base}/web/{STAMP}/{url}"'


def inserted(before: bytes, after: bytes) -> list[bytes]:
    """The lines of `after` that are not in `before`, once `before`'s lines are all found in
    order (and unchanged) in `after`."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    extra, i = [], 0
    for line in new:
        if i < len(old) and line == old[i]:
            i += 1
        else:
            extra.append(line)
    assert i == len(old), "a line of the file was changed"
    return extra


def test_snapshots_are_written_into_front_matter(
    tmp_path: Path, archive: str, run_dossier: SiteRunner
) -> None:
    site = make(tmp_path, {"a.md": FLOW, "b.md": BLOCK, "c.md": UNUSUAL})
    before = {p.name: p.read_bytes() for p in (site / "content/articles").iterdir()}
    run = run_dossier(
        site, "--archive-url", f"{archive}/save/", "--per-minute", "6000", command="archive"
    )
    assert run.code == 1, run.err  # one failure (503), one unusual form
    prefix = str(site) + "/"
    err = [line.replace(prefix, "") for line in run.err.splitlines()]
    assert (
        "content/articles/b.md:7: not archived: https://example.org/broken/3: "
        "the archive answered HTTP 503 Service Unavailable"
    ) in err
    assert any(
        line.startswith("content/articles/c.md:4: saved as ") and line.endswith("; skipped")
        for line in err
    ), err
    assert "Traceback" not in run.err
    # https://example.org/1 is cited twice and asked for once
    assert sorted(Archive.asked) == sorted(
        [
            "https://example.org/1",
            "https://example.org/redirect/2",
            "https://example.org/broken/3",
            "https://example.org/4",
        ]
    )
    assert "[1/5]" in run.out and "archived 3 of 5 sources; 2 not" in run.out

    a = (site / "content/articles/a.md").read_bytes()
    line = (
        "source: {name: Wire, url: https://example.org/1, archived: "
        f"{snapshot('https://example.org/1', archive)}, archived_on: 2024-01-02}}   # the wire\n"
    )
    assert a == before["a.md"].replace(
        b"source: {name: Wire, url: https://example.org/1}   # the wire\n", line.encode()
    )
    b = (site / "content/articles/b.md").read_bytes()
    assert inserted(before["b.md"].replace(b"  - https://example.org/1\r\n", b""), b) == [
        f"    archived: {snapshot('https://example.org/redirect/2', archive)}\r\n".encode(),
        b"    archived_on: 2024-01-02\r\n",
        (
            "  - {url: https://example.org/1, archived: "
            f"{snapshot('https://example.org/1', archive)}, archived_on: 2024-01-02}}\r\n"
        ).encode(),
    ]
    assert (site / "content/articles/c.md").read_bytes() == before["c.md"]

    # the site builds, the new snapshots are on the page, and check --sources lists the rest
    built = run_dossier(site, command="build")
    assert built.code == 0, built.err
    link = first(built.page("articles/a.html"), "a[data-versionurl]")
    assert link["data-versiondate"] == "2024-01-02"
    listed = run_dossier(site, "--sources", command="check")
    assert [line.replace(prefix, "") for line in listed.out.splitlines()][:2] == [
        "content/articles/b.md:9: no archived copy: https://example.org/broken/3",
        "content/articles/c.md:4: no archived copy: https://example.org/4",
    ]
    again = run_dossier(
        site, "--archive-url", f"{archive}/save/", "--per-minute", "6000", command="archive"
    )
    assert "[1/2]" in again.out


def test_no_network_is_one_clear_message(tmp_path: Path, run_dossier: SiteRunner) -> None:
    site = make(tmp_path, {"a.md": FLOW, "b.md": BLOCK})
    before = {p.name: p.read_bytes() for p in (site / "content/articles").iterdir()}
    url = f"http://127.0.0.1:{free_port()}/save/"
    run = run_dossier(site, "--archive-url", url, command="archive")
    assert run.code == 1
    assert "connection refused" in run.err
    assert "stopped: the archive cannot be reached" in run.err
    assert "Traceback" not in run.err
    assert {p.name: p.read_bytes() for p in (site / "content/articles").iterdir()} == before


def test_the_archive_address_comes_from_site_yaml(
    tmp_path: Path, archive: str, run_dossier: SiteRunner
) -> None:
    site = make(tmp_path, {"a.md": FLOW})
    (site / "site.yaml").write_text(f"title: T\narchive_url: {archive}/save/\n")
    run = run_dossier(site, "--per-minute", "6000", command="archive")
    assert run.code == 0, run.err
    assert Archive.asked == ["https://example.org/1"]
    assert b"archived_on: 2024-01-02" in (site / "content/articles/a.md").read_bytes()


def test_nothing_to_do(tmp_path: Path, run_dossier: SiteRunner) -> None:
    site = make(tmp_path, {"a.md": "---\ntitle: A\ndate: 2023-05-04\nsource: Wire\n---\n"})
    run = run_dossier(site, "--archive-url", "http://127.0.0.1:9/save/", command="archive")
    assert run.code == 0, run.err
    assert "every source has an archived copy" in run.out
