"""Rendered bodies held as slices of shared buffers (generator/prose.py)."""

from __future__ import annotations

import datetime as dt
import pickle

import jinja2

from generator.incremental.fingerprint import Fingerprints
from generator.model.site import Article
from generator.prose import Prose, pack
from tests.helpers import REPO

TEXTS = ["<p>Пе́сков said “no”.</p>\n", "", "<p>A &amp; B</p>\n"]


def test_packed_texts_read_back_whole_from_one_buffer() -> None:
    packed = pack(TEXTS)
    assert [str(p) for p in packed] == TEXTS
    assert [p.encoded() for p in packed] == [t.encode() for t in TEXTS]
    assert [bool(p) for p in packed] == [True, False, True]
    assert len({id(p._data) for p in packed}) == 1  # one buffer for all


def test_prose_made_one_by_one_is_packed_into_one_buffer_with_its_digest() -> None:
    """As worker processes send bodies: each `Prose` its own bytes, digested there."""
    sent = [pickle.loads(pickle.dumps(Prose.of(text))) for text in TEXTS]
    packed = pack([sent[0], TEXTS[1], sent[2]])
    assert [str(p) for p in packed] == TEXTS
    assert [p.digest for p in packed] == [p.digest for p in pack(TEXTS)]
    assert len({id(p._data) for p in packed}) == 1


def test_equal_to_the_same_bytes_or_text_and_picklable() -> None:
    first, again = pack(TEXTS)[0], Prose.of(TEXTS[0])
    assert first == again and first == TEXTS[0] and hash(first) == hash(TEXTS[0])
    assert first != pack(TEXTS)[2] and first != TEXTS[2]
    assert pickle.loads(pickle.dumps(first)) == first


def test_templates_show_it_as_html() -> None:
    env = jinja2.Environment(autoescape=True)
    body = Prose.of(TEXTS[2])
    assert (
        env.from_string("{{ body | safe }}|{% if empty %}x{% endif %}").render(
            body=body, empty=Prose.of("")
        )
        == "<p>A &amp; B</p>\n|"
    )


def test_signatures_see_the_digest_and_change_with_the_bytes() -> None:
    def article(body: Prose) -> Article:
        return Article("s", "T", dt.date(2023, 5, 3), REPO, (), (), None, "", (), False, body)

    prints = [Fingerprints() for _ in range(3)]
    one, same, other = (
        prints[0].of(article(Prose.of(TEXTS[0]))),
        prints[1].of(article(pack(TEXTS)[0])),
        prints[2].of(article(Prose.of(TEXTS[2]))),
    )
    assert one == same != other
    assert "Пе" not in repr(Prose.of(TEXTS[0]))  # the digest stands for the bytes
