"""The speed-ups of the rule side (facts, rules, verdict building) give exactly the answers of the plain
code they replace; see tests/test_fast_paths.py for the style."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import phones
from checker.verdict import Advice, Hit, PhoneInfo, UrlInfo, Verdict, make_hit, make_phone, make_verdict

_HIT = ("URL_APK", 6.0, "한국어", "English", "evil.apk", "url")
_PHONE = ("01012345678", "mobile", False, None, None, True)
_URL = UrlInfo(url="http://a.kr", host="a.kr", registered_domain="a.kr", official=False, flags=("unknown",))


@pytest.mark.parametrize(
    ("builder", "cls", "args"),
    [
        (make_hit, Hit, _HIT),
        (make_phone, PhoneInfo, _PHONE),
        (make_verdict, Verdict, ("high", 0.7, (Hit(*_HIT),), (_URL,), (PhoneInfo(*_PHONE),), Advice("k", "e"), {"a": "b"})),
    ],
)
def test_builders_give_the_constructors_objects(builder, cls, args):
    # A field added to the class but not to its builder would be missing from the built object.
    assert list(inspect.signature(builder).parameters) == [f.name for f in dataclasses.fields(cls)]
    built, constructed = builder(*args), cls(*args)
    assert type(built) is cls
    assert built == constructed
    if cls is not Verdict:  # a Verdict holds a dict: not hashable either way
        assert hash(built) == hash(constructed)
    assert vars(built) == vars(constructed)
    assert repr(built) == repr(constructed)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.score = 0  # still frozen


def _corpus_messages():
    import tomllib
    from pathlib import Path

    from checker import Checker
    from checker.message import Message

    checker = Checker(model=None)
    texts = ["앱 설치하세요 http://evil.xyz/a.apk", "카톡 아이디 abcd123 추가", "1588-1234 로 연락", "010-1234-5678 문의",
             "민생회복 소비쿠폰 신청 https://a.xyz", "안녕하세요", "[국제발신] 070-1234-5678 해외결제 승인"]
    for path in sorted((Path(__file__).resolve().parent / "corpus").glob("*.toml")):
        texts += [case["text"] for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", [])]
    return [Message(text, None, checker.allowlist, checker.analyzer) for text in texts]


def _plain_contacts(msg) -> dict:
    from checker import message

    risky_urls = [u for u in msg.urls if not u.official and "government_registry" not in u.flags]
    callbacks = [p for p in msg.phones if not p.official and p.kind not in message._NOT_CALLBACK_KINDS
                 and "*" not in p.number and "X" not in p.number]
    risky_callbacks = [p for p in callbacks if p.kind in message._RISKY_KINDS
                       and (p.kind != "representative" or p.number[:4] in msg.head_digits)]
    app_install = msg._find_app_install()
    messenger = msg._find_messenger()
    if risky_urls:
        channel = risky_urls[0].url
    elif risky_callbacks:
        channel = risky_callbacks[0].number
    else:
        channel = app_install or messenger
    uncommon_url_flags = {flag for url in msg.urls for flag in url.flags} - {"unknown", "shortener"}
    return {"risky_urls": risky_urls, "callbacks": callbacks, "risky_callbacks": risky_callbacks,
            "app_install": app_install, "messenger": messenger, "action_channel": channel,
            "uncommon_url_flags": uncommon_url_flags, "reachable": bool(callbacks or channel or msg.sender)}


def test_contact_facts_computed_at_once_match_the_plain_definitions():
    messages = _corpus_messages()
    assert any(m.action_channel for m in messages) and not all(m.action_channel for m in messages)
    for msg in messages:
        expected = _plain_contacts(msg)
        assert {name: getattr(msg, name) for name in expected} == expected, msg.raw[:60]
        assert msg.mentions_notice_topic == bool(msg.notice_topics), msg.raw[:60]


_PHONEISH = st.lists(
    st.sampled_from(list("0123456789+()- .*xX?원,가a") + ["010", "112", "1588", "02", "070", "+82 ", "00", "1332", "국번없이 "]),
    max_size=30,
).map("".join)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_PHONEISH)
def test_short_runs_without_a_1_hold_no_number(text):
    plain = [m.span() for run in phones._RUN.finditer(text) for m in phones._ANY.finditer(text, *run.span())]
    assert [(start, start + len(written)) for _, written, _, start in phones._matches(text)] == plain


def test_short_run_cases():
    for text in ["문의 112", "(1) 2022.", "10,000원", "국번없이 1332", "+1 555 0100", "1588-1234", "15881234", "2345678"]:
        plain = [m.span() for run in phones._RUN.finditer(text) for m in phones._ANY.finditer(text, *run.span())]
        assert [(start, start + len(written)) for _, written, _, start in phones._matches(text)] == plain, text


# --- family money requests: the hint scan before the family-word search ----------------------------------

_FAMILY_FRAGMENTS = ["엄마", "이모", "삼촌", "형", "mom ", "나 ", "부탁", "대신", "해줄래", "이체좀", "결제좀", "입금",
                     "비밀번호 오류", "오류초과", "인증서가 만료", "인증스 오류", "이체가 안돼", "송금을 못해", "한도 초과",
                     "구글기프트카드 사서", "문화상품권 사줄", "giftcard buy", "googleplay 사다", "상품권", "기프트",
                     "편의점", "  ", ".", "?", "1234", "ok"]


def _family_request_gated_and_plain(text):
    from checker.allowlist import default_allowlist
    from checker.message import Message
    from checker.rules import text as rules_text
    from checker.urls import default_analyzer

    message = Message(text or "x", None, default_allowlist(), default_analyzer())
    gated = rules_text._family_money_request(message)
    # The plain version: the same decisions without the hint scan.
    family = rules_text._FAMILY.search(message.compact[:80])
    cannot_pay = rules_text._CANNOT_PAY.search(message.compact)
    if family and cannot_pay and rules_text._PAY_FOR_ME.search(message.compact):
        plain = f"{family.group(0)} + {cannot_pay.group(0)}"
    else:
        gift = rules_text._GIFT_CARD_BUY.search(message.compact)
        plain = gift.group(0) if gift and rules_text._PAY_FOR_ME.search(message.compact) else None
    found = gated.evidence if gated is not None and not isinstance(gated, str) else gated
    return found, plain


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_FAMILY_FRAGMENTS), max_size=8))
def test_family_money_request_hint_scan_loses_nothing(fragments):
    found, plain = _family_request_gated_and_plain("".join(fragments))
    assert found == plain


@pytest.mark.parametrize("phrase", [f for f in _FAMILY_FRAGMENTS if f.strip() and not f.isascii() or "buy" in f or "사다" in f])
def test_family_money_request_each_phrase_alone(phrase):
    # Each phrase as the only possible hint, with a family word and an ask that are no hints themselves.
    found, plain = _family_request_gated_and_plain(f"엄마 {phrase} 대신 해줄래")
    assert found == plain


# --- MODEL_TEXT: the finding by bisection against the formatted figures ------------------------------------------


def _probabilities_around_the_steps():
    import math

    from checker.rules import model as rules_model

    for point in rules_model._STEPS.points:
        below, above = math.nextafter(point, 0.0), math.nextafter(point, 2.0)
        yield from (p for p in (math.nextafter(below, 0.0), below, point, above, math.nextafter(above, 2.0)) if 0 < p <= 1)


def test_model_finding_by_step_is_the_formatted_one_at_every_step():
    from checker.rules import model as rules_model

    probabilities = list(_probabilities_around_the_steps())
    assert len(probabilities) > 500
    for probability in probabilities + [1e-300, 5e-324, 0.5, 0.99, 1.0, 0.9999999999999999]:
        assert rules_model._STEPS.finding(probability) == rules_model.plain_finding(probability), probability


def test_model_finding_steps_cover_every_figure():
    # Every shown figure from 0.01 to 1.00 and from 1 % to 100 % starts at one of the points.
    from checker.rules import model as rules_model

    starts_2f = {f"{p:.2f}" for p in rules_model._STEPS.points}
    starts_percent = {f"{p:.0%}" for p in rules_model._STEPS.points}
    assert {f"{k / 100:.2f}" for k in range(1, 101)} <= starts_2f
    assert {f"{k}%" for k in range(1, 101)} <= starts_percent


@settings(max_examples=3000, deadline=None)
@given(st.floats(min_value=0.0, max_value=1.0, exclude_min=True))
def test_model_finding_by_step_is_the_formatted_one_for_any_probability(probability):
    from checker.rules import model as rules_model

    assert rules_model._STEPS.finding(probability) == rules_model.plain_finding(probability)


@pytest.mark.parametrize("probability", [0.0, -0.0, 1.5, float("nan"), float("inf"), -0.2])
def test_model_rule_formats_what_is_no_probability(probability):
    from types import SimpleNamespace

    from checker.rules import model as rules_model

    message = SimpleNamespace(model_probability=probability, model_threshold=-1.0)  # (NaN < -1.0 is False too)
    assert rules_model.model_text(message) == rules_model.plain_finding(probability)


# _NUMBER_CHANGED with its look-behinds before "번호", as it was written first (a look-behind opening an alternative
# leaves the regex engine no first characters to skip to: every position is tried). The form after "번호" must
# match exactly the same spans.
_NUMBER_CHANGED_BEFORE = (
    r"(?<!비밀)(?<!차량)(?<!계좌)(?<!카드)(?<!고객)(?<!주민)(?<!등록)(?<!회원)(?<!주문)(?<!송장)(?<!사업자)"
    r"번호(?:를|가)?(?:바꿨|바뀌|바꿔|변경)(?!되면|되시면|되실|되었을|되는|시|하시|하실|하려|을|은|신청|하기|방법|면)"
)
_NUMBER_PIECES = ["번호", "비밀", "차량", "계좌", "카드", "고객", "주민", "등록", "회원", "주문", "송장", "사업자", "사업", "자",
                  "를", "가", "바꿨", "바뀌", "바꿔", "변경", "되면", "시", "을", "신청", "면", "엄마", "폰", "임시", "새", "x"]


def _number_changed_spans(source: str, text: str) -> list[tuple[int, int]]:
    import re

    return [match.span() for match in re.finditer(source, text)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_NUMBER_PIECES), max_size=10).map("".join))
def test_number_changed_look_behinds_after_the_literal(text):
    from checker.rules import text as text_rules

    assert _number_changed_spans(text_rules._NUMBER_CHANGED, text) == _number_changed_spans(
        _NUMBER_CHANGED_BEFORE, text
    )
    for pattern in (text_rules._BROKEN_PHONE, text_rules._NEW_CHANNEL):
        before = pattern.pattern.replace(text_rules._NUMBER_CHANGED, _NUMBER_CHANGED_BEFORE)
        assert _number_changed_spans(pattern.pattern, text) == _number_changed_spans(before, text)


def test_number_changed_cases():
    from checker.rules import text as text_rules

    cases = ["엄마 번호 바꿨어", "비밀번호 변경", "차량번호변경", "사업자번호가변경", "번호가 변경되면", "번호변경시", "새번호야 번호를바꿔",
             "카드번호를바꿨", "번호번호변경", "ㅎ번호가바뀌었어"]
    for text in cases:
        assert _number_changed_spans(text_rules._NUMBER_CHANGED, text) == _number_changed_spans(
            _NUMBER_CHANGED_BEFORE, text
        ), text


def _with_channel_fraud_first(pattern, msg):
    """``_with_channel`` as first written: the fraud-warning test before the search (now it follows a match)."""
    from checker.rules import text as text_rules

    if not msg.action_channel or text_rules._is_fraud_warning(msg):
        return None
    found = text_rules._search_head_plain(pattern, msg)
    return f"{found} + {msg.action_channel}" if found else None


def test_fraud_warning_asked_after_the_lure_gives_the_same_answers():
    from checker.rules import text as text_rules

    patterns = [text_rules._PUBLIC_BODY, text_rules._COURT_POLICE, text_rules._DELIVERY, text_rules._INVESTMENT,
                text_rules._LOAN, text_rules._first_urgency, text_rules._ACCOUNT, text_rules._PRIZE]
    warnings_with_a_lure = 0
    for msg in _corpus_messages():
        for pattern in patterns:
            found = text_rules._with_channel(pattern, msg)
            assert found == _with_channel_fraud_first(pattern, msg), (repr(pattern)[:40], msg.text)
            warnings_with_a_lure += bool(
                msg.action_channel and text_rules._search_head_plain(pattern, msg) and text_rules._is_fraud_warning(msg)
            )
    assert warnings_with_a_lure > 0  # the corpus holds fraud warnings that quote a lure beside a channel
