"""Work that the pipeline skips (lower-casing a text with a link, the model's digit pass on ASCII text without digits,
its URL-hint search on text without a dot) gives exactly the answers of the plain formulations: on every code point
where that is what the shortcut relies on, on generated text, and on a sample of the development sets of ../shared
(skipped when absent; the evaluation sets are never read)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import normalize

_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The letters the scheme tests read, in both cases, the two non-ASCII letters that lower-case to ASCII, Hangul, blanks.
_ALPHABET = st.sampled_from(
    list("hHxXzZtTpPdDoO*İK가나 \t\n:/.") + ["http://", "HTTP://", "hxxp", "hXXp", "h**p", " dot ", "DoT\t", "ttp"]
)
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)
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
