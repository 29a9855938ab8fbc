"""Chat openers without a carrier (session 16): the first message of a romance, "pig-butchering" or befriending scam,
sent to a number the sender pretends to know (FTC consumer alerts 2022-25 on wrong-number texts, FBI IC3 PSAs on
cryptocurrency-investment fraud). The link, the chat app and the money come in later messages, so these rules read
wording alone and give 3 points at most (medium): never a carrier. Real people text names, plans and "is this
Tom?" too; each rule needs two moves of the script together, which a real contact does not make.
"""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.registry import rule
from checker.rules.text import (
    text_dating_bot_opener,
    text_old_friend_opener,
    text_wrong_number_opener,
    text_wrong_number_small_talk,
)

# The scripts state themselves at once: the checks read the opening only (spaced text, ~two SMS lines).
_OPENING = 200
# A first name, capitalised as the scripts write it ("Melissa", "Ms. Grant"): at least three letters, and not one of the
# capitalised words that follow "it's", "I'm" or "are you" in friends' chat ("I'm Sorry", "it's Friday", "are you Free").
_NOT_A_NAME = (
    r"(?!(?:Sorry|Not|Just|The|Okay|Free|Home|Here|There|Back|Going|Coming|Done|Good|Fine|Busy|Sure|Still|Also|"
    r"Really|Ready|Awake|Alright|All|Very|Too|Now|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|"
    r"Tomorrow|Tonight|Christmas|Time|True|Your|You|Him|Her|That|This|What|Who|Where|When|How|Why|Hey|Hello|Thanks|"
    r"Please|Lol|Haha|Late|Almost|Outside|Off|Out|New|Sick|Tired|Hungry|Bored|Stuck|Leaving|Working|Driving|Waiting|"
    r"Getting|Looking|Trying|Having|Doing|Thinking|Feeling|Glad|Happy|Sad|Serious|Mad|Angry|Interested|Alone|Lonely|"
    r"Single|Available|Around|Online|Offline|Able)\b)"
)
_NAME = _NOT_A_NAME + r"[A-Z][a-z]{2,}"
# The sender names themselves: "It's Amy", "This is Melissa", "I'm Vivian", "my name is Elena" (the SpamHunter texts are
# lemmatised: "This be Melissa", "I 'm Vivian").
# The opener rules of checker/rules/text.py read the same first text when it apologises for a wrong number, greets an
# old friend or a dating-app match: there the rules below step aside, so that one opener is counted once (two wording
# rules together would reach high without any carrier).
_OTHER_OPENERS = (text_wrong_number_small_talk, text_wrong_number_opener, text_old_friend_opener, text_dating_bot_opener)


def _counted_elsewhere(msg: Message) -> bool:
    # Each of them tests its own hint words first: next to nothing on the rare texts that get this far.
    return any(opener(msg) for opener in _OTHER_OPENERS)


_SELF_INTRO = re.compile(
    r"(?:^|[\s,.!?;:])(?:[Ii]t['’]?s|[Ii] ?['’]?m|[Ii] am|[Tt]his (?:is|be)|[Mm]y name (?:is|be))\s+" + _NAME + r"\b(?!['’])"
)


# The name check of the wrong-number script: "Hi, is this Jessica? It's Amy from the yoga class", "This is Melissa, is
# this Mr. Howard?", "Hello, are you Daniel? I'm not sure if I saved the number right". A friend who checks a number
# asks "is this Priya?" and waits; the script asks for a stranger by name *and* introduces itself by name or hedges
# that the number may be wrong in the same breath, so that the reader answers "no, but …". Not "is this still Mike's
# number?" (a name followed by 's), nor a clinic's or shop's "is this Tom? It's Sarah from Maple Dental about your
# appointment" (the business of an errand, below).
_NAME_CHECK_WORDS = HINTS.add(("isthis", "areyou", "beyou"))
_NAME_CHECK = re.compile(
    r"(?:^|[\s,.!?;:])(?P<ask>[Ii]s this|[Aa]re you|[Bb]e you)\s+(?:(?:Mr|Mrs|Ms|Miss)\.?\s+)?" + _NAME + r"\b(?!['’]|\s+(?:number|phone))"
)
_NOT_SURE = re.compile(
    r"not sure (?:if|whether)|hope (?:this|it|i) (?:does|do|did)(?:n['’]?t| not| n['’]t) bother", re.IGNORECASE
)
# A business's own errand: appointments, orders, deliveries, accounts (the reminders of clinics, shops and offices).
_ERRAND = re.compile(
    r"appointment|reminder|reservation|booking|order|deliver|invoice|account|policy|office|clinic|dental|pharmacy|"
    r"doctor|school|confirm|schedul|interview|parcel|package"
)


@rule(
    "TEXT_NAME_CHECK_OPENER", group="text", score=3, requires="hint_words", hints=_NAME_CHECK_WORDS,
    ko="모르는 번호로 '○○ 씨 맞으세요? 저는 △△예요'처럼 다른 사람의 이름을 확인하며 자기 이름을 밝히거나 번호가 틀렸을지 "
    "모른다고 말을 겁니다. 잘못 보낸 척 대화를 이어 가는 로맨스·코인 투자 사기의 전형적인 첫 문자입니다.",
    en="A stranger asks 'is this Jessica?' and at once gives their own name or says the number may be wrong: the "
    "scripted first text of romance and crypto-investment scams that pretend to have reached you by mistake.",
)
def text_name_check_opener(msg: Message):
    if not mentions_any(msg, _NAME_CHECK_WORDS):
        return None
    opening = msg.text[:_OPENING]
    check = _NAME_CHECK.search(opening)
    if check is None:
        return None
    move = _SELF_INTRO.search(opening) or _NOT_SURE.search(opening)
    if move is None or _ERRAND.search(msg.compact) is not None:
        return None
    if _counted_elsewhere(msg):
        return None
    hedge = "not sure" if move.re is _NOT_SURE else "self-introduction by name"
    return f"{check.group('ask').lower()} [name]? + {hedge}"


# The feigned acquaintance: a stranger who writes as if you had met ("Remember me? I'm Carla, we met at the wine
# tasting", "your number is saved in my phone without a name, have we met?") or as if you were close ("I'll be back
# in Denver next month, can't wait for the day you pick me up at the airport"). Friends who ask "remember me?" do not
# introduce themselves by name in the same text (the development ham's "remember me?" lines never do), a saved number
# without a name is the stranger's pretext, and the airport line is the script's word for word (a friend asks "can you
# pick me up at the airport?", not for "the day" that you will).
_ACQUAINTANCE_WORDS = HINTS.add(("rememberme", "yournumber", "pickmeupattheairport", "pickmeupfromtheairport"))
_REMEMBER_ME = re.compile(r"rememberme(?!in|to|when|as|who|for|and|always|by|with|if)")
_NUMBER_SAVED = re.compile(r"your(?:phone)?number(?:is)?(?:saved)?(?:in|into|to)my(?:phone|contacts?|contactlist|addressbook)")
_WHO_ARE_YOU = re.compile(r"havewe(?:met|meet)|(?:don['’]?t|didn['’]?t|donot)(?:have|know|save|saved)yourname")
_AIRPORT = re.compile(r"(?:forwardto|waitfor|waitingfor|dreamof)theday(?:when)?you(?:can|will|['’]ll)?pickmeup(?:at|from)theairport")


@rule(
    "TEXT_FEIGNED_ACQUAINTANCE", group="text", score=3, requires="hint_words", hints=_ACQUAINTANCE_WORDS,
    ko="모르는 번호로 '나 기억나? 나 ○○야', '연락처에 번호는 있는데 이름이 없네요, 우리 만난 적 있죠?', '공항에 마중 나올 날을 "
    "기다린다'처럼 아는 사이인 척 말을 겁니다. 로맨스·코인 투자 사기가 시작되는 전형적인 문자입니다.",
    en="A stranger writes as if you had met ('remember me? I'm Carla', 'your number is in my contacts, have we met?') or "
    "were close ('I look forward to the day you pick me up at the airport'): how romance and crypto-investment scams "
    "start.",
)
def text_feigned_acquaintance(msg: Message):
    if not mentions_any(msg, _ACQUAINTANCE_WORDS):
        return None
    found = _feigned_acquaintance(msg)
    # One opener counted once: the name check's, or a rule's of text.py.
    if found is None or text_name_check_opener(msg) or _counted_elsewhere(msg):
        return None
    return found


def _feigned_acquaintance(msg: Message) -> str | None:
    compact = msg.compact[:_OPENING]
    airport = _AIRPORT.search(compact)
    if airport is not None:
        return "the day you pick me up at the airport"
    saved = _NUMBER_SAVED.search(compact)
    if saved is not None:
        who = _WHO_ARE_YOU.search(compact)
        return None if who is None else "your number in my contacts + have we met / no name"
    remember = _REMEMBER_ME.search(compact)
    if remember is not None and _SELF_INTRO.search(msg.text[:_OPENING]) is not None:
        return "remember me? + self-introduction by name"
    return None
