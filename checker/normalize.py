"""Undo the disguises that smishing texts use, so that rules and URL extraction see plain text.

``normalize(text)`` is pure and linear-time: every pattern here is a single pass without nested
quantifiers, because message text is attacker-written (see tests for 64 KB adversarial inputs).
"""

from __future__ import annotations

import re
import unicodedata

# Characters that render as nothing but split words and URLs: zero-width, bidi controls,
# word joiners, BOM, soft hyphen, Hangul fillers (U+3164 and half-width U+FFA0 look blank).
_INVISIBLE = dict.fromkeys(
    [
        0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E,
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
        0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
        0x2066, 0x2067, 0x2068, 0x2069, 0x206A, 0x206B, 0x206C, 0x206D, 0x206E, 0x206F,
        0x3164, 0xFEFF, 0xFFA0,
    ]
)
# Ideographic full stops are not folded by NFKC into "." but read as a dot in a URL.
_DOTS = {0x3002: ".", 0xFF61: ".", 0xFE12: ".", 0x2024: "."}
# Control characters (except tab and newline) become a space; lone surrogates are dropped.

# Defanging as used by attackers and by security people quoting them: hxxp, [.] (.) {.} [dot].
_HXXP = re.compile(r"\b(?:hxxp|hxp|hxtp|htxp|h\*\*p|hzzp|ttp)(s?)(?=\s*:\s*/\s*/)", re.IGNORECASE)
# "h t t p : / /", "HTTP:://" and a link wrapped inside or right after its "://" ("https:/⏎/x.kr",
# "https://⏎x.kr", as phones wrap long lines): rewritten as "http://". It must start a word (\b before the h); that
# test is done in ``_join_scheme`` because a leading \b would stop the regex engine from skipping ahead
# to the next "h" (the same matches: a rejected match holds no other "h" where a match could start).
_SPACED_SCHEME = re.compile(r"h[ \t]*t[ \t]*t[ \t]*p[ \t]*(s?)[ \t]*:[ \t\n:]*/[ \t\n]*/[ \t\n]*", re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
# The defanged schemes of ``_HXXP`` other than "ttp" (which every "http" contains).
_DEFANGED = ("hxxp", "hxp", "hxtp", "htxp", "h**p", "hzzp")
_COLON_SLASHES = re.compile(r":[ \t\n]*/[ \t\n]*/")
_BRACKET_COLON = re.compile(r"[\[({]\s*:\s*[\])}]")
_BRACKET_DOT = re.compile(r"[\[({<]\s*(?:\.|dot|점)\s*[\])}>]", re.IGNORECASE)
# Any text that ``_BRACKET_COLON`` or ``_BRACKET_DOT`` changes holds a match of this: one scan tells whether
# either must run (most texts with brackets hold only "[Web발신]" and the like).
# "dot" in any case is spelled out: the same characters as re.IGNORECASE matches (no other code point folds
# to d, o or t), without its per-character case folding on every bracket's neighbourhood.
_BRACKETED = re.compile(r"[\[({<]\s*(?:[.:]|[Dd][Oo][Tt]|점)\s*[\])}>]")
# ``_BRACKETED`` split by its opening character: each pattern starts with a literal, which the regex engine
# skips to as fast as ``str.find``, instead of testing every character against a set (most Korean texts
# hold "[Web발신]", so the set scan ran over the whole text). Callgrind, 2,000 benchmark texts: 11.2 k → 7.1 k
# instructions per text for the pre-check.
_BRACKETED_AFTER = {
    opener: re.compile(re.escape(opener) + r"\s*(?:[.:]|[Dd][Oo][Tt]|점)\s*[\])}>]").search for opener in "[({<"
}
_WORD_DOT = re.compile(r"(?<=[a-z0-9])[ \t]+dot[ \t]+(?=[a-z0-9])", re.IGNORECASE)
# "naver . com", "evil .xyz", "evil. com": joined only when the right side is a common TLD
# (checked by the caller-provided set) so that ordinary sentences stay untouched.
# Anchored at the dot (a fast character-class scan); the label on the left is checked in the callback.
# (The same matches as "(?:[ \t]+\.[ \t]*|\.[ \t]+)…", written to start with one character set so that the
# regex engine skips ahead to the next blank or dot; the lookbehinds tell which alternative applies.)
_SPACED_DOT = re.compile(r"[ \t.](?:(?<=[ \t])[ \t]*\.[ \t]*|(?<=\.)[ \t]+)([A-Za-z]{2,12})(?![A-Za-z0-9-])")
# TLDs for which a spaced dot is joined. Kept short: words like "me", "it", "to" stay prose.
JOINABLE_TLDS = frozenset(
    "com net org kr xyz top info biz site shop online club icu vip cc ly gl cn ru link click".split()
)
# Every spaced dot that ``_join_spaced_dot`` joins is a dot with a blank on one side, then a joinable TLD
# (any ASCII case) that no letter, digit or hyphen follows. Most texts with a spaced dot are sentences
# ("확인하세요. 감사"): this search, anchored at the dot (a literal the regex engine skips to), tells that
# nothing there can change without running ``_SPACED_DOT`` from every blank.
_SPACED_TLD = re.compile(
    r"\.(?:[ \t]+|(?<=[ \t]\.))(?:"
    + "|".join("".join(f"[{c.upper()}{c}]" for c in tld) for tld in sorted(JOINABLE_TLDS))
    + r")(?![A-Za-z0-9-])"
)

# A link whose scheme lost its colon to a blank ("http //bit.ly/x", "https //evil.com"): what the OCR of a
# screenshot gives (SpamHunter's texts hold thousands) and what no prose holds. Rewritten as "http://"; the link
# is not counted as disguised for it (see ``checker.urls.lost_colon_only``). The scheme must start a word.
# The blanks after the slashes go too. A scheme that another follows ("http // http //x.io", pasted twice) is left.
_LOST_COLON = re.compile(r"(?i)(?<![A-Za-z0-9])(h(?:tt|xx)ps?) +//(?! *h(?:tt|xx)p) *")
# Right after a scheme, a host written with a blank at a dot or before a hyphen ("http://hawke .rs", "http://www
# .shop-x.com", "http://pointrmn .com/a", "http://box. cl", "http://aib -verify.com"): joined when what follows
# ends in a real TLD (checked in ``_join_host_gap``). A dot then a blank after a host that has a dot already
# ("http://evil.com. it was") is a sentence's end, not a gap. The host stops at a slash: no path is joined.
_HOST_GAP = re.compile(
    r"://([A-Za-z0-9][A-Za-z0-9\-.]{0,252}?)(?:[ \t]+[.\-][ \t]*|\.[ \t]+)"
    r"([A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\.[A-Za-z0-9\-]{1,63}){0,4})(?![A-Za-z0-9\-.])"
)
# Every gap that ``_HOST_GAP`` or ``_WWW_GAP`` joins, matched at its "://": a host's characters, then blanks and a
# dot or a hyphen, a dot and a blank, or "www" and a blank. Possessive: one try at the host's end.
_GAP_HINT = re.compile(r"://[A-Za-z0-9.\-]*+(?:[ \t]+[.\-]|(?<=\.)[ \t]|(?<=://[Ww]{3})[ \t])")
# "http://www evil.com" (the dot after www lost): "www" alone right after a scheme starts a host.
_WWW_GAP = re.compile(r"://([Ww]{3})[ \t]+(?=[A-Za-z0-9])")


def _join_lost_colon(match: re.Match[str]) -> str:
    # A scheme glued to the word before it ("Number.https // cutt.ly/x") is spaced off, so that the link's token
    # does not start with "Number.https", which reads as a host.
    start = match.start()
    blank = " " if start and not match.string[start - 1].isspace() else ""
    return f"{blank}{match.group(1).lower()}://"


def _join_host_gap(match: re.Match[str]) -> str:
    from checker.urls import TLDS  # urls imports this module; only links with a gap get here

    host, tail = match.group(1), match.group(2)
    gap = match.group(0)[3 + len(host) : -len(tail)]
    ending = tail.rsplit(".", 1)[-1]
    if "." not in tail and "-" in gap:  # "http://evil -2 days": a hyphen needs a whole host after it
        return match.group(0)
    if not ending.isalpha() or ending.lower() not in TLDS or not (gap[0] in " \t" or "." not in host):
        return match.group(0)
    return f"://{host}{'-' if '-' in gap else '.'}{tail}"


def _join_host_gaps_after(text: str, first: int) -> str:
    """``text`` with its hosts broken right after a scheme joined, when the first "://" (at ``first``) has such a
    gap ("http://hawke .rs", "http://box. cl", "http://www evil.com"); else ``text`` as it is.

    Only the first link is looked at, by one anchored match (a search of a Korean text, which the regex engine scans
    one character at a time, cost 4 k instructions per text with a link): the texts that break one host break the
    first, and ``_join_host_gaps`` then looks at every link."""
    if first >= 0 and _GAP_HINT.match(text, first) is not None:
        return _join_host_gaps(text)
    return text


def _join_host_gaps(text: str) -> str:
    """``_WWW_GAP`` and ``_HOST_GAP`` joined at every "://" where ``_GAP_HINT`` matches."""
    at = text.find("://")
    joins = 0
    while at >= 0:
        if _GAP_HINT.match(text, at) is not None and joins < 3:
            www = _WWW_GAP.match(text, at)
            if www is not None:
                text = f"{text[:at]}://{www.group(1)}.{text[www.end() :]}"
                joins += 1
                continue
            gap = _HOST_GAP.match(text, at)
            if gap is not None:
                joined = _join_host_gap(gap)
                if joined != gap.group(0):
                    text = text[:at] + joined + text[gap.end() :]
                    joins += 1
                    continue  # the same host may hold another gap ("http://aib -pay .com")
        at = text.find("://", at + 3)
    return text


# The compatibility characters that real texts hold most (full-width forms, circled digits and letters, compatibility
# jamo, enclosed and squared CJK, typographic punctuation and spaces), each with its NFKC form: see ``nfkc``.
_COMPATIBLE = {
    char: folded
    for first, last in (
        (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x218F), (0x2460, 0x24FF), (0x3000, 0x3000),
        (0x3131, 0x318E), (0x3200, 0x33FF), (0xFF00, 0xFFEF),
    )
    for char in map(chr, range(first, last + 1))
    if (folded := unicodedata.normalize("NFKC", char)) != char
}
_COMPATIBLE_CHAR = re.compile("[" + "".join(_COMPATIBLE) + "]")


def _fold_compatible(match: re.Match[str]) -> str:
    return _COMPATIBLE[match.group(0)]


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)`` (equal, not always the same object), faster for most texts that
    are not NFKC: see ``_renormalize``."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    return _renormalize(text)


def _renormalize(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)`` for a ``text`` that is not NFKC.

    Replacing a character by its own NFKC form leaves the NFKC form of the whole text unchanged (both decompose to
    the same characters, in the same canonical order: UAX #15). So when ``text`` with its ``_COMPATIBLE`` characters
    replaced is NFKC, that is the answer; else (a replaced jamo that now composes, a character not listed) the full
    normalisation runs. The replacement and the check cost half of the normalisation, which decomposes and
    recomposes every Hangul syllable: 11.9 → 5.8 µs per non-NFKC benchmark text (14 % of them; 98 % take the short
    way). tests/test_fast_paths_core.py compares with ``unicodedata.normalize``."""
    folded = _COMPATIBLE_CHAR.sub(_fold_compatible, text)
    if unicodedata.is_normalized("NFKC", folded):
        return folded
    return unicodedata.normalize("NFKC", text)


_STRIP = re.compile(
    "[\ud800-\udfff\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(f"\\u{c:04x}" for c in _INVISIBLE) + "]"
)


def _strip_one(match: re.Match[str]) -> str:
    char = match.group(0)
    return " " if char <= "\x9f" else ""


# The characters of ``_STRIP`` that ``str.isprintable`` accepts (combining and Hangul fillers); every other one is
# non-printable (a test checks all code points).
_PRINTABLE_INVISIBLE = ("\u3164", "\uffa0", "\u115f", "\u1160", "\u034f", "\u17b4", "\u17b5")


def strip_invisible(text: str) -> str:
    """Remove invisible characters and lone surrogates; control characters become a space.

    The same as ``plain_strip_invisible``. Almost no text holds any of them (7 of 20,000 benchmark texts), and
    ``isprintable`` (after removing line breaks and tabs, the non-printable characters that stay) with seven
    substring tests tells so faster than the regex engine's scan of the text: callgrind, 2,000 benchmark texts,
    13.9 k → 9.8 k instructions per text."""
    if _nothing_to_strip(text, _squeeze(text)):
        return text
    return plain_strip_invisible(text)


def _squeeze(text: str) -> str:
    """``text`` without blanks, line breaks and tabs (the whitespace that normalised text holds)."""
    squeezed = text.replace(" ", "")
    if "\n" in squeezed:
        squeezed = squeezed.replace("\n", "")
    if "\t" in squeezed:
        squeezed = squeezed.replace("\t", "")
    return squeezed


def _nothing_to_strip(text: str, squeezed: str) -> bool:
    """Whether ``plain_strip_invisible`` leaves ``text`` as it is (``squeezed`` is ``_squeeze(text)``): every
    character it strips is non-printable but ``_PRINTABLE_INVISIBLE``, and blanks, line breaks and tabs are kept."""
    return squeezed.isprintable() and (text.isascii() or not any_of(_PRINTABLE_INVISIBLE, text))


def any_of(chars: tuple[str, ...], text: str) -> bool:
    """True when one of ``chars`` is in ``text`` (a loop: cheaper than ``any`` over a generator)."""
    for char in chars:
        if char in text:
            return True
    return False


def plain_strip_invisible(text: str) -> str:
    """``strip_invisible`` by one regex substitution (the reference for its fast path)."""
    return _STRIP.sub(_strip_one, text)


def _has_bracketed(text: str) -> bool:
    """``_BRACKETED.search(text) is not None``: is there a bracketed colon or dot for the bracket steps to undo?"""
    for opener, search in _BRACKETED_AFTER.items():
        if opener in text and search(text) is not None:
            return True
    return False


def _join_scheme(match: re.Match[str]) -> str:
    start = match.start()
    if start and _WORD_CHAR.match(match.string, start - 1):  # not at a word start: no \b, left as is
        return match.group(0)
    return f"http{match.group(1).lower()}://"


# A defanged scheme of ``_DEFANGED``, or a "ttp" after no "h". Every branch starts with a literal, so the regex
# engine skips from "h" to "t" to "h".
_DEFANGED_OR_BARE_TTP = re.compile(r"h(?:xxp|xp|xtp|txp|\*\*p|zzp)|ttp(?<!http)")


def _may_be_defanged(lower: str) -> bool:
    """False when ``_HXXP`` cannot match ``lower`` (the lower-cased text): none of its words is present,
    and every "ttp" is the end of an "http".

    The same as ``lower.count("ttp") > lower.count("http") or any(word in lower for word in _DEFANGED)`` (the
    reference in the tests; "ttp" and "http" cannot overlap themselves, so more "ttp" than "http" means a "ttp"
    after no "h"), by one search instead of eight substring scans: 4.2 → 3.4 µs per text with a link (lower-casing
    included) measured alone.

    The substring tests first: each defanged word holds "hx", "htx", "h*" or "hz", and a "ttp" after no "h" makes
    more "ttp" than "http". Most texts with a link hold none of these, and six substring scans cost less than the
    search, which stops at every "h" and "t" of an English text."""
    if not ("hx" in lower or "hz" in lower or "h*" in lower or "htx" in lower or lower.count("ttp") > lower.count("http")):
        return False
    return _DEFANGED_OR_BARE_TTP.search(lower) is not None


# The upper-case forms of the letters that ``_may_be_defanged`` and ``_spells_out_a_dot`` look for.
_SCHEME_TEST_UPPER = ("H", "T", "P", "X", "Z", "D", "O")


def _lower_for_scheme_tests(text: str) -> str:
    """``text.lower()``, or ``text`` itself where ``_may_be_defanged`` and ``_spells_out_a_dot`` answer the same for
    both: a non-ASCII text that holds none of ``_SCHEME_TEST_UPPER``.

    Those tests read only h, x, z, t, p, d, o, "*", blanks and tabs, and no character but the ASCII ones lower-cases to
    any of these (only İ and the Kelvin sign lower-case to ASCII letters, i and k: a test checks all code points). So
    each of them in the lower-cased text is the very character of ``text``, with the same neighbours among them.
    Lower-casing a Korean text with a link cost more than the seven substring scans that tell (an ASCII text lower-cases
    faster than it is scanned seven times)."""
    if text.isascii() or any_of(_SCHEME_TEST_UPPER, text):
        return text.lower()
    return text


def _plain_schemes_only(text: str) -> bool:
    """True when ``_SPACED_SCHEME.sub(_join_scheme, text)`` would give ``text`` back: every colon followed by
    two slashes is a plain lower-case "http://" or "https://" followed by a non-blank, not a line break (most links).

    Every match of ``_SPACED_SCHEME`` holds a match of ``_COLON_SLASHES`` (its last colon and the slashes).
    When that is "://" right after "http" or "https", the match starts at that "h" (no earlier "h" can reach
    it through "h", "t", "t", "p", "s" and blanks) and is rewritten to itself, or left as is off a word start."""
    for match in _COLON_SLASHES.finditer(text):
        start, end = match.span()
        if end - start != 3 or text[end : end + 1] in (" ", "\t", "\n"):
            return False
        if not (text.endswith("http", 0, start) or text.endswith("https", 0, start)):
            return False
    return True


def _spells_out_a_dot(lower: str) -> bool:
    """Whether ``_WORD_DOT`` may change the text whose lower-cased form is ``lower``: a "dot" after a blank or
    before a tab. One substring test for most texts (a spelled-out dot is rare): −1.8 k instructions per text.

    Only an ASCII "d" or "D" lower-cases to a "d" (a test checks all code points): a text without either cannot
    spell out a dot, and need not be lower-cased for this test."""
    return "dot" in lower and (" dot " in lower or "\tdot" in lower or "dot\t" in lower)


def _join_spaced_dot(match: re.Match[str]) -> str:
    start = match.start()
    text = match.string
    before = text[start - 1] if start else ""
    word = match.group(1)
    if not (before.isascii() and (before.isalnum() or before == "-") and word.lower() in JOINABLE_TLDS):
        return match.group(0)
    if text[start] == "." and _ends_a_sentence_or_item(text, start, word):
        return match.group(0)
    return "." + word


def _ends_a_sentence_or_item(text: str, dot: int, word: str) -> bool:
    """Whether the dot glued to the word before it ("shipping. Shop") ends a sentence or numbers a list item rather
    than splitting a host: the next word is capitalised as a sentence's first ("Free shipping. Shop now", "Thanks for
    coming. Online booking"), or the dot follows an item number ("1. NET 관련", "2. VIP 고객님"). Disguises write the
    TLD in lower case ("evil. com", "naver . com" and "bit . ly" have a blank before the dot and are not asked)."""
    if word[0].isupper() and (len(word) == 1 or word[1:].islower()):
        return True
    label_start = dot
    while label_start > 0 and dot - label_start < 3 and text[label_start - 1].isascii() and text[label_start - 1].isalnum():
        label_start -= 1
    item_number = text[label_start:dot]
    return item_number.isdigit() and len(item_number) <= 2 and not (label_start and text[label_start - 1] in "-_.")


def normalize(text: str) -> str:
    """Return ``text`` with invisible characters removed, NFKC applied, full stops unified and
    defanged or spaced-out URLs put back together. Line breaks are kept.

    Each step runs only when its trigger characters are present: most messages need none of them."""
    return _undisguise(strip_invisible(text))


def normalize_and_compact(raw: str) -> tuple[str, str]:
    """``(normalize(raw), compact(normalize(raw)))``, sharing the work of the two (what ``Message`` needs)."""
    text, compacted, _ = normalize_compact_and_check(raw)
    return text, compacted


def normalize_compact_and_check(raw: str) -> tuple[str, str, bool]:
    """``normalize_and_compact(raw)`` and whether ``raw`` held nothing that ``strip_invisible`` removes or blanks
    (then it holds no lone surrogate either: the checker need not look for one again).

    Most texts (86 % of the benchmark's) come out of ``normalize`` unchanged. For them, one squeezed copy (no
    blanks, line breaks or tabs) and one ``isprintable`` scan of it answer both ``strip_invisible``'s test and
    ``compact``'s: callgrind, 2,000 benchmark texts, 71.7 k → 68.6 k instructions per text. (Building the compact
    text from the lower-cased text that ``normalize`` makes for its URL tests was slower: removing blanks from a
    Korean text costs more than lower-casing it.)"""
    squeezed = _squeeze(raw)
    # Then the squeezed copy holds no other whitespace either (see ``compact``).
    visible = _nothing_to_strip(raw, squeezed)
    text = _undisguise(raw if visible else plain_strip_invisible(raw))
    if text is raw and visible:  # the squeezed copy is the compact text before lower-casing
        return text, squeezed.lower(), visible
    return text, compact(text), visible


def _undisguise(text: str) -> str:
    """``normalize`` after ``strip_invisible``."""
    if not unicodedata.is_normalized("NFKC", text):
        text = _renormalize(text)
    # NFKC folds the other full stops of ``_DOTS`` into U+3002 or ".": only U+3002 can be left (a test checks).
    if "\u3002" in text:
        text = text.translate(_DOTS)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _has_bracketed(text):
        text = _BRACKET_COLON.sub(":", text)
        text = _BRACKET_DOT.sub(".", text)
    scheme = _COLON_SLASHES.search(text) if ":" in text else None
    if scheme is None and "/" in text and " //" in text:
        # Only a text without a whole scheme is searched for a lost colon (an OCR loses every colon alike), so that
        # the substring test, slow in a Korean text, is not paid by the many texts with an ordinary link.
        text = _LOST_COLON.sub(_join_lost_colon, text)
        scheme = _COLON_SLASHES.search(text) if ":" in text else None
    if scheme is not None:
        before_schemes = text
        if not _plain_schemes_only(text):
            text = _SPACED_SCHEME.sub(_join_scheme, text)
        lower = _lower_for_scheme_tests(text)
        if _may_be_defanged(lower):
            text = _HXXP.sub(lambda m: f"http{m.group(1).lower()}", text)
            lower = text.lower()
        spelled_dot = _spells_out_a_dot(lower)
        text = _join_host_gaps_after(text, scheme.start() if text is before_schemes else text.find("://"))
    else:
        # Lower-casing a Korean text costs more than all the other tests here, and most texts hold no "d":
        # callgrind, 2,000 benchmark texts, ≈ −3.4 k instructions per text (normalize: 67.6 k → 56.3 k with the other
        # pre-checks above).
        spelled_dot = ("d" in text or "D" in text) and _spells_out_a_dot(text.lower())
    if spelled_dot:
        text = _WORD_DOT.sub(".", text)
    # Four two-character substring tests cost more than the search itself, which skips from dot to dot
    # (−2 k instructions per text).
    if "." in text and _SPACED_TLD.search(text):
        text = _SPACED_DOT.sub(_join_spaced_dot, text)
    return text


def compact(text: str) -> str:
    """Lower-case ``text`` without any whitespace: keyword matching that survives 소 비 쿠 폰.

    The same as ``plain_compact``. Normalised text holds blanks and line breaks (tabs seldom), and seldom any other whitespace:
    ``_squeeze`` removes those, and ``isprintable`` tells that nothing else is left (every whitespace
    character but the space is non-printable; a test checks all code points). Cheaper than splitting the text
    into words and joining them: callgrind, 2,000 normalised benchmark texts, 26.3 k → 18.4 k instructions per text."""
    squeezed = _squeeze(text)
    if squeezed.isprintable():
        return squeezed.lower()
    return plain_compact(text)


def plain_compact(text: str) -> str:
    """``text`` lower-cased without any whitespace, by splitting it into words (the reference for ``compact``)."""
    return "".join(text.split()).lower()
