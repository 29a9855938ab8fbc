"""Boundaries of TEXT_EMAIL_PROPOSAL (session 15; texts written for these tests): the proposal must be a stranger's
("a business proposal", "for you", "an urgent transaction", "selected to receive … grant"), the address must follow a
request to write and be a free mailbox, a spaced-out address or a data set's "EMAIL" mask; a firm's or council's own
address is not one; the lure is not counted on top of TEXT_ADVANCE_FEE_LURE; and every match of the rule's patterns
holds one of its hint words (the checker skips the rule on messages without one)."""

import pytest

from checker import Checker
from checker.normalize import compact
from checker.rules import reply_lures

_CHECKER = Checker(model=None)
_RULE = "TEXT_EMAIL_PROPOSAL"


def _ids(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize("text", [
    "I have a lucrative business proposal for you. Contact me at r.okonkwo.law@gmail.com",
    "Need your partnership in an urgent transaction, pls reply to me at farid.k.adv@hotmail.co.uk",
    "We need a reliable partner to supply raw material to our company. Write me: supply.desk.usa@outlook.com",
    "I have a proposal I want us to discuss. Contact me urgently at EMAIL",
    "You were chosen to receive the 2026 small enterprise grant. Email us on grantoffice.intl@yahoo.com",
])
def test_fires(text):
    assert _RULE in _ids(text)


@pytest.mark.parametrize("text", [
    # A firm's or council's own address, not a free mailbox.
    "I have a business proposal for your shop: email me at d.hart@hartandco.co.uk",
    "Apply for a business grant before 30 June. Email us at grants@kirklees.gov.uk",
    # A friend's plan: a plain "I have a proposal" is not the stranger's.
    "I have a proposal: dinner at mine on Friday? email me at sam.rees@gmail.com",
    # A proposal with no address to write to.
    "I have a business proposal for you, call me when you are free",
    # The address is not after a request to write.
    "Invoice for the business deal for you sent from ana.m@gmail.com, thanks",
])
def test_look_alikes_do_not_fire(text):
    assert _RULE not in _ids(text)


def test_korean_text_is_left_to_korean_rules():
    assert _RULE not in _ids("사업 제안이 있습니다. I have a business proposal for you, contact me at kim.biz88@gmail.com")


def test_advance_fee_lure_is_counted_once():
    ids = _ids("I want to donate $2,500,000 to you for charity work. Contact me at mrs.holt.charity@gmail.com")
    assert "TEXT_ADVANCE_FEE_LURE" in ids
    assert _RULE not in ids


def test_evidence_names_no_address():
    reasons = [r for r in _CHECKER.check("I have a business proposal for you. Contact me at lee.w.fund@gmail.com").reasons
               if r.id == _RULE]
    assert reasons and "lee.w.fund" not in reasons[0].evidence


@pytest.mark.parametrize(("pattern", "words", "samples"), [
    (reply_lures._PROPOSAL, reply_lures._PROPOSAL_WORDS,
     ["haveabusinessproposal", "gotaviablebusinessproposition", "haveabusinessdeal", "haveaproposalforyou",
      "haveaproposaliwantustodiscuss", "propsal", "businessdealconcerningyou", "proposalforyou", "needyourpartnership",
      "urgenttransction", "needanindianpartner", "donating$50,000toyou", "selectedtoreceivea$9,000grant",
      "wanttoinvestin", "inheritance", "beneficiary", "consignment", "donating$1,200,000.00usdtoyou"]),
])
def test_matches_hold_a_hint_word(pattern, words, samples):
    for sample in samples:
        match = pattern.search(compact(sample))
        assert match is not None, sample
        assert any(word in match.group(0) for word in words), (sample, match.group(0))


@pytest.mark.parametrize("spaced", ["contact me", "reach us", "reply me", "reply to us", "write to me", "write us",
                                    "email me", "e-mail us", "mail me"])
def test_contact_matches_hold_a_hint_word(spaced):
    match = reply_lures._EMAIL_CONTACT.search(spaced + " at x")
    assert match is not None
    head = compact(match.group(0)[: len(match.group(0)) - len(match.group("rest"))])
    assert any(word in head for word in reply_lures._EMAIL_CONTACT_WORDS), spaced
