"""The model's ``plain`` fast path gives the model texts (and scores) of the plain formulation.

``Checker`` tells the model which raw texts normalisation left as they are and found visible
(``Message.visible and Message.text is Message.raw``); ``normalize_for_model(text, plain=True)`` then skips
its NFKC test, its ``isprintable`` scan and its invisible-character pass. Compared here with
``normalize_for_model(text)`` on real dev texts and on generated edge text, for every text that the
checker would vouch for.
"""

from __future__ import annotations

import csv
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import model_text, normalize
from checker.model import MAX_CHARS, _model_text, model_texts
from checker.normalize import normalize_compact_and_check

_SETTINGS = settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Blanks, line breaks, tabs and other whitespace, invisible and filler characters, compatibility forms that NFKC
# changes, combining marks, Hangul jamo that compose, digits, masks, links.
_ALPHABET = st.sampled_from(
    list("가나a A\t\n\r\x0b\x0c\x1c\u0085\u00a0\u2028\u3000.:/0123456789Xx*?？") + [
        "\u00ad", "\u115f", "\u1160", "\u180e", "\u200b", "\u200d", "\u202e", "\u2060", "\u3164", "\ufeff", "\uffa0",
        "\u034f", "\u17b4", "\ufffd", "ｆｒｅｅ", "①", "ﬁ", "İ", "K", "\u1100", "\u1161", "\u11a8", "\u0301", "é",
        "e\u0301", "https://", "www.", ".com", "010-1234-5678", "01X-XXXX-XXXX", "\U0001f600", "Σ", "ǅ",
    ]
)
_TEXT = st.lists(_ALPHABET, max_size=60).map("".join)
# The dev sets only (never an evaluation set).
_DEV_SETS = ("ko_kisa_spam_reports_2022", "ko_smishdt_kor_smishing", "ko_korean_message_meal_bbang",
             "en_super_sms_dataset_2024", "en_spamhunter_2022", "en_exais_sms_2015")


def _vouched(text: str) -> bool:
    """What ``Checker`` passes to the model for a raw ``text``."""
    normal, _compact, visible = normalize_compact_and_check(text)
    return visible and normal is text


def _dev_texts(shared_data, limit_per_set: int = 6000) -> list[str]:
    csv.field_size_limit(10**7)
    texts: list[str] = []
    for name in _DEV_SETS:
        with (shared_data / name / "data.csv").open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if i >= limit_per_set:
                    break
                if row.get("text"):
                    texts.append(row["text"])
    return texts


def test_the_fillers_the_model_strips_are_among_those_the_checker_rules_out():
    # ``plain`` relies on it: a vouched text holds no printable character of ``_INVISIBLE``.
    printable = [chr(c) for c in range(0x110000) if chr(c).isprintable() and model_text._INVISIBLE.match(chr(c))]
    assert printable and all(c in normalize._PRINTABLE_INVISIBLE for c in printable)


def test_plain_model_text_on_real_dev_texts(shared_data):
    texts = _dev_texts(shared_data)
    vouched = [t for t in texts if _vouched(t)]
    assert len(vouched) > len(texts) // 2
    assert any(not t.isascii() and "\n" in t for t in vouched)
    assert [model_text.normalize_for_model(t, True) for t in vouched] == [
        model_text.normalize_for_model(t) for t in vouched
    ]
    flags = [_vouched(t) for t in texts]
    assert model_texts(texts, flags) == model_texts(texts)


@_SETTINGS
@given(_TEXT)
def test_plain_model_text_on_edge_text(text):
    if _vouched(text):
        assert model_text.normalize_for_model(text, True) == model_text.normalize_for_model(text)
        for keep in (3, 10, MAX_CHARS):
            first = keep + keep // 2 + 1  # keep < first < 2 * keep
            assert _model_text(text, first, keep, plain=True) == _model_text(text, first, keep)


@_SETTINGS
@given(_TEXT)
def test_vouched_text_is_nfkc_and_printable_but_for_line_breaks_and_tabs(text):
    if _vouched(text):
        assert unicodedata.is_normalized("NFKC", text)
        assert text.replace("\n", "").replace("\t", "").isprintable()
        assert not any(c in text for c in normalize._PRINTABLE_INVISIBLE)


# model_text._X_MASK as first written (its look-behinds tested at every position): the reference for its faster form.
_X_MASK_PLAIN = re.compile(r"(?:(?<![A-Za-z0-9])|(?<=[A-Za-z][0-9]))[0-9]*X{2,}[0-9X]*(?![A-Za-z])")
# Digits, X and x, letters and separators around them: where the mask's look-behinds and look-ahead decide.
_MASK_TEXT = st.lists(st.sampled_from(list("0129XXxaZ -+.가") + ["XX", "01X", "XXL"]), max_size=20).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_MASK_TEXT)
def test_x_mask_matches_its_plain_formulation(text):
    assert [m.span() for m in model_text._X_MASK.finditer(text)] == [
        m.span() for m in _X_MASK_PLAIN.finditer(text)
    ]


def test_x_mask_on_examples():
    for text in ("07XXX", "+91XXXXXXX", "XXL", "a1XX", "ab12XX", "1XXa", "XX", "X", "0XX0X", "aXX", "가XX9", "12-XXXX"):
        assert model_text._X_MASK.sub("0", text) == _X_MASK_PLAIN.sub("0", text), text
