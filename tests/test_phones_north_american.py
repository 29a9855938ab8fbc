"""North-American numbers written the US way (without "+") are found as call-back numbers of their own kind;
look-alike digit groups (Indian toll-free 1800-…, bare ten-digit runs, account numbers, Korean numbers) are not."""

from __future__ import annotations

import pytest

from checker.allowlist import default_allowlist
from checker.phones import find_phones

ALLOWLIST = default_allowlist()


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("If you did not authorize this, call 1-888-000-0142 to cancel.", "+18880000142"),
        ("call us immediately at 1-833-000-0177.", "+18330000177"),
        ("Please call Card Services line (786) 319-4482", "+17863194482"),
        ("call (844) 000-0000 now", "+18440000000"),
        ("call 800.555.0100 today", "+18005550100"),
        ("call 1.866.252.9557 and follow the instruction", "+18662529557"),
        ("Call 1 (800) 555-0100", "+18005550100"),
        ("Call me at 949-216-4123", "+19492164123"),
        ("help: 1-888-237-8289.Best Buy", "+18882378289"),
    ],
)
def test_north_american_numbers_are_found(text, number):
    found = [(p.number, p.kind) for p in find_phones(text, ALLOWLIST)]
    assert found == [(number, "north_american")]


def test_the_plus_one_spelling_stays_international():
    assert [(p.number, p.kind) for p in find_phones("call +1 (800) 555-0100", ALLOWLIST)] == [
        ("+18005550100", "international")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Call Agni 1800-102-2224 NOW",  # India's toll-free, 4-3-4
        "Rental Helpline 999 999 1155",  # space-separated ten digits
        "send to 9876543210",  # a bare ten-digit run
        "A/C 301-123-4567-89",  # an account number with a further group
        "ref 12-800-555-0100",
        "v3.800.555.0100",
        "x-800-555-0100",
        "call 800-555-01",
        "masked XXX-XXX-XXXX",
    ],
)
def test_look_alike_digit_groups_are_not_north_american(text):
    assert not any(p.kind == "north_american" for p in find_phones(text, ALLOWLIST))


def test_korean_numbers_are_unchanged():
    found = [(p.number, p.kind) for p in find_phones("문의 02-555-0100, 010-1234-5678, 1588-1234", ALLOWLIST)]
    assert found == [("025550100", "landline"), ("01012345678", "mobile"), ("15881234", "representative")]
