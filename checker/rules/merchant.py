"""Merchant descriptors: the shop's name as the card network prints it in a card-transaction notice.

"해외승인 USD 19.99 NETFLIX.COM", "Did you attempt a $1,240.00 transaction at APPLE.COM/BILL": the capitalised
name is the merchant the card paid, not a link the sender wants followed. The exception is narrow because a lure
can write its link in capitals too ("VERIFY-CARD.COM"): the name must be written in capitals exactly as the
network prints it (a bare host, at most the "/BILL" suffix Apple and Amazon use), carry no fact but "unknown"
(no look-alike, risky ending or shortener), have no hyphen, appear once, sit in the merchant slot of a
transaction (after a Korean card issuer's 승인/결제 line, or after an amount and "at"/"from"/"on"), and have no
"visit / click / 확인 / 접속" next to it.
"""

from __future__ import annotations

import re

from checker.message import Message

# Between the word and the name only an amount, a currency, brackets, a notice word or the masked cardholder:
# "승인(AMAZON.COM)", "해외 결제 승인 안내 USD 19.99 NETFLIX.COM", "해외승인 최*민님 USD 15.49 NETFLIX.COM".
_KO_LEAD = re.compile(r"(?:승인|사용|결제)(?:\s?(?:안내|내역))?(?:[^가-힣:]|원|[가-힣]\*+[가-힣]?님?){0,20}$")
_KO_LEAD_WINDOW = 40
# An amount, then (in the same sentence) the slot word right before the name: "a $1,240.00 transaction at ",
# "purchase of $849.99 at ", "USD 12.99 charge from ".
_EN_LEAD = re.compile(
    r"(?i)(?:[$£€]|\b(?:usd|gbp|eur|cad|aud|inr|rs\.?)\s?)\d[\d,]*(?:\.\d\d)?[^.?!\n]{0,40}\b(?:at|from|on)\s$"
)
_EN_TRANSACTION = re.compile(
    r"(?i)\b(?:transaction|purchase|charge[ds]?|payment|debited|spent|approved|declined|authori[sz]ed)\b"
)
# What makes a capitalised name a link after all: an instruction to go there, on either side of it.
_GO_THERE = re.compile(r"(?i)\b(?:visit|click|tap|go to|log ?in|sign ?in|open|verify)\b|확인|접속|클릭|방문|바로가기|▶|👉")
_DESCRIPTOR_PATHS = ("", "/BILL")
_LEAD_WINDOW = 70
_AFTER_WINDOW = 16


def is_merchant_descriptor(url, msg: Message) -> bool:
    """Whether a non-official link is a merchant descriptor in a card-transaction notice (see the module doc)."""
    written = url.url
    if not written.isupper():  # nearly every link is written in lower case: answered here
        return False
    host, slash, path = written.partition("/")
    if (
        slash + path not in _DESCRIPTOR_PATHS
        or "-" in host
        or host.startswith("WWW.")
        or url.flags != ("unknown",)
    ):
        return False
    text = msg.text
    position = text.find(written)
    if position == -1 or text.find(written, position + 1) != -1:
        return False
    end = position + len(written)
    if _GO_THERE.search(text, max(0, position - _AFTER_WINDOW), position) or _GO_THERE.search(
        text, end, end + _AFTER_WINDOW
    ):
        return False
    start = max(0, position - _LEAD_WINDOW)
    if ("승인" in msg.compact and any(i.category == "card" for i in msg.claimed)
            and _KO_LEAD.search(text, max(0, position - _KO_LEAD_WINDOW), position)):
        return True
    return bool(_EN_LEAD.search(text, start, position) and _EN_TRANSACTION.search(text))


def merchant_names_only(msg: Message) -> bool:
    """Whether every non-official link is a merchant descriptor in a card-transaction notice."""
    return all(is_merchant_descriptor(url, msg) for url in msg.risky_urls)
