"""Citizens' page: the verdict on the same page, inert attacker content, CSRF, errors, language, headers."""

from __future__ import annotations

import re

from svc_helpers import SMISHING, csrf_from, make_app

XSS = SMISHING + ' <script>alert("x")</script> <a href="https://evil.example/pay">눌러</a>'


def _post(client, **data):
    token = csrf_from(client.get("/").text)
    return client.post("/", data={"csrf_token": token, **data})


def test_index_is_korean_and_accessible(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="ko">' in html
    assert '<label for="text">' in html and 'id="text"' in html
    assert '<label for="sender">' in html and 'id="sender"' in html
    assert "개인정보 안내" in html and "90일" in html
    assert "<script" not in html  # works without JavaScript, and none is inline


def test_security_headers(client):
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_session_cookie_is_httponly_and_lax(client):
    response = client.get("/")
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_smishing_message_gets_high_risk_with_reasons(client):
    response = _post(client, text=SMISHING)
    assert response.status_code == 200
    html = response.text
    assert 'class="verdict risk-high"' in html
    assert '<svg class="icon"' in html and 'level-words">위험<' in html  # icon and words, not colour alone
    assert "이렇게 판단한 이유" in html and "지금 할 일" in html
    assert "이 문자 신고하기" in html


def test_attacker_content_is_inert(client):
    html = _post(client, text=XSS).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert 'href="https://evil.example' not in html
    assert not re.search(r'<a [^>]*href="[^"]*han\.gl', html)
    assert "han[.]gl" in html  # shown defanged


def test_punycode_shown_next_to_unicode(client):
    html = _post(client, text="국민은행 보안 확인 https://국민은행.com/login").text
    assert "xn--" in html and "국민은행[.]com" in html


def test_missing_csrf_is_rejected(client):
    response = client.post("/", data={"text": SMISHING})
    assert response.status_code == 400
    assert "보안 토큰" in response.text


def test_empty_message_is_a_clear_error(client):
    response = _post(client, text="   ")
    assert response.status_code == 400
    assert "문자 내용을 입력해 주세요" in response.text


def test_too_long_message_is_a_clear_error(client, app):
    limit = app.config["MAX_TEXT_LENGTH"]
    assert limit == 5000
    response = _post(client, text="가" * (limit + 1))
    assert response.status_code == 400
    assert f"최대 {limit}자" in response.text
    assert 'aria-invalid="true"' in response.text


def test_body_over_the_limit_is_413_page(client):
    response = client.post("/", data={"text": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "너무 큽니다" in response.text


def test_report_button_stores_a_redacted_report(client, store):
    token = csrf_from(_post(client, text=SMISHING).text)
    response = client.post("/report", data={"csrf_token": token, "text": SMISHING, "sender": "010-9876-5432"})
    assert response.status_code == 200
    assert "신고해 주셔서 감사합니다" in response.text
    rows = list(store.db["reports"].rows)
    assert len(rows) == 1
    assert rows[0]["risk"] == "high" and rows[0]["source"] == "web"
    assert "010-2345-6789" not in rows[0]["text"] and "[전화번호]" in rows[0]["text"]


def test_check_is_stored_with_verdict_and_versions(client, store):
    _post(client, text=SMISHING, sender="010-9876-5432")
    (row,) = list(store.db["checks"].rows)
    assert row["risk"] == "high"
    assert '"versions"' in row["verdict"] and "service" in row["versions"]
    assert row["sender_key"].startswith("h:")


def test_sender_of_foreign_digits_is_no_phone(client, store):
    # U+16AC0 is a digit to str.isdigit() and to \\d, but no phone number (was a 500 found by the route fuzzer).
    response = _post(client, text=SMISHING, sender="\U00016ac0")
    assert response.status_code == 200
    (row,) = list(store.db["checks"].rows)
    assert row["sender_key"] is None


def test_english_toggle_and_cookie(client):
    response = client.get("/?lang=en")
    assert '<html lang="en">' in response.text and "Message you received" in response.text
    assert "lang=en" in response.headers["Set-Cookie"]
    assert '<html lang="en">' in client.get("/").text  # remembered by the cookie
    assert '<html lang="ko">' in client.get("/?lang=ko").text


def test_english_verdict(client):
    client.get("/?lang=en")
    html = _post(client, text=SMISHING).text
    assert "High risk" in html and "What to do now" in html


def test_unknown_page_is_404_html(client):
    response = client.get("/nope")
    assert response.status_code == 404 and "text/html" in response.content_type


def test_healthz_reports_checker_and_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "checker": "ok", "database": "ok"}


def test_healthz_reports_storage_failure(client, store, monkeypatch):
    monkeypatch.setattr(store, "ready", lambda: (False, "database error: OperationalError"))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json["database"].startswith("database error")


def test_healthz_reports_checker_failure(tmp_path):
    def broken(text, sender=None):
        raise RuntimeError("model missing")

    client = make_app(tmp_path, CHECK=broken).test_client()
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json["checker"] == "error: RuntimeError"
