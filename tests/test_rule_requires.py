"""``Rule.requires`` is a speed guard: the checker skips a rule when the message fact it names is empty.
That is only sound if the rule cannot fire without the fact; check it on every corpus message."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker import Checker
from checker.message import HINTS, Message
from checker.rules import REGISTRY

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
GUARDED = sorted(rule_id for rule_id, rule in REGISTRY.items() if rule.requires is not None)


def _messages() -> list[Message]:
    checker = Checker(model=None)
    messages = []
    for path in sorted(CORPUS_DIR.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8")).get("case", []):
            messages.append(Message(case["text"], case.get("sender"), checker.allowlist, checker.analyzer))
    return messages


MESSAGES = _messages()


def test_some_rules_are_guarded():
    assert {"URL_SHORTENER", "TEXT_DELIVERY_LURE"} <= set(GUARDED)


@pytest.mark.parametrize("rule_id", GUARDED)
def test_guarded_rule_never_fires_without_its_fact(rule_id):
    rule = REGISTRY[rule_id]
    without = [m for m in MESSAGES if not getattr(m, rule.requires)]
    assert without, f"no corpus message lacks {rule.requires}: the guard is untested"
    fired = [m.raw[:60] for m in without if rule.check(m)]
    assert not fired, f"{rule_id} fired although {rule.requires} is empty: {fired}"


# ``Rule.hints`` is a speed guard too: the checker skips a rule when the compact text holds none of its hint words.
HINTED = sorted(rule_id for rule_id, rule in REGISTRY.items() if rule.hints is not None)


def test_some_rules_are_hinted():
    assert {"TEXT_LOAN_CALL_THE_SENDER", "TEXT_ADULT_SERVICE"} <= set(HINTED)


@pytest.mark.parametrize("rule_id", HINTED)
def test_hinted_rule_never_fires_without_its_words(rule_id):
    rule = REGISTRY[rule_id]
    assert HINTS.covers(rule.hints)
    without = [m for m in MESSAGES if not any(word in m.compact for word in rule.hints)]
    assert without
    fired = [m.raw[:60] for m in without if rule.check(m)]
    assert not fired, f"{rule_id} fired although the text holds none of its hint words: {fired}"
    with_words = [m for m in MESSAGES if rule.check(m)]
    assert with_words, f"no corpus message fires {rule_id}: the guard is untested"


def test_the_checker_skips_a_hinted_rule_without_calling_it(monkeypatch):
    checker = Checker(model=None)
    calls = []
    hinted = REGISTRY["TEXT_ADULT_SERVICE"]
    for index, (requires, checks) in enumerate(checker._checks):
        if any(rule is hinted for _, rule, _ in checks):
            wrapped = tuple(
                ((lambda msg, check=check: calls.append(msg.raw) or check(msg)), rule, hints)
                if rule is hinted else (check, rule, hints)
                for check, rule, hints in checks
            )
            checker._checks = checker._checks[:index] + ((requires, wrapped),) + checker._checks[index + 1:]
    checker.check("엄마 폰 고장났어 계좌로 송금 부탁해")  # hint words, none of the rule's
    assert calls == []
    verdict = checker.check("출장 홈타이 20대 관리사 010-1234-5678")
    assert calls == ["출장 홈타이 20대 관리사 010-1234-5678"]
    assert "TEXT_ADULT_SERVICE" in {hit.id for hit in verdict.reasons}


def test_hints_must_be_registered_words():
    from checker.rules.registry import Rule, register

    with pytest.raises(ValueError, match="hints"):
        register(Rule(id="TEXT_UNREGISTERED_HINTS", group="text", score=1, ko="가", en="a", check=lambda msg: None,
                      hints=frozenset({"no such hint word xyz"})))
    assert "TEXT_UNREGISTERED_HINTS" not in REGISTRY
