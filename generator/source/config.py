"""site.yaml -> a frozen Config. A missing or broken site.yaml stops the build (exit 2)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ConfigError, in_order
from generator.source.schema import FieldReader, is_web_url
from generator.source.yamlsafe import load_mapping

CONFIG_FILE = "site.yaml"
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class Config:
    title: str
    description: str = ""
    base_url: str | None = None
    language: str = "en"
    raw_html: bool = False
    link_mentions: bool = True
    # the site's own words for the theme's labels: (English message, text or plural forms)
    labels: tuple[tuple[str, str | tuple[str, ...]], ...] = ()


FIELDS = ("title", "description", "base_url", "language", "raw_html", "link_mentions", "labels")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def load_config(path: Path) -> Config:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no site.yaml here; is this a dossier site? "
            "Create one with at least `title: My dossier`"
        ) from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read site.yaml: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(
            f"{path}:{line}: site.yaml is not valid UTF-8; save it as UTF-8"
        ) from None
    fm, errors = load_mapping(text, path)
    if fm is None:
        raise ConfigError("\n".join(str(e) for e in errors))
    fields = FieldReader(fm, FIELDS)
    title = fields.text("title", required=True)
    base_url = fields.text("base_url")
    if base_url is not None and not is_web_url(base_url):
        fields.fail("base_url", "base_url must start with http:// or https://")
        base_url = None
    language = fields.text("language") or "en"
    if not _LANGUAGE.match(language):
        fields.fail("language", f'language "{language}" is not a language tag like en or pt-BR')
    config = Config(
        title=title or "",
        description=fields.text("description") or "",
        base_url=base_url and (base_url.rstrip("/") + "/"),
        language=language,
        raw_html=fields.flag("raw_html"),
        link_mentions=fields.flag("link_mentions", default=True),
        labels=read_labels(fields),
    )
    if fields.errors:
        raise ConfigError("\n".join(str(e) for e in in_order(fields.errors)))
    return config


def read_labels(fields: FieldReader) -> tuple[tuple[str, str | tuple[str, ...]], ...]:
    """`labels:` maps a message of the theme, in English as its catalogues spell it, to the
    site's own text, or to a list of texts, one per plural form of the site's language.
    A text may use only the `%(name)s` placeholders of its message."""
    value = fields.fm.data.get("labels")
    if value is None:
        return ()
    hint = 'labels: maps a message to its text, like `labels: {"Latest stories": "News"}`'
    if not isinstance(value, dict):
        fields.fail("labels", hint)
        return ()
    found: list[tuple[str, str | tuple[str, ...]]] = []
    for message, text in value.items():
        forms = tuple(text) if isinstance(text, list) else (text,)
        if not isinstance(message, str) or not forms or not all(isinstance(f, str) for f in forms):
            fields.fail("labels", f"{hint}; {message!r} is not text mapped to text")
            continue
        allowed = set(_PLACEHOLDER.findall(message))
        for form in forms:
            extra = set(_PLACEHOLDER.findall(form)) - allowed
            if extra:
                name = sorted(extra)[0]
                fields.fail(
                    "labels", f'label "{form}" uses %({name})s, which "{message}" does not have'
                )
        found.append((message, forms if isinstance(text, list) else text))
    return tuple(sorted(found))
