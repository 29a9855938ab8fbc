"""Impersonation with a foreign contact channel: the message presents itself as an institution and
offers a way to act that is not one of that institution's official channels."""

from __future__ import annotations

import re

from checker.message import HEAD_LENGTH, HINTS, Message
from checker.rules.merchant import is_merchant_descriptor
from checker.rules.registry import REGISTRY, Finding, rule


def _links_to_own_site(msg: Message) -> bool:
    """Whether a link of the message goes to an official domain of an institution it presents itself as."""
    owners = {inst.owner for inst in msg.claimed}
    return any(u.official and u.owner in owners for u in msg.urls)


def is_own_hangul_domain(url, msg: Message) -> bool:
    """Whether ``url`` is the Hangul name of an institution the message presents itself as, under the ending
    of that institution's official domain, in a message that also links to that official domain: KB국민카드's
    "바로결제.KB국민카드.com" beside "www.kbcard.com". The company holds its own name there; a look-alike must add
    a word (kb국민카드-혜택.com) or change the ending (kb국민카드.net), and those still count."""
    if "punycode" not in url.flags or not msg.claimed:
        return False
    label, _, suffix = url.registered_domain.partition(".")
    if not label.startswith("xn--"):
        return False
    try:
        name = label[4:].encode("ascii").decode("punycode").lower()
    except UnicodeError:
        return False
    for inst in msg.claimed:
        if name not in inst.compact_keywords:
            continue
        official = msg.allowlist.domains_by_owner.get(inst.owner, ())
        if any(domain.partition(".")[2] == suffix for domain in official) and any(
            u.official and u.registered_domain in official for u in msg.urls
        ):
            return True
    return False


def _names(msg: Message) -> tuple[str, str]:
    claimed = msg.claimed[:2]
    return "·".join(i.owner_ko for i in claimed), ", ".join(i.owner for i in claimed)


@rule(
    "URL_NOT_OFFICIAL_FOR_SENDER", group="impersonation", score=3, requires="risky_urls",
    ko="기관을 사칭하면서 그 기관의 공식 주소가 아닌 링크를 보냈습니다.",
    en="The message presents itself as an institution but links to a site that is not the institution's.",
)
def url_not_official_for_sender(msg: Message):
    # An advert of a real company (labelled (광고)) links to its own marketing domains.
    if not msg.claimed or not msg.risky_urls or msg.is_advert:
        return None
    own_labels = {
        domain.split(".")[0]
        for inst in msg.claimed
        for domain in msg.allowlist.domains_by_owner.get(inst.owner, ())
    }
    # The institution's own name under another commercial ending (hanjin.co.kr for hanjin.com, ibk.kr
    # for ibk.co.kr) is its own site, not a foreign channel; lookalikes are judged by DOMAIN_* rules.
    foreign = [
        u
        for u in msg.risky_urls
        if "lookalike" in u.flags
        or (u.registered_domain.split(".")[0] not in own_labels and not is_own_hangul_domain(u, msg))
    ]
    if foreign:
        # A card notice names the shop as the card network prints it ("[현대카드]-해외승인 … USD 15.49 NETFLIX.COM",
        # "a $318.40 purchase at AMAZON.COM/BILL"): the merchant, not a link the issuer sends you to.
        foreign = [u for u in foreign if not is_merchant_descriptor(u, msg)]
    if foreign and any(u.official for u in msg.urls) and _links_to_own_site(msg):
        # A notice that links to the institution's own site (Hanjin's "smile.hanjin.co.kr/…" tracking page) and
        # also gives a shortened "more details" link: the shortener's hidden destination is the URL_SHORTENER
        # rule's business, not a sign of a foreign channel. Other foreign links still count.
        foreign = [u for u in foreign if "shortener" not in u.flags]
    if not foreign:
        return None
    name_ko, name_en = _names(msg)
    link = foreign[0].registered_domain
    return Finding(
        evidence=f"{name_en} → {link}",
        ko=f"'{name_ko}'(이)라고 하면서 공식 주소가 아닌 {link} 링크를 보냈습니다.",
        en=f"It claims to be {name_en} but links to {link}, which is not an official domain.",
    )


@rule(
    "PHONE_NOT_OFFICIAL_FOR_SENDER", group="impersonation", score=4, requires="risky_callbacks",
    ko="기관을 사칭하면서 그 기관의 공식 대표번호가 아닌 번호로 연락하라고 합니다.",
    en="The message presents itself as an institution but gives a number that is not its official one.",
)
def phone_not_official_for_sender(msg: Message):
    if not msg.claimed or not msg.risky_callbacks:
        return None
    number = msg.risky_callbacks[0].number
    if _read_by_callback_lure(msg, number):
        return None
    name_ko, name_en = _names(msg)
    # Parcel drivers are contractors who give their own mobile number ("담당기사 010-…", "담당소장 연락처는 010-…" in
    # real Logen and Lotte notices): there the number is the courier's, weaker evidence than a number to call the
    # carrier on. A lure's wording (address error, return) still counts through the delivery-lure rules.
    courier = number in _courier_numbers(msg) and any(i.category == "delivery" for i in msg.claimed)
    official = sorted(msg.allowlist.phones_by_owner.get(msg.claimed[0].owner, ()))
    hint_ko = f" 공식 번호는 {', '.join(official[:2])}입니다." if official else ""
    hint_en = f" Official: {', '.join(official[:2])}." if official else ""
    return Finding(
        evidence=f"{name_en} → {number}",
        ko=f"'{name_ko}'(이)라고 하면서 공식 번호가 아닌 {number}(으)로 연락하라고 합니다.{hint_ko}",
        en=f"It claims to be {name_en} but asks you to contact {number}, not an official number.{hint_en}",
        # Institutions run many 15xx numbers we may not list, and their long notices print several:
        # there an unlisted 15xx number is weaker than a mobile, 070 or foreign one.
        score=2 if courier or (msg.risky_callbacks[0].kind == "representative" and len(msg.body) > HEAD_LENGTH) else None,
    )


# The lures whose only channel is a number to call read that number with their own points (a payout held, a car reported,
# a card you never asked for, a public body's money, a sign-in "not you"): where one of them reads this rule's number,
# the number is counted there, once. Counted by both, a real notice whose body's numbers the allowlist lacks (Wells
# Fargo's phones, an unlisted 15xx line) was high on one number and its wording (session 15 review). Asked by id: those
# rules live in modules that import this one.
_CALLBACK_LURES = ("PHONE_PAYOUT_CALLBACK", "PHONE_VEHICLE_REPORT_CALLBACK", "PHONE_CARD_COURIER_CALLBACK",
                   "PHONE_PUBLIC_BODY_MONEY_CALLBACK", "TEXT_SIGN_IN_ALERT_CALLBACK")
_DIGITS = re.compile(r"[0-9]+")


def _read_by_callback_lure(msg: Message, number: str) -> bool:
    """Whether a call-back lure rule fires on ``number`` (its evidence ends in the number's digits)."""
    digits = "".join(_DIGITS.findall(number))
    for lure in _CALLBACK_LURES:
        found = REGISTRY[lure].check(msg)
        evidence = found.evidence if isinstance(found, Finding) else found
        if evidence and evidence.endswith(digits[-8:]):
            return True
    return False


# Also the words of CJ대한통운's delivered notice ("배송사원: 010-…") and 한진택배's pick-up notice ("■ 택배원 : (☎ 010-…)"),
# whose number may stand in brackets after a telephone sign.
_COURIER_NUMBER = re.compile(
    r"(?:담당자|기사|배송원|집배원|배달원|소장|배송사원|택배원)님?(?:의)?(?:연락처|번호|전화번호|전화|휴대폰|핸드폰)?(?:은|는)?[:：]?"
    r"[(（]?☎?(01[016789][-.]?[0-9]{3,4}[-.]?[0-9]{4})(?![0-9])"
)


def _courier_numbers(msg: Message) -> set[str]:
    """Mobile numbers introduced as the delivery person's ("배송기사 010-…", "담당자 : 010-…")."""
    if "01" not in msg.compact:
        return set()
    return {re.sub(r"[^0-9]", "", m.group(1)) for m in _COURIER_NUMBER.finditer(msg.compact)}


@rule(
    "TEXT_MESSENGER_CONTACT", group="impersonation", score=3, requires="messenger",
    ko="카카오톡 아이디·오픈채팅·텔레그램 등 메신저로 연락하라고 합니다. 기관과 금융회사는 이렇게 하지 않습니다.",
    en="It asks you to contact a messenger ID or open chat; institutions and banks do not do that.",
)
def text_messenger_contact(msg: Message):
    contact = msg.messenger
    if contact and msg.claimed:
        # An institution that sends you to a Telegram ID or an open chat is an impersonation.
        name_ko, name_en = _names(msg)
        return Finding(
            evidence=f"{name_en} → {contact}",
            ko=f"'{name_ko}'(이)라고 하면서 메신저({contact})로 연락하라고 합니다. 기관과 금융회사는 이렇게 하지 않습니다.",
            en=f"It claims to be {name_en} but sends you to a messenger contact ({contact}); they never do that.",
            score=6,
        )
    return contact


def messenger_is_the_only_channel(msg: Message) -> bool:
    """Whether the message's only way to act is its messenger ID (no risky link or number, no app, no other number):
    TEXT_MESSENGER_CONTACT reads every such ID whatever the wording, so a lure rule that would reach its carrier only
    through that ID steps aside there (one carrier, counted once; session 16)."""
    return msg.messenger is not None and msg.action_channel == msg.messenger and not msg.callbacks


# Session 13 (set-1 gaps): a lure in the name of the police, prosecutors, a court or the FSS that gives an ordinary
# landline to call back. PHONE_NOT_OFFICIAL_FOR_SENDER counts only the numbers scammers rent (mobile, 070, 15xx),
# because branches answer on unlisted landlines; but those bodies never ask you by text to call about your frozen
# account, an investigation you are "involved in" or a seizure. Real case notices (수사 진행 통지) name the case, not
# a threat to you: the threat words below are what make the landline a lure's channel. Wording and a landline are
# no risky carrier, so this stays at medium on its own.
_AUTHORITIES = frozenset({"police", "prosecution", "court", "financial_regulator"})
_AUTHORITY_THREAT_WORDS = ("대포통장", "명의도용", "연루", "지급정지", "보호조치", "자산보호", "안전계좌", "자금세탁",
                           "범죄에이용", "압류")
# Session 16 (held-out set 5): something done "in your name" (a phone used for illegal betting, three loans applied
# for) and a court's 강제집행 ("지급명령 정본 반송 … 미수령 시 강제집행"): the same threat to you, in other words.
_AUTHORITY_THREAT = re.compile(
    "|".join(_AUTHORITY_THREAT_WORDS) + r"|강제집행|명의(?:로|의)?[^.!?\n]{0,20}?(?:이용|사용|도용|개설|신청|실행)(?:되|됐|된)"
    # Your account or phone "used in" a fraud or illegal betting, without the word 명의.
    r"|(?:계좌|통장|휴대폰|핸드폰)(?:이|가)?[^.!?\n]{0,20}?(?:범죄|사기|도박|자금세탁|불법)[^.!?\n]{0,12}?"
    r"(?:이용|사용|연루|악용)(?:되|됐|된)"
)
# Warnings about these lures quote them ("검찰 사칭 … 지급정지 … 스미싱 주의").
_WARNING_WORDS = ("사칭", "피싱", "스미싱")


@rule(
    "PHONE_AUTHORITY_THREAT_CALLBACK", group="impersonation", score=3, requires="callbacks",
    ko="수사기관·법원·금융감독원을 내세워 계좌 정지·범죄 연루·압류로 겁을 주고 일반 전화번호로 연락하라고 합니다. "
    "이런 기관은 문자로 이런 연락을 요구하지 않습니다.",
    en="It invokes the police, prosecutors, a court or the FSS, threatens a frozen account, a crime or a seizure and "
    "gives a number to call back; they never ask that by text.",
)
def phone_authority_threat_callback(msg: Message):
    if not msg.callbacks or msg.risky_callbacks or not msg.claimed:
        return None  # (a rented number is PHONE_NOT_OFFICIAL_FOR_SENDER's)
    body = next((i for i in msg.claimed if i.category in _AUTHORITIES), None)
    if body is None:
        return None
    threat = _AUTHORITY_THREAT.search(msg.head)
    if threat is None or any(word in msg.compact for word in _WARNING_WORDS):
        return None
    return f"{body.owner} + {threat.group(0)} + {msg.callbacks[0].number}"


# Session 14 (held-out set 3 gaps): a public body, a public utility, a hospital or a school named as the sender, money at
# stake (a refund held or due, a fine, an arrear, a criminal complaint "if you do not confirm") and a number to call about
# it: "[경찰청] 범칙금 미납 … 납부 문의 02-…", "국민건강보험공단 … 환급금 … 문의 02-…", "[민방위] … 과태료 부과 예정 … 이의신청
# 문의 02-…", "[도시가스] … 보증금 환급이 보류 … 문의 1644-…", "[○○학원] 수강료 환불 … 계좌 확인 … 원장 010-…". The
# branch-landline exemption of PHONE_NOT_OFFICIAL_FOR_SENDER left these without any sign: the lure needs no link,
# the number is the channel. A real body's notice gives its own number (1577-1000, 123, 112), a link to its own
# site or the details of a bill; so an official number or link of the claimed body in the text, a long notice, an
# advert or a fraud warning keep the rule silent. Wording and a number of any kind: medium at most (3 points; 4 when
# the allowlist knows the body's official numbers and the number given is none of them).
# (PHONE_AUTHORITY_THREAT_CALLBACK covers the investigators' threats; this is the broader money-and-penalty family.)
_MONEY_AT_STAKE = ("환급", "환불", "과오납", "과태료", "범칙금", "미납", "체납", "가산금", "고발", "벌금", "보증금")
_MONEY_AT_STAKE_PATTERN = re.compile("|".join(_MONEY_AT_STAKE))
_MONEY_AT_STAKE_WORDS = HINTS.add(_MONEY_AT_STAKE)
# Senders a lure borrows whose names end in their kind: "[○○청]", "[○○공단]", "[○○병원]", "[○○학원]", "[도시가스]" …
# (read in the bracketed name that opens the message, after carrier prefixes).
# Hospitals, schools, academies, utilities and building firms ("인테리어공사" is no public corporation) really do text a
# refund with their own desk's or director's number, in the lure's very words ("검사비 환불금이 발생하였습니다. 원무과 문의
# 02-…"): from a name of such a kind the money and the number are not enough. It also takes what their real notices never
# say: the account to be "confirmed" by phone, a criminal complaint, or the money "held back" (환급 보류).
_PUBLIC_KINDS = ("청", "공단", "보건소", "구청", "시청", "군청", "주민센터", "행정복지센터", "세무서", "경찰서", "수도사업소",
                 "민방위", "예비군", "병무청")
_PRIVATE_KINDS = ("공사", "병원", "의원", "치과", "학원", "학교", "유치원", "어린이집", "도시가스", "가스", "전력", "관리사무소")
_INSTITUTION_NAME = re.compile(
    r"[\[(【<〔]([가-힣a-z0-9·]{0,14}(?:" + "|".join(_PUBLIC_KINDS + _PRIVATE_KINDS) + r"))[\])】>〕]"
)
_PRIVATE_KIND = re.compile("(?:" + "|".join(_PRIVATE_KINDS) + ")$")
_PRIVATE_LURE_SIGN = ("계좌", "고발", "보류")
_SENDER_PUBLIC = frozenset({"government", "local_government", "police", "prosecution", "court", "tax", "health", "post",
                            "financial_regulator"})
# (이의신청 is asked for too: it holds 신청, and only whether a match follows the money word counts.)
_ASK_TO_CALL = re.compile(r"문의|연락|통화|전화|상담|신청|접수")
_PUBLIC_CALLBACK_MAX = 100
"""Characters of compact prose: the lure is a line or two (43-71 on set 3); a real bill or refund notice spells out
its details (amount, dates, how it is paid back)."""


def _money_sender(msg: Message) -> tuple[str, frozenset[str]] | None:
    """The body the message speaks as (a public one from the allowlist, or a bracketed name of an institution's kind)
    and its official numbers (empty when the allowlist does not know it)."""
    for inst in msg.claimed:
        if inst.category in _SENDER_PUBLIC:
            return inst.owner, msg.allowlist.phones_by_owner.get(inst.owner, frozenset())
    name = _INSTITUTION_NAME.match(msg.body)
    if name is not None:
        return name.group(1), frozenset()
    return None


@rule(
    "PHONE_PUBLIC_BODY_MONEY_CALLBACK", group="impersonation", score=3, requires="callbacks",
    hints=_MONEY_AT_STAKE_WORDS,
    ko="공공기관·공기업·병원·학원 이름으로 환급금·환불이나 과태료·미납·고발을 알리면서 그 기관의 대표번호가 아닌 번호로 "
    "연락하라고 합니다. 전화하지 말고 기관의 공식 번호로 직접 확인하세요.",
    en="It speaks as a public body, utility, hospital or school about a refund, fine, arrear or complaint and gives a "
    "number to call that is not the body's official one; check through the official number instead.",
)
def phone_public_body_money_callback(msg: Message):
    if not msg.callbacks or msg.is_advert or len(msg.prose) > _PUBLIC_CALLBACK_MAX:
        return None
    money = _MONEY_AT_STAKE_PATTERN.search(msg.head)
    if money is None or any(word in msg.compact for word in _WARNING_WORDS):
        return None
    sender = _money_sender(msg)
    if sender is None:
        return None
    owner, official = sender
    if _PRIVATE_KIND.search(owner) and not any(sign in msg.compact for sign in _PRIVATE_LURE_SIGN):
        return None  # a hospital's, academy's or utility's real refund notice reads the same
    if msg.risky_callbacks and any(inst.owner == owner for inst in msg.claimed):
        return None  # a listed body with a rented number: PHONE_NOT_OFFICIAL_FOR_SENDER's
    if any(phone.official for phone in msg.phones) or any(url.official for url in msg.urls):
        return None  # the body's own number or site is given: a real notice
    ask = _ASK_TO_CALL.search(msg.compact, money.end())
    if ask is None:
        return None
    number = msg.callbacks[0].number
    evidence = f"{owner} + {money.group(0)} + {number}"
    if official:
        return Finding(evidence=evidence, score=4)
    return evidence
