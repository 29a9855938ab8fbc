"""Phone numbers in a message: found in Korean and international formats, classified, and checked
against the official numbers. In real Korean reports about half of the smishing texts carry a
call-back number and no link, so numbers are first-class evidence."""

from __future__ import annotations

import re

from checker.allowlist import Allowlist
from checker.normalize import any_of
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
# North-American (NANP) numbers as US and Canadian texts write them, without "+": "1-888-000-0142", "(844) 555-0100",
# "1 (800) 555-0100", "800.555.0100". A ten-digit block needs its written shape (an area code of 2-9, then 3-3-4
# digits with the same "-" or "." between the groups, or the area code in brackets), and no digit, letter, "+",
# "." or "-" before it nor a further digit group after it: bare ten-digit runs, space-separated blocks and 4-3-4
# numbers ("1800-102-2224", India's toll-free) are Indian or Nigerian mobiles, account numbers and amounts far
# more often. Dotted, the exchange must start with 2-9 as real ones do: "588.000.000~655.000.0008" (amounts with
# dotted thousands and a list number glued on, a KISA advert) is no number. The "+1" spelling stays international
# (_INTERNATIONAL, tried first). No Korean number starts so.
_NANP = re.compile(
    r"(?<![0-9A-Za-z+.,~\-/])(?P<num>(?:1 ?)?\([2-9][0-9]{2}\)[ .\-]?[0-9]{3}[ .\-][0-9]{4}"
    r"|(?:1-)?[2-9][0-9]{2}-[0-9]{3}-[0-9]{4}|(?:1\.)?[2-9][0-9]{2}\.[2-9][0-9]{2}\.[0-9]{4})(?![0-9]|[.\-][0-9])"
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
    "|(?P<nanp>" + _NANP.pattern.replace("(?P<num>", "(?P<nanpnum>") + ")"
)
_NON_DIGIT = re.compile(r"[^0-9]")


# Numbers can only start at a run of digits (or + / ( before one): the exact patterns run only there.
# Same runs as "[+(]?[0-9][0-9 ()\-.*xX?]*", written to start with one character set (a digit, + or (,
# and after + or ( a digit must follow) so that the regex engine skips quickly to the next candidate.
_RUN = re.compile(r"[0-9+(](?:(?<=[+(])[0-9]|(?<=[0-9]))[0-9 ()\-.*xX?]*")
# The shortest Korean number (15xx-xxxx written without separators) has eight characters and an
# international one nine: a shorter run can only hold a short service number (``_SHORT``), and most runs are
# amounts and dates ("10,000" leaves "000", "2022").
_SHORTEST_LONG_NUMBER = 8

# What ``_plain_matches`` looks at, in one pass and with no Python step per run: the runs of ``_RUN`` of eight
# characters or more (where ``_ANY`` runs), and, elsewhere, the short numbers themselves.
# - The long branch is ``_RUN`` with its continuation required seven characters long. Where it fails, the run
#   that starts there is shorter, and so is every suffix of it: the engine finds the same long runs as ``_RUN``.
# - The short branch is ``_SHORT`` as ``_SHORT.finditer(text, run_start, run_end)`` reads it in a short run:
#   its look-behind sees the text before the run (a search from a position still looks back past it), and
#   its look-ahead sees the end of the text at the run's end, so it never fails there; inside a run, the next
#   character is a run character, of which only a digit, "." and "-" are in its class. Both read
#   "(?![0-9.\-])" on the whole text. No short number crosses a run boundary (it is all digits).
# - Both branches start at a run character: the leading set lets the engine skip from candidate to candidate
#   (a pattern that starts with a look-behind or with alternatives that do not each start with one literal
#   has no such set), and the long branch is tried first, as ``_ANY`` tries its long alternatives first.
# count_instructions.py --messages 1000: 652.6 k -> 645.2 k instructions per message (most runs hold no number:
# 2.4 runs of three characters or more per benchmark text, 0.77 candidates).
# - The engine tries the pattern at every digit, and most digits follow another one ("2022", "10,000"), where no
#   candidate starts: a long one starting there would also start at the digit before, which was tried (or lies in
#   a match that goes on past it: a match never ends just before a digit), and a short one needs no digit before
#   its "1". The look-behind "(?<![0-9][0-9])" right after the first character rejects those digits at once, before
#   the branches and their look-behinds: about -2 k instructions per message (callgrind, benchmark texts).
_RUN_CHAR = r"[0-9 ()\-.*xX?]"
_CANDIDATE = re.compile(
    rf"[0-9+(](?<![0-9][0-9])(?:"
    rf"(?<=[0-9]){_RUN_CHAR}{{7}}{_RUN_CHAR}*|(?<=[+(])[0-9]{_RUN_CHAR}{{6}}{_RUN_CHAR}*"
    rf"|(?<=1)(?<![0-9,.\-]1)[0-9]{{2,3}}(?![0-9.\-])"
    rf")"
)
_NUMBER_GROUP = {"intl": "num", "kr": "krnum", "short": "shortnum", "nanp": "nanpnum"}
_ASCII_DIGITS = tuple("0123456789")


def _plain_matches(text: str):
    """The reference for ``_matches``: ``_ANY`` in every run of digits, read the same way."""
    for run in _RUN.finditer(text):
        for match in _ANY.finditer(text, *run.span()):
            kind = match.lastgroup
            yield kind, match.group(0), match.group(_NUMBER_GROUP[kind]), match.start()


def _matches(text: str, pos: int = 0, lax: bool = False):
    """The numbers in ``text``, in order: (kind, as written, the number part, start). ``kind`` is the outer group
    of ``_ANY`` that matched ("intl", "kr", "short" or "nanp"); "as written" holds a "(" before a Korean number.
    ``pos``: where to start looking, when no candidate starts before it (look-behinds still see the text before).
    ``lax``: where a long run holds no number, also the number ``_lax_number`` reads in it (kind "kr")."""
    for candidate in _CANDIDATE.finditer(text, pos):
        start, end = candidate.span()
        if end - start < _SHORTEST_LONG_NUMBER:
            number = candidate.group(0)
            yield "short", number, number, start
            continue
        found = False
        for match in _ANY.finditer(text, start, end):
            found = True
            kind = match.lastgroup
            yield kind, match.group(0), match.group(_NUMBER_GROUP[kind]), match.start()
        if lax and not found and text[start] == "0" and _HANGUL.search(text):  # Korean numbers in Korean texts only
            digits = _lax_number(text, start, end)
            if digits is not None:
                yield "kr", digits, digits, start


# A Korean number written with odd separators, as filter-dodging adverts and scams write them: "010--9610--5472",
# "050-5099- 0079", "032-873 -1995", "☎0.1.0.21.55.7.8.96", "010..6467....3414" (KISA reports). Read only in a Korean
# text, where the strict patterns find nothing in a run of digits that follows a word of calling ("문의:", "☎") and
# whose digits are exactly as many as a number of that prefix has: dates, amounts, account and order numbers follow no
# such word ("0700 3000000" in a Nigerian advert is no Korean 070 number).
_LAX_CONTEXT = re.compile(r"(?:국번\s*없이|☎|☏|tel|전화|문의|신고|상담|센터|call)\s*[:：]?\s*$", re.IGNORECASE)
_LAX_LENGTHS = (("010", (11,)), ("01", (10, 11)), ("02", (9, 10)), ("070", (11,)), ("050", (11, 12)))
_LANDLINE_AREA = re.compile(r"0[3-6][1-5]")
_NOT_AFTER_LAX = frozenset("원만천%")


def _lax_number(text: str, start: int, end: int) -> str | None:
    """The digits of the run ``text[start:end]`` read as one Korean number despite its separators, or None."""
    written = text[start:end].rstrip(" .-()")
    end = start + len(written)
    if (end < len(text) and text[end] in _NOT_AFTER_LAX) or not _LAX_CONTEXT.search(text, max(0, start - 12), start):
        return None
    digits = _NON_DIGIT.sub("", written)
    if len(digits) != len(_NOT_DIGIT_OR_MASK.sub("", written)):
        return None  # a masked number (010-XXXX-…) is no number to call
    lengths = _lax_lengths(digits)
    return digits if lengths is not None and len(digits) in lengths else None


# A number broken over lines or spaces right after a word of calling: "소비자문의:02-555-979\n3", "고객상담:02-5550-16\n38",
# "문의전화:02-5\n55-0163", "문의:031-555\n-0178" (SMISH_DT's payment scares, copied from phone screens that wrap lines).
# The runs of digits stop at the line break, so neither the strict patterns nor ``_lax_number`` see the whole number.
# Read only in a Korean text, after the word itself (an amount, a date or an account number does not follow "문의:"),
# as a prefix of a Korean number and up to three more groups of at most four digits, each after a separator, when the
# digits of the first groups add up to as many as a number of that prefix has and no 원/만/천/% follows
# ("주문전화 : 031-977-14403만원이상" is a number glued to a price, not a broken one).
_BROKEN = re.compile(
    r"(?:문의|센터|상담|전화)(?:전화|처)?[ \t]*[:：]?\s*"
    r"(?P<num>(?:01[016789]|0[2-6]\d?|070|050\d?)(?!\d)"
    r"(?:(?:[ \t\n]{1,2}[\-.)]?|[\-.)])[ \t\n]{0,2}\d{1,4}(?!\d)){1,3})"
)
_DIGIT_GROUP = re.compile(r"\d+")
# The words that every match of ``_BROKEN`` starts with (tests/test_fast_paths_links.py checks them).
_BROKEN_WORDS = ("문의", "센터", "상담", "전화")


def _broken_numbers(text: str, read_at: set[int], pos: int = 0):
    """The numbers broken by line breaks or spaces after a word of calling (see ``_BROKEN``) that no number read
    at the same place already covers: (digits, start). ``read_at``: where the long numbers read start (a short one
    such as "121" may be the last group of a broken number). ``pos``: where to start looking, when no word of
    calling starts before it (every match starts with one: the regex engine need not test the text before it)."""
    for match in _BROKEN.finditer(text, pos):
        start = match.start("num")
        if start in read_at or start - 1 in read_at:
            continue
        digits = ""
        best = None
        for group in _DIGIT_GROUP.finditer(text, start, match.end()):
            if group.start() in read_at and digits:
                break  # a number of its own starts there ("문의 02\n010-1234-5678")
            digits += group.group(0)
            lengths = _lax_lengths(digits)
            if lengths is not None and len(digits) in lengths:
                best, end = digits, group.end()  # the longest reading that is a whole number
        if best is not None and text[end : end + 1] not in _NOT_AFTER_LAX:  # not "… 14403만원"
            yield best, start


def _lax_lengths(digits: str) -> tuple[int, ...] | None:
    """How many digits a Korean number with the prefix of ``digits`` has, or None for no Korean prefix."""
    lengths = next((n for prefix, n in _LAX_LENGTHS if digits.startswith(prefix)), None)
    if lengths is None and _LANDLINE_AREA.match(digits):
        lengths = (10, 11)
    return lengths


def _read(kind: str, number: str, allowlist: Allowlist) -> PhoneInfo:
    """What a number (the number part of an ``_ANY`` match of the outer group ``kind``) reads as."""
    if kind == "intl":
        digits = _NON_DIGIT.sub("", number)
        digits = "+" + digits.lstrip("0") if number.startswith("+") else digits
        return _info(digits, allowlist, kind="international")
    if kind == "kr":
        return _info(_digits(number), allowlist)
    if kind == "nanp":
        # Written the North-American way: kept as the number in international form (+1 and ten digits), of its own kind
        # (not "international": a US or Canadian text gives its own country's numbers so).
        return _info("+1" + _NON_DIGIT.sub("", number)[-10:], allowlist, kind="north_american")
    return _info(number, allowlist)


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


# Next to a short number, a Latin letter makes it part of an ID ("@kdg114", "TS112", "N110") and 원, 만, 천 or %
# an amount ("110원"): neither is a number to call. (The patterns run inside a run of digits and cannot see these.)
_NOT_BESIDE_SHORT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NOT_AFTER_SHORT = _NOT_BESIDE_SHORT | frozenset("원만천%")
_HANGUL = re.compile(r"[가-힣ㄱ-ㅣ]")


def _short_number_counts(text: str, start: int, length: int, official: bool) -> bool:
    """Whether the short number at ``start`` is one to call: not glued to a letter nor an amount, and written as
    a number to call unless it is an official one (118, 1332 …) in a Korean text. In a text without Hangul a
    Korean service number is far more often something else ("PO BOX 114", "114 flats") than the number to call."""
    end = start + length
    if (start and text[start - 1] in _NOT_BESIDE_SHORT) or (end < len(text) and text[end] in _NOT_AFTER_SHORT):
        return False
    if official and _HANGUL.search(text):
        return True
    return _CALL_CONTEXT.search(text, max(0, start - 12), start) is not None


def find_phones(text: str, allowlist: Allowlist) -> list[PhoneInfo]:
    """Phone numbers written in ``text`` (normalised), in order, without duplicates. One pass."""
    if not any_of(_ASCII_DIGITS, text):
        # Every match of ``_CANDIDATE`` holds an ASCII digit, and a quarter of the benchmark's texts hold none: ten
        # substring tests cost less than the regex engine's test of every character against a set.
        return []
    if "+82" in text:
        text = _PLUS82.sub("0", text)
    first = _CANDIDATE.search(text)
    if first is None:
        # Four texts in ten with digits hold no candidate (amounts, dates): one search answers them without the
        # generator and the table below; the others go on from the first candidate, not searched twice
        # (-0.4 k instructions per message, callgrind of find_phones on 10,000 benchmark texts). A number broken
        # over lines holds none either ("문의전화:02-5\n55-0163").
        return _add_broken_numbers(text, allowlist, [], set(), set())
    found: list[PhoneInfo] = []
    seen: set[str] = set()
    read_at: set[int] = set()
    readings = _readings(allowlist)
    for kind, written, number, start in _matches(text, first.start(), lax=True):
        key = (kind, written)
        info = readings.get(key)
        if info is None:
            info = readings[key] = _read(kind, number, allowlist)
        if kind != "short":
            read_at.add(start)
        elif not _short_number_counts(text, start, len(number), info.official):
            continue
        if info.number not in seen:
            seen.add(info.number)
            found.append(info)
    return _add_broken_numbers(text, allowlist, found, seen, read_at)


def _add_broken_numbers(
    text: str, allowlist: Allowlist, found: list[PhoneInfo], seen: set[str], read_at: set[int]
) -> list[PhoneInfo]:
    """``found`` and, after them, the numbers broken over lines after a word of calling (``_BROKEN``)."""
    # The words of ``_BROKEN`` (each holds Hangul: no test of the text for Hangul), tested inline: four substring scans
    # of the texts with digits, where a call per word cost more (6.5 % of the dev texts hold one).
    if "문의" in text or "센터" in text or "상담" in text or "전화" in text:
        # Every match starts with one of the words: the search starts at the first of them (four substring scans cost
        # less than the regex engine's test of each character before it).
        first = min([at for at in [text.find(word) for word in _BROKEN_WORDS] if at >= 0])
        for digits, _start in _broken_numbers(text, read_at, first):
            if digits not in seen:
                seen.add(digits)
                found.append(_info(digits, allowlist))
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
