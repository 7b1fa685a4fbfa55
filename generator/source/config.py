"""site.yaml -> a frozen Config. A missing or broken site.yaml stops the build (exit 2)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import ConfigError, in_order
from generator.source.schema import NO_EXTRA, FieldReader, FrozenMap, is_web_url
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
    extra: FrozenMap = NO_EXTRA  # `extra:`, for the site's own templates only
    archive_url: str | None = None  # where `dossier archive` asks for snapshots


FIELDS = (
    *("title", "description", "base_url", "language", "raw_html", "link_mentions", "labels"),
    *("extra", "archive_url"),
)
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
BAD_BASE_URL = "base_url must start with http:// or https://"


def no_site_message(site: Path) -> str:
    """What every command but `init` says where there is no site.yaml."""
    if not site.is_dir():
        return f"{site}: no such folder; run `dossier init {site}` to start a site there"
    if site == Path():
        return "no site.yaml in this folder; run `dossier init` to start a site here"
    return f"no site.yaml in {site}; run `dossier init {site}` to start a site there"


def require_site(site: Path) -> None:
    """ConfigError unless `site` holds a site.yaml (or a link by that name, which the build
    judges: one that leads out of the site is refused there, unread)."""
    if not os.path.lexists(site / CONFIG_FILE):
        raise ConfigError(no_site_message(site))


def parse_base_url(text: str) -> str:
    """A base_url given on the command line, checked as site.yaml's is; ValueError if bad."""
    if not is_web_url(text.strip()):
        raise ValueError(f"{BAD_BASE_URL}, not {text!r}")
    return _folder_url(text.strip())


def with_base_url(config: Config, base_url: str | None) -> Config:
    """`config` with `build --base-url` over site.yaml's base_url (None: as it is)."""
    return config if base_url is None else replace(config, base_url=base_url)


def _folder_url(url: str) -> str:
    return url.rstrip("/") + "/"


def load_config(path: Path) -> Config:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(no_site_message(path.parent)) from None
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
        fields.fail("base_url", BAD_BASE_URL)
        base_url = None
    archive_url = fields.text("archive_url")
    if archive_url is not None and not is_web_url(archive_url):
        fields.fail("archive_url", "archive_url must start with http:// or https://")
        archive_url = None
    language = fields.text("language") or "en"
    if not _LANGUAGE.match(language):
        fields.fail("language", f'language "{language}" is not a language tag like en or pt-BR')
    config = Config(
        title=title or "",
        description=fields.text("description") or "",
        base_url=base_url and _folder_url(base_url),
        language=language,
        raw_html=fields.flag("raw_html"),
        link_mentions=fields.flag("link_mentions", default=True),
        labels=read_labels(fields),
        extra=fields.mapping("extra"),
        archive_url=archive_url and archive_url.strip(),
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
