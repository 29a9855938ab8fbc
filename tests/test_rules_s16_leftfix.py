"""Session 16: one carrier counted once (rules alone, without the model), and a receipt that is no payment scare.

* TEXT_ADULT_CONTENT_LURE and TEXT_CASINO_GAME_MENU step aside where a messenger ID is the advert's only way to act: the
  ID is TEXT_MESSENGER_CONTACT's. With a link too, they read the link.
* PHONE_NOT_OFFICIAL_FOR_SENDER steps aside where a call-back lure rule reads the same number (it tells by the end of
  that rule's evidence: these tests pin the evidence formats it relies on).
* TEXT_ACCOUNT_ALERT steps aside where TEXT_PAYMENT_SCARE reads the same number or link; TEXT_SIGN_IN_ALERT_CALLBACK
  then does not take the number either.
"""

import pytest

from checker import Checker
from checker.rules import REGISTRY

_CHECKER = Checker(model=None)


def _hits(text):
    verdict = _CHECKER.check(text)
    return verdict.risk, {hit.id: hit for hit in verdict.reasons}


@pytest.mark.parametrize("text, advert_rule", [
    ("(광고) 성인웹툰 무삭제 전편 무료감상 텔레그램 @night_toon88", "TEXT_ADULT_CONTENT_LURE"),
    ("(광고) 홀덤 바카라 슬롯 24시간 운영 카톡 아이디 wp7733", "TEXT_CASINO_GAME_MENU"),
])
def test_messenger_id_as_only_carrier_counted_once(text, advert_rule):
    risk, hits = _hits(text)
    assert "TEXT_MESSENGER_CONTACT" in hits and advert_rule not in hits
    assert risk == "medium"


@pytest.mark.parametrize("text, advert_rule", [
    ("(광고) 성인웹툰 무삭제 전편 무료감상 ▶ bit.ly/4nTn8q 텔레그램 @night_toon88", "TEXT_ADULT_CONTENT_LURE"),
    ("(광고) 홀덤 바카라 슬롯 24시간 운영 접속 wp7733-bet.com 카톡 아이디 wp7733", "TEXT_CASINO_GAME_MENU"),
])
def test_advert_rule_reads_its_link_beside_the_id(text, advert_rule):
    _, hits = _hits(text)
    assert {"TEXT_MESSENGER_CONTACT", advert_rule} <= set(hits)


@pytest.mark.parametrize("text, lure", [
    ("[신한카드] 카드 배송기사입니다. 본인이 신청하지 않으셨으면 010-5127-3308로 전화주세요", "PHONE_CARD_COURIER_CALLBACK"),
    ("[신한카드] 신청하신 카드를 배송기사가 전달드립니다. 본인이 신청하지 않으셨다면 1661-7702로 문의 바랍니다.",
     "PHONE_CARD_COURIER_CALLBACK"),
    ("[광주은행] 민생회복 소비쿠폰 지급이 보류되었습니다. 본인 확인이 필요하오니 고객센터 1600-0000 으로 연락 바랍니다.",
     "PHONE_PAYOUT_CALLBACK"),
    ("Wells Fargo: Someone signed in to your account from an iPhone. If this was not you, call 1-844-318-2290.",
     "TEXT_SIGN_IN_ALERT_CALLBACK"),
])
def test_callback_lure_reads_the_number_once(text, lure):
    _, hits = _hits(text)
    assert lure in hits and "PHONE_NOT_OFFICIAL_FOR_SENDER" not in hits
    # The step-aside compares the end of the lure's evidence with the number's digits.
    assert hits[lure].evidence.endswith(
        "".join(ch for ch in next(p.number for p in _CHECKER.check(text).phones if not p.official) if ch.isdigit())[-8:]
    )


def test_not_official_number_still_counts_without_a_callback_lure():
    _, hits = _hits("[신한카드] 고객님 한도 상향 대상입니다. 담당 상담 010-5127-3308")
    assert "PHONE_NOT_OFFICIAL_FOR_SENDER" in hits


def test_callback_lures_are_registered():
    from checker.rules.impersonation import _CALLBACK_LURES

    assert all(lure in REGISTRY for lure in _CALLBACK_LURES)


@pytest.mark.parametrize("text", [
    "[국제발신] 고객님 해외쇼핑 결제금액 712,000원 이상거래감지 본인아닐시 취소요청 전화 1661-2035",
    "HSBC: A payment of £642.10 was attempted from a new device. If this was not you, visit hsbc-payment-cancel.com",
    ("Chase: unusual sign-in from a new device and a payment of $740.00 was made. If this was not you, call "
     "1-833-442-9107 now."),
])
def test_payment_scare_reads_its_channel_once(text):
    risk, hits = _hits(text)
    assert "TEXT_PAYMENT_SCARE" in hits
    assert not {"TEXT_ACCOUNT_ALERT", "TEXT_SIGN_IN_ALERT_CALLBACK"} & set(hits)
    assert risk == "medium"


@pytest.mark.parametrize("text, scare", [
    ("[카카오T] 택시 이용요금 16,800원이 등록하신 카드로 결제되었습니다. 이용 문의 1599-9400", False),
    ("[카카오T 대리운전] 운행이 종료되었습니다. 요금 31,000원이 등록 카드로 결제되었습니다. 문의 1599-9400", False),
    ("[카카오T] 택시 이용요금 5만원이 결제되었습니다. 문의 1599-9400", False),
    ("[카카오T] 고객님 결제금액 1,289,000원 결제되었습니다. 문의 1599-4127", True),
    ("[Web발신] [한빛저축] 정부지원 대출 대상자로 승인되었습니다. 최대 3,000만원 상담 1588-7216", True),
    ("[해외결제] 고객님 48,900원 정상처리 되었습니다. 문의 010-7714-2036", True),
])
def test_receipt_with_main_line_is_no_scare(text, scare):
    _, hits = _hits(text)
    assert ("TEXT_PAYMENT_SCARE" in hits) is scare
