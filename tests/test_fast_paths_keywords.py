"""The keyword scans by automaton give exactly the answers of the plain formulations they replace: the
institution names (``Allowlist.institutions_named_in`` against the trie regex), the guards' hint words
(``mentions_any`` against ``any(word in text ...)``) and the hint that every match of a guarded pattern
contains. Compared on real messages (when ../shared is present), chosen cases and random text."""

from __future__ import annotations

import csv
import dataclasses
import functools
import itertools
import re
from importlib import resources
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Checker, message, normalize
from checker.allowlist import default_allowlist, load_allowlist
from checker.message import HINTS, Message, mentions_any
from checker.normalize import compact
from checker.rules import advert as advert_rules
from checker.rules import bait as bait_rules
from checker.rules import callback as callback_rules
from checker.rules import contact_lures as contact_lure_rules
from checker.rules import disguised_contacts as disguised_contact_rules
from checker.rules import gambling as gambling_rules
from checker.rules import impersonation as impersonation_rules
from checker.rules import no_link_lures as no_link_lure_rules
from checker.rules import openers as opener_rules
from checker.rules import personal_requests as personal_request_rules
from checker.rules import phone as phone_rules
from checker.rules import premium as premium_rules
from checker.rules import reply_lures as reply_lure_rules
from checker.rules import spelling as spelling_rules
from checker.rules import stock_tips as stock_tip_rules
from checker.rules import text as text_rules
from checker.rules import wallet as wallet_rules

_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_PER_SOURCE = 3000
_SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
# Training-side and development sets only: a full test run must not read an evaluation set.
_SOURCES = ("ko_kisa_spam_reports_2022", "ko_smishdt_kor_smishing", "en_super_sms_dataset_2024", "en_spamhunter_2022")

# Every group of hint words that a guard asks about, with the name it has in the code.
_GROUPS = {
    "message._APP_HINT": message._APP_HINT,
    "message._POLITICAL_WORDS": message._POLITICAL_WORDS,
    "message._MESSENGER_HINT": message._MESSENGER_HINT,
    "message._MESSENGER_NAMES": message._MESSENGER_NAMES,
    "message._MESSENGER_SUFFIXES": message._MESSENGER_SUFFIXES,
    "message._OPEN_CHAT": message._OPEN_CHAT,
    "message._ID_WORDS": message._ID_WORDS,
    "message._ADD_WORDS": message._ADD_WORDS,
    "message._CHAT_NAMES": message._CHAT_NAMES,
    "text._TRANSFER_PRETEXT_HINT": text_rules._TRANSFER_PRETEXT_HINT,
    "text._BROKEN_HINT": text_rules._BROKEN_HINT,
    "text._PHONE_NOUNS": text_rules._PHONE_NOUNS,
    "text._MISHAPS": text_rules._MISHAPS,
    "text._NEW_PHONE_PHRASES": text_rules._NEW_PHONE_PHRASES,
    "text._GIFT_CARD_HINT": text_rules._GIFT_CARD_HINT,
    "text._MONEY_REQUEST_HINT": text_rules._MONEY_REQUEST_HINT,
    "text._CREDENTIAL_HINT": text_rules._CREDENTIAL_HINT,
    "text._CREDENTIAL_WORDS": text_rules._CREDENTIAL_WORDS,
    "text._CREDENTIAL_VERBS": text_rules._CREDENTIAL_VERBS,
    "text._CREDENTIAL_NOUNS": text_rules._CREDENTIAL_NOUNS,
    "premium._REPLY_WORDS": premium_rules._REPLY_WORDS,
    "premium._NUMBER_STARTS": premium_rules._NUMBER_STARTS,
    "premium._PRIZE_CLAIM_WORDS": premium_rules._PRIZE_CLAIM_WORDS,
    "text._FOREIGN_HINT": text_rules._FOREIGN_HINT,
    "text._SCHEME_WORDS": text_rules._SCHEME_WORDS,
    "text._SELECTED_WORDS": text_rules._SELECTED_WORDS,
    "text._LOAN_WORDS": text_rules._LOAN_WORDS,
    "text._WARNING_WORDS": text_rules._WARNING_WORDS,
    "text._GOVERNMENT_PRODUCT": text_rules._GOVERNMENT_PRODUCT,
    "text._LOAN_TERMS": text_rules._LOAN_TERMS,
    "text._CASHOUT_HINT": text_rules._CASHOUT_HINT,
    "text._CASHOUT_WARNING": text_rules._CASHOUT_WARNING,
    "text._CALL_THE_SENDER_HINT": text_rules._CALL_THE_SENDER_HINT,
    "text._DISGUISE_HINT": text_rules._DISGUISE_HINT,
    "text._HOMOGLYPH_HINT": text_rules._HOMOGLYPH_HINT,
    "text._RELAY_HINT": text_rules._RELAY_HINT,
    "text._ADULT_SERVICE_HINT": text_rules._ADULT_SERVICE_HINT,
    "text._HOOKUP_HINT": text_rules._HOOKUP_HINT,
    "text._WRONG_NUMBER": text_rules._WRONG_NUMBER,
    "text._CHAT_APPS": text_rules._CHAT_APPS,
    "text._IRS_HINT": text_rules._IRS_HINT,
    "text._PAY_BRAND_WORDS": text_rules._PAY_BRAND_WORDS,
    "text._MISTAKEN_CODE_WORDS": text_rules._MISTAKEN_CODE_WORDS,
    "text._ADVANCE_FEE_WORDS": text_rules._ADVANCE_FEE_WORDS,
    "text._POWER_CUT_WORDS": text_rules._POWER_CUT_WORDS,
    "text._POWER_CUT_STATES": text_rules._POWER_CUT_STATES,
    "text._BOSS_TASK_WORDS": text_rules._BOSS_TASK_WORDS,
    "text._OWN_ACCOUNT_LOCKED_WORDS": text_rules._OWN_ACCOUNT_LOCKED_WORDS,
    "text._PAY_BACK_WORDS": text_rules._PAY_BACK_WORDS,
    "text._FILED_MATTER_WORDS": text_rules._FILED_MATTER_WORDS,
    "text._REPLY_DATA_WORDS": text_rules._REPLY_DATA_WORDS,
    "text._REPLY_VERBS": text_rules._REPLY_VERBS,
    "text._SEARCH_BOX_WORDS": text_rules._SEARCH_BOX_WORDS,
    "impersonation._MONEY_AT_STAKE_WORDS": impersonation_rules._MONEY_AT_STAKE_WORDS,
    "text._DATING_BOT_WORDS": text_rules._DATING_BOT_WORDS,
    "text._JOB_HINT": text_rules._JOB_HINT,
    "message._NAME_WORDS": message._NAME_WORDS,
    "gambling._JARGON_HINT": gambling_rules._JARGON_HINT,
    "gambling._GAMBLING_WORDS": gambling_rules._GAMBLING_WORDS,
    "gambling._PERCENT_HINT": gambling_rules._PERCENT_HINT,
    "gambling._PLUS_HINT": gambling_rules._PLUS_HINT,
    "gambling._BOX_PLUS_HINT": gambling_rules._BOX_PLUS_HINT,
    "gambling._LOGIN_WORDS": gambling_rules._LOGIN_WORDS,
    "gambling._PASSWORD_WORDS": gambling_rules._PASSWORD_WORDS,
    "gambling._BALANCE_WORDS": gambling_rules._BALANCE_WORDS,
    "gambling._ROOM_CODE_HINT": gambling_rules._ROOM_CODE_HINT,
    "gambling._GAMBLING_NAMES_AS_WRITTEN": gambling_rules._GAMBLING_NAMES_AS_WRITTEN,
    "gambling._MISSPELT_NAMES": gambling_rules._MISSPELT_NAMES,
    "gambling._MISSPELT_BEFORE_LOTTE_HINT": gambling_rules._MISSPELT_BEFORE_LOTTE_HINT,
    "gambling._KKAJINO_HINT": gambling_rules._KKAJINO_HINT,
    "gambling._SURPRISE_HINT": gambling_rules._SURPRISE_HINT,
    "gambling._SPELLED_OUT_HINT": gambling_rules._SPELLED_OUT_HINT,
    "gambling._SITE_GAME_HINT": gambling_rules._SITE_GAME_HINT,
    "gambling._CODE_PROMPT_HINT": gambling_rules._CODE_PROMPT_HINT,
    "gambling._CASH_OUT_HINT": gambling_rules._CASH_OUT_HINT,
    "gambling._TLD_HINT": gambling_rules._TLD_HINT,
    "gambling._MISSPELT_MESSENGER_HINT": gambling_rules._MISSPELT_MESSENGER_HINT,
    "text._VENUE_HINT": text_rules._VENUE_HINT,
    "text._VENUE_SLANG_HINT": text_rules._VENUE_SLANG_HINT,
    "text._PHONE_CHAT_HINT": text_rules._PHONE_CHAT_HINT,
    "text._PAID_LINE_HINT": text_rules._PAID_LINE_HINT,
    "text._ADVERT_OPT_OUT": text_rules._ADVERT_OPT_OUT,
    "text._PILL_HINT": text_rules._PILL_HINT,
    "text._PILL_PIECES": text_rules._PILL_PIECES,
    "text._DISGUISED_PILL_HINT": text_rules._DISGUISED_PILL_HINT,
    "text._REPLY_NOUNS": text_rules._REPLY_NOUNS,
    "text._REPLY_HINT": text_rules._REPLY_HINT,
    "text._STOCK_GAIN_WORDS": text_rules._STOCK_GAIN_WORDS,
    "text._GIFT_CARD_EN_HINT": text_rules._GIFT_CARD_EN_HINT,
    "text._LONG_TIME_WORDS": text_rules._LONG_TIME_WORDS,
    "reply_lures._SIGN_IN_WORDS": reply_lure_rules._SIGN_IN_WORDS,
    "reply_lures._CALL_WORDS": reply_lure_rules._CALL_WORDS,
    "reply_lures._PAYMENT_QUESTION_WORDS": reply_lure_rules._PAYMENT_QUESTION_WORDS,
    "reply_lures._OFFER_WORDS": reply_lure_rules._OFFER_WORDS,
    "reply_lures._KEYWORD_REPLY_WORDS": reply_lure_rules._KEYWORD_REPLY_WORDS,
    "reply_lures._APPEAL_WORDS": reply_lure_rules._APPEAL_WORDS,
    "reply_lures._PROPOSAL_WORDS": reply_lure_rules._PROPOSAL_WORDS,
    "reply_lures._EMAIL_CONTACT_WORDS": reply_lure_rules._EMAIL_CONTACT_WORDS,
    "contact_lures._CONTACT_WORDS": contact_lure_rules._CONTACT_WORDS,
    "contact_lures._YOU_WON_WORDS": contact_lure_rules._YOU_WON_WORDS,
    "contact_lures._CHAT_LINE_WORDS": contact_lure_rules._CHAT_LINE_WORDS,
    "advert._OPT_OUT_HINT": advert_rules._OPT_OUT_HINT,
    "advert._PHONE_SHOP_HINT": advert_rules._PHONE_SHOP_HINT,
    "advert._PROPERTY_HINT": advert_rules._PROPERTY_HINT,
    "advert._DRIVER_ARRIVAL_HINT": advert_rules._DRIVER_ARRIVAL_HINT,
    "advert._CARRIER_HINT": advert_rules._CARRIER_HINT,
    "advert._LABEL_HINT": advert_rules._LABEL_HINT,
    "advert._NET_HINT": advert_rules._NET_HINT,
    "advert._CALL_HINT": advert_rules._CALL_HINT,
    "advert._FLAT_HINT": advert_rules._FLAT_HINT,
    "advert._CARRIER_SWITCH_HINT": advert_rules._CARRIER_SWITCH_HINT,
    "advert._CAPITAL_HINT": advert_rules._CAPITAL_HINT,
    # session 14 (kofix)
    "advert._DRIVER_WORD_HINT": advert_rules._DRIVER_WORD_HINT,
    "gambling._SPACED_TLD_HINT": gambling_rules._SPACED_TLD_HINT,
    "text._NO_PRESCRIPTION_HINT": text_rules._NO_PRESCRIPTION_HINT,
    "text._WRONG_NUMBER_KO": text_rules._WRONG_NUMBER_KO,
    "text._KAKAO_CHANNEL_HINT": text_rules._KAKAO_CHANNEL_HINT,
    "text._PUMP_WORDS": text_rules._PUMP_WORDS,
    "text._GAIN_VERBS": text_rules._GAIN_VERBS,
    "text._RECRUIT_HINT": text_rules._RECRUIT_HINT,
    "text._UNLISTED_HINT": text_rules._UNLISTED_HINT,
    "advert._LOTTO_HINT": advert_rules._LOTTO_HINT,
    "advert._PHONE_MODEL_HINT": advert_rules._PHONE_MODEL_HINT,
    "advert._LAND_HINT": advert_rules._LAND_HINT,
    "advert._ADULT_CONTENT_HINT": advert_rules._ADULT_CONTENT_HINT,
    "advert._PET_NAME_HINT": advert_rules._PET_NAME_HINT,
    "advert._TIP_ROOM_HINT": advert_rules._TIP_ROOM_HINT,
    "gambling._CASINO_GAME_HINT": gambling_rules._CASINO_GAME_HINT,
    "gambling._ARCADE_HINT": gambling_rules._ARCADE_HINT,
    "gambling._RACE_HINT": gambling_rules._RACE_HINT,
    "stock_tips._MARKET_HINT": stock_tip_rules._MARKET_HINT,
    "stock_tips._ADVERT_OPT_OUT": stock_tip_rules._ADVERT_OPT_OUT,
    "spelling._HANGUL_PREFIX_HINT": spelling_rules._HANGUL_PREFIX_HINT,
    "spelling._BROKEN_TLD_HINT": spelling_rules._BROKEN_TLD_HINT,
    "allowlist.notice_topic_words": default_allowlist().notice_topic_words,
    "callback._PAYOUT_WORDS": callback_rules._PAYOUT_WORDS,
    "callback._VEHICLE_WORDS": callback_rules._VEHICLE_WORDS,
    "callback._CARD_WORDS": callback_rules._CARD_WORDS,
    "bait._SURVEY_WORDS": bait_rules._SURVEY_WORDS,
    "bait._SAFE_DEAL_WORDS": bait_rules._SAFE_DEAL_WORDS,
    "bait._PREPAY_WORDS": bait_rules._PREPAY_WORDS,
    "openers._NAME_CHECK_WORDS": opener_rules._NAME_CHECK_WORDS,
    "openers._ACQUAINTANCE_WORDS": opener_rules._ACQUAINTANCE_WORDS,
    # session 16 (ko5fix)
    "personal_requests._GIFT_CARD_WORDS": personal_request_rules._GIFT_CARD_WORDS,
    "personal_requests._ACCOUNT_CHANGED_WORDS": personal_request_rules._ACCOUNT_CHANGED_WORDS,
    "personal_requests._IS_IT_YOU_WORDS": personal_request_rules._IS_IT_YOU_WORDS,
    "personal_requests._TITLE_QUESTION_WORDS": personal_request_rules._TITLE_QUESTION_WORDS,
    "no_link_lures._SEARCH_WORDS": no_link_lure_rules._SEARCH_WORDS,
    "no_link_lures._FEE_WORDS": no_link_lure_rules._FEE_WORDS,
    "no_link_lures._QR_WORDS": no_link_lure_rules._QR_WORDS,
    "wallet._PHRASE_WORDS": wallet_rules._PHRASE_WORDS,
    "disguised_contacts._CALL_WORDS": disguised_contact_rules._CALL_WORDS,
    "disguised_contacts._SEARCH_HINT": disguised_contact_rules._SEARCH_HINT,
}
_HINT_WORDS = sorted(HINTS.words)


@pytest.fixture(scope="module")
def real_messages() -> list[Message]:
    """A few thousand real messages of each benchmark source, as the checker sees them."""
    if not _SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent")
    csv.field_size_limit(10**7)
    checker = Checker(model=None)
    texts: list[str] = []
    for name in _SOURCES:
        with (_SHARED_DATA / name / "data.csv").open(encoding="utf-8", newline="") as handle:
            rows = itertools.islice(csv.DictReader(handle), _PER_SOURCE)
            texts += [row["text"] for row in rows if row["text"].strip()]
    return [Message(text, None, checker.allowlist, checker.analyzer) for text in dict.fromkeys(texts)]


def _plain_keywords(text: str) -> list[str]:
    return [match.group(0) for match in default_allowlist().keyword_pattern.finditer(text)]


def _assert_same_institutions(text: str) -> None:
    allowlist = default_allowlist()
    assert allowlist.keyword_scanner.find_matches_as_strings(text) == _plain_keywords(text), text
    assert allowlist.institutions_named_in(text) == allowlist.institutions_named_in_plain(text), text


def test_institution_scanner_finds_the_trie_regex_matches_in_real_messages(real_messages):
    named = 0
    for msg in real_messages:
        for text in (msg.compact, msg.prose):
            _assert_same_institutions(text)
        named += bool(msg.named)
    assert named > 100  # the comparison saw many names


def test_institution_scanner_cases():
    keywords = sorted(default_allowlist().keyword_owners, key=len)
    cases = ["", "x", "국민", "kb국민카드", "신한카드신한은행", "국민은행국민카드", "shinhancard", "[kt]", "ibk기업은행입니다"]
    # Each keyword alone, doubled, and glued to the next (overlapping prefixes and suffixes).
    cases += keywords + [k + k for k in keywords] + [a + b for a, b in itertools.pairwise(keywords)]
    cases += [k[:-1] for k in keywords] + [k[1:] for k in keywords]
    for text in cases:
        _assert_same_institutions(text)


def test_institution_scan_of_a_lone_surrogate_falls_back_to_the_regex():
    allowlist = default_allowlist()
    text = "국민은행\ud800신한카드"
    assert [i.owner for i in allowlist.institutions_named_in(text)] == [
        i.owner for i in allowlist.institutions_named_in_plain(text)
    ]
    assert len(allowlist.institutions_named_in(text)) == 2


def test_allowlist_without_keywords_names_no_one(tmp_path):
    source = Path(str(resources.files("allowlist")))
    for path in source.iterdir():
        if path.is_file():
            (tmp_path / path.name).write_bytes(path.read_bytes())
    rows = (tmp_path / "institutions.csv").read_text(encoding="utf-8").splitlines()
    (tmp_path / "institutions.csv").write_text(rows[0] + "\n", encoding="utf-8")
    allowlist = load_allowlist(tmp_path)
    assert allowlist.keyword_scanner is None
    assert allowlist.institutions_named_in("국민은행") == allowlist.institutions_named_in_plain("국민은행") == []


_KEYWORD_PIECES = st.sampled_from(
    sorted(default_allowlist().keyword_owners)[::3] + ["kb", "국민", "은행", "카드", "shinhan", "card", "bc", "[kt]", "x", " ", "1"]
)


@_SETTINGS
@given(st.lists(_KEYWORD_PIECES, max_size=10).map("".join))
def test_institution_scanner_property(text):
    _assert_same_institutions(text)


def _plain_named(msg: Message) -> list:
    return msg.allowlist.institutions_named_in_plain(msg.prose)


def test_names_of_real_messages(real_messages):
    # ``Message.named`` skips the scan of a message without links whose hint words hold no name.
    assert message._NAME_WORDS == frozenset(default_allowlist().keyword_owners)
    skipped = 0
    for msg in real_messages:
        assert msg.named == _plain_named(msg), msg.compact
        skipped += not msg.urls and message._NAME_WORDS.isdisjoint(msg.hint_words)
    assert skipped > 1000


@_SETTINGS
@given(st.lists(st.one_of(_KEYWORD_PIECES, st.sampled_from(["http://a.kr/", "국민.com", "www.", "\n", "(광고)"])),
                max_size=10).map("".join))
def test_names_property(text):
    checker = _checker()
    msg = Message(text or "x", None, checker.allowlist, checker.analyzer)
    assert msg.named == _plain_named(msg)
    # Another allowlist (here an equal copy: not the one whose names are hint words) is scanned as before.
    other = Message(text or "x", None, dataclasses.replace(checker.allowlist), checker.analyzer)
    assert other.named == _plain_named(other) == msg.named


def _plain_mentions(text: str, words: frozenset[str]) -> bool:
    return any(word in text for word in words)


def _assert_same_hints(text: str) -> None:
    found = HINTS.found_in(text)
    assert set(found) == {word for word in _HINT_WORDS if word in text}, text
    msg = SimpleNamespace(hint_words=found)
    for name, words in _GROUPS.items():
        assert mentions_any(msg, words) == _plain_mentions(text, words), (name, text)


def test_every_hint_word_is_in_a_group():
    assert set().union(*_GROUPS.values()) == HINTS.words


def test_political_guard_words_cover_every_match():
    # Every match of _POLITICAL starts with a literal that holds one of the guard words (is_political skips the search
    # on texts with none of them).
    for literal in message.required_words(message._POLITICAL):
        assert any(word in literal for word in message._POLITICAL_WORDS), literal


def test_hint_words_of_real_messages(real_messages):
    for msg in real_messages:
        _assert_same_hints(msg.compact)
        assert msg.hint_words == HINTS.found_in(msg.compact)
    assert sum(bool(msg.hint_words) for msg in real_messages) > 100


def test_hint_word_cases():
    cases = ["", "아무 관계 없는 문장", "\ud800번호", "인증번호", "비밀번호오류", "textsend", "카카오톡아이디", "t.me/x"]
    cases += [f"앞{word}뒤" for word in _HINT_WORDS] + ["".join(_HINT_WORDS)]
    for text in cases:
        _assert_same_hints(text)
    for word in _HINT_WORDS:
        assert word in HINTS.found_in(f"앞{word}뒤")


@_SETTINGS
@given(st.lists(st.sampled_from([*_HINT_WORDS, *"가나번호인증 .x"]), max_size=12).map("".join))
def test_hint_words_property(text):
    _assert_same_hints(text)


def test_hint_words_registered_later_are_found():
    scanner = message.HintWords()
    first = scanner.add(("ab", "b"))
    assert sorted(scanner.found_in("xab")) == ["ab", "b"]
    second = scanner.add(("xa",))
    assert sorted(scanner.found_in("xab")) == ["ab", "b", "xa"]
    assert first == {"ab", "b"} and second == {"xa"}
    with pytest.raises(ValueError):
        scanner.add(("",))


# Each guard's claim "every match of the pattern contains one of these words", tested on text that the
# pattern matches often: pieces of its own alternatives.
_GUARDED = {
    "transfer": (text_rules._TRANSFER_PRETEXT, text_rules._TRANSFER_PRETEXT_HINT,
                 ["이체한도", "이체", "한도", "에", "가", "걸", "초과", "제한", "대신", "먼저", "송금", "이체", "입금", "보내",
                  "명의로된계좌", "계좌", "하나", "만", "빌려", "인증서", "비번", "1", "회", "오류"]),
    "broken": (text_rules._BROKEN_PHONE, text_rules._BROKEN_HINT,
               ["폰", "핸드폰", "휴대폰", "휴대전화", "액정", "깨", "고장", "나가", "다른아이디", "임시폰", "새번호", "번호", "를",
                "바꿨", "문자나라", "컴퓨터로문자", "pc로문자", "lost", "my", "phone", "new", "number", "broken", "x"]),
    "credential": (text_rules._CREDENTIAL, text_rules._CREDENTIAL_HINT,
                   ["신분증", "주민등록증", "주민", "사진", "찍어", "보내", "카드", "앞뒤", "번호", "비밀번호", "비번", "otp",
                    "알려", "통장", "계좌", "은", "뭐", "등록", "send", "me", "your", "pin", "code", "x"]),
    "messenger": (message._MESSENGER, message._MESSENGER_HINT,
                  ["카카오톡", "카톡", "상담톡", "텔레", "텔레그램", "라인", "위챗", "wechat", "whatsapp", "telegram", "kakao",
                   "signal", "아이디", "id", ":", "@", "abcd", "a1b2", "추가", "친구추가", "친추", "검색", "오픈채팅", "오픈톡",
                   "open.kakao.com", "t.me/", "wa.me/", "카카오", "상담", "문의", "a", "b", "1", "_", ".", "http",
                   "www", "bank", "x"]),
    "foreign": (text_rules._FOREIGN, text_rules._FOREIGN_HINT,
                ["[", "(", "【", "국제발신", "국외발신", "해외발신", "국제", "발신", "]", ")", "】", "web", "x"]),
    "adult": (text_rules._ADULT_SERVICE, text_rules._ADULT_SERVICE_HINT,
              ["출장", "방문", "홈타이", "타이", "마", "사지", "시지", "마사지", "안마", "스웨디시", "샵", "오피", "20대", "이쁜", "뉴페",
               "한국인", "관리사", "가", "x"]),
    "phone_shop": (advert_rules._PHONE_SHOP, advert_rules._PHONE_SHOP_HINT,
                   ["개통", "점", "처", "지점", "해드렸", "해드린", "곳", "무료", "기변", "공짜폰", "현완", "성지", "폰", "매장", "x"]),
    "driver_arrival": (advert_rules._DRIVER_ARRIVAL, advert_rules._DRIVER_ARRIVAL_HINT,
                       ["기사", "님", " ", "~", "3", "15", "분", "내", "안에", "이내", "도착", "빠른", "신속", "배차", "x"]),
    "property": (advert_rules._PROPERTY, advert_rules._PROPERTY_HINT, ["분양", "모델", "하우스", "모델하우스", "분", "양", "x"]),
    "land": (advert_rules._LAND, advert_rules._LAND_HINT,
             ["토지", "임야", "개발", "예정", "지", "농지", "기획", "부동산", "x"]),
    "adult_content": (advert_rules._ADULT_CONTENT, advert_rules._ADULT_CONTENT_HINT,
                      ["성인", "웹툰", "만화", "방송", "영상", "동영상", "19금", "채팅", "무삭제", "노모", "자이크", "야동", "벗방",
                       "🔞", "가", "x"]),
    "pet_name": (advert_rules._PET_NAME, advert_rules._PET_NAME_HINT, ["오빠", "자기야", "자기", "여보", "세요", "x"]),
    "tip_room": (advert_rules._TIP_ROOM, advert_rules._TIP_ROOM_HINT,
                 ["정보", "리딩", "무료", "주식", "종목", "추천", "vip", "세력", "정보력", "방", "신용", "문", "입장", "x"]),
    "stock_market": (stock_tip_rules._MARKET, stock_tip_rules._MARKET_HINT,
                     ["주식", "종목", "증시", "코스피", "해외선물", "해선", "항셍", "관련주", "테마주", "급등주", "상한가", "비트코인",
                      "코인", "선물", "리딩", "투자", "x"]),
    "race": (gambling_rules._RACE, gambling_rules._RACE_HINT,
             ["경마", "경륜", "경정", "비", "예산", "추가", "장설치", "x"]),
    "gift": (text_rules._GIFT_CARD_BUY, text_rules._GIFT_CARD_HINT,
             ["구글기프트", "구글플레이", "기프트카드", "문화상품권", "상품권", "giftcard", "googleplay", "사줄", "구매해", "buy",
              "x"]),
    "gift_en": (text_rules._GIFT_CARD_BUY_EN, text_rules._GIFT_CARD_EN_HINT,
                ["buy", "purchase", "order", "get", "pickup", "grab", "me", "5", "$", "100", "amazon", "giftcard", "googleplay",
                 "itunes", "steamcard", ".", "x"]),
    "stock_gain": (text_rules._STOCK_GAIN, text_rules._STOCK_GAIN_WORDS,
                   ["+", "26", "5", ".", "%", "％", "↑", "이상", "상승", "수익", "상한가", "(", "상", ")", "급등", "폭등", "매집",
                    "세력", "정보주", "대장주", "주력주", "후속주", "다음종목", "종목찬스", "최소", "x"]),
}


def _unguarded(name: str, text: str) -> list[str]:
    """Matches of the guarded pattern in ``text`` that hold none of the guard's words."""
    pattern, words, _ = _GUARDED[name]
    return [
        match.group(0)
        for match in pattern.finditer(text)
        if not _plain_mentions(match.group(0), words)
    ]


@pytest.mark.parametrize("name", sorted(_GUARDED))
def test_every_match_of_a_guarded_pattern_contains_a_hint_word(name):
    @_SETTINGS
    @given(st.lists(st.sampled_from(_GUARDED[name][2]), max_size=8).map("".join))
    def check(text):
        assert _unguarded(name, text) == []

    check()


def test_guarded_patterns_on_real_messages(real_messages):
    for name in _GUARDED:
        for msg in real_messages:
            assert _unguarded(name, msg.compact) == [], (name, msg.compact)


# The patterns that rules search in the head, each skipped when the head holds none of its required words.
_HEAD_PATTERNS = {
    name: getattr(text_rules, name)
    for name in ("_PUBLIC_BODY", "_NOTICE_DELIVERED", "_CALL_UP_TEASER", "_COURT_POLICE", "_DELIVERY", "_INVITATION", "_PARCEL", "_PAYMENT",
                 "_NOT_YOU", "_NOT_YOU_EN", "_CANCEL", "_RENEWED", "_DONE", "_FOREIGN_DONE", "_LANDLINE_DONE", "_OVERSEAS", "_OVERSEAS_PURCHASE", "_INVESTMENT",
                 "_LOAN",
                 "_GOVERNMENT_BACKED", "_ACCOUNT", "_PRIZE", "_first_urgency")
}


def test_every_head_pattern_has_its_words():
    assert set(text_rules._HEAD_WORDS) == {id(pattern) for pattern in _HEAD_PATTERNS.values()}
    searched = re.findall(r"_search_head\((\w+), msg\)|_with_channel\((\w+), msg\)", (Path(text_rules.__file__).parent / "text.py").read_text())
    assert {a or b for a, b in searched} - {"pattern"} == set(_HEAD_PATTERNS)


def test_guarded_head_search_of_real_messages(real_messages):
    found = 0
    for msg in real_messages:
        for name, pattern in _HEAD_PATTERNS.items():
            plain = text_rules._search_head_plain(pattern, msg)
            assert text_rules._search_head(pattern, msg) == plain, (name, msg.head)
            found += plain is not None
    assert found > 500


def test_required_words_cases():
    cases = {
        "abc|de": {"abc", "de"},
        "ab(?:c)?|dd?e|fg*h": {"ab", "d", "f"},  # an optional character ends the literal before it
        "d?e": None,
        "x+y": None,  # (a repeated one too: simple, and on the safe side)
        r"\$\d+x|x\.y|a-b": {"$", "x.y", "a-b"},
        "주소(?<!url주소)잘못|소환(?:장|통지)|a{2}b|[ab]c(?:d|e)|z": None,  # a class at the start: no literal
        "(?:a|b)c": None,
        "^a|b": None,
        r"\bsend|x": None,
        "a(?:b|c)|d[|]e|f": {"a", "d", "f"},  # a | inside a class does not split
    }
    for source, expected in cases.items():
        if expected is None:
            with pytest.raises(ValueError):
                message.required_words(re.compile(source))
        else:
            assert message.required_words(re.compile(source)) == expected, source
    with pytest.raises(ValueError):
        message.required_words(re.compile("abc", re.IGNORECASE))


@pytest.mark.parametrize("name", [*sorted(set(_HEAD_PATTERNS) - {"_first_urgency"}), "_URGENCY", "_URGENCY_HOURS"])
def test_every_match_of_a_head_pattern_contains_one_of_its_words(name):
    pattern = getattr(text_rules, name)
    words = text_rules._HEAD_WORDS[id(text_rules._first_urgency if name.startswith("_URGENCY") else pattern)]

    @_SETTINGS
    @given(st.from_regex(pattern, fullmatch=True))
    def check(text):
        match = pattern.search(text)
        assert match is None or _plain_mentions(match.group(0), words), match.group(0)

    check()


def _plain_may_ask_credentials(text: str) -> bool:
    """The claim behind text_rules._may_ask_credentials, by substring tests."""
    return _plain_mentions(text, text_rules._CREDENTIAL_WORDS) or (
        _plain_mentions(text, text_rules._CREDENTIAL_VERBS) and _plain_mentions(text, text_rules._CREDENTIAL_NOUNS)
    )


@_SETTINGS
@given(st.from_regex(text_rules._CREDENTIAL, fullmatch=True))
def test_every_credential_match_has_the_narrow_guards_words(text):
    match = text_rules._CREDENTIAL.search(text)
    assert match is None or _plain_may_ask_credentials(match.group(0)), match.group(0)


@_SETTINGS
@given(st.from_regex(premium_rules._SHORT_CODE_REPLY, fullmatch=True))
def test_every_short_code_reply_match_has_a_reply_word(text):
    match = premium_rules._SHORT_CODE_REPLY.search(text)
    assert match is None or _plain_mentions(compact(match.group(0)), premium_rules._REPLY_WORDS), match.group(0)


def _plain_credential_request(msg: Message):
    if not _plain_mentions(msg.compact, text_rules._CREDENTIAL_HINT):
        return None
    found = text_rules._CREDENTIAL.search(msg.compact)
    return found.group(0) if found and not text_rules._NEGATED.search(msg.compact) else None


def _plain_government_loan_ad(msg: Message) -> bool:
    """Whether TEXT_GOVERNMENT_LOAN_AD fires, by substring tests instead of the hint scan."""
    text = msg.compact
    if not _plain_mentions(text, text_rules._SCHEME_WORDS):
        return False
    if not _plain_mentions(text, text_rules._SELECTED_WORDS):
        # The advert that sells its loan as the government's product (no "you were selected").
        if not (msg.is_advert and _plain_mentions(text, text_rules._GOVERNMENT_PRODUCT)
                and _plain_mentions(text, text_rules._LOAN_TERMS)):
            return False
    elif not (msg.is_advert or _plain_mentions(text, text_rules._LOAN_WORDS)):
        return False
    if _plain_mentions(text, text_rules._WARNING_WORDS):
        return False
    return not (any(u.official for u in msg.urls) or any(p.official for p in msg.phones))


@pytest.fixture(scope="module")
def kisa_messages() -> list[Message]:
    """Training-side KISA reports only (their illegal_loan rows hold this family)."""
    path = _SHARED_DATA / "ko_kisa_spam_reports_2022" / "data.csv"
    if not path.is_file():
        pytest.skip("../shared/data is absent")
    csv.field_size_limit(10**7)
    checker = Checker(model=None)
    with path.open(encoding="utf-8", newline="") as handle:
        texts = [row["text"] for row in itertools.islice(csv.DictReader(handle), 20_000) if row["text"].strip()]
    return [Message(text, None, checker.allowlist, checker.analyzer) for text in dict.fromkeys(texts)]


def test_government_loan_ad_of_real_messages(kisa_messages):
    fired = 0
    for msg in kisa_messages:
        found = text_rules.text_government_loan_ad(msg)
        assert (found is not None) == _plain_government_loan_ad(msg), msg.compact
        fired += found is not None
    assert fired > 5


@_SETTINGS
@given(st.lists(st.sampled_from(["(광고)", "정책자금", "특례보증", "귀하", "대상자로", "미신청", "대출", "융자", "사칭", "스미싱",
                                 "정부지원자금", "정부에서지원", "한도",
                                 "1397", "02-555-0000", "www.kinfa.or.kr", "안내", " ", "x"]),
                max_size=8).map("".join))
def test_government_loan_ad_property(text):
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert (text_rules.text_government_loan_ad(msg) is not None) == _plain_government_loan_ad(msg)


def _plain_premium_rate(msg: Message):
    compact_text = msg.compact
    maybe_number = "09" in compact_text or "087" in compact_text
    maybe_reply = "to" in compact_text
    if not (maybe_number or maybe_reply) or premium_rules._HANGUL.search(compact_text):
        return None
    lower = msg.text.lower()
    found = (maybe_number and premium_rules._PREMIUM_NUMBER.search(lower)) or (
        maybe_reply and premium_rules._SHORT_CODE_REPLY.search(lower)
    )
    return found.group(0) if found else None


def test_guarded_rules_and_notice_topics_of_real_messages(real_messages):
    fired = {"credential": 0, "premium": 0, "topic": 0}
    for msg in real_messages:
        credential = text_rules.text_credential_request(msg)
        assert credential == _plain_credential_request(msg), msg.compact
        premium = premium_rules.text_premium_rate(msg)
        assert premium == _plain_premium_rate(msg), msg.text
        assert msg.mentions_notice_topic == msg.mentions_notice_topic_plain(), msg.compact
        fired["credential"] += credential is not None
        fired["premium"] += premium is not None
        fired["topic"] += msg.mentions_notice_topic
    assert min(fired.values()) > 5, fired


@_SETTINGS
@given(st.lists(st.sampled_from(["send", "me", "your", "pin", "code", "text", "txt", "to", "80086", "sms", "reply", " ",
                                 "09061234567", "087", "인증번호", "알려", "비번", "카드앞뒤", "찍어", "사진", "소비쿠폰", "x"]),
                max_size=10).map("".join))
def test_guarded_rules_property(text):
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert text_rules.text_credential_request(msg) == _plain_credential_request(msg)
    assert premium_rules.text_premium_rate(msg) == _plain_premium_rate(msg)
    assert msg.mentions_notice_topic == msg.mentions_notice_topic_plain()


@functools.cache
def _checker() -> Checker:
    return Checker(model=None)


def test_notice_topics_of_another_allowlist_are_searched_by_its_pattern(tmp_path):
    source = Path(str(resources.files("allowlist")))
    for path in source.iterdir():
        if path.is_file():
            (tmp_path / path.name).write_bytes(path.read_bytes())
    notices = (tmp_path / "notices.toml").read_text(encoding="utf-8")
    (tmp_path / "notices.toml").write_text(notices.replace("topic_keywords = [", 'topic_keywords = ["새주제어", '),
                                           encoding="utf-8")
    allowlist = load_allowlist(tmp_path)
    assert "새주제어" in allowlist.notice_topic_words and not HINTS.covers(allowlist.notice_topic_words)
    checker = _checker()
    for text in ("새주제어 안내", "민생회복 소비쿠폰", "아무 관계 없는 문장"):
        msg = Message(text, None, allowlist, checker.analyzer)
        assert msg.mentions_notice_topic == msg.mentions_notice_topic_plain() == (text != "아무 관계 없는 문장"), text


def _plain_may_name_messenger(text: str) -> bool:
    """The claim behind Message._may_name_messenger, by substring tests."""
    return (
        _plain_mentions(text, message._CHAT_NAMES)
        or _plain_mentions(text, message._OPEN_CHAT)
        or (_plain_mentions(text, message._MESSENGER_NAMES) and _plain_mentions(text, message._MESSENGER_SUFFIXES))
        or (_plain_mentions(text, message._ID_WORDS) and _plain_mentions(text, message._ADD_WORDS))
    )


@_SETTINGS
@given(st.from_regex(message._MESSENGER, fullmatch=True))
def test_every_messenger_match_has_the_narrow_guards_words(text):
    match = message._MESSENGER.search(text)
    assert match is None or _plain_may_name_messenger(match.group(0)), match.group(0)


def _plain_find_messenger(msg: Message) -> str | None:
    match = message._MESSENGER.search(msg.compact) if _plain_mentions(msg.compact, message._MESSENGER_HINT) else None
    if match:
        return match.group(0)
    for url in msg.urls:
        if (url.host in message._MESSENGER_HOSTS or url.registered_domain in message._MESSENGER_HOSTS) and not (
            message._is_login_link(url)
        ):
            return url.url
    return None


def test_messenger_contacts_of_real_messages(real_messages):
    found = 0
    for msg in real_messages:
        contact = msg._find_messenger()
        assert contact == _plain_find_messenger(msg), msg.compact
        found += contact is not None
    assert found > 20


@_SETTINGS
@given(st.lists(st.sampled_from(["카톡", "라인", "온라인", "텔레", "wechat", "id", "아이디", ":", "@", "abcd", "추가", "검색",
                                 "오픈톡", "t.me/", "kakao", " ", "x", "카카오", "카카오톡", "문의", "상담", "https", ".com",
                                 "bank"]), max_size=8).map("".join))
def test_messenger_contact_property(text):
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert msg._find_messenger() == _plain_find_messenger(msg)


@pytest.mark.parametrize(("text", "contact"), [
    ("접속문의는 카카오: SITE9", "카카오:site9"),
    ("카톡문의: top89012", "카톡문의:top89012"),
    ("요율상담 카카오ano24", "카카오ano24"),
    ("텔레 문의: MAX77QQ", "텔레문의:max77qq"),
    ("채용담당 카카오톡 : y3765", "카카오톡:y3765"),
    ("카톡:abc878/abc868", "카톡:abc878"),
    # A link, a host, an e-mail, a Kakao product, an English word after the name, 온라인: no messenger ID.
    ("궁금하신 점은 카카오톡 문의 https://www.kakaobank.com", None),
    ("카톡 문의 www.example.com", None),
    ("카톡문의 abcd.co.kr", None),
    ("카톡문의 abcd@example.com", None),
    ("카카오bank 이용 고객", None),
    ("카카오톡 channel 추가", None),
    ("카카오T 호출", None),
    ("온라인 sale 진행 중", None),
    ("프리미엄 라인 SALE", None),
    ("텔레그램 channel", None),
    # Telegram's own login link beside its login code opens Telegram, no one's chat; other t.me links are chats.
    ("Telegram code: 48213 You can also tap on this link to log in: https://t.me/login/48213", None),
    ("텔레그램 로그인 코드 51822 https://t.me/login/51822", None),
    ("Join our VIP room https://t.me/login_vip_room", "t.me/"),
    ("상담은 https://t.me/abc_help", "t.me/"),
    ("For payout contact me on Telegram @fastpay_desk", "telegram@fastpay_desk"),
])
def test_messenger_contact_cases(text, contact):
    checker = _checker()
    assert Message(text, None, checker.allowlist, checker.analyzer).messenger == contact


def _plain_may_tell_of_a_broken_phone(text: str) -> bool:
    """The claim behind text_rules._may_tell_of_a_broken_phone, by substring tests."""
    return _plain_mentions(text, text_rules._NEW_PHONE_PHRASES) or (
        _plain_mentions(text, text_rules._PHONE_NOUNS) and _plain_mentions(text, text_rules._MISHAPS)
    )


@_SETTINGS
@given(st.from_regex(text_rules._BROKEN_PHONE, fullmatch=True))
def test_every_broken_phone_match_has_the_narrow_guards_words(text):
    match = text_rules._BROKEN_PHONE.search(text)
    assert match is None or _plain_may_tell_of_a_broken_phone(match.group(0)), match.group(0)


def _plain_broken_phone(msg: Message) -> str | None:
    """The broken-phone search behind the older guard only (the reference of the narrower one)."""
    if not _plain_mentions(msg.compact, text_rules._BROKEN_HINT):
        return None
    match = text_rules._BROKEN_PHONE.search(msg.compact)
    return match.group(0) if match else None


def _guarded_broken_phone(msg: Message) -> str | None:
    return text_rules._search(text_rules._BROKEN_PHONE, msg) if text_rules._may_tell_of_a_broken_phone(msg) else None


def test_broken_phone_guard_on_real_messages(real_messages):
    found = 0
    for msg in real_messages:
        broken = _guarded_broken_phone(msg)
        assert broken == _plain_broken_phone(msg), msg.compact
        assert text_rules.text_family_impersonation(msg) == _family_with_the_older_guard(msg), msg.compact
        found += broken is not None
    assert found > 20


@_SETTINGS
@given(st.lists(st.sampled_from(["폰", "핸드폰", "휴대전화", "액정", "이", "깨", "고장", "나가", "지금", "번호", "를", "가", "바꿨",
                                 "변경", "임시폰", "새번호", "다른아이디", "lost", "my", "phone", "newnumber", "엄마", "송금",
                                 "상품권", "사서", "부탁", " ", ".", "x"]), max_size=8).map("".join))
def test_broken_phone_guard_property(text):
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert _guarded_broken_phone(msg) == _plain_broken_phone(msg)
    assert text_rules.text_family_impersonation(msg) == _family_with_the_older_guard(msg)


def _family_with_the_older_guard(msg: Message):
    """text_family_impersonation with the broken-phone search behind the older guard only."""
    original = text_rules._may_tell_of_a_broken_phone
    text_rules._may_tell_of_a_broken_phone = lambda m: _plain_mentions(m.compact, text_rules._BROKEN_HINT)
    try:
        return text_rules.text_family_impersonation(msg)
    finally:
        text_rules._may_tell_of_a_broken_phone = original


# The credential pattern as it was written before its group alternative was written out (each_then).
_CREDENTIAL_GROUPED = re.compile(
    text_rules._CREDENTIAL.pattern.replace(
        "|" + message.each_then(("카드", "통장", "계좌", "인증서"), r"(?:비밀번호|비번)(?:은|는|이|가)?뭐"),
        r"|(?:카드|통장|계좌|인증서)(?:비밀번호|비번)(?:은|는|이|가)?뭐",
    )
)


def _first_match(pattern: re.Pattern[str], text: str):
    match = pattern.search(text)
    return match and (match.span(), match.group(0))


def test_credential_pattern_is_the_grouped_one():
    assert _CREDENTIAL_GROUPED.pattern != text_rules._CREDENTIAL.pattern
    for text in ("엄마 신용카드 비번은 뭐야?", "통장비밀번호가뭐", "계좌비번뭐", "인증서비밀번호는뭐", "카드번호알려", "카드비번", "x"):
        assert _first_match(text_rules._CREDENTIAL, compact(text)) == _first_match(_CREDENTIAL_GROUPED, compact(text))


def test_credential_pattern_on_real_messages(real_messages):
    for msg in real_messages:
        assert _first_match(text_rules._CREDENTIAL, msg.compact) == _first_match(_CREDENTIAL_GROUPED, msg.compact)


@_SETTINGS
@given(st.lists(st.sampled_from(["카드", "통장", "계좌", "인증서", "비밀번호", "비번", "은", "가", "뭐", "번호", "알려", "주민",
                                 "사진", "찍어", "send", "your", "pin", ".", "x"]), max_size=10).map("".join))
def test_credential_pattern_property(text):
    assert _first_match(text_rules._CREDENTIAL, text) == _first_match(_CREDENTIAL_GROUPED, text)


def test_body_and_head_of_real_messages(real_messages):
    plain_split = re.compile(r"(?<=[가-힣])(?:[^\w가-힣]{1,3}|_{1,3})(?=[가-힣])")
    for msg in real_messages:
        assert msg.body == message._PREFIX.sub("", msg.prose), msg.prose
        assert msg.head == plain_split.sub("", msg.body[: message.HEAD_LENGTH + 50])[: message.HEAD_LENGTH]


@_SETTINGS
@given(st.lists(st.sampled_from(["[web발신]", "(광고)", "<광고>", "[알림]", "[", "(", "<", "광고", "가", "나", "_", ".", " ",
                                 "A", "é", "ㄱ", "1", "x"]), max_size=10).map("".join))
def test_body_property(text):
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert msg.body == message._PREFIX.sub("", msg.prose)


def _plain_prose(msg: Message) -> str:
    text = msg.text
    for url in msg.urls:
        text = text.replace(url.url, " ")
    return normalize.plain_compact(text) if msg.urls else msg.compact


def test_prose_of_real_messages(real_messages):
    # ``prose`` skips ``compact``'s printable scan when normalisation found the squeezed raw text printable.
    assert sum(bool(msg.urls) for msg in real_messages) > 1_000
    for msg in real_messages:
        assert msg.prose == _plain_prose(msg), msg.text


@_SETTINGS
@given(st.lists(st.sampled_from(["evil.com", "http://x.kr/a", "bit.ly/Ab", " ", "\n", "\t", "\u3000", "\x85", "\u200b",
                                 "\u3164", "가", "A", "Σ", "İ", "ｘ.com", "[.]", "hxxp://y.kr", "."]), max_size=12).map("".join))
def test_prose_property(text):
    if not text.strip():
        return
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert msg.prose == _plain_prose(msg)


_PLAIN_SPLIT = re.compile(r"(?<=[가-힣])(?:[^\w가-힣]{1,3}|_{1,3})(?=[가-힣])")


@_SETTINGS
@given(st.lists(st.sampled_from(["가", "나", "_", "__", ".", "*", "/", " ", "-", "A", "b", "1", "é", "ㄱ", "!?", "\n",
                                 "건*강*검*진", "Free... entry!", "(광고)"]), max_size=40).map("".join))
def test_head_property(text):
    """``Message.head`` skips the separator pass on an ASCII opening (no Hangul: nothing to join)."""
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert msg.head == _PLAIN_SPLIT.sub("", msg.body[: message.HEAD_LENGTH + 50])[: message.HEAD_LENGTH]


def _plain_phone_international(msg: Message):
    found = next((p.number for p in msg.callbacks if p.kind == "international"), None)
    if found:
        return found
    sender = msg.sender_phone
    return f"sender {sender.number}" if sender is not None and sender.kind == "international" else None


def test_phone_international_of_real_messages(real_messages):
    checker = _checker()
    for msg in real_messages:
        assert phone_rules.phone_international(msg) == _plain_phone_international(msg), msg.text
    for text, sender in (("전화 +1 415 555 0100", None), ("안녕", "+44 20 7946 0958"), ("010-1234-5678", None)):
        msg = Message(text, sender, checker.allowlist, checker.analyzer)
        assert phone_rules.phone_international(msg) == _plain_phone_international(msg), text


@_SETTINGS
@given(st.from_regex(text_rules._ACCOUNT, fullmatch=True))
def test_every_account_match_has_a_state_word(text):
    match = text_rules._ACCOUNT.search(text)
    assert match is None or _plain_mentions(match.group(0), text_rules._ACCOUNT_STATES), match.group(0)


def test_account_alert_of_real_messages(real_messages):
    fired = 0
    for msg in real_messages:
        alert = text_rules._account_words(msg)  # (the rule itself also steps aside for TEXT_PAYMENT_SCARE)
        assert alert == text_rules._with_channel(text_rules._ACCOUNT, msg), msg.head
        fired += alert is not None
    assert fired > 20


@_SETTINGS
@given(st.lists(st.sampled_from(["계정", "카드", "계좌", "이", "가", "정지", "잠금", "비밀번호", "만료", "본인인증", "필요", "해외",
                                 "에서", "로그인", "account", "id", "is", "locked", "unusual", "activity", "http://x.xyz",
                                 "010-1234-5678", " ", ".", "x"]), max_size=10).map("".join))
def test_account_alert_property(text):
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert text_rules._account_words(msg) == text_rules._with_channel(text_rules._ACCOUNT, msg)


def _plain_find_app_install(msg: Message) -> str | None:
    for match in message._APP_INSTALL.finditer(msg.compact):
        if not message._NEGATION_AFTER.match(msg.compact, match.end()):
            return match.group(0)
    return next((url.url for url in msg.urls if "apk" in url.flags), None)


def test_app_install_of_real_messages(real_messages):
    found = 0
    for msg in real_messages:
        app = msg._find_app_install()
        assert app == _plain_find_app_install(msg), msg.compact
        found += app is not None
    assert found > 20


def test_contact_facts_of_real_messages(real_messages):
    # Through ``Message._contacts``, which skips both searches on a message without links and hint words.
    for msg in real_messages:
        assert msg.app_install == _plain_find_app_install(msg), msg.compact
        assert msg.messenger == _plain_find_messenger(msg), msg.compact
        opening = msg.compact[:24]
        assert msg.is_advert == ("(광고)" in opening or "[광고]" in opening or "<광고>" in opening), msg.compact


@_SETTINGS
@given(st.lists(st.sampled_from(["앱", "설치", "하지", "마세요", "apk", "http://x.com/a.apk", "http://x.com", "팀뷰어", " ", "x"]),
                max_size=8).map("".join))
def test_app_install_property(text):
    checker = _checker()
    msg = Message(text, None, checker.allowlist, checker.analyzer)
    assert msg._find_app_install() == _plain_find_app_install(msg)


def test_covers_remembers_the_group_last_covered_and_stays_exact():
    from checker.message import HintWords

    hints = HintWords()
    first = hints.add(("가나", "다라"))
    other = frozenset(("가나", "마바"))
    assert hints.covers(first) and hints.covers(first)  # the second answer is the remembered one
    assert not hints.covers(other) and hints.covers(first)
    hints.add(("마바",))
    assert hints.covers(other) and hints.covers(first) and hints.covers(frozenset(("다라",)))
    assert not hints.covers(frozenset(("사아",)))
