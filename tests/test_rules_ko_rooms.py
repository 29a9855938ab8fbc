"""TEXT_ROOM_PASSWORD_LINK with a Hangul-named link (session 13): the code's forms that count (six digits, letters and
digits) and those that do not (a temporary password, a count, a sum); and TEXT_GAMBLING_SITE_OFFER yielding to a
futures advert's 배팅."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _ids(text):
    return {hit.id for hit in _CHECKER.check(text).reasons}


@pytest.mark.parametrize("text", [
    "(광고)가온투자 무료 정보 공유 가온정보방.kr 입장코드 : 246810 무료거부 080-000-3001",
    "(광고)가온투자 무료 정보 공유 가온정보방.kr 비번 gy88 무료거부 080-000-3002",
    "(광고)가온투자 무료 정보 공유 가온정보방.kr 참여코드:7720 무료거부 080-000-3003",
])
def test_room_code_beside_a_hangul_named_link(text):
    assert "TEXT_ROOM_PASSWORD_LINK" in _ids(text), text


@pytest.mark.parametrize("text", [
    "(광고)가온투자 설명회 가온정보방.kr 입장 2000명 선착순 무료거부 080-000-3004",  # a count, not a code
    "(광고)가온투자 설명회 가온정보방.kr 입장코드 : 50000원 무료거부 080-000-3005",  # a sum
    "[가온구청] 가온투표.kr 에서 초기비밀번호 1234 로 접속 후 변경하세요",
    "(광고)가온투자 설명회 gaon-invest.co.kr 입장코드 : 246810 무료거부 080-000-3006",  # a plain domain hides nothing
])
def test_no_room_code(text):
    assert "TEXT_ROOM_PASSWORD_LINK" not in _ids(text), text


def test_gambling_offer_still_fires_without_futures():
    text = "카지노 신규 가입코드 : gg77 배팅 무제한 가온카지노.com"
    assert "TEXT_GAMBLING_SITE_OFFER" in _ids(text)


def test_gambling_offer_yields_to_a_futures_bet():
    text = "(광고)해외선물 무료방 가온선물방.kr 입장코드 : ab12 하락에도 배팅 가능 무료거부 080-000-3007"
    ids = _ids(text)
    assert "TEXT_GAMBLING_SITE_OFFER" not in ids and "TEXT_ROOM_PASSWORD_LINK" in ids
