"""Session 14 review: boundaries that the session's comments and docstrings name but no test pinned (each case here
fails if the guard it names is taken out). Texts written for these tests."""

import pytest

from checker import Checker
from checker.urls import extract_urls

_CHECKER = Checker(model=None)


def _fired(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "fires"), [
    ("안녕하세요 제가 번호를 잘못 저장했나 봐요 ㅎㅎ 이것도 인연인데 우리 친구할래요?", True),
    # The reader's slip, not the sender's: "잘못 저장하신".
    ("번호를 잘못 저장하신 것 같아요. 이것도 인연인데 친구해요", False),
    # The courtship before the apology is no opener that goes on after it.
    ("우리 알고 지내요? 아 죄송해요 제가 번호를 잘못 입력했네요", False),
])
def test_korean_wrong_number_opener(text, fires):
    assert ("TEXT_WRONG_NUMBER_SMALL_TALK" in _fired(text)) is fires


def test_new_number_errand_asks_after_the_new_number():
    # "송금 가능" told before the new number is an earlier matter, not the ask.
    text = "지난번에 송금 가능한지 물었던 거 해결됐어. 나 번호 바꿨어 저장해줘. 빌린 돈은 내일 바로 갚을게"
    assert "TEXT_FRIEND_TRANSFER_ERRAND" not in _fired(text)


@pytest.mark.parametrize(("text", "fires"), [
    ("대리 부르실 땐 스피드대리 적립 10회 시 1회 무료 ☎ 010-2234-5678", True),
    # The company's own mobile is the sign: a 1588 number is a registered business line.
    ("대리 부르실 땐 스피드대리 적립 10회 시 1회 무료 ☎ 1588-4321", False),
    # 대리점 is a shop, not a driver company's name.
    ("해든 본부대리점입니다. 적립 포인트 안내드립니다. 문의 010-2234-5678", False),
])
def test_driver_company_with_its_mobile(text, fires):
    assert ("TEXT_UNSOLICITED_ADVERT" in _fired(text)) is fires


@pytest.mark.parametrize(("text", "fires"), [
    ("ㅋㅋ x b u . t v 보자", True),
    ("ㅋㅋ b u . t v 보자", False),  # two spaced characters before the dot: texting, not an address
    ("오늘 단어 퀴즈: w e l . c o m e 를 붙여 읽으면?", False),  # a spaced letter after the TLD: a word spelled out
])
def test_spaced_address_run(text, fires):
    assert ("TEXT_SPELLED_OUT_DOMAIN" in _fired(text)) is fires


@pytest.mark.parametrize("text", [
    "감기약은 처방전 없이 살 수 있는 일반의약품입니다. 문의 010-2234-5678",
    "해든약국: 감기약은 처방전 없이 살 수 있습니다. 문의 010-2234-5678",
])
def test_over_the_counter_advice_is_no_drug_sale(text):
    assert "TEXT_DRUG_SALE" not in _fired(text)


@pytest.mark.parametrize(("text", "url", "obfuscated"), [
    (" ①haeden.com 접속 ②로그인", "haeden.com", False),
    # No list goes on after it: the circled digit is part of a disguise.
    ("①haeden.com 접속 로그인", "1haeden.com", True),
    # Glued to a word before it: no list item.
    ("해든①haeden.com 접속 ②로그인", "1haeden.com", True),
])
def test_circled_number_before_a_link(text, url, obfuscated):
    (info,) = extract_urls(text)
    assert info.url == url and ("obfuscated" in info.flags) is obfuscated
