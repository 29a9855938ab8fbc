"""Full disk and read-only database: a check still answers, the failure is logged and shown by
/healthz, a report is never acknowledged unless stored, and nothing is half-written.

Simulated on the worker's own connection: ``PRAGMA query_only`` (every write fails as on a read-only
file; root ignores file modes, so chmod would prove nothing here) and ``PRAGMA max_page_count`` (the
file cannot grow: SQLITE_FULL, exactly what a full disk gives).
"""

from __future__ import annotations

import logging

import pytest
from svc_helpers import SMISHING, csrf_from, make_app


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path, API_RATE_PER_MINUTE=10**9, API_BURST=10**9)


@pytest.fixture
def api(client, auth):
    def post(path, **body):
        return client.post(path, json=body, headers=auth)

    return post


def _counts(store) -> dict[str, int]:
    db = store.db
    return {
        table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("checks", "reports", "indicators")
    }


def _orphans_or_halves(store) -> int:
    """Rows that a half-written check or report would leave: one without its indicators, or the reverse."""
    db = store.db
    return db.execute(
        """SELECT (SELECT count(*) FROM checks c WHERE c.text LIKE '%han.gl%'
                   AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.check_id = c.id))
                + (SELECT count(*) FROM reports r WHERE r.text LIKE '%han.gl%'
                   AND NOT EXISTS (SELECT 1 FROM indicators i WHERE i.report_id = r.id))
                + (SELECT count(*) FROM indicators i WHERE i.check_id IS NOT NULL
                   AND NOT EXISTS (SELECT 1 FROM checks c WHERE c.id = i.check_id))"""
    ).fetchone()[0]


def test_read_only_database(app, client, store, api, caplog):
    assert api("/api/v1/check", text=SMISHING).status_code == 200
    before = _counts(store)
    store.db.execute("PRAGMA query_only = ON")
    with caplog.at_level(logging.ERROR):
        response = api("/api/v1/check", text=SMISHING)
    assert response.status_code == 200 and response.json["risk"] == "high"
    assert response.json["check_id"] is None  # answered, not stored
    assert "check not stored" in caplog.text
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json["database"].startswith("write failed")

    report = api("/api/v1/reports", text=SMISHING)
    assert report.status_code == 503 and report.json["error"]["code"] == "storage_unavailable"
    assert "Retry-After" in report.headers
    page = client.post("/", data={"csrf_token": csrf_from(client.get("/").text), "text": SMISHING})
    assert page.status_code == 200 and "han[.]gl" in page.text
    page = client.post("/report", data={"csrf_token": csrf_from(client.get("/").text), "text": SMISHING})
    assert page.status_code == 503 and "저장할 수 없어" in page.text
    kakao = client.post(
        "/api/v1/kakao/skill",
        json={"userRequest": {"utterance": SMISHING}},
        headers={"X-Skill-Secret": "kakao-test-secret"},
    )
    assert kakao.status_code == 200 and kakao.json["version"] == "2.0"
    assert _counts(store) == before
    assert app.extensions["smishcheck_internal_errors"] == 0

    # Writable again: the next write succeeds and /healthz recovers.
    store.db.execute("PRAGMA query_only = OFF")
    assert isinstance(api("/api/v1/check", text=SMISHING).json["check_id"], int)
    assert client.get("/healthz").status_code == 200


def test_full_disk_never_half_writes(app, client, store, api):
    page_size = store.db.execute("PRAGMA page_size").fetchone()[0]
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    # Room for a few more pages, then SQLITE_FULL: some writes fit, the rest fail mid-way.
    store.db.execute(f"PRAGMA max_page_count = {pages + 3}")
    stored = failed = acknowledged = refused = 0
    for n in range(60):
        text = f"{SMISHING} {'가나다라' * 200} #{n}"  # ~1 page per row: the limit is reached soon
        response = api("/api/v1/check", text=text)
        assert response.status_code == 200 and response.json["risk"] == "high"
        if response.json["check_id"] is None:
            failed += 1
        else:
            stored += 1
        report = api("/api/v1/reports", text=text)
        assert report.status_code in (201, 503), report.json
        if report.status_code == 201:
            acknowledged += 1
        else:
            refused += 1
            assert report.json["error"]["code"] == "storage_unavailable"
    assert failed > 0 and refused > 0, "the page limit was never reached: the test proved nothing"
    assert client.get("/healthz").json["database"].startswith("write failed")
    counts = _counts(store)
    assert counts["checks"] == stored and counts["reports"] == acknowledged
    assert _orphans_or_halves(store) == 0
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert app.extensions["smishcheck_internal_errors"] == 0
    assert page_size > 0

    # Space again: the same connection writes (no transaction was left open by a failed COMMIT).
    store.db.execute("PRAGMA max_page_count = 1073741823")
    assert api("/api/v1/reports", text=SMISHING).status_code == 201
    assert client.get("/healthz").status_code == 200
