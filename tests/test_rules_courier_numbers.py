"""The delivery person's own mobile in a carrier's notice (``_courier_numbers``): weaker evidence in
PHONE_NOT_OFFICIAL_FOR_SENDER than a number to call the carrier on."""

import pytest


def _courier_numbers(text):
    from checker.core import Checker
    from checker.message import Message
    from checker.rules.impersonation import _courier_numbers as found

    checker = Checker(model=None)
    return found(Message(text, None, checker.allowlist, checker.analyzer))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("배송기사 010-2233-4455 로 연락주세요", "01022334455"),
        ("담당자 : 010-2233-4455", "01022334455"),
        ("배송사원: 010-7730-1184", "01077301184"),  # CJ대한통운's delivered notice
        ("■ 택배원 : (☎ 010-4417-2093)", "01044172093"),  # 한진택배's pick-up notice
    ],
)
def test_courier_numbers(text, number):
    assert _courier_numbers(text) == {number}


@pytest.mark.parametrize("text", ["고객센터 010-2233-4455", "회사원 010-2233-4455", "사원증 발급 문의 010-2233-4455"])
def test_other_numbers_are_not_the_couriers(text):
    assert _courier_numbers(text) == set()


def test_a_courier_number_is_the_weak_form():
    from checker.core import Checker

    verdict = Checker(model=None).check(
        "고객님께서 주문하신 상품을 배송완료 하였습니다.\nCJ대한통운 택배를 이용해주셔서 감사합니다.\n"
        "운송장번호: 684412930011\n배송사원: 010-7730-1184"
    )
    hit = next(h for h in verdict.reasons if h.id == "PHONE_NOT_OFFICIAL_FOR_SENDER")
    assert hit.score < 4 and verdict.risk == "low"
