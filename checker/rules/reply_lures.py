"""English lures that need no link: a security or payment scare with a number to call or a "reply NO", and the
old UK/US opt-in spam that asks for a keyword reply ("Reply CLAIM", "Reply LOAN", "Reply YES").

Real banks send sign-in and payment alerts too, so the wording alone stays at ``medium``: only the sign-in scare
with a number to call counts as a carrier (the model may then raise it), and none fires when a number in the text
is one the allowlist knows as official."""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.premium import text_premium_rate
from checker.rules.registry import rule
from checker.rules.text import text_account_alert, text_advance_fee_lure, text_payment_scare

_HANGUL = re.compile("[\uac00-\ud7a3]")


def _is_korean(compact: str) -> bool:
    return not compact.isascii() and _HANGUL.search(compact) is not None


# The fake sign-in alert (FTC and UK Finance warnings, 2022-2026): "A new device has signed in to your Online Banking. If
# this wasn't you, call 833…", "Unrecognised login from iPhone in Leeds. If this wasn't you pls call 0330 …". The bank's
# real alert sends you to its app or the number on your card; the scam's number reaches the fake fraud team. UK and
# plain ten-digit numbers are not read as call-back numbers, so the number is found here, after the word "call".
_SIGN_IN = re.compile(
    r"newdevice|unrecogni[sz]ed(?:device|login|log-in|sign-?in|access|activity)|"
    r"(?:new|suspicious|unusual|unauthori[sz]ed)(?:login|log-in|sign-?in|signin|access|activity)|"
    r"(?:signed|logged)(?:in|into)(?:to)?your|loginattempt|sign-?inattempt"
)
# Every match of _SIGN_IN holds one of these (prefixes: "suspicious" for "suspiciouslog-in" and "suspicioussignin").
_SIGN_IN_WORDS = HINTS.add((
    "newdevice", "unrecogni", "newlog", "newsign", "newaccess", "newactivity", "suspicious", "unusual", "unauthori",
    "signedin", "loggedin", "loginattempt", "signinattempt", "sign-inattempt",
))
_WAS_NOT_YOU = re.compile(
    r"wasn['’]?tyou|wasnotyou|notyou|ifyoudid(?:n['’]?t|not)|ifyoudon['’]?t|ifthiswasn['’]?t|ifthisisn['’]?t|ifitwasn['’]?t|"
    r"ifnot(?:you|recogni)|didn['’]?trecogni|don['’]?trecogni"
)
# "call 0330 912 4583", "call us on +44 20 …", "call our fraud team at 1-833-…", "pls call 8334920117": ten digits or more.
# The verbs as words: not "Local office phone Nos 0120-…" on a receipt (SpamHunter), where no one asks for a call.
_CALL_NUMBER = re.compile(r"\b(?:call|ring|dial)\b[a-z' ]{0,40}?[:\-]?\s?(\+?\(?[0-9][0-9 ().\-]{8,18}[0-9])")
_NON_DIGIT = re.compile(r"[^0-9]")
_CALL_WORDS = HINTS.add(("call", "ring", "dial"))


def _number_to_call(msg: Message) -> str | None:
    """The first number of ten digits or more written after a word asking to call it, with no official one in the text."""
    if any(phone.official for phone in msg.phones):
        return None
    for match in _CALL_NUMBER.finditer(msg.text.lower()):
        digits = _NON_DIGIT.sub("", match.group(1))
        if 10 <= len(digits) <= 13:
            return digits
    return None


@rule(
    "TEXT_SIGN_IN_ALERT_CALLBACK", group="text", score=4, carrier=True, requires="hint_words", hints=_SIGN_IN_WORDS,
    ko="'새 기기에서 로그인했다, 본인이 아니면 이 번호로 전화하라'고 합니다. 은행은 보안 알림에서 다른 번호로 전화하게 하지 않고 앱이나 카드 뒷면의 "
    "번호를 안내합니다.",
    en="'A new device signed in to your account; if this wasn't you, call this number': banks send you to their app or "
    "the number on your card, not to a number in the text.",
)
def text_sign_in_alert_callback(msg: Message):
    if not mentions_any(msg, _SIGN_IN_WORDS) or not mentions_any(msg, _CALL_WORDS):
        return None
    compact = msg.compact
    if _is_korean(compact):
        return None
    sign_in = _SIGN_IN.search(compact)
    if sign_in is None or _WAS_NOT_YOU.search(compact) is None:
        return None
    number = _number_to_call(msg)
    # "New device signed in … access temporarily locked … call 1-800-…": TEXT_ACCOUNT_ALERT counts that number with the
    # account's state already, and a payment "not you" TEXT_PAYMENT_SCARE (which the account alert leaves it: session 16).
    # Counted twice, one number and the alert's words were high (session 15 review).
    if number is None or text_account_alert(msg) is not None or text_payment_scare(msg) is not None:
        return None
    return f"{sign_in.group(0)} + call {number}"


# The Zelle and bank-transfer scam (FTC, 2022-2026): "Did you send $1,000.00 to Maria? If not, reply NO and one of our
# representatives will call you." The call that follows is the fake fraud team's. A real bank's question is answered by
# the reply ("Reply Y or N"); it does not announce that someone will ring you. Wording alone: medium.
_PAYMENT_QUESTION = re.compile(r"didyou(?:send|attempt|make|authori[sz]e|approve|transfer|pay|initiate)")
_REPLY_NO = re.compile(r"(?:reply|respond|text|answer)(?:with)?[\"'“]?no(?!w)")
_WILL_CALL_YOU = re.compile(
    r"(?:representative|agent|specialist|advisor|adviser|team|department|officer|someone)s?[a-z]{0,12}?(?:will|shall|would)"
    r"(?:call|contact|phone|ring)you|willcallyou(?:shortly|soon|back|now)"
)
_PAYMENT_QUESTION_WORDS = HINTS.add(("didyou",))


@rule(
    "TEXT_PAYMENT_QUESTION_CALL", group="text", score=3, requires="hint_words", hints=_PAYMENT_QUESTION_WORDS,
    ko="'송금하셨나요? 아니면 NO라고 답하면 상담원이 전화드립니다'라고 합니다. 이어지는 전화는 가짜 보안팀입니다.",
    en="'Did you send this payment? If not, reply NO and a representative will call you': the call that follows comes "
    "from a fake fraud team.",
)
def text_payment_question_call(msg: Message):
    if not mentions_any(msg, _PAYMENT_QUESTION_WORDS):
        return None
    head = msg.head
    question = _PAYMENT_QUESTION.search(head)
    if question is None or _REPLY_NO.search(head) is None:
        return None
    call = _WILL_CALL_YOU.search(head)
    return f"{question.group(0)} + reply no + {call.group(0)}" if call else None


# Opt-in spam of UK and US texts (2003-2026): an offer and a keyword to reply or a freephone number to call. Claims
# management ("U could b entitled 2 £3,750 compensation", "mis-sold PPI"), loans ("Need cash fast? … no credit checks"),
# the vehicle warranty ("your extended warranty is about to expire"), the free phone upgrade ("U r entitled 2 the latest
# …") and the stock-tips group ("join our free stock discussion group"). "Reply STOP" to opt out is lawful marketing's
# formula and is not the keyword: the keyword is what starts the sale. Wording alone: medium.
_OFFER = re.compile(
    r"entitled(?:to|2)(?:up(?:to|2))?(?:a|an|the)?(?:£|\$|€|[0-9]|compensation|refund|claim|payout|free|latest|new)|"
    r"mis-?sold|ppi(?:claim|refund|payout|check)|(?:owed|reclaim|claimback)(?:upto|upto)?£|"
    r"(?:accident|injury)[^.?!]{0,60}?(?:wasn['’]?t|not)(?:your|ur)fault|"
    r"needcash(?:fast|now|today|quick|urgently)|nocreditcheck|(?:payday|instant|guaranteed|sameday)loan|"
    r"loansof(?:upto|up2)?[£$€]|cashsameday|paidsameday|"
    r"extended(?:auto|car|vehicle)?warranty|(?:auto|car|vehicle)(?:'s)?(?:extended)?warranty|"
    r"stock(?:discussion|investment|trading|tips|picks)(?:group|club|chat|community)?|dailystockpicks|"
    r"(?:due|eligible)(?:for|4)(?:an|a|your)?(?:free)?upgrade|upgrade(?:to|2)(?:the|a)?(?:new|latest)"
)
_OFFER_WORDS = HINTS.add((
    "entitled", "missold", "mis-sold", "ppi", "owed£", "reclaim", "claimback", "fault", "needcash", "nocreditcheck",
    "loan", "sameday", "warranty", "stock", "upgrade",
))
# The keyword in the spaced text: "Reply CLAIM", "reply 1 to get", "Text YES", "txt LOAN". Not the opt-out words
# ("send STOPSMS", "send UN 8287", "reply BLOCK").
_REPLY_KEYWORD = re.compile(
    r"\b(?:reply|txt|text|send)\s+[\"'“]?(?!stop|help|end\b|unsub|un\b|block|quit|cancel|opt)"
    r"([a-z0-9]{1,8})\b(?=[\"'”]?(?:\s|[.,!]|$))"
)
_KEYWORD_REPLY_WORDS = HINTS.add(("reply", "txt", "text", "send"))
# Keywords that are words of the sentence, not a keyword to send: "reply to this", "text me", "send your".
_NOT_KEYWORDS = frozenset({"to", "me", "us", "your", "you", "the", "a", "an", "this", "back", "now", "with", "by", "for",
                           "and", "or", "if", "in", "on", "it", "is", "at", "of", "them", "him", "her", "my", "our"})


# Words of an opt-out just before the instruction: "To block all promotions, send REG to 3627" (Pakistan's do-not-disturb
# registration, in a bank's lawful loan advert of super_sms).
_OPT_OUT_BEFORE = ("block", "opt out", "opt-out", "optout", "unsubscribe", "stop receiving", "to stop")
_OPT_OUT_REACH = 40


def _keyword_or_freephone(text: str) -> str | None:
    for match in _REPLY_KEYWORD.finditer(text):
        before = text[max(0, match.start() - _OPT_OUT_REACH):match.start()]
        if match.group(1) not in _NOT_KEYWORDS and not any(words in before for words in _OPT_OUT_BEFORE):
            return match.group(0)
    # Or a number to call (a UK freephone "Call The Mobile Update Co FREE on 0800…", a US "Call 1-866-…"): the other
    # way in. Ten digits or more, as _number_to_call reads them.
    for match in _CALL_NUMBER.finditer(text):
        if 10 <= len(_NON_DIGIT.sub("", match.group(1))) <= 13:
            return match.group(0)
    return None


@rule(
    "TEXT_REPLY_KEYWORD_OFFER", group="text", score=3, requires="hint_words", hints=_OFFER_WORDS,
    ko="보상금·PPI 환급·대출·자동차 보증 연장·주식 리딩방 등을 제안하며 키워드로 답장하거나 전화하게 하는 영어권 스팸 문구입니다.",
    en="A compensation, PPI, loan, car-warranty, free-upgrade or stock-tips offer with a keyword to reply or a "
    "number to call: the wording of opt-in spam.",
)
def text_reply_keyword_offer(msg: Message):
    if not mentions_any(msg, _OFFER_WORDS):
        return None
    if not mentions_any(msg, _KEYWORD_REPLY_WORDS) and not mentions_any(msg, _CALL_WORDS):
        return None
    compact = msg.compact
    if _is_korean(compact):
        return None
    offer = _OFFER.search(compact)
    if offer is None:
        return None
    action = _keyword_or_freephone(msg.text.lower())
    # "Text UPGRADE to 15000": the keyword sent to a short code is TEXT_PREMIUM_RATE's carrier already. Counted twice,
    # a carrier's own upgrade offer by short code was high on wording and one reply (session 15 review).
    if action is None or text_premium_rate(msg) is not None:
        return None
    return f"{offer.group(0)} + {action}"


# The fake page or account appeal (Meta, Instagram, TikTok; 2022-2026): "Your page has been reported for copyright
# infringement and will be deleted in 24h. Appeal here: …". The platform's own notices live in its app and on its own
# domains, which are not risky links. With a risky link, the lure carries its way to be harmed. This rule takes the
# threats TEXT_ACCOUNT_ALERT does not read (a page "reported", "will be deleted" for copyright) and leaves it the rest.
_APPEAL = re.compile(r"appeal|disput|review(?:request|form)")
_APPEAL_WORDS = HINTS.add(("appeal", "disput", "reviewrequest", "reviewform"))
_ACCOUNT_THREAT = re.compile(
    r"(?:page|account|profile|channel)[^.!?]{0,40}?(?:willbe|hasbeen|havebeen|is|was|being)(?:permanently)?"
    r"(?:deleted|disabled|unpublished|suspended|restricted|removed|deactivated|terminated|banned|locked|reported)|"
    r"(?:violat|infring)[a-z]*(?:our|the)?(?:community|terms|copyright|policy|policies|guidelines|standards)"
)


@rule(
    "TEXT_ACCOUNT_APPEAL_LINK", group="text", score=3, carrier=True, requires="urls", hints=_APPEAL_WORDS,
    ko="'페이지·계정이 신고되어 삭제된다, 여기서 이의 신청하라'며 공식이 아닌 링크를 보냅니다. 플랫폼은 자기 앱과 공식 주소로만 안내합니다.",
    en="'Your page or account was reported and will be deleted; appeal here' with a link that is not the platform's: "
    "platforms send such notices in their app and on their own domains.",
)
def text_account_appeal_link(msg: Message):
    if not msg.risky_urls or not mentions_any(msg, _APPEAL_WORDS):
        return None
    compact = msg.compact
    threat = _ACCOUNT_THREAT.search(compact)
    if threat is None or _is_korean(compact):
        return None
    appeal = _APPEAL.search(compact)
    if appeal is None or text_account_alert(msg) is not None or text_payment_scare(msg) is not None:
        # "Your account was suspended … appeal at …": TEXT_ACCOUNT_ALERT counts it already (counted twice, the words
        # and an unknown link would make it high; facebook.com is not in the allowlist of Korean institutions). So does
        # TEXT_PAYMENT_SCARE a charge "to dispute" there (session 16).
        return None
    return f"{threat.group(0)} + {appeal.group(0)}"


# The business-proposal and donation lure by e-mail (advance-fee fraud, 2000-2026): "I have a business proposal I want
# us to discuss, contact me urgently at …@…", "I need your partnership in an urgent transaction, reply me at …", "I'm
# donating $3,900,000 to you, contact me on …". A stranger moves you to a private mailbox, where the fees are asked.
# A company's texts name its own site or number; a friend's "email me the invoice" offers no deal. The address is the
# carrier (public data sets mask it as "EMAIL"); the model may then raise the message.
_PROPOSAL = re.compile(
    r"(?:have|got)(?:a|an)(?:viable|lucrative|profitable|good|urgent|confidential)?(?:business(?:propos(?:al|ition)|deal|"
    r"offer)|propos(?:al|ition)(?:foryou|worth|i?want(?:us|you)?todiscuss))|propsal|business(?:deal|offer|propos(?:al|ition))(?:concerning|for|to|with)you|propos(?:al|ition)(?:for|to)you|"
    r"needyour(?:partnership|cooperation|assistance)|urgenttrans(?:a)?ction|"
    r"need(?:an?)?(?:indian|foreign|local|reliable|trusted|trustworthy|business)partner|"
    r"donat(?:e|ing)(?:[^.!?]|\.(?=[0-9])){0,40}?toyou|"
    r"(?:select(?:ed)?|chosen|approved)(?:to|for)(?:receive)?[^.!?]{0,40}?grant|"
    r"wanttoinvestin|inheritance|beneficiary|consignment"
)
# Every match of _PROPOSAL holds one of these.
_PROPOSAL_WORDS = HINTS.add((
    "havea", "havean", "gota", "gotan", "propsal", "business", "propos", "needyour", "urgenttrans", "partner", "donat",
    "grant", "wanttoinvestin", "inheritance", "beneficiary", "consignment",
))
# "contact me at", "reply me at", "write me on email", "email us at", "contact me via email only": read on the spaced,
# lower-cased text. The address follows within a few words, or the mask "EMAIL" of public data sets (upper case in the
# raw text).
_EMAIL_CONTACT = re.compile(
    r"\b(?:(?:reply|write)\s+(?:to\s+)?|(?:contact|reach|e-?mail|mail)\s+)(?:me|us)\b(?P<rest>[^!?\n]{0,60})"
)
# Every match of _EMAIL_CONTACT, compacted, holds one of these.
_EMAIL_CONTACT_WORDS = HINTS.add(tuple(
    verb + to + whom
    for verb, tos in (("reply", ("", "to")), ("write", ("", "to")), ("contact", ("",)), ("reach", ("",)),
                      ("email", ("",)), ("e-mail", ("",)), ("mail", ("",)))
    for to in tos
    for whom in ("me", "us")
))
# A free mailbox: a firm's proposal or a council's grant comes from its own domain ("grants@leeds.gov.uk"), the
# stranger's from gmail.com or yahoo.com.hk. Or the address without its "@" ("via email david astrazenecagroups .com",
# "on email sawc.tad USER.net" where a data set masked the name). The look-behind starts the name only where a name
# starts: a long run of name characters is then read once, not once from each of its positions.
_ADDRESS = re.compile(
    r"(?<![a-z0-9._%+-])[a-z0-9._%+-]+\s?@\s?(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|gmx|yandex|proton(?:mail)?|"
    r"zoho|mail|email|post|usa|consultant|rediffmail|qq|163|126|naver)\.[a-z.]{2,10}|"
    r"\be-?mail\b[^!?\n@]{0,30}?\.\s?(?:com|net|org)\b"
)
_EMAIL_MASK = re.compile(r"\bEMAIL\b")


def _email_address_after(msg: Message, match: re.Match[str]) -> str | None:
    rest = match.group("rest")
    address = _ADDRESS.search(rest)
    if address is not None:
        return "@" if "@" in address.group(0) else "email .com"
    # The mask: find it in the raw text's same stretch (the spaced text is lower-cased).
    if "email" in rest and _EMAIL_MASK.search(msg.text, match.start(), match.end()) is not None:
        return "EMAIL"
    return None


@rule(
    "TEXT_EMAIL_PROPOSAL", group="text", score=3, carrier=True, requires="hint_words", hints=_EMAIL_CONTACT_WORDS,
    ko="'사업 제안·투자·기부금이 있으니 이 이메일로 연락하라'며 개인 메일로 끌어들입니다. 선불금 사기의 전형적인 방식입니다.",
    en="A stranger's business proposal, partnership, donation or grant with a private e-mail address to contact: the "
    "opening of advance-fee fraud.",
)
def text_email_proposal(msg: Message):
    if not mentions_any(msg, _EMAIL_CONTACT_WORDS) or not mentions_any(msg, _PROPOSAL_WORDS):
        return None
    compact = msg.compact
    if _is_korean(compact):
        return None
    proposal = _PROPOSAL.search(compact)
    if proposal is None:
        return None
    for match in _EMAIL_CONTACT.finditer(msg.text.lower()):
        address = _email_address_after(msg, match)
        if address is not None:
            # "Donating … to you, contact me on …": TEXT_ADVANCE_FEE_LURE counts the lure already (one lure counted once).
            if text_advance_fee_lure(msg) is not None:
                return None
            return f"{proposal.group(0)} + {match.group(0)[:len(match.group(0)) - len(match.group('rest'))]} {address}"
    return None
