"""The pipeline: config -> discover -> parse -> model -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.config import CONFIG_FILE, load_config
from generator.discover import discover
from generator.errors import ContentError
from generator.markup import make_markdown, render_markdown
from generator.model import Site, build_site
from generator.parse import parse_all
from generator.render import Page, make_env, render_site
from generator.write import check_output_dir, static_files, write_site


@dataclass(frozen=True, slots=True)
class BuildResult:
    site: Site | None
    errors: list[ContentError] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


def build(root: Path, out: Path | None, *, drafts: bool = False) -> BuildResult:
    """Build the site in `root` into `out`; with `out=None`, check it and write nothing.

    Raises ConfigError for a missing or broken site.yaml, UsageError for an
    output folder that must not be touched. Content errors come back as values,
    all of them, and then nothing is written.
    """
    config = load_config(root / CONFIG_FILE)
    if out is not None:
        check_output_dir(root, out)
    sources = discover(root)
    docs, errors = parse_all(sources.content)
    md = make_markdown(raw_html=config.raw_html)
    site, more = build_site(config, docs, lambda text: render_markdown(md, text), drafts=drafts)
    errors += more
    pages, more = render_site(site, make_env(sources.templates))
    errors += more
    statics = static_files(sources.static)
    errors += _clashes(pages, sources.static)
    if errors or out is None:
        return BuildResult(site, sorted(errors))
    return BuildResult(site, [], write_site(out, pages, statics))


def _clashes(pages: list[Page], static: tuple[tuple[Path, str], ...]) -> list[ContentError]:
    page_paths = {page.path for page in pages}
    return [
        ContentError(path, 1, f"static file would overwrite the page {rel}; rename or move it")
        for path, rel in static
        if rel in page_paths
    ]
