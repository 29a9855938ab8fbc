"""Boundaries of the session-12 vice rules: spelled-out domains (TEXT_SPELLED_OUT_DOMAIN), free site money
(TEXT_GAMBLING_FREE_MONEY), gambling-site offers (TEXT_GAMBLING_SITE_OFFER) and the hostess-bar slang of
TEXT_ADULT_SERVICE; and that every match holds one of the hint words that let the checker ask the rule at all."""

import pytest

from checker.message import HINTS
from checker.rules import gambling, text


def _hinted(words, sample: str) -> bool:
    return not words.isdisjoint(HINTS.found_in(sample))


@pytest.mark.parametrize("compact", [
    "rgyh57쩜컴", "tj-825쩜컴", "bg-777쩜코옴", "89ysz,.씨0m", "78yak,씨om", "77yks.⊂ᄋm3", "23dua,⊂0엠", "edr56.c0엠",
    "rew21.cᄋ엠", "cab66.c'o'm", "gdj55.c_o_m", "oneline888.씨오엠",
])
def test_spelled_out_domains(compact):
    found = gambling._SPELLED_OUT_DOMAIN.search(compact)
    assert found
    assert _hinted(gambling._SPELLED_OUT_HINT, found.group(0))


@pytest.mark.parametrize("compact, expected", [
    ("dkdk20닷컴", True), ("---sj-25닷컴", True), ("hkh57닷컴", True),
    ("ssg닷컴", False), ("u+닷컴", False), ("(동의일자:2019-)-오설록닷컴", False), ("2019-닷컴", False),
])
def test_dotcom_needs_a_name_with_a_letter_and_a_digit(compact, expected):
    assert bool(gambling._SPELLED_OUT_DOTCOM.search(compact)) is expected


@pytest.mark.parametrize("compact", [
    "카지노마음으로대우vo.la/abc코드발급:gg88", "라칸카지노뵤증10억", "토토놀이터가입코드kk12", "마인카지노신규3+3",
    "배팅bet-v16신규30co드731",
])
def test_site_offers(compact):
    assert gambling._SITE_OFFER.search(compact)


@pytest.mark.parametrize("compact", [
    "캐릭터슬롯확장권지급,쿠폰코드:maple2026",  # a coupon code, not a sign-up code
    "카지노호텔겨울패키지조식2인무료",
    "슬롯에유심을넣고인증코드:123456입력",
])
def test_site_offer_boundary(compact):
    assert not gambling._SITE_OFFER.search(compact)


@pytest.mark.parametrize("compact", [
    "1012345678님6만원넣어드렸어요이동>moon33.krcode>7777",
    "6만원입금완료바로사용가능입장>snow9.krcode>1004",
])
def test_gift_money_with_a_code_prompt(compact):
    found = gambling._GIFT_WITH_CODE.search(compact)
    assert found and _hinted(gambling._CODE_PROMPT_HINT, found.group(0))


@pytest.mark.parametrize("compact, expected", [
    ("신규30,000지급출금150,000", True),
    ("가입5o,ooo원행사300출도전", True),
    ("30,000신규쿱100,000환가능", True),
    ("50,000원입금x30만원까지환전", True),
    ("신규가입고객님께1만원캐시백!자동화기기출금수수료면제", False),  # 고객 stands between the sign-up and the sum
])
def test_signup_cash_out(compact, expected):
    found = gambling._SIGNUP_CASH_OUT.search(compact)
    assert bool(found) is expected
    if found:
        assert _hinted(gambling._CASH_OUT_HINT, found.group(0))
        assert any(word in found.group(0) for word in gambling._SIGNUP_WORDS)


@pytest.mark.parametrize("compact", [
    "강남역삼풀(4)롱매직미러", "풀{4}롱", "퓰#쌀$롱", "룸쌀룽", "정통룸", "nf언니와술", "출근넘침", "하루출근200명",
    "뉴페이스영입", "20대새얼굴", "노래방도우미", "선수많습니다", "최저주대", "원샷15투샷20", "풀쵸이스",
])
def test_venue_slang(compact):
    found = text._VENUE_SLANG.search(compact)
    assert found and _hinted(text._VENUE_SLANG_HINT, found.group(0))


@pytest.mark.parametrize("compact", ["포퓰리즘", "대형룸예약가능", "퍼블릭골프장", "네이처리퍼블릭", "20대청년취업"])
def test_venue_slang_boundary(compact):
    assert not text._VENUE_SLANG.search(compact)


@pytest.mark.parametrize("compact", ["여자랑꿀~전♥(화)", "이성과/야/릇데화하기", "여♥자랑핫..하게전♥화", "이성과1:1대화"])
def test_phone_chat(compact):
    found = text._PHONE_CHAT.search(compact)
    assert found and _hinted(text._PHONE_CHAT_HINT, found.group(0))
