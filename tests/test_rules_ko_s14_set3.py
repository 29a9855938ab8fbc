"""Session 14, held-out set 3 gaps (texts written for these tests): who counts as a body putting money at stake, the points
PHONE_PUBLIC_BODY_MONEY_CALLBACK gives, a Latin word inside a bank's denial, a messenger ID after "상담", and a damage in
transit that happened against a shop's terms for one."""

import pytest

from checker import Checker
from checker.message import Message
from checker.rules.impersonation import _money_sender

_CHECKER = Checker(model=None)


def _message(text: str) -> Message:
    return Message(text, None, _CHECKER.allowlist, _CHECKER.analyzer)


def _scores(text: str) -> dict[str, float]:
    return {reason.id: reason.score for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "sender"), [
    ("[해든구청] 체납 안내", "해든구청"),
    ("[Web발신] [서울정형외과의원] 환불 안내", "서울정형외과의원"),
    ("(민방위) 과태료 안내", "민방위"),
    ("[행복도시가스] 보증금 환급", "행복도시가스"),
    ("[해든카페] 환불 안내", None),   # a café is no institution whose name a lure borrows for a refund
    ("해든병원 환불 안내", None),     # not a bracketed sender name
])
def test_bracketed_sender_of_an_institutions_kind(text, sender):
    found = _money_sender(_message(text))
    assert (found[0] if found else None) == sender


def test_listed_public_body_is_the_sender_with_its_official_numbers():
    owner, official = _money_sender(_message("[국민건강보험공단] 환급금 안내"))
    assert owner == "National Health Insurance Service" and "15771000" in official


@pytest.mark.parametrize(("text", "points"), [
    # The allowlist knows NHIS's 1577-1000: another number is the stronger sign (still medium alone).
    ("[국민건강보험공단] 환급금 81,200원 발생. 신청 문의 02-2087-5513", 4),
    # An unlisted body's number cannot be compared with anything.
    ("[해든구청] 주정차 과태료 미납 안내. 납부 문의 02-2087-5513", 3),
])
def test_points_of_the_money_callback(text, points):
    assert _scores(text).get("PHONE_PUBLIC_BODY_MONEY_CALLBACK") == points


@pytest.mark.parametrize("text", [
    "[국민건강보험공단] 환급금 81,200원 발생. 신청 문의 1577-1000",       # its own number
    "[국민건강보험공단] 환급금 81,200원 발생. 신청은 www.nhis.or.kr 문의 02-2087-5513",  # its own site
    "[해든구청] 주정차 과태료 안내. 과태료는 구청 누리집에서 확인하세요",      # no number to call
    "(광고)[해든학원] 수강료 환불 보장 이벤트 문의 010-2087-5513",           # an advert
    "[해든구청] 과태료 사칭 문자 주의: 문의 02-2087-5513",                   # a warning
])
def test_money_callback_stays_silent(text):
    assert "PHONE_PUBLIC_BODY_MONEY_CALLBACK" not in _scores(text)


def test_listed_body_with_a_rented_number_is_the_other_rules():
    scores = _scores("[국민건강보험공단] 환급금 81,200원 발생. 신청 문의 010-2087-5513")
    assert "PHONE_NOT_OFFICIAL_FOR_SENDER" in scores and "PHONE_PUBLIC_BODY_MONEY_CALLBACK" not in scores


@pytest.mark.parametrize(("text", "install"), [
    ("당행은 문자로 앱 설치나 URL 접속을 요구하지 않습니다", False),
    ("당행은 문자로 앱 설치나 QR 촬영을 요청드리지 않습니다", False),
    ("보안을 위해 앱 설치 후 URL 접속을 요구하지 않으면 정지됩니다", True),  # the threat "if not" is no denial
    ("보안 앱 설치 후 URL 접속 바랍니다", True),
])
def test_a_latin_link_word_inside_a_denial(text, install):
    assert bool(_message(text).app_install) is install


@pytest.mark.parametrize(("text", "messenger"), [
    ("한도 승인 완료. 카톡 상담 ID: fund_help77", True),
    ("한도 승인 완료. 카톡 문의 아이디 fund77", True),
    ("상담은 카톡 상담 가능합니다", False),
])
def test_messenger_id_after_a_service_word(text, messenger):
    assert bool(_message(text).messenger) is messenger


@pytest.mark.parametrize(("text", "fires"), [
    ("고객님 택배 배송 중 파손이 확인되어 보상 접수가 필요합니다. 담당 070-5512-3348", True),
    ("배송 도중 상품이 파손되어 보상 처리 예정입니다. 문의 070-5512-3348", True),
    ("배송 중 파손이 발생한 경우 3일 이내 070-5512-3348로 연락 주세요", False),
    ("배송 중 파손된 상품은 교환해 드립니다. 문의 070-5512-3348", False),
])
def test_damage_in_transit_that_happened(text, fires):
    assert ("TEXT_DELIVERY_LURE" in _scores(text)) is fires
