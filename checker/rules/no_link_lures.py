"""Lures that carry no link for filters to read: a name to search for instead, or a fee to deposit for a prize.

Session 16 (held-out set 5, a fix source; corpus cases in other words in tests/corpus/s16_ko5.toml). Wording only, so
each stays at medium (3 points, no carrier): searching a name or paying a small fee are also what real shops ask.
"""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.registry import rule
from checker.rules.text import (
    _PRIZE,
    _SEARCH_BOX,
    _WARNING_WORDS,
    _search_head,
    text_advance_fee_lure,
    text_government_loan_ad,
    text_prize_channel_claim,
)

# A benefit, an infection scare or a too-good deal, and instead of a link a name to search: "고객님은 긴급생계지원 대상입니다.
# 네이버 검색창에 '국민지원금 신청센터' 입력 후 상담 신청", "휴대폰이 악성코드에 감염되었습니다. Play 스토어에서 '○○ 백신'
# 검색하여 설치", "미개봉 아이패드 공동구매 70% 할인 … 선입금 후 발송 네이버 밴드 '○○공구방' 검색". Whatever comes up for the
# name is the sender's: a look-alike centre, a remote-control "security" app, a group that takes the deposit. A bank's
# real "플레이스토어에서 '○○뱅킹' 검색" names no scare, a body's real subsidy notice names its own site or 정부24 and
# says so in a longer text; adverts (labelled) and fraud warnings (which quote the lure) stay silent, and a prize or
# points with a search box is TEXT_PRIZE_SEARCH_BOX's (counted once).
_SEARCH_WORDS = HINTS.add(("검색",))
_SEARCH_A_NAME = re.compile(
    _SEARCH_BOX.pattern + "|"
    # A quoted name searched in a store, a messenger, a portal or a band: "스토어에서 '폰지킴이' 검색", "밴드 '○○' 검색".
    r"(?:스토어|store|플레이|play|밴드|band|카카오톡|카톡|채널|네이버|naver|구글|google|다음|유튜브)(?:에서|앱에서|앱)?"
    r"['\"‘’“”「『][^'\"‘’“”」』]{1,20}['\"‘’“”」』](?:을|를)?(?:검색|찾)"
)
_SEARCH_LURE = re.compile(
    # A benefit due to you ("긴급생계지원 대상입니다", "지원금 지급 대상", "보상금 수령 대상").
    r"(?:지원금|지원|보상금|보상|환급금|장려금|바우처)(?:의|을|를)?(?:지급|수령|신청)?대상|"
    # A device infected or hacked, to be cleaned with an app you search for.
    r"(?:감염|악성코드|악성앱|해킹|바이러스|도청|좀비폰)(?=.{0,80}?(?:설치|검사|치료|삭제))|"
    # Money before goods in a group buy ("선입금 후 발송").
    r"(?:선입금|선결제|입금확인후발송|입금후발송)"
)
_QUOTED = re.compile(r"['\"‘’“”「『][^'\"‘’“”」』]{1,20}['\"‘’“”」』]")
_SEARCH_LURE_MAX = 160
"""Characters of compact prose: set 5's lures are 60-90; real notices that name a search explain far more."""


@rule(
    "TEXT_SEARCH_NAME_LURE", group="text", score=3, requires="hint_words", hints=_SEARCH_WORDS,
    ko="지원금 대상·휴대폰 감염·파격 공동구매를 내세워 링크 대신 '검색창·스토어·밴드에서 ○○을 검색하라'고 합니다. 검색해서 "
    "찾아간 곳도 보낸 사람이 만든 가짜일 수 있으니 기관·회사의 공식 앱이나 대표번호로 확인하세요.",
    en="It claims a benefit is due to you, your phone is infected or a deal needs payment first, and instead of a link "
    "tells you to search a name in a portal, app store or group app; what you find may be the sender's own fake.",
)
def text_search_name_lure(msg: Message):
    # (An app to install is no other channel: "검색 후 설치하세요" is this lure's own end. A link, a rented number or a
    # messenger is, and the rules of those channels read the lure.)
    if not mentions_any(msg, _SEARCH_WORDS) or msg.is_advert:
        return None
    if msg.action_channel and (msg.risky_urls or msg.risky_callbacks or msg.messenger):
        return None
    if len(msg.prose) > _SEARCH_LURE_MAX or mentions_any(msg, _WARNING_WORDS):
        return None
    compact = msg.compact
    search = _SEARCH_A_NAME.search(compact)
    lure = _SEARCH_LURE.search(compact) if search else None
    if lure is None:
        return None
    if _search_head(_PRIZE, msg) and _SEARCH_BOX.search(compact):
        return None  # a prize and a search box: TEXT_PRIZE_SEARCH_BOX's
    if text_government_loan_ad(msg):
        return None  # a scheme's "지원 대상" loan advert: TEXT_GOVERNMENT_LOAN_AD's, counted once
    # (The name to search is left out of the evidence: it may be a person's, and the lure is told without it.)
    return f"{lure.group(0)[:14]} + {_QUOTED.sub('○○', search.group(0))[:20]}"


# A prize to be sent once you pay its delivery fee: "이벤트 경품(다이슨 에어랩)에 당첨되셨습니다. 배송비 3,000원 입금 후 회신 주시면
# 발송", "당첨 … 택배비 5,000원을 아래 계좌로 보내주시면". A small fee makes the win feel real; what follows is the card
# number or a bigger "tax". Real prize draws deliver free, or (for large prizes) tell of 제세공과금 withheld, which this
# rule leaves alone. With a link or number it is TEXT_PRIZE_LURE's (counted once).
# (Not 수수료, a word of every bank and card notice: as a hint word it cost every message's guards more than it caught.)
_FEE_WORDS = HINTS.add(("배송비", "택배비", "배송료", "발송비", "운송비"))
_YOU_WON = re.compile(r"당첨(?:되셨|되었|됐|\(|을축하|자로|자입니다|상품|선물)|경품")
_FEE_DEPOSIT = re.compile(
    r"(?:배송비|택배비|배송료|발송비|운송비)[^.!?\n]{0,24}?(?:입금|송금|이체|결제|보내주|보내주시)"
)
# A fee the sender waives or bears ("배송비 없이 발송", "착불 배송비는 당사가 결제합니다"): the real draw's own words
# (session 16 review).
_FEE_WAIVED = re.compile(r"무료|없이|면제|당사|저희")


@rule(
    "TEXT_PRIZE_FEE_DEPOSIT", group="text", score=3, requires="hint_words", hints=_FEE_WORDS,
    ko="경품에 당첨됐다며 받으려면 배송비·수수료를 먼저 입금하라고 합니다. 진짜 경품은 배송비를 받지 않습니다. 돈을 보내거나 "
    "카드 정보를 알려 주지 마세요.",
    en="It says you won a prize and must first pay a delivery fee or charge to get it; real prizes are delivered free. "
    "Do not pay or give card details.",
)
def text_prize_fee_deposit(msg: Message):
    if not mentions_any(msg, _FEE_WORDS) or msg.action_channel or msg.is_advert:
        return None
    if mentions_any(msg, _WARNING_WORDS):
        return None
    compact = msg.compact
    won = _YOU_WON.search(compact)
    fee = _FEE_DEPOSIT.search(compact) if won else None
    if fee is None or _FEE_WAIVED.search(fee.group(0)) is not None:
        return None
    # The same win and fee read by the advance-fee or the Kakao-channel prize rule: counted once.
    if text_advance_fee_lure(msg) or text_prize_channel_claim(msg):
        return None
    return f"{won.group(0)} + {fee.group(0)[:16]}"


# A violation or fine to check by scanning a QR code, often "attached to your windscreen": "주차위반 단속 안내: 차량 앞유리에
# 부착된 QR코드를 스캔하여 위반내용을 확인하고 의견을 제출하세요". A QR code hides its link from the reader and from filters
# (quishing); fines come by post, 국민비서 or the body's own site (이파인, 안전신문고), never through a code to scan. No
# development text holds a violation and a QR scan together (KISA: events, coupons and a 2021 vaccine-pass news item).
_QR_WORDS = HINTS.add(("qr", "큐알"))
_VIOLATION = re.compile(r"주차위반|불법주차|주정차|과태료|범칙금|위반내용|위반사항|위반내역|단속|벌점|미납")
_QR_SCAN = re.compile(r"(?:qr|큐알)(?:코드|code)?(?:를|을)?[^.!?\n]{0,8}?(?:스캔|찍|촬영|인식)")
# The QR code printed on the paper bill itself ("과태료 고지서의 QR코드를 스캔하면 이파인에서 납부"): the body's own way to
# pay what came by post, told in real notices (session 16 review). The lure's code is on your windscreen or in the text.
_BILL_QR = re.compile(r"(?:고지서|납부서|납입고지서|우편물)(?:의|에|상의?)?(?:있는|인쇄된|표시된|기재된)?(?:qr|큐알)")


@rule(
    "TEXT_QR_FINE_NOTICE", group="text", score=3, requires="hint_words", hints=_QR_WORDS,
    ko="주차위반·과태료 같은 위반 사실을 알리며 QR코드를 스캔해 확인·납부하라고 합니다. QR코드는 어디로 연결되는지 보이지 "
    "않으며, 과태료는 우편 고지서나 이파인·국민비서 같은 공식 경로로만 안내됩니다.",
    en="It tells of a parking violation or a fine to check or pay by scanning a QR code: the code hides where it leads, "
    "and fines come only by post or the official service.",
)
def text_qr_fine_notice(msg: Message):
    if not mentions_any(msg, _QR_WORDS) or msg.is_advert or mentions_any(msg, _WARNING_WORDS):
        return None
    compact = msg.compact
    scan = _QR_SCAN.search(compact)
    if scan is not None and _BILL_QR.search(compact) is not None:
        return None
    violation = _VIOLATION.search(compact) if scan else None
    return None if violation is None else f"{violation.group(0)} + {scan.group(0)}"
