"""How verdict parts are shown to people: defanged URLs, risk styling, scripts for agents.

Pure presentation helpers used by the templates and the Kakao skill; nothing here scores.
"""

from __future__ import annotations

import re

from checker.display import defang  # the one defang, shared with the CLI

#: Emoji for chat answers (Kakao); the pages draw an SVG icon instead (fonts may lack emoji).
RISK_ICONS = {"high": "⛔", "medium": "⚠", "low": "ℹ"}

_SCHEME = re.compile(r"(?i)\b(h)tt(ps?)(?=:|\b)")
_DOT_BETWEEN = re.compile(r"(?<=[^\s.\[])\.(?=[^\s.\]])")


def defang_text(text: str) -> str:
    """Defang every URL-looking part of free text (evidence strings, examples)."""
    text = _SCHEME.sub(lambda m: m.group(1) + "xx" + m.group(2), text)
    return _DOT_BETWEEN.sub("[.]", text)


def host_label(url_info: dict) -> str:
    """The host as shown: Unicode form followed by the punycode, when they differ."""
    host = url_info.get("host", "")
    unicode_host = url_info.get("host_unicode") or ""
    if unicode_host and unicode_host != host:
        return f"{defang(unicode_host)} ({defang(host)})"
    return defang(host)


#: What an agent reads to the caller, per level (Korean first; English for the toggle).
AGENT_SCRIPTS = {
    "high": {
        "ko": "고객님, 말씀하신 문자는 스미싱(문자 사기)으로 보이는 위험 신호가 있습니다. "
        "문자 속 링크를 누르지 마시고, 적힌 번호로 전화하지 마세요. "
        "이미 링크를 누르셨거나 앱을 설치하셨다면 휴대전화를 비행기 모드로 바꾸고, "
        "돈이 빠져나갔다면 바로 112에 지급정지를 요청하세요.",
        "en": "The message you describe shows warning signs of smishing. Do not open its link or call the "
        "number in it. If you already opened the link or installed an app, switch to airplane mode, and "
        "if money was taken, call 112 at once to freeze the transfer.",
    },
    "medium": {
        "ko": "고객님, 말씀하신 문자에는 주의가 필요한 부분이 있습니다. "
        "문자 속 링크나 번호 대신, 해당 기관의 공식 앱이나 직접 찾은 대표번호로 확인해 주세요.",
        "en": "Parts of this message need caution. Instead of its link or number, check with the "
        "organisation through its official app or a number you look up yourself.",
    },
    "low": {
        "ko": "고객님, 지금 확인한 내용에서는 알려진 위험 징후가 보이지 않습니다. "
        "다만 안전하다는 뜻은 아니니, 개인정보나 돈을 요구하면 응하지 마시고 다시 연락 주세요.",
        "en": "We found no known danger signs in what you read out. That does not mean it is safe: if "
        "anyone asks for personal data or money, do not comply and call us again.",
    },
}


def agent_script(risk: str, lang: str = "ko") -> str:
    return AGENT_SCRIPTS.get(risk, AGENT_SCRIPTS["medium"])[lang if lang == "en" else "ko"]


def phone_value_label(value: str, lang: str = "ko") -> str:
    """How an indicator value of kind ``phone`` is shown: official numbers in full, others by hash."""
    if value.startswith("o:"):
        return value[2:]
    prefix = "비공개 번호" if lang != "en" else "private number"
    return f"{prefix} #{value[2:10]}"
