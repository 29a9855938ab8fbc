"""Call-center pages: sign-in, lookup with script and history, search, outcomes, overview, CSV exports."""

from __future__ import annotations

import csv
import io

from svc_helpers import SMISHING, csrf_from, minimal_verdict


def _lookup(client, q):
    token = csrf_from(client.get("/callcenter/").text)
    return client.post("/callcenter/", data={"csrf_token": token, "q": q})


def test_login_required(client):
    for path in (
        "/callcenter/",
        "/callcenter/search",
        "/callcenter/overview",
        "/callcenter/labelled.csv",
        "/callcenter/export.csv?from=2024-01-01&to=2024-01-02",
    ):
        response = client.get(path)
        assert response.status_code == 302 and "/callcenter/login" in response.headers["Location"]


def test_bad_password_is_401_and_throttled(client, store):
    store.create_agent("agent1")
    token = csrf_from(client.get("/callcenter/login").text)
    statuses = [
        client.post(
            "/callcenter/login", data={"csrf_token": token, "name": "agent1", "password": "wrong"}
        ).status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [401] * 5 and statuses[5] == 429


def test_login_without_csrf_is_rejected(client, store):
    password = store.create_agent("agent1")
    response = client.post("/callcenter/login", data={"name": "agent1", "password": password})
    assert response.status_code == 400


def test_disabled_agent_cannot_sign_in(client, store):
    password = store.create_agent("agent2")
    store.disable_agent("agent2")
    token = csrf_from(client.get("/callcenter/login").text)
    response = client.post(
        "/callcenter/login", data={"csrf_token": token, "name": "agent2", "password": password}
    )
    assert response.status_code == 401


def test_no_open_redirect_after_login(client, store):
    password = store.create_agent("agent3")
    token = csrf_from(client.get("/callcenter/login").text)
    response = client.post(
        "/callcenter/login?next=https://evil.example/",
        data={"csrf_token": token, "name": "agent3", "password": password},
    )
    assert response.headers["Location"] == "/callcenter/"


def test_passwords_are_stored_hashed(store):
    password = store.create_agent("agent4")
    (row,) = store.db["agents"].rows_where("name = ?", ["agent4"])
    assert password not in row["password_hash"] and row["password_hash"].startswith("scrypt:")


def test_lookup_shows_verdict_script_and_history(agent_client):
    _lookup(agent_client, SMISHING)  # an earlier check of the same campaign
    response = _lookup(agent_client, "han.gl/abc")
    assert response.status_code == 200
    html = response.text
    assert "고객에게 읽어 줄 안내" in html and "고객님" in html
    assert "이전 기록" in html and "han[.]gl" in html
    assert "[전화번호]" in html  # the example is redacted
    assert 'href="http' not in html
    assert "no-store" in response.headers["Cache-Control"]


def test_lookup_by_number_after_report(agent_client, client, store):
    store.record_report(
        SMISHING,
        {
            "risk": "high",
            "score": 1.0,
            "reasons": [],
            "urls": [],
            "advice": {"ko": "", "en": ""},
            "phones": [{"number": "01023456789", "kind": "mobile", "official": False}],
        },
    )
    html = _lookup(agent_client, "010 2345 6789").text
    assert "비공개 번호 #" in html
    assert "<td>1</td>" in html  # one earlier report


def test_outcome_is_saved_and_exported_as_labelled_csv(agent_client, store):
    html = _lookup(agent_client, SMISHING).text
    token = csrf_from(html)
    response = agent_client.post(
        "/callcenter/outcome",
        data={"csrf_token": token, "text": SMISHING, "label": "smishing", "note": "고객 확인"},
    )
    assert response.status_code == 302
    assert "저장했습니다" in agent_client.get(response.headers["Location"]).text
    export = agent_client.get("/callcenter/labelled.csv")
    rows = list(csv.reader(io.StringIO(export.get_data(as_text=True))))
    assert rows[0] == ["text", "label"]
    assert rows[1][1] == "smishing" and "[전화번호]" in rows[1][0]


def test_outcome_rejects_unknown_label(agent_client):
    token = csrf_from(agent_client.get("/callcenter/").text)
    response = agent_client.post(
        "/callcenter/outcome", data={"csrf_token": token, "text": "x", "label": "evil"}
    )
    assert response.status_code == 400


def test_search_trigram_and_short_queries(agent_client, store):
    verdict = minimal_verdict()
    store.record_report("CJ대한통운 택배가 주소 불명으로 반송되었습니다", verdict)
    store.record_report("건강검진 결과 보고서 발송", verdict)
    assert "반송되었습니다" in agent_client.get("/callcenter/search?q=택배가").text  # trigram FTS
    assert "반송되었습니다" in agent_client.get("/callcenter/search?q=택배").text  # 2 characters: LIKE
    assert "건강검진" in agent_client.get("/callcenter/search?q=검").text  # 1 character
    assert "검색 결과가 없습니다" in agent_client.get("/callcenter/search?q=없는말").text
    # FTS syntax in the query is quoted, never an error
    assert agent_client.get('/callcenter/search?q="택배 OR NEAR(').status_code == 200


def test_overview_has_top_lists_and_svg_chart(agent_client, store):
    verdict = minimal_verdict(
        urls=[
            {
                "url": "http://evil.example/x",
                "host": "evil.example",
                "registered_domain": "evil.example",
                "official": False,
            }
        ]
    )
    store.record_report("문자 http://evil.example/x", verdict)
    response = agent_client.get("/callcenter/overview")
    html = response.text
    assert "evil[.]example" in html
    assert "<svg" in html and 'class="bar-reports"' in html
    assert "<script" not in html


def test_export_csv_neutralises_formulas(agent_client, store):
    verdict = minimal_verdict()
    store.record_report('=HYPERLINK("http://evil.example","클릭")', verdict)
    store.record_report("+cmd", verdict, channel="@sms")
    from datetime import date

    today = date.today().isoformat()
    response = agent_client.get(f"/callcenter/export.csv?from={today}&to={today}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0]["text"].startswith("'=HYPERLINK")
    assert rows[1]["text"] == "'+cmd" and rows[1]["channel"] == "'@sms"


def test_export_bad_dates_is_400(agent_client):
    assert agent_client.get("/callcenter/export.csv?from=yesterday&to=2024-01-01").status_code == 400


def test_logout(agent_client):
    token = csrf_from(agent_client.get("/callcenter/").text)
    assert agent_client.post("/callcenter/logout", data={"csrf_token": token}).status_code == 302
    assert agent_client.get("/callcenter/").status_code == 302


def test_search_with_control_characters_is_not_an_error(agent_client, store):
    # Found by hypothesis: a NUL in the query made SQLite's FTS fail (503).
    store.record_report("건강검진 결과 보고서 발송 00", minimal_verdict())
    for query in ("00\x00", "\x00\x01", "건강\x00검진"):
        assert agent_client.get("/callcenter/search", query_string={"q": query}).status_code == 200
