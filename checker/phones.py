"""Phone numbers in a message: found in Korean and international formats, classified, and checked
against the official numbers. In real Korean reports about half of the smishing texts carry a
call-back number and no link, so numbers are first-class evidence."""

from __future__ import annotations

import re

from checker.allowlist import Allowlist
from checker.verdict import PhoneInfo, make_phone

# A digit or a mask character (data sets and some senders mask numbers: 1660-****, 01X-XXXX-XXXX).
_D = r"[0-9]"
_M = r"[0-9*xX?]"
_SEP = r"[ .\-)]?"
_KOREAN = re.compile(
    rf"(?<![0-9A-Za-z*])\(?"
    rf"(?P<num>"
    rf"01[016789]{_SEP}{_M}{{3,4}}{_SEP}{_M}{{4}}"  # mobile
    rf"|0(?:2|[3-6][1-5]){_SEP}{_M}{{3,4}}{_SEP}{_M}{{4}}"  # landline
    rf"|0(?:70|50[2-8]|80|30|60){_SEP}{_M}{{3,4}}{_SEP}{_M}{{4}}"  # internet, personal virtual, free
    rf"|050{_SEP}{_M}{{4}}{_SEP}{_M}{{3,4}}"  # personal virtual numbers also written 050-XXXX-XXXX
    rf"|1[5-9]{_D}{{2}}{_SEP}{_M}{{4}}"  # representative numbers 15xx-xxxx .. 19xx-xxxx
    rf")(?![0-9*])"
)
_INTERNATIONAL = re.compile(
    r"(?<![0-9A-Za-z])(?P<num>(?:\+(?!82)|00(?:1|2|5|6|8|700|770|365)[ \-])[1-9][0-9 \-()]{6,18}[0-9])(?![0-9])"
)
_PLUS82 = re.compile(r"\+82[ \-]?(?:\(0\))?[ \-]?0?(?=[1-9])")
# Short service numbers (112, 118, 1332 …) only when written as a number to call, not as an amount.
_SHORT = re.compile(r"(?<![0-9,.\-])(?P<num>1[0-9]{2,3})(?![0-9,.\-원만천%])")
_CALL_CONTEXT = re.compile(r"(?:국번\s*없이|☎|tel|전화|문의|신고|상담|콜센터|고객센터|call)\s*[:：]?\s*$", re.IGNORECASE)


_MOBILE = re.compile(r"01[016789]")
_NOT_DIGIT_OR_MASK = re.compile(r"[^0-9*xX?]")


def classify(digits: str) -> str:
    if digits.startswith(("00", "+")):
        return "international"
    if _MOBILE.match(digits):
        return "mobile"
    if digits.startswith("070"):
        return "internet"
    if digits.startswith("050"):
        return "personal_virtual"
    if digits.startswith("080"):
        return "toll_free"
    if digits.startswith("0"):
        return "landline"
    if len(digits) == 8 and digits[:2] in {"15", "16", "17", "18", "19"}:
        return "representative"
    if len(digits) <= 4:
        return "short"
    return "unknown"


def _digits(text: str) -> str:
    return _NOT_DIGIT_OR_MASK.sub("", text).replace("x", "X")


def _info(digits: str, allowlist: Allowlist, is_sender: bool = False, kind: str | None = None) -> PhoneInfo:
    row = allowlist.phone(digits)
    return make_phone(
        digits,
        kind or classify(digits),
        row is not None,
        row.owner if row else None,
        row.owner_ko if row else None,
        is_sender,
    )


_ANY = re.compile(
    "(?P<intl>" + _INTERNATIONAL.pattern + ")|(?P<kr>" + _KOREAN.pattern.replace("(?P<num>", "(?P<krnum>") + ")"
    "|(?P<short>" + _SHORT.pattern.replace("(?P<num>", "(?P<shortnum>") + ")"
)
_NON_DIGIT = re.compile(r"[^0-9]")


# Numbers can only start at a run of digits (or + / ( before one): the exact patterns run only there.
# Same runs as "[+(]?[0-9][0-9 ()\-.*xX?]*", written to start with one character set (a digit, + or (,
# and after + or ( a digit must follow) so that the regex engine skips quickly to the next candidate.
_RUN = re.compile(r"[0-9+(](?:(?<=[+(])[0-9]|(?<=[0-9]))[0-9 ()\-.*xX?]*")
# The runs of ``_RUN`` that have three characters or more (the shortest number _ANY matches, "112", has
# three): a shorter run fails here, and so does every suffix of it (shorter still), so the runs found are
# the same; the one- and two-digit runs of ordinary text ("1일", "2시") never reach Python.
_LONG_RUN = re.compile(r"[0-9+(](?:(?<=[+(])[0-9][0-9 ()\-.*xX?]|(?<=[0-9])[0-9 ()\-.*xX?]{2})[0-9 ()\-.*xX?]*")


# The shortest Korean number (15xx-xxxx written without separators) has eight characters and an
# international one nine: a shorter run can only hold a short service number, and those start with 1.
# Most runs are amounts and dates ("10,000" leaves "000", "2022"), skipped without running ``_ANY``.
_SHORTEST_LONG_NUMBER = 8


def _matches(text: str):
    for run in _LONG_RUN.finditer(text):
        start, end = run.span()
        if end - start < _SHORTEST_LONG_NUMBER and text.find("1", start, end) < 0:
            continue
        yield from _ANY.finditer(text, start, end)


def find_phones(text: str, allowlist: Allowlist) -> list[PhoneInfo]:
    """Phone numbers written in ``text`` (normalised), in order, without duplicates. One pass."""
    if "+82" in text:
        text = _PLUS82.sub("0", text)
    found: list[PhoneInfo] = []
    seen: set[str] = set()
    for match in _matches(text):
        if match.group("intl"):
            number = match.group("num")
            digits = _NON_DIGIT.sub("", number)
            digits = "+" + digits.lstrip("0") if number.startswith("+") else digits
            info = _info(digits, allowlist, kind="international")
        elif match.group("kr"):
            digits = _digits(match.group("krnum"))
            info = _info(digits, allowlist)
        else:
            digits = match.group("shortnum")
            if allowlist.phone(digits) is None and not _CALL_CONTEXT.search(
                text, max(0, match.start() - 12), match.start()
            ):
                continue
            info = _info(digits, allowlist)
        if digits not in seen:
            seen.add(digits)
            found.append(info)
    return found


def sender_phone(sender: str | None, allowlist: Allowlist) -> PhoneInfo | None:
    """The sender number given next to the message (spoofable: a weak signal only)."""
    if not sender:
        return None
    raw = sender.strip()
    if raw.startswith("+82"):
        digits = "0" + re.sub(r"[^0-9]", "", raw[3:]).lstrip("0")
    elif raw.startswith("+"):
        return _info("+" + re.sub(r"[^0-9]", "", raw), allowlist, is_sender=True, kind="international")
    else:
        digits = re.sub(r"[^0-9]", "", raw)
    if not digits:
        return None
    return _info(digits, allowlist, is_sender=True)
