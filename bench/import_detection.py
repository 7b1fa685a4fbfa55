"""Precision and recall of `dossier import`'s actor detection, against hand labels.

    .venv/bin/python bench/import_detection.py [FOLDER]

FOLDER (default: tests/fixtures/import_labelled) holds stories/NN_name.txt in the
plain-text story format and labels.yaml, which maps each story's file name to the
actors a careful human would tag. The site is empty, so every actor found is a
proposal. A found actor is right when its name or one of its aliases is a label
(case, spacing, curly apostrophes and a leading "The" do not matter); each label
is matched at most once. Figures are micro-averaged: summed over all stories, and
given for each range of stories apart (`RANGES`: the development set, used for tuning,
and the two held-out sets).

Each mistake is put in one kind (`kind_of`), so that a change can be judged by the kinds
of mistake it removes rather than by the stories it fixes:

- dateline: a proposal made of the dateline's place ("KYIV, Ukraine —");
- cut: a proposal that is part of a label ("Institute for the Study" for "Institute for
  the Study of War"), and the label it cut;
- start: a sentence's first word taken for a name, or into one ("Entering Niger",
  "Mediators said");
- glued: a proposal that holds a label and more ("Russia's Ministry of Defence"), and the
  label;
- variant: a second proposal for a labelled actor the story names another way (another
  romanisation, its acronym, a clipped form, a name without its middle name, a name the
  text gives as another: "took the name Leo XIV", "also written Tchiani");
- not an actor: any other proposal (a place, a building, an event, a word);
- missed: any other label nothing was proposed for.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.authoring.detect import detect
from generator.authoring.importer import parse_story
from generator.errors import ContentError
from generator.model.resolver import name_key
from generator.spelling import sound_key

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "import_labelled"
HELD_OUT = 15  # stories numbered from here on were written after the detector was frozen
# (label, first story number, last story number) of each range reported apart
RANGES = (
    ("development set, used for tuning", 1, 14),
    ("held out, written after the first tuning", 15, 18),
    ("held out, real events (issue 'one actor')", 19, 36),
)
KINDS = ("dateline", "start", "cut", "glued", "variant", "not an actor", "missed")
_VARIANT = re.compile(r"(?:\bname|known as|spell?[et]d?|written|transliterated)\s+\0")
_DATELINE = re.compile(r"\A\s*([^\n\u2014\u2013]{2,80}?)\s+(?:\u2014|\u2013|--?)\s")


@dataclass(frozen=True, slots=True)
class StoryScore:
    name: str
    right: tuple[str, ...]
    extra: tuple[str, ...]  # found, not in the labels
    missed: tuple[str, ...]  # in the labels, not found
    text: str = ""  # the story's text, to tell the kinds of mistake apart

    @property
    def number(self) -> int:
        return int(self.name[:2])


@dataclass(frozen=True, slots=True)
class Totals:
    right: int
    found: int
    labelled: int

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.labelled if self.labelled else 1.0


def _key(name: str) -> str:
    key = name_key(name.replace("\u2019", "'"))
    return key[4:] if key.startswith("the ") else key


def score_story(path: Path, labels: list[str]) -> StoryScore:
    story = parse_story(path.read_bytes(), path)
    if isinstance(story, ContentError):
        raise SystemExit(str(story))
    found = detect(story.title, story.text, actors=[])
    wanted = {_key(label): label for label in labels}
    right, extra = [], []
    for proposal in found.proposals:
        keys = [_key(n) for n in (proposal.name, *proposal.aliases)]
        match = next((k for k in keys if k in wanted), None)
        if match is None:
            extra.append(proposal.name)
        else:
            right.append(wanted.pop(match))
    return StoryScore(path.name, tuple(right), tuple(extra), tuple(wanted.values()), story.text)


def evaluate(folder: Path = DEFAULT) -> list[StoryScore]:
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    stories = sorted((folder / "stories").glob("*.txt"))
    names = {p.name for p in stories}
    if names != set(labels):
        raise SystemExit(f"stories and labels differ: {sorted(names ^ set(labels))}")
    return [score_story(path, list(labels[path.name])) for path in stories]


def totals(scores: list[StoryScore]) -> Totals:
    right = sum(len(s.right) for s in scores)
    return Totals(
        right,
        right + sum(len(s.extra) for s in scores),
        right + sum(len(s.missed) for s in scores),
    )


def in_range(scores: list[StoryScore], first: int, last: int) -> list[StoryScore]:
    return [s for s in scores if first <= s.number <= last]


def _words(name: str) -> list[str]:
    return _key(name).split()


def _inside(part: list[str], whole: list[str]) -> bool:
    """Is `part` a run of words of `whole`, and shorter?"""
    size = len(part)
    return 0 < size < len(whole) and any(
        whole[k : k + size] == part for k in range(len(whole) - size + 1)
    )


def _variant(extra: str, label: str, text: str) -> bool:
    """Is `extra` another way the story names the labelled actor?"""
    one, other = _words(extra), _words(label)
    if not one or not other:
        return False
    if sound_key(extra) == sound_key(label) or (one[0], one[-1]) == (other[0], other[-1]):
        return True
    if f"{label} ({extra})" in text or f"{extra} ({label})" in text:
        return True
    initials = "".join(w[0] for w in other)
    lean = "".join(w[0] for w in other if w not in {"of", "for", "the", "and"})
    if len(one) == 1 and extra.isupper() and one[0] in (initials, lean):
        return True
    # a clipped form ("Met") or a word of the name ("Lula" of "Luiz Inacio Lula da Silva")
    return len(one) == 1 and any(
        w == one[0] or (len(one[0]) > 2 and w.startswith(one[0])) for w in other
    )


def kind_of(score: StoryScore, labels: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """The kind of each extra proposal and of each missed label (see the module's doc).
    `labels` is the story's whole list of labels."""
    extras = {extra: _extra_kind(score, extra, labels) for extra in score.extra}
    missed: dict[str, str] = {}
    for label in score.missed:
        words = _words(label)
        if any(_inside(_words(extra), words) for extra in score.extra):
            missed[label] = "cut"
        elif any(_inside(words, _words(extra)) for extra in score.extra):
            missed[label] = "glued"
        else:
            missed[label] = "missed"
    return extras, missed


def _extra_kind(score: StoryScore, extra: str, labels: list[str]) -> str:
    dateline = _DATELINE.match(score.text)
    words = _words(extra)
    if dateline and extra in dateline.group(1) and extra.upper() == extra:
        return "dateline"
    if any(_inside(words, _words(label)) for label in score.missed):
        return "cut"
    if any(_inside(_words(label), words) for label in labels):
        return "glued"
    if _sentence_start(extra, score.text):
        return "start"
    named = (re.escape(label) + r"\s*\(" + re.escape(extra) for label in labels)
    if (
        any(_variant(extra, label, score.text) for label in score.right)
        or any(re.search(pattern, score.text) for pattern in named)
        or _VARIANT.search(score.text.replace(extra, "\0"))
    ):
        return "variant"
    return "not an actor"


def _sentence_start(extra: str, text: str) -> bool:
    """A sentence's first word taken for a name or into one: "Entering Niger", "Mediators"."""
    first = extra.split()[0]
    starts = re.search(r"(?:^|[.!?]\s+|\n)" + re.escape(extra) + r"\b", text)
    ending = ("ing", "ed", "ly") if " " in extra else ("ors", "ers", "ists", "ians", "ants")
    return starts is not None and first.endswith(ending)


def kinds(scores: list[StoryScore], labels: dict[str, list[str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for score in scores:
        extras, missed = kind_of(score, labels[score.name])
        counts.update(extras.values())
        counts.update(missed.values())
    return counts


def _line(label: str, t: Totals) -> str:
    figures = f"{t.found:>5} {t.right:>5} {t.labelled:>8} {t.precision:>9.2f} {t.recall:>6.2f}"
    return f"{label:<52} {figures}"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    scores = evaluate(folder)
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    print(f"{'story':<52} {'found':>5} {'right':>5} {'labelled':>8} {'precision':>9} {'recall':>6}")
    for score in scores:
        print(_line(score.name, totals([score])))
        extras, missed = kind_of(score, labels[score.name])
        if score.extra:
            print("    not labelled: " + ", ".join(f"{e} [{extras[e]}]" for e in score.extra))
        if score.missed:
            print("    missed:       " + ", ".join(f"{m} [{missed[m]}]" for m in score.missed))
    print()
    for label, first, last in RANGES:
        part = in_range(scores, first, last)
        if part:
            print(_line(f"{label} {first:02}-{last:02} ({len(part)})", totals(part)))
    print(_line(f"all {len(scores)} stories, micro-averaged", totals(scores)))
    print()
    print("mistakes by kind" + "".join(f"{k:>13}" for k in KINDS))
    for _label, first, last in RANGES:
        counts = kinds(in_range(scores, first, last), labels)
        print(f"  {first:02}-{last:02}         " + "".join(f"{counts[k]:>13}" for k in KINDS))
    counts = kinds(scores, labels)
    print("  all           " + "".join(f"{counts[k]:>13}" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
