"""Take the README screenshots: the citizens' page at mobile width, the call-center lookup on a desktop.

    .venv/bin/python docs/make_screenshots.py      # needs /usr/bin/chromium and fonts-nanum

Runs the app on a temporary database (nothing outside a temp dir is touched), fills it with a few
made-up reports, and writes docs/screenshots/citizen-mobile.png and docs/screenshots/callcenter.png.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service import create_app

OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Made-up messages in the style of real campaigns (no real numbers: 010-0000-xxxx is not assigned).
SMISHING = "[국외발신] 민생회복 소비쿠폰 지급 대상입니다. 오늘 마감이니 han.gl/Xy12 에서 신청하세요"
EARLIER = [
    "[Web발신] 민생회복 소비쿠폰 미신청 대상자입니다 han.gl/Xy12 문의 010-0000-1234",
    "CJ대한통운 택배 주소 불명으로 반송 예정입니다. 주소 수정 han.gl/Xy12",
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"DATABASE": f"{tmp}/shots.db", "SECRET_KEY": "screenshots", "RETENTION_DAYS": 90})
        store = app.extensions["smishcheck_store"]
        from service.checking import run_check

        with app.app_context():
            for text in EARLIER:
                store.record_report(text, run_check(text), source="web", label="smishing")
        password = store.create_agent("상담원1")
        server = make_server("127.0.0.1", 0, app, threaded=True)
        url = f"http://127.0.0.1:{server.server_port}"
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
                mobile = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
                mobile.goto(url + "/")
                mobile.get_by_label("받은 문자 내용").fill(SMISHING)
                mobile.get_by_role("button", name="확인하기").click()
                mobile.wait_for_selector(".verdict")
                mobile.screenshot(path=str(OUT / "citizen-mobile.png"), full_page=True)

                desk = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
                desk.goto(url + "/callcenter/login")
                desk.get_by_label("상담원 아이디").fill("상담원1")
                desk.get_by_label("비밀번호").fill(password)
                desk.get_by_role("button", name="로그인").click()
                desk.get_by_label("고객이 읽어 준 문자, 링크, 도메인 또는 전화번호").fill("han.gl/Xy12")
                desk.get_by_role("button", name="조회").click()
                desk.wait_for_selector(".verdict")
                desk.screenshot(path=str(OUT / "callcenter.png"), full_page=True)
                browser.close()
        finally:
            server.shutdown()
    for name in ("citizen-mobile.png", "callcenter.png"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
