"""Slugs: short, readable, ASCII file names that can never leave their folder."""

from __future__ import annotations

import hashlib
import re

from slugify import slugify

_SAFE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LENGTH = 80


def make_slug(text: str) -> str:
    """`Дмитрий Песков` -> `dmitrii-peskov`; `../../x` -> `x`; never empty, never a path."""
    slug = slugify(text, max_length=MAX_LENGTH, word_boundary=True, separator="-")
    if not _SAFE.match(slug):
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"item-{digest}"
    return slug


def story_slug(ref: str) -> str:
    """The slug of the story a reference names: `articles/2023/x.md`, `content/articles/x`,
    `x.html` and `x` all name `x` (a story's slug is its file name, wherever its folder)."""
    text = ref.strip().replace("\\", "/").strip("/").rsplit("/", 1)[-1]
    return make_slug(text.removesuffix(".md").removesuffix(".html"))
