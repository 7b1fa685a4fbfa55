"""`dossier import`: its arguments (stories, or `--ftm FILE`) and the check made before the
site is read; `authoring.import_command` and `authoring.ftm_import` do the work."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.errors import UsageError


def add_import_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = commands.add_parser(
        "import",
        help="turn plain-text stories into articles",
        description="Turn plain-text stories (first line `date YYYY-MM-DD Title`, then "
        "paragraphs) into articles, tagging the actors and events they name.",
    )
    p.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="a story, or a folder of .txt"
    )
    p.add_argument(
        "--ftm",
        type=Path,
        metavar="FILE",
        help="read people and organisations from a FollowTheMoney file (JSON lines) as actors",
    )
    p.add_argument("--site", type=Path, default=Path(), help="the site folder (default: .)")
    p.add_argument(
        "--dry-run", action="store_true", help="print what would be written; write nothing"
    )
    p.add_argument(
        "--force", action="store_true", help="replace a different article at the target path"
    )
    p.add_argument(
        "--publish",
        action="store_true",
        help="publish the articles at once (without it they are drafts, for review)",
    )
    p.add_argument(
        "--create-actors",
        action="store_true",
        help="write proposed actors to content/actors/ for review; never over a file",
    )


def import_site_hint(files: list[Path], site: Path, ftm: Path | None) -> None:
    """`dossier import stories/ mysite/`: the last folder is a site, meant as --site; and
    either stories or `--ftm FILE`, not both nor neither."""
    if (not files) == (ftm is None):
        raise UsageError("give the stories to import, or --ftm FILE, but not both")
    last = files[-1] if files else site
    if len(files) > 1 and site == Path() and (last / "site.yaml").is_file():
        raise UsageError(
            f"{last} is a site (it has a site.yaml), not stories to import; "
            f"did you mean `--site {last}`?"
        )
