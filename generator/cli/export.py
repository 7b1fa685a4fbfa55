"""`dossier export`: its arguments, and the call to `generator.export` (loaded only when
the command runs, as the other commands' modules are)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OK, CONTENT_ERRORS = 0, 1
FORMAT_NAMES = ("ftm", "csv", "gexf", "timelinejs")


def add_export_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    e = commands.add_parser(
        "export",
        help="write the open data files (FollowTheMoney, CSV, GEXF, TimelineJS) alone",
        description="Write the open data files that a build puts in output/data/, without "
        "building the pages: the same bytes. Only files whose bytes changed are written.",
    )
    e.add_argument(
        "site", nargs="?", type=Path, default=Path(), help="the site folder (default: .)"
    )
    e.add_argument(
        "--format",
        action="append",
        choices=FORMAT_NAMES,
        help="ftm (entities.ftm.json), csv (actors, events, claims, quotes, relations), gexf "
        "(graph.gexf) or timelinejs (timelines/SLUG.json); repeat for several (default: all)",
    )
    e.add_argument("--output", "-o", type=Path, help="where to write (default: SITE/output/data)")
    e.add_argument("--drafts", action="store_true", help="include articles marked draft: true")


def run_export(args: argparse.Namespace) -> int:
    from generator.export import ExportFailed, default_output, export_site

    site: Path = args.site
    out: Path = args.output if args.output is not None else default_output(site)
    formats = tuple(dict.fromkeys(args.format or FORMAT_NAMES))
    try:
        written, same = export_site(site, out, formats, drafts=args.drafts)
    except ExportFailed as failed:
        for error in failed.errors:
            print(error, file=sys.stderr)
        count = len(failed.errors)
        print(f"{count} error{'s' if count != 1 else ''}: nothing exported", file=sys.stderr)
        return CONTENT_ERRORS
    for path in written:
        print(f"wrote {out / path}")
    kept = f"; {len(same)} unchanged" if same else ""
    print(f"exported {', '.join(formats)} to {out}: {len(written)} files written{kept}")
    return OK
