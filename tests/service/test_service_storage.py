"""Storage: raw personal numbers never reach the file; retention; migrations; connections across fork."""

from __future__ import annotations

import multiprocessing
import os
from datetime import timedelta

import pytest
from svc_helpers import csrf_from, make_app, minimal_verdict

from service.privacy import STORED_FORMAT, Redactor, stored_verdict
from service.storage import Store, utcnow

RAW = {
    "mobile": "010-2345-6789",
    "sender": "010-8765-4321",
    "landline": "02-3456-7890",
    "rrn": "900101-1234567",
    "card": "4518-1234-5678-9012",
    "account": "110-234-567890",
    "email": "victim.kim@example.com",
}
MESSAGE = (
    f"[국외발신] 고객님 택배 주소 오류 han.gl/abc 연락 {RAW['mobile']} 사무실 {RAW['landline']} "
    f"주민번호 {RAW['rrn']} 카드 {RAW['card']} 계좌 {RAW['account']} 메일 {RAW['email']} "
    f"http://evil.example/t?n=01023456789"
)


def _db_bytes(path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(str(path) + suffix):
            with open(str(path) + suffix, "rb") as handle:
                data += handle.read()
    return data


def test_raw_numbers_appear_nowhere_in_the_database_file(tmp_path, app):
    client = app.test_client()
    store = app.extensions["smishcheck_store"]
    token = csrf_from(client.get("/").text)
    client.post("/", data={"csrf_token": token, "text": MESSAGE, "sender": RAW["sender"]})
    client.post("/report", data={"csrf_token": token, "text": MESSAGE, "sender": RAW["sender"]})
    key = store.create_api_key("bot")
    headers = {"Authorization": f"Bearer {key}"}
    client.post("/api/v1/check", json={"text": MESSAGE, "sender": RAW["sender"]}, headers=headers)
    client.post("/api/v1/reports", json={"text": MESSAGE}, headers=headers)
    client.get("/api/v1/lookup", query_string={"q": RAW["mobile"]}, headers=headers)
    assert store.db["checks"].count >= 2 and store.db["reports"].count == 2
    data = _db_bytes(tmp_path / "smishcheck.db")
    assert b"han.gl" in data  # the domain is kept for lookups: the grep does see stored text
    for name, raw in RAW.items():
        digits = "".join(c for c in raw if c.isdigit())
        for form in {raw, digits} - {""}:
            assert form.encode("utf-8") not in data, f"{name} {form} found in the database file"
    assert b"01023456789" not in data


def test_official_numbers_are_kept_verbatim(tmp_path):
    store = Store(tmp_path / "a.db", Redactor(b"k", official=lambda digits: digits == "15881234"))
    store.init()
    verdict = {
        "risk": "low",
        "score": 0.0,
        "reasons": [],
        "urls": [],
        "advice": {"ko": "", "en": ""},
        "phones": [{"number": "15881234", "kind": "representative", "official": True}],
    }
    store.record_check("고객센터 1588-1234", verdict)
    (row,) = store.db["checks"].rows
    assert "1588-1234" in row["text"]
    assert stored_verdict(row["verdict"])["phones"][0]["number"] == "15881234"
    (indicator,) = store.db["indicators"].rows
    assert indicator["value"] == "o:15881234"


def test_purge_deletes_old_checks_only(store):
    verdict = minimal_verdict(
        urls=[
            {
                "url": "http://a.example",
                "host": "a.example",
                "registered_domain": "a.example",
                "official": False,
            }
        ]
    )
    old = store.record_check("old", verdict)
    new = store.record_check("new", verdict)
    report = store.record_report("report", verdict)
    long_ago = (utcnow() - timedelta(days=100)).isoformat(timespec="seconds")
    with store.immediate() as db:
        db.execute("UPDATE checks SET created_at = ? WHERE id = ?", [long_ago, old])
        db.execute("UPDATE reports SET created_at = ? WHERE id = ?", [long_ago, report])
    assert store.purge(90) == 1
    assert [r["id"] for r in store.db["checks"].rows] == [new]
    assert store.db["reports"].count == 1  # reports are kept
    assert store.db["indicators"].count_where("check_id = ?", [old]) == 0


def test_purge_runs_at_startup(tmp_path):
    app = make_app(tmp_path)
    store = app.extensions["smishcheck_store"]
    verdict = minimal_verdict("low", score=0.0)
    check_id = store.record_check("x", verdict)
    with store.immediate() as db:
        db.execute("UPDATE checks SET created_at = '2000-01-01T00:00:00+00:00' WHERE id = ?", [check_id])
    make_app(tmp_path)  # a restart
    assert store.db["checks"].count == 0


def test_migrations_are_idempotent_and_wal_is_on(store):
    store.init()
    store.init()
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert store.ready() == (True, "ok")
    assert "reports_fts" in store.db.table_names()


def test_ready_reports_missing_schema(tmp_path):
    store = Store(tmp_path / "empty.db", Redactor(b"k"))
    ok, status = store.ready()
    assert not ok and "pending" in status


def _child_writes(path: str, count: int) -> None:
    store = Store(path, Redactor(b"k"))
    verdict = minimal_verdict("low", score=0.0)
    for n in range(count):
        store.record_check(f"child {n}", verdict)


def test_concurrent_writers_in_processes(tmp_path):
    path = str(tmp_path / "c.db")
    Store(path, Redactor(b"k")).init()
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_child_writes, args=(path, 25)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    assert Store(path, Redactor(b"k")).db["checks"].count == 75


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_connection_is_not_shared_across_fork(store):
    parent_conn = store.db.conn
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: must open its own connection
        os.close(read)
        os.write(write, b"1" if store.db.conn is not parent_conn else b"0")
        os._exit(0)
    os.close(write)
    answer = os.read(read, 1)
    os.waitpid(pid, 0)
    assert answer == b"1"
    assert store.db.conn is parent_conn


def test_stored_verdict_keeps_what_varies_not_the_wording(app):
    """The API answers the whole Verdict; the row keeps risk, score, reasons' ids/scores/evidence,
    links, numbers (redacted) and versions, not the label, sentences and advice text."""
    store = app.extensions["smishcheck_store"]
    key = store.create_api_key("bot")
    answer = (
        app.test_client()
        .post("/api/v1/check", json={"text": MESSAGE}, headers={"Authorization": f"Bearer {key}"})
        .get_json()
    )
    assert answer["advice"]["steps_ko"] and answer["reasons"][0]["ko"] and answer["label"]["ko"]
    (row,) = store.db["checks"].rows
    stored = stored_verdict(row["verdict"])
    assert stored["format"] == STORED_FORMAT and "advice" not in stored
    assert answer["advice"]["steps_ko"][0] not in row["verdict"]
    assert answer["reasons"][0]["ko"] not in row["verdict"]
    assert stored["label"] == answer["label"] and stored["risk"] == answer["risk"]
    assert stored["score"] == answer["score"] and stored["versions"] == answer["versions"]
    assert [r["id"] for r in stored["reasons"]] == [r["id"] for r in answer["reasons"]]
    assert [r["score"] for r in stored["reasons"]] == [r["score"] for r in answer["reasons"]]
    assert [u["registered_domain"] for u in stored["urls"]] == [
        u["registered_domain"] for u in answer["urls"]
    ]
    assert len(stored["phones"]) == len(answer["phones"])
    assert all(p["number"] == "[전화번호]" and p["number_key"].startswith("h:") for p in stored["phones"])


def test_rows_written_before_the_compact_format_read_in_the_same_shape(tmp_path):
    """Old rows hold the whole (redacted) Verdict.to_dict(): read in the compact shape, unchanged."""
    import json

    store = Store(tmp_path / "a.db", Redactor(b"k"))
    store.init()
    reason = {
        "id": "URL_SHORTENER",
        "score": 2,
        "ko": "단축 주소",
        "en": "Shortener",
        "evidence": "han.gl/abc",
        "group": "url",
    }
    old = {
        "risk": "medium",
        "label": {"ko": "주의", "en": "Caution"},
        "score": 0.5,
        "reasons": [reason],
        "urls": [{"url": "han.gl/abc", "registered_domain": "han.gl"}],
        "phones": [],
        "advice": {
            "ko": "조심하세요.",
            "en": "Be careful.",
            "steps_ko": ["조심하세요."],
            "steps_en": ["Be careful."],
        },
        "versions": {"rules": "r1"},
    }
    new = store.redactor.verdict_json(old)
    assert stored_verdict(json.dumps(old, ensure_ascii=False)) == stored_verdict(new)
    read = stored_verdict(new)
    assert read["reasons"] == [{"id": "URL_SHORTENER", "score": 2, "evidence": "han.gl/abc", "group": "url"}]
    assert read["label"]["ko"] == "주의" and read["versions"] == {"rules": "r1"}
    assert "advice" not in read and "조심" not in new
