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


FIELDS = ("title", "description", "base_url", "language", "raw_html", "link_mentions")


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
    )
    if fields.errors:
        raise ConfigError("\n".join(str(e) for e in in_order(fields.errors)))
    return config
