"""`dossier serve`: loopback only, nothing outside output/, live events, clean stop."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generator.dev.devloop import DevLoop
from generator.dev.serve import EVENTS, resolve_request
from tests.conftest import Served
from tests.helpers import REPO

ARTICLE = "content/articles/2023/may/strike-ends.md"


@pytest.fixture
def site(served_site: Served) -> Path:
    return served_site.site


@pytest.fixture
def served(served_site: Served) -> tuple[DevLoop, int]:
    return served_site.loop, served_site.port


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", path)  # sent exactly as written: no client-side normalising
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, body


@pytest.mark.parametrize(
    "path",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/articles/../../secret.txt",
        "/..%2fsecret.txt",
        "//etc/passwd",
        "/%2fetc%2fpasswd",
        "/.dossier-output",
        "/articles/..%5c..%5csecret.txt",
        "/link-out/secret.txt",
        "/nope.html",
    ],
)
def test_paths_outside_output_get_404(served: tuple[DevLoop, int], site: Path, path: str) -> None:
    (site / "output" / "link-out").symlink_to(site.parent, target_is_directory=True)
    status, body = get(served[1], path)
    assert status == 404
    assert b"outside output" not in body


def test_resolve_request_stays_inside(tmp_path: Path) -> None:
    (tmp_path / "out" / "a").mkdir(parents=True)
    (tmp_path / "out" / "a" / "index.html").write_text("x")
    (tmp_path / "out" / "escape.html").symlink_to(tmp_path / "elsewhere.html")
    (tmp_path / "elsewhere.html").write_text("x")
    root = tmp_path / "out"
    assert resolve_request(root, "/a/") == (root / "a" / "index.html").resolve()
    assert resolve_request(root, "/a/index.html?x=1#top") == (root / "a/index.html").resolve()
    assert resolve_request(root, "/escape.html") is None
    assert resolve_request(root, "/a/%00") is None


def test_html_gets_the_live_script_but_output_does_not(
    served: tuple[DevLoop, int], site: Path
) -> None:
    status, body = get(served[1], "/articles/strike-ends.html")
    assert status == 200
    assert body.rstrip().endswith(
        b'<script src="/__dossier/live.js" defer></script></body>\n</html>'
    )
    assert get(served[1], "/__dossier/live.js")[0] == 200
    for path in (site / "output").rglob("*"):
        if path.is_file():
            assert b"__dossier" not in path.read_bytes(), path
    status, css = get(served[1], "/assets/dossier.css")
    assert status == 200 and b"__dossier" not in css


def test_favicon_ico_is_the_themes_svg_or_the_sites_own_never_a_404(
    served: tuple[DevLoop, int], site: Path
) -> None:
    port, output = served[1], site / "output"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("GET", "/favicon.ico")
    response = conn.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "image/svg+xml"
    assert response.read() == (output / "assets" / "favicon.svg").read_bytes()
    conn.close()

    (output / "favicon.ico").write_bytes(b"\x00\x00\x01\x00 the site's own")
    assert get(port, "/favicon.ico") == (200, b"\x00\x00\x01\x00 the site's own")

    (output / "favicon.ico").unlink()
    (output / "assets" / "favicon.svg").unlink()  # a theme without one: nothing, not 404
    assert get(port, "/favicon.ico") == (204, b"")
    assert get(port, "/favicon.svg")[0] == 404  # only that one address is answered so


def read_events(port: int, count: int, timeout: float = 8.0) -> list[dict[str, object]]:
    """Open the event stream and collect `count` build messages."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    sock.sendall(f"GET {EVENTS} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    buffer, found = b"", []
    while len(found) < count:
        chunk = sock.recv(65536)
        assert chunk, "stream closed"
        buffer += chunk
        while b"\n\n" in buffer:
            block, buffer = buffer.split(b"\n\n", 1)
            for line in block.decode().splitlines():
                if line.startswith("data: "):
                    found.append(json.loads(line[6:]))
    sock.close()
    return found


def test_event_stream_reports_errors_then_clears_them(
    served: tuple[DevLoop, int], site: Path
) -> None:
    loop, port = served
    results: list[list[dict[str, object]]] = []
    reader = threading.Thread(target=lambda: results.append(read_events(port, 3)))
    reader.start()
    time.sleep(0.3)
    text = (site / ARTICLE).read_text(encoding="utf-8")
    (site / ARTICLE).write_text(text.replace("2023-05-03", "2023-02-30"), encoding="utf-8")
    deadline = time.monotonic() + 5
    while loop.live.generation < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    (site / ARTICLE).write_text(text.replace("ended", "is over"), encoding="utf-8")
    reader.join(timeout=10)
    first, failed, fixed = results[0]
    assert first["errors"] == []
    assert failed["errors"] == [
        f'{site / ARTICLE}:3: "date: 2023-02-30" is not a valid date '
        "(day is out of range for month); use YYYY-MM-DD"
    ]
    assert fixed["errors"] == []
    assert "articles/strike-ends.html" in fixed["changed"]  # type: ignore[operator]


def run_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def wait_for_line(process: subprocess.Popen[str], start: str) -> str:
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(start):
            return line
    raise AssertionError(f"no line starting {start!r}; stderr: {process.stderr}")


def test_busy_port_exits_2_with_a_message(site: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = run_cli("serve", str(site), "--port", str(port))
        _, err = process.communicate(timeout=20)
    assert process.returncode == 2
    assert err == f"dossier: port {port} on 127.0.0.1 is in use; choose another with --port\n"
    assert "Traceback" not in err


def test_serve_binds_loopback_and_stops_cleanly_on_ctrl_c(site: Path) -> None:
    process = run_cli("serve", str(site), "--port", "0")
    line = wait_for_line(process, "serving ")
    assert "at http://127.0.0.1:" in line
    port = int(line.rsplit(":", 1)[1].split("/")[0])
    assert get(port, "/")[0] == 200
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0
    assert out.strip().endswith("stopped")
    assert "Traceback" not in err


def test_watch_command_rebuilds_on_save_and_stops_on_ctrl_c(site: Path) -> None:
    process = run_cli("watch", str(site))
    wait_for_line(process, "watching ")
    time.sleep(0.3)
    with (site / ARTICLE).open("a", encoding="utf-8") as handle:
        handle.write("\nA late line.\n")
    assert wait_for_line(process, "rebuilt: ").startswith("rebuilt: 1 file written in ")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "A late line." in (site / "output/articles/strike-ends.html").read_text()


def test_watch_reports_the_first_builds_errors_and_still_watches(
    site: Path, tmp_path: Path
) -> None:
    (tmp_path / "notes.md").write_text("---\ntitle: private\n---\n")
    (site / "content/articles/notes.md").symlink_to(tmp_path / "notes.md")
    process = run_cli("watch", str(site))
    wait_for_line(process, "watching ")
    time.sleep(0.3)  # the observer's watches are in place
    (site / "content/articles/notes.md").unlink()  # fixed: the next save rebuilds
    assert wait_for_line(process, "rebuilt: ").startswith("rebuilt: ")
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert err.splitlines()[:3] == [
        f"{site / 'content/articles/notes.md'}: symbolic link leads outside the site (to "
        f"{tmp_path / 'notes.md'}); it is not read: copy what you need into the site, or "
        "remove the link",
        f"build failed; {site / 'output'} still holds the last good site",
        "the first build failed; fix the errors above and save",
    ]


def test_watch_with_a_broken_site_yaml_exits_2(site: Path) -> None:
    (site / "site.yaml").write_text("titel: x\n")
    process = run_cli("watch", str(site))
    _, err = process.communicate(timeout=20)
    assert process.returncode == 2
    assert err.startswith(f"dossier: {site / 'site.yaml'}:1: ")
