"""TEXT_PRIZE_CLAIM_CONTACT and TEXT_CHAT_LINE_CALL (session 16): which contacts count as the carrier (a mobile, a
masked number, WhatsApp, an address or the data sets' "EMAIL" mask) and which do not (a freephone or UK landline, a
short number, the word "email"), "you won't" against "you won the …", warnings, and one carrier counted once."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _ids(text):
    return [reason.id for reason in _CHECKER.check(text).reasons]


@pytest.mark.parametrize("text, evidence_end", [
    ("Congrats! You won the jackpot of our Eid draw. Call 0331 765 4412 to claim", "number"),
    ("Dear customer you be winner of Bazaar online 1st prize car. Contact helpline XXXXXXXXXX", "number (masked)"),
    ("You have won a prize. Please contact us on WhatsApp for more information.", "whatsapp"),
    ("YOU HAVE BEEN SELECTED TO RECEIVE 2.5 CRORE. TO CLAIM SEND NAME AGE ADDRESS TO EMAIL", "e-mail"),
    ("You have been awarded USD 90,000. Send your name and phone to promo.desk.uk@yahoo.com", "e-mail"),
])
def test_prize_claim_carriers(text, evidence_end):
    verdict = _CHECKER.check(text)
    hit = next((h for h in verdict.reasons if h.id == "TEXT_PRIZE_CLAIM_CONTACT"), None)
    assert hit is not None and hit.evidence.endswith("+ " + evidence_end), (text, verdict.reasons)
    assert "0331" not in hit.evidence  # the number itself is not repeated as evidence


@pytest.mark.parametrize("text", [
    "You have won a voucher in our survey draw, it is on your card now. Questions? Call 0800 123 4567",  # freephone
    "You have won a voucher in our survey draw. Questions? Call 1-800-555-0199",  # North American freephone
    "You won the hamper in the church raffle, call the office on 0161 496 0321 to collect",  # UK landline
    "You won the quiz! Contact us by email for details",  # the word, not an address
    "You won't believe it, call me 07700 900461",  # "won't"
    "u wont believe what happened, text me 07700 900462",  # "wont"
    "You have won! call 12345",  # too short to be a claim line
    "Scam alert: texts saying you have won a prize ask you to call 07700 900555",  # a warning
])
def test_prize_claim_not_counted(text):
    assert "TEXT_PRIZE_CLAIM_CONTACT" not in _ids(text), text


def test_prize_claim_steps_aside_for_premium_rate():
    ids = _ids("You have won a holiday! To claim call 09061234567 now")
    assert "TEXT_PREMIUM_RATE" in ids and "TEXT_PRIZE_CLAIM_CONTACT" not in ids


@pytest.mark.parametrize("text", [
    "Are you feeling alone? For dating and friendship call me 9876012345",
    "Hi I'm Riya want to chat with me call XXXXXXXXXX for dtng frndshp",
    "Hot local girls waiting for you, text 07911 234 567 now",
])
def test_chat_line(text):
    assert "TEXT_CHAT_LINE_CALL" in _ids(text), text


@pytest.mark.parametrize("text", [
    "feeling lonely today, call me when you're free",  # no number
    "Want to chat? Download the Hinge app and meet singles near you",  # an app, no number
    "Beware of dating scams: never call 07700 900123 from a text about local girls",  # a warning
    "Lonely? Sexy singles in your area, call 09098765432 now",  # TEXT_PREMIUM_RATE's number
])
def test_chat_line_not_counted(text):
    assert "TEXT_CHAT_LINE_CALL" not in _ids(text), text
