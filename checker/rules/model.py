"""The classifier as one more named signal (``MODEL_TEXT``), never a silent override.

The checker sets ``msg.model_probability`` (and ``msg.model_threshold``) before the rules run; in batch
mode the model scores all messages at once, which is much faster than one by one."""

from __future__ import annotations

import functools

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
    # A statistical estimate is never certain: shown as at most 99 %.
    evidence = f"{probability:.2f}"
    if probability < 0.99:
        return _finding(evidence, f"{probability:.0%}", evidence)
    return _finding(evidence, f"{0.99:.0%}", f"{0.99:.2f}")


@functools.lru_cache(maxsize=1024)
def _finding(evidence: str, percent: str, shown: str) -> Finding:
    """The finding for these rounded figures. A Finding is frozen, so verdicts can share one; the key is what the
    sentences show, so only a few hundred exist (-0.5 µs per firing measured alone: no sentence building and no
    frozen-dataclass construction; tests/test_model_features.py compares with the plain formatting)."""
    return Finding(
        evidence=f"p={evidence}",
        ko=f"문장 표현이 그동안 신고된 스팸·스미싱 문자와 비슷합니다(통계 모델, 확률 {percent}).",
        en=f"The wording resembles reported spam and smishing messages (statistical model, p={shown}).",
    )
