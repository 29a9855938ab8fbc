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
    return {"risky_urls": risky_urls, "callbacks": callbacks, "risky_callbacks": risky_callbacks,
            "app_install": app_install, "messenger": messenger, "action_channel": channel}


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
    assert [m.span() for m in phones._matches(text)] == plain


def test_short_run_cases():
    for text in ["문의 112", "(1) 2022.", "10,000원", "국번없이 1332", "+1 555 0100", "1588-1234", "15881234", "2345678"]:
        plain = [m.span() for run in phones._RUN.finditer(text) for m in phones._ANY.finditer(text, *run.span())]
        assert [m.span() for m in phones._matches(text)] == plain, text
