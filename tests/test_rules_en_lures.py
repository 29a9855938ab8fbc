"""English lure wordings of rules 2026-12-07 (wip9-en): the IRS as a word, card points "in cash", accounts limited or
frozen by "us", new payees and new devices "if this was not you" (texts written for these tests)."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _ids(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize("text", [
    "IRS: your refund of $930 is waiting, confirm your bank details at https://irs-refund-desk.info",
    "Final notice from the IRS. Settle your balance at http://taxdesk-settle.top",
    "DVLA: your vehicle tax refund of £84.20 is ready, claim at https://dvla-claims-online.com",
])
def test_public_body_by_the_agency_s_name(text):
    assert "TEXT_PUBLIC_BODY_LURE" in _ids(text)


@pytest.mark.parametrize("text", [
    # "irs" inside words of the compact text ("first", "their", "stairs", "Ir Soekarno") is no agency.
    "Get 20% off your first order at https://www.pizzaplace-example.com",
    "Their stairs need fixing, pics here https://photos.example.net/a1",
    "Kuis: Ir Soekarno adalah presiden pertama? Info https://quiz-example.co/x",
    # The initials in lower case are a word of chat, not a notice.
    "irs guy said fine, link https://forms.example.org/f",
])
def test_no_public_body_from_the_letters_irs(text):
    assert "TEXT_PUBLIC_BODY_LURE" not in _ids(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("Your SBI card points worth Rs 4,210 expire today, redeem your points in cash: www.sbi-pointz.in", "TEXT_PRIZE_LURE"),
    ("Convert your point into cash now http://points-cash.example.top", "TEXT_PRIZE_LURE"),
    ("We have suspended your online banking access. Restore it at https://bank-restore.example.top", "TEXT_ACCOUNT_ALERT"),
    ("We've deactivated your account after a failed check, reactivate: https://acct-check.example.top", "TEXT_ACCOUNT_ALERT"),
    ("New payee MRS A KHAN has been added to your online banking. Not you? https://payee-review.example.top",
     "TEXT_ACCOUNT_ALERT"),
    ("A new device was registered to your account today. If this wasn’t you visit https://device-check.example.top",
     "TEXT_ACCOUNT_ALERT"),
])
def test_english_lures_fire_with_a_link(text, rule):
    assert rule in _ids(text)


@pytest.mark.parametrize(("text", "rule"), [
    ("Redeem your points for cash at checkout: https://cards.example.com/pay", "TEXT_PRIZE_LURE"),
    ("Your points worth £3 expire Sunday, spend them at https://shop.example.com", "TEXT_PRIZE_LURE"),
    ("Forward this SMS to block your card, or visit https://bank.example.com/help", "TEXT_ACCOUNT_ALERT"),
    ("The limit on your credit card is now £2,000: https://bank.example.com/limits", "TEXT_ACCOUNT_ALERT"),
    ("Freeze your card any time in the app: https://bank.example.com/freeze", "TEXT_ACCOUNT_ALERT"),
    ("Your new device ships today! Setup guide: https://shop.example.com/guide", "TEXT_ACCOUNT_ALERT"),
    # Not you? — too far from the new device to be its question.
    ("Your new device is on its way. " + "We hope you enjoy it and all of its many features for years and years to come, and happy days to you all. "
     "Not you? https://shop.example.com/who", "TEXT_ACCOUNT_ALERT"),
    # A lure wording without any channel stays quiet.
    ("We have limited your account. Visit a branch with your ID.", "TEXT_ACCOUNT_ALERT"),
])
def test_look_alikes_stay_quiet(text, rule):
    assert rule not in _ids(text)


@pytest.mark.parametrize(("link", "registry"), [
    ("https://www.gov.uk/vehicle-tax", True),
    ("www.irs.gov/refunds", True),
    ("https://dvla-refunds.gov.uk.claim-centre.com", False),
    ("https://irs-gov-refund.top", False),
])
def test_gov_uk_and_us_gov_are_government_registries(link, registry):
    (url,) = _CHECKER.check(f"see {link}").urls
    assert ("government_registry" in url.flags) is registry
    assert ("unknown" in url.flags) is not registry


@pytest.mark.parametrize("text", [
    "Amazon urgently recruit for part-time job you can earn 3000-9000 Rs every day add Whatsapp wa.me/919800011122",
    "Online part-time job, only need a mobile phone, daily salary Rs 7500, contact https://wa.me/923400011122",
    "Work from home and earn 200-800 RM per day. Wages are paid daily: http://work-rm.example.top",
    "Earn $5-$30 for each task, liking videos from home, recruiting now: https://t.me/like_task_hr",
])
def test_job_offer_lure_fires(text):
    assert "TEXT_JOB_OFFER_LURE" in _ids(text)


@pytest.mark.parametrize("text", [
    "We're hiring baristas, £11.44 an hour, apply at https://cafe.example.com/jobs",  # hourly pay
    "Job alerts daily! Learn more at https://jobs.example.com",  # "earn" only inside "learn"
    "Multitasking made easy: earn points every day with https://app.example.com",  # "task" inside "multitasking"
    "Car hire from £25 a day, payment on collection: https://hire.example.com",  # "hire" and "payment" are no job
    "Part-time job, earn Rs 9,000 every day. Ask at the shop counter.",  # no channel
])
def test_job_offer_lure_stays_quiet(text):
    assert "TEXT_JOB_OFFER_LURE" not in _ids(text)
