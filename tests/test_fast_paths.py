"""The speed-ups of the hot path give exactly the answers of the plain formulations they replace.

Each fast path (a pre-check that skips a regex, a pattern rewritten so the regex engine can skip ahead,
a token scan without ``str.split``) is compared here with the straightforward code it stands for, on
chosen cases and on random text over an alphabet that makes the patterns fire often.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import message, normalize, phones, urls
from checker.allowlist import default_allowlist
from checker.rules import text as text_rules

# Characters that the patterns below care about: Hangul, ASCII letters and digits, separators, schemes.
_ALPHABET = st.sampled_from(
    list("가나다 \t\n._-/:*?!@()[]0123456789xXhHtTpPsSdotcmkrw") + ["http", "://", ".com", "010", "ttp", "hxxp"]
)
_TEXT = st.lists(_ALPHABET, max_size=40).map("".join)
_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_split_hangul_matches_the_plain_pattern():
    plain = re.compile(r"(?<=[가-힣])(?:[^\w가-힣]{1,3}|_{1,3})(?=[가-힣])")
    for text in ["가.나", "가._나", "가__나", "가____나", "가...나", "가....나", "가.나.다", "a.나", "가_나_다", "가 나"]:
        assert message._SPLIT_HANGUL.sub("", text) == plain.sub("", text), text


@_SETTINGS
@given(_TEXT)
def test_split_hangul_property(text):
    plain = re.compile(r"(?<=[가-힣])(?:[^\w가-힣]{1,3}|_{1,3})(?=[가-힣])")
    assert message._SPLIT_HANGUL.sub("", text) == plain.sub("", text)


_PLAIN_SPACED_SCHEME = re.compile(
    r"\bh[ \t]*t[ \t]*t[ \t]*p[ \t]*(s?)[ \t]*:[ \t:]*/[ \t]*/[ \t]*", re.IGNORECASE
)


@_SETTINGS
@given(_TEXT)
def test_spaced_scheme_word_start_test_matches_the_plain_pattern(text):
    expected = _PLAIN_SPACED_SCHEME.sub(lambda m: f"http{m.group(1).lower()}://", text)
    assert normalize._SPACED_SCHEME.sub(normalize._join_scheme, text) == expected


@_SETTINGS
@given(_TEXT)
def test_defang_pre_check_never_skips_a_change(text):
    if not normalize._may_be_defanged(text.lower()):
        assert normalize._HXXP.sub(lambda m: f"http{m.group(1).lower()}", text) == text


def test_spaced_scheme_cases():
    for text in ["h t t p : / / evil.com", "xhttp://a.com", "가http://a.com", "HTTPS:://a.kr", "_http://a"]:
        expected = _PLAIN_SPACED_SCHEME.sub(lambda m: f"http{m.group(1).lower()}://", text)
        assert normalize._SPACED_SCHEME.sub(normalize._join_scheme, text) == expected, text
    assert normalize._may_be_defanged("hxxps://evil.com")
    assert normalize._may_be_defanged("ttp://evil.com")
    assert not normalize._may_be_defanged("see http://a.com and https://b.com")


def _plain_find(text: str) -> list[str]:
    found: list[str] = []
    for token in text.split():
        if "." in token or "://" in token:
            found.extend(match.group(0) for match in urls.ANY_URL.finditer(token))
    return found


_URLISH = st.sampled_from(
    ["evil.com", "http://x.kr/a", "1.2.3.4", "우체국.kr", "a.b", "gov.kr@evil.com", "합니다.", "3.5", "..", "www.",
     "확인", " ", "\n", "\u3000", "\x1c", "\u2028", "-", "_", ":", "//", "[::1]", "https://[2001:db8::1]:8080/x"]
)


@_SETTINGS
@given(st.lists(_URLISH, max_size=12).map("".join))
def test_link_token_scan_matches_splitting_the_text(text):
    assert urls.UrlAnalyzer(default_allowlist()).find(text) == _plain_find(text)


def test_link_token_scan_cases():
    analyzer = urls.UrlAnalyzer(default_allowlist())
    for text in ["no links here.", "a evil.com b", "x\u3000evil.com\u2028y", "문의:http://a.kr/b 감사합니다.다음",
                 "1.2.3.4 and 5.6.7.8", "end with dot.", "evil.com", "  http://x  "]:
        assert analyzer.find(text) == _plain_find(text), text


@_SETTINGS
@given(st.lists(st.sampled_from(list("0123456789+()- .*xX?원,가a") + ["010", "112", "1588"]), max_size=30).map("".join))
def test_phone_runs_shorter_than_three_characters_hold_no_number(text):
    plain = [m.span() for run in phones._RUN.finditer(text) for m in phones._ANY.finditer(text, *run.span())]
    assert [m.span() for m in phones._matches(text)] == plain


def test_keyword_hint_patterns_agree_with_substring_tests():
    for words in (message._APP_HINTS, message._MESSENGER_HINTS, text_rules._BROKEN_HINTS, text_rules._CREDENTIAL_HINTS):
        pattern = message.any_word(words)
        for word in words:
            assert pattern.search(f"앞{word}뒤"), word
        assert not pattern.search("아무 관계 없는 문장")


def _plain_deletions(word: str, depth: int) -> set[str]:
    result, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        result |= frontier
    return result


@_SETTINGS
@given(st.text(alphabet="abca-1к", max_size=12), st.integers(min_value=0, max_value=3))
def test_deletions_by_position_pairs_match_repeated_deletion(word, depth):
    from checker.lookalike import _deletions

    assert _deletions(word, depth) == _plain_deletions(word, depth)


_PLAIN_URGENCY = re.compile(
    r"오늘까지|금일중|금일까지|즉시|긴급|24시간이내|기한내|기한까지|미납시|압류|법적조치|정지예정|차단예정|해지예정|"
    r"불이익|마감임박|영구정지|자정까지|영구적으로|(?<!\d)\d+시간(?:이)?내|urgent|immediately|within\d+hours|finalnotice|"
    r"lastchance|expirestoday|actnow|paytoday|today|latefee|permanently"
)


@_SETTINGS
@given(st.lists(st.sampled_from(["1", "24", "٣", "시간", "이", "내", "즉시", "today", "within", "hours", "a", "."]),
                max_size=12).map("".join))
def test_urgency_in_two_parts_matches_the_single_pattern(text):
    plain = _PLAIN_URGENCY.search(text)
    fast = text_rules._first_urgency.search(text)
    assert (plain and (plain.span(), plain.group(0))) == (fast and (fast.span(), fast.group(0)))


@_SETTINGS
@given(st.lists(st.sampled_from(["앱", "어플", "을", "설치", "x", "카톡", "id", "@", "abc_1", ":", "가"]), max_size=10)
       .map("".join))
def test_each_then_is_the_grouped_alternation(text):
    words = ("앱", "어플", "카톡", "x")
    rest = r"(?:을|를)?(?:설치|id)[:：]?@?[a-z0-9_]{0,3}"
    grouped = re.compile("(?:" + "|".join(map(re.escape, words)) + ")" + rest + "|가")
    written_out = re.compile(message.each_then(words, rest) + "|가")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in written_out.finditer(text)]


@_SETTINGS
@given(st.lists(st.sampled_from([" ", "\t", ".", "com", "kr", "x", "가", "-", "ab1", "evil", "\n"]), max_size=14)
       .map("".join))
def test_spaced_dot_with_one_leading_set_matches_the_plain_pattern(text):
    plain = re.compile(r"(?:[ \t]+\.[ \t]*|\.[ \t]+)([A-Za-z]{2,12})(?![A-Za-z0-9-])")
    assert normalize._SPACED_DOT.sub(normalize._join_spaced_dot, text) == plain.sub(normalize._join_spaced_dot, text)
    assert [m.span() for m in normalize._SPACED_DOT.finditer(text)] == [m.span() for m in plain.finditer(text)]
