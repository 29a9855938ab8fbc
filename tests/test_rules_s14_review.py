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
    # Since session 15 any number but 080 (KISA dev: driver reports with 15xx/16xx numbers and local landlines, no ham).
    ("대리 부르실 땐 스피드대리 적립 10회 시 1회 무료 ☎ 1588-4321", True),
    # A free 080 number is an advert's opt-out line, not the company's own.
    ("대리 부르실 땐 스피드대리 적립 10회 시 1회 무료 ☎ 080-123-4321", False),
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


@pytest.mark.parametrize(("text", "rule_id", "fires"), [
    ("[해든몰] 적립 포인트 3,200P 이번달 말 소멸 예정! 네이버 검색창에 '해든몰' 검색 후 사용하세요",
     "TEXT_PRIZE_SEARCH_BOX", True),
    # A labelled advert with its opt-out is the shop's own reminder.
    ("(광고)[해든몰] 적립 포인트 3,200P 이번달 말 소멸 예정! 네이버 검색창에 '해든몰' 검색 후 사용하세요 무료거부 080-123-4567",
     "TEXT_PRIZE_SEARCH_BOX", False),
    ("[해든백화점] 개점 이벤트 당첨을 축하드립니다. 당첨자 확인은 카카오톡 채널 '해든백화점'에서 확인하세요",
     "TEXT_PRIZE_CHANNEL_CLAIM", True),
    (("(광고)[해든백화점] 개점 이벤트 당첨을 축하드립니다. 당첨자 확인은 카카오톡 채널 '해든백화점'에서 확인하세요 "
      "무료수신거부 080-123-4567"), "TEXT_PRIZE_CHANNEL_CLAIM", False),
    ("[해든몰] 이벤트 당첨 안내. 상품권 수령을 위해 성함과 생년월일을 문자로 회신해 주세요", "TEXT_PRIZE_REPLY_DATA", True),
    # The organiser's own denial.
    ("[해든몰] 이벤트 당첨 안내. 당사는 생년월일을 문자로 회신 요구하지 않습니다", "TEXT_PRIZE_REPLY_DATA", False),
    # A number, but no ask to call after the money word.
    ("[해든구청] 주정차 과태료 미납 안내 02-2087-5513", "PHONE_PUBLIC_BODY_MONEY_CALLBACK", False),
])
def test_no_link_prize_and_money_guards(text, rule_id, fires):
    assert (rule_id in _fired(text)) is fires
