"""The classifier as one more named signal (``MODEL_TEXT``), never a silent override.

The checker sets ``msg.model_probability`` (and ``msg.model_threshold``) before the rules run; in batch
mode the model scores all messages at once, which is much faster than one by one."""

from __future__ import annotations

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
    return Finding(
        evidence=f"p={probability:.2f}",
        # A statistical estimate is never certain: shown as at most 99 %.
        ko=f"문장 표현이 그동안 신고된 스팸·스미싱 문자와 비슷합니다(통계 모델, 확률 {min(probability, 0.99):.0%}).",
        en=f"The wording resembles reported spam and smishing messages (statistical model, "
        f"p={min(probability, 0.99):.2f}).",
    )
