"""Numbers, site names and words spelt so that spam filters cannot read them: a mobile number in Hangul digits
("공일공 칠칠팔 이이 구일"), a site name with its letters joined by hyphens ("s-l-o-t-9-9 . n-e-t"), a word in circled
letters ("ⓢⓛⓞⓣ", "ⓛⓞⓥⓔ 톡") or in separated jamo ("ㅅ ㅣ ㄹ ㅈ ㅏ ㅇ" for 실장).

No notice, shop or friend writes so: the spelling is there to pass a filter, and the adverts that use it (gambling
sites, adult chats, nightlife recruiting, drugs, card cashing) are the ones filters look for. The number and the site
are the way to act (a carrier); a disguised word is wording, counted only beside a way to reach the sender.
"""

from __future__ import annotations

import re

from checker.hangul_digits import PREFIXES, spelled_mobile
from checker.message import HINTS, Message, mentions_any
from checker.rules.registry import rule

_HANGUL_PREFIX_HINT = HINTS.add(PREFIXES)


def hangul_mobile(msg: Message) -> str | None:
    """The mobile number the message spells in Hangul digits, if any (its digits: never shown in evidence)."""
    if not mentions_any(msg, _HANGUL_PREFIX_HINT):
        return None
    return spelled_mobile(msg.compact)


@rule(
    "PHONE_HANGUL_DIGITS", group="phone", score=3, requires="hint_words", hints=_HANGUL_PREFIX_HINT,
    ko="'공일공 칠칠팔 …'처럼 휴대전화 번호를 한글로 풀어 써서 스팸 필터를 피하려 합니다. 정상적인 안내 문자는 번호를 이렇게 쓰지 않습니다.",
    en="It spells a mobile number out in Korean digit words ('공일공 칠칠팔 …', 010-778-…) to slip past spam filters; "
    "real notices never write a number so.",
)
def phone_hangul_digits(msg: Message):
    digits = hangul_mobile(msg)
    # (the prefix and the length only: the rest of the number is the advertiser's, or a person's)
    return f"{digits[:3]}-…({len(digits)}자리, 한글 숫자)" if digits else None


# A site name whose letters and digits are joined by hyphens or like symbols, each standing alone ("s-l-o-t-9-9"), and
# a top-level domain written the same way after a dot, which the link finder does not read ("s-l-o-t-9-9 . n-e-t").
# Hint words: the broken top-level domains (a two-letter one with its dot, "k-r" alone being too common).
_TLDS = ("com", "net", "xyz", "top", "vip", "bet", "shop", "club", "site", "live", "org", "kr", "tv", "cc", "me", "io")
_JOINERS = "-_~^*"
_BROKEN_TLDS = tuple(
    ("" if len(tld) > 2 else ".") + joiner.join(tld) for tld in _TLDS for joiner in _JOINERS
)
_BROKEN_TLD_HINT = HINTS.add(_BROKEN_TLDS)
_JOINER = "[" + re.escape(_JOINERS) + "]"
_BROKEN_SITE = re.compile(
    # (a chain is read from its first letter only: starting inside one as well made the search quadratic on "a-a-a-…")
    r"(?<![a-z0-9" + re.escape(_JOINERS) + r"])(?:[a-z0-9]" + _JOINER + r"){2,}[a-z0-9]\.(?:"
    + "|".join(_JOINER.join(tld) for tld in sorted(_TLDS, key=len, reverse=True))
    + r")(?![a-z])"
)
# (Once the link finder reads such an address, "s-l-o-t-9-9 . net" joined as s-l-o-t-9-9.net, URL_OBFUSCATED and the link
# rules judge it: this rule reads only what they cannot, so the checker asks it only of texts with a broken TLD.)


def broken_site_name(msg: Message) -> str | None:
    """A site name spelt with its letters joined by hyphens and a top-level domain broken the same way."""
    if not mentions_any(msg, _BROKEN_TLD_HINT):
        return None
    found = _BROKEN_SITE.search(msg.compact)
    return found.group(0) if found else None


@rule(
    "TEXT_HYPHENATED_DOMAIN", group="text", score=3, carrier=True, requires="hint_words", hints=_BROKEN_TLD_HINT,
    ko="'s-l-o-t-9-9 . n-e-t'처럼 사이트 주소의 글자를 하나씩 기호로 끊어 써서 스팸 필터를 피하려 합니다. 불법 도박·성인 사이트 광고의 수법입니다.",
    en="It writes a site's address letter by letter joined by hyphens ('s-l-o-t-9-9 . n-e-t') to slip past spam filters: "
    "a gambling and adult-site trick.",
)
def text_hyphenated_domain(msg: Message):
    return broken_site_name(msg)


# A word in circled Latin letters ("ⓢⓛⓞⓣ", "ⓛⓞⓥⓔ"; also ⒜-⒵), read on the raw text (NFKC folds them into plain letters):
# three or more in a row, blanks allowed between them, standing alone. Circled digits ①② are list markers, not counted;
# a run inside an address ("ⓩⓒⓩ22.com", "rct-ⓜⓑⓒ999.com") is TEXT_CIRCLED_LETTER_DOMAIN's or URL_OBFUSCATED's
# evidence, not counted twice (on KISA dev nearly all circled runs were such addresses).
_ADDRESS_NEIGHBOUR = "A-Za-z0-9\u2460-\u24ff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a.\\-_/:\uff0e\uff1a"
_CIRCLED_WORD = re.compile(
    "(?<![" + _ADDRESS_NEIGHBOUR + "])[\u249c-\u24e9](?: ?[\u249c-\u24e9]){2,}(?![" + _ADDRESS_NEIGHBOUR + "])"
)
# A word spelt in separated jamo ("ㅅ ㅣ ㄹ ㅈ ㅏ ㅇ", normalised to the conjoining jamo): two syllables or more, each a
# consonant, a blank or symbol, a vowel (and maybe a blank and a final consonant). Chat's "ㅋㅋ ㅠㅠ" has no such pair.
_SEP = r"[ .\-_/·,~]{1,2}"
_JAMO_SYLLABLE = "[\u1100-\u1112]" + _SEP + "[\u1161-\u1175]" + "(?:" + _SEP + "[\u1100-\u1112](?=" + _SEP + "|$))?"
_SPLIT_JAMO_WORD = re.compile(_JAMO_SYLLABLE + "(?:" + _SEP + _JAMO_SYLLABLE + ")+")
# Every circled word holds a circled letter and every split word a vowel jamo (typed as a compatibility jamo, which NFKC
# turns into a conjoining one): one scan of the raw text for either, led by its character set so that the regex engine
# skips ahead, tells the few texts worth the two searches (the circled pattern, led by a look-behind, tries every position).
_DISGUISE_CHARS = re.compile("[\u249c-\u24e9\u314f-\u3163\u1161-\u1175]")
# The circled pattern is tried only where a circled letter stands: chat's "ㅠㅠ" (a vowel jamo) passes the scan above,
# and the circled pattern tried at every position of a 400-character text cost more than both scans.
_CIRCLED_LETTER = re.compile("[\u249c-\u24e9]")
_JAMO_VOWEL = re.compile("[\u1161-\u1175]")
# A chat app's search box as the contact: "ⓛⓞⓥⓔ 톡 검색 sweet22", "라인 아이디 검색 abc12".
_SEARCH_ID = re.compile(r"(?:톡|talk|라인|line|텔레|밴드|band)(?:아이디|id)?(?:에서)?(?:검색|친추|추가)[^가-힣a-z0-9]{0,3}[a-z][a-z0-9_]{2,}")


# The conjoining jamo that NFKC makes of "ㅅ ㅣ" shown again as the letters the sender typed (evidence is read by people).
_LEADING_AS_TYPED = dict(zip(range(0x1100, 0x1113), "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"))
_VOWELS_AS_TYPED = {code: chr(0x314F + code - 0x1161) for code in range(0x1161, 0x1176)}
_AS_TYPED = {**_LEADING_AS_TYPED, **_VOWELS_AS_TYPED}


def _disguised_word(msg: Message) -> str | None:
    raw = msg.raw
    first = _DISGUISE_CHARS.search(raw)
    if first is None:
        return None
    # Every circled word starts with a circled letter: the pattern is tried at each one in turn (the leftmost match, as a
    # search would give; the look-behind reads the text before the position given).
    letter = first if "\u249c" <= first.group(0) <= "\u24e9" else _CIRCLED_LETTER.search(raw, first.end())
    while letter is not None:
        circled = _CIRCLED_WORD.match(raw, letter.start())
        if circled:
            return circled.group(0)
        letter = _CIRCLED_LETTER.search(raw, letter.end())
    if _JAMO_VOWEL.search(msg.text) is None:
        return None
    jamo = _SPLIT_JAMO_WORD.search(msg.text)
    return jamo.group(0).translate(_AS_TYPED) if jamo else None


# Session 15: or a chat app named, then a colon, an "@" or "ID" and an ID: "ⓚⓐⓚⓐⓞ : meet0909", "ⓣⓔⓛⓔ : girls_job",
# "ⓛⓘⓝⓔ @ab_12", "ⓚⓐⓚⓐⓞ ⓘⓓ sun77" (read on the compact text, where NFKC has made the circled letters plain). The
# message's own messenger finder reads "카톡: id" and the other Hangul names, not the Latin names that circled letters
# spell. Counted only beside a disguised word (this rule), so a plain "line: 3" or "talk@abc" never reaches it.
_NAMED_ID = re.compile(
    r"(?<![a-z])(?:kakaotalk|kakao|katalk|katok|telegram|tele|line|wechat|whatsapp|talk)"
    r"(?:(?:아이디|id)[:：]?@?|[:：]@?|@)[a-z][a-z0-9_]{3,}"
)


def _contact(msg: Message) -> str | None:
    if msg.action_channel or msg.callbacks:
        return "연락처"
    if hangul_mobile(msg):
        return "한글 번호"
    if broken_site_name(msg):
        return "끊어 쓴 주소"
    # (No hint words for the search box: 검색 and 추가 are in many texts, and each word found lengthens the list that every
    # rule's guard reads. A substring test first: the regex is led by a set of first characters, which costs more.)
    compact = msg.compact
    if ("검색" in compact or "친추" in compact or "추가" in compact) and _SEARCH_ID.search(compact):
        return "메신저 검색 ID"
    if (":" in compact or "：" in compact or "@" in compact or "id" in compact) and _NAMED_ID.search(compact):
        return "메신저 ID"
    return None


@rule(
    "TEXT_LETTER_DISGUISE", group="text", score=3,
    ko="'ⓢⓛⓞⓣ', 'ㅅ ㅣ ㄹ ㅈ ㅏ ㅇ'처럼 단어를 동그라미 글자나 낱자로 풀어 써서 스팸 필터를 피하며 연락처를 줍니다. 불법 도박·성인·유흥 광고의 수법입니다.",
    en="It writes a word in circled letters or in separated Korean letters ('ⓢⓛⓞⓣ', 'ㅅ ㅣ ㄹ') to slip past spam filters, "
    "and gives a way to reach the sender: a gambling, adult and nightlife-advert trick.",
)
def text_letter_disguise(msg: Message):
    # NFKC folds both disguises (circled letters into plain ones, compatibility jamo into conjoining ones): a text that
    # normalisation left as it was (most texts) holds neither.
    # (An ASCII text, 40 % of those that NFKC changes on the benchmark — line breaks, a lone symbol — holds neither.)
    if msg.text is msg.raw or msg.raw.isascii():
        return None
    # The contact before the word: its facts are computed already for every message, while finding the word scans the
    # raw text character by character (~10 k instructions on a 200-character text; 17 % of the benchmark's texts are
    # changed by NFKC, which made this rule cost ~2.8 k instructions a message with the word searched first).
    contact = _contact(msg)
    if contact is None:
        return None
    word = _disguised_word(msg)
    return f"{word} + {contact}" if word else None
