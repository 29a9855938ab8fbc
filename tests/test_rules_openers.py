"""Boundaries of the carrier-less chat openers (checker/rules/openers.py, session 16); texts written for these tests.
Each case fails if the guard it names is taken out."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _fired(text: str) -> set[str]:
    return {reason.id for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "fires"), [
    ("Is this Nadia? This is Oscar, we met at Jen's barbecue", True),
    ("Hi are you Mrs. Collins? my name is Teresa, I found your number in the church directory", True),
    # The name check alone: a contact waiting for the answer.
    ("Sorry, is this Priya?", False),
    # Capitalised words after "are you" / "I'm" that are no names.
    ("Are you Home? I'm Going to be late", False),
    # "is this Mike's …": a number's owner, not a stranger asked for by name.
    ("Is this Mike's phone? It's Lauren", False),
    ("Is this Mike number? It's Lauren", False),
    # A business's errand (appointment, order, delivery …) next to the name check.
    ("Is this Raj? This is Megan from Harbor Physio about your appointment on Monday", False),
    # The wrong-number apology is TEXT_WRONG_NUMBER_SMALL_TALK's: counted once.
    ("Is this Omar? Sorry wrong number, nice to meet you though, I'm Hana", False),
])
def test_name_check_opener(text, fires):
    assert ("TEXT_NAME_CHECK_OPENER" in _fired(text)) is fires


@pytest.mark.parametrize(("text", "fires"), [
    ("Do you remember me? It's Gemma, we danced at the Halloween party", True),
    ("I added your number to my contacts but I didn't save your name. Have we met?", True),
    ("Your number is in my contacts but I don't have your name. Did we meet at the expo?", True),
    # The saved number with its reason and no question about meeting.
    ("Your number is in my phone from the football club list, it's Ken. Training moved to 7", False),
    # "remember me?" without a name, and "remember me to / in".
    ("remember me? the guy with the red bike lol", False),
    ("Please remember me to your parents. It's Wendy", False),
    # A real pickup request.
    ("Looking forward to seeing you, can you pick me up at the airport at 9?", False),
    ("I am waiting for the day you will pick me up at the airport", True),
])
def test_feigned_acquaintance(text, fires):
    assert ("TEXT_FEIGNED_ACQUAINTANCE" in _fired(text)) is fires


def test_openers_are_wording_only():
    # No carrier: the two together would be high on wording alone, which each rule alone never reaches.
    verdict = _CHECKER.check("Hi, is this Kevin? I'm Lorena. Remember me? We met on the ferry to Victoria")
    assert verdict.risk == "medium"
