"""The batched write path of `smishcheck serve` (service/check_queue.py): queued checks are stored
and redacted, a stop writes what is queued, a failed write shows in /healthz, check ids never
collide, and reports never wait in the queue (committed before their 201)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

import pytest
from svc_helpers import SMISHING, make_app


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path, API_RATE_PER_MINUTE=10**9, API_BURST=10**9)


def _queue(store, **options):
    # A long linger: nothing is written until flush() or close(), so a test sees the queue itself.
    return store.start_check_queue(**({"linger": 60.0} | options))


def _check(client, auth, text):
    response = client.post("/api/v1/check", json={"text": text}, headers=auth)
    assert response.status_code == 200, response.json
    return response.json


def _stored(path, table="checks") -> dict[int, str]:
    """Rows as another process sees them: only what is committed."""
    with sqlite3.connect(path) as conn:
        return dict(conn.execute(f"SELECT id, text FROM {table}").fetchall())


def test_queued_checks_are_stored_redacted_with_the_ids_answered(app, client, store, auth):
    queue = _queue(store)
    answers = [_check(client, auth, f"{SMISHING} #{n}") for n in range(20)]
    ids = [answer["check_id"] for answer in answers]
    assert all(isinstance(i, int) for i in ids) and len(set(ids)) == 20
    assert answers[0]["risk"] == "high"
    assert not set(ids) & set(_stored(store.path)), "written before the linger ended: not queued"

    assert queue.flush(timeout=10)
    rows = _stored(store.path)
    assert set(ids) <= set(rows)
    with sqlite3.connect(store.path) as conn:
        for check_id in ids:
            text, verdict, source = conn.execute(
                "SELECT text, verdict, source FROM checks WHERE id = ?", [check_id]
            ).fetchone()
            assert source == "api"
            assert "010-2345-6789" not in text and "[전화번호]" in text
            assert "01023456789" not in verdict and "2345-6789" not in verdict
            kinds = {k for (k,) in conn.execute("SELECT kind FROM indicators WHERE check_id = ?", [check_id])}
            assert kinds == {"domain", "url", "phone"}


def test_close_writes_everything_queued_and_later_checks_synchronously(app, client, store, auth):
    queue = _queue(store)
    ids = [_check(client, auth, f"{SMISHING} #{n}")["check_id"] for n in range(10)]
    assert queue.pending() == 10
    started = time.monotonic()
    queue.close()
    assert time.monotonic() - started < 10  # the linger (60 s) is cut short by the stop
    assert set(ids) <= set(_stored(store.path))
    # After the stop (a worker shutting down), a check is written by the request itself.
    late = _check(client, auth, f"{SMISHING} late")["check_id"]
    assert late in _stored(store.path)


def test_a_failed_batch_write_shows_in_healthz_and_checks_turn_synchronous(
    app, client, store, auth, monkeypatch, caplog
):
    queue = _queue(store, linger=0.0)
    assert client.get("/healthz").status_code == 200
    # The writer thread's own connection refuses every write (as a read-only file does).
    connect = store._connect

    def connect_read_only_in_writer():
        db = connect()
        if threading.current_thread().name == "smishcheck-check-writer":
            db.conn.execute("PRAGMA query_only = ON")
        return db

    monkeypatch.setattr(store, "_connect", connect_read_only_in_writer)
    with caplog.at_level(logging.ERROR):
        lost = _check(client, auth, f"{SMISHING} lost")["check_id"]
        queue.flush(timeout=10)
    assert "queued check(s) not stored" in caplog.text
    assert lost not in _stored(store.path)
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json["database"].startswith("write failed")

    # While the error stands, checks are stored by the request (visible at once, no flush) ...
    after = _check(client, auth, f"{SMISHING} after")["check_id"]
    assert after in _stored(store.path)
    # ... and that success clears the error: /healthz is back, and batching resumes.
    assert client.get("/healthz").status_code == 200
    assert queue.pending() == 0


def test_a_report_is_committed_before_its_201_even_with_checks_queued(app, client, store, auth):
    _queue(store)  # checks wait 60 s in the queue; a report must not
    _check(client, auth, SMISHING)
    response = client.post("/api/v1/reports", json={"text": SMISHING}, headers=auth)
    assert response.status_code == 201
    assert response.json["id"] in _stored(store.path, "reports")  # committed: another connection sees it


def test_a_report_that_cannot_be_committed_is_not_acknowledged(app, client, store, auth):
    _queue(store)
    store.db.execute("PRAGMA query_only = ON")  # the request thread's connection: reports write there
    response = client.post("/api/v1/reports", json={"text": SMISHING}, headers=auth)
    assert response.status_code == 503 and response.json["error"]["code"] == "storage_unavailable"
    assert _stored(store.path, "reports") == {}


def test_check_ids_of_two_workers_never_collide(tmp_path):
    # Two app instances on one file = two worker processes, each with its own block of ids.
    first, second = make_app(tmp_path), make_app(tmp_path)
    one, two = first.extensions["smishcheck_store"], second.extensions["smishcheck_store"]
    ids = [store.new_check_id() for _ in range(5) for store in (one, two)]
    assert len(set(ids)) == len(ids)
    # Synchronous writes use the same allocator: no row can take an id reserved by the other.
    row_id = one.record_check(SMISHING, {"risk": "high", "score": 1.0, "urls": [], "phones": []})
    assert row_id not in ids
    assert two.new_check_id() not in [*ids, row_id]


def test_a_dead_writer_with_checks_waiting_fails_healthz(app, client, store, auth):
    queue = _queue(store)
    _check(client, auth, SMISHING)
    queue._thread = threading.Thread(target=lambda: None)  # a writer that is not running
    assert queue.healthy() is False
    health = client.get("/healthz")
    assert health.status_code == 503 and "writer" in health.json["database"]


def test_the_redaction_shortcut_never_changes_what_is_stored():
    # Redactor.text skips the patterns for strings with fewer than 7 digits and no "@": it must
    # return exactly what checker.redact would, whatever the string.
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from checker.redact import redact
    from service.privacy import Redactor

    redactor = Redactor(b"test-secret")
    alphabet = st.sampled_from(list("0123456789０١-. )(+@abc가나") + ["010", "1588", "02", "82"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(alphabet, max_size=24).map("".join))
    def same(text):
        assert redactor.text(text) == redact(text, is_official_phone=redactor._official).text

    same()
