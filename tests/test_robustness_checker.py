"""Hostile input for the checker: property-based tests (hypothesis) on ``check()``, ``Checker.check_many()``
and the JSON Lines batch, plus the inputs the fuzzer (``fuzz/``) found, replayed as regression cases.

Properties: the only exception is ``InputError``, and only for input that cannot be checked (not text,
empty or blank, too long, a sender that is not text); every verdict round-trips through ``to_dict()``
and JSON; ``risk`` is a known level; advice is always there and names 118; hosts are ASCII; the batch
writes exactly one line per non-blank input line, in order. No timing here (see test_regex_linear.py).
"""

from __future__ import annotations

import io
import json
import math
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from checker import MAX_TEXT_LENGTH, RISK_LEVELS, Checker, InputError, Item, Verdict
from checker.allowlist import default_allowlist
from checker.cli import run_batch
from checker.normalize import normalize
from checker.phones import find_phones
from checker.urls import default_analyzer

FUZZ_DIR = Path(__file__).resolve().parents[1] / "fuzz"
sys.path.insert(0, str(FUZZ_DIR))
from fuzz_invariants import check_invariants  # shared with the fuzz target

# Rules only: the properties are about the pipeline, and the rule layer is where text is parsed.
# One test below runs the shipped model too.
CHECKER = Checker(model=None)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies ---------------------------------------------------------------------------------------

# Characters that broke or fooled text handlers elsewhere: lone surrogates, bidi overrides, zero-width
# and filler characters, combining marks, NUL and C0/C1 controls, odd line breaks, full-width forms,
# ideographic full stops, emoji (sequences with joiners and flags are in FRAGMENTS).
NASTY_CHARS = [
    "\ud800", "\udbff", "\udc00", "\udfff", "\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200d",
    "\ufeff", "\u3164", "\uffa0", "\u00ad", "\u0301", "\u0338", "\u20dd", "\x00", "\x01", "\x1b", "\x7f",
    "\x85", "\x9f", "\r", "\n", "\t", "\x0b", "\x0c", "\u2028", "\u2029", "\u3000", "\u00a0", "ｈ", "：",
    "／", "。", "｡", "\u2024", "\U0001f600", "\U000e0041", "\U0010ffff",
]
# Pieces of links, numbers and lures, so that random text reaches the URL, phone and rule code.
FRAGMENTS = [
    "http://", "https://", "hxxp://", "h t t p s : / /", "[.]", "(.)", "[dot]", " dot ", ". com", ".com", ".kr",
    ".xyz", ".한국", "www.", "xn--", "xn--80ak6aa92e", "han.gl/", "bit.ly/", "kbstar.com", "@", ":8080", "/a?b=1",
    "#x", ".apk", "192.168.0.1", "0x7f.1", "[::1]", "010-1234-5678", "02)123-4567", "1588-1234", "+82 10 ",
    "+1 (415) 555-0100", "00700", "010-****-", "01X-XXXX-XXXX", "118", "국번없이 ", "☎", "[국외발신]", "[Web발신]",
    "민생회복 소비쿠폰", "택배 주소 불일치", "과태료", "검찰청", "신한카드입니다", "앱 설치", "카톡 아이디", "엄마 폰 고장",
    "신분증 사진 보내", "오늘까지", "24시간이내", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "\U0001f1f0\U0001f1f7",
    "a" * 63, ".", "-", " ", "\n", "가", "ㅋㅋ", "0", "1",
]
nasty_text = st.text(
    alphabet=st.one_of(st.characters(codec=None), st.sampled_from(NASTY_CHARS),
                       st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)),
    max_size=300,
)
message_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), nasty_text), max_size=40).map("".join)
any_text = st.one_of(nasty_text, message_like)


@st.composite
def huge_text(draw):
    """A unit (a fragment or random text) repeated up to MAX_TEXT_LENGTH characters."""
    unit = draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=12)))
    length = draw(st.one_of(st.integers(1, 2_000), st.integers(MAX_TEXT_LENGTH - 10, MAX_TEXT_LENGTH),
                            st.integers(1, MAX_TEXT_LENGTH)))
    return (unit * (length // len(unit) + 1))[:length]


wrong_types = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
senders = st.one_of(st.none(), st.sampled_from(["01012345678", "+82 10-1234-5678", "1588-1234", "#", ""]), any_text)

# --- oracles ------------------------------------------------------------------------------------------


def is_checkable(text: object) -> bool:
    return (
        isinstance(text, str)
        and bool(text.strip())
        and len(text) <= MAX_TEXT_LENGTH
        and not any("\ud800" <= ch <= "\udfff" for ch in text)  # lone surrogates are refused
    )


def is_sender(sender: object) -> bool:
    return sender is None or (isinstance(sender, str) and not any("\ud800" <= ch <= "\udfff" for ch in sender))


def assert_sound(verdict: Verdict) -> None:
    assert verdict.risk in RISK_LEVELS
    assert 0.0 <= verdict.score <= 1.0 and not math.isnan(verdict.score)
    assert Verdict.from_dict(verdict.to_dict()) == verdict
    # What the API and storage do: JSON text and back (surrogates never reach a verdict).
    assert Verdict.from_dict(json.loads(json.dumps(verdict.to_dict(), ensure_ascii=False))) == verdict
    assert "118" in verdict.advice.ko and "118" in verdict.advice.en
    for info in verdict.urls:
        assert info.url and info.host.isascii() and info.registered_domain.isascii()
    for phone in verdict.phones:
        assert phone.number


def check_or_input_error(text: object, sender: object = None) -> Verdict | None:
    try:
        verdict = CHECKER.check(text, sender=sender)  # type: ignore[arg-type]
    except InputError as exc:
        assert not is_checkable(text) or not is_sender(sender), exc
        assert str(exc) and "/" in str(exc)  # Korean first, then English
        return None
    assert is_checkable(text) and is_sender(sender)
    assert_sound(verdict)
    return verdict


# --- check() and check_many() -------------------------------------------------------------------------


@SETTINGS
@given(text=any_text, sender=senders)
@example(text="\ud800", sender=None)
@example(text="\u202e\u200b\u3164", sender=None)  # nothing visible: checkable, and nothing found
@example(text="h\u0301ttps://e\u0301vil.com", sender="\x00")
@example(text="[.]" * 500, sender=None)
def test_check_accepts_any_text_or_raises_input_error(text, sender):
    check_or_input_error(text, sender)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=huge_text())
def test_check_huge_and_repeated_input(text):
    check_or_input_error(text)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\t\r ", "\u3000\u00a0\u2003", "x" * (MAX_TEXT_LENGTH + 1), "가" * (MAX_TEXT_LENGTH + 1)],
    ids=["empty", "space", "whitespace", "unicode-spaces", "too-long-ascii", "too-long-hangul"],
)
def test_uncheckable_text_is_an_input_error(text):
    with pytest.raises(InputError):
        CHECKER.check(text)


def test_longest_accepted_text_is_checked():
    assert_sound(CHECKER.check("가" * MAX_TEXT_LENGTH))


@SETTINGS
@given(value=wrong_types)
def test_wrong_types_are_input_errors(value):
    with pytest.raises(InputError):
        CHECKER.check(value)  # type: ignore[arg-type]
    if value is not None:
        with pytest.raises(InputError):
            CHECKER.check("안녕하세요", sender=value)  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(st.one_of(any_text, wrong_types), min_size=1, max_size=8))
def test_check_many_is_all_or_input_error_and_keeps_order(texts):
    items = [Item(text) for text in texts]  # type: ignore[arg-type]
    if not all(is_checkable(text) for text in texts):
        with pytest.raises(InputError):
            CHECKER.check_many(items)
        return
    verdicts = CHECKER.check_many(items)
    assert len(verdicts) == len(items)
    for text, verdict in zip(texts, verdicts, strict=True):
        assert_sound(verdict)
        assert verdict == CHECKER.check(text)  # a batch gives each message its own verdict


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=message_like.filter(is_checkable))
def test_shipped_model_path_is_sound_too(text):
    from checker import default_checker

    assert_sound(default_checker().check(text))


@pytest.mark.parametrize("text", ["\ud800", "\ud800 hello http://a.xyz", "엄마 \udfff 폰 고장"])
def test_lone_surrogates_are_refused_with_a_message(text):
    """A lone surrogate (a valid Python str, e.g. from a JSON "\\ud800" escape) is no character: no UTF-8
    output can carry it, so the checker refuses it with a clear message instead of failing later."""
    from checker import default_checker
    from checker.core import InputError

    with pytest.raises(InputError) as refused:
        default_checker().check(text)
    assert "surrogate" in str(refused.value) and "/" in str(refused.value)
    with pytest.raises(InputError):
        default_checker().check("ordinary text", sender="010\ud800")


def test_model_scores_lone_surrogates_too():
    """Found by hypothesis: the model's feature extraction (UTF-32) crashed on a lone surrogate; a caller of
    the model itself (training on odd data) gets a score."""
    from checker.model import default_model

    model = default_model()
    if model is None:
        pytest.skip("no shipped model")
    (probability,) = model.predict_proba(["\ud800 hello"])
    assert 0.0 <= probability <= 1.0


# --- the JSON Lines batch -----------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | any_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6,
)


@st.composite
def batch_line(draw) -> str:
    """One input line: a well-formed request, an object with wrong types, other JSON, or not JSON."""
    kind = draw(st.sampled_from(["request", "object", "json", "broken", "blank", "strange"]))
    if kind == "request":
        data = {"text": draw(any_text)}
        if draw(st.booleans()):
            data["id"] = draw(st.one_of(st.integers(), any_text))
        if draw(st.booleans()):
            data["sender"] = draw(senders)
        return json.dumps(data, ensure_ascii=draw(st.booleans()))
    if kind == "object":
        return json.dumps(draw(st.dictionaries(st.sampled_from(["id", "text", "sender", "x"]), json_values)))
    if kind == "json":
        return json.dumps(draw(json_values))
    if kind == "broken":
        return draw(st.one_of(any_text, st.sampled_from(['{"text": "a"', "{'text': 'a'}", '{"text": "\\ud800"}',
                                                           '{"text": "a",}', "[" * 5000, "{" * 3000])))
    if kind == "blank":
        return draw(st.sampled_from(["", " ", "\t", "  \t "]))
    return draw(st.sampled_from(['{"id": NaN, "text": "a"}', '{"id": 1e400, "text": "a"}', '{"text": Infinity}',
                                 '{"id": ' + "9" * 5000 + ', "text": "a"}', '{"text": "a", "text": 5}',
                                 '{"text": "a", "sender": 5}', '"just a string"', "null", "[]", "0"]))


def run(lines: list[str]) -> list[dict]:
    """Feed the lines as stdin would (split on newlines only); return the parsed output rows."""
    source = io.StringIO("".join(line + "\n" for line in lines), newline="\n")
    out = io.StringIO()
    assert run_batch(CHECKER, iter(source), out, io.StringIO()) == 0
    text = out.getvalue()
    assert text == "" or text.endswith("\n")
    return [json.loads(row) for row in text.split("\n")[:-1]]


NOT_JSON = object()


def strict_json(line: str) -> object:
    """The batch reads strict JSON: NaN, Infinity and out-of-range numbers are errors, as is deep nesting."""

    def reject(token: str) -> None:
        raise ValueError(token)

    def finite(token: str) -> float:
        if not math.isfinite(float(token)):
            raise ValueError(token)
        return float(token)

    try:
        return json.loads(line, parse_constant=reject, parse_float=finite)
    except (ValueError, RecursionError):
        return NOT_JSON


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(batch_line(), max_size=12))
def test_batch_writes_one_line_per_non_blank_input_line_in_order(lines):
    # What run_batch sees is what a file iteration yields: an embedded "\n" starts a new input line.
    physical = [part for line in lines for part in line.split("\n")]
    rows = run(physical)
    expected = [(number, line) for number, line in enumerate(physical, 1) if line.strip()]
    assert len(rows) == len(expected)
    for row, (number, line) in zip(rows, expected, strict=True):
        data = strict_json(line)
        if not isinstance(data, dict):
            assert row == {"id": number, "error": row["error"]} and row["error"]
            continue
        assert row["id"] == data.get("id", number)
        sender = data.get("sender")
        if is_checkable(data.get("text")) and is_sender(sender):
            assert "error" not in row
            assert_sound(Verdict.from_dict(row))
        else:
            assert set(row) == {"id", "error"} and row["error"]


def test_batch_survives_lines_that_crash_a_naive_parser():
    lines = ["[" * 100_000, '{"id": NaN, "text": "a"}', '{"id": 1e400, "text": "a"}',
             '{"id": ' + "9" * 5000 + ', "text": "a"}', '{"text": "a", "sender": ["010"]}', '{"id": "ok", "text": "a"}']
    rows = run(lines)
    assert [row.get("id") for row in rows] == [1, 2, 3, 4, 5, "ok"]
    assert all("error" in row for row in rows[:5]) and rows[5]["risk"] in RISK_LEVELS
    for row in rows:  # strict JSON out: no NaN/Infinity tokens a strict parser would refuse
        json.dumps(row, allow_nan=False)


# --- the fuzzer's findings, replayed ----------------------------------------------------------------

# Each entry: an input that broke an invariant of fuzz/fuzz_invariants.py (found by fuzz/run.sh), the fix.
FUZZ_FINDINGS = {
    # host kept its colons: "shin=ph0n.com:::::::::::a" (urls.py: the host now ends at the first colon)
    "crash-18267384-colons-after-host": "ts?tph???????xample654d.com l\x19\x07\x00\x00\x00\x00\x00\x00\x00"
    "-60ak6aa92e.com j7xk&,j3  https://shin=Ph0n.com:::::::::::a::::::::",
    "colons-after-host-minimal": "https://a.com::::a",
}


@pytest.mark.parametrize("name", sorted(FUZZ_FINDINGS))
def test_fuzz_findings_hold_the_invariants(name):
    text = FUZZ_FINDINGS[name]
    check_invariants(text, normalize, default_analyzer(), find_phones, default_allowlist())
    if is_checkable(text):
        assert_sound(CHECKER.check(text))


def test_fuzz_seed_corpus_holds_the_invariants():
    seeds = sorted((FUZZ_DIR / "seeds").iterdir())
    assert len(seeds) >= 10
    for seed in seeds:
        text = seed.read_bytes().decode("utf-8", "surrogatepass")
        check_invariants(text, normalize, default_analyzer(), find_phones, default_allowlist())
        check_or_input_error(text)


@SETTINGS
@given(text=any_text)
def test_fuzz_invariants_hold_for_random_text(text):
    check_invariants(text, normalize, default_analyzer(), find_phones, default_allowlist())


def test_batch_refuses_a_lone_surrogate_sender_on_its_line_only():
    # Found by Hypothesis (session 11): a sender of "\ud800" made the whole chunk raise instead of one error line.
    rows = run(['{"id": 1, "text": "택배 주소 확인", "sender": "\\ud800"}', '{"id": 2, "text": "내일 뵙겠습니다"}'])
    assert rows[0]["id"] == 1 and "surrogate" in rows[0]["error"] and set(rows[0]) == {"id", "error"}
    assert rows[1]["id"] == 2 and rows[1]["risk"] in RISK_LEVELS
