"""``Message``: one pasted message, normalised once, with the facts that several rules share
(links, phone numbers, which institutions it presents itself as, which action channels it offers).
Facts are computed lazily and cached, so a rule pays only for what it reads."""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick_rs

from checker.allowlist import Allowlist, Institution, default_allowlist
from checker.normalize import _squeeze, compact, normalize_compact_and_check
from checker.phones import find_phones, sender_phone
from checker.urls import UrlAnalyzer
from checker.verdict import PhoneInfo, UrlInfo

# Prefixes that carriers and senders put before the text; they say nothing about who is speaking.
_PREFIX = re.compile(r"^(?:\[(?:web발신|국제발신|국외발신|해외발신|광고|알림)\]|\((?:광고|알림)\)|<광고>)+")
# Right after a name, these make it a self-presentation: "신한카드입니다", "국세청에서 알려드립니다".
_PREFIX_OPENERS = frozenset("[(<")
_CLAIM_AFTER = re.compile(
    r"^(?:입니다|에서|고객센터|콜센터|안내|알림|본인확인|통지|발송|은행입니다|카드입니다)"
)
_HEAD_CHARS = 40
# One to three separators (all non-word characters, or all underscores) between two Hangul syllables:
# the same matches as "(?<=[가-힣])(?:[^\w가-힣]{1,3}|_{1,3})(?=[가-힣])", written to start with one
# character set so that the regex engine skips ahead to the next separator instead of trying every
# syllable (the lookbehinds then check the syllable before it and which kind the run is). That set is written
# as ranges, [^0-9a-z가-힣], which holds every [\W_] character (the lookbehind checks it is one): the engine
# tests ranges where it looked up each character's category (head: 2.8 → 2.1 µs measured alone).
_SPLIT_HANGUL = re.compile(r"[^0-9a-z가-힣](?<=[가-힣][\W_])(?:(?<=_)_{0,2}|(?<=[^_])\W{0,2})(?=[가-힣])")
HEAD_LENGTH = 150
_OPENERS = frozenset("[(【<〔")
_CLOSERS = frozenset("])】>〕")
# A bank's name in parentheses before an account number ("(농협)301-0460-…").
_ACCOUNT_AFTER = re.compile(r"\)\d{2,6}-\d")



def each_then(words: tuple[str, ...], rest: str) -> str:
    """``(?:w1|w2)rest`` written out as ``w1rest|w2rest``: the same matches in the same order of preference,
    but when every alternative of a pattern starts with a literal character the regex engine skips ahead to
    the characters that can start a match instead of trying every alternative at every position."""
    return "|".join(re.escape(word) + rest for word in words)


_APP_INSTALL = re.compile(
    each_then(
        ("앱", "어플", "어플리케이션", "애플리케이션", "apk", "프로그램", "보안프로그램", "백신"),
        r"(?:을|를)?(?:설치|다운로드|다운받|다운로|내려받|깔아|깔고|까세요|까시)",
    )
    + r"|설치(?:하시기|해주시기|해\s*주세요|해주세요|하세요|바랍니다|후이용|후진행|링크)"
    r"|원격(?:지원|제어|상담)|팀뷰어|애니데스크|anydesk|teamviewer|quicksupport"
    r"|" + each_then(("install", "download"), r"(?:the|our|this)?(?:app|apk|application)")
)
# "앱을 설치하지 마세요", and "앱 설치나 회원가입 필요 없는 아래 링크로", "별도 앱 설치 없이" (card issuers' payment pages),
# and the official warning "검찰·경찰은 … 앱 설치를 요구하지 않습니다" / "… 앱 설치나 비밀번호 입력을 요청하지 않습니다" (the clause
# only: punctuation, digits and Latin end it). The lure's threat "설치하지 않으면 / 않을 경우 … 정지" is no denial.
_NEGATION_AFTER = re.compile(
    r"[가-힣]{0,3}?(?:지마|지말|지않(?!으면|을경우|을시|는경우|으실경우|으시면)|금지|마세요|마십시오|마시고|하면안)"
    r"|(?:[가-힣]{0,6}?)(?:필요없|필요가없|없이)"
    r"|[가-힣]{0,12}?(?:요구|요청|권유|유도|강요)(?:하지|드리지)않(?!으면|을경우|을시|는경우)"
    # "앱 설치나 URL 접속을 요구하지 않습니다" (a bank's own warning): the clause may name a link by its Latin name.
    r"|[가-힣]{0,3}?(?:url|qr)[가-힣]{0,8}?(?:요구|요청|권유|유도|강요)(?:하지|드리지)않(?!으면|을경우|을시|는경우)"
)
# A chat name's ID (see _MESSENGER): an optional 상담/문의/ID word and colon, then an ASCII ID that is no link's part
# (https, www, a host, an e-mail), no Kakao product and no English word ("카카오bank", "텔레그램 channel").
_CHAT_ID = (
    # ("카톡 상담 ID: loan_x88": a service word, then an ID word, session 14.)
    r"(?:상담|문의)?(?:아이디|id)?[:：]?@?"
    r"(?!https?|www|(?:bank|pay|page|talk|tv|map|games?|channel|plus|friends?|shop|mall|store|sale|gift|event)(?![a-z0-9_]))"
    r"(?![a-z0-9_]*(?:\.[a-z]{2}|@))[a-z][a-z0-9_]{3,}"
)
_MESSENGER = re.compile(
    each_then(
        ("카카오톡", "카톡", "텔레그램", "라인", "위챗", "whatsapp", "telegram", "kakaotalk", "kakao", "signal", "wechat"),
        r"(?:아이디|id|친구추가|친추|검색|[:：]?@[a-z0-9_]{3,})",
    )
    # Not Telegram's own login link "t.me/login/<code>" beside the code it sends ("Telegram code: 48213 … Do not give
    # this code to anyone"): it opens Telegram itself, no one's chat.
    + r"|오픈채팅|오픈카톡|오픈톡|open\.kakao\.com|t\.me/(?!login/)|wa\.me/|"
    + each_then(("아이디", "id"), r"[:：]?@?[a-z0-9_]{3,}(?:추가|친추|검색)")
    # A chat name and an ID: "카톡 abcd12", "텔레 ano365", "카카오: site9", "카톡문의: top89012", "카카오ano24" (KISA
    # reports); "라인" but not in "온라인" ("온라인 sale"). Every alternative starts with a literal (see each_then).
    + "|"
    + each_then(("카카오톡", "카카오", "카톡", "상담톡", "텔레그램", "텔레", "kaka0", "까톡"), _CHAT_ID)
    + "|라(?<!온라)인"
    + _CHAT_ID
)
# pf.kakao.com is a business's own Kakao channel (adverts use it); open chats and Telegram are the lure.
_MESSENGER_HOSTS = frozenset({"open.kakao.com", "t.me", "wa.me", "telegram.me", "line.me"})
_APP_HINTS = ("앱", "어플", "애플리케이션", "apk", "프로그램", "백신", "설치", "원격", "팀뷰어", "애니데스크", "anydesk",
              "teamviewer", "quicksupport", "install", "download")
# Cheap substring test before the messenger pattern: most messages mention none of these.
# Every match of _MESSENGER holds one of these (tests/test_fast_paths_keywords.py). "텔레" (not only 텔레그램),
# "상담톡" and "wechat" were missing until 2026-11-25.4: "텔레 ano365" and "상담톡wabnk7979" in 51 real texts were
# no messenger contact then.
_MESSENGER_HINTS = ("카카오", "카톡", "상담톡", "텔레", "라인", "위챗", "whatsapp", "telegram", "wechat", "kakao", "signal",
                    "kaka0", "까톡",
                    "오픈", "t.me", "wa.me", "아이디", "id")
# Short service numbers and 080 opt-out numbers (required by law in ads) are not call-back lures;
# a masked number (010-****-1234) cannot be called at all.
_NOT_CALLBACK_KINDS = frozenset({"short", "toll_free"})
_RISKY_KINDS = frozenset(
    {"mobile", "internet", "personal_virtual", "international", "representative", "north_american"}
)
_QR = re.compile(r"qr(?:코드|code)?")
# The flags that most links carry: not an official domain (46 % of the benchmark's messages), a URL shortener (21 %).
# The rules of the other flags (an .apk, a lookalike, punycode …: 5 % of messages) require ``uncommon_url_flags``,
# so the checker skips those ten rules with one test on nineteen messages in twenty, where it called each of them
# on every message with a link (5.6 calls per message, nearly all answering "flag absent").
_COMMON_URL_FLAGS = frozenset({"unknown", "shortener"})
_NO_FLAGS: frozenset[str] = frozenset()


class HintWords:
    """The words of every cheap guard ("no hint word, no costly regex"), found by one scan per message.

    Each guard registers its words with ``add`` and asks ``mentions_any(msg, words)``, which is true exactly
    when ``any(word in msg.compact for word in words)`` is. One Aho-Corasick automaton (a DFA) over all the
    words finds every one the compact text contains (overlapping matches) in 1.3-2.2 µs per benchmark message
    measured alone, where the guards cost 1-1.8 µs each as separate regex searches. With the institution
    automaton (``Allowlist.keyword_scanner``): 934k → 824k instructions/message (count_instructions.py).
    """

    def __init__(self) -> None:
        self._words: set[str] = set()
        self._scanner: ahocorasick_rs.AhoCorasick | None = None
        self._last_covered: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self._words)

    def covers(self, words: frozenset[str]) -> bool:
        """Whether every one of ``words`` is registered (so ``found_in`` reports each it finds).

        ``Message.mentions_notice_topic`` asks it of the same ~100 notice words for every message: the group last
        found covered is remembered (words are only ever added, so it stays covered), one identity test instead of
        the subset test (-1.7 k instructions per message)."""
        if words is self._last_covered:
            return True
        if words <= self._words:
            self._last_covered = words
            return True
        return False

    def add(self, words: Iterable[str]) -> frozenset[str]:
        """Register a guard's words; returns them as the set to pass to ``mentions_any``."""
        group = frozenset(words)
        if not group or "" in group:
            raise ValueError("hint words must be non-empty strings")
        self._words |= group
        self._scanner = None  # rebuilt with the new words at the next scan
        return group

    def found_in(self, text: str) -> list[str]:
        """Every occurrence of every registered word in ``text`` (a word may repeat)."""
        scanner = self._scanner
        if scanner is None:
            scanner = self._scanner = ahocorasick_rs.AhoCorasick(
                sorted(self._words), implementation=ahocorasick_rs.Implementation.DFA
            )
        try:
            return scanner.find_matches_as_strings(text, overlapping=True)
        except UnicodeEncodeError:  # a lone surrogate (not UTF-8): checked texts never hold one
            return [word for word in self._words if word in text]


HINTS = HintWords()
HEAD_HINTS = HintWords()
_POLITICAL_WORDS = HINTS.add(("선거운동정보", "의정보고", "의정활동", "국회의원", "후보"))
_POLITICAL = re.compile(
    r"선거운동정보|의정보고|의정활동보고|"
    r"국회의원[가-힣·'‘’\"]{0,12}(?:입니다|인사드립니다)|후보[가-힣·'‘’\"]{0,8}(?:입니다|인사드립니다)"
)
_POLITICAL_OPENING = 200
"""The words of the patterns that rules search in ``Message.head`` (see ``checker.rules.text._search_head``)."""


def mentions_any(msg: Message, words: frozenset[str]) -> bool:
    """Whether the compact text contains one of ``words`` (a group registered with ``HINTS.add``)."""
    return not words.isdisjoint(msg.hint_words)


_META = frozenset("()[]{}?*+.^$|\\")
_QUANTIFIERS = frozenset("?*+{")


def required_words(pattern: re.Pattern[str]) -> frozenset[str]:
    """Words of which every match of ``pattern`` contains one: the literal text that each of its top-level
    alternatives starts with ("소환" for "소환(?:장|통지)"). Raises ValueError when an alternative starts
    with anything else (a group, a class, an anchor) or the pattern has flags that change what matches."""
    if pattern.flags & ~re.UNICODE:
        raise ValueError(f"flags of {pattern.pattern[:40]!r} change what a literal matches")
    words = frozenset(_leading_literal(alternative) for alternative in _top_level_alternatives(pattern.pattern))
    if "" in words:
        raise ValueError(f"an alternative of {pattern.pattern[:40]!r} starts with no literal text")
    return words


def _top_level_alternatives(source: str) -> list[str]:
    """``source`` split at each ``|`` outside groups and character classes."""
    parts, depth, start, in_class, i = [], 0, 0, False, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _leading_literal(alternative: str) -> str:
    """The characters every match of ``alternative`` starts with (escaped punctuation included)."""
    chars: list[str] = []
    i = 0
    while i < len(alternative):
        char = alternative[i]
        if char == "\\" and i + 1 < len(alternative) and not alternative[i + 1].isalnum():
            chars.append(alternative[i + 1])
            i += 2
        elif char in _META:
            break
        else:
            chars.append(char)
            i += 1
        if i < len(alternative) and alternative[i] in _QUANTIFIERS:
            chars.pop()  # the last character is optional or repeated: "ab?" starts with "a" only
            break
    return "".join(chars)


_APP_HINT = HINTS.add(_APP_HINTS)
# The shipped allowlist's institution names (its keywords) join the hint words: a message without links whose hint
# words hold none names no one (``Message.named``), and nine messages in ten name no one. Registered at import,
# before any message's hint words are found (``checker.rules.notice`` loads this allowlist at import too).
_NAMES_ALLOWLIST = default_allowlist()
_NAME_WORDS = HINTS.add(_NAMES_ALLOWLIST.keyword_owners) if _NAMES_ALLOWLIST.keyword_owners else frozenset()
_MESSENGER_HINT = HINTS.add(_MESSENGER_HINTS)
# Narrower than _MESSENGER_HINT (17 % of the benchmark's messages: "id", "라인" of 온라인): each match of
# _MESSENGER contains a messenger's name and a suffix, an open-chat word, an ID word and an "add" word, or a
# chat name (6 % of messages pass; guard and search: 0.9 → 0.5 µs/message measured alone).
_MESSENGER_NAMES = HINTS.add(("카카오톡", "카톡", "텔레그램", "라인", "위챗", "whatsapp", "telegram", "kakaotalk", "kakao",
                              "signal", "wechat"))
_MESSENGER_SUFFIXES = HINTS.add(("아이디", "id", "친구추가", "친추", "검색", "@"))
_OPEN_CHAT = HINTS.add(("오픈채팅", "오픈카톡", "오픈톡", "open.kakao.com", "t.me/", "wa.me/"))
_ID_WORDS = HINTS.add(("아이디", "id"))
_ADD_WORDS = HINTS.add(("추가", "친추", "검색"))
# ("KaKa0 : id" with a zero and "까톡 id" are the loan and site adverts' spellings: KISA dev.)
_CHAT_NAMES = HINTS.add(("카카오", "카톡", "상담톡", "텔레", "라인", "kaka0", "까톡"))


def _is_login_link(url: UrlInfo) -> bool:
    """Telegram's own login link (``t.me/login/<code>``, sent with its login code): no contact to write to."""
    return url.registered_domain == "t.me" and url.url.lower().partition("t.me")[2].startswith("/login/")


class cached_property:
    """Compute once per instance on first access, then served from the instance ``__dict__``."""

    def __init__(self, func):
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, instance, owner):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


class Message:
    """One message and the facts derived from it. Build through ``Checker``, not directly."""

    def __init__(self, raw: str, sender: str | None, allowlist: Allowlist, analyzer: UrlAnalyzer) -> None:
        self.raw = raw
        self.sender = sender
        self.allowlist = allowlist
        self._analyzer = analyzer
        self.text, self.compact, self.visible = normalize_compact_and_check(raw)
        """``visible``: the raw text holds no invisible or control character, nor a lone surrogate."""

    @cached_property
    def hint_words(self) -> list[str]:
        """The guards' hint words (``HINTS``) that the compact text contains, found in one scan."""
        return HINTS.found_in(self.compact)

    @cached_property
    def urls(self) -> list[UrlInfo]:
        return self._analyzer.extract(self.text, self.raw)

    @cached_property
    def phones(self) -> list[PhoneInfo]:
        return find_phones(self.text, self.allowlist)

    @cached_property
    def sender_phone(self) -> PhoneInfo | None:
        return sender_phone(self.sender, self.allowlist)

    @cached_property
    def prose(self) -> str:
        """Compact text without the links: a brand inside a URL is not the message naming itself."""
        if not self.urls:
            return self.compact
        text = self.text
        for url in self.urls:
            text = text.replace(url.url, " ")
        if self.visible and self.text is self.raw:
            # Normalisation found the squeezed raw text printable (``normalize_compact_and_check``), and blanking links
            # out of it leaves only its characters: ``compact`` without its ``isprintable`` scan.
            return _squeeze(text).lower()
        return compact(text)

    @cached_property
    def body(self) -> str:
        """Compact prose without carrier/advertising prefixes."""
        prose = self.prose
        # Every prefix starts with one of these (a quarter of the benchmark's texts with none skip the regex).
        if prose[:1] not in _PREFIX_OPENERS:
            return prose
        # The same as ``_PREFIX.sub("", prose)``: the pattern is anchored at the start and matches no empty text, so
        # it matches once at most; a slice costs less than the substitution (−0.16 µs/message measured alone).
        prefix = _PREFIX.match(prose)
        return prose[prefix.end() :] if prefix is not None else prose

    @cached_property
    def named(self) -> list[Institution]:
        """Institutions mentioned anywhere in the message (outside its links)."""
        if not self.urls and self.allowlist is _NAMES_ALLOWLIST and _NAME_WORDS.isdisjoint(self.hint_words):
            return []  # the prose is the compact text, where the hint scan found no name: no second scan
        return self.allowlist.institutions_named_in(self.prose)

    @cached_property
    def claimed(self) -> list[Institution]:
        """Institutions the message presents itself as: named in its head, or as "X입니다", "[X]", "X에서"."""
        result = []
        for inst in self.named:
            for key in inst.compact_keywords:
                position = self.body.find(key)
                if position == -1:
                    continue
                after = self.body[position + len(key) : position + len(key) + 6]
                before = self.body[position - 1 : position] if position else ""
                bracketed = before in _OPENERS and after[:1] in _CLOSERS  # [신한카드], (CJ대한통운)
                if bracketed and before == "(" and _ACCOUNT_AFTER.match(self.body, position + len(key)):
                    # "후원회 (농협)301-046-…", "부의금 (국민)123-45-…": the bank of an account number, not the sender.
                    bracketed = False
                explicit = bracketed or _CLAIM_AFTER.match(after)
                # A two-letter word (검찰, 경찰, 법원) in a headline is news, not a self-presentation.
                if explicit or (position < _HEAD_CHARS and len(key) > 2):
                    result.append(inst)
                    break
        return result

    @cached_property
    def url_flags(self) -> frozenset[str]:
        """Every flag of every link: one set test tells a link rule whether any link can match it."""
        return frozenset(flag for url in self.urls for flag in url.flags)

    @cached_property
    def uncommon_url_flags(self) -> frozenset[str]:
        """``url_flags`` but "unknown" and "shortener": empty for most messages, links or not (see
        ``_COMMON_URL_FLAGS``)."""
        return self._contacts()["uncommon_url_flags"]

    @cached_property
    def risky_urls(self) -> list[UrlInfo]:
        """Links that do not go to an official domain (nor to the restricted government registry go.kr)."""
        return self._contacts()["risky_urls"]

    @cached_property
    def reachable(self) -> bool:
        """Whether the message gives a way to reach someone (a call-back number or an action channel) or came
        with a sender number: the rules of payment scares, loan lures and international numbers need one (they
        are skipped on the other 48 % of the benchmark's messages)."""
        return self._contacts()["reachable"]

    @cached_property
    def head(self) -> str:
        """The opening of the compact text (after carrier prefixes), where a lure states its business.
        Punctuation between Korean syllables is dropped, so "건*강*검*진" and "건/강/검/진" read 건강검진."""
        opening = self.body[: HEAD_LENGTH + 50]
        # Every match of _SPLIT_HANGUL sits between two Hangul syllables: an ASCII opening (most English texts) holds
        # none, and ``isascii`` reads a flag where the regex engine tested each blank and punctuation mark.
        if opening.isascii():
            return opening[:HEAD_LENGTH]
        return _SPLIT_HANGUL.sub("", opening)[:HEAD_LENGTH]

    @cached_property
    def head_hint_words(self) -> list[str]:
        """The head patterns' words (``HEAD_HINTS``) that the head contains, found in one scan."""
        return HEAD_HINTS.found_in(self.head)

    @cached_property
    def is_advert(self) -> bool:
        """Starts with the (광고) label that Korean law requires on adverts."""
        opening = self.compact[:24]
        # Each label holds 광고, which most openings lack: one slice and one search instead of three of each.
        return "광고" in opening and ("(광고)" in opening or "[광고]" in opening or "<광고>" in opening)

    @cached_property
    def is_political(self) -> bool:
        """Presents itself as a politician's or candidate's text: the "(선거운동정보)" label that election law requires
        on campaign texts, a member's "의정보고" (report on their work), or "국회의원 ○○○입니다" / "○○ 후보 ○○○입니다"
        in its opening. Such texts talk of pensions, subsidies and health checks as policies, not as notices."""
        if _POLITICAL_WORDS.isdisjoint(self.hint_words):
            return False
        return _POLITICAL.search(self.compact[:_POLITICAL_OPENING]) is not None

    @cached_property
    def risky_callbacks(self) -> list[PhoneInfo]:
        """Call-back numbers of the kinds scammers rent: mobile, 070, 050x, 15xx/16xx, international.
        Institutions' branches answer on unlisted local landlines (02-, 062- …), so those do not count."""
        return self._contacts()["risky_callbacks"]

    @cached_property
    def head_digits(self) -> str:
        """Digits of the message's opening: institutions list their many 15xx numbers at the end of long
        notices, while a lure's "call 1588-…" sits in its short body."""
        return "".join(ch for ch in self.head if ch.isdigit())

    @cached_property
    def callbacks(self) -> list[PhoneInfo]:
        """Numbers in the text that are not official (short service numbers excluded)."""
        return self._contacts()["callbacks"]

    @cached_property
    def app_install(self) -> str | None:
        return self._contacts()["app_install"]

    @cached_property
    def messenger(self) -> str | None:
        return self._contacts()["messenger"]

    @cached_property
    def action_channel(self) -> str | None:
        """The first way to act that scammers use: a non-official link, a rented or foreign call-back
        number, an app install or a messenger contact. (A clinic's or office's landline is not one.)"""
        return self._contacts()["action_channel"]

    def _contacts(self) -> dict:
        """Compute the contact facts above at once and cache them in the instance ``__dict__``. The checker
        reads all of them for every message (rules are guarded by them): one call instead of one lazy
        property call each, and no list is built when there are no links or numbers. (``uncommon_url_flags``
        and ``reachable``, guards of rules derived from them, come with them.)"""
        facts = vars(self)  # self.__dict__ (which the compiled Message, an extension type, cannot spell)
        urls = self.urls
        risky_urls = [u for u in urls if not u.official and "government_registry" not in u.flags] if urls else []
        phones = self.phones
        callbacks = [
            p
            for p in phones
            if not p.official and p.kind not in _NOT_CALLBACK_KINDS and "*" not in p.number and "X" not in p.number
        ] if phones else []
        risky_callbacks = [
            p
            for p in callbacks
            if p.kind in _RISKY_KINDS and (p.kind != "representative" or p.number[:4] in self.head_digits)
        ] if callbacks else []
        if urls or self.hint_words:
            app_install = self._find_app_install()
            messenger = self._find_messenger()
        else:  # both are found in the text only with one of their hint words, else in the links (a third of messages)
            app_install = messenger = None
        if risky_urls:
            action_channel = risky_urls[0].url
        elif risky_callbacks:
            action_channel = risky_callbacks[0].number
        else:
            action_channel = app_install or messenger
        facts["risky_urls"] = risky_urls
        facts["callbacks"] = callbacks
        facts["risky_callbacks"] = risky_callbacks
        facts["app_install"] = app_install
        facts["messenger"] = messenger
        facts["action_channel"] = action_channel
        facts["uncommon_url_flags"] = self.url_flags - _COMMON_URL_FLAGS if urls else _NO_FLAGS
        facts["reachable"] = bool(callbacks or action_channel or self.sender)
        return facts

    def _find_app_install(self) -> str | None:
        matches = _APP_INSTALL.finditer(self.compact) if mentions_any(self, _APP_HINT) else ()
        for match in matches:
            # "앱을 설치하지 마세요" is a warning, not an instruction.
            if not _NEGATION_AFTER.match(self.compact, match.end()):
                return match.group(0)
        # The link rules read url_flags anyway: one set test instead of walking the links.
        if self.urls and "apk" in self.url_flags:
            for url in self.urls:
                if "apk" in url.flags:
                    return url.url
        return None

    def _find_messenger(self) -> str | None:
        match = _MESSENGER.search(self.compact) if self._may_name_messenger() else None
        if match:
            return match.group(0)
        for url in self.urls:
            if (url.host in _MESSENGER_HOSTS or url.registered_domain in _MESSENGER_HOSTS) and not _is_login_link(url):
                return url.url
        return None

    def _may_name_messenger(self) -> bool:
        """False when _MESSENGER cannot match: no word of the older guard, or none that its matches contain."""
        if not mentions_any(self, _MESSENGER_HINT):
            return False
        return (
            mentions_any(self, _CHAT_NAMES)
            or mentions_any(self, _OPEN_CHAT)
            or (mentions_any(self, _MESSENGER_NAMES) and mentions_any(self, _MESSENGER_SUFFIXES))
            or (mentions_any(self, _ID_WORDS) and mentions_any(self, _ADD_WORDS))
        )

    @cached_property
    def mentions_notice_topic(self) -> bool:
        """Whether ``notice_topics`` is non-empty, answered by one search instead of collecting them all
        (the guard of the notice rules, read for every message)."""
        words = self.allowlist.notice_topic_words
        # The shipped allowlist's words are registered (checker.rules.notice): 1.3 → 0.7 µs measured alone.
        if words and HINTS.covers(words):
            return not words.isdisjoint(self.hint_words)
        return self.mentions_notice_topic_plain()

    def mentions_notice_topic_plain(self) -> bool:
        """``mentions_notice_topic`` by the allowlist's pattern (the reference, and any other allowlist's)."""
        pattern = self.allowlist.notice_topic_pattern
        return pattern is not None and pattern.search(self.compact) is not None

    @cached_property
    def notice_topics(self) -> set[str]:
        """Official-notice topic keywords (compacted) that the message mentions: one pass for all notices."""
        pattern = self.allowlist.notice_topic_pattern
        return {m.group(0) for m in pattern.finditer(self.compact)} if pattern else set()

    @cached_property
    def qr(self) -> bool:
        return bool(_QR.search(self.compact))

