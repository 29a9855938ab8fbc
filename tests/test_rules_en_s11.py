"""Boundaries of the English scam wordings added in session 11 (texts written for these tests): a code "sent by
mistake" counts only when it is asked back, a gift card only as an errand, an inheritance or a lottery only when it
finds you by your surname or your phone number, a power cut only "tonight", a meeting only with a "quick task", a
dating app only with the bot's "back in town"; and every match of the new patterns holds one of its rule's hint words
(the checker skips the rule on messages without one)."""

import pytest

from checker import Checker
from checker.message import Message, mentions_any
from checker.rules import text as text_rules

_CHECKER = Checker(model=None)


def _ids(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "rule"), [
    ("sorry i sent u a 6-digit code by mistake, pls pass it to me its urgent", "TEXT_CREDENTIAL_REQUEST"),
    ("Oops, I accidentally put your number for my Telegram code, can you send it back?", "TEXT_CREDENTIAL_REQUEST"),
    ("Before I buy the bike I'm sending you a Google code to check you're real, text it back to me",
     "TEXT_CREDENTIAL_REQUEST"),
    ("Please purchase 6 Steam cards of $50 for a client, I will reimburse you after my meeting",
     "TEXT_FAMILY_IMPERSONATION"),
    ("Attn: an unclaimed inheritance in your family name awaits, write to the probate desk", "TEXT_ADVANCE_FEE_LURE"),
    ("Your WhatsApp number has been awarded 2,000,000 USD, send your name and age to the claims agent",
     "TEXT_ADVANCE_FEE_LURE"),
    ("Dear consumer ur electricity connection will be disconnected tonight at 10 pm, call the officer",
     "TEXT_POWER_CUT_SCARE"),
    ("I'm on a conference call with the board, I need you to handle a task for me. Available?", "TEXT_IMPOSTOR_ERRAND"),
    ("Hi, I locked myself out of my banking till tomorrow, could you pay a bill for me? I'll send cash",
     "TEXT_IMPOSTOR_ERRAND"),
    ("hey is this Dan? it's Kim we talked on Bumble ages ago, I'm back in the area this weekend wanna meet",
     "TEXT_DATING_BOT_OPENER"),
    ("Luno: 3.1 BTC received. Click https://luno-fund.example.top to update your wallet and receive it", "TEXT_PRIZE_LURE"),
])
def test_scam_wordings(text, rule):
    assert rule in _ids(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("Your Steam code is 48K2P. If you got this code in error you can ignore it.", "TEXT_CREDENTIAL_REQUEST"),
    ("I sent the wifi code to the wrong group by mistake lol, it's on the fridge", "TEXT_CREDENTIAL_REQUEST"),
    ("Buy a $25 Apple gift card at Tesco and get 500 Clubcard points", "TEXT_FAMILY_IMPERSONATION"),
    ("Please update your next of kin and emergency contact in the staff portal", "TEXT_ADVANCE_FEE_LURE"),
    ("Red Cross: thank you for choosing to donate £10 this month", "TEXT_ADVANCE_FEE_LURE"),
    ("Power cut in your area: engineers are on site, we expect power back by 6pm. Ref INC4471", "TEXT_POWER_CUT_SCARE"),
    ("Your electricity bill for May is ready: £84.10, due 12 June", "TEXT_POWER_CUT_SCARE"),
    ("in a meeting, call you after. can you feed the cat?", "TEXT_IMPOSTOR_ERRAND"),
    ("My account is blocked on Netflix again lol, what's your password", "TEXT_IMPOSTOR_ERRAND"),
    ("we met on Hinge last month! dinner Friday?", "TEXT_DATING_BOT_OPENER"),
    ("Sold 0.2 BTC at $61,000. See the trade: https://exchange.example.com/t/88", "TEXT_PRIZE_LURE"),
])
def test_look_alikes_stay_quiet(text, rule):
    assert rule not in _ids(text)


def test_gift_card_errand_is_medium_on_its_own():
    verdict = _CHECKER.check("Can you order 5 Amazon gift cards for me? I'll reimburse you tonight, keep it between us")
    assert verdict.risk == "medium"


@pytest.mark.parametrize(("pattern", "words"), [
    (text_rules._MISTAKEN_CODE, text_rules._MISTAKEN_CODE_WORDS),
    (text_rules._ADVANCE_FEE, text_rules._ADVANCE_FEE_WORDS),
    (text_rules._POWER_CUT, text_rules._POWER_CUT_STATES),
    (text_rules._OWN_ACCOUNT_LOCKED, text_rules._OWN_ACCOUNT_LOCKED_WORDS),
    (text_rules._DATING_BOT, text_rules._DATING_BOT_WORDS),
])
@pytest.mark.parametrize("text", [
    "code by mistake", "sending you a six digit code", "sending you the code", "google voice code",
    "unclaimed fund", "funds tied to your surname", "next of kin of the estate", "amount to donate to you",
    "donate 3 million to you", "as the sole heir", "your mobile number has been win", "phone no has won",
    "this sim is selected as a winner", "mobile number have been awarded",
    "power will be cut tonight", "supply will be terminated tonight", "electricity ... bill was not updated",
    "my bank account was frozen", "my banking got locked", "locked out of my account",
    "chatted on tinder, back around", "you know my name and how i look",
])
def test_every_match_holds_a_hint_word(pattern, words, text):
    msg = Message(text, None, _CHECKER.allowlist, _CHECKER.analyzer)
    if pattern.search(msg.compact):
        assert mentions_any(msg, words), text
