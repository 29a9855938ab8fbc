"""Merchant descriptors in card notices (``checker.rules.merchant``): the shop as the card network prints it is no
link, and everything a lure does to make a capitalised name a link to follow keeps it one."""

import pytest


def _descriptors(text):
    from checker.core import Checker
    from checker.message import Message
    from checker.rules.merchant import is_merchant_descriptor

    checker = Checker(model=None)
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    return [url.url for url in msg.risky_urls if is_merchant_descriptor(url, msg)]


@pytest.mark.parametrize(
    ("text", "merchant"),
    [
        ("[현대카드] 해외 결제 승인 안내 USD 19.99 NETFLIX.COM 본인 사용이 아니면 현대카드 앱", "NETFLIX.COM"),
        ("[KB국민카드] 해외 이용 안내: USD 42.00 승인(AMAZON.COM).", "AMAZON.COM"),
        ("[현대카드]-해외승인\n최*민님\nUSD 15.49\nNETFLIX.COM\n11/06 03:12", "NETFLIX.COM"),
        ("Did you attempt a $1,240.00 transaction at APPLE.COM/BILL with card ending 0391?", "APPLE.COM/BILL"),
        ("A USD 12.99 charge from NETFLIX.COM was approved.", "NETFLIX.COM"),
    ],
)
def test_merchant_in_its_slot(text, merchant):
    assert _descriptors(text) == [merchant]


@pytest.mark.parametrize(
    "text",
    [
        "[현대카드] 해외승인 USD 19.99 netflix.com",  # written in lower case: a link
        "Did you attempt a $1,240.00 transaction at APPLE.COM/VERIFY?",  # a path other than /BILL
        "A $499.00 purchase at WWW.REFUND-DESK.COM was declined.",  # www. and a hyphen
        "A $499.00 purchase at CARD-VERIFY.COM was declined.",  # a hyphen
        "A $899.00 purchase at CARDVERIFY.COM was flagged. Visit CARDVERIFY.COM",  # written twice, 'Visit'
        "[KB국민카드] 해외승인 USD 650.00 CARDSAFE24.COM 에서 확인하세요",  # '확인' right after it
        "[KB국민카드] 해외승인 안내 카드 정지 해제는 SAFECARD.COM",  # Hangul words between 승인 and the name
        "해외승인 USD 19.99 NETFLIX.COM 본인 아니면 연락",  # no card issuer named
        "Your account is locked: go to NETFLIX.COM",  # no amount, no 'at'
        "Congratulations you won $500 at LUCKYPRIZE.COM",  # no transaction word
        "Transaction alert: $45.00 at CARDLOGIN.XYZ",  # a risky ending carries another fact
    ],
)
def test_a_capitalised_link_stays_a_link(text):
    assert _descriptors(text) == []
