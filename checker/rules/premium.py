"""Premium-rate traps in English texts: "call 09061… to claim", "txt WIN to 80086".

A reply to a short code or a call to a premium-rate number is billed to the person who was lured: the
classic subscription and prize trap of English SMS spam (UK 09/087 numbers, five-digit short codes). Korean
numbers never start with 09 or 087, and the rule reads only texts without Hangul."""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.registry import rule
from checker.rules.text import _ADVANCE_FEE

# UK premium-rate (09…) and revenue-sharing (0870–0873) numbers, written without separators as they are
# in these texts.
# The look-behind after the leading 0 (a 0 not after a digit): the regex engine skips ahead to each "0" instead
# of trying the look-behind at every position.
_PREMIUM_NUMBER = re.compile(r"0(?<![0-9]0)(?:9[0-9]{8,9}|87[0-3][0-9]{7})(?![0-9])")
# "txt WIN to 80086", "send STOP to 87239", "reply YES to 83110": an instruction to text a short code.
# Each verb first, then its word-start test as a look-behind (no word character before it): every alternative
# starts with a literal, so the regex engine skips ahead to the letters that can start a match.
_SHORT_CODE_REPLY = re.compile(
    "|".join(
        verb + r"(?<!\w" + verb + r")\b[^.\n]{0,25}?\bto\s*[0-9]{5}\b" for verb in ("txt", "text", "send", "reply", "sms")
    )
)
_HANGUL = re.compile("[\uac00-\ud7a3]")
# Every match of _SHORT_CODE_REPLY in the lower-cased text holds one of these words, so the compact text does.
_REPLY_WORDS = HINTS.add(("txt", "text", "send", "reply", "sms"))
# Every match of _PREMIUM_NUMBER starts with one of these. As hint words, they let the rule require ``hint_words``
# (skipped on the half of messages with none) and spare it two substring scans of the text.
_NUMBER_STARTS = HINTS.add(("09", "087"))


# Hinted by both groups: the rule fires only with a number start or a reply word (its first test below).
@rule(
    "TEXT_PREMIUM_RATE", group="text", score=3, carrier=True, requires="hint_words", hints=_NUMBER_STARTS | _REPLY_WORDS,
    ko="유료 전화번호(영국 09·087 번호)로 전화하거나 단축번호로 답장하게 합니다. 요금이 청구되는 전형적인 스팸 수법입니다.",
    en="It asks you to call a premium-rate number (UK 09/087) or text a short code: you pay for the reply.",
)
def text_premium_rate(msg: Message):
    # Cheap exits first (this runs on every message with hint words): no "09"/"087" and no "to", or a Korean text.
    compact = msg.compact
    maybe_number = mentions_any(msg, _NUMBER_STARTS)
    # The reply word spares the short-code search of most English texts: the rule 1.5 → 1.0 µs measured alone.
    maybe_reply = mentions_any(msg, _REPLY_WORDS) and "to" in compact
    if not (maybe_number or maybe_reply):
        return None
    if not compact.isascii() and _HANGUL.search(compact):  # (an ASCII text holds no Hangul: no scan)
        return None
    lower = msg.text.lower()
    found = (maybe_number and _PREMIUM_NUMBER.search(lower)) or (maybe_reply and _SHORT_CODE_REPLY.search(lower))
    return found.group(0) if found else None


# The wording of the premium-rate prize call (UK texts of the 2000s and 2010s): "call 09… from a landline to claim your
# guaranteed £1000 cash or a 4* holiday, claim code K52, valid 12hrs". Whatever the number, a prize "guaranteed" with an
# amount, a claim code or winning number, a claim "valid 12 hours" or "call from a landline" beside a prize is the trap's
# form: real competitions tell their entrants what they won without a code to quote on a call. Not "guaranteed £50
# cashback" (banks' switching offers), nor "prize guaranteed" without an amount (a misspelt "best price guaranteed").
_PRIZE_CLAIM = re.compile(
    r"guaranteed[^a-z]{0,16}?[0-9][0-9,.]*k?(?:cash(?!back)|prize|award|pounds)"
    r"|[0-9]k?(?:cash(?!back)|prize|award)(?:is)?guaranteed"
    r"|(?P<code>claimcode|claimno(?![a-z])|claimnumber|prizecode|winningno(?![a-z])|bonuscode"
    r"|valid(?:for)?12h(?:ou)?rs|(?:from|ona)(?:bt)?landline)"
)
# Every match of _PRIZE_CLAIM holds one of these.
_PRIZE_CLAIM_WORDS = HINTS.add(("guaranteed", "claimcode", "claimno", "claimnumber", "prizecode", "winningno", "bonuscode",
                                "valid12h", "validfor12h", "landline"))
# A code, a 12-hour limit or a landline counts only beside a prize (an insurer's "claim number", a carrier's
# "call us free from a landline"). Read on the spaced text: "won" as a word, not "wonderful" nor "won't".
_PRIZE_CONTEXT = re.compile(r"\bwon\b|\bwinn(?:er|ing)|\bprizes?\b|\bawarded\b|\blucky\b|\bholiday\b")


@rule(
    "TEXT_PREMIUM_PRIZE_CLAIM", group="text", score=3, requires="hint_words", hints=_PRIZE_CLAIM_WORDS,
    ko="'보장된 현금 상금', 당첨 확인 코드, '12시간 내 유효', '유선전화로 전화하세요' 같은 유료 전화 경품 스팸의 문구입니다.",
    en="A 'guaranteed' cash prize, a claim code, a prize 'valid 12 hours' or 'call from a landline': the wording of the "
    "premium-rate prize call.",
)
def text_premium_prize_claim(msg: Message):
    if not mentions_any(msg, _PRIZE_CLAIM_WORDS):
        return None
    compact = msg.compact
    if not compact.isascii() and _HANGUL.search(compact):
        return None
    found = _PRIZE_CLAIM.search(compact)
    if found is None:
        return None
    if found.group("code") and not _PRIZE_CONTEXT.search(msg.text.lower()):
        return None
    # "Your mobile number has been awarded a £2000 prize": TEXT_ADVANCE_FEE_LURE already counts this lure. Counted twice,
    # words alone would make it high, which only a way to be harmed (the premium number, a link) may do.
    if _ADVANCE_FEE.search(compact):
        return None
    return found.group(0)
