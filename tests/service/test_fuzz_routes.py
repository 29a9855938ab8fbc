"""Property-based bad input on every API route and every form: never a 500, never a stack trace,
always the one JSON error shape under /api/, and no answer slower than a generous bound.

The checker's own property tests live in tests/test_robustness_checker.py; these drive the HTTP layer.
"""

from __future__ import annotations

import json
import time
from urllib.parse import quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from svc_helpers import SMISHING, csrf_from, make_app

#: Far above any real answer (a few ms); only a hang or a pathological slowdown can fail it.
SLOW_SECONDS = 5.0

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Every code point, lone surrogates included, weighted towards the ones that break software:
# NUL, C0/C1 controls, bidi overrides and isolates, zero-width characters, combining marks, emoji.
NASTY = "\ud800\udfff\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u200d\u200e\u202a\u202e\u2066\u2069\ufeff\ufffd\u0301\U0001f4e6"
unicode_text = st.one_of(
    st.text(st.characters(codec=None, exclude_categories=()), max_size=200),  # lone surrogates too
    st.text(st.sampled_from(NASTY + "ㅋ가.:/%@=+-<>\"'&;han.gl010-1234-5678 "), max_size=300),
    st.builds(
        lambda s, n: s * n,
        st.sampled_from(["http://", "a.", "ㅋ", " ", "%", "010-", "<"]),
        st.integers(1, 3000),
    ),
    st.just(SMISHING + "\u202e" + "lmth.exe"),
)
json_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), unicode_text)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(unicode_text, inner, max_size=4)),
    max_leaves=12,
)
raw_bytes = st.one_of(
    st.binary(max_size=400),
    st.sampled_from(
        [
            b"",
            b"{",
            b"[",
            b"null",
            b"1e999999",
            b'{"text": "\\ud800"}',
            b'{"text":' * 500,
            b"\xef\xbb\xbf{}",
            b'{"text": "a", "text": 1}',
            b"\xed\xa0\x80",
            b'{"text": "x"}\x00',
            b"[" * 5000 + b"]" * 5000,
        ]
    ),
)
header_value = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60)
random_headers = st.dictionaries(
    st.sampled_from(
        [
            "Accept",
            "Accept-Language",
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "Origin",
            "Referer",
            "Cookie",
            "Content-Encoding",
            "Transfer-Encoding-X",
            "X-Skill-Secret",
            "User-Agent",
            "Range",
            "If-None-Match",
            "Expect-X",
        ]
    ),
    header_value,
    max_size=4,
)
content_types = st.sampled_from(
    [
        "application/json",
        "application/json; charset=latin-1",
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "application/json-patch+json",
        "",
        "application/json; charset=utf-16",
    ]
)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    app = make_app(tmp_path_factory.mktemp("fuzz"), API_RATE_PER_MINUTE=10**9, API_BURST=10**9)
    app.config["KEY"] = app.extensions["smishcheck_store"].create_api_key("fuzz")
    # The first check of a process loads the model (seconds); `smishcheck serve` does it before
    # forking its workers, so do it here too: the time bound is about requests, not start-up.
    with app.app_context():
        from service.checking import run_check

        run_check("warm-up")
    return app


@pytest.fixture(scope="module")
def agent(fuzz_app):
    """A client signed in as an agent (module-wide: hypothesis reuses it across examples)."""
    client = fuzz_app.test_client()
    password = fuzz_app.extensions["smishcheck_store"].create_agent("fuzz-agent")
    token = csrf_from(client.get("/callcenter/login").text)
    client.post("/callcenter/login", data={"csrf_token": token, "name": "fuzz-agent", "password": password})
    return client


def _auth(app, headers=None) -> dict:
    return {
        **(headers or {}),
        "Authorization": f"Bearer {app.config['KEY']}",
        "X-Skill-Secret": "kakao-test-secret",
    }


def send(app, call):
    """``call()`` makes one request; checked for status, body, time and the catch-all handler."""
    unhandled = app.extensions["smishcheck_internal_errors"]
    started = time.perf_counter()
    response = call()
    elapsed = time.perf_counter() - started
    body = response.get_data(as_text=True)
    assert response.status_code < 500, body[:500]
    assert app.extensions["smishcheck_internal_errors"] == unhandled
    assert "Traceback" not in body and 'File "' not in body
    assert elapsed < SLOW_SECONDS, elapsed
    if (
        response.request.path.startswith("/api/")
        and response.status_code >= 400
        and response.request.method != "HEAD"
    ):
        assert response.is_json, body[:300]
        assert set(response.json) == {"error"} and set(response.json["error"]) == {"code", "message"}
        assert all(isinstance(v, str) and v for v in response.json["error"].values())
    return response


API_POSTS = ["/api/v1/check", "/api/v1/check/batch", "/api/v1/reports", "/api/v1/kakao/skill"]


@SETTINGS
@given(path=st.sampled_from(API_POSTS), body=json_value, headers=random_headers)
def test_api_any_json_value(fuzz_app, path, body, headers):
    client = fuzz_app.test_client()
    send(
        fuzz_app,
        lambda: client.post(
            path, data=json.dumps(body), content_type="application/json", headers=_auth(fuzz_app, headers)
        ),
    )


@SETTINGS
@given(
    path=st.sampled_from(API_POSTS),
    text=unicode_text,
    sender=st.one_of(st.none(), unicode_text, json_value),
    lang=st.one_of(st.sampled_from(["ko", "en"]), json_value),
    extra=st.dictionaries(
        st.sampled_from(["label", "channel", "messages", "userRequest"]), json_value, max_size=2
    ),
)
def test_api_fields_of_any_type(fuzz_app, path, text, sender, lang, extra):
    body = {"text": text, "sender": sender, "lang": lang, **extra}
    if path.endswith("/batch"):
        body = {"messages": [body, {"text": text}], "lang": lang}
    elif path.endswith("/skill"):
        body = {"userRequest": {"utterance": text}}
    client = fuzz_app.test_client()
    # ensure_ascii=True: lone surrogates travel as \\udXXX escapes, exactly as an attacker sends them.
    data = json.dumps(body)
    response = send(
        fuzz_app,
        lambda: client.post(path, data=data, content_type="application/json", headers=_auth(fuzz_app)),
    )
    if response.status_code == 200 and path == "/api/v1/check":
        assert response.json["risk"] in ("low", "medium", "high")


@SETTINGS
@given(path=st.sampled_from(API_POSTS), body=raw_bytes, content_type=content_types, headers=random_headers)
def test_api_raw_bytes_and_content_types(fuzz_app, path, body, content_type, headers):
    client = fuzz_app.test_client()
    send(
        fuzz_app,
        lambda: client.post(
            path, data=body, headers={**_auth(fuzz_app, headers), "Content-Type": content_type}
        ),
    )


@SETTINGS
@given(
    path=st.sampled_from(
        ["/api/v1/lookup", "/api/v1/openapi.json", "/api/v1/check", "/api/v1/nope", "/healthz"]
    ),
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]),
    query=unicode_text,
    authorization=st.one_of(
        st.just(None), st.just("valid"), header_value, st.just("Bearer "), st.just("Basic x")
    ),
)
def test_api_methods_queries_and_keys(fuzz_app, path, method, query, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    if authorization == "valid":
        headers = _auth(fuzz_app)
    client = fuzz_app.test_client()
    send(fuzz_app, lambda: client.open(path, method=method, query_string=_qs({"q": query}), headers=headers))


@SETTINGS
@given(query=unicode_text)
def test_lookup_any_query_with_key(fuzz_app, query):
    send(
        fuzz_app,
        lambda: fuzz_app.test_client().get(
            "/api/v1/lookup", query_string=_qs({"q": query}), headers=_auth(fuzz_app)
        ),
    )


def test_huge_bodies_are_refused_fast(fuzz_app):
    client = fuzz_app.test_client()
    big = json.dumps({"text": "가" * 3_000_000})
    for path in API_POSTS:
        response = send(
            fuzz_app,
            lambda path=path: client.post(
                path, data=big, content_type="application/json", headers=_auth(fuzz_app)
            ),
        )
        assert response.status_code == 413
    response = send(fuzz_app, lambda: client.post("/", data={"text": "a" * 3_000_000, "csrf_token": "x"}))
    assert response.status_code in (400, 413)


# -- forms -----------------------------------------------------------------------------------------

PUBLIC_FORMS = ["/", "/report", "/callcenter/login"]
AGENT_FORMS = ["/callcenter/", "/callcenter/outcome", "/callcenter/logout"]


def _qs(params: dict[str, str]) -> str:
    """A query string with any code point (lone surrogates as their raw UTF-8 bytes, %-encoded)."""
    return _form_bytes({k: v.encode("utf-8", "surrogatepass") for k, v in params.items()}).decode()


def _form_bytes(fields: dict[str, bytes]) -> bytes:
    """urlencoded by hand, so any bytes (invalid UTF-8, encoded surrogates) reach the server."""
    return b"&".join(
        quote_from_bytes(k.encode()).encode() + b"=" + quote_from_bytes(v).encode() for k, v in fields.items()
    )


form_value = st.one_of(
    unicode_text.map(lambda s: s.encode("utf-8", "surrogatepass")), st.binary(max_size=200)
)


@SETTINGS
@given(
    path=st.sampled_from(PUBLIC_FORMS + AGENT_FORMS),
    values=st.dictionaries(
        st.sampled_from(["text", "sender", "q", "name", "password", "label", "note", "check_id"]),
        form_value,
        max_size=5,
    ),
    headers=random_headers,
)
def test_forms_any_fields(fuzz_app, agent, path, values, headers):
    with agent.session_transaction() as session:
        token = session.get("csrf_token") or "missing"
    if path.endswith("/logout"):
        values.pop("csrf_token", None)  # keep the module's agent signed in: logout only without token
        token = "wrong"
    body = _form_bytes({**values, "csrf_token": token.encode()})
    response = send(
        fuzz_app,
        lambda: agent.post(
            path, data=body, headers={**headers, "Content-Type": "application/x-www-form-urlencoded"}
        ),
    )
    assert "Content-Security-Policy" in response.headers


@SETTINGS
@given(
    path=st.sampled_from(
        [
            "/",
            "/callcenter/",
            "/callcenter/search",
            "/callcenter/export.csv",
            "/callcenter/labelled.csv",
            "/callcenter/overview",
            "/callcenter/login",
        ]
    ),
    params=st.dictionaries(
        st.sampled_from(["q", "from", "to", "lang", "next", "saved"]), unicode_text, max_size=3
    ),
)
def test_pages_any_query_string(fuzz_app, agent, path, params):
    send(fuzz_app, lambda: agent.get(path, query_string=_qs(params)))


@SETTINGS
@given(body=raw_bytes, content_type=content_types)
def test_forms_raw_bodies(fuzz_app, agent, body, content_type):
    for path in ("/", "/report", "/callcenter/", "/callcenter/outcome"):
        response = send(
            fuzz_app, lambda path=path: agent.post(path, data=body, headers={"Content-Type": content_type})
        )
        assert response.status_code in (400, 413, 415), path  # no valid CSRF token in these bodies
