"""Work that the pipeline skips (lower-casing a text with a link, the model's digit pass on ASCII text without digits,
its URL-hint search on text without a dot) gives exactly the answers of the plain formulations: on every code point
where that is what the shortcut relies on, on generated text, and on a sample of the development sets of ../shared
(skipped when absent; the evaluation sets are never read)."""

from __future__ import annotations

import csv
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Checker, normalize
from checker import model_text as mt
from checker.message import Message
from checker.model import MAX_CHARS, model_texts

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The letters the scheme tests read, in both cases, the two non-ASCII letters that lower-case to ASCII, Hangul, blanks.
_ALPHABET = st.sampled_from(
    list("hHxXzZtTpPdDoO*İK가나 \t\n:/.") + ["http://", "HTTP://", "hxxp", "hXXp", "h**p", " dot ", "DoT\t", "ttp"]
)
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)
# Development sets only (benchmarks/dev_sets.py lists the same); a few hundred texts of each.
_DEV_SETS = ("ko_kisa_spam_reports_2022", "ko_smishdt_kor_smishing", "ko_korean_message_meal_bbang",
             "en_super_sms_dataset_2024", "en_spamhunter_2022", "en_exais_sms_2015")


def _dev_texts(shared_data, per_set: int = 400) -> list[str]:
    csv.field_size_limit(10**7)
    texts: list[str] = []
    for name in _DEV_SETS:
        with (shared_data / name / "data.csv").open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if i >= per_set:
                    break
                if row["text"].strip():
                    texts.append(row["text"])
    return texts


def test_only_ascii_letters_lower_case_to_the_letters_the_scheme_tests_read():
    # What ``normalize._lower_for_scheme_tests`` relies on.
    for code in range(0x80, 0x110000):
        lowered = chr(code).lower()
        assert not any(char in lowered for char in "hxztpdo* \t"), hex(code)


def _scheme_answers(lower: str) -> tuple[bool, bool]:
    return normalize._may_be_defanged(lower), normalize._spells_out_a_dot(lower)


@_SETTINGS
@given(_TEXT)
def test_scheme_tests_without_lower_casing(text):
    assert _scheme_answers(normalize._lower_for_scheme_tests(text)) == _scheme_answers(text.lower())


def test_scheme_tests_without_lower_casing_cases():
    for text in ["확인 http://x.kr", "확인 HTTP://x.kr", "확인 hxxp://x.kr", "확인 Hxxp://x.kr", "확인 ttp://x.kr",
                 "확인 http://x dot kr", "확인 http://x DOT kr", "İhttp://x", "h가ttp://x", "http://a 가"]:
        assert _scheme_answers(normalize._lower_for_scheme_tests(text)) == _scheme_answers(text.lower()), text


def _plain_final_steps(text: str) -> str:
    """The model's digit step as it was: the pass on every lower-cased text."""
    return mt._NUMBERS.sub("0", text.lower())


@_SETTINGS
@given(st.lists(st.sampled_from(list("aZ 0123456789.,:/-가İ\t") + ["\U0001f600"]), max_size=40).map("".join))
def test_digit_pass_skipped_only_where_it_changes_nothing(text):
    lowered = text.lower()
    if lowered.isascii() and not normalize.any_of(mt._ASCII_DIGITS, lowered):
        assert _plain_final_steps(text) == lowered


@_SETTINGS
@given(_TEXT)
def test_url_marking_without_a_dot(text):
    if "." not in text:
        assert mt._URL_DOT.search(text) is None


def _plain_normalize(text: str) -> str:
    """``normalize_for_model`` in its plain formulation (one step after the other over the whole text, as
    tests/test_model_features.py writes it)."""
    text = mt._INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    parts = [mt._URL.sub(f" {mt.URL_TOKEN} ", p) if ("." in p or "://" in p) else p for p in text.split()]
    text = mt._PHONE_MASK.sub("0", " ".join(parts))
    text = mt._LOST_CHARS.sub(" ", mt._STAR_MASK.sub("0", mt._X_MASK.sub("0", text)))
    return " ".join(mt._NUMBERS.sub("0", text.lower()).split())


def test_model_texts_of_the_checker_are_the_plain_ones_on_dev_texts(shared_data):
    """What ``Checker.check_many`` feeds the model (its texts with the messages' ``plain`` flags) against the plain
    formulation of ``checker.model._model_text``: the normalised first ``2 * MAX_CHARS`` characters, cut."""
    texts = _dev_texts(shared_data)
    checker = Checker(model=None)
    messages = [Message(text, None, checker.allowlist, checker.analyzer) for text in texts]
    plain = [message.visible and message.text is message.raw for message in messages]
    expected = [_plain_normalize(text[: 2 * MAX_CHARS])[:MAX_CHARS] for text in texts]
    assert model_texts(texts, plain) == expected
    assert model_texts(texts) == expected
