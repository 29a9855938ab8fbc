"""Session 15 review: one call-back or one short-code reply counted once (rules alone, without the model).

TEXT_SIGN_IN_ALERT_CALLBACK steps aside where TEXT_ACCOUNT_ALERT reads the same number beside the account's state, and
TEXT_REPLY_KEYWORD_OFFER where TEXT_PREMIUM_RATE reads the same keyword sent to a short code: each pair made a bank's
or a carrier's own notice high on its words and one contact. The lures keep a rule and stay flagged."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _ids(text):
    verdict = _CHECKER.check(text)
    return verdict.risk, set(verdict.reason_ids())


@pytest.mark.parametrize("text", [
    # A bank's own alert that has locked online access, with its (unlisted) main number: the model may still vote.
    ("Harbor Bank: a new device signed in to your online banking on 12/06. For your security, online access is "
    "temporarily locked. If this wasn't you, call 1-800-555-0142."),
    ("ALERT: unusual sign-in to your account from Lagos, NG. Your account is temporarily suspended. If this wasn't you "
    "call our fraud desk 1-833-771-2094 now."),
])
def test_sign_in_alert_counted_once_beside_account_alert(text):
    risk, ids = _ids(text)
    assert "TEXT_ACCOUNT_ALERT" in ids and "TEXT_SIGN_IN_ALERT_CALLBACK" not in ids
    assert risk == "medium"


def test_sign_in_alert_alone_still_counts():
    risk, ids = _ids("Northgate Bank: New login to your account from an iPhone. If this wasn't you, please call "
                     "0330 912 4583.")
    assert ids == {"TEXT_SIGN_IN_ALERT_CALLBACK"} and risk == "medium"


@pytest.mark.parametrize("text", [
    "Brightwave: you're eligible for a free upgrade to the latest Galaxy. Text UPGRADE to 62210 to see your options.",
    "FINAL NOTICE: u could be entitled to £2,870 compensation for mis-sold car finance. Txt REFUND to 61945 now",
])
def test_keyword_offer_counted_once_beside_short_code(text):
    risk, ids = _ids(text)
    assert ids == {"TEXT_PREMIUM_RATE"} and risk == "medium"


def test_keyword_offer_with_freephone_still_counts():
    risk, ids = _ids("Hurt in a crash that wasn't your fault? You may be entitled to up to £4,200. Reply INFO or call "
                     "free 0800 612 4478 today.")
    assert "TEXT_REPLY_KEYWORD_OFFER" in ids and risk == "medium"


@pytest.mark.parametrize(("number", "risk"), [("1661-4471", "medium"), ("010-4821-7730", "high")])
def test_card_courier_high_only_with_a_rented_number(number, risk):
    verdict = _CHECKER.check(f"[한빛카드] 체크카드가 발송되었습니다. 본인이 신청하지 않은 경우 {number} 로 문의하세요.")
    assert "PHONE_CARD_COURIER_CALLBACK" in verdict.reason_ids() and verdict.risk == risk
