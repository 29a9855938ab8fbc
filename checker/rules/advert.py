"""Unsolicited Korean adverts of the trades that KISA's spam reports are full of: designated drivers (대리운전),
phone shops (휴대폰 개통점), internet and TV resellers ("LG,KT,SK 인터넷 교체"), apartment and office sales (분양),
and adverts that disguise their "(광고)" label.

Such adverts carry no lure and no disguised link: many are even labelled and give the 080 opt-out that the law
(정보통신망법 제50조) asks for. Their trade and its sales wording are the handle: a bank, card company, carrier or
shop advertising under its own name never writes "대리 3회 이용시 1회 무료", "휴대폰 개통점입니다 … 30명 한정 …
성함만 보내주세요" or "선착순 분양 · 중도금 무이자". One rule, so that an advert gets its 3 points (``medium``:
"an unwanted advert, do not call or click, opt out via 080") once, whatever trade words it holds; links and
numbers add their own points.

Rules read ``msg.compact`` (lower-case, no whitespace) or ``msg.head`` (its opening with the punctuation between
Hangul syllables dropped, so that "대.리", "대_리" and "대◎리" read 대리).
"""

from __future__ import annotations

import re

from checker.message import HEAD_HINTS, HEAD_LENGTH, HINTS, Message, mentions_any
from checker.rules.impersonation import messenger_is_the_only_channel
from checker.rules.registry import REGISTRY, Finding, rule

# The label written broken so that filters miss it: "(광/고)", "[광.고]", "<광-고>", "(광_고 )" in the opening.
# ("(광 고)" compacts to "(광고)", the label itself, and normalisation composes the jamo of "(광ㄱㅗ)" into it.)
_BROKEN_LABEL = re.compile(r"[(\[<【]광[^가-힣a-z0-9)\]>】]{1,3}고[)\]>】]")
_LABEL_OPENING = 30
_LABEL_HINT = HINTS.add(("광",))

# A designated-driver company ("육사대리", "칠천콜대리", "대리운전", "대/리" written broken) with its trade's
# offer: mileage and points, "n회 이용시 1회 무료", a quick dispatch, a safe ride home after drinking. Not 대리
# the job title ("김 대리입니다"), nor 대리점 / 대리인 / 대리 수령·구매·신청, 대리주부 (a cleaning service), 리그.
_DRIVER = re.compile(
    r"대리(?!점|님|입니|인|가|석|투표|출석|수령|구매|결제|신청|인증|주부|그|로)(?![가-힣]{0,3}입니다)"
)
_DRIVER_OFFER = re.compile(
    r"마일|적립|포인트|음주|한잔|술|귀가|배차|안전운전|주차까지|탁송|기사|콜|\d{1,3}회(?:이용|사용)?시?(?:무료|서비스)|카드결제"
    r"|운전|운행|모시|불러|어플|앱다운|이용|\d{4}대리|대리\d{4}"
)
_DRIVER_HINT = HEAD_HINTS.add(("대리",))
_DRIVER_WORD_HINT = HINTS.add(("대리",))  # (the driver trade without the advert form: ``_driver_with_number``)
# (Not _DRIVER_OFFER's "대리1234" there: in the head "대&리9781님" reads 대리9781, the customer's own digits.)
_MILEAGE_IN_HEAD = re.compile(r"마일|적립|포인트|\d{1,2}[천만]점|\d{3,5}점")
# 대리 in the head (``Message.head``: the opening of ``body`` with the symbols between syllables dropped) needs 대, at most
# three symbols, then 리 in that opening: a cheap test before the head itself is built.
_DRIVER_IN_OPENING = re.compile(r"대[^가-힣0-9a-z]{0,3}리")
# Or, without the word 대리, its promise of a driver within minutes: "기사 3분 도착", "빠른 배차", "1분 배차" (not "역까지
# 26분 도착", a flat's advert).
_DRIVER_ARRIVAL = re.compile(r"기사(?:님)?[^가-힣]{0,3}\d{1,2}분(?:내|안에|이내)?도착|빠른배차|신속배차|\d{1,2}분(?:내|이내)?배차")
_DRIVER_ARRIVAL_HINT = HINTS.add(("도착", "배차"))
# An advert's opt-out ("무료거부 080-…", "수신거부"): the driver rule needs the advert's form, which news and
# comments about drivers lack.
_OPT_OUT_HINT = HINTS.add(("거부",))

# A phone shop ("휴대폰 개통점", "개통해드렸던 곳", "무료기변", "공짜폰", "현완", "성지") with its bait: a handful of
# free phones for the first few who text back their name. A carrier's activation notice names the shop but offers
# nothing to the first thirty.
# Also the shop that "activated your phone" in the customer's own words ("개통했던 대리점", "개통햇던곳", "개통한대리점") and
# a bare "휴대폰 대리점입니다" (not a carrier's 대리점 named in an activation notice: that offers no free phones).
_PHONE_SHOP = re.compile(
    r"개통(?:점|처|지점|센터|매장|해드렸|해드린|해드린곳|해드렸던|했던|햇던|한대리점|한곳|한지점|대리점)|무료기변|공짜폰|공짜\+?차비|현완"
    r"|성지(?:폰|점|매장|시세)|(?:휴대폰|핸드폰)대리점"
)
_PHONE_SHOP_HINT = HINTS.add(("개통", "무료기변", "공짜", "현완", "성지", "휴대폰대리점", "핸드폰대리점", "번호이동", "번이", "기변"))
# The bait survives the symbols these adverts scatter ("이름◐남겨주세요", "(성함)문자주셔요", "30명께만", "39대 한정").
_PHONE_BAIT = re.compile(
    r"(?:이름|성함)[^가-힣0-9]{0,2}(?:만|을|를)?[^가-힣0-9]{0,2}(?:문자로|문자)?(?:보내|보ㄴ|적어|남겨|남기|주세요|주셔)"
    r"|\d{1,4}(?:명|대)(?:께|에게)?(?:한정|선착순|추첨|만|무료)|무료(?:행사|기변)|선착순\d{1,4}명|한정수량|차비"
    # Session 14: cash paid back on a free phone ("공짜폰 + 현금 20만원 페이백") and the shop's hidden address, its "좌표"
    # ("좌표는 밴드 '○○' 검색"): the 성지 trade's words for an illegal subsidy (단통법).
    r"|페이백|좌표|현금\d{1,3}만"
)

# An internet and TV reseller: the three carriers named together ("LG,KT,SK", "SK_KT_LG") beside internet (also
# "인_터_넷") and a switch or sign-up ("교체 시 58만원 지급"). A carrier advertises its own service under its own name
# and names no rival.
_CARRIER = r"(?:lg|엘지|kt|케이티|sk|에스케이)"
_THREE_CARRIERS = re.compile(_CARRIER + (r"[^가-힣a-z]{0,3}" + _CARRIER) * 2)
_CARRIER_HINT = HINTS.add(("lg", "엘지", "kt", "케이티", "sk", "에스케이"))
_INTERNET = re.compile(r"인[^가-힣a-z0-9]{0,3}[터텨티][^가-힣a-z0-9]{0,3}[넷냇]")  # also "인텨넷", "인티넷"
_NET_HINT = HINTS.add(("넷", "냇"))
_SWITCH = re.compile(r"교체|이동|바꾸|바꿔|신규|가입|결합|약정|신설")
# Or no carrier named: "현재 사용중인 인터넷+TV 통신사 이동시! ♥670,000+@" in the advert form. A carrier's own advert
# names itself and pays no cash for leaving a rival.
_CARRIER_SWITCH_HINT = HINTS.add(("통신사",))
_CARRIER_SWITCH = re.compile(r"통신사(?:이동|변경|교체|옮기|갈아타)")
_CASH = re.compile(r"\d{2,3}[,.]\d{3}|\d{2,3}만|현금|사은품")
# Or neither a carrier nor 통신사 named, only the advert form, internet, a switch and the cash paid for it: "(광고)○○통신
# 인터넷+IPTV 신규&교체 580,000 무료거부 080…", "인/터/넷 갈아타면 현금 60만원", "인텨넷+T∨교체시 6OO,OOO원" (the sum
# written with the letter O). A carrier's own advert names itself (``msg.claimed``) and is left alone.
_SWITCH_FOR_CASH = re.compile(r"교체|이동|바꾸|바꿔|바꿀|바꾼|신규|변~?경|갈아타|옮기|전환|가입|결합|설치|신청")
_OFFER_SPAN = 40
# An operator that the allowlist does not list yet signs its own advert in the opening: "(광고)[SK브로드밴드]",
# "(광고) SK브로드밴드 인터넷 신규 가입 …" (a bare KT, SKT or LG only in brackets: resellers name all three).
_OPERATOR_SIGNATURE = re.compile(
    r"sk브로드밴드|lg유플러스|lg헬로비전|헬로비전|헬로모바일|딜라이브|스카이라이프|skylife|sk텔레콤"
    r"|[\[<(【](?:skb|skt|kt|lgu\+|cmb|hcn|btv)"
)
_INTERNET_AS_CHANNEL = ("으로", "자동차", "보험", "쇼핑", "최저", "뱅킹", "강의", "예약", "주문", "검색", "면세", "판매", "몰")
_CASH_SUM = re.compile(r"\d[\do]{1,2}[,.][\do]{3}|\d{2,3}만원|현금")

# An apartment, officetel or shop-unit sale (분양, 모델하우스) with the pressure of its sales team: first come first
# served, a fixed deposit, interest-free interim payments, a resale premium. A public housing body's notice to its
# applicants is no advert (no (광고) label, opt-out or mobile of a sales agent).
_PROPERTY = re.compile(r"분양|모델하우스")
_PROPERTY_HINT = HINTS.add(("분양", "모델하우스"))
# Also a promised return ("월세 7% 확정 보장", "확정수익", "임대수익 보장") and "즉시입주": a sales team's pitch that a housing
# body's notice to its applicants never makes (KISA dev: every such 분양 text is a report).
_PROPERTY_PUSH = re.compile(
    r"선착순|계약금|중도금(?:전액)?무이자|프리미엄|전매|정액제|잔여세대|동호(?:수)?지정"
    r"|\d%(?:확정|보장)|확정(?:수익|보장|임대)|수익(?:률)?(?:확정|보장)|임대(?:수익)?보장|즉시입주"
)
# Or, without 분양, the flat itself: its size and price ("34평 2억3천부터", "평당 1200만", "타운하우스", "대단지 A,PT 35/48평")
# and a sales push ("선착순", "즉시입주", "잔여세대", "파격가", "5년 전세", "내집마련"). Only in the advert form (label or
# opt-out); an estate agent's greeting names no size and no push.
# (Not an air conditioner's "17평형", a date's "06평", a processor's "i5 11세대".)
# Each alternative starts with a literal (the digits are checked behind it), so that the regex engine skips to the few
# characters that can start a match: adverts are long, and a search that tried every position cost ~10,000
# instructions per message on the benchmark.
_FLAT = re.compile(
    r"평(?<=[^\d.]\d\d평)(?!형|대|수)|평당|타운하우스|아파트|apt|a,pt|오피스텔"
    r"|세대(?:(?<=[^a-z\d]\d{3}세대)|(?<=[^a-z\d]\d{4}세대)|당)"
)
_FLAT_HINT = HINTS.add(("평", "타운하우스", "아파트", "apt", "a,pt", "오피스텔", "세대"))
_NOT_A_DEVELOPER = re.compile(r"가전|전자랜드|베스트샵|디지털프라자|하이마트|노트북|울트라북|냉장고|에어컨|세탁기|공인중개|중개사|부동산")
_FLAT_PUSH = re.compile(
    r"선착순?|즉시입주|빠른입주|잔여세대|마감임박|파격가|신규오픈|\d억(?:대|\d천)|평당\d{3,4}(?!원|[,.]\d{3})|전세|내집마련|입주가능|역세권|풀옵션"
)

# A company's year-end capital "rented" for the balance sheet (법인 연말자본금, 잔고증명, 가지급금 정리): "현금예금 1억당 2개월
# 150만원", "질권x 80일 예치", "현금 2달 평잔 … 억당 670만원" (KISA dev: ~40 reports filed under illegal loan). 연말자본금
# names the service itself (in the advert form); 자본금 or 잔고증명 needs the service's terms. News of "자본금 3억원 이상
# 기업" and a gambling site boasting "자본금 100억" name none of them.
_CAPITAL_HINT = HINTS.add(("자본금", "잔고증명"))
_CAPITAL = re.compile(r"연말(?:실질)?자본금|자본금|잔고증명")
_CAPITAL_TERMS = re.compile(
    r"억당|질권|평잔|현금예치|현금예금|가지급|특별판매|현금증빙|\d{2}일(?:이상)?예치|\d개월에?\d{2,3}만원|두달에|최저가|저렴"
)


def _advert_form(msg: Message) -> bool:
    """Whether the text has the form Korean law requires of adverts: the (광고) label or the opt-out's 거부."""
    return msg.is_advert or mentions_any(msg, _OPT_OUT_HINT)


def _broken_label(msg: Message) -> str | None:
    opening = msg.compact[:_LABEL_OPENING]
    if not mentions_any(msg, _LABEL_HINT) or "광" not in opening:
        return None
    found = _BROKEN_LABEL.search(opening)
    return found.group(0) if found else None


# Without the advert form, a driver company by its name ("스피드대리", "대리운전") with its own mobile to call and its loyalty
# offer ("대리 부르실 땐 스피드대리 적립 10회 시 1회 무료 ☎ 010-…"). The name glued to 대리 as a word (two characters or more,
# then a blank, a symbol or a particle): not a friend's "끝나고 대리 불러서 갈게" nor a clerk's "김대리", "박대리님", nor
# 대리점. No development text without the advert form holds such a name, an offer and a mobile number (KISA dev).
# Session 15 (held-out set 3: "대리운전 전국 최저가 1만원부터 카드결제 가능 ☎ 16xx-… 저장해두세요"): the company's number
# may as well be a 15xx/16xx one or a local landline (KISA dev: "연말 대리운전 … 빠른배차 … 카드결제~ 15xx-…", "○○대리운전
# … 포인트 적립 … 16xx-…", "○○대리운전 ☎054-… 귀가", all designated_driver reports). Any number but a free 080 one (the
# opt-out), never with an institution named; wording only: medium at most. The trade's own word 대리운전 may come with
# any seller's offer (a lowest price, card payment, points); a name glued to 대리 may be a salesman signing with his title
# ("[○○자동차] 박민수대리입니다 … 카드결제 가능 … 02-…"), so it needs an offer only a driver company makes.
_DRIVER_COMPANY = re.compile(r"(?:[가-힣a-zA-Z0-9]{2,8}대리|대리운전)(?:(?![가-힣])|(?=를|로|에서|입니다|예요|에요))")
_DRIVER_NUMBER_OFFER = re.compile(r"마일|적립|\d{1,3}회(?:이용|사용)?시?\d?회?(?:무료|서비스)|배차|귀가|최저요금|탁송")
_SELLER_OFFER = re.compile(r"카드결제|최저가|포인트")
_DRIVER_NUMBER_KINDS = ("mobile", "representative", "landline", "internet")
# Session 15 (held-out set 4): a company's 15xx/16xx number or landline with a price list ("대리운전 전국 최저가 1만원부터
# 카드결제 가능 ☎ 1668-…", "기사 상시 대기 … 전지역"): a cold offer of a driver for hire, which no friend's "대리 불러 갈게"
# and no news item makes; never the receipt of a ride taken ("운행이 완료되었습니다 … 요금 23,000원 카드결제 완료").
# A seller's words (최저가, 카드결제) count only after the trade's own word 대리운전 (_SELLER_OFFER): a car dealer's
# "박민수대리입니다 … 카드결제도 가능합니다" offers no driver.
_DRIVER_PRICE = re.compile(r"\d만원부터|\d{1,2},?000원부터|전지역|상시대기|24시간")
_DRIVER_RECEIPT = re.compile(r"운행(?:이)?완료|이용내역|운행요금|결제(?:가)?완료|결제되었|이용해주셔서")


def _designated_driver(msg: Message) -> str | None:
    # The advert form first: the head's words (``head_hint_words``) cost a scan of the head that most messages reaching
    # this rule would not need otherwise.
    if not _advert_form(msg):
        return _driver_with_number(msg)
    named = (
        _DRIVER_IN_OPENING.search(msg.body, 0, HEAD_LENGTH + 50) is not None
        and not _DRIVER_HINT.isdisjoint(msg.head_hint_words)
    )
    if not (named or mentions_any(msg, _DRIVER_ARRIVAL_HINT) or mentions_any(msg, _CALL_HINT)):
        return _call_customer_code(msg)
    driver = _DRIVER.search(msg.head) if named else None
    if driver is not None:
        # (The head too: its mileage may be broken like its name, "마~일 6000점", which the head reads 마일.)
        offer = _DRIVER_OFFER.search(msg.compact) or _MILEAGE_IN_HEAD.search(msg.head)
        if offer:
            return f"{driver.group(0)}/{offer.group(0)}"
        greeting = _driver_greeting(msg, driver)
        if greeting:
            return greeting
    arrival = _DRIVER_ARRIVAL.search(msg.compact) if mentions_any(msg, _DRIVER_ARRIVAL_HINT) else None
    if arrival:
        return arrival.group(0)
    return _call_company(msg) or _call_customer_code(msg)


def _driver_with_number(msg: Message) -> str | None:
    if not any(p.kind in _DRIVER_NUMBER_KINDS for p in msg.callbacks) or msg.claimed:
        return None
    driver = _DRIVER_COMPANY.search(msg.text)
    if driver is None:
        return None
    mobile = any(p.kind == "mobile" for p in msg.callbacks)
    if not mobile and _DRIVER_RECEIPT.search(msg.compact):
        return None
    offer = _DRIVER_NUMBER_OFFER.search(msg.compact)
    if offer is None and driver.group(0).endswith("대리운전"):
        offer = _SELLER_OFFER.search(msg.compact)
    if offer is None and not mobile:
        offer = _DRIVER_PRICE.search(msg.compact)
    return f"{driver.group(0)}/{offer.group(0)}" if offer else None


# Or the company only greets its customers under its name, right after the label: "(광고)코리아대리 오늘도 많이 덥네요
# … 무료수신거부 080-…", "(광고)육사8000번대리 ▶ Merry Christmas", "(광고)강)375대리 많이 춥네요" (KISA dev: ~60 such
# greetings). Only a short labelled text with the opt-out whose head opens with the name, and no listed institution
# (a bank clerk "[신한은행][대리 ○○○]" signs with the title).
_GREETING_NAME_SPAN = 12
_GREETING_LENGTH = 110
# A salesman signs his greeting with his title in the same place ("(광고)한빛자동차 박민수대리 새해 복 많이 …"): his
# trade is named, a driver company's is not.
_TITLED_SALESMAN = re.compile(r"자동차|모터스|보험|은행|카드사|증권|캐피탈|저축|부동산|중개|렌터카|렌트카")


def _driver_greeting(msg: Message, driver: re.Match) -> str | None:
    if len(msg.compact) > _GREETING_LENGTH or not (msg.is_advert and mentions_any(msg, _OPT_OUT_HINT)):
        return None
    # The head keeps a label that follows another tag ("[SMS](광고)…", read "[sms](광고…" or "fw(광고…": the bracket
    # between two syllables is dropped): the name is counted from the label's end.
    label = msg.head.find("광고", 0, driver.start())
    name_start = label + 2 if label != -1 else 0
    if msg.head.startswith((")", "]", ">"), name_start):
        name_start += 1
    if driver.start() - name_start > _GREETING_NAME_SPAN or msg.claimed or _TITLED_SALESMAN.search(msg.compact):
        return None
    return f"{msg.head[max(name_start, driver.end() - 10):driver.end()]}/(광고)"


# A driver company that names itself by its call ("행복콜", "1688.3600콜", "행복call") and sends its customers their
# mileage ("현재 마일 7000p … 주차까지 편안하게", "3분내 기사배정 건당 3600원 적립", "빠르게 5분콜"): the call's name
# just before the customer ("…콜 1234님", "…콜 상현동님") or the mileage. (Not a shop's 콜센터 or 콜백, nor a car
# maker's 리콜 beside 운전.) Each alternative starts with a literal, so that the regex engine skips ahead to the
# characters that can start a match. (Hint words, not substring tests: the one scan finds them at no cost per word,
# where two `in` tests over a long advert cost ~800 instructions.)
_CALL_HINT = HINTS.add(("콜", "call"))
_CALL_COMPANY = re.compile(
    r"콜(?<!리콜)(?!센터|백)(?:[^가-힣]{0,6}님|[가-힣]{1,4}님|[^가-힣]{0,3}(?:현재|헌재)?마일|배차)"
    r"|call(?!center)(?:[^가-힣]{0,6}님|[^가-힣]{0,3}(?:현재|헌재)?마일)|분콜"
)
_CALL_OFFER = re.compile(r"마일|주차까지|기사배정|배차|대리|운전|귀가")


def _call_company(msg: Message) -> str | None:
    call = _CALL_COMPANY.search(msg.compact)
    offer = _CALL_OFFER.search(msg.compact) if call else None
    return f"{call.group(0)}/{offer.group(0)}" if offer else None


# A driver company greets its customer by its call number followed by the last four digits of the customer's phone:
# "(광고)1600-66550623님 5분도착", "콜1688.36008768님", "1588.1200 0663님", "1833-35350482님 건별적립10%". Only in the
# advert form (the caller checked it): a shop's or bank's advert names its customer "고객님", not a call number's
# digits. ``님`` first (a literal the engine skips to), the four digits behind it; then the 15xx-18xx number just
# before them. The evidence keeps the company's number, never the customer's digits.
_CUSTOMER_DIGITS = re.compile(r"님(?<=\d{4}님)")
_CALL_NUMBER_BEFORE = re.compile(r"(1[5-8]\d\d[-.]?\d{4})[^가-힣a-z0-9]{0,3}\d{4}\Z")


def _call_customer_code(msg: Message) -> str | None:
    if "님" not in msg.compact:
        return None
    for found in _CUSTOMER_DIGITS.finditer(msg.compact):
        number = _CALL_NUMBER_BEFORE.search(msg.compact, max(0, found.start() - 16), found.start())
        if number:
            return f"{number.group(1)}+고객번호님"
    return None


def _phone_shop(msg: Message) -> str | None:
    if not mentions_any(msg, _PHONE_SHOP_HINT):
        return None
    shop = _PHONE_SHOP.search(msg.compact)
    if shop is None:
        return _phone_deal(msg)
    bait = _PHONE_BAIT.search(msg.compact)
    return f"{shop.group(0)}/{bait.group(0)}" if bait else None


# Session 15: or no shop named, only the deal: a phone model, a switch of carrier or handset ("번호이동", "번이", "기변")
# and the cash or the zero price that the shop adds ("기기값 0원 + 현금 20만원", "공시+현금완납 45만 페이백"). A carrier
# advertising its own phones names itself (``msg.claimed``) and pays no cash for a switch; a shop that does is the
# trade KISA's reports are full of, labelled or not (with the label and the 080 opt-out it is lawful in form, but an
# advert the person did not ask for: ``medium``, "do not call, opt out", never ``high`` on these words alone).
# Also "성지" (a shop's nickname for its hidden discount) beside the deal: "성지 공지 … 번이 … 페이백".
_PHONE_MODEL_HINT = HINTS.add(("아이폰", "갤럭시", "갤s", "갤z", "iphone", "galaxy", "폴드", "플립"))
# ("번이" is the shop's short 번호이동 only before its terms: not "이번이", "한 번이라도", "3번 이상".)
_PHONE_SWITCH = re.compile(r"번호이동|(?<![이한두세네몇첫\d])번이(?=공시|현완|현금|할부|조건|\d)|기기변경|기변|신규개통|성지")
_HIDDEN_SHOP_CONTACT = re.compile(r"좌표|검색후|dm|쪽지")
_PHONE_DEAL_BAIT = re.compile(r"기기값0원|할부원금0|0원폰|현금\d{1,3}만|현금완납|페이백|좌표|차비")


def _phone_deal(msg: Message) -> str | None:
    # (A way to answer the offer, or the advert's form: a friend's "갤럭시로 번호이동 했는데 현금 10만 받음" gives neither.
    # The shop that hides its address gives a search and a DM instead: "좌표는 밴드 '○○' 검색 후 DM".)
    if not mentions_any(msg, _PHONE_MODEL_HINT) or msg.claimed:
        return None
    if not (_advert_form(msg) or msg.action_channel or msg.callbacks or _HIDDEN_SHOP_CONTACT.search(msg.compact)):
        return None
    switch = _PHONE_SWITCH.search(msg.compact)
    bait = _PHONE_DEAL_BAIT.search(msg.compact) if switch else None
    return f"{switch.group(0)}/{bait.group(0)}" if bait else None


def _internet_reseller(msg: Message) -> str | None:
    if not mentions_any(msg, _NET_HINT):
        return None
    if mentions_any(msg, _CARRIER_SWITCH_HINT) and _advert_form(msg):
        switch = _CARRIER_SWITCH.search(msg.compact)
        if switch and _INTERNET.search(msg.compact) and _CASH.search(msg.compact):
            return f"인터넷/{switch.group(0)}"
    if mentions_any(msg, _CARRIER_HINT):
        carriers = _THREE_CARRIERS.search(msg.compact)
        if carriers is not None and _INTERNET.search(msg.compact) is not None:
            switch = _SWITCH.search(msg.compact)
            if switch:
                return f"{carriers.group(0)}/인터넷/{switch.group(0)}"
    return _internet_cash_offer(msg)


def _internet_cash_offer(msg: Message) -> str | None:
    # Session 14: or an unlabelled one with a number or link to call ("인터넷+TV 가입시 현금 최대 52만원 지원 … 상담
    # 1668-…"): the law asks every advert for its label; a lawful reseller writes it, and is read only with it.
    if not (_advert_form(msg) or msg.action_channel):
        return None
    text = msg.compact
    for internet in _INTERNET.finditer(text):
        # The offer is one phrase around the word ("현금♥68만원 받고 인터넷 변경", "인터넷+TV 교체 시 580,000"): an
        # electronics store's long advert that says "인터넷 최저가" in one line and "신규 … 60만원대" in another is no
        # reseller's, nor is internet the channel of another product ("인터넷으로 가입", "인터넷자동차보험").
        if text.startswith(_INTERNET_AS_CHANNEL, internet.end()):
            continue
        start, end = max(0, internet.start() - _OFFER_SPAN), internet.end() + _OFFER_SPAN
        switch = _SWITCH_FOR_CASH.search(text, start, end)
        cash = _CASH_SUM.search(text, start, end) if switch else None
        if cash is not None:
            break
    else:
        return None
    if msg.claimed or _OPERATOR_SIGNATURE.search(text, 0, _LABEL_OPENING + 10):
        return None
    return f"인터넷/{switch.group(0)}/{cash.group(0)}"


# Session 14: lottery "prediction" services (로또 당첨번호 예측, 분석 조합, 1등 번호 무료): a paid membership sold on the promise of
# winning numbers, a fraud family of its own (refunds refused, KISA files them under gambling and "other"), labelled or
# not. The lottery itself (동행복권) predicts nothing; a friend's "로또 1등 대박" names no prediction. Only in the advert
# form or with a number or link to call.
_LOTTO_HINT = HINTS.add(("로또",))
_LOTTO_SPAN = 30
_LOTTO_PREDICTION = re.compile(
    r"예측|분석(?:조합|번호|시스템)?|예상번호|추천번호|조합번호|\d등조합|무료번호|번호무료|[1i일]등번호|패턴분석|당첨확률"
)


def _lotto_prediction(msg: Message) -> str | None:
    if not mentions_any(msg, _LOTTO_HINT) or not (_advert_form(msg) or msg.callbacks or msg.action_channel):
        return None
    text = msg.compact
    start = text.find("로또")
    while start != -1:
        found = _LOTTO_PREDICTION.search(text, max(0, start - _LOTTO_SPAN), start + 2 + _LOTTO_SPAN)
        if found:
            return f"로또/{found.group(0)}"
        start = text.find("로또", start + 2)
    return None


def _capital_rental(msg: Message) -> str | None:
    if not mentions_any(msg, _CAPITAL_HINT):
        return None
    capital = _CAPITAL.search(msg.compact)
    if capital is None:
        return None
    terms = _CAPITAL_TERMS.search(msg.compact)
    if terms:
        return f"{capital.group(0)}/{terms.group(0)}"
    if capital.group(0).startswith("연말") and _advert_form(msg):
        return capital.group(0)
    return None


def _property_sale(msg: Message) -> str | None:
    advert_form = _advert_form(msg)
    sale_word = mentions_any(msg, _PROPERTY_HINT)
    if not (sale_word or advert_form):
        return None
    if not (advert_form or any(p.kind == "mobile" for p in msg.callbacks)):
        return None
    # A bank's advert for its housing-subscription savings ("[KB국민은행] 청약통장 … 아파트 분양 … 선착순 1만명 커피") is
    # a listed institution's own advert, not a sales team's.
    if msg.claimed:
        return None
    sale = _PROPERTY.search(msg.compact) if sale_word else None
    push = _PROPERTY_PUSH.search(msg.compact) if sale else None
    if push:
        return f"{sale.group(0)}/{push.group(0)}"
    if not advert_form or not mentions_any(msg, _FLAT_HINT):
        return None
    flat = _FLAT.search(msg.compact)
    push = _FLAT_PUSH.search(msg.compact) if flat else None
    if push and _NOT_A_DEVELOPER.search(msg.compact):
        # An appliance store's offer to the residents of a new block; an estate agent's listing of one flat ("푸른공인중개사
        # … 84㎡ 전세 3억2천, 즉시 입주 가능") is a lawful advert of a registered trade, not a sales team's push.
        return None
    if not push or msg.is_political:
        return None  # (a councillor's report or a candidate's campaign text names flats and stations as local affairs)
    # The size's digits sit behind the match ("34" of "34평", "537" of "537세대"): the evidence shows them.
    before = msg.compact[max(0, flat.start() - 4):flat.start()] if flat.group(0) in ("평", "세대") else ""
    digits = before[len(before.rstrip("0123456789")):]
    return f"{digits}{flat.group(0)}/{push.group(0)}"


# Session 15: land sold by a "기획부동산" (a firm that buys a hill or a field, splits it into shares and sells them at
# many times the price on the promise of a development): land (토지, 임야, 개발 예정지) and a promised rise ("시세 2배",
# "오르는", "개발호재", "시세차익", "수익 보장"), in the advert form or with a mobile to call. A registered estate agent's
# listing names a plot and its price, not a rise; a county's notice of a land survey promises nothing.
_LAND_HINT = HINTS.add(("토지", "임야", "개발예정지", "개발지", "농지", "기획부동산"))
_LAND = re.compile(r"토지|임야|개발예정지|개발지|농지|기획부동산")
_LAND_RISE = re.compile(
    r"시세\d배|\d배(?:이상)?(?:오르|상승|수익|뛰)|오르는|상승(?:예정|확실|보장)|개발호재|시세차익|수익(?:률)?(?:보장|확정)"
    r"|확정수익|투자가치|기획부동산아님|기획부동산아닙"
)


def _land_sale(msg: Message) -> str | None:
    if not mentions_any(msg, _LAND_HINT) or msg.claimed:
        return None
    if not (_advert_form(msg) or any(p.kind == "mobile" for p in msg.callbacks)):
        return None
    land = _LAND.search(msg.compact)
    rise = _LAND_RISE.search(msg.compact) if land else None
    return f"{land.group(0)}/{rise.group(0)}" if rise else None


_TRADES = (
    (
        _broken_label,
        "'(광/고)'처럼 광고 표시를 기호로 쪼개 스팸 필터를 피하려는 광고 문자입니다. 전화하거나 링크를 누르지 마세요.",
        "An advert that breaks its '(광고)' label with symbols to slip past spam filters; do not call or click.",
    ),
    (
        _designated_driver,
        "대리운전 홍보 문자입니다. 원하지 않는 광고라면 전화하지 말고 080 무료 수신거부로 차단하세요.",
        "A designated-driver advert; if you did not ask for it, do not call, and opt out via its free 080 number.",
    ),
    (
        _phone_shop,
        "'휴대폰 개통점, 선착순 무료, 이름만 보내 주세요' 같은 휴대폰 판매 광고입니다. 답장하면 개인정보가 판매점에 넘어갑니다.",
        "A phone-shop advert ('free phones for the first 30, just text your name'); replying hands your details to the shop.",
    ),
    (
        _internet_reseller,
        "'LG·KT·SK 인터넷+TV 교체 시 현금 지원' 같은 통신 가입 중개 광고입니다. 원하지 않는 광고라면 연락하지 말고 수신거부하세요.",
        "An internet and TV reseller's advert ('switch LG/KT/SK internet and get cash'); if unwanted, do not call and opt out.",
    ),
    (
        _property_sale,
        "'선착순 분양·중도금 무이자' 같은 부동산 분양 광고입니다. 원하지 않는 광고라면 연락하지 말고 수신거부하세요.",
        "A property-sale advert ('first come first served, interest-free interim payments'); if unwanted, do not call and opt out.",
    ),
    (
        _land_sale,
        "'시세 2배 오르는 토지, 개발 예정지' 같은 토지 투자 광고입니다. 쪼개 파는 땅(기획부동산)은 값이 오르지 않고 되팔기도 어렵습니다. 연락하지 마세요.",
        ("A land-investment advert ('land that will double in price, a future development site'): plots split and sold by such "
         "firms rarely rise and are hard to resell; do not reply."),
    ),
    (
        _lotto_prediction,
        ("'로또 당첨번호 예측·분석 조합·1등 번호 무료' 같은 로또 번호 예측 광고입니다. 당첨 번호는 예측할 수 없고, 유료 회원 가입 뒤 "
         "환불을 거부하는 피해가 많습니다. 연락하지 마세요."),
        ("A lottery-number 'prediction' advert ('winning numbers predicted, free 1st-prize numbers'): winning numbers cannot be "
         "predicted, and such paid memberships often refuse refunds; do not reply."),
    ),
    (
        _capital_rental,
        "'법인 연말자본금, 현금예금 1억당 2개월 150만원, 잔고증명' 같은 자본금 대행 광고입니다. 빌린 돈으로 자본금을 부풀리는 것은 불법(가장납입)일 수 있습니다. 연락하지 마세요.",
        ("An advert for renting a company's year-end capital or balance certificate ('1억당 2개월 150만원'); inflating capital with "
        "borrowed money can be illegal; do not reply."),
    ),
)


# The checker adds every rule's points. A developer's advert that mentions loans ("중도금 대출 무이자", "LTV 70%") or
# a prize draw is medium already by those lure rules; counting the advert again would raise it to high on wording
# alone (14 labelled property adverts on KISA dev). With only the urgency word ("마감임박", 1 point), the advert counts
# 2 points, so that the two stay medium beside a link's weak facts. Asked only once a trade matched (rarely).
_LURES_COUNTED_ALREADY = ("TEXT_LOAN_LURE", "TEXT_PRIZE_LURE")
_URGENCY = "TEXT_URGENCY"
# Every trade needs one of these words (the label's 광 and the opt-out's 거부 stand for the advert form that the
# driver trade needs; 넷 for internet): the checker skips the rule on the other messages (most English ones).
_RULE_HINTS = (
    _LABEL_HINT | _OPT_OUT_HINT | _PHONE_SHOP_HINT | _NET_HINT | _PROPERTY_HINT | _CAPITAL_HINT | _DRIVER_WORD_HINT
    | _LOTTO_HINT | _LAND_HINT
)
_SCORE_BESIDE_URGENCY = 2


@rule(
    "TEXT_UNSOLICITED_ADVERT", group="text", score=3, requires="hint_words", hints=_RULE_HINTS,
    ko="대리운전·휴대폰 판매·인터넷 가입 중개·부동산 분양처럼 스팸 신고가 많은 업종의 광고이거나 광고 표시를 숨긴 문자입니다. 전화하거나 링크를 누르지 마세요.",
    en="An advert of a trade that floods phones with spam (designated drivers, phone shops, internet resellers, property sales) or one "
    "that hides its advert label; do not call or click.",
)
def text_unsolicited_advert(msg: Message):
    if not mentions_any(msg, _RULE_HINTS):
        return None
    for trade, ko, en in _TRADES:
        evidence = trade(msg)
        if evidence:
            if any(REGISTRY[lure].check(msg) for lure in _LURES_COUNTED_ALREADY):
                return None
            score = _SCORE_BESIDE_URGENCY if REGISTRY[_URGENCY].check(msg) else None
            return Finding(evidence=evidence, ko=ko, en=en, score=score)
    return None


# Session 15: adult content offered behind a link or a chat ID: "성인 웹툰 무삭제 무료 보기 ▶ (link)", "19금 방송 노모 무료
# (link)", "벗방 실시간 (open chat)"; and the labelled advert that talks like a woman writing to a man ("(광고)♡오빠 오늘 밤
# 시간 돼? 나 근처야 … ▶ (link)"), the voice of adult-chat and hook-up sites. A real webtoon platform names its title,
# not "무삭제"; a shop's advert never calls the reader 오빠. Web comments name 19금 or 야동 in gossip, with no link.
_ADULT_CONTENT_HINT = HINTS.add(("성인웹툰", "성인만화", "성인방송", "성인영상", "성인동영상", "19금", "무삭제", "노모", "야동", "벗방",
                                 "🔞"))
_ADULT_CONTENT = re.compile(
    r"성인(?:웹툰|만화|방송|영상|동영상)|19금(?:웹툰|만화|방송|영상|동영상|채팅|화상)|무삭제|노모(?:자이크)?(?![가-힣])|야동|벗방|🔞"
)
_PET_NAME_HINT = HINTS.add(("오빠", "자기야", "여보"))
_PET_NAME = re.compile(r"오빠|자기야|여보(?!세요)")
# (Not a shop named for the word, "오빠닭", "오빠네 치킨": its advert names no date.)
_DATE_WORDS = re.compile(r"근처|오늘밤|심심|외로|만나|보고싶|보고픈|얘기|놀자|놀아|혼자|감당|몰래|사진보냈")
_DATE_SPAN = 30
# A 060 adult line's advert is TEXT_ADULT_SERVICE's already: counting it twice would make its wording high.
_ADULT_COUNTED_ALREADY = "TEXT_ADULT_SERVICE"


def _adult_content(msg: Message) -> str | None:
    if not mentions_any(msg, _ADULT_CONTENT_HINT):
        return None
    found = _ADULT_CONTENT.search(msg.compact)
    return f"{found.group(0)} + {_channel_kind(msg)}" if found else None


def _channel_kind(msg: Message) -> str:
    # (What the channel is, not the channel itself: a number may be a person's.)
    return "링크" if msg.urls else "연락처"


def _pet_name_advert(msg: Message) -> str | None:
    if not (mentions_any(msg, _PET_NAME_HINT) and _advert_form(msg)) or msg.claimed:
        return None
    text = msg.compact
    for pet in _PET_NAME.finditer(text):
        # (One phrase: a long gambling advert's "형님 … 오빠 …" and, far away, "놀아주지도 않아요" are no date.)
        date = _DATE_WORDS.search(text, max(0, pet.start() - _DATE_SPAN), pet.end() + _DATE_SPAN)
        if date:
            return f"(광고)+{pet.group(0)}/{date.group(0)}"
    return None


@rule(
    "TEXT_ADULT_CONTENT_LURE", group="text", score=3, carrier=True, requires="reachable",
    hints=_ADULT_CONTENT_HINT | _PET_NAME_HINT,
    ko="'성인 웹툰 무삭제 무료', '(광고) 오빠 나 근처야'처럼 성인물이나 성인 채팅을 미끼로 링크·메신저·전화로 부릅니다. 불법 성인 사이트 "
    "광고이며 결제 사기·악성 앱으로 이어지기도 합니다. 누르지 마세요.",
    en="It lures with adult content ('uncensored adult webtoons free') or a labelled advert posing as a woman ('오빠, I'm "
    "nearby') and a link, chat ID or number: an illegal adult-site advert that can lead to billing fraud or malware; do not tap.",
)
def text_adult_content_lure(msg: Message):
    # (Adult content needs a link or chat ID to reach it; the pet-name advert also counts with a number to call, often
    # an 060 paid line.)
    if messenger_is_the_only_channel(msg):  # the ID alone is TEXT_MESSENGER_CONTACT's carrier (counted once)
        return None
    if msg.action_channel:
        found = _adult_content(msg)
        if found:
            return None if REGISTRY[_ADULT_COUNTED_ALREADY].check(msg) else found
    if not (msg.action_channel or msg.callbacks):
        return None
    found = _pet_name_advert(msg)
    return found if found and not REGISTRY[_ADULT_COUNTED_ALREADY].check(msg) else None


# Session 15: the stock-tip room's invitation ("리딩방"): a "free room", "info room" or "VIP room" of stock or futures
# tips ("평생 무료 정보방 입장", "VIP 주식 단타 무료방입니다", "급등주 무료 추천방 200/300") behind a link or chat ID. Such rooms
# lure investors to a paid membership or a fake trading app; a licensed broker's own advert names its app or branch,
# never a "room". The room word must not be the start of another word after 방 (무료방문, 정보방송, 추천방법); 신용정보방
# is a debt collector's "신용정보 방○○" signature. Wording alone is TEXT_STOCK_PUMP's (a number of pump words).
_TIP_ROOM_WORDS = ("정보방", "리딩방", "무료방", "주식방", "종목방", "추천방", "vip방", "세력방", "정보력방")
_TIP_ROOM_HINT = HINTS.add(_TIP_ROOM_WORDS)
_TIP_ROOM = re.compile(r"(?<!신용)(?:" + "|".join(_TIP_ROOM_WORDS) + r")(?![문송법식향역면안지침한어수사학류출치범])")
_STOCK_CONTEXT = re.compile(r"종목|주식|급등|상한가|수익률|매수|매도|관련주|해선|해외선물|선물|코인|공시|리딩|단타|스윙|익절")
# The rules that read the same invitation: where one fires, the room is the same advert counted again.
_TIP_ROOM_COUNTED_ALREADY = ("TEXT_STOCK_PUMP", "TEXT_INVESTMENT_LURE", "TEXT_ROOM_PASSWORD_LINK", "TEXT_STOCK_REPLY_BAIT")


@rule(
    "TEXT_STOCK_TIP_ROOM", group="text", score=3, carrier=True, requires="action_channel", hints=_TIP_ROOM_HINT,
    ko="'평생 무료 정보방 입장', 'VIP 주식 무료방'처럼 주식·선물 종목 추천방(리딩방)으로 부르는 링크나 메신저입니다. 유료 회원 가입이나 가짜 투자 앱으로 "
    "이어지는 불법 투자 광고입니다. 들어가지 마세요.",
    en="It invites you into a stock or futures tip room ('lifetime free info room', 'VIP stock room') by a link or chat "
    "ID: an illegal investment advert that leads to paid memberships or fake trading apps; do not join.",
)
def text_stock_tip_room(msg: Message):
    if not (msg.action_channel and mentions_any(msg, _TIP_ROOM_HINT)):
        return None
    room = _TIP_ROOM.search(msg.compact)
    if room is None or _STOCK_CONTEXT.search(msg.compact) is None:
        return None
    if any(REGISTRY[other].check(msg) for other in _TIP_ROOM_COUNTED_ALREADY):
        return None
    return room.group(0)
