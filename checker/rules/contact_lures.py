"""English lures of the old SMS spam that send the reader to a number: a prize never entered for, claimed by calling,
texting or messaging a stranger, and the chat or dating line ("feeling alone? call me …").

Both wrote their number in forms the phone finder does not read as a call-back (a UK 07 or 09 mobile, a Pakistani 03, a
South African 08, a number masked in public data sets), so the lure and its number are read together here. The
number, a WhatsApp contact or an e-mail address is the carrier: without one, the wording is the model's to judge."""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.premium import text_premium_rate
from checker.rules.registry import rule
from checker.rules.reply_lures import text_email_proposal
from checker.rules.text import text_prize_lure

_HANGUL = re.compile("[\uac00-\ud7a3]")

# The way to reach the sender, read on the spaced, lower-cased text: a verb, a few words ("me", "us on", "Larry D via
# WhatsApp on"), then a number of nine digits or more, a number masked in a data set ("XXXXXXXXXX"), WhatsApp itself or an
# e-mail address (or its mask "EMAIL"). Not across a sentence's end: "… call us. Terms apply 2024" is no number to call.
_CONTACT = re.compile(
    r"\b(?:call|contact|contect|ring|dial|whats\s?app|whatsp|wtsp|helpline|help\s?line|text|txt|sms|e-?mail)\b"
    r"[^.!?\n]{0,30}?(?P<carrier>\+?[0-9][0-9 ()\-]{7,16}[0-9]|x{8,}|whats\s?app\b|"
    r"[a-z0-9._%+-]+\s?@\s?[a-z0-9-]+\.[a-z.]{2,}|email\b)"
)
# Every match of _CONTACT, compacted, holds one of these: "ring" only with the word after it (every "during", "bring" and
# "offering" holds "ring", and each hint word found is one more entry in every message's list of hint words).
_CONTACT_WORDS = HINTS.add((
    "call", "contact", "contect", "dial", "whatsapp", "whatsp", "wtsp", "helpline", "text", "txt", "sms", "email", "e-mail",
    "@", *("ring" + after for after in ("me", "us", "our", "on", "now", "the", "my", "her", "him", "0", "+", "x")),
))
# An address after "to" without a verb before it: "to claim send your name, address and age to …@gmail.com", "… TO EMAIL"
# (the mask of public data sets, in capitals: "I'll try to email you" is no address).
_TO_ADDRESS = re.compile(r"\bto\s?:?\s?(?:[a-z0-9._%+-]+\s?@\s?[a-z0-9-]+\.[a-z.]{2,}|EMAIL\b)", re.IGNORECASE)
_EMAIL_MASK = "EMAIL"
_NON_DIGIT = re.compile(r"[^0-9]")
# Freephone numbers (UK 0800/0808, India 1800, North America 1-800/888/877/866/855/844/833; without the 1, an Indian
# mobile may start 833) are rented by registered businesses: a shop's "you have won a voucher … questions? call 0800 …"
# is its own customer service. UK geographic landlines (01…, 02…) are a school's or a club's office: "you won the raffle
# hamper, call Mrs Dunn on 01632 …". The stranger's claim line is a mobile, a chat app or a premium number.
_NOT_A_CLAIM_LINE = re.compile(r"(?:0800|0808|18(?:00|88|77|66|55|44|33)|01|02)")
# Warnings quote the lures ("Beware of texts saying you have won … do not call"): they are not one.
_WARNING_WORDS = ("scam", "fraud", "beware")


def _contact(msg: Message) -> str | None:
    """The first contact after a verb asking for it (or an address after "to"), named without the number itself."""
    text = msg.text
    lower = text.lower()
    for match in _CONTACT.finditer(lower):
        carrier = match.group("carrier")
        if carrier[0].isdigit() or carrier[0] == "+":
            digits = _NON_DIGIT.sub("", carrier)
            if len(digits) < 9 or _NOT_A_CLAIM_LINE.match(digits):
                continue
            return "number"
        if carrier[0] == "x":
            return "number (masked)"
        if carrier == "email":
            # Only the data sets' mask: "contact us by email for details" names no address.
            if len(lower) == len(text) and text[match.start("carrier"):match.end("carrier")] == _EMAIL_MASK:
                return "e-mail"
            continue
        return "e-mail" if "@" in carrier else "whatsapp"
    for found in _TO_ADDRESS.finditer(text):
        if "@" in found.group(0) or found.group(0).endswith(_EMAIL_MASK):
            return "e-mail"
    return None


def _is_english_lure_text(msg: Message) -> bool:
    compact = msg.compact
    if not compact.isascii() and _HANGUL.search(compact):
        return False
    return not any(word in compact for word in _WARNING_WORDS)


# The prize no one entered for (UK texts of the 2000s, the "lucky draw" waves of India, Pakistan, Nigeria and South Africa
# since): "You have won Rs 21 lakh cash … contact me on WhatsApp 03…", "You have been selected to receive R250,000 …
# contact Larry via WhatsApp on 08…", "URGENT! Your mobile number has been awarded £2,000 … call 07…". A real draw's
# winner entered it and hears from the organiser's own channels; a stranger's number or a chat app is where the fee is
# asked. The win is told to the reader ("you have won", "you be winner", "your mobile no has won"): not a contest's
# advert ("win a car, call toll free"), nor "you won't believe", nor a win without a way to claim it.
# "won't" and its misspelt "wont" ("u wont believe", "you wont get"), but not "won the hamper" (the compact text has no
# spaces: "wonthe").
_NOT_WONT = r"(?!['’]t)(?!t(?:be|get|find|regret|want|have|know|last|need|see|miss|like|go|do|let|stop|say|tell))"
_YOU_WON = re.compile(
    r"(?:you|u)(?:have|'ve|’ve|ve|has|are|r|'re|’re|re|be|hv)?(?:been|be|just|also)?"
    r"(?:won" + _NOT_WONT + r"|awarded|(?:the|a|our)?(?:lucky)?winner|"
    r"(?:selected|chosen)(?:to(?:receive|win|get)|as(?:a|the|our)?(?:lucky)?winner|"
    r"for(?:a|an|the)?(?:free|cash|prize|award|reward|[$£€]|rs|r[0-9]|[0-9])))|"
    r"(?:mobile|phone|whatsapp|sim|cell|mob)(?:no|number|num)?[^a-z]{0,12}(?:has|have|be|is)(?:been|be)?"
    r"(?:won" + _NOT_WONT + r"|awarded|selected)|"
    r"dearluckywinner"
)
# Every match of _YOU_WON holds one of these: "won" with the letter before it (yoU, havE, haS, R, beeN, jusT, alsO, hV),
# not "won" alone, which every "wonderful" and "won't" holds (the rule's regex would run on them).
_YOU_WON_WORDS = HINTS.add((
    "uwon", "ewon", "swon", "rwon", "nwon", "twon", "owon", "vwon", "awarded", "winner",
    *(verb + way for verb in ("selected", "chosen") for way in ("to", "as", "for")),
    *(state + "selected" for state in ("been", "is", "has", "have", "be")),
))


@rule(
    "TEXT_PRIZE_CLAIM_CONTACT", group="text", score=3, carrier=True, requires="hint_words", hints=_YOU_WON_WORDS,
    ko="응모한 적 없는 경품·상금에 당첨됐다며 문자에 적힌 번호·왓츠앱·이메일로 연락해 받으라고 합니다. 연락하면 수수료나 개인정보를 요구합니다.",
    en="It says you won a prize you never entered for and tells you to claim it through a number, WhatsApp or an "
    "e-mail address in the text: the fee or your details are asked next.",
)
def text_prize_claim_contact(msg: Message):
    if not mentions_any(msg, _YOU_WON_WORDS) or not mentions_any(msg, _CONTACT_WORDS):
        return None
    if not _is_english_lure_text(msg):
        return None
    won = _YOU_WON.search(msg.compact)
    if won is None:
        return None
    contact = _contact(msg)
    # A prize with a non-official link or call-back number is TEXT_PRIZE_LURE's, a premium-rate number or short code
    # TEXT_PREMIUM_RATE's, a grant claimed through a free mailbox TEXT_EMAIL_PROPOSAL's: one carrier counted once.
    if contact is None or text_prize_lure(msg) is not None or text_premium_rate(msg) is not None:
        return None
    if contact == "e-mail" and text_email_proposal(msg) is not None:
        return None
    return f"{won.group(0)} + {contact}"


# The chat and dating line (UK premium lines of the 2000s, the Indian "friendship service" since): "Hi I'm Puja, are you
# feeling alone in your life? For dating, chatting, friendship please call …", "Want to chat with me? Call … for dtng
# mtng frndshp", "Hot local girls waiting, call …". A stranger's line billed by the minute, or the escort scam's
# advance. The offer and a number to call or message are needed together: friends say "call me" without an offer, and
# dating apps' adverts send you to their app.
_CHAT_LINE = re.compile(
    r"\b(?:dat{1,2}ing|da tting|dtng|frndshp|friendsi?hi?p (?:service|chat)|friendsihp|"
    r"(?:feel|feeling|fell|felling) (?:alone|lonely)|"
    r"(?:chat|chatting) (?:and|n|&) (?:date|dating|meet)|date (?:and |n |& )?chat|"
    r"(?:wan(?:t|na)|care) (?:2|to|4) chat|"
    r"meet (?:high profile |hot |beautiful |local |sexy |new )?(?:girls?|women|ladies|singles)|"
    r"(?:hot|sexy|naughty|lonely|horny|local|single) (?:girls?|ladies|lady|women|babes|housewives|singles|moms?)\b|"
    r"(?:girls?|women|singles|ladies) (?:waiting|near you|in your (?:area|city|location|locality)))"
)
# Every match of _CHAT_LINE, compacted, holds one of these (phrases, not "chat", "girl" or "alone", which everyday texts
# hold: the rule's regex would run on them).
_CHAT_LINE_WORDS = HINTS.add((
    "dating", "datting", "dtng", "frndshp", "friendship", "friendsihp", "friendshp", "friendsihip",
    *(feel + mood for feel in ("feel", "feeling", "fell", "felling") for mood in ("alone", "lonely")),
    *(chat + joint for chat in ("chat", "chatting") for joint in ("and", "n", "&")),
    "datechat", "dateandchat", "datenchat", "date&chat",
    *(want + to + "chat" for want in ("want", "wanna", "care") for to in ("2", "to", "4")),
    *("meet" + kind for kind in ("highprofile", "hot", "beautiful", "local", "sexy", "new", "girl", "women", "ladies",
                                 "singles")),
    *(kind + who for kind in ("hot", "sexy", "naughty", "lonely", "horny", "local", "single")
      for who in ("girl", "lad", "women", "babes", "housewi", "singles", "mom")),
    *(who + where for who in ("girl", "girls", "women", "singles", "ladies") for where in ("waiting", "nearyou", "inyour")),
))


@rule(
    "TEXT_CHAT_LINE_CALL", group="text", score=3, carrier=True, requires="hint_words", hints=_CHAT_LINE_WORDS,
    ko="'외로우세요? 데이트·채팅·친구 만남은 이 번호로 전화하세요'처럼 모르는 사람이 채팅·만남 서비스를 내세워 번호로 부릅니다. 유료 전화나 "
    "선입금 사기로 이어집니다.",
    en="A stranger's chat, dating or 'friendship' line with a number to call or message ('feeling alone? call me …'): "
    "a line billed by the minute, or a scam that asks for money in advance.",
)
def text_chat_line_call(msg: Message):
    if not mentions_any(msg, _CHAT_LINE_WORDS) or not mentions_any(msg, _CONTACT_WORDS):
        return None
    if not _is_english_lure_text(msg):
        return None
    lower = msg.text.lower()
    line = _CHAT_LINE.search(lower)
    if line is None:
        return None
    contact = _contact(msg)
    # A 09/087 number or a short code is TEXT_PREMIUM_RATE's carrier already (one carrier counted once).
    if contact is None or text_premium_rate(msg) is not None:
        return None
    return f"{line.group(0)} + {contact}"
