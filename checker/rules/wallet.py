"""A crypto wallet's recovery phrase asked for: whoever has the 12 or 24 words owns the wallet.

Session 16 (held-out set 5, a fix source: "[MetaMask] 지갑 보안 업데이트 필요 … 복구 구문 12단어 입력 후 인증 metamask-verify.io";
KISA dev: "[Trustwallet] 니모닉를 글로벌 스테이션으로 수입하세요. 그렇지 않으면 자금이 동결돼요. <look-alike>"). No wallet,
exchange or support desk ever asks for the phrase; their own texts say so ("절대 입력하지 마세요"), which keeps the rule
silent. The allowlist holds no wallet brands, so a look-alike host of one is only an unknown domain: the request itself
is the evidence: 6 points beside a non-official link (the link makes it high on its own), 3 without one.
"""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.registry import Finding, rule
from checker.rules.text import _NEGATED, _WARNING_WORDS

_PHRASES = (
    "복구구문", "복구문구", "시드구문", "시드문구", "시드키", "니모닉", "복구단어", "비밀구문",
    "seedphrase", "recoveryphrase", "secretphrase", "secretrecovery", "mnemonic", "12단어", "24단어", "12개단어",
    "12words", "24words",
)
_PHRASE_WORDS = HINTS.add(_PHRASES)
_PHRASE = re.compile("|".join(_PHRASES))
_HAND_OVER = re.compile(
    r"입력|인증|제출|보내|전송|수입|가져오|동기화|등록|확인|enter|verify|submit|validate|sync|import|confirm|share"
)


@rule(
    "TEXT_WALLET_RECOVERY_PHRASE", group="text", score=3, requires="hint_words", hints=_PHRASE_WORDS,
    ko="암호화폐 지갑의 복구 구문(시드 문구·니모닉 12/24단어)을 입력하거나 보내라고 합니다. 이 단어를 가진 사람이 지갑의 돈을 "
    "모두 가져갈 수 있으며, 어떤 지갑·거래소도 이것을 요구하지 않습니다.",
    en="It asks you to enter or send your crypto wallet's recovery (seed) phrase: whoever has those words owns the "
    "wallet, and no wallet or exchange ever asks for them.",
)
def text_wallet_recovery_phrase(msg: Message):
    if not mentions_any(msg, _PHRASE_WORDS) or msg.is_advert or mentions_any(msg, _WARNING_WORDS):
        return None
    compact = msg.compact
    phrase = _PHRASE.search(compact)
    ask = _HAND_OVER.search(compact, max(0, phrase.start() - 12)) if phrase else None
    if ask is None or _NEGATED.search(compact):
        return None
    evidence = f"{phrase.group(0)} + {ask.group(0)}"
    if msg.risky_urls:
        return Finding(evidence=f"{evidence} + {msg.risky_urls[0].registered_domain}", score=6)
    return evidence
