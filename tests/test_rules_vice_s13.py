"""Boundaries of the session-13 vice rules: addresses written with circled or full-width letters
(TEXT_CIRCLED_LETTER_DOMAIN), KakaoTalk and Telegram misspelt before an ID (TEXT_DISGUISED_MESSENGER), 10 % written
with a letter l (TEXT_GAMBLING_BONUS); and that every match holds one of the hint words that let the checker ask the
rule at all."""

import pytest

from checker.core import Checker
from checker.message import HINTS
from checker.rules import gambling, text

_CHECKER = Checker(model=None)


def _fired(sample: str) -> dict[str, str]:
    return {reason.id: reason.evidence for reason in _CHECKER.check(sample).reasons}


def _hinted(words, sample: str) -> bool:
    return not words.isdisjoint(HINTS.found_in(sample))


@pytest.mark.parametrize("sample, evidence", [
    ("바로 드려요 nⓢe4⑧.com100출 합니다", "nse48.com"),  # run into "100출": no link is read
    ("새주소ＱＷ-5821.COMCODE: HT77", "qw-5821.com"),  # full-width letters mixed in, run into "CODE"
    ("★소개-1234ⓙujuka12⑤.com[FW]", "1234jujuka125.com"),  # the hyphen that opens the run is dropped
    ("오세요 ⓩⓒⓩ12.comZ-카-지-노", "zcz12.com"),
])
def test_circled_letter_domains(sample, evidence):
    assert _fired(sample).get("TEXT_CIRCLED_LETTER_DOMAIN") == evidence


@pytest.mark.parametrize("sample", [
    "[구청] 신청 방법 ⓐ 신청서 작성 ⓑ 제출: www.gov.kr",  # circled letters as a list's markers
    "ＳＫ텔레콤 고객님 요금 안내 www.tworld.co.kr",  # full-width letters in a name, not in the address
    "주문 완료 shop12.comⓚ 감사합니다",  # the odd letter is in a word run into the address, not in it
    "오늘 특가 ⓐⓑⓒ 이벤트 abc12.com",  # circled letters and a plain address apart
])
def test_no_circled_letter_domain(sample):
    assert "TEXT_CIRCLED_LETTER_DOMAIN" not in _fired(sample)


def test_a_link_the_finder_read_is_counted_once():
    # The link finder reads "ako-7.com" (NFKC) and flags it obfuscated: URL_OBFUSCATED's evidence, not this rule's.
    fired = _fired("ⓐⓚⓞ-7.com 안녕하세요 저녁 맛있게 드세요")
    assert "URL_OBFUSCATED" in fired
    assert "TEXT_CIRCLED_LETTER_DOMAIN" not in fired


def test_a_circled_number_opening_the_run_is_a_list_marker():
    class Fake:
        raw = "①abc.com 접속 ②로그인"
        text = "1abc.com 접속 2로그인"
        hint_words = HINTS.found_in("1abc.com접속2로그인")
        url_flags = frozenset()
        urls = ()

    assert gambling._odd_letter_domain(Fake()) is None


@pytest.mark.parametrize("compact, expected", [
    ("매주lo%환급", "lo%"), ("매.주.l.o.%.환.급", "l.o.%"), ("손해->l-o-%재지급", "l-o-%"), ("메충l0%/5%", "l0%"),
    ("차후lo%적립", None), ("hello%", None), ("lo%할인", None),
])
def test_ten_percent_with_a_letter_l(compact, expected):
    found = gambling._LETTER_L_PERCENT.search(compact)
    assert (found.group(0) if found else None) == expected


@pytest.mark.parametrize("compact, expected", [
    ("▶꺠떡goldin77▶", "꺠떡goldin77"), ("퉬@gd7788", "퉬@gd7788"), ("카까오[tim55]", "카까오[tim55"),
    ("테leg램sy900", "테leg램sy900"), ("까톡보낼게~", None), ("똑카:", None),
])
def test_misspelt_messenger_before_an_id(compact, expected):
    found = gambling._MISSPELT_MESSENGER_ID.search(compact)
    assert (found.group(0) if found else None) == expected
    if found:
        assert _hinted(gambling._MISSPELT_MESSENGER_HINT, found.group(0))


def test_misspelt_messenger_evidence_names_no_id():
    assert _fired("가입만 해도 버거셋 ▶꺠떡 goldin77")["TEXT_DISGUISED_MESSENGER"] == "꺠떡 + ID"


@pytest.mark.parametrize("compact", ["쳣20%", "먜10%", "쳣충", "먜충30"])
def test_misspelt_first_and_every_deposit(compact):
    found = gambling._JARGON.search(compact)
    assert found and _hinted(gambling._JARGON_HINT, found.group(0))


@pytest.mark.parametrize("compact", ["쳣날부터", "먜일일찍"])
def test_misspelt_syllables_without_a_deposit_are_no_jargon(compact):
    assert not gambling._JARGON.search(compact)


@pytest.mark.parametrize("compact", [
    "회원들은안전한재미를찾는여성들이며", "여성회원들이당신을기다리고", "프로필을방문하여비밀메시지를보냈습니다", "짝을이루고싶어합니다",
    "원나잇에만관심", "(29세163cm)금방온라인을했습니다", "방금온라인했습니다",
])
def test_dating_site_scripts(compact):
    found = text._HOOKUP.search(compact)
    assert found and _hinted(text._HOOKUP_HINT, found.group(0))


def test_exchange_security_upgrade_head_hint():
    found = text._ACCOUNT.search("kucoin-xx.com으로이동하여보안업그레이드를완료하십시오")
    assert found and found.group(0).startswith("으로이동하여")
