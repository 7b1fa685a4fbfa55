"""A web address → a snapshot of it from the Internet Archive's Save Page Now (or a
service that answers as it does), as the snapshot's address and day; or why not.

`GET {archive_url}{url}` (`https://web.archive.org/save/https://example.org/1`). The
snapshot is the `Content-Location` header (`/web/20230504120000/https://...`), or else
the address the answer was redirected to, when it has that shape. Standard library only;
the one module of dossier that opens a network connection."""

from __future__ import annotations

import datetime as dt
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from generator import __version__
from generator.source.schema import is_web_url
from generator.source.sources import SNAPSHOT

SAVE_PAGE_NOW = "https://web.archive.org/save/"
TIMEOUT = 120.0  # seconds: saving a page can take the archive a minute


@dataclass(frozen=True, slots=True)
class Snapshot:
    url: str
    day: dt.date


class Failed(Exception):
    """The archive could not save this address; the message says why."""


class Offline(Failed):
    """The archive cannot be reached at all: no network, no such host, nothing listening."""


def save(archive_url: str, url: str, timeout: float = TIMEOUT) -> Snapshot:
    """Ask the archive at `archive_url` to save `url`; its snapshot."""
    request = urllib.request.Request(
        archive_url + url, headers={"User-Agent": f"dossier/{__version__} (dossier archive)"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            location = answer.headers.get("Content-Location")
            final = answer.geturl()
    except urllib.error.HTTPError as exc:
        raise Failed(f"the archive answered HTTP {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise _unreachable(archive_url, exc.reason) from None
    except TimeoutError:
        raise Failed(f"the archive did not answer within {timeout:.0f} s") from None
    except (OSError, ValueError) as exc:
        raise Failed(f"the archive's answer could not be read ({exc})") from None
    for candidate in (location, final):
        if candidate:
            snapshot = urljoin(archive_url, candidate)
            found = SNAPSHOT.search(urlsplit(snapshot).path + "/")
            if found and is_web_url(snapshot):
                try:
                    return Snapshot(snapshot, dt.date(*map(int, found.groups())))
                except ValueError:
                    continue
    raise Failed("the archive's answer names no snapshot (no Content-Location /web/TIMESTAMP/...)")


def _unreachable(archive_url: str, reason: object) -> Failed:
    host = urlsplit(archive_url).netloc or archive_url
    if isinstance(reason, socket.gaierror):
        return Offline(f"cannot find the archive's host {host} (no network, or no DNS?)")
    if isinstance(reason, ConnectionRefusedError):
        return Offline(f"cannot connect to the archive at {host}: connection refused")
    if isinstance(reason, (OSError, TimeoutError)) and getattr(reason, "errno", None) in (
        101,  # network unreachable
        113,  # no route to host
    ):
        return Offline(f"cannot reach the archive at {host}: {reason}")
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return Failed("the archive did not answer in time")
    return Failed(f"cannot reach the archive at {host}: {reason}")
