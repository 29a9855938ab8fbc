"""``Rule.requires`` is a speed guard: the checker skips a rule when the message fact it names is empty.
That is only sound if the rule cannot fire without the fact; check it on every corpus message."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker import Checker
from checker.message import Message
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
