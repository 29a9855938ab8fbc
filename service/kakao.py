"""Kakao i Open Builder skill answers (response format version 2.0).

Limits from the format: 1..3 outputs, ``simpleText.text`` at most 1000 characters, at most 10
quick replies. URLs are shown defanged so the chat app does not turn them into links.
"""

from __future__ import annotations

from .display import RISK_ICONS, defang

SIMPLE_TEXT_LIMIT = 1000
MAX_OUTPUTS = 3
MAX_QUICK_REPLIES = 10

QUICK_REPLIES = [
    {"label": "다른 문자 확인", "action": "message", "messageText": "다른 문자 확인"},
    {"label": "신고 방법", "action": "message", "messageText": "스미싱 신고 방법"},
]

WELCOME = (
    "받은 문자 내용을 그대로 붙여 넣어 보내 주세요. 스미싱(문자 사기) 위험 신호가 있는지, 왜 그런지 알려 드립니다. "
    "문자 속 링크는 열지 않습니다."
)
HOW_TO_REPORT = (
    "스미싱 신고·상담: 118 (한국인터넷진흥원, 24시간 무료). 돈이 빠져나갔다면 바로 112에 전화해 지급정지를 "
    "요청하세요."
)


def _clip(text: str) -> str:
    return text if len(text) <= SIMPLE_TEXT_LIMIT else text[: SIMPLE_TEXT_LIMIT - 1] + "…"


def _simple(text: str) -> dict:
    return {"simpleText": {"text": _clip(text)}}


def verdict_texts(verdict: dict) -> list[str]:
    """The verdict as up to three chat bubbles: level and reasons, links, what to do."""
    lines = [f"{RISK_ICONS.get(verdict['risk'], '')} {verdict['label']['ko']}".strip()]
    reasons = verdict.get("reasons", [])
    if reasons:
        lines.append("")
        lines.extend(f"• {hit['ko']}" for hit in reasons[:5])
    else:
        lines.append("알려진 위험 신호를 찾지 못했습니다. 안전하다는 보증은 아니니 링크는 조심하세요.")
    bubbles = ["\n".join(lines)]
    urls = verdict.get("urls", [])
    if urls:
        link_lines = ["문자 속 링크 (누르지 마세요):"]
        for url in urls[:5]:
            state = (
                f"공식: {url.get('owner_ko') or url['registered_domain']}"
                if url.get("official")
                else "공식 목록에 없음"
            )
            link_lines.append(f"• {defang(url['url'])} ({state})")
        bubbles.append("\n".join(link_lines))
    bubbles.append("지금 할 일: " + verdict["advice"]["ko"] + "\n\n" + HOW_TO_REPORT)
    return bubbles[:MAX_OUTPUTS]


#: Utterances of our own quick replies: answered directly, never checked or stored as messages.
CANNED = {"다른 문자 확인": WELCOME, "스미싱 신고 방법": HOW_TO_REPORT}


def canned_response(utterance: str) -> dict | None:
    text = CANNED.get(utterance.strip())
    return None if text is None else skill_response(None, text=text)


def skill_response(verdict: dict | None, *, text: str = WELCOME) -> dict:
    """The full skill answer; ``None`` (no message given) answers with ``text`` (how to use the channel)."""
    texts = [text] if verdict is None else verdict_texts(verdict)
    return {
        "version": "2.0",
        "template": {
            "outputs": [_simple(text) for text in texts[:MAX_OUTPUTS]],
            "quickReplies": QUICK_REPLIES[:MAX_QUICK_REPLIES],
        },
    }
