"""service/fast_check.py answers POST /api/v1/check exactly as the Flask route does: same status,
headers and body for ordinary and bad requests, the same rate limit, one token per request."""

from __future__ import annotations

import json

import pytest
from svc_helpers import SMISHING, make_app

LONG = "가" * 6000


def _pair(tmp_path, **config):
    fast = make_app(tmp_path / "fast", **config)
    flask_only = make_app(tmp_path / "flask", FAST_CHECK=False, **config)
    keys = [app.extensions["smishcheck_store"].create_api_key("bot") for app in (fast, flask_only)]
    return (fast, keys[0]), (flask_only, keys[1])


REQUESTS = [
    # (description, body bytes, headers without Authorization, auth: "key" | "none" | "wrong", query)
    ("ordinary", {"text": SMISHING}, {"Content-Type": "application/json"}, "key", ""),
    (
        "sender and lang",
        {"text": SMISHING, "sender": "010-9876-5432", "lang": "en"},
        {"Content-Type": "application/json"},
        "key",
        "",
    ),
    (
        "charset",
        {"text": "택배 주소 확인 bit.ly/x"},
        {"Content-Type": "application/json; charset=utf-8"},
        "key",
        "",
    ),
    ("no key", {"text": SMISHING}, {"Content-Type": "application/json"}, "none", ""),
    ("unknown key", {"text": SMISHING}, {"Content-Type": "application/json"}, "wrong", ""),
    ("text/plain", {"text": SMISHING}, {"Content-Type": "text/plain"}, "key", ""),
    ("malformed", b'{"text": ', {"Content-Type": "application/json"}, "key", ""),
    ("array", [SMISHING], {"Content-Type": "application/json"}, "key", ""),
    ("nested", b"[" * 100000, {"Content-Type": "application/json"}, "key", ""),
    ("too long", {"text": LONG}, {"Content-Type": "application/json"}, "key", ""),
    ("empty", {"text": "  "}, {"Content-Type": "application/json"}, "key", ""),
    ("bad lang", {"text": SMISHING, "lang": "fr"}, {"Content-Type": "application/json"}, "key", ""),
    ("bad sender", {"text": SMISHING, "sender": 5}, {"Content-Type": "application/json"}, "key", ""),
    ("query", {"text": SMISHING}, {"Content-Type": "application/json"}, "key", "lang=en"),
    ("too large", {"text": "x" * (3 * 1024 * 1024)}, {"Content-Type": "application/json"}, "key", ""),
]


def _send(client, key, body, headers, auth, query):
    data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    headers = dict(headers)
    if auth == "key":
        headers["Authorization"] = f"Bearer {key}"
    elif auth == "wrong":
        headers["Authorization"] = "Bearer sck_not-a-key"
    return client.post("/api/v1/check" + (f"?{query}" if query else ""), data=data, headers=headers)


def test_both_paths_answer_byte_for_byte_the_same(tmp_path):
    (fast, fast_key), (flask_only, flask_key) = _pair(tmp_path, API_RATE_PER_MINUTE=10**6, API_BURST=10**6)
    for description, body, headers, auth, query in REQUESTS:
        one = _send(fast.test_client(), fast_key, body, headers, auth, query)
        two = _send(flask_only.test_client(), flask_key, body, headers, auth, query)
        assert one.status_code == two.status_code, description
        assert one.get_data() == two.get_data(), description
        assert sorted(one.headers.items()) == sorted(two.headers.items()), description
    # The ordinary requests were served by the fast path, everything else by Flask.
    assert fast.wsgi_app.served == 3
    assert flask_only.wsgi_app.__class__.__name__ != "FastCheck"


@pytest.mark.parametrize("fast_check", [True, False])
def test_one_token_per_request_and_the_same_429(tmp_path, fast_check):
    app = make_app(tmp_path, FAST_CHECK=fast_check, API_RATE_PER_MINUTE=1, API_BURST=3)
    key = app.extensions["smishcheck_store"].create_api_key("bot")
    client = app.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    statuses = [
        client.post("/api/v1/check", json={"text": SMISHING}, headers=headers).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 200]
    limited = client.post("/api/v1/check", json={"text": SMISHING}, headers=headers)
    assert limited.status_code == 429 and limited.json["error"]["code"] == "rate_limited"
    assert int(limited.headers["Retry-After"]) >= 1


def test_fast_path_stores_the_check_redacted(tmp_path):
    (fast, key), _ = _pair(tmp_path)
    answer = fast.test_client().post(
        "/api/v1/check", json={"text": SMISHING}, headers={"Authorization": f"Bearer {key}"}
    )
    assert fast.wsgi_app.served == 1
    row = (
        fast.extensions["smishcheck_store"]
        .db.execute("SELECT text, source FROM checks WHERE id = ?", [answer.json["check_id"]])
        .fetchone()
    )
    assert row == (SMISHING.replace("010-2345-6789", "[전화번호]"), "api")
