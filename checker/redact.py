"""Remove personal data from a message before anything is stored.

Pure functions (no Flask, no SQLite): the service calls ``redact()`` on every text it keeps and
``number_key()`` to turn a phone number into something a lookup can match without keeping it.

What is removed, in this order (earlier patterns win, so a resident number is not taken for a phone):
resident registration numbers, card numbers, e-mail addresses, phone numbers (Korean ones except official
institution numbers, which are public and useful to keep; other countries' in international form; North-American
ones written the US way), account numbers (remaining long digit runs).
Over-redaction (a parcel tracking number taken for an account) is accepted: privacy beats detail here.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# Placeholders are Korean first, like everything a citizen or an agent reads.
RRN_TOKEN = "[주민등록번호]"
CARD_TOKEN = "[카드번호]"
EMAIL_TOKEN = "[이메일]"
PHONE_TOKEN = "[전화번호]"
ACCOUNT_TOKEN = "[계좌번호]"

_SEP = r"[-.\s)]?"  # what people write between digit groups: 010-1234-5678, 02)123-4567, 010 1234 5678

# Resident registration number: YYMMDD-Gnnnnnn (G = 1..8 incl. foreigners' numbers).
_RRN = re.compile(r"(?<!\d)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\s?-?\s?[1-8]\d{6}(?!\d)")
# Card: four groups of four (the last may be 3..4 digits, Amex-like 4-6-5 too), or 15-16 digits in a row.
_CARD = re.compile(r"(?<!\d)(?:\d{4}([-\s])\d{4}\1\d{4}\1\d{3,4}|\d{4}([-\s])\d{6}\2\d{5}|\d{15,16})(?!\d)")
# The local part starts where its run starts (lookbehind): without it, a long run with no "@" is
# rescanned from every position (quadratic).
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Korean phone numbers, domestic or +82 form:
#   mobile 010/011/016/017/018/019, internet 070, personal virtual 050x, area codes 02 and 0[3-6][1-5],
#   representative 15xx/16xx/18xx (and 1899 etc.).
_PHONE = re.compile(
    r"(?<![\d+])(?:\+?82[-.\s]?\(?0?\)?|0)"
    r"(?:1[016789]|70|50\d|2|[3-6][1-5])" + _SEP + r"\d{3,4}" + _SEP + r"\d{4}(?!\d)"
    r"|(?<!\d)1[5-9]\d{2}[-.\s]?\d{4}(?!\d)"
)
# Other countries' numbers in international form: "+65 8000 0000", "+1 (808) 000-0190", "+44 7700 900123" (E.164:
# 8-15 digits with the country code). The numbers of a "wrong number" opener can be a real person's.
_INTERNATIONAL = re.compile(r"(?<![\w+])\+[1-9](?:[\s.()-]{0,2}\d){7,14}(?!\d)")
# North-American numbers written the US way: "(786) 319-4482", "1-888-000-0142", "800.555.0100".
_NORTH_AMERICAN = re.compile(r"(?<![\d+])(?:1[\s.-]?)?(?:\([2-9]\d{2}\)\s?|[2-9]\d{2}[\s.-])\d{3}[\s.-]\d{4}(?!\d)")
# Bank accounts: 2..6 digit groups joined by hyphens (10..16 digits), or a bare run of 10..14 digits.
_ACCOUNT = re.compile(r"(?<!\d)\d{2,6}(?:-\d{2,7}){1,3}(?!\d)|(?<!\d)\d{10,14}(?!\d)")

_NOT_ASCII_DIGIT = re.compile(r"[^0-9]")


def phone_digits(number: str) -> str:
    """Digits of a phone number as dialled domestically: ``+82 10-1234-5678`` -> ``01012345678``.

    Only ASCII digits count, after NFKC (full-width ０１０ reads 010): other scripts' digits (``\\d`` matches
    hundreds of them, e.g. U+16AC0) are not dialled, and the result must be ASCII for ``number_key``."""
    if not number.isascii():
        number = unicodedata.normalize("NFKC", number)
    digits = _NOT_ASCII_DIGIT.sub("", number)
    if digits.startswith("82") and len(digits) >= 10 and number.lstrip().startswith(("+", "82")):
        rest = digits[2:]
        digits = rest if rest.startswith("0") else "0" + rest
    return digits


def number_key(digits: str, secret: bytes) -> str:
    """A salted, keyed hash of a phone number: equal numbers match, the number cannot be read back.

    HMAC-SHA256 with the service secret, hex, truncated to 32 characters (128 bits is plenty
    to avoid collisions among phone numbers and keeps rows short).
    """
    return hmac.new(secret, phone_digits(digits).encode("ascii"), hashlib.sha256).hexdigest()[:32]


@dataclass(frozen=True)
class Redaction:
    """A redacted text and the personal phone numbers that were removed from it."""

    text: str
    """The text with personal data replaced by placeholders like ``[전화번호]``."""
    phones: tuple[str, ...] = ()
    """Digits of every non-official phone number removed (for keyed hashing; never store these)."""
    kinds: tuple[str, ...] = ()
    """What was removed, one entry per replacement: rrn, card, email, phone, account."""


def _account_like(match: re.Match[str]) -> bool:
    digits = re.sub(r"\D", "", match.group(0))
    return 10 <= len(digits) <= 16


def redact(text: str, *, is_official_phone: Callable[[str], bool] | None = None) -> Redaction:
    """Replace personal numbers and e-mail addresses in ``text`` by placeholders.

    ``is_official_phone(digits)`` says whether a phone number is an official institution number
    (those are kept verbatim: they are public, and agents need to see them).
    """
    phones: list[str] = []
    kinds: list[str] = []

    def sub(pattern: re.Pattern[str], token: str, kind: str, keep: Callable[[re.Match[str]], bool]):
        def replace(match: re.Match[str]) -> str:
            if keep(match):
                return match.group(0)
            kinds.append(kind)
            return token

        return lambda value: pattern.sub(replace, value)

    def keep_phone(match: re.Match[str]) -> bool:
        digits = phone_digits(match.group(0))
        if is_official_phone is not None and is_official_phone(digits):
            return True
        phones.append(digits)
        return False

    def keep_north_american(match: re.Match[str]) -> bool:
        digits = phone_digits(match.group(0))
        phones.append(digits if len(digits) == 11 else "1" + digits)  # as the checker lists it: +1 and ten digits
        return False

    steps = (
        sub(_RRN, RRN_TOKEN, "rrn", lambda m: False),
        sub(_CARD, CARD_TOKEN, "card", lambda m: False),
        sub(_EMAIL, EMAIL_TOKEN, "email", lambda m: False),
        sub(_PHONE, PHONE_TOKEN, "phone", keep_phone),
        sub(_INTERNATIONAL, PHONE_TOKEN, "phone", keep_phone),
        sub(_NORTH_AMERICAN, PHONE_TOKEN, "phone", keep_north_american),
        sub(_ACCOUNT, ACCOUNT_TOKEN, "account", lambda m: not _account_like(m)),
    )
    for step in steps:
        text = step(text)
    return Redaction(text=text, phones=tuple(phones), kinds=tuple(kinds))


def redact_text(text: str, *, is_official_phone: Callable[[str], bool] | None = None) -> str:
    """Shortcut for ``redact(text, ...).text``."""
    return redact(text, is_official_phone=is_official_phone).text
