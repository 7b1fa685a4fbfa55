"""`dossier serve`'s HTTP side: serve output/ on loopback, with live reload and an error overlay.

Pages are served as they are on disk, except that HTML responses get one
`<script>` tag (never written into output/) that listens on a server-sent
events stream: after a rebuild that changed the open page it reloads, and
after a failed rebuild it shows the errors over the page until a good build.
Nothing outside output/ is ever served; `/favicon.ico`, which browsers ask for unbidden,
is the theme's `assets/favicon.svg` when output/ has no icon of its own.
"""

from __future__ import annotations

import json
import mimetypes
import os
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

EVENTS = "/__dossier/events"
SCRIPT = "/__dossier/live.js"
FAVICON = "/assets/favicon.svg"  # the theme's, served for /favicon.ico when output/ has none
_TAG = f'<script src="{SCRIPT}" defer></script>'.encode()
_LIVE_JS = (Path(__file__).parents[1] / "theme" / "live.js").read_bytes()


@dataclass
class LiveState:
    """The latest build as the browser needs to know it; shared between threads."""

    generation: int = 0
    errors: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    _cond: threading.Condition = field(default_factory=threading.Condition)
    closed: bool = False

    def publish(self, errors: list[str], changed: list[str]) -> None:
        with self._cond:
            self.generation += 1
            self.errors, self.changed = errors, changed
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()

    def message(self) -> bytes:
        data = {"generation": self.generation, "errors": self.errors, "changed": self.changed}
        return f"event: build\ndata: {json.dumps(data)}\n\n".encode()

    def wait_after(self, generation: int, timeout: float) -> bytes | None:
        with self._cond:
            self._cond.wait_for(lambda: self.generation != generation or self.closed, timeout)
            return None if self.generation == generation else self.message()


def resolve_request(root: Path, url: str) -> Path | None:
    """The file under `root` that `url` names, or None for anything unsafe or missing."""
    path = unquote(urlsplit(url).path)
    if "\0" in path or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if any(part == ".." or part.startswith(".") for part in parts):
        return None
    top = Path(os.path.realpath(root))
    target = Path(os.path.realpath(top.joinpath(*parts)))
    if target.is_dir():
        target = Path(os.path.realpath(target / "index.html"))
    if not target.is_relative_to(top) or not target.is_file():
        return None
    return target


def make_handler(root: Path, state: LiveState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "dossier"

        def do_GET(self) -> None:
            if self.path == EVENTS:
                self._stream()
            elif self.path == SCRIPT:
                self._send(HTTPStatus.OK, "text/javascript; charset=utf-8", _LIVE_JS)
            else:
                self._file(head=False)

        def do_HEAD(self) -> None:
            self._file(head=True)

        def _file(self, head: bool) -> None:
            target = resolve_request(root, self.path)
            if target is None and urlsplit(self.path).path == "/favicon.ico":
                target = resolve_request(root, FAVICON)  # what browsers ask for unbidden
                if target is None:
                    self._send(HTTPStatus.NO_CONTENT, "image/x-icon", b"", head)
                    return
            if target is None:
                self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n", head)
                return
            body = target.read_bytes()
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if kind == "text/html":
                at = body.rfind(b"</body>")
                body = body[:at] + _TAG + body[at:] if at >= 0 else body + _TAG
                kind += "; charset=utf-8"
            self._send(HTTPStatus.OK, kind, body, head)

        def _send(self, status: HTTPStatus, kind: str, body: bytes, head: bool = False) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _stream(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            generation = state.generation
            message: bytes | None = state.message()
            try:
                while not state.closed:
                    if message:
                        self.wfile.write(message)
                    else:
                        self.wfile.write(b": ping\n\n")  # finds closed connections
                    self.wfile.flush()
                    message = state.wait_after(generation, timeout=15)
                    generation = state.generation
            except (BrokenPipeError, ConnectionResetError):
                return

        def log_message(self, format: str, *args: object) -> None:
            return  # quiet: the terminal is for build results

    return Handler


def make_server(root: Path, host: str, port: int, state: LiveState) -> ThreadingHTTPServer:
    """Bind (raising OSError when the port is taken) and return the server, not yet serving."""
    server = ThreadingHTTPServer((host, port), make_handler(root, state))
    server.daemon_threads = True
    return server
