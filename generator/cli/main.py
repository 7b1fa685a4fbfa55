"""The `dossier` command: argparse subcommands, each a call to one plain function.

Exit status: 0 success, 1 content errors (all printed as `path:line: message`),
2 bad usage or a missing or broken site.yaml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.build import Builder, BuildResult
from generator.cli.export import add_export_parser, run_export
from generator.cli.import_args import add_import_parser, import_site_hint
from generator.cli.progress import ProgressLine
from generator.errors import ConfigError, UsageError
from generator.parallel.workers import default_jobs
from generator.source.config import parse_base_url, require_site

OK, CONTENT_ERRORS, USAGE = 0, 1, 2


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier", description="Build a static site of story dossiers from Markdown."
    )
    parser.add_argument("-V", "--version", action="version", version=f"dossier {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    i = commands.add_parser("init", help="start a new site: site.yaml, content/, one sample each")
    i.add_argument(
        "site", nargs="?", type=Path, default=Path(), metavar="DIR", help="where (default: .)"
    )
    i.add_argument(
        "--ci",
        choices=("github", "gitlab"),
        help="also write a workflow that publishes the site on Pages",
    )

    b = commands.add_parser("build", help="build the site into output/")
    _site_argument(b)
    b.add_argument(
        "--base-url",
        type=_base_url,
        metavar="URL",
        help="use URL as the base_url for this build (a preview deploy), not site.yaml's",
    )
    b.add_argument("--output", "-o", type=Path, help="where to write (default: SITE/output)")
    b.add_argument("--drafts", action="store_true", help="include articles marked draft: true")
    _jobs_argument(b)
    _strict_argument(b)
    loud = b.add_mutually_exclusive_group()
    loud.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    loud.add_argument("-v", "--verbose", action="store_true", help="list every file written")

    c = commands.add_parser("check", help="validate the site without writing anything")
    _site_argument(c)
    c.add_argument("--drafts", action="store_true", help="check drafts as they would be built")
    _jobs_argument(c)
    _strict_argument(c)
    c.add_argument(
        "--sources",
        action="store_true",
        help="list every source without an archived copy (with --strict: exit 1 if any)",
    )

    w = commands.add_parser("watch", help="build, then rebuild on every change")
    _site_argument(w)
    w.add_argument("--output", "-o", type=Path, help="where to write (default: SITE/output)")
    w.add_argument("--drafts", action="store_true", help="include articles marked draft: true")

    s = commands.add_parser("serve", help="watch, and serve output/ with live reload")
    _site_argument(s)
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    s.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    s.add_argument("--output", "-o", type=Path, help="where to write (default: SITE/output)")
    s.add_argument("--drafts", action="store_true", help="include articles marked draft: true")

    n = commands.add_parser("new", help="start a new article, actor or event file")
    n.add_argument("kind", choices=("article", "actor", "event"))
    n.add_argument("title", help="the article's title, or the actor's or event's name")
    _site_argument(n)
    n.add_argument(
        "--kind",
        dest="actor_kind",
        choices=("person", "organization", "organisation", "other"),
        help='an actor\'s kind (default: organization for names like "... Ministry", else person)',
    )
    n.add_argument(
        "--date",
        type=_day,
        metavar="YYYY-MM-DD",
        help="an article's or event's date (default: today)",
    )
    add_import_parser(commands)
    a = commands.add_parser(
        "archive",
        help="ask a web archive to save every source without a snapshot",
        description="Ask the Internet Archive's Save Page Now (or --archive-url) to save "
        "every source that has no archived copy, and write archived: and archived_on: into "
        "each article's front matter, leaving every other byte as it was.",
    )
    _site_argument(a)
    a.add_argument(
        "--archive-url",
        metavar="URL",
        help="the Save Page Now address that the source's URL is appended to (default: "
        "site.yaml's archive_url, or https://web.archive.org/save/)",
    )
    a.add_argument(
        "--per-minute",
        type=_positive,
        default=12,
        metavar="N",
        help="ask the archive at most N times a minute (default: 12)",
    )

    add_export_parser(commands)
    h = commands.add_parser("help", help="show the help of dossier or of one command")
    h.add_argument("topic", nargs="?", metavar="COMMAND", choices=list(commands.choices))
    return parser


def _jobs_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        default=default_jobs(),
        metavar="N",
        help=f"read, render and write in N processes (default: the {default_jobs()} cores here)",
    )


def _strict_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat every warning as an error: exit 1 and leave output/ as it was (for CI)",
    )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return int(text)


def _base_url(text: str) -> str:
    try:
        return parse_base_url(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date as YYYY-MM-DD, like 2023-05-04, not {text!r}"
        ) from None


def _site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "site", nargs="?", type=Path, default=Path(), help="the site folder (default: .)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage message
        return int(exc.code or 0)
    try:
        if args.command == "help":
            return show_help(parser, args.topic)
        if args.command == "init":
            return run_init(args)
        if args.command == "import":
            import_site_hint(args.files, args.site, args.ftm)
        require_site(args.site)
        if args.command == "build":
            return run_build(args)
        if args.command == "check":
            return run_check(args)
        # the other commands' modules are loaded only when asked for: a build, the most
        # common command, starts without them (tens of milliseconds of imports)
        if args.command == "import" and args.ftm is not None:
            from generator.authoring.ftm_import import run_ftm_import

            return run_ftm_import(args)
        if args.command == "import":
            from generator.authoring.import_command import run_import

            return run_import(args)
        if args.command == "export":
            return run_export(args)
        if args.command == "archive":
            from generator.archive.command import run_archive

            return run_archive(args)
        if args.command in ("watch", "serve"):
            from generator.dev.devloop import run_serve, run_watch

            out = _output(args)
            if args.command == "watch":
                return run_watch(args.site, out, drafts=args.drafts)
            return run_serve(args.site, out, host=args.host, port=args.port, drafts=args.drafts)
        from generator.authoring.scaffold import new_document

        path = new_document(args.site, args.kind, args.title, args.date, actor=args.actor_kind)
        print(f"created {path}")
        return OK
    except (ConfigError, UsageError) as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return USAGE


def show_help(parser: argparse.ArgumentParser, topic: str | None) -> int:
    """`dossier help [COMMAND]`: what `dossier [COMMAND] -h` prints."""
    if topic is None:
        parser.print_help()
        return OK
    try:
        parser.parse_args([topic, "--help"])
    except SystemExit as exc:
        return int(exc.code or 0)
    return OK  # pragma: no cover (--help always exits)


def run_init(args: argparse.Namespace) -> int:
    from generator.authoring.init import init_site

    folder: Path = args.site
    started = init_site(folder, dt.datetime.now().astimezone(), args.ci)
    for path in started.written:
        print(f"created {path}")
    for path in started.kept:
        print(f"kept {path} (it was there already)")
    where = "" if folder == Path() else f" {folder}"
    print(f"a new site in {folder}: run `dossier serve{where}` and open the address it prints")
    return OK


def _output(args: argparse.Namespace) -> Path:
    out: Path = args.output if args.output is not None else args.site / "output"
    return out


def run_build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    out = _output(args)
    progress = ProgressLine()
    builder = Builder(
        args.site,
        out,
        drafts=args.drafts,
        jobs=args.jobs,
        strict=args.strict,
        base_url=args.base_url,
        progress=progress,
    )
    try:
        result = builder.build()
    finally:
        progress.close()
    if result.errors:
        return report_errors(result, f"build failed; {out} was left as it was", args.strict)
    if args.verbose:
        for path in result.written:
            print(f"wrote {out / path}")
    if not args.quiet:
        print(summary(result, len(result.written), time.perf_counter() - started))
    return OK


def print_warnings(result: BuildResult) -> None:
    if result.site is None:
        return
    for warning in result.site.warnings:
        print(f"{warning.where}: warning: {warning.message}", file=sys.stderr)


def run_check(args: argparse.Namespace) -> int:
    builder = Builder(args.site, None, drafts=args.drafts, jobs=args.jobs, strict=args.strict)
    result = builder.build()
    if result.errors:
        return report_errors(result, "check failed", args.strict)
    assert result.site is not None
    print_warnings(result)
    site = result.site
    for hint in site.suggestions:
        print(f"{hint.where}: suggestion: {hint.message}")
    fileless = [a.name for a in site.actors.values() if a.path is None]
    fileless_events = [e.name for e in site.events.values() if e.path is None]
    for kind, names in (("actor", fileless), ("event", fileless_events)):
        for name in names:
            print(f"note: {kind} {name!r} has no file of its own; its page is built from articles")
    missing = _unarchived_sources(result) if args.sources else 0
    print(summary(result, None, None))
    if missing and args.strict:
        print(f"{counted(missing, 'source')} without an archived copy (--strict)", file=sys.stderr)
        return CONTENT_ERRORS
    return OK


def _unarchived_sources(result: BuildResult) -> int:
    """Print every source that has no archived copy; how many there are."""
    from generator.archive.sources import unarchived

    assert result.site is not None
    found = unarchived(result.site.articles)
    for source in found:
        print(f"{source.where}: no archived copy: {source.url}")
    if found:
        print(
            f"{counted(len(found), 'source')} without an archived copy; dossier archive saves them"
        )
    return len(found)


def report_errors(result: BuildResult, outcome: str, strict: bool = False) -> int:
    for error in result.errors:
        print(error, file=sys.stderr)
    why = " (--strict: warnings count as errors)" if strict and result.warnings else ""
    print(f"{counted(len(result.errors), 'error')}{why}: {outcome}", file=sys.stderr)
    return CONTENT_ERRORS


def summary(result: BuildResult, files: int | None, seconds: float | None) -> str:
    articles, actors, events = result.counts
    counts = (
        f"{counted(articles, 'article')}, {counted(actors, 'actor')}, {counted(events, 'event')}"
    )
    if files is None:
        return f"ok: {counts}"
    line = f"built {counts}: {files} files written in {seconds:.2f} s"
    if result.note:
        line += f" ({result.note})"
    if result.drafts:
        skipped = f"{result.drafts} draft{'s' if result.drafts > 1 else ''}"
        line += f"; {skipped} left out (--drafts builds {'them' if result.drafts > 1 else 'it'})"
    warned = result.warnings
    if warned:
        line += f"; {counted(warned, 'warning')} (dossier check lists "
        line += "them)" if warned > 1 else "it)"
    return line


def counted(count: int, noun: str) -> str:
    """`1 article`, `2 articles`, `0 events`."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
