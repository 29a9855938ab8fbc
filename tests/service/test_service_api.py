"""Bot API: auth, every error shape, the Verdict JSON, reports, lookup, Kakao skill, OpenAPI conformance."""

from __future__ import annotations

import json

import pytest
from schema_check import validate
from svc_helpers import SMISHING, make_app

ERROR_KEYS = {"error"}


class Unhandled:
    """How many requests reached the catch-all 500 handler since the fixture started."""

    def __init__(self, app):
        self.app = app
        self.start = app.extensions["smishcheck_internal_errors"]

    def __bool__(self) -> bool:
        return self.app.extensions["smishcheck_internal_errors"] > self.start


@pytest.fixture
def unhandled(app):
    """Normal bad input must never reach the catch-all handler: ``assert not unhandled``."""
    return Unhandled(app)


@pytest.fixture
def doc(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json


def schema_of(doc, path, method, status):
    content = doc["paths"][path][method]["responses"][str(status)]["content"]
    return content["application/json"]["schema"]


def conforms(doc, path, method, response):
    """The real response matches the documented schema for its status."""
    errors = validate(response.json, schema_of(doc, path, method, response.status_code), doc)
    assert not errors, errors


def assert_error(response, status, code=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.is_json
    assert set(response.json) == ERROR_KEYS and set(response.json["error"]) == {"code", "message"}
    if code:
        assert response.json["error"]["code"] == code
    assert "Traceback" not in response.get_data(as_text=True)


def test_check_returns_the_verdict_json(client, auth, doc):
    response = client.post("/api/v1/check", json={"text": SMISHING, "sender": "010-1111-2222"}, headers=auth)
    assert response.status_code == 200
    body = response.json
    assert body["risk"] == "high"
    assert body["reasons"] and all(hit["ko"] for hit in body["reasons"])
    assert isinstance(body["check_id"], int)
    assert body["label"]["ko"] == "위험"
    conforms(doc, "/check", "post", response)
    assert "위험" in response.get_data(as_text=True)  # ensure_ascii off: Korean is readable in the JSON


def test_check_lang_en_summary(client, auth):
    body = client.post("/api/v1/check", json={"text": SMISHING, "lang": "en"}, headers=auth).json
    assert body["summary"].startswith("High risk")


def test_batch(client, auth, doc):
    messages = [{"text": SMISHING}, {"text": "엄마 오늘 저녁 7시에 집에 가요"}]
    response = client.post("/api/v1/check/batch", json={"messages": messages}, headers=auth)
    assert response.status_code == 200
    assert response.json["results"][0]["risk"] == "high"
    assert len(response.json["results"]) == 2
    conforms(doc, "/check/batch", "post", response)


def test_batch_over_100_is_400(client, auth, doc):
    response = client.post("/api/v1/check/batch", json={"messages": [{"text": "a"}] * 101}, headers=auth)
    assert_error(response, 400, "batch_too_large")
    conforms(doc, "/check/batch", "post", response)


def test_batch_bad_item_names_its_index(client, auth):
    response = client.post(
        "/api/v1/check/batch", json={"messages": [{"text": "a"}, {"text": ""}]}, headers=auth
    )
    assert_error(response, 400, "empty_text")
    assert "messages[1]" in response.json["error"]["message"]


def test_reports_201_with_id(client, auth, store, doc):
    response = client.post(
        "/api/v1/reports", json={"text": SMISHING, "label": "smishing", "channel": "sms"}, headers=auth
    )
    assert response.status_code == 201
    conforms(doc, "/reports", "post", response)
    row = store.db["reports"].get(response.json["id"])
    assert row["label"] == "smishing" and row["channel"] == "sms" and row["source"] == "api"


@pytest.mark.parametrize(
    ("body", "code"),
    [({"text": "x", "label": "evil"}, "bad_label"), ({"text": "x", "channel": "s" * 33}, "bad_channel")],
)
def test_reports_bad_fields(client, auth, body, code):
    assert_error(client.post("/api/v1/reports", json=body, headers=auth), 400, code)


def test_lookup_counts_earlier_checks_and_reports(client, auth, doc):
    client.post("/api/v1/reports", json={"text": SMISHING}, headers=auth)
    client.post("/api/v1/check", json={"text": "쿠폰 han.gl/abc"}, headers=auth)
    response = client.get("/api/v1/lookup", query_string={"q": "han.gl"}, headers=auth)
    assert response.status_code == 200
    conforms(doc, "/lookup", "get", response)
    by_kind = {item["kind"]: item for item in response.json["indicators"]}
    assert by_kind["domain"]["value"] == "han.gl"
    assert by_kind["domain"]["reports"] == 1 and by_kind["domain"]["checks"] == 1
    assert response.json["script"]["ko"]


def test_lookup_by_phone_number_matches_hash(client, auth):
    client.post("/api/v1/reports", json={"text": SMISHING}, headers=auth)
    response = client.get("/api/v1/lookup", query_string={"q": "010-2345-6789"}, headers=auth)
    phones = [i for i in response.json["indicators"] if i["kind"] == "phone"]
    assert phones and phones[0]["reports"] == 1
    assert "2345" not in phones[0]["value"]


def test_lookup_without_q_is_400(client, auth, doc):
    response = client.get("/api/v1/lookup", headers=auth)
    assert_error(response, 400, "empty_text")
    conforms(doc, "/lookup", "get", response)


def test_missing_key_is_401(client, doc):
    response = client.post("/api/v1/check", json={"text": "x"})
    assert_error(response, 401, "missing_api_key")
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    conforms(doc, "/check", "post", response)


def test_bad_key_is_403(client, doc):
    response = client.post("/api/v1/check", json={"text": "x"}, headers={"Authorization": "Bearer nope"})
    assert_error(response, 403, "invalid_api_key")
    conforms(doc, "/check", "post", response)


def test_revoked_key_is_403(client, store, api_key):
    store.revoke_api_key("test-bot")
    response = client.post(
        "/api/v1/check", json={"text": "x"}, headers={"Authorization": f"Bearer {api_key}"}
    )
    assert_error(response, 403)


def test_malformed_json_is_400(client, auth, unhandled):
    response = client.post("/api/v1/check", data="{not json", content_type="application/json", headers=auth)
    assert_error(response, 400, "malformed_json")
    assert not unhandled


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "3"])
def test_non_object_is_400(client, auth, body, unhandled):
    response = client.post("/api/v1/check", data=body, content_type="application/json", headers=auth)
    assert_error(response, 400, "not_an_object")
    assert not unhandled


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({}, "empty_text"),
        ({"text": ""}, "empty_text"),
        ({"text": "   "}, "empty_text"),
        ({"text": 5}, "empty_text"),
        ({"text": None}, "empty_text"),
        ({"text": "가" * 5001}, "text_too_long"),
        ({"text": "x", "sender": 12}, "bad_sender"),
        ({"text": "x", "sender": "1" * 41}, "bad_sender"),
        ({"text": "hello \ud800"}, "bad_unicode"),
        ({"text": "x", "sender": "010\udc00"}, "bad_sender"),
        ({"text": "x", "lang": "fr"}, "bad_lang"),
    ],
)
def test_bad_fields_are_400(client, auth, body, code, unhandled, doc):
    # json.dumps escapes lone surrogates ("\\ud800") as a client's JSON would; the test client's own encoder cannot.
    response = client.post("/api/v1/check", data=json.dumps(body), content_type="application/json", headers=auth)
    assert_error(response, 400, code)
    conforms(doc, "/check", "post", response)
    assert not unhandled


def test_body_over_limit_is_413(client, auth, unhandled, doc):
    big = '{"text": "' + "x" * (3 * 1024 * 1024) + '"}'
    response = client.post("/api/v1/check", data=big, content_type="application/json", headers=auth)
    assert_error(response, 413, "body_too_large")
    conforms(doc, "/check", "post", response)
    assert not unhandled


def test_wrong_content_type_is_415(client, auth, doc):
    response = client.post("/api/v1/check", data="text=hello", content_type="text/plain", headers=auth)
    assert_error(response, 415, "unsupported_media_type")
    conforms(doc, "/check", "post", response)


def test_rate_limit_is_429_per_key(tmp_path):
    app = make_app(tmp_path, API_RATE_PER_MINUTE=1, API_BURST=2)
    store = app.extensions["smishcheck_store"]
    first, second = store.create_api_key("a"), store.create_api_key("b")
    client = app.test_client()

    def call(key):
        return client.post(
            "/api/v1/check", json={"text": "안녕하세요"}, headers={"Authorization": f"Bearer {key}"}
        )

    assert [call(first).status_code for _ in range(2)] == [200, 200]
    limited = call(first)
    assert_error(limited, 429, "rate_limited")
    assert int(limited.headers["Retry-After"]) >= 1
    assert call(second).status_code == 200  # buckets are per key


def test_unknown_api_route_and_method_are_json(client, auth):
    assert_error(client.get("/api/v1/nope", headers=auth), 404)
    assert_error(client.get("/api/v1/check", headers=auth), 405)


def test_catch_all_handler_returns_json_500_without_trace(tmp_path):
    def broken(text, sender=None):
        raise RuntimeError("secret internals")

    app = make_app(tmp_path, CHECK=broken)
    unhandled = Unhandled(app)
    key = app.extensions["smishcheck_store"].create_api_key("k")
    response = app.test_client().post(
        "/api/v1/check", json={"text": "x"}, headers={"Authorization": f"Bearer {key}"}
    )
    assert_error(response, 500, "internal_error")
    assert "secret internals" not in response.get_data(as_text=True)
    assert unhandled  # the guard used by the bad-input tests does see the catch-all


# -- Kakao i Open Builder skill ------------------------------------------------------------------

SKILL = "/api/v1/kakao/skill"
SECRET = {"X-Skill-Secret": "kakao-test-secret"}


def skill_request(utterance):
    return {"userRequest": {"utterance": utterance, "user": {"id": "u1"}}, "bot": {"id": "b"}}


def test_kakao_skill_answers_in_korean(client, doc):
    response = client.post(SKILL, json=skill_request(SMISHING), headers=SECRET)
    assert response.status_code == 200
    conforms(doc, "/kakao/skill", "post", response)
    body = response.json
    assert body["version"] == "2.0"
    outputs = body["template"]["outputs"]
    assert 1 <= len(outputs) <= 3 and len(body["template"]["quickReplies"]) <= 10
    assert all(len(o["simpleText"]["text"]) <= 1000 for o in outputs)
    assert outputs[0]["simpleText"]["text"].startswith("⛔ 위험")
    joined = " ".join(o["simpleText"]["text"] for o in outputs)
    assert "han.gl" not in joined and "han[.]gl" in joined


def test_kakao_long_message_stays_within_limits(client, doc):
    long_text = ("택배 주소 확인 bit.ly/x 010-1234-5678 " * 200)[:5000]
    response = client.post(SKILL, json=skill_request(long_text), headers=SECRET)
    assert response.status_code == 200
    conforms(doc, "/kakao/skill", "post", response)


@pytest.mark.parametrize("utterance", ["", "   ", None])
def test_kakao_empty_utterance_explains_usage(client, utterance):
    response = client.post(SKILL, json={"userRequest": {"utterance": utterance}}, headers=SECRET)
    assert response.status_code == 200
    assert "붙여 넣어" in response.json["template"]["outputs"][0]["simpleText"]["text"]


def test_kakao_quick_reply_is_not_checked(client, store):
    response = client.post(SKILL, json=skill_request("스미싱 신고 방법"), headers=SECRET)
    assert "118" in response.json["template"]["outputs"][0]["simpleText"]["text"]
    assert store.db["checks"].count == 0


def test_kakao_wrong_secret_is_403(client, doc):
    response = client.post(SKILL, json=skill_request("x"), headers={"X-Skill-Secret": "wrong"})
    assert_error(response, 403, "invalid_skill_secret")
    conforms(doc, "/kakao/skill", "post", response)
    assert_error(client.post(SKILL, json=skill_request("x")), 403)


def test_kakao_disabled_without_secret(tmp_path):
    client = make_app(tmp_path, KAKAO_SECRET=None).test_client()
    assert_error(client.post(SKILL, json=skill_request("x"), headers=SECRET), 404, "not_found")


def test_kakao_malformed_json_is_400(client):
    response = client.post(SKILL, data="{", content_type="application/json", headers=SECRET)
    assert_error(response, 400, "malformed_json")


# -- OpenAPI document ------------------------------------------------------------------------------


def test_openapi_lists_every_api_route(app, doc):
    assert doc["openapi"].startswith("3.")
    routes = {
        (rule.rule.removeprefix("/api/v1"), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    documented = {(path, method) for path, ops in doc["paths"].items() for method in ops}
    assert routes == documented


def test_openapi_refs_resolve(doc):
    import json

    names = set(doc["components"]["schemas"])
    text = json.dumps(doc)
    for ref in {part.split('"')[0] for part in text.split("#/components/schemas/")[1:]}:
        assert ref in names, ref


def test_validator_rejects_wrong_shapes(doc):
    # The conformance checks above can fail: a wrong body is caught.
    schema = doc["components"]["schemas"]["Error"]
    assert validate({"error": {"code": "x"}}, schema, doc)
    assert validate({"risk": "safe"}, doc["components"]["schemas"]["Verdict"], doc)
