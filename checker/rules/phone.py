"""Rules about call-back numbers and the sender number."""

from __future__ import annotations

from checker.message import Message
from checker.rules.registry import rule


@rule(
    "PHONE_INTERNET_NUMBER", group="phone", score=2, requires="callbacks",
    ko="연락처가 인터넷 전화(070)나 개인 안심번호(050X)입니다. 누구나 쉽게 만들 수 있는 번호입니다.",
    en="The call-back number is an internet phone (070) or virtual number (050x) that anyone can get.",
)
def phone_internet_number(msg: Message):
    return next((p.number for p in msg.callbacks if p.kind in {"internet", "personal_virtual"}), None)


@rule(
    "PHONE_INTERNATIONAL", group="phone", score=2, requires="reachable",
    ko="해외 전화번호로 연락하라고 하거나 해외에서 보낸 번호입니다.",
    en="The number to call, or the sender, is international.",
)
def phone_international(msg: Message):
    # Most messages have no call-back number: no generator is built for them.
    found = next((p.number for p in msg.callbacks if p.kind == "international"), None) if msg.callbacks else None
    if found:
        return found
    sender = msg.sender_phone
    if sender is not None and sender.kind == "international":
        return f"sender {sender.number}"
    return None
