"""Site -> HTML pages through Jinja2. A site's templates/ override the built-in theme."""

from __future__ import annotations

import datetime as dt
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import pass_context
from jinja2.runtime import Context

from generator import __version__, views
from generator.errors import ContentError
from generator.model import Site, sort_key
from generator.schema import Moment

THEME = Path(__file__).parent / "theme"
THEME_TEMPLATES = THEME / "templates"
THEME_STATIC = THEME / "static"


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # relative to output/, always with `/`
    html: str


@dataclass(frozen=True, slots=True)
class PageSpec:
    path: str
    template: str
    context: Callable[[], dict[str, object]]


def make_env(site_templates: Path | None) -> jinja2.Environment:
    """Site templates first, then the theme; `theme/NAME` always reaches the built-in one."""
    theme = jinja2.FileSystemLoader(THEME_TEMPLATES)
    loaders: list[jinja2.BaseLoader] = [theme, jinja2.PrefixLoader({"theme": theme})]
    if site_templates is not None:
        loaders.insert(0, jinja2.FileSystemLoader(site_templates))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(rel=rel, date=show_date, isodate=iso_date, month=show_month)
    return env


@pass_context
def rel(context: Context, url: str) -> str:
    """A site-relative URL made relative to the page being rendered."""
    return str(context["root"]) + url


def show_date(moment: Moment | None) -> str:
    if moment is None:
        return "date unknown"
    text = f"{moment.day} {views.MONTHS[moment.month - 1]} {moment.year}"
    if isinstance(moment, dt.datetime):
        text += f", {moment:%H:%M}"
    return text


def show_month(moment: Moment) -> str:
    return f"{views.MONTHS[moment.month - 1]} {moment.year}"


def iso_date(moment: Moment) -> str:
    return moment.isoformat()


def page_specs(site: Site) -> Iterator[PageSpec]:
    yield PageSpec("index.html", "index.html", lambda: _home(site))
    yield PageSpec("timeline.html", "timeline.html", lambda: _timeline(site))
    yield PageSpec("actors.html", "actors.html", lambda: {"sections": views.actor_index(site)})
    yield PageSpec("events.html", "events.html", lambda: _events(site))
    for index, article in enumerate(site.articles):
        yield PageSpec(
            views.article_url(article),
            "article.html",
            lambda i=index: views.article_page(site, i),  # type: ignore[misc]
        )
    for actor in site.actors.values():
        yield PageSpec(
            views.actor_url(actor.slug),
            "actor.html",
            lambda a=actor: views.actor_page(site, a),  # type: ignore[misc]
        )
    for event in site.events.values():
        yield PageSpec(
            views.event_url(event.slug),
            "event.html",
            lambda e=event: views.event_page(site, e),  # type: ignore[misc]
        )


def _home(site: Site) -> dict[str, object]:
    latest = sorted(site.articles, key=lambda a: sort_key(a.date), reverse=True)[:10]
    return {
        "latest": [views.card(a) for a in latest],
        "top_actors": views.top_actors(site, 12),
        "recent_events": views.recent_events(site, 8),
    }


def _timeline(site: Site) -> dict[str, object]:
    return {"years": views.timeline(site.articles), "story_count": len(site.articles)}


def _events(site: Site) -> dict[str, object]:
    events = [
        views.event_link(site, e.slug, len(site.event_articles.get(e.slug, ())))
        for e in site.events.values()
    ]
    dates = {e.slug: e.date for e in site.events.values()}
    return {"events": events, "dates": {views.event_url(s): d for s, d in dates.items()}}


def render_site(site: Site, env: jinja2.Environment) -> tuple[list[Page], list[ContentError]]:
    pages: list[Page] = []
    errors: dict[tuple[str, str], ContentError] = {}
    common = {"site": site.config, "generator_version": __version__}
    for spec in page_specs(site):
        depth = spec.path.count("/")
        try:
            template = env.get_template(spec.template)
            html = template.render(
                common, **spec.context(), root="../" * depth, page_path=spec.path
            )
        except Exception as exc:  # a site template's mistake, reported at its line
            error = template_error(exc, spec.template)
            errors.setdefault((str(error.path), error.message), error)
            continue
        pages.append(Page(spec.path, html))
    return pages, sorted(errors.values())


def template_error(exc: Exception, name: str) -> ContentError:
    """Point at the template line at fault, not at the generator's code."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return ContentError(Path(exc.filename), exc.lineno, f"template error: {exc.message}")
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".xml"))
    ]
    message = (
        f"template error: {exc}"
        if isinstance(exc, jinja2.TemplateError)
        else (f"template error: {type(exc).__name__}: {exc}")
    )
    if frames:
        return ContentError(Path(frames[-1].filename), frames[-1].lineno or 1, message)
    return ContentError(Path(name), 1, message)
