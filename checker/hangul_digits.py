"""Mobile numbers spelt in Hangul digits ("공일공 칠칠팔 이이 구일"), the disguise of adverts that hide their number
from spam filters.

Korean reads digits as Sino-Korean syllables: 공 or 영 (0), 일, 이, 삼, 사, 오, 육, 칠, 팔, 구. Each is also an ordinary
word or syllable ("일이 많아", "사이", "구일" a date, "오늘"), so a reading is accepted only where prose never goes: a
mobile prefix 010 spelt 공일공 or 영일영 followed by seven or eight more digit syllables (the 10 or 11 digits of a
Korean mobile), separated at most by blanks or a symbol or two. Read on the compact text (lower-case, no whitespace), so
"공일공 칠칠팔 이이 구일" arrives as "공일공칠칠팔이이구일".
"""

from __future__ import annotations

import re

#: Sino-Korean digit syllables (공 and 영 both zero; 육 also written 륙 after a vowel in some spellings).
DIGIT_OF = {
    "공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6", "륙": "6", "칠": "7", "팔": "8",
    "구": "9",
}
_DIGIT = "[" + "".join(DIGIT_OF) + "]"
_GAP = r"[^가-힣a-z0-9]{0,2}"
#: The prefix 010 spelt out: every match opens with one of these (the compact text of "공 일 공" is "공일공"; one broken
#: by symbols, "공-일-공", is not read).
PREFIXES = ("공일공", "영일영")
# Then seven or eight digit syllables (10 or 11 digits: "공일공 칠칠팔 이이 구일" is 010-778-2291). More may follow:
# the compact text has lost the blank before the next word, which may start with a digit syllable ("… 구일 오늘만").
_SPELLED_MOBILE = re.compile("(?:" + "|".join(PREFIXES) + ")(?:" + _GAP + _DIGIT + "){7,8}")


def spelled_mobile(compact: str) -> str | None:
    """The digits of the first mobile number spelt in Hangul digits in ``compact``, if any."""
    found = _SPELLED_MOBILE.search(compact)
    if found is None:
        return None
    return "".join(DIGIT_OF[char] for char in found.group(0) if char in DIGIT_OF)
