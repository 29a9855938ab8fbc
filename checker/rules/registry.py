"""The rule registry: every rule is declared once, with a stable id, a group, points and one plain
sentence in Korean and English. Registration rejects duplicates and empty texts at import."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.message import HINTS, Message

GROUPS = ("notice", "url", "domain", "impersonation", "phone", "text", "model")
_ID = re.compile(r"^(URL|DOMAIN|NOTICE|TEXT|PHONE|MODEL)_[A-Z0-9_]+$")


@dataclass(frozen=True)
class Finding:
    """What a rule returns when it fires: the evidence, and optionally sentences that name it."""

    evidence: str
    ko: str | None = None
    en: str | None = None
    score: float | None = None
    """Points for this hit when they differ from the rule's (documented with the rule)."""


Evidence = str | Finding | None


@dataclass(frozen=True)
class Rule:
    id: str
    group: str
    score: float
    ko: str
    en: str
    check: Callable[[Message], Evidence]
    force: str | None = None
    """A level this rule forces on its own (``high`` for official-notice violations)."""
    carrier: bool = False
    """The hit means the message carries a way to be harmed (a lure together with a link, call-back
    number, app or messenger): with it, the classifier may help raise the message to ``high``."""
    requires: str | None = None
    """A ``Message`` fact (attribute name) without which the rule cannot fire, e.g. ``urls``. A speed
    guard only: the checker skips the rule when the fact is empty (one test for all link rules of a
    message without links), while the rule still returns None on its own when called directly."""
    hints: frozenset[str] | None = None
    """Hint words (a group registered with ``HINTS.add``) of which the compact text must contain one for the
    rule to fire: the rule's own first test, ``if not mentions_any(msg, hints): return None``, asked by the
    checker instead (one set test where a call into the rule cost ~10 times as much). A speed guard like
    ``requires``: the rule keeps its own test and gives the same answer when called directly."""


REGISTRY: dict[str, Rule] = {}



def abridged(evidence: str, limit: int, end: int) -> str:
    """``evidence`` as it is up to ``limit`` characters, else its first and last ``end`` characters around "…": a
    long match's two ends tell the lure; the middle may hold amounts and addresses the evidence need not repeat."""
    return evidence if len(evidence) <= limit else f"{evidence[:end]}…{evidence[-end:]}"

def register(rule_: Rule) -> Rule:
    if rule_.id in REGISTRY:
        raise ValueError(f"duplicate rule id {rule_.id}")
    if not _ID.match(rule_.id):
        raise ValueError(f"rule id {rule_.id!r} is not UPPER_SNAKE with a family prefix")
    if rule_.group not in GROUPS:
        raise ValueError(f"rule {rule_.id}: unknown group {rule_.group!r}")
    if not rule_.ko.strip() or not rule_.en.strip():
        raise ValueError(f"rule {rule_.id}: both ko and en texts are required")
    if rule_.requires is not None and not hasattr(Message, rule_.requires):
        raise ValueError(f"rule {rule_.id}: requires unknown message fact {rule_.requires!r}")
    if rule_.hints is not None and (not rule_.hints or not HINTS.covers(rule_.hints)):
        raise ValueError(f"rule {rule_.id}: its hints must be a group of words registered with HINTS.add")
    REGISTRY[rule_.id] = rule_
    return rule_


def rule(
    id: str, *, group: str, score: float, ko: str, en: str, force: str | None = None, carrier: bool = False,
    requires: str | None = None, hints: frozenset[str] | None = None,
):
    """Decorator: ``@rule("URL_APK", group="url", score=6, ko=..., en=...)`` over ``(msg) -> evidence``."""

    def decorate(fn: Callable[[Message], Evidence]) -> Callable[[Message], Evidence]:
        register(Rule(id=id, group=group, score=score, ko=ko, en=en, check=fn, force=force, carrier=carrier,
                      requires=requires, hints=hints))
        return fn

    return decorate
