"""`dossier watch`: watchdog events -> debounced, classified changes -> one rebuild each.

An editor's save is often several events (write a temp file, rename it over the
original, touch a backup); they arrive within a few milliseconds, so events are
gathered until the folder has been quiet for `QUIET` seconds, then filtered to
real sources and handed to `rebuild` as one set of paths.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.source.config import CONFIG_FILE
from generator.source.discover import SiteFolder, is_source_name

QUIET = 0.025  # seconds without events that end one save
SOURCE_DIRS = ("content", "templates", "static")


@dataclass(frozen=True, slots=True)
class Change:
    """What one burst of events touched. `full` when more than content changed."""

    paths: frozenset[Path]
    full: bool


def classify(root: Path, paths: Iterable[Path]) -> Change | None:
    """Keep the paths that are sources of the site; None when nothing relevant changed."""
    kept: set[Path] = set()
    full = False
    site = SiteFolder(root)
    for path in paths:
        try:
            parts = path.relative_to(root).parts
        except ValueError:
            continue
        if not parts or not all(is_source_name(p) for p in parts):
            continue  # hidden files, editor swap/backup files, `4913` probes
        if site.way_problem(path.parent) is not None:
            continue  # under a link that leads out of the site: never a source
        if parts == (CONFIG_FILE,):
            full = True
        elif parts[0] in SOURCE_DIRS and len(parts) > 1:
            full = full or parts[0] != "content"
        else:
            continue  # output/, .cache/ and anything else is not a source
        kept.add(path)
    return Change(frozenset(kept), full) if kept else None


class _Collector(FileSystemEventHandler):
    def __init__(self, events: queue.Queue[Path]) -> None:
        self.events = events

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return  # reading a file changes nothing
        if event.is_directory and event.event_type in ("modified", "closed"):
            return  # a folder's own timestamps: its files report themselves
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            if raw:
                self.events.put(Path(raw if isinstance(raw, str) else raw.decode()))


class Watcher:
    """Watches a site folder and calls `on_change` once per burst of relevant events."""

    def __init__(self, root: Path, on_change: Callable[[Change], object]) -> None:
        self.root = root.absolute()
        self.on_change = on_change
        self._events: queue.Queue[Path] = queue.Queue()
        self._observer = Observer()
        self._observer.schedule(_Collector(self._events), str(self.root), recursive=True)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="dossier-watch", daemon=True)

    def start(self) -> None:
        self._observer.start()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._observer.stop()
        self._observer.join()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                first = self._events.get(timeout=0.2)
            except queue.Empty:
                continue
            burst = {first}
            while True:
                try:
                    burst.add(self._events.get(timeout=QUIET))
                except queue.Empty:
                    break
            change = classify(self.root, burst)
            if change is not None:
                self.on_change(change)
