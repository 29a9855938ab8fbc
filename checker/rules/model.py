"""The classifier as one more named signal (``MODEL_TEXT``), never a silent override.

The checker sets ``msg.model_probability`` (and ``msg.model_threshold``) before the rules run; in batch
mode the model scores all messages at once, which is much faster than one by one."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable

from checker.message import Message
from checker.rules.registry import Finding, rule


@rule(
    "MODEL_TEXT", group="model", score=3,
    ko="문장 표현이 그동안 신고된 스팸·스미싱 문자와 비슷합니다(통계 모델 판단).",
    en="The wording resembles reported spam and smishing messages (statistical model).",
)
def model_text(msg: Message):
    probability = getattr(msg, "model_probability", None)
    threshold = getattr(msg, "model_threshold", None)
    if probability is None or threshold is None or probability < threshold:
        return None
    if 0.0 < probability <= 1.0:  # (a probability: anything else, e.g. NaN, is formatted as it is)
        return _STEPS.finding(probability)
    return plain_finding(probability)


def plain_finding(probability: float) -> Finding:
    """The finding of a probability at or above the threshold, by formatting its figures (the reference)."""
    # A statistical estimate is never certain: shown as at most 99 %.
    evidence = f"{probability:.2f}"
    if probability < 0.99:
        return _finding(evidence, f"{probability:.0%}", evidence)
    return _finding(evidence, f"{0.99:.0%}", f"{0.99:.2f}")


def _finding(evidence: str, percent: str, shown: str) -> Finding:
    """The finding for these rounded figures (built once per interval of ``_FindingSteps``, which shares it)."""
    return Finding(
        evidence=f"p={evidence}",
        ko=f"문장 표현이 그동안 신고된 스팸·스미싱 문자와 비슷합니다(통계 모델, 확률 {percent}).",
        en=f"The wording resembles reported spam and smishing messages (statistical model, p={shown}).",
    )


def _hundredths(probability: float) -> int:
    return int(f"{probability:.2f}".replace(".", ""))


def _percent(probability: float) -> int:
    return int(f"{probability:.0%}"[:-1])


def _first_at_least(figure: Callable[[float], int], value: int, guess: float) -> float:
    """The smallest float whose ``figure`` is at least ``value`` (``figure`` never decreases as the float grows),
    walked to from a float near it one representable step at a time."""
    x = guess
    while figure(x) >= value:
        x = math.nextafter(x, -math.inf)
    while figure(x) < value:
        x = math.nextafter(x, math.inf)
    return x


class _FindingSteps:
    """``plain_finding`` of a probability in (0, 1] without formatting a float (two formats cost ~2/3 of the rule's
    time, and the model fires on 58 % of the benchmark's messages).

    Each figure the finding shows (``.2f``, ``.0%``, whether the probability is below 0.99) is a step function of
    the probability: it changes only at ~200 points, found at import by the formatter itself. Between two
    neighbouring points every figure, hence the finding, is the same: one bisection finds the interval, whose
    finding is formatted the first time a probability falls in it and shared afterwards (tests compare with
    ``plain_finding`` at every point, one step either side, and on any float)."""

    def __init__(self) -> None:
        points = {0.99}
        for value in range(1, 101):
            guess = (value - 0.5) / 100  # the figures round there (up to the float's representation error)
            points.add(_first_at_least(_hundredths, value, guess))
            points.add(_first_at_least(_percent, value, guess))
        self.points = sorted(points)
        self._findings: list[Finding | None] = [None] * (len(self.points) + 1)

    def finding(self, probability: float) -> Finding:
        interval = bisect_right(self.points, probability)
        found = self._findings[interval]
        if found is None:
            found = self._findings[interval] = plain_finding(probability)
        return found


_STEPS = _FindingSteps()
