"""The speed-ups of the pipeline (input checks, normalisation pre-checks, verdict building) give exactly the
answers of the plain formulations they replace.

Each fast path is compared with the plain code it stands for: on chosen edge cases, on random text drawn so
that the fast path is taken and left often, and on the real messages of ../shared (skipped when absent).
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import core, normalize
from checker.rules import REGISTRY, Finding
from checker.scoring import combine
from checker.verdict import Hit, make_hit

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
        assert normalize.strip_invisible(text) == normalize.plain_strip_invisible(text)
        assert normalize.compact(text) == normalize.plain_compact(text)
        fast_dot = ("d" in text or "D" in text) and normalize._spells_out_a_dot(text.lower())
        assert fast_dot == _plain_spelled_dot(text)
        normalized = normalize.normalize(text)
        assert normalize.compact(normalized) == normalize.plain_compact(normalized)
        assert normalize.normalize_and_compact(text) == (normalized, normalize.plain_compact(normalized))



# Hits as ``Checker._verdict`` builds them: any registered rules (each at most once), each with its own points
# or other points (a Finding's score), sorted strongest first; ``forced`` are the levels their rules force.
_RULES = sorted(REGISTRY.values(), key=lambda rule: rule.id)
_HITS = st.lists(
    st.tuples(st.sampled_from(_RULES), st.sampled_from([None, 0.5, 1, 1.5, 2.0, 3, 4.5, 6.0, 10.0])),
    max_size=6, unique_by=lambda case: case[0].id,
)


def _found_hits(cases) -> list[Hit]:
    """Hits as the rules find them (in no particular order), before ``Checker._rank`` sorts them."""
    return [make_hit(rule.id, rule.score if score is None else score, rule.ko, rule.en, rule.id.lower(), rule.group)
            for rule, score in cases]


def _plainly_ranked(checker: core.Checker, hits: list[Hit]) -> tuple[tuple[Hit, ...], str, float]:
    """What ``_verdict`` did before ``_rank``: sort the hits strongest first, then ``combine`` them."""
    ranked = sorted(hits, key=core._strongest_first)
    forced = [REGISTRY[hit.id].force for hit in hits if REGISTRY[hit.id].force]
    return (tuple(ranked), *combine(ranked, forced, carriers=checker._carriers))


@_SETTINGS
@given(_HITS)
def test_remembered_rank_matches_sort_and_combine(cases):
    checker = _checker()
    hits = _found_hits(cases)
    if not hits:
        return
    expected = _plainly_ranked(checker, hits)
    assert checker.plain_rank(hits) == expected
    assert checker._rank(hits) == expected
    assert checker._rank(hits) == expected  # the second time from the cache
    again = [make_hit(h.id, h.score, h.ko, h.en, h.evidence + "!", h.group) for h in hits]  # other evidence
    assert checker._rank(again) == _plainly_ranked(checker, again)


def test_remembered_rank_is_bounded():
    checker = core.Checker(model=None)
    rule = REGISTRY["MODEL_TEXT"]
    for i in range(10_050):
        hits = _found_hits([(rule, 1 + i / 100_000)])
        assert checker._rank(hits) == _plainly_ranked(checker, hits)
    assert len(checker._ranked) == 10_000


_CHECKER: list[core.Checker] = []


def _checker() -> core.Checker:
    if not _CHECKER:
        _CHECKER.append(core.Checker(model=None))
    return _CHECKER[0]


def test_every_whitespace_but_the_space_is_non_printable():
    # What ``compact`` relies on to tell, after removing blanks and line breaks, that no whitespace is left.
    for code in range(0x110000):
        char = chr(code)
        if char.isspace() and char != " ":
            assert not char.isprintable(), hex(code)


def test_compact_cases():
    for text in ["", " ", "소 비 쿠 폰", "A\nB", "a\tb", "a\u3000b", "a\u2028b", "a\x1cb", "a\x85b", "a\u200bb",
                 "İstanbul X", "ß Straße", "\n\n", "가\u00a0나", "x\u1680y", "\ue000 a", "\U0001f600 b\u0378"]:
        assert normalize.compact(text) == normalize.plain_compact(text), repr(text)


_WHITESPACE = [chr(code) for code in range(0x110000) if chr(code).isspace()]


@_SETTINGS
@given(st.lists(st.one_of(_ALPHABET, st.sampled_from(_WHITESPACE), st.characters()), max_size=40).map("".join))
def test_compact_property(text):
    assert normalize.compact(text) == normalize.plain_compact(text)


def test_only_ascii_d_lower_cases_to_a_d():
    # What ``normalize`` relies on to skip lower-casing texts without a "d" or "D" for the spelled-out dot test.
    for code in range(0x110000):
        char = chr(code)
        if char not in "dD":
            assert "d" not in char.lower(), hex(code)


def _plain_spelled_dot(text: str) -> bool:
    lower = text.lower()
    return " dot " in lower or "\tdot" in lower or "dot\t" in lower


@_SETTINGS
@given(_TEXT)
def test_spelled_dot_test_without_lower_casing(text):
    fast = ("d" in text or "D" in text) and normalize._spells_out_a_dot(text.lower())
    assert fast == _plain_spelled_dot(text)


def test_spelled_dot_cases():
    for text in ["naver dot com", "naver DOT com", "a\tdot b", "a dot\tb", "adotb", "dot", " dot ", "İ dot x", "ḍot x"]:
        fast = ("d" in text or "D" in text) and normalize._spells_out_a_dot(text.lower())
        assert fast == _plain_spelled_dot(text), text


def test_printable_characters_to_strip_are_listed():
    # What ``strip_invisible`` relies on: a printable text (once line breaks and tabs are removed) holds nothing to
    # strip but the listed printable invisibles.
    printable = sorted(chr(code) for code in range(0x110000) if normalize._STRIP.match(chr(code)) and chr(code).isprintable())
    assert printable == sorted(normalize._PRINTABLE_INVISIBLE)


def test_strip_invisible_every_code_point():
    for code in range(0x110000):
        for text in (chr(code), "확인" + chr(code) + "\n", "ok\t" + chr(code)):
            assert normalize.strip_invisible(text) == normalize.plain_strip_invisible(text), hex(code)


@_SETTINGS
@given(st.lists(st.one_of(_ALPHABET, st.characters()), max_size=40).map("".join))
def test_strip_invisible_property(text):
    assert normalize.strip_invisible(text) == normalize.plain_strip_invisible(text)


_NORMALIZE_CASES = [
    "", " ", "\n", "소 비 쿠 폰", "A\nB\tC", "a\u3000b", "a\u00a0b", "a\u2028b", "a\x1cb", "a\x85b", "a\u200bb",
    "\u3164확인", "확\uffa0인", "İstanbul X", "ΟΔΟΣ ΑΣ Β", "ß Straße", "ｈｔｔｐｓ：／／ｅｖｉｌ．ｃｏｍ", "①번 확인",
    "hxxp://evil[.]com", "h t t p : / / evil . com", "https:/\n/x.kr", "naver dot com", "evil .xyz 로", "a\r\nb",
    "evil。com", "\ud800 a", "[Web발신]\n택배 조회 http://x.kr", "Call 010-1234-5678 NOW", "\t\t", "x\u1680y",
]


def _plain_normalize_and_compact(text: str) -> tuple[str, str]:
    normalized = normalize.normalize(text)
    return normalized, normalize.plain_compact(normalized)


def test_normalize_and_compact_cases():
    for text in _NORMALIZE_CASES:
        assert normalize.normalize_and_compact(text) == _plain_normalize_and_compact(text), repr(text)


def test_normalize_and_compact_every_code_point():
    for code in range(0, 0x110000, 3):
        for text in (chr(code), "확인 " + chr(code) + "\n요", "Ok\t" + chr(code) + " x"):
            assert normalize.normalize_and_compact(text) == _plain_normalize_and_compact(text), hex(code)


@_SETTINGS
@given(st.lists(st.one_of(_ALPHABET, st.sampled_from(_WHITESPACE), st.sampled_from(_NORMALIZE_CASES),
                          st.characters()), max_size=40).map("".join))
def test_normalize_and_compact_property(text):
    assert normalize.normalize_and_compact(text) == _plain_normalize_and_compact(text)


def test_a_visible_text_holds_no_lone_surrogate():
    # ``Checker`` skips the test for lone surrogates when normalisation found the raw text "visible".
    for code in range(0, 0x110000, 3):
        for text in (chr(code), "확인 " + chr(code) + "\n요", "Ok\t" + chr(code) + " x"):
            if normalize.normalize_compact_and_check(text)[2]:
                assert not _plain_has_lone_surrogate(text), hex(code)
    for code in (0xD800, 0xDBFF, 0xDC00, 0xDFFF):
        assert not normalize.normalize_compact_and_check("가" + chr(code) + "나")[2]


@_SETTINGS
@given(st.lists(st.one_of(_ALPHABET, st.characters()), max_size=40).map("".join))
def test_visible_text_property(text):
    text_, compacted, visible = normalize.normalize_compact_and_check(text)
    assert (text_, compacted) == _plain_normalize_and_compact(text)
    if visible:
        assert not _plain_has_lone_surrogate(text)
        assert normalize.plain_strip_invisible(text) == text


def _first_error_one_by_one(items: list[core.Item]) -> str | None:
    """The error that validating the items one by one, in order, raises first (what ``check_many`` did)."""
    try:
        for item in items:
            core.validate_text(item.text)
            core.validate_sender(item.sender)
    except core.InputError as error:
        return str(error)
    return None


_ITEMS = st.lists(
    st.builds(core.Item, st.sampled_from(["확인", "가\ud800나", "", " \n", "x" * (core.MAX_TEXT_LENGTH + 1), 3,
                                          "\u200b링크", "\x00a"]),
              st.sampled_from([None, "01012345678", "\udfff", 5])),
    min_size=1, max_size=5,
)


@_SETTINGS
@given(_ITEMS)
def test_check_many_raises_the_first_error_in_item_order(items):
    checker = _checker_without_model()
    expected = _first_error_one_by_one(items)
    try:
        checker.check_many(items)
    except core.InputError as error:
        assert str(error) == expected
    else:
        assert expected is None


def test_lone_surrogates_are_refused_in_any_item():
    checker = _checker_without_model()
    for items in ([core.Item("가\ud800나")], [core.Item("ok"), core.Item("\udfff")], [core.Item("ok", "\ud800")],
                  [core.Item("ok"), core.Item("ok\u200b\ud800")]):
        try:
            checker.check_many(items)
        except core.InputError as error:
            assert str(error) == core.SURROGATE_MESSAGE
        else:
            raise AssertionError(f"{items} accepted")


def test_only_the_ideographic_full_stop_survives_nfkc():
    # ``_undisguise`` looks only for U+3002 after NFKC: the other full stops of ``_DOTS`` never survive it.
    for code in normalize._DOTS:
        folded = unicodedata.normalize("NFKC", "가" + chr(code) + "a")
        assert not (set(folded) & {chr(other) for other in normalize._DOTS if other != 0x3002}), hex(code)


@functools.lru_cache(maxsize=1)
def _checker_without_model() -> core.Checker:
    return core.Checker(model=None)


def _plain_hit(rule, found) -> Hit:
    """The hit as ``Checker._verdict`` built it for every finding before hits were remembered."""
    if isinstance(found, Finding):
        return Hit(rule.id, found.score if found.score is not None else rule.score, found.ko or rule.ko,
                   found.en or rule.en, found.evidence, rule.group)
    return Hit(rule.id, rule.score, rule.ko, rule.en, str(found), rule.group)


_SHARED_FINDINGS = [Finding("p=0.91", ko="가", en="a"), Finding("x", score=4.5), Finding("y", score=0.0, ko="", en="e")]
_FOUND = st.one_of(
    st.sampled_from(["택배", "http://a.kr", "x", "1588-0000"]),
    st.text(min_size=1, max_size=5),
    st.sampled_from(_SHARED_FINDINGS),
    st.builds(Finding, st.sampled_from(["e", "f"]), st.sampled_from([None, 1.0, 2.5]), st.sampled_from(["", "ko"]),
              st.sampled_from(["", "en"])),
    st.sampled_from([True, 3, ["a"]]),
)


@_SETTINGS
@given(st.lists(st.tuples(st.sampled_from(_RULES), _FOUND), max_size=20))
def test_remembered_hits_match_the_plain_hits(cases):
    checker = _checker_without_model()
    for rule, found in cases + cases:  # each case twice: built, then remembered
        hit = checker._hit(rule, found)
        assert hit == _plain_hit(rule, found) == core.hit_for(rule, found)
        assert hit.__dict__ == _plain_hit(rule, found).__dict__


def test_remembered_hits_are_bounded():
    checker = core.Checker(model=None)
    rule = _RULES[0]
    for i in range(12_000):
        assert checker._hit(rule, f"evidence {i}").evidence == f"evidence {i}"
        assert checker._hit(rule, Finding(f"f {i}")).evidence == f"f {i}"
    assert len(checker._plain_hits) == len(checker._finding_hits) == 10_000


def _plain_may_be_defanged(lower: str) -> bool:
    return lower.count("ttp") > lower.count("http") or any(word in lower for word in normalize._DEFANGED)


def test_defang_search_cases():
    for text in ["", "http://a.kr", "https://a", "ttp://x", "xttp", "hxxp", "hxxps://a", "h**p", "hzzp", "htxp", "hxtp",
                 "hxp", "httphttp", "htttp", "hhttp", "tttp", "ttpttp", "http ttp", "h ttp", "hxx p", "가ttp",
                 # The substring tests before the search: their words without a defanged scheme, and hint-free texts.
                 "hx", "hz", "h*", "htx", "h*p", "hx p", "htxx", "http://hxa.kr", "https://x.kr/h*", "plain text"]:
        assert normalize._may_be_defanged(text) == _plain_may_be_defanged(text), text


@_SETTINGS
@given(st.lists(st.sampled_from(list("htpxz*s:/ 가.") + ["http", "https", "hxxp", "ttp", "h**p", "hzzp", "htxp",
                                                        "hxtp", "hxp"]), max_size=20).map("".join))
def test_defang_search_property(text):
    assert normalize._may_be_defanged(text) == _plain_may_be_defanged(text)


def test_defang_search_on_real_texts(shared_data):
    for text in _real_texts(shared_data):
        lower = text.lower()
        assert normalize._may_be_defanged(lower) == _plain_may_be_defanged(lower)


# ``normalize.nfkc`` replaces the listed compatibility characters by their NFKC forms and keeps that when it is NFKC.
# Around them: combining marks (which compose with a letter or reorder), conjoining and compatibility jamo (which
# compose into syllables), Hangul syllables (which take a trailing jamo) and plain letters.
_NFKC_NEIGHBOURS = ["a", "e", " ", "가", "각", "ㄱ", "ㅏ", "\u1100", "\u1161", "\u11a8", "\u0301", "\u0308", "\u0323",
                    "\u05b0", "\u3099", "\u309a", "\u0b3e", "\u0cd5", "\U0001d15e", "\u00a8", "\u2126"]


def test_nfkc_every_listed_character_in_context():
    for char in normalize._COMPATIBLE:
        for before in ("", *_NFKC_NEIGHBOURS):
            for after in ("", *_NFKC_NEIGHBOURS):
                text = before + char + after
                assert normalize.nfkc(text) == unicodedata.normalize("NFKC", text), ascii(text)


@_SETTINGS
@given(st.lists(st.one_of(st.sampled_from(sorted(normalize._COMPATIBLE)), st.sampled_from(_NFKC_NEIGHBOURS),
                          st.characters()), max_size=20).map("".join))
def test_nfkc_property(text):
    assert normalize.nfkc(text) == unicodedata.normalize("NFKC", text)


def test_nfkc_on_real_texts(shared_data):
    for text in _real_texts(shared_data):
        assert normalize.nfkc(text) == unicodedata.normalize("NFKC", text)
