"""The text `dossier new` and `dossier import` write for a person to replace.

In: a body's Markdown. Out: whether it is still only that text. Such a body is never
published (an actor's or event's page shows no "About" made of it), and the file gets a
warning until someone writes its text (`check` lists it; `--strict` fails on it).
"""

from __future__ import annotations

ARTICLE = "Write the story here."
ACTOR = "Who they are, in a few sentences."
EVENT = "What happened, in a few sentences."
IMPORTED = ("Proposed by `dossier import` from the story ", "; check it.")  # start, end
_WRITTEN_BY_NEW = {ARTICLE, ACTOR, EVENT}


def is_placeholder(markdown: str) -> bool:
    """Whether a body holds nothing but the text `new` or `import` wrote there."""
    text = " ".join(markdown.split())
    start, end = IMPORTED
    return text in _WRITTEN_BY_NEW or (text.startswith(start) and text.endswith(end))
