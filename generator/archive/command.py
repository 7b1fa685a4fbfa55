"""`dossier archive [SITE]`: every source without a snapshot → a request to the archive
(at most `--per-minute` a minute), and on success `archived:` and `archived_on:` written
into the story's front matter (`archive.frontmatter`, every other byte kept). Prints a
progress line per source, a message per failure, and stops at once when the archive
cannot be reached at all. Exit status 0 when every source was saved and written, 1 when
any was not, 2 for a missing or broken site.yaml."""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from generator.archive.frontmatter import Unusual, add_snapshot
from generator.archive.savepagenow import SAVE_PAGE_NOW, Failed, Offline, Snapshot, save
from generator.archive.sources import Unarchived, unarchived
from generator.errors import ConfigError
from generator.source.config import CONFIG_FILE, load_config
from generator.source.discover import discover
from generator.source.parse import ArticleDoc, parse_all
from generator.source.schema import is_web_url
from generator.write.files import replace_file

OK, FAILED, USAGE = 0, 1, 2
Saver = Callable[[str, str], Snapshot]


class Pace:
    """At most `per_minute` calls a minute: each waits until 60/per_minute seconds have
    passed since the one before."""

    def __init__(self, per_minute: int) -> None:
        self.gap = 60.0 / per_minute
        self.last: float | None = None

    def wait(self) -> None:
        now = time.monotonic()
        if self.last is not None and now < self.last + self.gap:
            time.sleep(self.last + self.gap - now)
        self.last = time.monotonic()


def run_archive(args: argparse.Namespace, saver: Saver = save) -> int:
    site: Path = args.site
    try:
        config = load_config(site / CONFIG_FILE)
    except ConfigError as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return USAGE
    archive_url = args.archive_url or config.archive_url or SAVE_PAGE_NOW
    if not is_web_url(archive_url):
        print("dossier: --archive-url must start with http:// or https://", file=sys.stderr)
        return USAGE
    found = discover(site)
    refusal = found.refusal(site, "archived")
    if refusal:
        print("\n".join(refusal), file=sys.stderr)
        return FAILED
    docs, errors = parse_all(found.content)
    for error in errors:
        print(f"{error} (this file's sources are left as they are)", file=sys.stderr)
    todo = unarchived(d for d in docs if isinstance(d, ArticleDoc))
    if not todo:
        print("every source has an archived copy" + ("" if not errors else " (but see above)"))
        return FAILED if errors else OK
    return _archive(todo, archive_url, Pace(args.per_minute), saver) or (1 if errors else 0)


def _archive(todo: list[Unarchived], archive_url: str, pace: Pace, saver: Saver) -> int:
    by_file: dict[Path, list[Unarchived]] = defaultdict(list)
    for source in todo:
        by_file[source.path].append(source)
    saved: dict[str, Snapshot] = {}  # one request per address, however many stories cite it
    done = failed = 0
    total = len(todo)
    print(f"asking {archive_url} for {total} snapshot{'s' if total > 1 else ''}")
    for path, sources in by_file.items():
        # from the bottom up: lines added for one source do not move those above it
        for source in sorted(sources, key=lambda s: s.line, reverse=True):
            done += 1
            print(f"[{done}/{total}] {source.url}", flush=True)
            snapshot = saved.get(source.url)
            if snapshot is None:
                pace.wait()
                try:
                    snapshot = saver(archive_url, source.url)
                except Offline as exc:
                    print(f"{source.where}: {exc}", file=sys.stderr)
                    left = total - done + 1
                    print(
                        f"stopped: the archive cannot be reached; {left} source"
                        f"{'s' if left > 1 else ''} left as they were. Run dossier archive "
                        "again once online.",
                        file=sys.stderr,
                    )
                    return FAILED
                except Failed as exc:
                    print(f"{source.where}: not archived: {source.url}: {exc}", file=sys.stderr)
                    failed += 1
                    continue
                saved[source.url] = snapshot
            if not _write(path, source, snapshot):
                failed += 1
    written = total - failed
    print(f"archived {written} of {total} source{'s' if total > 1 else ''}", end="")
    print(f"; {failed} not (see above)" if failed else "")
    return FAILED if failed else OK


def _write(path: Path, source: Unarchived, snapshot: Snapshot) -> bool:
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
        new = add_snapshot(text, source.line, source.url, snapshot.url, snapshot.day)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{source.where}: saved as {snapshot.url}, but not written: {exc}", file=sys.stderr)
        return False
    except Unusual as exc:
        print(
            f"{source.where}: saved as {snapshot.url}, but not written: {exc}; skipped",
            file=sys.stderr,
        )
        return False
    replace_file(path, new.encode("utf-8"))
    print(f"  saved: {snapshot.url}")
    return True
