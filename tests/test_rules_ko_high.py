"""Korean lures that carry a way to be harmed and reach high (wip10-ko-smish-high): the public-body and summons
teasers' 6 points need a short text and a foreign link; parcel wordings that are lures and the shop wordings that are
not (texts written for these tests)."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _scores(text: str) -> dict[str, float]:
    return {reason.id: reason.score for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "rule"), [
    ("[질병관리청] 예방접종 증명서 발급 완료 본인확인 https://cert-kd.kr/x1", "TEXT_PUBLIC_BODY_LURE"),
    ("[예비군] 소집훈련 일정 확인 http://rsv-call.net/a", "TEXT_PUBLIC_BODY_LURE"),
    ("형사소송건으로 법원출석서가 발부되었습니다. 확인 www.court-paper.co/7", "TEXT_COURT_POLICE"),
])
def test_short_teaser_with_a_foreign_link_counts_six(text, rule):
    assert _scores(text).get(rule) == 6


@pytest.mark.parametrize(("text", "rule"), [
    # A long notice that names the body among its particulars keeps the ordinary 3 points.
    (("[행복동 주민센터] 이번 달 소식입니다. 예비군 훈련 일정은 구청 누리집을 확인하시고, 경로당 프로그램과 도서관 휴관일, "
     "재활용 분리배출 요일 변경, 여름철 무더위 쉼터 운영 시간, 주민자치 회의 결과, 작은 음악회 일정과 장소, 방문 건강상담 "
     "신청 방법도 함께 알려드립니다. 늘 건강하세요. 자세히 https://haengbok-news.kr/9"),
     "TEXT_PUBLIC_BODY_LURE"),
    # The investigation's words in an advert keep 3 points.
    ("(광고) 형사소송 전문 상담 https://lawyer-desk.com 무료거부 080-000-1111", "TEXT_COURT_POLICE"),
])
def test_long_notices_and_adverts_keep_the_weak_form(text, rule):
    assert _scores(text).get(rule) == 3


def test_a_go_kr_link_is_no_teaser():
    assert "TEXT_PUBLIC_BODY_LURE" not in _scores("[질병관리청] 예방접종 예약 완료. 조회 https://ncvr.kdca.go.kr")


@pytest.mark.parametrize("text", [
    "(롯데택배)송장 12-*3-45* 배송오류 배송지를 재설정해주세요 http://lt-adr.kr/1",
    "[택배] 부재중 보관중인 미수취 상품이 있습니다 bit.ly/3abcDE",
    "택배 배송 시도에 실패했습니다. 주소 확인 www.redeliver-now.com/q",
])
def test_parcel_lure_wordings(text):
    assert "TEXT_DELIVERY_LURE" in _scores(text)


@pytest.mark.parametrize("text", [
    "[그린몰] 상품이 발송되었습니다. 배송오류 시 고객센터 문의 https://greenmall-shop.kr/o/1",
    "[그린몰] 배송오류문의는 https://greenmall-shop.kr/cs 로 남겨주세요",
])
def test_a_shop_s_delivery_error_contact_is_no_lure(text):
    assert "TEXT_DELIVERY_LURE" not in _scores(text)


@pytest.mark.parametrize(("text", "fires"), [
    ("Arrest warrant issued in your name, settle at https://warrant-pay.example.top", True),
    ("Warrants outstanding: call now https://court-desk.example.top", True),
    ("ROLEX watches, 2 years warranty, free shipping: https://watch-sale.example.com", False),
    ("Extended warranties at half price https://warranty-shop.example.com", False),
])
def test_warranty_is_no_warrant(text, fires):
    assert ("TEXT_COURT_POLICE" in _scores(text)) is fires
