"""Boundaries of the English lure wordings added in session 10 (texts written for these tests): the toll words are not
"toll free" nor a friend's toll-road chat, "package be" needs a delivery state, "we missed you" of friends is no
courier's card, a bare "payment failed" is a vendor's notice."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _ids(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "rule"), [
    ("SunPass: you have an unpaid toll of $3.75. Pay now https://sunpass-tolls.example.top", "TEXT_PUBLIC_BODY_LURE"),
    ("E-toll: your trip on 02/04 be UNPAID. Make a payment http://etoll-au.example.top", "TEXT_PUBLIC_BODY_LURE"),
    ("Dear customer you be entitled to a refund of $402.10, submit at https://refund-desk.example.com",
     "TEXT_PUBLIC_BODY_LURE"),
    ("Evri: your parcel have be held at our depot, pay £1.10 at https://evri-depot.example.com", "TEXT_DELIVERY_LURE"),
    ("Sorry we missed you. Book a new slot: https://post-rebook.example.com", "TEXT_DELIVERY_LURE"),
    ("PayPal: we have permanently limit your account, visit https://pp-review.example.com", "TEXT_ACCOUNT_ALERT"),
    ("Your online banking have be suspend, reactivate at https://ob-restore.example.com", "TEXT_ACCOUNT_ALERT"),
    ("HSBC: an unknown device requested a payee, review https://hsbc-devices.example.com", "TEXT_ACCOUNT_ALERT"),
    ("Your number have win £250,000 in the mobile draw, claim at https://uk-draw.example.com", "TEXT_PRIZE_LURE"),
])
def test_modern_lure_wordings(text, rule):
    assert rule in _ids(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("Questions? Our toll free line 1-800-555-0199 is open 24/7", "TEXT_PUBLIC_BODY_LURE"),
    ("did you pay the toll on the bridge? i forgot https://maps.example.com/route", "TEXT_PUBLIC_BODY_LURE"),
    ("The new benefits package be live on https://hr.example.com", "TEXT_DELIVERY_LURE"),
    ("we missed you last night! pics https://photos.example.com/a", "TEXT_DELIVERY_LURE"),
    ("Gym: your payment failed. Update your card at https://mygym.example.com/account", "TEXT_ACCOUNT_ALERT"),
    ("You can lock your card any time in the app: https://bank.example.com/help", "TEXT_ACCOUNT_ALERT"),
])
def test_look_alikes_stay_quiet(text, rule):
    assert rule not in _ids(text)


@pytest.mark.parametrize("text", [
    "we have wine and cheese at mine tonight, rsvp https://rsvp.example.com/e",
    "the office has windows now lol https://photos.example.com/b",
    "I received 2 ethernet cables, returns label https://returns.example.com/r",
])
def test_prize_words_as_words(text):
    assert "TEXT_PRIZE_LURE" not in _ids(text)


@pytest.mark.parametrize("text", [
    "Congratulation your number have win a Toyota car, call +44 7700 900123 to claim",
])
def test_prize_lemmatised(text):
    assert "TEXT_PRIZE_LURE" in _ids(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("We Owe You an Apology! Your order is ready today: https://shop.example.com/o", "TEXT_PUBLIC_BODY_LURE"),
    ("Your loan application is under review, track it at https://lender.example.com/app", "TEXT_ACCOUNT_ALERT"),
    ("There is an issue with your order, reply or see https://shop.example.com/help", "TEXT_ACCOUNT_ALERT"),
])
def test_refund_and_review_look_alikes(text, rule):
    assert rule not in _ids(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("We owe you a tax return of 388.20 GBP, fill the form https://tax-claim.example.top", "TEXT_PUBLIC_BODY_LURE"),
    ("You be due to receive an ATO refund of 1,204.10 visit https://ato-claim.example.com", "TEXT_PUBLIC_BODY_LURE"),
    ("PayPal: your account be under review, log in https://pp-review.example.com", "TEXT_ACCOUNT_ALERT"),
    ("Microsoft: someone else might have access to your account https://ms-review.example.com", "TEXT_ACCOUNT_ALERT"),
    ("Your parcel be ready for delivery. Confirm your shipping details https://pkg.example.me/x", "TEXT_DELIVERY_LURE"),
    ("You have win US 250,000.00, claim at https://claims.example.com", "TEXT_PRIZE_LURE"),
])
def test_more_lure_wordings(text, rule):
    assert rule in _ids(text)
