"""Boundaries of the session-14 spelling rules: mobile numbers in Hangul digits (``checker.hangul_digits``,
PHONE_HANGUL_DIGITS), site names joined letter by letter (TEXT_HYPHENATED_DOMAIN), words in circled letters or separated
jamo (TEXT_LETTER_DISGUISE); and that every match holds one of the hint words that let the checker ask the rule."""

import pytest

from checker.core import Checker
from checker.hangul_digits import PREFIXES, spelled_mobile
from checker.message import HINTS
from checker.rules import spelling

_CHECKER = Checker(model=None)


def _fired(sample: str) -> dict[str, str]:
    return {reason.id: reason.evidence for reason in _CHECKER.check(sample).reasons}


@pytest.mark.parametrize("compact, digits", [
    ("공일공칠칠팔이이구일", "0107782291"),  # ten digits (010-778-2291)
    ("영일영사사구이일칠팔삼", "01044921783"),  # 영 for zero
    ("공일공-사사구이-일칠팔삼", "01044921783"),  # groups joined by hyphens
    ("공일공.구칠일이.삼사오육", "01097123456"),
    ("문의공일공칠칠팔이이구일오늘만", "01077822915"),  # a next word that opens with a digit syllable is read on
])
def test_spelled_mobile_numbers(compact, digits):
    assert spelled_mobile(compact) == digits


@pytest.mark.parametrize("compact", [
    "일이많아서사이에구일오전으로옮길게요",  # digit syllables in prose, no 010
    "공일공번호로연락줘",  # the prefix alone
    "공일공칠칠팔",  # too short for a phone number
    "공-일-공칠칠팔이이구일",  # a prefix broken by symbols is not read (its hint word would be missing)
    "이일공칠칠팔이이구일사",  # not 010
])
def test_not_spelled_mobile_numbers(compact):
    assert spelled_mobile(compact) is None


def test_every_spelled_number_holds_a_hint_word():
    for compact in ("공일공칠칠팔이이구일", "영일영사사구이일칠팔삼"):
        assert spelled_mobile(compact) and any(prefix in compact for prefix in PREFIXES)
    assert spelling._HANGUL_PREFIX_HINT == frozenset(PREFIXES)


def test_hangul_number_evidence_keeps_no_digits_but_the_prefix():
    evidence = _fired("급매 상담 공일공 구칠일이 삼사오육")["PHONE_HANGUL_DIGITS"]
    assert evidence.startswith("010-") and "9712" not in evidence


@pytest.mark.parametrize("sample, evidence", [
    ("슬롯 👉 s-l-o-t-9-9 . n-e-t", "s-l-o-t-9-9.n-e-t"),
    ("오늘밤 오픈 Q _W_R_7_8_9 . C_O_M", "q_w_r_7_8_9.c_o_m"),  # read on the compact text
])
def test_hyphenated_domains(sample, evidence):
    assert _fired(sample).get("TEXT_HYPHENATED_DOMAIN") == evidence


def test_a_plain_tld_is_read_as_a_link_and_judged_by_the_link_rules():
    fired = _fired("접속 w-i-n-8-8 . net")  # joined as w-i-n-8-8.net by the link finder
    assert "URL_OBFUSCATED" in fired and "TEXT_HYPHENATED_DOMAIN" not in fired


@pytest.mark.parametrize("sample", [
    "우리 동호회 사이트는 run-club.kr 이에요",  # words joined by a hyphen
    "K-패스 신청은 k-pass.kr 에서",
    "a-b.net 접속",  # two letters: no chain
    "x-y-z 좌표를 확인하세요",  # no address
])
def test_not_hyphenated_domains(sample):
    assert "TEXT_HYPHENATED_DOMAIN" not in _fired(sample)


def test_every_broken_tld_match_holds_a_hint_word():
    for sample in ("s-l-o-t-9-9.n-e-t", "a-b-c-1.k_r", "q~w~e~1.c~o~m"):
        found = spelling._BROKEN_SITE.search(sample)
        assert found, sample
        assert not spelling._BROKEN_TLD_HINT.isdisjoint(HINTS.found_in(sample))


@pytest.mark.parametrize("sample, word", [
    ("ⓢⓛⓞⓣ 슬롯 잭팟 👉 s-l-o-t-9-9 . n-e-t", "ⓢⓛⓞⓣ"),
    ("즉석 만남 ⓛⓞⓥⓔ 톡 검색 sweet22", "ⓛⓞⓥⓔ"),
    ("ⓔ ⓥ ⓔ ⓝ ⓣ 참여 010-2211-3344", "ⓔ ⓥ ⓔ ⓝ ⓣ"),
    ("여성 알바 ㅅ ㅣ ㄹ ㅈ ㅏ ㅇ 직통 010-9911-2233", "ㅅ ㅣ ㄹ ㅈ ㅏ ㅇ"),  # shown as typed, not as conjoining jamo
    ("ㄷ.ㅐ.ㅊ.ㅜ.ㄹ 당일 010-5521-8834", "ㄷ.ㅐ.ㅊ.ㅜ.ㄹ"),
])
def test_letter_disguise(sample, word):
    assert _fired(sample).get("TEXT_LETTER_DISGUISE", "").startswith(word + " + ")


@pytest.mark.parametrize("sample", [
    "생일 축하해 ⓗⓐⓟⓟⓨ 오늘 저녁 7시에 보자",  # no way to reach anyone
    "① 앱 실행 ② 로그인 ③ 인증 문의 1588-1688",  # circled digits
    "ⓩⓒⓩ22.com 주말 대박",  # a circled address: TEXT_CIRCLED_LETTER_DOMAIN's
    "ㅋ ㅋ ㅋ ㅠ ㅠ 나중에 전화할게 010-2345-6789",  # no consonant-vowel pair
    "ㅇㅋ ㅎㅎ 010-2345-6789",
])
def test_not_letter_disguise(sample):
    assert "TEXT_LETTER_DISGUISE" not in _fired(sample)
