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


# In a run shorter than that, the only alternative of ``_ANY`` that can match is the short number one, so the
# run is searched with it alone: at each position ``_ANY`` would first try (and fail) its international and
# Korean alternatives (half of the runs searched are short: "112", "1,000" leaves "000", "13:00"). The group
# names are ``_ANY``'s, so the matches are read the same way.
_SHORT_ONLY = re.compile("(?P<short>" + _SHORT.pattern.replace("(?P<num>", "(?P<shortnum>") + ")")


def _matches(text: str):
    for run in _LONG_RUN.finditer(text):
        start, end = run.span()
        if end - start >= _SHORTEST_LONG_NUMBER:
            yield from _ANY.finditer(text, start, end)
        elif text.find("1", start, end) >= 0:
            yield from _SHORT_ONLY.finditer(text, start, end)


def _read(kind: str, match: re.Match[str], allowlist: Allowlist) -> PhoneInfo:
    """What a number matched by ``_ANY`` reads as (``kind``: the outer group that matched)."""
    if kind == "intl":
        number = match.group("num")
        digits = _NON_DIGIT.sub("", number)
        digits = "+" + digits.lstrip("0") if number.startswith("+") else digits
        return _info(digits, allowlist, kind="international")
    if kind == "kr":
        return _info(_digits(match.group("krnum")), allowlist)
    return _info(match.group("shortnum"), allowlist)


# Campaigns repeat their call-back numbers: the benchmark's 20,000 messages hold 12,588 numbers, 2,846 distinct
# as written. What a written number reads as depends on it and the allowlist alone, so each is read once per
# allowlist (the table of the last allowlist used; bounded: a flood of distinct numbers only empties it now and
# then). The entry is swapped whole, so a thread never writes one allowlist's readings into another's table.
_READ_CACHE_SIZE = 50_000
_read_table: tuple[Allowlist | None, dict[tuple[str, str], PhoneInfo]] = (None, {})


def _readings(allowlist: Allowlist) -> dict[tuple[str, str], PhoneInfo]:
    global _read_table
    owner, table = _read_table
    if owner is not allowlist or len(table) >= _READ_CACHE_SIZE:
        table = {}
        _read_table = (allowlist, table)
    return table


def find_phones(text: str, allowlist: Allowlist) -> list[PhoneInfo]:
    """Phone numbers written in ``text`` (normalised), in order, without duplicates. One pass."""
    if "+82" in text:
        text = _PLUS82.sub("0", text)
    found: list[PhoneInfo] = []
    seen: set[str] = set()
    readings = _readings(allowlist)
    for match in _matches(text):
        kind = match.lastgroup  # the outer group that matched: "intl", "kr" or "short"
        key = (kind, match.group(0))  # the number as written (and a "(" before a Korean one)
        info = readings.get(key)
        if info is None:
            info = readings[key] = _read(kind, match, allowlist)
        # A short number that is not an official one counts only when written as a number to call.
        if kind == "short" and not info.official and not _CALL_CONTEXT.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue
        if info.number not in seen:
            seen.add(info.number)
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
