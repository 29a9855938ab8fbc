"""End to end in a real headless Chromium (Debian's /usr/bin/chromium; skipped where it is absent)."""

from __future__ import annotations

import os

import pytest
from svc_helpers import LiveServer, make_app

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM), reason="needs /usr/bin/chromium (apt-get install chromium)"
    ),
]

PAYLOAD = (
    "[국외발신] 민생회복 소비쿠폰 지급 대상입니다. 오늘 마감 han.gl/abc 에서 신청하세요 "
    "<script>window.__pwned = 1; alert('x')</script>"
    '<img src=x onerror="window.__pwned = 2"> <a href="https://evil.example/pay">지금 신청</a>'
)


@pytest.fixture
def web_page(tmp_path):
    from playwright.sync_api import sync_playwright

    app = make_app(tmp_path)
    with LiveServer(app) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ko-KR")
        web_page = context.new_page()
        web_page.dialogs = []
        web_page.on("dialog", lambda dialog: (web_page.dialogs.append(dialog.message), dialog.dismiss()))
        web_page.base_url = server.url
        yield web_page
        browser.close()


def test_paste_smishing_see_high_risk_and_inert_payload(web_page):
    web_page.goto(web_page.base_url + "/")
    assert web_page.get_attribute("html", "lang") == "ko"
    web_page.get_by_label("받은 문자 내용").fill(PAYLOAD)
    web_page.get_by_label("보낸 번호 (선택)").fill("010-9876-5432")
    web_page.get_by_role("button", name="확인하기").click()
    web_page.wait_for_selector(".verdict")
    level = web_page.locator(".verdict .level-words")
    assert level.inner_text() == "위험"
    assert "risk-high" in web_page.get_attribute(".verdict", "class")
    # The payload is shown as text, never run, never a link.
    assert web_page.evaluate("window.__pwned") is None
    assert web_page.dialogs == []
    assert web_page.locator('a[href*="han.gl"]').count() == 0
    assert web_page.locator('a[href*="evil.example"]').count() == 0
    assert web_page.locator("main script").count() == 0
    assert "han[.]gl" in web_page.locator(".links").inner_text()
    # The textarea still holds the pasted text verbatim (escaped, not parsed).
    assert "<script>" in web_page.get_by_label("받은 문자 내용").input_value()


def test_report_button_works_without_javascript(web_page):
    web_page.context.close()  # a fresh context with JavaScript disabled
    browser = web_page.context.browser
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    nojs = context.new_page()
    nojs.goto(web_page.base_url + "/")
    nojs.get_by_label("받은 문자 내용").fill(PAYLOAD)
    nojs.get_by_role("button", name="확인하기").click()
    nojs.get_by_role("button", name="이 문자 신고하기").click()
    assert "신고해 주셔서 감사합니다" in nojs.locator("main").inner_text()


def test_keyboard_focus_order(web_page):
    web_page.goto(web_page.base_url + "/")
    order = []
    for _ in range(8):
        web_page.keyboard.press("Tab")
        order.append(
            web_page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")
        )
    assert order.index("text") < order.index("sender") < order.index("확인하기")
