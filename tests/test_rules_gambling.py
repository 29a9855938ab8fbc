"""The boundary of the deposit-bonus ladder (TEXT_GAMBLING_BONUS): gambling sites' "deposit+bonus" steps
against shops' bundles and discounts, which name a unit or are buy-one-get-one."""

import pytest

from checker.rules.gambling import _bonus_ladder


@pytest.mark.parametrize("text", [
    "3+2 10+5 30+10 50+15",
    "신규 3+3~100+30",
    "10+3/20+6/30+9",
    "【3+3】【5+4】【10+5】",
    "10+4 6+3 3+2",
])
def test_ladders(text):
    assert _bonus_ladder(text)


@pytest.mark.parametrize("text", [
    "1+1, 2+1 행사",  # buy-one-get-one, no step from 10
    "클렌징폼 1+1, 마스크팩 10+10",  # only even pairs
    "3+1 6+2 무료증정",  # no step from 10
    "헬스 6+1개월 / 12+2개월",  # a unit after each pair
    "【3+1】3구매 【12+2】12구매",
    "동네방네형 7+5=12개월분, 형제형 12+4=16개월분",
    "렌즈 20+5% 할인, 30+5% 추가할인",
    "5+5+2 10+3+1",  # sums, not pairs
])
def test_not_ladders(text):
    assert _bonus_ladder(text) is None
