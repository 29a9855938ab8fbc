"""Text normalisation for the classifier, shared by training and inference.

One function, :func:`normalize_for_model`, is the only way text reaches the model's features, in
``checker/train.py`` and in ``checker/model.py`` alike. It removes what the model must not learn:

* masks added by the data sets (``XXX``, ``***``, ``01X-XXXX-XXXX``, ``?``/``？`` runs from characters
  lost in an export): public sets mask digits far more often in spam than in ham, so a model that saw
  them would learn the mask instead of the wording;
* digits (every run of digits or digit masks becomes one ``0``): amounts, codes and phone numbers
  vary per campaign and carry personal data;
* URLs (each becomes the token ``<url>``): the rule layer judges links; the model judges wording.

It also folds what the sender varies to evade filters: NFKC (full-width and circled letters),
zero-width and bidi characters, letter case and runs of whitespace.
"""

from __future__ import annotations

import re

from checker.normalize import any_of, nfkc

#: Bump when the output of :func:`normalize_for_model` changes; a model trained with another
#: version is refused at load time.
NORMALIZATION_VERSION = "1"

URL_TOKEN = "<url>"

_INVISIBLE = re.compile(r"[\u00ad\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u3164\ufeff\uffa0]")
# The characters of _INVISIBLE that NFKC text can hold and ``str.isprintable`` accepts (two Hangul fillers; NFKC
# turns U+3164 and U+FFA0 into U+1160; the others are format characters, not printable): a printable NFKC text
# without them needs no _INVISIBLE pass (-0.3 µs/message measured alone, and -0.3 more because the whitespace step
# reuses the ``isprintable`` answer; tests/test_model_features.py checks the list against the pattern).
_PRINTABLE_INVISIBLE = ("\u115f", "\u1160")
# A Korean mobile number, real or masked by the data set (01X-XXXX-XXXX): one digit token.
_PHONE_MASK = re.compile(r"01[0-9Xx]-?[0-9Xx]{3,4}-?[0-9Xx]{4}")
# Runs of upper-case X standing for removed digits, possibly mixed with digits ("07XXX", "+91XXXXXXX").
# Not inside words ("XXL" stays; "XxX" kisses stay because of the lower-case x). A match starts only where
# a digit run starts (or at its 2nd digit after a letter): same matches, but linear on long digit runs.
# The same matches as the plain formulation kept in tests/test_fast_paths_model.py (look-behinds, then the run),
# written to start with a character (a digit or an X, read before the look-behinds, which then look one character
# further back): the regex engine skips ahead to the next digit or X instead of testing the look-behinds at every
# position (8.0 -> 3.1 µs per dev text with "XX").
_X_MASK_START = r"(?:(?<![A-Za-z0-9].)|(?<=[A-Za-z][0-9].))"
_X_MASK = re.compile(rf"(?:[0-9]{_X_MASK_START}[0-9]*X|X{_X_MASK_START})X+[0-9X]*(?![A-Za-z])")
_STAR_MASK = re.compile(r"[*＊]{2,}")
# "?" / "？" runs: characters the export lost (emoji, symbols). One space.
_LOST_CHARS = re.compile(r"[?？\ufffd]{2,}|\ufffd")
_URL = re.compile(
    r"(?:https?://|hxxps?://|www\.)\S+"
    r"|(?<![\w.@-])(?:[a-z0-9-]+\.)+(?:com|net|org|kr|co|me|ly|gl|io|to|cc|xyz|top|site|info|biz|shop|link|app"
    r"|ai|tv|in|us|vip|club|online|asia|pro|store|live|gg|kim|la|so|im|do|ws|li|ee|be|cn|ru|uk|de|jp)"
    r"(?![a-z0-9-])(?:[/?#]\S*)?",
    re.IGNORECASE,
)
# Every run of digits becomes one "0", and so does a number written in pieces ("0-0", "0 0", "0.0": digit
# runs joined by single separators). One pass, the same result as the two passes
# ``re.sub(r"0(?:[\s.,:/-]?0)+", "0", re.sub(r"[0-9]+", "0", text))`` (tests/test_fast_paths.py).
# Written "[0-9][0-9]*", not "[0-9]+": a pattern that starts with a plain character set lets the regex engine skip
# ahead to the next digit instead of trying a match at every position (same matches; ~0.8 µs/message less on the benchmark texts).
_NUMBERS = re.compile(r"[0-9][0-9]*(?:[\s.,:/-][0-9]+)*")
_ASCII_DIGITS = tuple("0123456789")
# A dot that may end a domain label: after a character that ``[a-z0-9-]`` matches under IGNORECASE (Unicode case
# folding adds İ, ı, ſ and the Kelvin sign) and before one that ``[a-z]`` matches (the start of the top-level
# domain), or after "www". Every _URL match holds such a dot or "://", so a token without one needs no URL pass.
# The pattern starts with the literal dot so that the regex engine jumps from dot to dot.
_DOMAIN_CHAR = "[-0-9A-Za-z\u0130\u0131\u017f\u212a]"
_TLD_START = "[A-Za-z\u0130\u0131\u017f\u212a]"
_URL_DOT = re.compile(rf"\.(?:(?<={_DOMAIN_CHAR}\.)(?={_TLD_START})|(?<=[wW]{{3}}\.))")
# The other hint is "://" (found with ``str.find``; see _mark_urls).


def normalize_for_model(text: str, plain: bool = False) -> str:
    """Return the form of ``text`` that the classifier sees (training and inference).

    ``plain``: the caller knows that ``text`` is NFKC and that its only non-printable characters are line breaks and
    tabs and that it holds no printable invisible character (``_PRINTABLE_INVISIBLE`` of ``checker.normalize``): what
    ``Message`` knows of a visible raw text that normalisation leaves as it is. The result is the same either way.

    >>> normalize_for_model("[Web발신] 고객님 010-1234-5678 ***원 https://x.kr/a XXX")
    '[web발신] 고객님 0원 <url> 0'
    """
    # The "in" pre-checks skip a regex pass on most messages (this runs ten thousand times a second). The whitespace
    # and URL steps below replace a split/join with a per-token loop: 113k -> 76k instructions/message in all
    # (callgrind, 2,000 benchmark texts); tests/test_model_features.py compares with that per-token version.
    if plain:
        # NFKC already, and no character of _INVISIBLE (the non-printable ones are no line break or tab, the printable
        # ones are among those the caller ruled out): printable unless it holds a line break or a tab. Two substring
        # scans instead of the NFKC test, the ``isprintable`` scan and the filler tests (tests/test_fast_paths_model.py).
        printable = "\n" not in text and "\t" not in text
    elif text.isascii():  # ASCII is NFKC already and holds no invisible character
        printable = text.isprintable()
    else:
        text = nfkc(text)
        printable = text.isprintable()
        if not printable or _PRINTABLE_INVISIBLE[0] in text or _PRINTABLE_INVISIBLE[1] in text:
            text = _INVISIBLE.sub("", text)
            printable = text.isprintable()
    text = _mark_urls(_collapse_spaces(text, printable))
    if "X" in text or "x" in text:
        text = _PHONE_MASK.sub("0", text)
        if "XX" in text:
            text = _X_MASK.sub("0", text)
    if "**" in text or "＊" in text:
        text = _STAR_MASK.sub("0", text)
    lost = "??" in text or "？" in text or "\ufffd" in text
    if lost:
        text = _LOST_CHARS.sub(" ", text)
    text = text.lower()
    # _NUMBERS matches ASCII digits only: an ASCII text without one needs no pass (ten substring scans of an ASCII text
    # cost less than the regex engine's test of every character; a Korean text is left to the pass).
    if not text.isascii() or any_of(_ASCII_DIGITS, text):
        text = _NUMBERS.sub("0", text)
    # Only the lost-character step can leave a space run now (the URL step above collapses its own, and the
    # mask and digit substitutions replace non-space runs by "0"). Collapsing it after the digit step keeps
    # "0 ?? 0" -> "0 0" (tests/test_model_features.py compares this with a whitespace pass on every text).
    return " ".join(text.split()) if lost else text


def _collapse_spaces(text: str, printable: bool | None = None) -> str:
    """``" ".join(text.split())`` without the token list when the only whitespace is the ASCII space.

    ``str.isprintable`` is false for every other whitespace character (all are categories Cc, Zs, Zl or Zp), and
    then the plain split/join runs. Otherwise only runs of spaces and the ends need work: 3 texts in 4 have
    none, and no token list is built. ``printable``: ``text.isprintable()`` when the caller knows it already.
    """
    if printable is None:
        printable = text.isprintable()
    if not printable:
        return " ".join(text.split())
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def _mark_urls(text: str) -> str:
    """Each URL becomes ``<url>`` spaced off from the rest of its token (``text`` has single spaces only).

    The same result as ``_URL.sub`` on every space-separated token followed by a split/join of the token, but
    the pattern runs only on tokens with a URL hint (0.5 per benchmark text): most dots end a sentence or sit in
    a number, and a long Korean token with a dot cost the pattern a try at every character.
    The next hint is searched from the end of the last token done (a lookbehind still sees the characters before
    the start of a search), not listed with ``finditer``: a text without a hint costs one search, and the other
    hints of a token done are skipped (-1.2 µs/message measured alone on the benchmark texts).
    The two kinds of hint are looked for apart, ``_URL_DOT`` and ``str.find("://")``, not with ``_URL_HINT``: a
    pattern that starts with one literal character jumps from dot to dot, whereas an alternation tests a character
    set at every position (the same hints: tests/test_model_features.py; model_texts 67.9k -> 63.7k instructions/message, callgrind, 2,048 benchmark texts).
    """
    dot = _URL_DOT.search(text) if "." in text else None  # (a substring scan is cheaper than the search's set-up)
    scheme = text.find("://")
    if dot is None and scheme < 0:
        return text
    pieces = []
    done = 0
    while dot is not None or scheme >= 0:
        at = scheme if dot is None or 0 <= scheme < dot.start() else dot.start()  # the first hint
        start = text.rfind(" ", 0, at) + 1
        end = text.find(" ", at)
        if end < 0:
            end = len(text)
        pieces.append(text[done:start])
        pieces.append(" ".join(_URL.sub(f" {URL_TOKEN} ", text[start:end]).split()))
        done = end
        if dot is not None and dot.start() < end:
            dot = _URL_DOT.search(text, end)
        if 0 <= scheme < end:
            scheme = text.find("://", end)
    pieces.append(text[done:])
    return "".join(pieces)


def dedup_key(text: str) -> str:
    """Near-duplicate key: the model text without spaces and punctuation.

    Campaign variants (same template, another number, link or name mask) share a key; used to
    remove evaluation texts from training data and to split by campaign group.
    """
    norm = normalize_for_model(text)
    return re.sub(r"[\W_]+", "", norm.replace(URL_TOKEN, "U"))
