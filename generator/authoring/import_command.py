"""`dossier import`: plain-text stories -> articles under SITE/content/articles/YYYY/.

Reads the stories and the site's actors, events and articles; writes the
articles (and, with --create-actors, the proposed actors) one file at a time,
each through a temporary file and a rename. An article already there is
recognised by its title and date and left alone; another article at the
target path is replaced only with --force. A story that cannot be imported is
reported as `path:line: message` and the others are still imported (exit 1).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.detect import Detection, Known, detect
from generator.authoring.importer import (
    Story,
    actor_path,
    actor_text,
    article_path,
    article_text,
    parse_story,
    yaml_list,
)
from generator.errors import ConfigError, ContentError, UsageError, in_order
from generator.model.resolver import NameTable, plain_key
from generator.source.config import CONFIG_FILE, load_config
from generator.source.discover import SourceFile, Sources, discover, is_source_name
from generator.source.parse import ActorDoc, ArticleDoc, EventDoc, parse_all, parse_source
from generator.write.files import replace_file

OK, CONTENT_ERRORS, USAGE = 0, 1, 2
StoryKey = tuple[str, dt.date]


@dataclass
class _Run:
    """What one import knows and has done so far. Later stories see earlier stories' actors."""

    site: Path
    dry_run: bool
    force: bool
    create_actors: bool
    publish: bool
    actors: list[Known]
    events: tuple[Known, ...]
    articles: dict[StoryKey, Path]
    claimed: NameTable[str]  # every actor's name and aliases: a new alias must not take one
    imported: int = 0
    present: int = 0
    created: int = 0  # actor files written
    proposed: int = 0  # actors proposed and not written (no --create-actors, or a file there)
    errors: list[ContentError] = field(default_factory=list)


def run_import(args: argparse.Namespace) -> int:
    site: Path = args.site
    try:
        load_config(site / CONFIG_FILE)
        paths = story_paths(args.files)
    except (ConfigError, UsageError) as exc:
        print(f"dossier: {exc}", file=sys.stderr)
        return USAGE
    sources = discover(site)
    refusal = sources.refusal(site, "imported")
    if refusal:
        print("\n".join(refusal), file=sys.stderr)
        return CONTENT_ERRORS
    run = _read_site(sources, args)
    for path in paths:
        error = _import_story(path, run)
        if error is not None:
            run.errors.append(error)
    for error in in_order(run.errors):
        print(error, file=sys.stderr)
    verb = "would import" if run.dry_run else "imported"
    counts = f"{verb} {run.imported} of {len(paths)} stor{'y' if len(paths) == 1 else 'ies'}"
    print(f"{counts}; {run.present} already there; {len(run.errors)} with errors")
    if run.created or run.proposed:
        made = "would write" if run.dry_run else "wrote"
        them = "it" if run.proposed == 1 else "them"
        hint = "" if run.create_actors else f" (--create-actors writes {them})"
        files = f"{run.created} file{'' if run.created == 1 else 's'}"
        print(f"actors: {made} {files}; {run.proposed} only proposed{hint}")
    return CONTENT_ERRORS if run.errors else OK


def story_paths(arguments: list[Path]) -> list[Path]:
    """Files as given, folders as their .txt files (sorted); each story once."""
    paths: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            found = sorted(
                p
                for p in argument.iterdir()
                if p.suffix == ".txt" and is_source_name(p.name) and p.is_file()
            )
            if not found:
                raise UsageError(f"{argument}: no .txt stories in this folder")
            paths += found
        elif argument.is_file():
            paths.append(argument)
        else:
            raise UsageError(f"{argument}: no such file or folder")
    return list({p.resolve(): p for p in paths}.values())


def _read_site(sources: Sources, args: argparse.Namespace) -> _Run:
    site: Path = args.site
    docs, errors = parse_all(sources.content)
    if errors:
        broken = len({e.path for e in errors})
        files = (
            "1 file has errors and was" if broken == 1 else f"{broken} files have errors and were"
        )
        print(
            f"note: {files} not used to recognise names (in {site / 'content'}); "
            "run `dossier check`",
            file=sys.stderr,
        )
    actors = [
        Known(d.name, tuple(a.text for a in d.aliases)) for d in docs if isinstance(d, ActorDoc)
    ]
    events = tuple(Known(d.name) for d in docs if isinstance(d, EventDoc))
    articles = {_article_key(d): d.path for d in docs if isinstance(d, ArticleDoc)}
    claimed = NameTable[str]()
    for actor in actors:
        _claim(claimed, actor)
    return _Run(
        site,
        args.dry_run,
        args.force,
        args.create_actors,
        args.publish,
        actors,
        events,
        articles,
        claimed,
    )


def _claim(claimed: NameTable[str], actor: Known) -> None:
    for term in (actor.name, *actor.aliases):
        claimed.add(term, actor.name)


def _article_key(doc: ArticleDoc) -> StoryKey:
    day = doc.date.date() if isinstance(doc.date, dt.datetime) else doc.date
    return plain_key(doc.title), day


def _import_story(path: Path, run: _Run) -> ContentError | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ContentError(path, 1, f"cannot read the story: {exc.strerror}")
    story = parse_story(data, path)
    if isinstance(story, ContentError):
        return story
    found = detect(story.title, story.text, run.actors, run.events)
    target = run.site / article_path(story)
    text = article_text(story, found.actors, found.events, draft=not run.publish)
    verdict = _check_target(story, target, text, run)
    if isinstance(verdict, ContentError):
        return verdict
    if verdict is not None:  # imported before: its actors may have files to write now
        run.present += 1
        unwritten = _remember(found, run, story)
        update = _canonical_actors(verdict, run)
        print(f"{path}: already there as {verdict}; {update}")
        _report(found, unwritten)
        return None
    if run.dry_run:
        print(f"{path}: would write {target}:\n{text}", end="")
    else:
        try:
            replace_file(target, text.encode("utf-8"))  # hidden temp file, then renamed
        except OSError as exc:
            return ContentError(path, 1, f"cannot write {target}: {exc.strerror}")
        print(f"{path}: wrote {target}")
    run.imported += 1
    run.articles[(plain_key(story.title), story.date)] = target
    unwritten = _remember(found, run, story)
    _report(found, unwritten)
    return None


def _canonical_actors(article: Path, run: _Run) -> str:
    """An article imported before names its actors as the site now calls them: each name
    an actor goes by (an alias, another spelling) becomes that actor's name. Only an
    `actors:` list on one line, as import writes it, is changed; what it did is said."""
    try:
        data = article.read_bytes()
    except OSError as exc:
        return f"cannot read it: {exc.strerror}"
    doc, errors = parse_source(SourceFile("article", article, data))
    if not isinstance(doc, ArticleDoc) or errors:
        return "it has errors (see dossier check); left as it is"
    names = [name.text for name in doc.actors]
    canonical = list(dict.fromkeys(run.claimed.only(name) or name for name in names))
    if canonical == names:
        return "nothing written"
    lines = data.decode("utf-8").split("\n")
    at = {name.line for name in doc.actors}
    if len(at) != 1 or not lines[min(at) - 1].startswith("actors:"):
        return "its actors: list is not on one line as import writes it; left as it is"
    lines[min(at) - 1] = f"actors: {yaml_list(canonical)}"
    if run.dry_run:
        return f"would name its actors {', '.join(canonical)}"
    try:
        replace_file(article, "\n".join(lines).encode("utf-8"))
    except OSError as exc:
        return f"cannot write it: {exc.strerror}"
    return f"its actors are now {', '.join(canonical)}"


def _check_target(story: Story, target: Path, text: str, run: _Run) -> Path | ContentError | None:
    """The article that is this story already (skip it), an error, or None: write it."""
    key = (plain_key(story.title), story.date)
    if not target.exists():
        return run.articles.get(key)
    try:
        data = target.read_bytes()
    except OSError as exc:
        return ContentError(story.path, 1, f"cannot read {target}: {exc.strerror}")
    if data == text.encode("utf-8"):
        return target
    if run.force:
        return None
    doc, _ = parse_source(SourceFile("article", target, data))
    if isinstance(doc, ArticleDoc) and _article_key(doc) == key:
        return target
    what = f'"{doc.title}", {_article_key(doc)[1]}' if isinstance(doc, ArticleDoc) else "unreadable"
    message = (
        f"{target} already exists and is another article ({what}); nothing written; "
        "use --force to replace it"
    )
    return ContentError(story.path, 1, message)


def _report(found: Detection, unwritten: list[str]) -> None:
    print(f"  actors: {', '.join(found.actors) or '(none found)'}")
    if found.events:
        print(f"  events: {', '.join(found.events)}")
    for proposal in found.proposals:
        details = [proposal.kind]
        if proposal.role:
            details.append(f"role: {proposal.role}")
        if proposal.aliases:
            details.append("also: " + ", ".join(proposal.aliases))
        print(f"  new actor: {proposal.name} ({'; '.join(details)})")
    for name in unwritten:
        print(f"  proposed only, no file written: {name} (--create-actors writes it)")


def _remember(found: Detection, run: _Run, story: Story) -> list[str]:
    """Later stories recognise these actors. With --create-actors, each proposed actor
    that has no file gets one, also when its story was imported before without it.
    Returns the proposed actors left without a file of their own."""
    origin = f'"{story.title}" ({story.date.isoformat()})'
    unwritten = []
    for proposal in found.proposals:
        aliases = tuple(a for a in proposal.aliases if not run.claimed.find(a))
        actor = Known(proposal.name, aliases)
        run.actors.append(actor)
        _claim(run.claimed, actor)
        target = run.site / actor_path(proposal.name)
        if not run.create_actors:
            run.proposed += 1
            unwritten.append(proposal.name)
            continue
        text = actor_text(proposal.name, proposal.kind, aliases, proposal.role, origin)
        if run.dry_run:
            if target.exists():
                print(f"  kept {target}")
                run.proposed += 1
            else:
                print(f"  would create {target}")
                run.created += 1
        elif (problem := _create_file(target, text)) is None:
            print(f"  created {target}")
            run.created += 1
        else:
            print(f"  kept {target}: {problem}")
            run.proposed += 1
    return unwritten


def _create_file(target: Path, text: str) -> str | None:
    """Write a new file; None when done, else why not: a file is there, or none can be."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return "it already exists"
    except OSError as exc:
        return f"cannot write it: {exc.strerror}"
    return None
