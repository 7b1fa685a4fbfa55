"""`dossier watch` and `dossier serve`: build, then rebuild on every save until Ctrl-C."""

from __future__ import annotations

import errno
import sys
import threading
import time
from pathlib import Path

from generator.build import Builder, BuildResult
from generator.dev.serve import LiveState, make_server
from generator.dev.watch import Change, Watcher
from generator.errors import ConfigError, UsageError


class DevLoop:
    """One site, rebuilt on change; results go to the terminal and to open browsers."""

    def __init__(self, root: Path, out: Path, *, drafts: bool = False) -> None:
        self.root, self.out = root, out
        # the site stays in memory between builds; the parse cache is written when the
        # first build is done (`watch`) and when watching stops (`stop`), not on every save
        self.builder = Builder(root, out, drafts=drafts, skip_if_unchanged=False, save_cache=False)
        self.live = LiveState()
        self.lock = threading.Lock()
        self.rebuilds = 0

    def rebuild(self, change: Change | None = None, *, first: bool = False) -> BuildResult | None:
        """Build (all of it, or what `change` touched) and publish the outcome. The `first`
        build lets a broken site.yaml through, as the usage error it is then (exit 2)."""
        started = time.perf_counter()
        changed = None
        if change is not None:
            top = self.root.absolute()
            changed = [self.root / path.relative_to(top) for path in change.paths]
        with self.lock:
            self.rebuilds += 1
            try:
                result: BuildResult | None = self.builder.build(changed)
            except (ConfigError, UsageError) as exc:
                if first:
                    raise
                result, problems = None, [str(exc)]
            else:
                assert result is not None
                problems = [str(error) for error in result.errors]
        self.live.publish(problems, [] if result is None else result.written)
        seconds = time.perf_counter() - started
        if problems:
            print("\n".join(problems), file=sys.stderr)
            print(f"build failed; {self.out} still holds the last good site", file=sys.stderr)
        elif result is not None:
            files = len(result.written)
            print(f"rebuilt: {files} file{'s' if files != 1 else ''} written in {seconds:.2f} s")
        sys.stdout.flush()
        return result

    def watch(self) -> Watcher:
        """Start watching, once the first build's parse cache is written."""
        with self.lock:
            self.builder.flush_cache()
        watcher = Watcher(self.root, self.rebuild)
        watcher.start()
        return watcher

    def stop(self, watcher: Watcher) -> None:
        watcher.stop()
        with self.lock:
            self.builder.flush_cache()


def run_watch(root: Path, out: Path, *, drafts: bool) -> int:
    loop = DevLoop(root, out, drafts=drafts)
    result = loop.rebuild(first=True)  # its errors are printed; a broken site.yaml: exit 2
    if result is None or result.errors:
        print("the first build failed; fix the errors above and save", file=sys.stderr)
    print(f"watching {root} (Ctrl-C to stop)")
    watcher = loop.watch()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        print("stopped")
    finally:
        loop.stop(watcher)
    return 0


def run_serve(root: Path, out: Path, *, host: str, port: int, drafts: bool) -> int:
    loop = DevLoop(root, out, drafts=drafts)
    try:
        server = make_server(out, host, port, loop.live)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(
                f"port {port} on {host} is in use; choose another with --port"
            ) from None
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    first = loop.rebuild()
    if first is None or first.errors:
        print("the first build failed; fix the errors above and save", file=sys.stderr)
    watcher = loop.watch()
    print(f"serving {out} at http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("stopped")
    finally:
        loop.live.close()
        loop.stop(watcher)
        server.server_close()
    return 0
