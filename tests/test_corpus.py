"""The labelled message corpus (tests/corpus/*.toml) is the behavioural specification of ``check()``.

Each ``[[case]]`` says what level a message must get and which rules must and must not fire.
Run one family with ``pytest -k delivery``; one case with ``pytest -k url-ip-hex``.
Never weaken a case to make it pass: fix the checker, or fix the case only when it contradicts
docs/rules.md (and say so in the commit).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
RULES_DOC = REPO_ROOT / "docs" / "rules.md"
NOTICES_FILE = REPO_ROOT / "allowlist" / "notices.toml"

RISK_ORDER = {"low": 0, "medium": 1, "high": 2}
KINDS = {"smishing", "spam", "legit"}
MODEL_RULE = "MODEL_TEXT"
REQUIRED_KEYS = {"id", "kind", "text", "note"}
OPTIONAL_KEYS = {"sender", "risk", "min_risk", "max_risk", "must", "must_not"}
CASE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
MIN_CASES = 170


def load_entries(table: str) -> list[dict]:
    """Every ``[[table]]`` entry of every corpus file, with ``_file`` added for messages."""
    entries = []
    for path in sorted(CORPUS_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        entries += [{**entry, "_file": path.name} for entry in data.get(table, [])]
    return entries


def load_cases() -> list[dict]:
    """Every case of every corpus file."""
    return load_entries("case")


def documented_rule_ids() -> set[str]:
    """Rule ids named in the tables of docs/rules.md (first backticked cell of a table row)."""
    ids = set()
    for line in RULES_DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|", line)
        if match:
            ids.add(match.group(1))
    return ids


def registry_rule_ids() -> set[str]:
    """Ids the checker declares: the rule registry plus one NOTICE_ rule per official notice."""
    from checker.rules import REGISTRY  # imported here so a missing checker fails tests, not collection

    ids = set(REGISTRY)
    if NOTICES_FILE.exists():
        with NOTICES_FILE.open("rb") as fh:
            notices = tomllib.load(fh)
        for notice in notices.get("notice", []):
            notice_id = str(notice["id"]).upper()
            ids.add(notice_id if notice_id.startswith("NOTICE_") else f"NOTICE_{notice_id}")
    return ids


CASES = load_cases()


def _level_ok(case: dict, actual: str) -> bool:
    if "risk" in case:
        return actual == case["risk"]
    rank = RISK_ORDER[actual]
    low = RISK_ORDER[case.get("min_risk", "low")]
    high = RISK_ORDER[case.get("max_risk", "high")]
    return low <= rank <= high


def _expected_level(case: dict) -> str:
    if "risk" in case:
        return case["risk"]
    return f"{case.get('min_risk', 'low')}..{case.get('max_risk', 'high')}"


# ---- schema ---------------------------------------------------------------------------------------


def test_corpus_is_large_enough_and_balanced():
    kinds = Counter(case["kind"] for case in CASES)
    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} cases"
    legit_share = kinds["legit"] / len(CASES)
    # False alarms on real card/bank/OTP/delivery texts matter as much as misses.
    assert 0.35 <= legit_share <= 0.65, f"legit share {legit_share:.0%} ({dict(kinds)})"


def test_case_ids_are_unique_and_readable():
    counts = Counter(case["id"] for case in CASES)
    duplicates = sorted(case_id for case_id, n in counts.items() if n > 1)
    assert not duplicates, f"duplicate case ids: {duplicates}"
    bad = sorted(case["id"] for case in CASES if not CASE_ID.match(case["id"]))
    assert not bad, f"case ids must be kebab-case: {bad}"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case_schema(case):
    where = f"{case['_file']}:{case['id']}"
    keys = set(case) - {"_file"}
    assert REQUIRED_KEYS <= keys, f"{where}: missing {sorted(REQUIRED_KEYS - keys)}"
    assert not keys - REQUIRED_KEYS - OPTIONAL_KEYS, (
        f"{where}: unknown keys {sorted(keys - REQUIRED_KEYS - OPTIONAL_KEYS)}"
    )
    assert case["kind"] in KINDS, f"{where}: kind {case['kind']!r}"
    assert isinstance(case["text"], str) and case["text"].strip(), f"{where}: empty text"
    assert isinstance(case["note"], str) and case["note"].strip(), f"{where}: a case needs a note saying why"
    if "sender" in case:
        assert re.fullmatch(r"\+?\d{3,15}", case["sender"]), f"{where}: sender must be digits"

    levels = {key: case[key] for key in ("risk", "min_risk", "max_risk") if key in case}
    assert levels, f"{where}: give risk, or min_risk / max_risk"
    assert not ("risk" in levels and len(levels) > 1), f"{where}: risk excludes min_risk/max_risk"
    assert all(value in RISK_ORDER for value in levels.values()), f"{where}: bad level {levels}"
    if "min_risk" in levels and "max_risk" in levels:
        assert RISK_ORDER[levels["min_risk"]] <= RISK_ORDER[levels["max_risk"]], where

    must, must_not = case.get("must", []), case.get("must_not", [])
    for name, ids in (("must", must), ("must_not", must_not)):
        assert isinstance(ids, list), f"{where}: {name} must be a list"
        bad = [rule_id for rule_id in ids if not isinstance(rule_id, str) or not RULE_ID.match(rule_id)]
        assert not bad, f"{where}: {name} has malformed ids {bad}"
        assert len(ids) == len(set(ids)), f"{where}: {name} repeats an id"
    assert not set(must) & set(must_not), f"{where}: ids in both must and must_not"
    assert MODEL_RULE not in must, f"{where}: the model is never required to fire"

    if case["kind"] in {"smishing", "spam"}:
        assert must, f"{where}: a smishing/spam case must name the rule(s) that catch it"
        floor = "risk" if "risk" in case else "min_risk"
        assert floor in case and case[floor] != "low", f"{where}: smishing/spam needs a floor above low"
    else:
        assert case.get("risk", case.get("max_risk")) in {"low", "medium"}, f"{where}: legit needs a ceiling"


def test_corpus_uses_only_documented_rule_ids():
    documented = documented_rule_ids()
    assert documented, "no rule ids parsed from docs/rules.md"
    unknown = sorted(
        {
            (case["id"], rule_id)
            for case in CASES
            for rule_id in case.get("must", []) + case.get("must_not", [])
            if rule_id not in documented
        }
    )
    assert not unknown, f"rule ids not in docs/rules.md: {unknown}"


def test_every_documented_rule_has_a_positive_and_a_negative_case():
    positives = {rule_id for case in CASES for rule_id in case.get("must", [])}
    negatives = {rule_id for case in CASES for rule_id in case.get("must_not", [])}
    rules = documented_rule_ids() - {MODEL_RULE}
    assert not rules - positives, f"no case where these must fire: {sorted(rules - positives)}"
    assert not rules - negatives, f"no near-miss where these must not fire: {sorted(rules - negatives)}"


# ---- against the checker ----------------------------------------------------------------------------


def test_corpus_rule_ids_exist_in_registry():
    known = registry_rule_ids()
    used = {rule_id for case in CASES for rule_id in case.get("must", []) + case.get("must_not", [])}
    assert not used - known, f"corpus names rules the checker does not declare: {sorted(used - known)}"


def test_every_registered_rule_has_a_positive_and_a_negative_case():
    positives = {rule_id for case in CASES for rule_id in case.get("must", [])}
    negatives = {rule_id for case in CASES for rule_id in case.get("must_not", [])}
    rules = registry_rule_ids() - {MODEL_RULE}
    assert not rules - positives, f"registered rules with no positive case: {sorted(rules - positives)}"
    assert not rules - negatives, f"registered rules with no negative case: {sorted(rules - negatives)}"


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(case):
    from checker import check

    verdict = check(case["text"], sender=case.get("sender"))
    fired = verdict.reason_ids()
    missing = [rule_id for rule_id in case.get("must", []) if rule_id not in fired]
    unwanted = [rule_id for rule_id in case.get("must_not", []) if rule_id in fired]
    problems = []
    if not _level_ok(case, verdict.risk):
        problems.append(f"risk {verdict.risk!r}, expected {_expected_level(case)}")
    if missing:
        problems.append(f"did not fire {missing}")
    if unwanted:
        problems.append(f"wrongly fired {unwanted}")
    assert not problems, (
        f"[{case['_file']}] {case['id']} ({case['kind']}): {'; '.join(problems)}\n"
        f"  actual: risk={verdict.risk} reasons={fired}\n"
        f"  note: {case['note']}\n"
        f"  text: {case['text']!r}"
    )


# ---- known misses ([[miss]] tables: positives the checker does not catch yet) -----------------------


# ``[[miss]]`` entries: real-family positives that no rule catches yet (the model still trains on them).
MISSES = load_entries("miss")


def test_known_misses_are_well_formed():
    case_ids = {case["id"] for case in CASES}
    ids = [miss["id"] for miss in MISSES]
    assert len(ids) == len(set(ids)), "duplicate miss ids"
    assert not set(ids) & case_ids, f"ids both a case and a miss: {sorted(set(ids) & case_ids)}"
    for miss in MISSES:
        where = f"{miss['_file']}:{miss['id']}"
        assert CASE_ID.match(miss["id"]), where
        assert set(miss) - {"_file"} == {"id", "kind", "text", "note"}, where
        assert miss["kind"] in {"smishing", "spam"}, f"{where}: a miss is a positive"
        assert miss["text"].strip() and miss["note"].strip(), where


@pytest.mark.parametrize("miss", MISSES, ids=[miss["id"] for miss in MISSES])
@pytest.mark.xfail(reason="known miss: no rule catches it yet (once one does, this fails: move it to a [[case]])", strict=True)
def test_known_miss(miss):
    from checker import check

    verdict = check(miss["text"])
    named = [rule_id for rule_id in verdict.reason_ids() if rule_id != MODEL_RULE]
    assert verdict.risk != "low" and named, f"risk={verdict.risk} reasons={verdict.reason_ids()}"
