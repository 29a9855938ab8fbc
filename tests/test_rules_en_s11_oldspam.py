"""Boundaries of the old-style English prize spam read in session 11 (texts written for these tests): a prize is
"guaranteed" only with an amount and never as cashback, a claim code / "valid 12hrs" / "from a landline" counts only
beside a prize, the fake lucky draw only when the reader is its winner and is asked a fee, "your number has won" but
not "your numbers have won"; the same lure is not counted by two rules; and every match of the patterns holds one of
its rule's hint words (the checker skips the rule on messages without one)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Checker
from checker.message import Message, mentions_any
from checker.normalize import compact
from checker.rules import premium as premium_rules
from checker.rules import text as text_rules

_CHECKER = Checker(model=None)


def _ids(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "rule"), [
    ("Call our FREEPHONE line now to claim your guaranteed £1,200 cash!", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("Your £800 prize is guaranteed, ring the claims line today", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("You are a WINNER. Quote prize code ZX9 when you call", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("Lucky you! A weekend break is yours, offer valid 12hrs", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("You have won £400 in our mobile draw, call on a BT landline to collect", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("you are lucky winner in the Ajio draw, tata car, registration charges Rs 5,600", "TEXT_ADVANCE_FEE_LURE"),
    ("Dear sir your name selected in the lucky draw, swift car, TDS charge pay only 4500", "TEXT_ADVANCE_FEE_LURE"),
    ("Your number has been awarded USD 250,000 in the mobile promo", "TEXT_ADVANCE_FEE_LURE"),
    ("Winner of the Apple loyalty lotto! To get your prize send ur name, age, sex and mobile no", "TEXT_ADVANCE_FEE_LURE"),
])
def test_lures_fire(text, rule):
    assert rule in _ids(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("Open a saver this month for a guaranteed £50 cashback", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("Best prize guaranteed when you sell your car with us", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("Your claim number is 55812, our adviser will call from a landline", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("Your parking permit is valid 12hrs from activation", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("That was a wonderful evening, call me from a landline later", "TEXT_PREMIUM_PRIZE_CLAIM"),
    ("Quiz night: win first prize £100, entry fee £5 per team", "TEXT_ADVANCE_FEE_LURE"),
    ("Lucky draw at the gala for all guests; registration fee includes dinner", "TEXT_ADVANCE_FEE_LURE"),
    ("Your numbers have won £10 in the midweek draw", "TEXT_ADVANCE_FEE_LURE"),
    ("Our award-winning bakery turns 10! Send your name and address for a birthday cake voucher", "TEXT_ADVANCE_FEE_LURE"),
    ("Claim your free sample: send your name and address on our website", "TEXT_ADVANCE_FEE_LURE"),
    ("보장된 상금 guaranteed £1000 cash 이벤트 당첨", "TEXT_PREMIUM_PRIZE_CLAIM"),
])
def test_look_alikes_stay_quiet(text, rule):
    assert rule not in _ids(text)


def test_one_lure_is_counted_once():
    ids = _ids("Your mobile number has been awarded a guaranteed £2000 prize, claim code 77, valid 12hrs")
    assert "TEXT_ADVANCE_FEE_LURE" in ids and "TEXT_PREMIUM_PRIZE_CLAIM" not in ids


@pytest.mark.parametrize("text", [
    "you win 1st prize car, registration charge", "won first prize, marketing value", "your first prize pay only",
    "lucky winner of a car, tds charges", "your name in the lucky draw, valid today", "your number has won",
    "your no. has been awarded", "gsm number is win", "prize: send your full name and age",
    "lottery winner, send ur name & address",
])
def test_every_advance_fee_match_holds_a_hint_word(text):
    msg = Message(text, None, _CHECKER.allowlist, _CHECKER.analyzer)
    assert text_rules._ADVANCE_FEE.search(msg.compact), text
    assert mentions_any(msg, text_rules._ADVANCE_FEE_WORDS), text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.from_regex(premium_rules._PRIZE_CLAIM, fullmatch=True))
def test_every_prize_claim_match_holds_a_hint_word(text):
    match = premium_rules._PRIZE_CLAIM.search(text)
    assert match is None or any(word in compact(match.group(0)) for word in premium_rules._PRIZE_CLAIM_WORDS)
