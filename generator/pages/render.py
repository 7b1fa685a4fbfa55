"""Site -> HTML pages through Jinja2. A site's templates/ override the built-in theme."""

from __future__ import annotations

import datetime as dt
import gettext
import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe
from jinja2 import nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.ext import InternationalizationExtension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Context
from markupsafe import Markup, escape

from generator import __version__
from generator.errors import ContentError, in_order
from generator.language import DASH, ENGLISH, Language, direction, translations
from generator.outputs.feeds import absolute_url, rfc3339
from generator.pages.records import PageView
from generator.pages.structured import head_tags_filter
from generator.source.config import Config
from generator.source.schema import MONTH_NAMES, Moment
from generator.when import When, iso_date

# markupsafe's own escaping of a str to a str (its C code when built), which `escape` wraps
# in a Markup; with a markupsafe that has no such function, the same text through `escape`
_escape_inner: Callable[[str], str] = getattr(markupsafe, "_escape_inner", None) or (
    lambda text: str(escape(text))
)

THEME = Path(__file__).parents[1] / "theme"
THEME_TEMPLATES = THEME / "templates"
THEME_STATIC = THEME / "static"


@dataclass(frozen=True, slots=True)
class Page:
    path: str  # relative to output/, always with `/`
    html: str


def escape_text(value: object) -> str:
    """What `{{ value }}` writes when autoescaping: the text of markupsafe's `escape`, as a
    plain `str`, without making a `Markup` of every value shown. Output values are only
    ever joined; Jinja makes `Markup` of a macro's or block's joined text itself."""
    if type(value) is str:
        return _escape_inner(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return str(html())
    return _escape_inner(str(value))


class _Generator(CodeGenerator):
    """Jinja's code generator, with `escape_text` for the `escape` the code calls on each
    value it writes (the name means nothing else in compiled templates). Rebound at the
    end of the module: its functions look the name up when they run."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        super().visit_Template(node, frame)
        self.writeline(f"from {__name__} import escape_text as escape")


class _Environment(jinja2.Environment):
    code_generator_class = _Generator


class Labels(InternationalizationExtension):
    """Jinja's i18n extension (`{% trans %}`, `_()`, `ngettext`), with the labels of the
    build's one language put in as templates compile: a message with no count becomes
    template text, and `_("Home")` a string, so a label costs nothing per page. A message
    with a count (`{% trans count=n %}`, `{% pluralize %}`) is chosen as pages render."""

    def translate(self, message: str) -> str:
        language: Language = self.environment.language  # type: ignore[attr-defined]
        return language.gettext(message)

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        """`_("text")` as the string it is in this language (a `%` in it is left to `_`)."""
        held: list[Token] = []
        for token in stream:
            held.append(token)
            shape = [t.type for t in held]
            if shape != ["name", "lparen", "string", "rparen"][: len(held)] or (
                held[0].value != "_"
            ):
                yield from held[:-1]
                held = [token] if token.type == "name" and token.value == "_" else []
                if not held:
                    yield token
            elif len(held) == 4:
                text = self.translate(held[2].value)
                if "%" in text or "%" in held[2].value:
                    yield from held
                else:
                    yield Token(held[0].lineno, "string", text)
                held = []
        yield from held

    def _make_node(  # type: ignore[override]  # an `If` for a count in English
        self,
        singular: str,
        plural: str | None,
        context: str | None,
        variables: dict[str, nodes.Expr],
        plural_expr: nodes.Expr | None,
        vars_referenced: bool,
        num_called_num: bool,
    ) -> nodes.Output | nodes.If:
        """The message as template text and the values it shows, as if the template had
        been written in this language; a count in a language with plural rules other
        than English's, or a message `_` must format, is left to `ngettext` and `_`."""
        language: Language = self.environment.language  # type: ignore[attr-defined]
        if context is None and plural_expr is None:
            shown = _pieces(self.translate(singular), variables)
            if shown is not None:
                return nodes.Output(shown)
        elif context is None and plural is not None and plain(language):
            one = _pieces(singular, variables, plural_expr)
            many = _pieces(plural, variables, plural_expr)
            if one is not None and many is not None:
                is_one = nodes.Compare(plural_expr, [nodes.Operand("eq", nodes.Const(1))])
                return nodes.If(is_one, [nodes.Output(one)], [], [nodes.Output(many)])
        return super()._make_node(
            singular, plural, context, variables, plural_expr, vars_referenced, num_called_num
        )


_FORMAT = re.compile(r"%\((\w+)\)s|%%")


def _pieces(
    text: str, variables: dict[str, nodes.Expr], num: nodes.Expr | None = None
) -> list[nodes.Expr] | None:
    """`"%(n)s stories"` as the nodes of `{{ n }} stories`; None for a `%` form other than
    `%(name)s` and `%%`, or a name the message was not given."""
    found: list[nodes.Expr] = []
    start = 0
    for match in _FORMAT.finditer(text):
        found.append(nodes.TemplateData(text[start : match.start()]))
        name = match.group(1)
        if name is None:
            found.append(nodes.TemplateData("%"))
        elif name in variables:
            found.append(variables[name])
        elif name == "num" and num is not None:
            found.append(num)
        else:
            return None
        start = match.end()
    found.append(nodes.TemplateData(text[start:]))
    if any(isinstance(n, nodes.TemplateData) and "%" in n.data for n in found[::2]):
        return None
    return [n for n in found if not (isinstance(n, nodes.TemplateData) and not n.data)]


def plain(language: Language) -> bool:
    """No catalogue and no labels: every message as the theme writes it, in English."""
    return type(translations(language.code, language.labels)) is gettext.NullTranslations


def make_env(site_templates: Path | None, language: Language = ENGLISH) -> jinja2.Environment:
    """Site templates first, then the theme; `theme/NAME` always reaches the built-in one.
    An environment serves one build, in one language: templates are read once, never
    checked again, and their labels are put in as they compile (`Labels`)."""
    theme = jinja2.FileSystemLoader(THEME_TEMPLATES)
    loaders: list[jinja2.BaseLoader] = [theme, jinja2.PrefixLoader({"theme": theme})]
    if site_templates is not None:
        loaders.insert(0, jinja2.FileSystemLoader(site_templates))
    env = _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # else every get_template stats the file: once per page
        extensions=[Labels],
    )
    env.language = language  # type: ignore[attr-defined]
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(  # type: ignore[attr-defined]
        language.gettext, language.ngettext, newstyle=True
    )
    env.globals["text_direction"] = direction(language.code)
    if language.english:
        env.filters.update(
            rel=rel, date=show_date, isodate=iso_date, month=show_month, timetag=time_tag
        )
    else:
        env.filters.update(rel=rel, isodate=iso_date, **date_filters(language))
    env.filters.update(absolute=absolute, rfc3339=rfc3339, **when_filters(language))
    env.filters["head_tags"] = head_tags_filter  # link previews and JSON-LD
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    return env


def date_filters(language: Language) -> dict[str, Callable[[Moment], str]]:
    """`date`, `month` and `timetag` in a language other than English."""
    unknown = language.gettext("date unknown")

    def date(moment: Moment | When | None) -> str:
        if isinstance(moment, When):
            return language.when(moment)
        return unknown if moment is None else language.date(moment)

    def month(moment: Moment) -> str:
        return language.month(moment.year, moment.month)

    def timetag(moment: Moment | When) -> Markup:
        if isinstance(moment, When):
            return when_tag(moment, None, language)
        shown = _escape_inner(language.date(moment))
        return Markup(f'<time datetime="{iso_date(moment)}">{shown}</time>')

    return {"date": date, "month": month, "timetag": timetag}


def when_filters(language: Language) -> dict[str, Callable[..., str]]:
    """`when` and `whentag`: a date at its precision, or a span (`{{ event.date |
    whentag(event.end) }}`), as text or in `<time>` elements."""

    def when(start: When, end: When | None = None) -> str:
        return language.span(start, end)

    def whentag(start: When, end: When | None = None) -> Markup:
        return when_tag(start, end, language)

    return {"when": when, "whentag": whentag}


def when_tag(start: When, end: When | None, language: Language = ENGLISH) -> Markup:
    """`<time datetime="2023-05">May 2023</time>`, `c. 2019` in `<time datetime="2019">`;
    a span as a `<time>` for each end: `3` (`2023-05-03`) and `5 May 2023` (`2023-05-05`)
    around the dash, in one `<span class="dates">`. Where a language does not write a span
    around one dash, one `<time>` holds all of it, its `datetime` the start."""
    text = language.span(start, end)
    head, dash, tail = text.partition(DASH)
    if end is None or not dash or DASH in tail:
        return Markup(f'<time datetime="{start.iso()}">{_escape_inner(text)}</time>')
    before, after = head.rstrip(), tail.lstrip()
    return Markup(
        f'<span class="dates"><time datetime="{start.iso()}">{_escape_inner(before)}</time>'
        f"{head[len(before) :]}{DASH}{tail[: len(tail) - len(after)]}"
        f'<time datetime="{end.iso()}">{_escape_inner(after)}</time></span>'
    )


@pass_context
def rel(context: Context, url: str) -> str:
    """A site-relative URL made relative to the page being rendered."""
    return str(context["root"]) + url


@pass_context
def absolute(context: Context, url: str) -> str:
    """A site-relative URL under the site's base_url: for feeds and the sitemap only."""
    return absolute_url(str(context["site"].base_url or ""), url)


def show_date(moment: Moment | When | None) -> str:
    if isinstance(moment, When):
        return ENGLISH.when(moment)  # at its precision: never a day nobody gave
    if moment is None:
        return "date unknown"
    text = f"{moment.day} {MONTH_NAMES[moment.month - 1]} {moment.year}"
    if isinstance(moment, dt.datetime):
        text += f", {moment:%H:%M}"
    return text


def show_month(moment: Moment) -> str:
    return f"{MONTH_NAMES[moment.month - 1]} {moment.year}"


def time_tag(moment: Moment | When) -> Markup:
    """`<time datetime="2023-05-03">3 May 2023</time>`: in Python, as it is in every list.
    A date or time prints digits, month names, spaces and `-+:.,T` only: nothing to escape.
    An event's date (`When`) at its precision (`when_tag`)."""
    if isinstance(moment, When):
        return when_tag(moment, None)
    return Markup(f'<time datetime="{iso_date(moment)}">{show_date(moment)}</time>')


def render_pages(
    pages: Iterable[PageView], env: jinja2.Environment, config: Config
) -> tuple[list[Page], list[ContentError]]:
    rendered: list[Page] = []
    errors: dict[tuple[str, str], ContentError] = {}
    common = {"site": config, "generator_version": __version__}
    for page in pages:
        depth = page.path.count("/")
        try:
            template = env.get_template(page.template)
            html = template.render(common, **page.context, root="../" * depth, page_path=page.path)
        except Exception as exc:  # a site template's mistake, reported at its line
            error = template_error(exc, page.template)
            errors.setdefault((str(error.path), error.message), error)
            continue
        rendered.append(Page(page.path, html))
    return rendered, in_order(errors.values())


def template_error(exc: Exception, name: str) -> ContentError:
    """Point at the template line at fault, not at the generator's code."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return ContentError(Path(exc.filename), exc.lineno, f"template error: {exc.message}")
    templates = (".html", ".xml", ".js")
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(templates)]
    message = (
        f"template error: {exc}"
        if isinstance(exc, jinja2.TemplateError)
        else (f"template error: {type(exc).__name__}: {exc}")
    )
    if frames:
        return ContentError(Path(frames[-1].filename), frames[-1].lineno or 1, message)
    return ContentError(Path(name), 1, message)
