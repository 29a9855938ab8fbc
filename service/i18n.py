"""User-facing strings, Korean first. ``?lang=en`` (remembered in a cookie) switches to English."""

from __future__ import annotations

from flask import g, request

LANGS = ("ko", "en")
LANG_COOKIE = "lang"

STRINGS: dict[str, tuple[str, str]] = {
    # key: (Korean, English)
    "site_title": ("스미싱 확인", "Smishing check"),
    "site_tagline": (
        "받은 문자가 스미싱(문자 사기)인지 확인하고, 왜 그런지 알려 드립니다.",
        "Check whether a text message is smishing, and see why.",
    ),
    "skip_to_content": ("본문으로 건너뛰기", "Skip to content"),
    "lang_switch": ("English", "한국어"),
    "message_label": ("받은 문자 내용", "Message you received"),
    "message_help": (
        "문자 전체를 붙여 넣으세요 (최대 {max}자). 링크는 열지 않습니다.",
        "Paste the whole message (up to {max} characters). Links are never opened.",
    ),
    "sender_label": ("보낸 번호 (선택)", "Sender number (optional)"),
    "sender_help": ("예: 010-1234-5678 또는 1588-1234", "e.g. 010-1234-5678 or 1588-1234"),
    "check_button": ("확인하기", "Check"),
    "result_heading": ("확인 결과", "Result"),
    "reasons_heading": ("이렇게 판단한 이유", "Why"),
    "no_reasons": ("알려진 위험 신호를 찾지 못했습니다.", "We found no known danger signs."),
    "links_heading": ("문자 속 링크 (누를 수 없게 표시)", "Links in the message (shown unclickable)"),
    "link_official": ("공식 도메인: {owner}", "Official domain: {owner}"),
    "link_not_official": ("공식 도메인 목록에 없음", "Not on the official domain list"),
    "phones_heading": ("문자 속 전화번호", "Phone numbers in the message"),
    "phone_official": ("공식 번호: {owner}", "Official number: {owner}"),
    "phone_not_official": ("공식 번호 목록에 없음", "Not on the official number list"),
    "advice_heading": ("지금 할 일", "What to do now"),
    "where_to_report": (
        "신고·상담: 118 (한국인터넷진흥원, 24시간 무료), 112 (경찰, 돈이 빠져나갔을 때 지급정지 요청)",
        "Report or get help: 118 (KISA, 24 h, free), 112 (police; ask to freeze a transfer if money was taken)",
    ),
    "not_safe_note": (
        "'위험 징후 없음'은 안전하다는 보증이 아닙니다. 링크를 누르기 전에 한 번 더 확인하세요.",
        "'No known danger signs' is not a guarantee of safety. Think twice before opening a link.",
    ),
    "report_button": ("이 문자 신고하기", "Report this message"),
    "report_help": (
        "신고하면 개인정보를 지운 문자 내용이 상담센터의 스미싱 조회에 쓰입니다.",
        "A report stores the message (personal data removed) for the call center's lookups.",
    ),
    "report_thanks": (
        "신고해 주셔서 감사합니다. (접수 번호 {id})",
        "Thank you for reporting. (Report no. {id})",
    ),
    "privacy_heading": ("개인정보 안내", "Privacy"),
    "privacy_note": (
        (
            "문자 속 링크는 절대 열지 않습니다. 확인한 문자는 전화번호·주민등록번호·카드번호·계좌번호·이메일을 "
            "지운 뒤 {days}일 동안 보관하고 삭제합니다. 신고한 문자는 같은 방식으로 지운 뒤 스미싱 대응에 씁니다. "
            "전화번호는 되돌릴 수 없는 암호화 값으로만 남습니다."
        ),
        (
            "Links in messages are never opened. Checked messages are kept for {days} days with phone, resident "
            "registration, card and account numbers and e-mail addresses removed, then deleted. Reported messages "
            "are redacted the same way and used against smishing. Phone numbers are kept only as one-way hashes."
        ),
    ),
    "error_heading": ("입력을 확인해 주세요", "Please check your input"),
    "err_empty": ("문자 내용을 입력해 주세요.", "Please enter the message text."),
    "err_too_long": (
        "문자가 너무 깁니다: 최대 {max}자까지 확인할 수 있습니다 (입력 {length}자).",
        "The message is too long: at most {max} characters (got {length}).",
    ),
    "err_unicode": (
        "문자 내용에 잘못된 유니코드 문자(짝 없는 서로게이트)가 있습니다. 원래 문자를 다시 복사해 붙여 넣어 주세요.",
        "The text contains invalid Unicode (lone surrogates). Copy the original message and paste it again.",
    ),
    "err_sender": ("보낸 번호가 너무 깁니다.", "The sender number is too long."),
    "err_csrf": (
        "보안 토큰이 만료되었습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.",
        "The security token expired. Reload the page and try again.",
    ),
    "err_body_too_large": ("보낸 내용이 너무 큽니다.", "The request is too large."),
    "err_not_found": ("페이지를 찾을 수 없습니다.", "Page not found."),
    "err_internal": (
        "일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.",
        "Something went wrong on our side. Please try again shortly.",
    ),
    "err_rate": (
        "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.",
        "Too many requests. Please wait a moment.",
    ),
    "err_storage": (
        "지금은 저장할 수 없어 신고가 접수되지 않았습니다. 잠시 후 다시 시도해 주세요.",
        "We cannot store anything right now, so this was not saved. Please try again shortly.",
    ),
    "back_home": ("처음으로", "Back to start"),
    # Call center
    "cc_title": ("상담센터 조회", "Call-center lookup"),
    "cc_login": ("상담원 로그인", "Agent sign-in"),
    "cc_name": ("상담원 아이디", "Agent name"),
    "cc_password": ("비밀번호", "Password"),
    "cc_login_button": ("로그인", "Sign in"),
    "cc_logout": ("로그아웃", "Sign out"),
    "cc_bad_login": ("아이디 또는 비밀번호가 맞지 않습니다.", "Wrong name or password."),
    "cc_too_many_logins": (
        "로그인 시도가 너무 많습니다. {minutes}분 뒤 다시 시도하세요.",
        "Too many sign-in attempts. Try again in {minutes} minutes.",
    ),
    "cc_query_label": (
        "고객이 읽어 준 문자, 링크, 도메인 또는 전화번호",
        "Message, link, domain or phone number the caller reads out",
    ),
    "cc_check_button": ("조회", "Look up"),
    "cc_script_heading": ("고객에게 읽어 줄 안내", "Script to read to the caller"),
    "cc_db_heading": ("이전 기록", "What we have seen before"),
    "cc_db_none": (
        "이 링크·도메인·번호로 조회되거나 신고된 기록이 없습니다.",
        "No earlier checks or reports match.",
    ),
    "cc_kind_domain": ("도메인", "Domain"),
    "cc_kind_url": ("링크", "Link"),
    "cc_kind_phone": ("전화번호", "Phone number"),
    "cc_checks": ("조회", "Checks"),
    "cc_reports": ("신고", "Reports"),
    "cc_first_seen": ("처음", "First seen"),
    "cc_last_seen": ("마지막", "Last seen"),
    "cc_examples": ("최근 사례 (개인정보 삭제)", "Latest examples (redacted)"),
    "cc_outcome_heading": ("통화 결과 기록", "Record the call outcome"),
    "cc_outcome_label": ("판정", "Label"),
    "cc_outcome_note": ("메모 (선택)", "Note (optional)"),
    "cc_outcome_button": ("저장", "Save"),
    "cc_outcome_saved": ("통화 결과를 저장했습니다. (번호 {id})", "Outcome saved. (No. {id})"),
    "cc_label_smishing": ("스미싱", "Smishing"),
    "cc_label_spam": ("스팸", "Spam"),
    "cc_label_ham": ("정상 문자", "Legitimate"),
    "cc_label_unsure": ("판단 보류", "Unsure"),
    "cc_search_heading": ("신고 내용 검색", "Search reports"),
    "cc_search_label": ("검색어", "Words"),
    "cc_search_button": ("검색", "Search"),
    "cc_search_none": ("검색 결과가 없습니다.", "No reports found."),
    "cc_overview": ("최근 7일 현황", "Last 7 days"),
    "cc_top_domains": ("가장 많이 신고된 도메인", "Most reported domains"),
    "cc_top_phones": ("가장 많이 신고된 번호", "Most reported numbers"),
    "cc_per_day": ("일별 조회·신고 수", "Checks and reports per day"),
    "cc_export_heading": ("신고 내보내기 (CSV)", "Export reports (CSV)"),
    "cc_export_from": ("시작일", "From"),
    "cc_export_to": ("종료일", "To"),
    "cc_export_button": ("내려받기", "Download"),
    "cc_export_labelled": (
        "재학습용 판정 데이터 (text,label CSV)",
        "Labelled data for retraining (text,label CSV)",
    ),
    "cc_bad_dates": ("날짜 형식이 잘못되었습니다 (YYYY-MM-DD).", "Dates must look like YYYY-MM-DD."),
    "cc_nav_lookup": ("조회", "Lookup"),
    "cc_nav_overview": ("현황", "Overview"),
    "cc_none": ("없음", "None"),
}


def current_lang() -> str:
    """``?lang=`` wins, then the cookie, then Korean."""
    lang = getattr(g, "lang", None)
    if lang:
        return lang
    lang = request.args.get("lang") or request.cookies.get(LANG_COOKIE) or "ko"
    g.lang = lang if lang in LANGS else "ko"
    return g.lang


def t(key: str, **values) -> str:
    ko, en = STRINGS[key]
    text = en if current_lang() == "en" else ko
    return text.format(**values) if values else text
