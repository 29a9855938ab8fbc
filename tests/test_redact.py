"""checker.redact: personal numbers and e-mail addresses never survive; ordinary digits do."""

from __future__ import annotations

import pytest

from checker.redact import number_key, phone_digits, redact

CASES = [
    ("연락 010-1234-5678 주세요", "연락 [전화번호] 주세요", ("01012345678",)),
    ("+82 10 1234 5678", "[전화번호]", ("01012345678",)),
    ("010.1234.5678", "[전화번호]", ("01012345678",)),
    ("서울 02-123-4567", "서울 [전화번호]", ("021234567",)),
    ("02)1234-5678", "[전화번호]", ("0212345678",)),
    ("인터넷전화 070-1234-5678", "인터넷전화 [전화번호]", ("07012345678",)),
    ("안심번호 0504-123-4567", "안심번호 [전화번호]", ("05041234567",)),
    ("대표번호 1588-1234", "대표번호 [전화번호]", ("15881234",)),
    ("주민번호 900101-1234567", "주민번호 [주민등록번호]", ()),
    ("카드 1234-5678-9012-3456 결제", "카드 [카드번호] 결제", ()),
    ("카드 1234567890123456", "카드 [카드번호]", ()),
    ("신한 110-123-456789 입금", "신한 [계좌번호] 입금", ()),
    ("국민 123456-01-123456", "국민 [계좌번호]", ()),
    ("메일 a.b+c@example.co.kr 로", "메일 [이메일] 로", ()),
    # Other countries' numbers: the contact in a "wrong number" opener can be a real person's.
    ("Add my WhatsApp +65 8000 0000", "Add my WhatsApp [전화번호]", ("6580000000",)),
    ("UK +44 7700 900123.", "UK [전화번호].", ("447700900123",)),
    ("call +1 (808) 000-0190 now", "call [전화번호] now", ("18080000190",)),
    # North-American numbers written the US way, kept as the checker lists them (1 and ten digits).
    ("call (786) 319-4482 now", "call [전화번호] now", ("17863194482",)),
    ("Call 1-888-000-0142 to cancel", "Call [전화번호] to cancel", ("18880000142",)),
    ("dial 800.555.0100", "dial [전화번호]", ("18005550100",)),
]


@pytest.mark.parametrize(("text", "expected", "phones"), CASES, ids=[c[1] for c in CASES])
def test_personal_data_is_replaced(text, expected, phones):
    result = redact(text)
    assert result.text == expected
    assert result.phones == phones


@pytest.mark.parametrize(
    "text",
    ["인증번호 123456", "2024-11-25 배송 예정", "금액 1,000,000원", "han.gl/abc 확인", "쿠폰 10% 할인",
     "Flight BA 2490 on 12.05.2025 at 10:30", "$1,500.00 to Maria", "score 3+2=5, +1 point", "version 2.3.4567"],
)
def test_ordinary_digits_are_kept(text):
    assert redact(text).text == text


def test_official_numbers_are_kept():
    result = redact(
        "국세청 126, 카드사 1588-8700 또는 010-1111-2222", is_official_phone=lambda d: d == "15888700"
    )
    assert result.text == "국세청 126, 카드사 1588-8700 또는 [전화번호]"
    assert result.phones == ("01011112222",)


def test_number_in_url_is_redacted():
    assert redact("http://evil.example/a?p=01012345678").text == "http://evil.example/a?p=[전화번호]"


def test_phone_digits_handles_international_form():
    assert phone_digits("+82-10-1234-5678") == "01012345678"
    assert phone_digits("010-1234-5678") == "01012345678"


def test_phone_digits_are_ascii_digits_only():
    # Full-width digits are the same number after NFKC; other scripts' digits are not dialled.
    assert phone_digits("０１０-１２３４-５６７８") == "01012345678"
    assert phone_digits("\U00016ac0\u0663") == ""
    assert phone_digits("010-\u0663\u0664-5678") == "0105678"
    # number_key needs ASCII: it must accept whatever phone_digits returns.
    assert len(number_key("\U00016ac0 010", b"k")) == 32


def test_number_key_is_keyed_and_stable():
    assert number_key("010-1234-5678", b"a") == number_key("01012345678", b"a")
    assert number_key("01012345678", b"a") != number_key("01012345678", b"b")
    assert "01012345678" not in number_key("01012345678", b"a")


def test_a_redacted_number_matches_the_checkers_listing():
    """Call-center lookups match a stored number by its digits: redaction and the checker must agree."""
    from checker import Checker

    text = "Chase: Did you attempt a payment of $1,500.00? If NOT, call (786) 319-4482 or WhatsApp +65 8000 0000"
    listed = {phone_digits(p["number"]) for p in Checker(model=None).check(text).to_dict()["phones"]}
    assert set(redact(text).phones) == listed == {"17863194482", "6580000000"}
