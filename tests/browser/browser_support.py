"""What the browser checks share: where things are, the built site, a watched browser tab."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page, Request, ViewportSize

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = REPO_ROOT / ".cache" / "node" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
MAKE_TOOLS = "run `make tools` (as root it apt-get installs what is missing; see .ci/setup-tools)"

FAVICON = "/assets/favicon.svg"
PHONE: ViewportSize = {"width": 375, "height": 812}
DESKTOP: ViewportSize = {"width": 1280, "height": 800}

# One page of each kind: the pages that are screenshotted and checked in every colour scheme.
SAMPLES = {
    "home": "index.html",
    "article": "articles/2023-05-04-peskov-says-washington-dictates-kyiv-targets.html",
    "actor": "actors/dmitry-peskov.html",
    "event": "events/kremlin-drone-incident.html",
    "actors-index": "actors.html",
    "events-index": "events.html",
    "timeline": "timeline.html",
}


@dataclass(frozen=True)
class BuiltSite:
    """The example site as `dossier build` wrote it."""

    root: Path

    def pages(self) -> list[str]:
        """Every HTML page, as a path relative to the output folder; not the pages at old
        addresses (`redirect_from:`), which send the browser on at once."""
        return sorted(
            p.relative_to(self.root).as_posix()
            for p in self.root.rglob("*.html")
            if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")
        )

    def redirects(self) -> list[str]:
        """The pages at old addresses."""
        every = {p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html")}
        return sorted(every - set(self.pages()))

    def url(self, page: str) -> str:
        return (self.root / page).as_uri()


@dataclass
class Tab:
    """A browser tab that records console errors, uncaught exceptions and failed requests."""

    page: Page
    site: BuiltSite
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("console", self._on_console)
        self.page.on("pageerror", self._on_page_error)
        self.page.on("requestfailed", self._on_request_failed)

    def open(self, page: str, viewport: ViewportSize = DESKTOP) -> Page:
        """Load a page of the built site in a window of the given size."""
        self.page.set_viewport_size(viewport)
        self.page.goto(self.site.url(page))
        return self.page

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"{self._short(self.page.url)}: console error: {message.text}")

    def _on_page_error(self, error: Exception) -> None:
        self.problems.append(f"{self._short(self.page.url)}: uncaught exception: {error}")

    def _on_request_failed(self, request: Request) -> None:
        if request.failure == "net::ERR_ABORTED" and request.url.endswith(FAVICON):
            return  # fetched after the page's load; the next page's navigation cancels it
        failed = f"request failed: {self._short(request.url)} ({request.failure})"
        self.problems.append(f"{self._short(self.page.url)}: {failed}")

    def _short(self, url: str) -> str:
        """A URL inside the built site as a path relative to it; any other URL as it is."""
        return url.removeprefix(self.site.root.as_uri() + "/")
