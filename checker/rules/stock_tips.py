"""Stock, futures and coin tip-sellers' adverts (유사투자자문·리딩방 광고) that name no room and hide no code.

KISA's citizens report them under stock, illegal loan and "other" by the thousand: "(광고)○○그룹 … 내일부터 600% 폭등할
관련주입니다", "해선 투자 그룹 … 누적 거래이익 463% 달성 … 리딩 준비중", "무조건 천만원 벌어드리겠습니다, 손실시 전액보상",
"종목 무료 공개 ▶ (link)". Session 15's ``TEXT_STOCK_TIP_ROOM`` reads the invitation to a "room"; the older
``TEXT_INVESTMENT_LURE`` reads a tip word in the opening beside a link. Left ``low`` were the long adverts whose pitch
sits past the opening, or that carry only the (광고) label and the 080 opt-out (the reader is asked to reply or search
a name), and the room words these rules do not know (단톡방, 오픈방, 공유방).

The handle: the market (주식, 종목, 증시, 해외선물, 항셍 …) and, in the same text, a tip-seller's pitch that a licensed
broker's own advert never makes (a promised rise or profit, a loss "compensated", a scoop "obtained", free picks, a
leading, a rise in per cent) — in the advert form or with a number, link or chat to reach the seller. A listed
securities firm (``msg.claimed``) and a politician's text are left alone. Wording only: 3 points, ``medium``; the
link's own rules add theirs.
"""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.registry import REGISTRY, rule

# The market, as the compact text writes it (no blanks). Not a bare 코인 (a webtoon's coins, a laundry's coin) nor 선물
# (a gift): only the coin and futures words of trading.
_MARKET_WORDS = (
    "주식", "종목", "증시", "코스피", "코스닥", "해외선물", "해선", "국내선물", "항셍", "항생", "나스닥", "관련주", "테마주", "급등주",
    "폭등주", "작전주", "상한가", "비트코인", "알트코인", "코인리딩", "코인투자",
)
_MARKET_HINT = HINTS.add(_MARKET_WORDS)
_MARKET = re.compile("|".join(_MARKET_WORDS))
# The pitch. Each alternative starts with a literal, so that the engine skips ahead to the characters that can start
# a match (these adverts are long).
_PITCH = re.compile(
    # a rise promised or boasted: "600% 폭등할", "15%이상 상승", "수익률 300%", "누적 거래이익 : 463%"
    r"폭등(?:할|예정|확정|임박|주)|급등(?:할|예정|확정|임박)|상승(?:할|예정|확정|약속|임박)|수익률\d|수익률:?\d"
    r"|누적(?:거래)?(?:이익|수익)|손익합"
    # a profit or a refund promised: "무조건 천만원 벌어드리겠습니다", "손실시 전액보상", "100배 보상", "원금회복"
    r"|무조건(?:[^.!?]{0,20}?)(?:벌어|버는|수익|상승|드리겠)|전액보상|배보상|손실(?:시|나면|보시면)?(?:전액)?(?:보상|복구|책임)"
    r"|원금(?:회복|보장|복구)|수익(?:보장|확정|후납부)"
    # a scoop or free picks: "정보를 입수", "작전주", "종목 무료 공개", "무료 입장", "무료체험"
    r"|정보(?:를)?입수|작전(?:주|종목|정보|세력)|미공시|종목(?:을|를)?(?:공개|무료|추천|바로공개|확인하)|추천주|무료(?:로)?(?:입장|체험|공개|리딩|추천|종목)"
    # the trade's own words: leading, accumulation, entry points, rooms
    r"|리딩|매집|선취매|타점|종가배팅|종가베팅|단톡방|단체방|단체톡|오픈방|공유방|소통방|교류방|공부방|체험반|참여코드|입장코드"
)
_ADVERT_OPT_OUT = HINTS.add(("거부",))
# A lawful fund or broker advert must state the risk (자본시장법 제57조): "과거 수익률이 미래 수익을 보장하지 않습니다",
# "원금 손실이 발생할 수 있습니다", "예금자보호법에 따라 보호되지 않습니다", "투자설명서를 읽어 보시기 바랍니다". A tip-seller
# promises the opposite and never writes them.
_RISK_DISCLOSURE = re.compile(r"보장하지않|원금손실|원금의손실|예금자보호|투자설명서")
# 종목 is also a sport's event ("줄넘기·품새 등 다양한 종목", "수영 4개 종목 무료체험"), and a sports or English academy's
# advert has its trial class (체험반, 무료체험) and its reading class (리딩): where 종목 is the only
# market word and no word of investing stands beside it, those pitches are no tip-seller's, nor "종목 무료" when a trial
# class follows (session 16 review; the tip-sellers' adverts that say only 종목 talk of 투자, 수익, 시장 …).
_ACADEMY_PITCH = re.compile(r"리딩(?!방)|체험반|무료(?:로)?체험")
_INVESTING = re.compile(r"투자|증권|수익|손실|시장|재테크|매매|매수|포트|차트|장세|자산|주가|세력|급등|폭등|상승")


def _only_sports_events(text: str) -> bool:
    """Whether 종목 is the text's only market word and nothing speaks of investing (a sports or language academy)."""
    if _INVESTING.search(text) is not None:
        return False
    return all(found.group(0) == "종목" for found in _MARKET.finditer(text))


def _academy_pitch(found: re.Match, text: str) -> bool:
    start = found.start() + 2 if found.group(0).startswith("종목") else found.start()
    return _ACADEMY_PITCH.match(text, start) is not None


# The rules that read the same advert already: where one fires, the pitch is counted once.
_COUNTED_ALREADY = (
    "TEXT_INVESTMENT_LURE", "TEXT_STOCK_TIP_ROOM", "TEXT_STOCK_PUMP", "TEXT_STOCK_REPLY_BAIT", "TEXT_ROOM_PASSWORD_LINK",
    "TEXT_UNSOLICITED_ADVERT",
)


@rule(
    "TEXT_STOCK_TIP_ADVERT", group="text", score=3, requires="hint_words", hints=_MARKET_HINT,
    ko="'내일부터 600% 폭등할 관련주', '손실 시 전액 보상', '해외선물 누적 수익 463% 리딩'처럼 주식·선물·코인 종목 정보를 팔며 수익을 "
    "장담하는 광고입니다. 유료 회원 가입이나 가짜 투자 앱으로 이어지는 불법 투자 광고이니 답장하거나 연락하지 마세요.",
    en="A stock, futures or coin tip-seller's advert that promises a rise or a profit ('related stock to soar 600% from "
    "tomorrow', 'losses fully refunded', 'futures leading, 463% gain'): it leads to paid memberships or fake trading "
    "apps; do not reply.",
)
def text_stock_tip_advert(msg: Message):
    if not mentions_any(msg, _MARKET_HINT):
        return None
    if not (msg.is_advert or mentions_any(msg, _ADVERT_OPT_OUT) or msg.callbacks or msg.action_channel):
        return None
    if msg.claimed or msg.is_political:
        return None
    text = msg.compact
    pitch = _PITCH.search(text)
    if pitch is not None and _only_sports_events(text):
        pitch = next((found for found in _PITCH.finditer(text) if not _academy_pitch(found, text)), None)
    if pitch is None:
        return None
    if _RISK_DISCLOSURE.search(text) or any(REGISTRY[other].check(msg) for other in _COUNTED_ALREADY):
        return None
    market = _MARKET.search(text)
    return f"{market.group(0)} + {pitch.group(0)}" if market else None
