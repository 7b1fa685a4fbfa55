"""Shared set-up for the checks in real clients.

The example site (site.yaml and content/ at the repository root) is built once per session
into a temporary folder, and one headless Chromium serves every test. A missing tool fails the
test that needs it, with the command that installs it: these checks are never skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_support import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    MAKE_TOOLS,
    REPO_ROOT,
    SAMPLES,
    SCREENSHOTS,
    BuiltSite,
    Tab,
)

from generator.cli.main import main

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: slow checks of the built site in Chromium, vnu or axe-core"
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site") / "output"
    assert main(["build", str(REPO_ROOT), "--output", str(out), "-q"]) == 0
    built = BuiltSite(out)
    missing = [page for page in SAMPLES.values() if not (out / page).is_file()]
    assert not missing, f"the example site no longer has these sample pages: {missing}"
    return built


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session: the system's, never a downloaded one."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: {MAKE_TOOLS}, or `apt-get install chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright package is missing: run .venv/bin/pip install -e '.[test]'")
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_js() -> Path:
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE_JS}): {MAKE_TOOLS}, "
            "or `npm install --prefix .cache/node axe-core@4`"
        )
    return AXE_JS


@pytest.fixture
def tab(browser: Browser, site: BuiltSite) -> Iterator[Tab]:
    """A fresh browser context (no history, default colour scheme) with one tab."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(10_000)
    yield Tab(context.new_page(), site)
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where screenshots go: test-artifacts/screenshots/ in the repository (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
