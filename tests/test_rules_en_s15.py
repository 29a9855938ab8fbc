"""Boundaries of the English reply and call-back lures read in session 15 (texts written for these tests): the sign-in
scare needs a number of ten digits or more after a word asking to call it, and no official number; the keyword of
opt-in spam is not an opt-out word nor one after "to block"; "did you send" needs the announced call; the appeal
link is not counted on top of TEXT_ACCOUNT_ALERT; and every match of the rules' patterns holds one of their hint
words (the checker skips a rule on messages without one)."""

import pytest

from checker import Checker
from checker.normalize import compact
from checker.rules import reply_lures

_CHECKER = Checker(model=None)


def _ids(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "rule"), [
    ("Santander: new sign-in to your account from Leeds. Not you? Call our team on 0161 555 0192 today",
     "TEXT_SIGN_IN_ALERT_CALLBACK"),
    # (A "login attempt" is also TEXT_ACCOUNT_ALERT's state: that rule counts the number, the sign-in rule steps aside.)
    ("Suspicious login attempt on your PayPal. If this wasn’t you dial 1 (855) 555-0148", "TEXT_ACCOUNT_ALERT"),
    ("Did you authorize a transfer of $640 to J. Reyes? If not, reply NO and an agent will contact you",
     "TEXT_PAYMENT_QUESTION_CALL"),
    ("Were u in a car accident that wasn’t ur fault? Claim up to £5,000. Reply CRASH now", "TEXT_REPLY_KEYWORD_OFFER"),
    ("Your car's extended warranty expires soon. Call now: 1-888-555-0110", "TEXT_REPLY_KEYWORD_OFFER"),
    ("It's Priya! long time no see, lost my phone so this is a new number", "TEXT_OLD_FRIEND_OPENER"),
])
def test_lures_fire(text, rule):
    assert rule in _ids(text)


@pytest.mark.parametrize(("text", "rule"), [
    # No number to call (the card's back, the app), or a short one.
    ("New sign-in to your Barclays app. If this wasn't you, call the number on the back of your card.",
     "TEXT_SIGN_IN_ALERT_CALLBACK"),
    ("Unusual activity on your account. If this wasn't you call 999 or visit a branch", "TEXT_SIGN_IN_ALERT_CALLBACK"),
    # A sign-in alert that asks for no call.
    ("You signed in to your Google account on a new Windows device. Not you? Check activity at myaccount.google.com",
     "TEXT_SIGN_IN_ALERT_CALLBACK"),
    # The real fraud alert's question without the announced call.
    ("Did you make a $92.10 purchase at TARGET? Reply YES or NO", "TEXT_PAYMENT_QUESTION_CALL"),
    # Opt-out words are no keyword, and neither is the instruction after "to block".
    ("Personal loans from 6.9% APR, no credit checks on quotes. Reply STOP to opt out", "TEXT_REPLY_KEYWORD_OFFER"),
    ("Instant loan up to Rs 90,000 in the app. To block promotions send REG to 1909", "TEXT_REPLY_KEYWORD_OFFER"),
    ("Your extended warranty is active until 2027. Reply to this message with any questions", "TEXT_REPLY_KEYWORD_OFFER"),
    # An offer word without a keyword or a number to call.
    ("Good news, you're due an upgrade! See the latest phones in store.", "TEXT_REPLY_KEYWORD_OFFER"),
    # "Long time no see" and a new number, nothing a stranger would add.
    ("long time no see! this is my new number, drinks friday?", "TEXT_OLD_FRIEND_OPENER"),
])
def test_look_alikes_do_not_fire(text, rule):
    assert rule not in _ids(text)


def test_account_alert_and_appeal_are_counted_once():
    ids = _ids("Your account has been suspended for violating our terms. Appeal now: fb-appeal-desk.com/case")
    assert "TEXT_ACCOUNT_ALERT" in ids
    assert "TEXT_ACCOUNT_APPEAL_LINK" not in ids


@pytest.mark.parametrize(("number", "fires"), [("0161 555 0192", True), ("555 0192", False), ("+44 7700 900 123", True)])
def test_sign_in_number_needs_ten_digits(number, fires):
    text = f"Unrecognised login on your account. If this wasn't you, call {number}"
    assert ("TEXT_SIGN_IN_ALERT_CALLBACK" in _ids(text)) is fires


@pytest.mark.parametrize(("pattern", "words", "samples"), [
    (reply_lures._SIGN_IN, reply_lures._SIGN_IN_WORDS,
     ["newdevice", "unrecognisedlog-in", "unrecognizedsignin", "newlogin", "newlog-in", "newsign-in", "newaccess",
      "newactivity", "suspiciouslog-in", "unusualsignin", "unauthorizedaccess", "signedintoyour", "loggedinyour",
      "loginattempt", "sign-inattempt", "signinattempt"]),
    (reply_lures._OFFER, reply_lures._OFFER_WORDS,
     ["entitled2£", "mis-sold", "missold", "ppiclaim", "owed£", "reclaim£", "claimback£", "accidentwasn'turfault",
      "needcashfast", "nocreditcheck", "paydayloan", "loansof£", "cashsameday", "extendedwarranty", "carwarranty",
      "stocktipsgroup", "dailystockpicks", "due4anupgrade", "eligibleforanupgrade", "upgrade2thenew"]),
])
def test_matches_hold_a_hint_word(pattern, words, samples):
    for sample in samples:
        match = pattern.search(compact(sample))
        assert match is not None, sample
        assert any(word in match.group(0) for word in words), (sample, match.group(0))
