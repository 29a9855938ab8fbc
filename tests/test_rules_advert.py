"""TEXT_UNSOLICITED_ADVERT: the trade words that make an unsolicited advert (designated drivers, phone shops, property
sales, a broken "(광고)" label), their boundaries (대리 the job title, a bank's own advert), and the rule counting an
advert once: it yields to the loan and prize lures and counts 2 points beside an urgency word."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _hit(text):
    verdict = _CHECKER.check(text)
    return next((h for h in verdict.reasons if h.id == "TEXT_UNSOLICITED_ADVERT"), None), verdict


@pytest.mark.parametrize("text", [
    "(광고)육사콜대리 1회 1,000원 적립 무료거부 080-000-4444",
    "[Web발신](광고)음주후~대_리 054-000-8282 기본요금 15000원 연말 빠른배차 무료거부 080-000-8282",
    "(광고)에이스대◎리 최저가 1분 배차 무료거부 080-000-0082",
    "[Web발신]휴대폰개통처에요. 최신폰 Z플립 40명 선착순 무료 문자로 이름만 보내주세요",
    "(광고)초역세권 오피스텔 분양 선착순 계약금 정액제 무료수신거부 080-000-5165",
    "[광.고]오늘 하루 특별 혜택 무료거부 080-000-1111",
    "<광-고>신규 오픈 이벤트 무료거부 080-000-1112",
    "[Web발신][광고] 하하콜 6390님 첫 부르면 적립 10% 기사 3분 도착 무료거부 080-000-1115",  # no 대리, its promise
    "(광고)미래통신 SK,KT,LG 인터넷과 TV 바꾸고 600,000원 무료거부 080-000-1113",
])
def test_unsolicited_adverts(text):
    hit, verdict = _hit(text)
    assert hit is not None and verdict.risk == "medium", (text, verdict.reasons)


@pytest.mark.parametrize("text", [
    "안녕하세요 한빛상사 김민수 대리입니다. 포인트 적립 내역 보내드렸습니다. 수신거부는 회신 주세요.",
    "(광고)[대리주부] 정기 청소 첫 이용 적립 5천원 무료거부 080-000-1109",  # a cleaning service, not a driver
    "[카카오T 대리] 기사님이 배정되었습니다. 도착 예정 5분.",  # no advert form
    "[KT] 휴대폰 개통이 완료되었습니다. 모델 갤럭시 S25. 문의 114",
    "(광고)[KB국민은행] 청약통장 가입 선착순 1만명 커피! 아파트 분양 청약 준비 무료수신거부 080-000-1303",
    "(광고)[올리브영] 올영세일 20% 쿠폰 무료거부 080-000-0001",
    "(광고) 새 학기 분양 이벤트! 고양이 분양 상담 환영",  # 분양 without a sales push
    "(광고)[한빛마트] 장보기 주문하면 30분 도착! 빠른배송 무료거부 080-000-1116",  # no driver nor dispatch
    "(광고)[LG U+] U+인터넷 신규 가입 혜택 안내 무료거부 080-000-1114",  # a carrier names only itself
])
def test_lawful_look_alikes(text):
    hit, verdict = _hit(text)
    assert hit is None and verdict.risk == "low", (text, verdict.reasons)


def test_yields_to_the_loan_lure():
    text = "(광고)리버뷰시티 분양 선착순 계약 / 저금리 대출 최대 70% 가능 ☎1666-0000 무료거부 080-000-1205"
    hit, verdict = _hit(text)
    assert hit is None and "TEXT_LOAN_LURE" in {h.id for h in verdict.reasons}


def test_two_points_beside_urgency():
    text = "(광고)한빛 모델하우스 선착순 동호지정 마감임박 오늘까지 han.gl/Ab3dE 무료거부 080-000-1206"
    hit, verdict = _hit(text)
    ids = {h.id for h in verdict.reasons}
    assert hit is not None and hit.score == 2 and "TEXT_URGENCY" in ids
    assert verdict.risk == "medium"


@pytest.mark.parametrize(("text", "evidence"), [
    # The company's number is kept, the customer's four digits never reach the evidence.
    ("(광고)1600-22410817님 최적가 5분 도착 무료거부 080-000-2060", "1600-2241+고객번호님"),
    ("[Web발신](광고)[씽씽주행] 1588.2040  7713님 어디든 먼저! 무료거부 080-000-8000", "1588.2040+고객번호님"),
])
def test_driver_call_number_with_customer_digits(text, evidence):
    hit, _ = _hit(text)
    assert hit is not None and hit.evidence == evidence and "7713" not in hit.evidence


@pytest.mark.parametrize("text", [
    "(광고)[한빛마트] 회원번호 15230467님 주말 특가 무료거부 080-000-1111",  # eight digits: a member number
    "[Web발신]1600-22410817님 주문하신 상품이 발송되었습니다",  # no advert form
    "(광고)[한빛마트] 고객센터 1588-0000 / 김민수님 감사합니다 무료거부 080-000-1112",  # digits apart from 님
])
def test_customer_digits_need_a_call_number_and_the_advert_form(text):
    hit, _ = _hit(text)
    assert hit is None, text


@pytest.mark.parametrize("text", [
    "(광고)다온통신 인터넷+TV 교체 후 560,000원 당일 지급 무료거부 080-000-1201",
    "(광고)인*터*넷 갈아타면 현금 50만원 무료수신거부 080-000-1202",
    "(광고)가온통신 인티넷+IPTV 변경 최대 6OO,OOO원 무료거부 080-000-1203",
])
def test_internet_reseller_without_carriers(text):
    hit, verdict = _hit(text)
    assert hit is not None and verdict.risk == "medium", (text, verdict.reasons)


@pytest.mark.parametrize("text", [
    "(광고)[SK브로드밴드] 인터넷 신규 가입 시 40만원 상품권 무료거부 080-000-1301",  # the operator signs it
    "(광고) 딜라이브 인터넷 신규 가입 30만원 혜택 무료거부 080-000-1302",
    "(광고)[한빛손해보험] 인터넷으로 신규 가입 시 3만원 할인 무료거부 080-000-1303",  # internet is the channel
    # The sum is far from the internet's phrase: an electronics store's long list.
    ("(광고)[한빛전자] 인터넷 설치 문의 환영 ■ 세탁기 건조기 냉장고 김치냉장고 정수기 공기청정기 안마의자 TV 모두"
    " 특가 행사 진행 중 ■ 신규 입고 가전 60만원대 무료거부 080-000-1304"),
    "[한빛통신] 인터넷 교체 시 560,000원 드립니다",  # no advert form
])
def test_internet_offers_that_are_no_reseller(text):
    hit, _ = _hit(text)
    assert hit is None, text


@pytest.mark.parametrize("text", [
    "(광고)법인 연말자본금 상담 한결컨설팅 김팀장 무료거부 080-000-1401",  # the service's name in the advert form
    "연말 자본금 현금예금 1억당 2개월 150만원 문의주세요",  # its price, no label
    "잔고증명 무질권 최저가 진행합니다 010-0000-1402",
])
def test_capital_rental(text):
    hit, _ = _hit(text)
    assert hit is not None, text


@pytest.mark.parametrize("text", [
    "법인 연말자본금 계정 정리는 세무사와 상의하세요",  # 연말자본금 without the advert form or terms
    "가입머니 지급 자본금 100억 보증업체 카톡 abc123",  # a gambling site boasting, no rental terms
])
def test_capital_words_without_the_rental(text):
    hit, _ = _hit(text)
    assert hit is None, text


@pytest.mark.parametrize("text", [
    "(광고)별빛대리 올 한 해 감사했습니다 무료수신거부 080-123-4567",
    "[SMS](광고)4321대.리 추위에 건강하세요~ 1688-4321 무료수신거부 080-000-4321",  # a label after another tag
])
def test_driver_greeting_under_its_name(text):
    hit, _ = _hit(text)
    assert hit is not None and hit.evidence.endswith("대리/(광고)"), (text, hit)


@pytest.mark.parametrize("text", [
    "(광고)한빛자동차 박민수대리 새해 복 많이 받으세요 무료거부 080-000-1234",  # a salesman's title
    "별빛대리 올 한 해 감사했습니다 무료수신거부 080-123-4567",  # no label
    "(광고)별빛대리 올 한 해 감사했습니다",  # no opt-out
    "(광고)오늘 하루도 수고 많으셨습니다 편안한 저녁 보내세요 여러분의 든든한 친구 별빛대리 무료수신거부 080-123-4567",
])
def test_no_driver_greeting(text):
    hit, _ = _hit(text)
    assert hit is None, text


def test_broken_mileage_keeps_the_customer_digits_out():
    hit, _ = _hit("[Web발신](광고)한+ 결.대& 리4417님마~ 일5000점 있습니다.무료거부0801239999")
    assert hit is not None and "4417" not in hit.evidence


def test_stock_tip_room_word_boundaries():
    from checker.rules.advert import _TIP_ROOM

    for room in ("무료방입니다", "평생무료정보방입장", "vip방무료받기", "급등주추천방180/300"):
        assert _TIP_ROOM.search(room), room
    # A free visit, a broadcast, a method, and a debt collector's "신용정보 방○○" signature are no room.
    for text in ("무료방문상담", "주식정보방송", "종목추천방법", "미래신용정보방은경"):
        assert _TIP_ROOM.search(text) is None, text
