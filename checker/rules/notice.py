"""Official notices as rules: one rule per notice in ``allowlist/notices.toml``.

A notice says what an official channel never does ("no coupon texts with links"). A message on the
notice's topic that does exactly that is forced to ``high``; the reason cites the notice and its source.
Adding a campaign is a data change: a new ``[[notice]]`` block becomes ``NOTICE_<id>`` at import.
"""

from __future__ import annotations

import re

from checker.allowlist import Notice, default_allowlist
from checker.message import HINTS, Message
from checker.normalize import compact
from checker.rules.registry import Finding, Rule, register

# Reporting bodies' own sites (boho.or.kr, counterscam112.go.kr …) appear in warnings, not lures.
_CHANNEL_WORDS = {
    "link": ("링크", "link"),
    "qr": ("QR코드", "QR code"),
    "app_install": ("앱 설치", "app install"),
    "callback": ("전화 회신 번호", "call-back number"),
    "messenger": ("메신저 연락처", "messenger contact"),
}


def object_particle(word: str) -> str:
    """을 after a final consonant (받침), 를 after a vowel: '링크를', '번호를', '앱 설치를'."""
    last = word.rstrip()[-1:]
    if "가" <= last <= "힣":
        return "을" if (ord(last) - 0xAC00) % 28 else "를"
    return "을(를)"


def _violation(notice: Notice, msg: Message) -> tuple[str, str] | None:
    """The channel the message uses that the notice says the official side never uses."""
    if "link" in notice.never and msg.risky_urls:
        return "link", msg.risky_urls[0].url
    if "qr" in notice.never and msg.qr and msg.action_channel:
        return "qr", "QR"
    if "app_install" in notice.never and msg.app_install:
        return "app_install", msg.app_install
    if "callback" in notice.never and msg.callbacks:
        return "callback", msg.callbacks[0].number
    if "messenger" in notice.never and msg.messenger:
        return "messenger", msg.messenger
    return None


def _topic_match(notice, msg: Message) -> re.Match[str] | None:
    """The first topic keyword in the message. A Latin keyword counts only as a word of the visible text:
    removing spaces glues "be fine", "the fine" and "defined" into "…efine…", which is not eFine."""
    if notice.topic_pattern is None:
        return None
    for match in notice.topic_pattern.finditer(msg.compact):
        word = match.group(0)
        if not word.isascii() or re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", msg.text.lower()):
            return match
    return None


def _make_check(notice_id: str):
    def check(msg: Message) -> Finding | None:
        notice = next((n for n in msg.allowlist.notices if n.id == notice_id), None)
        if notice is None:
            return None
        if not msg.mentions_notice_topic:
            return None
        match = _topic_match(notice, msg)
        if match is None:
            return None
        # Show the keyword as written in the notice ("민생회복 소비쿠폰"), not its compacted form.
        topic = next((k for k in notice.topic_keywords if compact(k) == match.group(0)), match.group(0))
        if (
            notice.merchant_pattern is not None
            and notice.merchant_pattern.search(msg.compact)
            and not (notice.about_pattern is not None and notice.about_pattern.search(msg.compact))
        ):
            return None
        violation = _violation(notice, msg)
        if violation is None or msg.is_political:
            # A member's report or a candidate's pledge about 재난지원금 is politics, not the payer's notice.
            return None
        channel, evidence = violation
        word_ko, word_en = _CHANNEL_WORDS[channel]
        source = notice.sources[0] if notice.sources else ""
        return Finding(
            evidence=f"{topic} + {evidence}",
            ko=f"공식 안내({notice.issuer_ko}): {notice.title_ko}. 그런데 이 문자는 '{topic}' 안내라면서 "
            f"{word_ko}{object_particle(word_ko)} 담고 있습니다. (출처: {source})",
            en=f"Official notice ({notice.issuer_en}): {notice.title_en}. Yet this message about '{topic}' "
            f"carries a {word_en}. (Source: {source})",
        )

    return check


def register_notices() -> None:
    # The notices' topic words join the hint words that one scan finds in every message (mentions_notice_topic).
    topic_words = default_allowlist().notice_topic_words
    if topic_words:
        HINTS.add(topic_words)
    for notice in default_allowlist().notices:
        register(
            Rule(
                id=notice.rule_id,
                group="notice",
                score=10.0,
                ko=f"공식 안내({notice.issuer_ko}): {notice.title_ko}.",
                en=f"Official notice ({notice.issuer_en}): {notice.title_en}.",
                check=_make_check(notice.id),
                force="high",
                requires="mentions_notice_topic",
            )
        )


register_notices()
