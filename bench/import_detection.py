"""Precision and recall of `dossier import`'s actor detection, against hand labels.

    .venv/bin/python bench/import_detection.py [FOLDER]

FOLDER (default: tests/fixtures/import_labelled) holds stories/NN_name.txt in the
plain-text story format and labels.yaml, which maps each story's file name to the
actors a careful human would tag. The site is empty, so every actor found is a
proposal. A found actor is right when its name or one of its aliases is a label
(case, spacing, curly apostrophes and a leading "The" do not matter); each label
is matched at most once. Figures are micro-averaged: summed over all stories.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.authoring.detect import detect
from generator.errors import ContentError
from generator.authoring.importer import parse_story
from generator.model.resolver import name_key

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "import_labelled"
HELD_OUT = 15  # stories numbered from here on were written after the detector was frozen


@dataclass(frozen=True, slots=True)
class StoryScore:
    name: str
    right: tuple[str, ...]
    extra: tuple[str, ...]  # found, not in the labels
    missed: tuple[str, ...]  # in the labels, not found


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
    return StoryScore(path.name, tuple(right), tuple(extra), tuple(wanted.values()))


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


def _line(label: str, t: Totals) -> str:
    figures = f"{t.found:>5} {t.right:>5} {t.labelled:>8} {t.precision:>9.2f} {t.recall:>6.2f}"
    return f"{label:<40} {figures}"


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else DEFAULT
    scores = evaluate(folder)
    print(f"{'story':<40} {'found':>5} {'right':>5} {'labelled':>8} {'precision':>9} {'recall':>6}")
    for score in scores:
        print(_line(score.name, totals([score])))
        if score.extra:
            print(f"    not labelled: {', '.join(score.extra)}")
        if score.missed:
            print(f"    missed:       {', '.join(score.missed)}")
    before = [s for s in scores if int(s.name[:2]) < HELD_OUT]
    after = [s for s in scores if int(s.name[:2]) >= HELD_OUT]
    print()
    print(_line(f"development set, used for tuning ({len(before)})", totals(before)))
    print(_line(f"held out, written after tuning ({len(after)})", totals(after)))
    print(_line(f"all {len(scores)} stories, micro-averaged", totals(scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
