"""Numbers broken over lines or spaces after a word of calling (``phones._BROKEN``): text copied from a phone screen
wraps a payment scare's landline ("소비자문의:02-555-979⏎3"). Read only after 문의/센터/상담/전화 and
only when the digits add up to a Korean number of that prefix; amounts, dates and numbers read already are left alone."""

from checker import phones
from checker.allowlist import default_allowlist

ALLOWLIST = default_allowlist()


def _numbers(text: str) -> list[str]:
    return [p.number for p in phones.find_phones(text, ALLOWLIST)]


def test_numbers_broken_over_lines_after_a_word_of_calling():
    for text, number in [
        ("소비자문의:02-555-979\n3", "025559793"),
        ("고객상담:02-5550-16\n38", "0255501638"),
        ("결제승인번호\n[24611]\n548,000원\n문의전화:02-5\n55-0163", "025550163"),
        ("본인아닐경우 문의:031-555\n-0178", "0315550178"),
        ("고객센터:\n02-555-0\n121", "025550121"),
        ("상담 010-5555\n-0123 으로", "01055550123"),
    ]:
        assert _numbers(text) == [number], text


def test_what_is_not_a_broken_number():
    for text in [
        "문의 02.12.07 10:30 예약",  # a date and a time
        "전화 02-12-34-5 입니다",  # too few digits for a Seoul number
        "문의 010\n1234",  # too few digits for a mobile
        "결제금액 02\n원",
        "문의하신 금액 0원\n123,000원",
        "call 02-555\n0123",  # not a Korean text
        "주문 02-555\n0123 건",  # no word of calling
    ]:
        assert _numbers(text) == [], text


def test_a_number_read_already_is_not_read_again_nor_swallowed():
    # The strict reading wins where it starts; a number of its own on the next line is not glued to a prefix.
    assert _numbers("문의 02-555-0123\n12월 휴무") == ["025550123"]
    assert _numbers("문의 02\n010-5555-0123") == ["01055550123"]
    assert _numbers("무료거부 080-555-0000 고객센터 031-555\n-0178") == ["0805550000", "0315550178"]
