"""The speed-ups of the pipeline (input checks, normalisation pre-checks, verdict building) give exactly the
answers of the plain formulations they replace.

Each fast path is compared with the plain code it stands for: on chosen edge cases, on random text drawn so
that the fast path is taken and left often, and on the real messages of ../shared (skipped when absent).
"""

from __future__ import annotations

import csv
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import core, normalize

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Brackets with and without a colon or dot inside, spelled-out dots, blanks, Hangul, surrogates and invisibles.
_ALPHABET = st.sampled_from(
    list("[](){}<>.:점 \t\n가나aDdOoTtx") + ["dot", "DoT", "[.]", "( : )", "{dot}", "<점>", "\ud800", "\udfff",
                                           "\u200b", "\x00", "\U0001f600", "\uffff", "\ud7ff", "\ue000"]
)
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)
_PLAIN_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _real_texts(shared_data, limit: int = 20000) -> list[str]:
    csv.field_size_limit(10**7)
    texts: list[str] = []
    for path in sorted(shared_data.glob("*/data.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if i >= limit // 4:
                    break
                if row.get("text"):
                    texts.append(row["text"])
    return texts


def _plain_has_lone_surrogate(text: str) -> bool:
    return _PLAIN_LONE_SURROGATE.search(text) is not None


def _plain_has_bracketed(text: str) -> bool:
    return normalize._BRACKETED.search(text) is not None


def test_lone_surrogate_cases():
    for code in [0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0x41, 0xAC00]:
        for text in [chr(code), "가" + chr(code), "a" + chr(code) + "b", chr(code) * 3]:
            assert core.has_lone_surrogate(text) == _plain_has_lone_surrogate(text), hex(code)
    # A surrogate pair written as two code points is still two lone surrogates in a Python str.
    assert core.has_lone_surrogate("\ud83d\ude00")
    assert not core.has_lone_surrogate("\U0001f600")
    assert not core.has_lone_surrogate("")


def test_lone_surrogate_every_code_point_next_to_hangul():
    for code in range(0, 0x110000, 7):
        text = "확인" + chr(code)
        assert core.has_lone_surrogate(text) == _plain_has_lone_surrogate(text), hex(code)


@_SETTINGS
@given(_TEXT)
def test_lone_surrogate_property(text):
    assert core.has_lone_surrogate(text) == _plain_has_lone_surrogate(text)


def test_bracketed_cases():
    for text in ["[Web발신]", "[.]", "a[ . ]b", "(:)", "{dot}", "<DoT>", "[점]", "[ x ]", "evil[.]com", "(광고)",
                 "[Web발신] evil(.)com", "(((", "[[.]]", "<\n.\n>", "[", "", "a{.}b<:>"]:
        assert normalize._has_bracketed(text) == _plain_has_bracketed(text), text


@_SETTINGS
@given(_TEXT)
def test_bracketed_property(text):
    assert normalize._has_bracketed(text) == _plain_has_bracketed(text)


def test_fast_paths_on_real_texts(shared_data):
    texts = _real_texts(shared_data)
    assert len(texts) > 1000
    for text in texts:
        assert core.has_lone_surrogate(text) == _plain_has_lone_surrogate(text)
        assert normalize._has_bracketed(text) == _plain_has_bracketed(text)

