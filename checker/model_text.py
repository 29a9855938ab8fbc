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
import unicodedata

#: Bump when the output of :func:`normalize_for_model` changes; a model trained with another
#: version is refused at load time.
NORMALIZATION_VERSION = "1"

URL_TOKEN = "<url>"

_INVISIBLE = re.compile(r"[\u00ad\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u3164\ufeff\uffa0]")
# A Korean mobile number, real or masked by the data set (01X-XXXX-XXXX): one digit token.
_PHONE_MASK = re.compile(r"01[0-9Xx]-?[0-9Xx]{3,4}-?[0-9Xx]{4}")
# Runs of upper-case X standing for removed digits, possibly mixed with digits ("07XXX", "+91XXXXXXX").
# Not inside words ("XXL" stays; "XxX" kisses stay because of the lower-case x). A match starts only where
# a digit run starts (or at its 2nd digit after a letter): same matches, but linear on long digit runs.
_X_MASK = re.compile(r"(?:(?<![A-Za-z0-9])|(?<=[A-Za-z][0-9]))[0-9]*X{2,}[0-9X]*(?![A-Za-z])")
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
_NUMBERS = re.compile(r"[0-9]+(?:[\s.,:/-][0-9]+)*")


def normalize_for_model(text: str) -> str:
    """Return the form of ``text`` that the classifier sees (training and inference).

    >>> normalize_for_model("[Web발신] 고객님 010-1234-5678 ***원 https://x.kr/a XXX")
    '[web발신] 고객님 0원 <url> 0'
    """
    # The "in" pre-checks skip a regex pass on most messages (this runs ten thousand times a second).
    text = unicodedata.normalize("NFKC", text)
    text = _INVISIBLE.sub("", text)
    parts = text.split()  # also collapses whitespace runs
    for i, part in enumerate(parts):
        if "." in part or "://" in part:
            # The token is spaced off from the rest of the word; split/join keeps single spaces.
            parts[i] = " ".join(_URL.sub(f" {URL_TOKEN} ", part).split())
    text = " ".join(parts)
    if "X" in text or "x" in text:
        text = _PHONE_MASK.sub("0", text)
        if "XX" in text:
            text = _X_MASK.sub("0", text)
    if "**" in text or "＊" in text:
        text = _STAR_MASK.sub("0", text)
    lost = "??" in text or "？" in text or "\ufffd" in text
    if lost:
        text = _LOST_CHARS.sub(" ", text)
    text = _NUMBERS.sub("0", text.lower())
    # Only the lost-character step can leave a space run now (the URL step above collapses its own, and the
    # mask and digit substitutions replace non-space runs by "0"). Collapsing it after the digit step keeps
    # "0 ?? 0" -> "0 0" (tests/test_model_features.py compares this with a whitespace pass on every text).
    return " ".join(text.split()) if lost else text


def dedup_key(text: str) -> str:
    """Near-duplicate key: the model text without spaces and punctuation.

    Campaign variants (same template, another number, link or name mask) share a key; used to
    remove evaluation texts from training data and to split by campaign group.
    """
    norm = normalize_for_model(text)
    return re.sub(r"[\W_]+", "", norm.replace(URL_TOKEN, "U"))
