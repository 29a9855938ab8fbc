"""The rule registry: every rule declared once, with both texts and a line in docs/rules.md."""

from pathlib import Path

import pytest

from checker.message import Message
from checker.rules import REGISTRY, Rule, register

DOCS = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule_id", sorted(REGISTRY))
def test_rule_has_texts_and_docs(rule_id):
    rule = REGISTRY[rule_id]
    assert rule.ko.strip() and rule.en.strip()
    assert any("\uac00" <= ch <= "\ud7a3" for ch in rule.ko), "the Korean text must be Korean"
    assert rule.score > 0
    assert f"`{rule_id}`" in DOCS, f"{rule_id} is not documented in docs/rules.md"


def test_duplicate_rule_is_rejected():
    existing = next(iter(REGISTRY.values()))
    with pytest.raises(ValueError, match="duplicate"):
        register(existing)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"id": "URL_NEW_TEST", "ko": "", "en": "x"}, "both ko and en"),
        ({"id": "bad id", "ko": "가", "en": "x"}, "UPPER_SNAKE"),
        ({"id": "URL_NEW_TEST", "ko": "가", "en": "x", "group": "nope"}, "unknown group"),
    ],
)
def test_invalid_rules_are_rejected(kwargs, message):
    fields = {"group": "url", "score": 1.0, "check": lambda msg: None, **kwargs}
    with pytest.raises(ValueError, match=message):
        register(Rule(**fields))
    assert "URL_NEW_TEST" not in REGISTRY


def test_notice_rules_come_from_data():
    from checker.allowlist import default_allowlist

    for notice in default_allowlist().notices:
        rule = REGISTRY[f"NOTICE_{notice.id}"]
        assert rule.force == "high"
        assert notice.title_ko in rule.ko


def test_every_rule_is_a_pure_function_of_the_message():
    from checker import Checker

    checker = Checker(model=None)
    msg = Message("[국외발신] 소비쿠폰 han.gl/x 1660-0000", None, checker.allowlist, checker.analyzer)
    first = {rule.id: rule.check(msg) for rule in checker.rules}
    second = {rule.id: rule.check(msg) for rule in checker.rules}
    assert first == second


def test_docs_table_matches_the_registry():
    from checker.rules.__main__ import table

    start = DOCS.index("<!-- rules-table")
    body = DOCS[DOCS.index("\n", start) + 1 : DOCS.index("<!-- /rules-table -->")].strip()
    assert body == table(), "docs/rules.md is out of date: run `python -m checker.rules` and paste the table"
