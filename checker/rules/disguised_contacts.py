"""Contacts written so that filters cannot read them: a number digit by digit or with a symbol for its hyphen, a site's
name typed in loose jamo, a name in circled letters to search for.

Session 16 (held-out set 5's adverts, a fix source: "☎ 1 6 6 6 - 4 3 2 1", "☎ 1588 ○ 8282", "주문 ㅍ ㅣ 나 쩜 컴",
"ㄹ ㅣ 딩 . k r", "ⓗⓞⓛⓓⓔⓜ 킹 검색"; corpus cases in other words in tests/corpus/s16_ko5.toml). No real notice disguises its
own contact: a business wants to be reached. Each stays at 3 points: the disguise and the contact, whatever is sold.
"""

from __future__ import annotations

import re

from checker.message import HINTS, Message, mentions_any
from checker.rules.gambling import _spelled_out_domain
from checker.rules.registry import rule
from checker.rules.spelling import (
    _AS_TYPED,
    _CIRCLED_LETTER,
    _CIRCLED_WORD,
    _JAMO_VOWEL,
    text_letter_disguise,
)

# A number written digit by digit ("1 6 6 6 - 4 3 2 1", "0 1 0 - 2 1 5 6 - …") or with a symbol where its hyphen goes
# ("1588 ○ 8282", "1577★1577"), read on the text with its blanks; the phone parser reads neither. Only what dials as a
# Korean number counts (a mobile, a 15xx–19xx line, a landline, 070 / 050x), so a spaced year or a list of scores does
# not. Guarded by the signs and words that stand beside a number to call: the telephone signs, and words other guards
# already register (번호, 콜, call, 카톡). 문의, 전화, 상담 and 연락, in a third of all texts, were measured as guards and
# dropped: each common hint word lengthens the hint list that every rule's guard reads (+9.5 k instructions a message).
_CALL_WORDS = HINTS.add(("☎", "☏", "📞", "✆", "번호", "콜", "call", "카톡"))
_SEPARATOR_SYMBOLS = "○●◯◎◇◆□■☆★♡♥"
# (One alternative led by a digit, its look-behind after it: the regex engine then skips ahead to the next digit in C
# instead of testing a look-behind at every position.)
_DISGUISED_NUMBER = re.compile(
    r"\d(?<!\d\d)(?:(?: {1,2}[-.]? {0,2}\d){7,11}|"
    rf"\d{{1,3}} ?[{_SEPARATOR_SYMBOLS}] ?\d{{3,4}}(?: ?[{_SEPARATOR_SYMBOLS}.-] ?\d{{4}})?)(?!\d)"
)
_DIALLABLE = re.compile(r"01[016789]\d{7,8}|1[5-9]\d{6}|02\d{7,8}|0[3-6][1-5]\d{7,8}|070\d{8}|050\d{8,9}")


def _disguised_number(msg: Message) -> str | None:
    for found in _DISGUISED_NUMBER.finditer(msg.text):
        digits = "".join(ch for ch in found.group(0) if ch.isdigit())
        if _DIALLABLE.fullmatch(digits):
            return digits
    return None


@rule(
    "PHONE_DISGUISED_NUMBER", group="phone", score=3, requires="hint_words", hints=_CALL_WORDS,
    ko="'1 6 6 6 - 4 3 2 1', '1588 ○ 8282'처럼 전화번호를 한 자리씩 띄어 쓰거나 기호로 끊어 써서 스팸 필터를 피하려 합니다. "
    "정상적인 안내 문자는 번호를 이렇게 쓰지 않습니다.",
    en="It writes a phone number digit by digit or with a symbol for its hyphen ('1 6 6 6 - 4 3 2 1', '1588 ○ 8282') to "
    "slip past spam filters; real notices never write a number so.",
)
def phone_disguised_number(msg: Message):
    # A text whose number the phone parser read needs no disguised one (an 080 opt-out is no call-back number).
    if not mentions_any(msg, _CALL_WORDS) or msg.callbacks:
        return None
    digits = _disguised_number(msg)
    # (the prefix and the length only: the rest of the number is the advertiser's, or a person's)
    return f"{digits[:4]}-…({len(digits)}자리, 끊어 쓴 번호)" if digits else None


# A site's name typed in loose jamo, then a spelled or spaced dot and its ending: "ㅍ ㅣ 나 쩜 컴", "ㄹ ㅣ 딩 . k r". NFKC
# has made the typed jamo conjoining ones, which is how the text tells them (chat's "ㅋㅋ" has no vowel after a blank).
# A name spelt in syllables ("슬롯칠칠쩜컴", "abc12쩜컴") is TEXT_SPELLED_OUT_DOMAIN's, which this rule leaves it to.
_JAMO_NAME_DOMAIN = re.compile(
    r"[\u1100-\u1112] ?[\u1161-\u1175](?: ?[\u1100-\u1112\u1161-\u1175가-힣]){0,8} ?(?:쩜|닷|\.) ?"
    r"(?:컴|넷|케이알|c ?o ?m|n ?e ?t|k ?r|c ?o|s ?h ?o ?p|x ?y ?z|t ?o ?p|v ?i ?p)(?![a-z0-9])",
    re.IGNORECASE,
)


@rule(
    "TEXT_JAMO_SPELLED_DOMAIN", group="text", score=3, carrier=True,
    ko="'ㅍ ㅣ 나 쩜 컴', 'ㄹ ㅣ 딩 . k r'처럼 사이트 이름을 자음·모음으로 풀어 쓰고 점이나 '.com'을 글자로 적어 스팸 필터를 "
    "피하려 합니다. 불법 의약품·투자·도박 광고의 수법입니다.",
    en="It types a site's name in separated Korean letters and spells its dot or ending ('ㅍ ㅣ 나 쩜 컴', 'ㄹ ㅣ 딩 . k r') "
    "to slip past spam filters: an illegal drug, investment or gambling advert's trick.",
)
def text_jamo_spelled_domain(msg: Message):
    # No hint words: the endings (.kr, .co …) are in most texts with a link, and the cheapest test is that NFKC changed
    # the text at all (typed jamo are compatibility letters): most texts are left as they were.
    if msg.text is msg.raw or _JAMO_VOWEL.search(msg.text) is None:
        return None
    found = _JAMO_NAME_DOMAIN.search(msg.text)
    if found is None or _spelled_out_domain(msg):
        return None
    return "".join(found.group(0).split()).translate(_AS_TYPED)


# A name in circled letters to type into a search box: "ⓗⓞⓛⓓⓔⓜ 킹 검색 → 가입 시 …". The search is the contact that
# TEXT_LETTER_DISGUISE does not read (it needs a number, a link, a messenger ID or a chat app's search); where it fires
# the word is counted there.
_SEARCH_HINT = HINTS.add(("검색",))
_SEARCH_AFTER = 12
"""Characters between the circled word and "검색" in the raw text ("ⓗⓞⓛⓓⓔⓜ 킹 검색", "ⓑⓔⓣ 365 사이트 검색")."""


@rule(
    "TEXT_CIRCLED_NAME_SEARCH", group="text", score=3, requires="hint_words", hints=_SEARCH_HINT,
    ko="'ⓗⓞⓛⓓⓔⓜ 킹 검색'처럼 이름을 동그라미 글자로 써서 스팸 필터를 피하고 검색해서 찾아오라고 합니다. 불법 도박·성인 광고의 "
    "수법입니다.",
    en="It writes a name in circled letters to slip past spam filters and tells you to search for it: a gambling and "
    "adult-advert trick.",
)
def text_circled_name_search(msg: Message):
    # NFKC folds circled letters into plain ones: a text it left unchanged (most texts) holds none.
    if msg.text is msg.raw or not mentions_any(msg, _SEARCH_HINT):
        return None
    raw = msg.raw
    if _CIRCLED_LETTER.search(raw) is None:
        return None
    for circled in _CIRCLED_WORD.finditer(raw):
        if "검색" in raw[circled.end():circled.end() + _SEARCH_AFTER]:
            if text_letter_disguise(msg):
                return None
            return f"{circled.group(0)} + 검색"
    return None
