"""The only place where rule hits become a risk level.

Points add up with a cap per group (many weak URL facts cannot outweigh everything else), then:

* ``high``   at ``HIGH_POINTS`` or more, or when a rule forces it (official-notice violations);
* ``medium`` at ``MEDIUM_POINTS`` or more;
* ``low``    below: "no known danger signs", never "safe".

The classifier (group ``model``) alone can make a message ``medium`` at most. It can help raise a
message to ``high`` only together with a risky carrier: a non-official link, a call-back number or an
impersonation signal (groups url, domain, impersonation, phone). It never lowers anything.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from checker.verdict import Hit

HIGH_POINTS = 6.0
MEDIUM_POINTS = 3.0
GROUP_CAPS = {
    "notice": 10.0,
    "url": 6.0,
    "domain": 7.0,
    "impersonation": 6.0,
    "phone": 3.0,
    "text": 7.0,
    "model": 4.0,
}
# Groups whose hits mean the message carries a way to be harmed (not just suspicious words).
CARRIER_GROUPS = frozenset({"url", "domain", "impersonation", "phone", "notice"})
# Facts that real businesses' messages have too (unknown domains, shorteners, 070 numbers): alone they
# are not the risky carrier that lets the model raise a message to high.
WEAK_CARRIER_IDS = frozenset({"URL_UNKNOWN_DOMAIN", "URL_SHORTENER", "PHONE_INTERNET_NUMBER"})


def total_points(hits: Iterable[Hit]) -> float:
    per_group: dict[str, float] = {}
    for hit in hits:
        per_group[hit.group] = per_group.get(hit.group, 0.0) + hit.score
    return sum(min(points, GROUP_CAPS.get(group, points)) for group, points in per_group.items())


def level_for(points: float) -> str:
    if points >= HIGH_POINTS:
        return "high"
    if points >= MEDIUM_POINTS:
        return "medium"
    return "low"


# Points are sums of a few rule scores, so few distinct values occur; ``round`` on a float is slow.
_SCORES: dict[float, float] = {}


def score_from_points(points: float) -> float:
    """Map points to 0..1 (monotone; 3 points ≈ 0.45, 6 ≈ 0.70, 10 ≈ 0.86)."""
    score = _SCORES.get(points)
    if score is None:
        score = round(1.0 - math.exp(-points / 5.0), 4)
        if len(_SCORES) < 10_000:
            _SCORES[points] = score
    return score


def combine(
    hits: list[Hit], forced: Iterable[str] = (), carriers: frozenset[str] = frozenset()
) -> tuple[str, float]:
    """(risk level, score) for the hits of one message; ``forced`` are levels forced by rules;
    ``carriers`` are ids of text rules that fire only together with a way to act (a lure + channel)."""
    points = total_points(hits)
    level = level_for(points)
    # Only a "high" needs the second sum (most messages are not high).
    if level == "high" and level_for(total_points(h for h in hits if h.group != "model")) != "high":
        has_carrier = any(
            (h.group in CARRIER_GROUPS and h.id not in WEAK_CARRIER_IDS) or h.id in carriers for h in hits
        )
        if not has_carrier:
            level = "medium"
    if "high" in forced:
        level = "high"
        points = max(points, 10.0)
    elif "medium" in forced and level == "low":
        level = "medium"
    return level, score_from_points(points)
