"""What to do next: every verdict, at every level, ends with concrete steps and where to report.

Sources: korea-facts §4 (KISA 118, police 112 and 지급정지, FSS 1332, 시티즌코난, 공식 앱·대표번호로 확인).
"""

from __future__ import annotations

from checker.allowlist import Allowlist, Institution
from checker.verdict import Advice, Hit

_MONEY_KO = "이미 돈을 보냈다면 즉시 112나 거래 은행 고객센터에 전화해 지급정지를 요청하고, 금융감독원 1332에도 알리세요."
_MONEY_EN = "If money already moved, call 112 or your bank at once to request a payment stop (지급정지), and tell FSS at 1332."
_APP_KO = (
    "링크를 눌렀거나 앱을 설치했다면 휴대전화를 비행기 모드로 바꾸고, 경찰청 '시티즌코난' 앱으로 악성 앱을 검사·삭제한 뒤 "
    "118(한국인터넷진흥원, 24시간 무료)에 상담하세요."
)
_APP_EN = (
    "If you tapped a link or installed an app, switch to airplane mode, scan and remove it with the police app "
    "'Citizen Conan' (시티즌코난), and call KISA at 118 (24h, free)."
)
_REPORT_KO = "의심 문자는 118(한국인터넷진흥원)이나 카카오톡 '보호나라' 채널에 신고할 수 있습니다."
_REPORT_EN = "You can report suspicious texts to KISA at 118 or the KakaoTalk channel '보호나라'."


def _verify_hint(claimed: list[Institution], allowlist: Allowlist) -> tuple[str, str]:
    for inst in claimed:
        phones = sorted(allowlist.phones_by_owner.get(inst.owner, ()))
        domains = sorted(allowlist.domains_by_owner.get(inst.owner, ()))
        if phones or domains:
            channel_ko = " / ".join([*(phones[:1]), *(domains[:1])])
            return (
                f"{inst.owner_ko}에 확인하려면 문자 속 번호·링크 말고 공식 앱이나 공식 연락처({channel_ko})를 직접 이용하세요.",
                f"To check with {inst.owner}, use its official app or contact ({channel_ko}), never the text's own.",
            )
    return (
        "보낸 곳에 확인하려면 문자 속 번호·링크 말고 그 기관의 공식 앱이나 대표번호를 직접 찾아 이용하세요.",
        "To check with the sender, look up the institution's official app or number yourself, never the text's own.",
    )


def advice_for(risk: str, hits: list[Hit] | None, claimed: list[Institution], allowlist: Allowlist) -> Advice:
    verify_ko, verify_en = _verify_hint(claimed, allowlist)
    if risk == "high":
        ko = [
            "링크를 누르지 말고, 문자에 적힌 번호로 전화하거나 답장하지 마세요.",
            verify_ko,
            _APP_KO,
            _MONEY_KO,
            _REPORT_KO,
        ]
        en = [
            "Do not tap the link and do not call or reply to the numbers in the text.",
            verify_en,
            _APP_EN,
            _MONEY_EN,
            _REPORT_EN,
        ]
    elif risk == "medium":
        ko = [
            "주의하세요. 링크를 누르거나 번호로 연락하기 전에 보낸 곳이 진짜인지 먼저 확인하세요.",
            verify_ko,
            "개인정보·금융정보·인증번호는 입력하거나 알려주지 마세요.",
            _MONEY_KO,
            _REPORT_KO,
        ]
        en = [
            "Be careful. Before tapping a link or calling, make sure the sender is real.",
            verify_en,
            "Do not enter or share personal or financial data or one-time codes.",
            _MONEY_EN,
            _REPORT_EN,
        ]
    else:
        ko = [
            "알려진 위험 징후는 찾지 못했지만, 안전하다는 보장은 아닙니다.",
            verify_ko,
            "조금이라도 의심되면 링크를 누르지 말고 118에 문의하세요.",
            _MONEY_KO,
        ]
        en = [
            "No known danger signs were found, but that is not a guarantee.",
            verify_en,
            "If in any doubt, do not tap links and ask KISA at 118.",
            _MONEY_EN,
        ]
    return Advice(ko=" ".join(ko), en=" ".join(en), steps_ko=tuple(ko), steps_en=tuple(en))
