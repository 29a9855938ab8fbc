"""The speed-ups of the hot path give exactly the answers of the plain formulations they replace.

Each fast path (a pre-check that skips a regex, a pattern rewritten so the regex engine can skip ahead,
a token scan without ``str.split``) is compared here with the straightforward code it stands for, on
chosen cases and on random text over an alphabet that makes the patterns fire often.
"""

from __future__ import annotations

import gc
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import core, message, model_text, normalize, phones, urls
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
    for text in ["가.나", "가._나", "가__나", "가____나", "가...나", "가....나", "가.나.다", "a.나", "가_나_다", "가 나",
                 "가é나", "가ㄱ나", "가A.나", "가\u00b2나", "가\u3000나", "가.\u200b나", "가-1나"]:
        assert message._SPLIT_HANGUL.sub("", text) == plain.sub("", text), text


@_SETTINGS
@given(_TEXT)
def test_split_hangul_property(text):
    plain = re.compile(r"(?<=[가-힣])(?:[^\w가-힣]{1,3}|_{1,3})(?=[가-힣])")
    assert message._SPLIT_HANGUL.sub("", text) == plain.sub("", text)


# The plain form of normalize._SPACED_SCHEME: a word-start "\b" instead of its cheaper test, and the same line breaks
# inside or right after "://" (rules 2026-11-25.2 joins links wrapped there; this copy had kept the older pattern, so
# Hypothesis failed whenever it drew "http://" followed by a line break).
_PLAIN_SPACED_SCHEME = re.compile(
    r"\bh[ \t]*t[ \t]*t[ \t]*p[ \t]*(s?)[ \t]*:[ \t\n:]*/[ \t\n]*/[ \t\n]*", re.IGNORECASE
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
    for text in ["h t t p : / / evil.com", "xhttp://a.com", "가http://a.com", "HTTPS:://a.kr", "_http://a", "http://\n",
                 "a http://\nb.com", "https:\n//a.kr"]:
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
     "확인", " ", "\n", "\u3000", "\x1c", "\u2028", "-", "_", ":", "//", "[::1]", "https://[2001:db8::1]:8080/x",
     # letters that (?i) folds to ASCII ones, the Hangul-domain endings, and a full stop between syllables
     "\u0130", "\u0131", "\u017f", "\u212a", ".kr", ".한국", ".com", ".net", ".org", "다.감", "é.", "a@b"]
)


@_SETTINGS
@given(st.lists(_URLISH, max_size=12).map("".join))
def test_link_token_scan_matches_splitting_the_text(text):
    assert urls.UrlAnalyzer(default_allowlist()).find(text) == _plain_find(text)


def test_link_token_scan_cases():
    analyzer = urls.UrlAnalyzer(default_allowlist())
    for text in ["no links here.", "a evil.com b", "x\u3000evil.com\u2028y", "문의:http://a.kr/b 감사합니다.다음",
                 "1.2.3.4 and 5.6.7.8", "end with dot.", "evil.com", "  http://x  ", "합니다.감사 우체국.kr", "접속.한국",
                 "\u212aakao.com", "ſhop.com", "감사.com", "가.나.net", "이.org@evil.com", "-.com"]:
        assert analyzer.find(text) == _plain_find(text), text


@_SETTINGS
@given(st.lists(st.sampled_from(list("0123456789+()- .*xX?원,가a") + ["010", "112", "1588"]), max_size=30).map("".join))
def test_phone_runs_shorter_than_three_characters_hold_no_number(text):
    plain = [m.span() for run in phones._RUN.finditer(text) for m in phones._ANY.finditer(text, *run.span())]
    assert [(start, start + len(written)) for _, written, _, start in phones._matches(text)] == plain


def test_keyword_hints_agree_with_substring_tests():
    # (tests/test_fast_paths_keywords.py compares the hint scan with substring tests on real messages)
    for words in (message._APP_HINTS, message._MESSENGER_HINTS, text_rules._BROKEN_HINTS, text_rules._CREDENTIAL_HINTS):
        group = frozenset(words)
        for word in words:
            assert word in message.HINTS.found_in(f"앞{word}뒤"), word
            assert message.mentions_any(_Scanned(f"앞{word}뒤"), group), word
        assert not message.mentions_any(_Scanned("아무 관계 없는 문장"), group)


class _Scanned:
    def __init__(self, compact_text: str) -> None:
        self.hint_words = message.HINTS.found_in(compact_text)


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


@_SETTINGS
@given(st.lists(st.sampled_from(["0", "1", "9", " ", "\n", "\t", ".", ",", ":", "/", "-", "a", "가", "00", "٣"]),
                max_size=16).map("".join))
def test_numbers_in_one_pass_match_the_two_passes(text):
    two_passes = re.sub(r"0(?:[\s.,:/-]?0)+", "0", re.sub(r"[0-9]+", "0", text))
    assert model_text._NUMBERS.sub("0", text) == two_passes


@_SETTINGS
@given(st.lists(st.sampled_from(list("0123456789+()- .*xX?원,가a") + ["010", "112", "(1", "+8"]), max_size=30)
       .map("".join))
def test_long_phone_candidates_are_the_runs_of_eight_characters_or_more(text):
    plain = [m.span() for m in phones._RUN.finditer(text) if m.end() - m.start() >= phones._SHORTEST_LONG_NUMBER]
    found = [m.span() for m in phones._CANDIDATE.finditer(text) if m.end() - m.start() >= phones._SHORTEST_LONG_NUMBER]
    assert found == plain


_BRACKETISH = st.lists(
    st.sampled_from(["[", "]", "(", ")", "{", "}", "<", ">", ".", ":", "dot", "DoT", "점", " ", "\t", "a", "가"]),
    max_size=12,
).map("".join)


@_SETTINGS
@given(_BRACKETISH)
def test_bracket_pre_check_never_skips_a_change(text):
    if not normalize._BRACKETED.search(text):
        assert normalize._BRACKET_COLON.sub(":", text) == text
        assert normalize._BRACKET_DOT.sub(".", text) == text


_SCHEMEISH = st.lists(
    st.sampled_from(["h", "t", "p", "s", "H", "T", ":", "/", " ", "\t", "x", "http", "https", "://", "http://",
                     "HTTP://", "가", "_"]),
    max_size=14,
).map("".join)


@_SETTINGS
@given(_SCHEMEISH)
def test_plain_schemes_are_rewritten_to_themselves(text):
    if normalize._plain_schemes_only(text):
        assert normalize._SPACED_SCHEME.sub(normalize._join_scheme, text) == text


def test_plain_scheme_cases():
    for text in ["see http://a.com and https://b.kr/x", "xhttp://a", "가https://a"]:
        assert normalize._plain_schemes_only(text), text
    for text in ["HTTP://a", "h ttp://a", "http:// a", "http:://a", "hxxp://a", "http:/ /a", "http://"]:
        assert not normalize._plain_schemes_only(text) or normalize._SPACED_SCHEME.sub(
            normalize._join_scheme, text) == text, text
    assert not normalize._plain_schemes_only("HTTP://a")


@_SETTINGS
@given(st.lists(st.sampled_from(["kb", "국민", "은행", "카드", "shinhan", "card", "bc", "[kt]", "118", "x", "1", " "]),
                max_size=10).map("".join))
def test_keyword_scanner_finds_what_the_trie_regex_finds(text):
    allowlist = default_allowlist()
    full = [m.group(0) for m in allowlist.keyword_pattern.finditer(text)]
    assert allowlist.keyword_scanner.find_matches_as_strings(text) == full
    named = list(dict.fromkeys(o for k in full for o in allowlist.keyword_owners[k]))
    assert [i.owner for i in allowlist.institutions_named_in(text)] == named


def test_batch_restores_the_cyclic_collector():
    was = gc.isenabled()
    try:
        gc.enable()
        with core._cyclic_gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled()
        with pytest.raises(RuntimeError), core._cyclic_gc_paused():
            raise RuntimeError("a failing batch")
        assert gc.isenabled()
        gc.disable()  # a program that turned it off itself keeps it off
        with core._cyclic_gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def _plain_netloc(url: str) -> str | None:
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).netloc
    except ValueError:
        return None


@_SETTINGS
@given(st.lists(st.sampled_from(["http", "://", "//", ":", "/", "?", "#", "a", "B", "1", "+", "-", ".", "[", "]",
                                 "::1", "v1.x", "1.2.3.4", " ", "\t", "\x00", "가", "ℂ", "℀", "@", "x:"]),
                max_size=10).map("".join))
def test_netloc_short_way_matches_urlsplit(url):
    assert urls._netloc(url) == _plain_netloc(url)


def test_netloc_cases():
    for url in ["http://evil.com/a?b#c", "https://a.kr", "http://[::1]:80/x", "http://[1.2.3.4]/", "http://a]b/",
                "http://\u2100.com/", "http://가.kr/x", " http://a.com", "http://a.com\t/x", "ftp://a@b:21", "a.com",
                "1http://a", "http:a.com"]:
        assert urls._netloc(url) == _plain_netloc(url), url
