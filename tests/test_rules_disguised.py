"""TEXT_DISGUISED_WORDS and the English lure wordings of rules 2026-12 (texts written for these tests)."""

import pytest

from checker import Checker
from checker.rules import text as text_rules

_CHECKER = Checker(model=None)


def _ids(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize("text", [
    "Your acc0unt is restricted, sign in at http://help-center-secure.top/x",
    "Pay-ment overdue for your plan, settle now: http://plan-settle.info/p",
    "Your p\u0430ypal wallet needs review: http://wallet-review.site/w",  # a Cyrillic а
    "FRM:Support SUBJ:Alert MSG:Card review pending http://card-review.online/c",
])
def test_disguised_words_fire_with_a_channel(text):
    assert "TEXT_DISGUISED_WORDS" in _ids(text)


@pytest.mark.parametrize("text", [
    "Your acc0unt is restricted, sign in at the branch",  # no channel
    "gr8 news, c u 2nite 4 dinner https://www.google.com/maps/place/Riverside",
    "Faith makes \u03b1ll things possible https://church-events.example.org/ev",  # decorative Greek alpha
    "I will deliver. You know where: https://www.openstreetmap.org/x",
    "Sale now on https://shop.example.com/Pay-ment/appl3i9",  # the link's own spelling is for the link rules
    "all seats frm col bukd 4 2day. this msg i got frm the office, call 07700 900461",
])
def test_disguised_words_stay_quiet(text):
    assert "TEXT_DISGUISED_WORDS" not in _ids(text)


def test_disguises_of_a_word():
    forms = text_rules._disguises("payment")
    assert {"p4yment", "p@yment", "paym3nt", "paymen.t", "pay-ment", "pay_ment"} <= forms
    assert "payment" not in forms
    assert not any(sep in form for form in text_rules._disguises("login") for sep in "._-")


@pytest.mark.parametrize(("text", "rule"), [
    ("Your bank KYC is pending, account will be blocked: http://kyc-desk.in/k", "TEXT_ACCOUNT_ALERT"),
    ("Your account has been suspended, restore it at http://restore-access.top/r", "TEXT_ACCOUNT_ALERT"),
    ("We were unable to process your last payment, update details: http://billing-fix.co/b", "TEXT_ACCOUNT_ALERT"),
    ("We attempted to deliver your parcel, no safe place. Book again: http://parcel-slot.info/s", "TEXT_DELIVERY_LURE"),
    ("Your item will be returned to sender unless you pay the unpaid postage fee http://post-fee.top/f",
     "TEXT_DELIVERY_LURE"),
])
def test_english_lure_wordings(text, rule):
    assert rule in _ids(text)


@pytest.mark.parametrize("text", [
    "Due to the lockdown the id office is closed, details http://council-news.example.org/n",
    "Meeting rescheduled to 3pm, see https://calendar.example.com/e",
    "Sorry I couldn't deliver the cake today, will try tomorrow!",
])
def test_english_lure_wordings_stay_quiet(text):
    assert not _ids(text) & {"TEXT_ACCOUNT_ALERT", "TEXT_DELIVERY_LURE"}
