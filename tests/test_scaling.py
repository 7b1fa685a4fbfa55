"""No hidden quadratic: every phase's work grows with the content, not with its square.

Work is counted, not timed: the number of calls each function of the pipeline (ours and
the libraries') makes while building corpora of 2,000 and 8,000 articles from
../shared/bench/make_corpus.py. Four times the content may cost at most about four
times the calls, with a little room for the corpus's random shape.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

MAKE_CORPUS = REPO.parent / "shared" / "bench" / "make_corpus.py"
SMALL, LARGE = 2_000, 8_000
SLACK = 1.25  # allowed above the linear ratio (the corpus's random shape)
MIN_CALLS = 2_000  # functions called fewer times are noise


PROFILE = """
import cProfile, json, pstats, sys
from pathlib import Path
from generator.build import Builder
site = Path(sys.argv[1])
profiler = cProfile.Profile()
profiler.enable()
result = Builder(site, site / "output", use_cache=False).build()
profiler.disable()
assert not result.errors, result.errors[:3]
counts = {
    f"{path}:{line}:{name}": calls
    for (path, line, name), (calls, *_rest) in pstats.Stats(profiler).stats.items()
}
json.dump(counts, sys.stdout)
"""


def calls_per_function(site: Path) -> dict[str, int]:
    """Calls per function in one build, in a process of its own: what another build (in
    this test or any other) left in a memo cannot make this one look cheaper."""
    done = subprocess.run(
        [sys.executable, "-c", PROFILE, str(site)],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    counts: dict[str, int] = json.loads(done.stdout)
    return counts


@pytest.fixture(scope="module")
def counts(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, int]]:
    if not MAKE_CORPUS.is_file():
        pytest.fail(f"{MAKE_CORPUS} is missing: the shared folder must sit beside the repo")
    found = {}
    for size in (SMALL, LARGE):
        site = tmp_path_factory.mktemp(f"corpus{size}")
        subprocess.run(
            [sys.executable, str(MAKE_CORPUS), str(site), "--articles", str(size)], check=True
        )
        found[size] = calls_per_function(site)
    return found


@pytest.mark.slow
def test_no_function_is_called_more_than_linearly_often(counts: dict[int, dict[str, int]]) -> None:
    small, large = counts[SMALL], counts[LARGE]
    limit = LARGE / SMALL * SLACK
    worse = {
        name: round(large[name] / small[name], 2)
        for name in large
        if large[name] >= MIN_CALLS and name in small and large[name] / small[name] > limit
    }
    assert worse == {}, f"more than linear ({limit:.1f}x for {LARGE / SMALL:.0f}x content)"
    total = sum(large.values()) / sum(small.values())
    assert total <= limit, f"all calls grew {total:.2f}x"
