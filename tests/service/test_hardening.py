"""Attackers: XSS and CSV injection in every page, CSRF on every form, cookies, security headers,
authentication (hashed secrets, throttled sign-in, revocation across workers), and the offline guard."""

from __future__ import annotations

import csv
import io
import socket
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from svc_helpers import SMISHING, csrf_from, make_app, minimal_verdict

XSS_TEXT = (
    '<script>alert(1)</script><img src=x onerror=alert(2)>"><svg onload=alert(3)> '
    "javascript:alert(4) https://evil.example/<b>x</b>?a=\"'<i> 긴급 택배 주소 확인 han.gl/xss 010-2345-6789"
)
XSS_SENDER = '<script>alert("s")</script>'
XSS_NOTE = "<img src=x onerror=alert('note')>"
RAW_MARKUP = ("<script>alert", "<img src=x", "<svg onload", "<b>x</b>", "<i>")


class _Markup(HTMLParser):
    """What a browser would see as elements: inline scripts, event handlers, links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = {name.lower(): value or "" for name, value in attrs}
        if tag == "script" and "src" not in names:
            self.inline_scripts += 1
        self.handlers += [name for name in names if name.startswith("on")]
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            if name in names:
                self.hrefs.append(names[name])


def assert_inert(html: str) -> None:
    for markup in RAW_MARKUP:
        assert markup not in html, markup
    parsed = _Markup()
    parsed.feed(html)
    assert parsed.inline_scripts == 0 and parsed.handlers == [], parsed.handlers
    # Only our own paths: never a clickable attacker URL, never javascript:.
    for target in parsed.hrefs:
        assert target.startswith(("/", "#", "?")) or target == "", target


def _agent(app, name="agent-x"):
    client = app.test_client()
    password = app.extensions["smishcheck_store"].create_agent(name)
    token = csrf_from(client.get("/callcenter/login").text)
    response = client.post(
        "/callcenter/login", data={"csrf_token": token, "name": name, "password": password}
    )
    assert response.status_code == 302
    return client


def _post_form(client, path, page, **fields):
    return client.post(path, data={"csrf_token": csrf_from(client.get(page).text), **fields})


# -- XSS and CSV injection ---------------------------------------------------------------------------


def test_attacker_text_sender_urls_and_notes_are_inert_on_every_page(app, client):
    agent = _agent(app)
    pages = {
        "citizen result": _post_form(client, "/", "/", text=XSS_TEXT, sender=XSS_SENDER),
        "citizen report": _post_form(client, "/report", "/", text=XSS_TEXT, sender=XSS_SENDER),
    }
    _post_form(client, "/report", "/", text="두 번째 " + XSS_TEXT)
    outcome = _post_form(
        agent, "/callcenter/outcome", "/callcenter/", text=XSS_TEXT, label="smishing", note=XSS_NOTE
    )
    assert outcome.status_code == 302
    pages["call-center lookup (message)"] = _post_form(agent, "/callcenter/", "/callcenter/", q=XSS_TEXT)
    pages["call-center lookup (domain)"] = agent.get("/callcenter/", query_string={"q": "han.gl"})
    pages["call-center lookup (echoed query)"] = agent.get("/callcenter/", query_string={"q": XSS_SENDER})
    pages["search"] = agent.get("/callcenter/search", query_string={"q": "택배"})
    pages["search (echoed query)"] = agent.get("/callcenter/search", query_string={"q": XSS_SENDER})
    pages["overview"] = agent.get("/callcenter/overview")
    pages["error page"] = client.get("/" + XSS_SENDER)
    for name, response in pages.items():
        assert response.status_code in (200, 404), name
        assert_inert(response.text)
    # The pages did show the attacker's content, escaped: the test looked at the right place.
    assert "&lt;script&gt;" in pages["citizen result"].text
    assert "han[.]gl" in pages["call-center lookup (domain)"].text
    assert "&lt;img src=x" in pages["search"].text
    assert "&lt;script&gt;" in pages["search (echoed query)"].text


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    start=st.sampled_from(FORMULA_STARTS),
    rest=st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=40),
    channel_start=st.sampled_from(FORMULA_STARTS),
)
def test_csv_exports_neutralise_formula_cells(tmp_path_factory, start, rest, channel_start):
    app = make_app(tmp_path_factory.mktemp("csv"))
    store = app.extensions["smishcheck_store"]
    agent = _agent(app)
    text = start + 'HYPERLINK("http://evil.example",' + rest
    verdict = minimal_verdict()
    store.record_report(text, verdict, channel=channel_start + "sms", label="smishing")
    today = date.today().isoformat()
    for url in (f"/callcenter/export.csv?from={today}&to={today}", "/callcenter/labelled.csv"):
        response = agent.get(url)
        assert response.status_code == 200 and response.mimetype == "text/csv"
        assert response.headers["Content-Disposition"].startswith("attachment")
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"), newline="")))
        assert len(rows) == 2, rows
        for cell in rows[1]:
            assert not cell.startswith(FORMULA_STARTS), (url, cell)
        assert any(cell.startswith("'" + start) for cell in rows[1])


# -- CSRF, cookies, headers ---------------------------------------------------------------------------


def _forms(app) -> set[tuple[str, str]]:
    """Every (rule, blueprint) that accepts POST, from the URL map (a new form is covered at once)."""
    return {
        (rule.rule, rule.endpoint.split(".")[0])
        for rule in app.url_map.iter_rules()
        if "POST" in rule.methods and not rule.rule.startswith("/api/")
    }


def test_every_form_needs_the_csrf_token(app, client):
    agent = _agent(app)
    forms = _forms(app)
    assert {
        "/",
        "/report",
        "/callcenter/login",
        "/callcenter/",
        "/callcenter/outcome",
        "/callcenter/logout",
    } <= {rule for rule, _ in forms}
    fields = {"text": SMISHING, "q": SMISHING, "label": "smishing", "name": "agent-x", "password": "x"}
    for rule, _ in sorted(forms):
        for token in (None, "wrong-token", ""):
            data = dict(fields) if token is None else {**fields, "csrf_token": token}
            response = agent.post(rule, data=data)
            assert response.status_code in (400, 403), (rule, token, response.status_code)
    # Still signed in: the rejected logout did nothing.
    assert agent.get("/callcenter/").status_code == 200
    # A token from another session is no good either.
    other = app.test_client()
    foreign = csrf_from(other.get("/").text)
    assert agent.post("/", data={**fields, "csrf_token": foreign}).status_code == 400


def test_cookies_httponly_samesite_and_secure_behind_tls(tmp_path):
    plain = make_app(tmp_path / "a").test_client()
    cookie = plain.get("/").headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie

    # Behind a TLS proxy (SMISHCHECK_SECURE_COOKIES=1, SMISHCHECK_BEHIND_PROXY=1, see docs/service.md)
    app = make_app(tmp_path / "b", SECURE_COOKIES=True, BEHIND_PROXY=True)
    client = app.test_client()
    headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}
    for path in ("/", "/callcenter/login", "/?lang=en"):
        for header in client.get(path, headers=headers).headers.getlist("Set-Cookie"):
            assert "Secure" in header and "HttpOnly" in header and "SameSite" in header, header
    password = app.extensions["smishcheck_store"].create_agent("tls")
    token = csrf_from(client.get("/callcenter/login", headers=headers).text)
    login = client.post(
        "/callcenter/login", data={"csrf_token": token, "name": "tls", "password": password}, headers=headers
    )
    assert login.status_code == 302
    assert all("Secure" in c and "HttpOnly" in c for c in login.headers.getlist("Set-Cookie"))
    with app.test_request_context("/", headers=headers):
        from flask import request

        app.wsgi_app  # noqa: B018 - the ProxyFix is in place only with BEHIND_PROXY
        assert type(app.wsgi_app).__name__ == "ProxyFix"
        assert request.headers["X-Forwarded-Proto"] == "https"


def _all_kinds_of_response(app, client, agent, key):
    api = {"Authorization": f"Bearer {key}"}
    today = date.today().isoformat()
    return {
        "citizen page": client.get("/"),
        "citizen result": _post_form(client, "/", "/", text=SMISHING),
        "english": client.get("/?lang=en"),
        "static css": client.get("/static/style.css"),
        "404 page": client.get("/nope"),
        "405": client.delete("/"),
        "csrf 400": client.post("/", data={"text": "x"}),
        "413 page": client.post("/", data={"text": "a" * (3 * 1024 * 1024)}),
        "login": client.get("/callcenter/login"),
        "login redirect": client.get("/callcenter/overview"),
        "lookup": agent.get("/callcenter/", query_string={"q": "han.gl"}),
        "search": agent.get("/callcenter/search?q=택배"),
        "overview": agent.get("/callcenter/overview"),
        "csv": agent.get(f"/callcenter/export.csv?from={today}&to={today}"),
        "labelled csv": agent.get("/callcenter/labelled.csv"),
        "healthz": client.get("/healthz"),
        "api check": client.post("/api/v1/check", json={"text": SMISHING}, headers=api),
        "api 401": client.post("/api/v1/check", json={"text": "x"}),
        "api 404": client.get("/api/v1/nope", headers=api),
        "openapi": client.get("/api/v1/openapi.json"),
        "kakao": client.post(
            "/api/v1/kakao/skill",
            json={"userRequest": {"utterance": SMISHING}},
            headers={"X-Skill-Secret": "kakao-test-secret"},
        ),
    }


def test_security_headers_on_every_kind_of_response(app, client, api_key):
    agent = _agent(app)
    for name, response in _all_kinds_of_response(app, client, agent, api_key).items():
        headers = response.headers
        csp = headers.get("Content-Security-Policy", "")
        directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
        assert directives.get("script-src") == ["'self'"], (name, csp)
        assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, name
        assert directives.get("frame-ancestors") == ["'none'"], (name, csp)
        assert headers.get("X-Content-Type-Options") == "nosniff", name
        assert headers.get("Referrer-Policy") == "no-referrer", name
        if response.mimetype == "text/html":
            assert_inert(response.text)  # no inline script or handler in any page of ours


# -- authentication -----------------------------------------------------------------------------------


def test_callcenter_routes_need_login_and_api_routes_need_a_key(app, client):
    rules = [r for r in app.url_map.iter_rules() if r.endpoint.startswith("callcenter.")]
    assert len(rules) >= 7
    for rule in rules:
        if rule.endpoint in ("callcenter.login", "callcenter.logout"):
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            response = client.open(rule.rule, method=method, data={"q": SMISHING, "text": SMISHING})
            # 302 to the sign-in page (GET), or 400 (POST without CSRF) before anything is read.
            assert response.status_code in (302, 400), (rule.rule, method)
            if response.status_code == 302:
                assert response.headers["Location"].startswith("/callcenter/login")
    api = [r for r in app.url_map.iter_rules() if r.rule.startswith("/api/v1")]
    for rule in api:
        if rule.endpoint in ("api.openapi", "api.kakao_skill"):
            continue
        method = "POST" if "POST" in rule.methods else "GET"
        assert client.open(rule.rule, method=method, json={"text": "x"}).status_code == 401, rule.rule


def test_secrets_are_stored_hashed_in_the_database_file(tmp_path):
    app = make_app(tmp_path)
    store = app.extensions["smishcheck_store"]
    password = store.create_agent("hash-check")
    key = store.create_api_key("hash-check")
    _agent(app, "other")  # a sign-in writes too
    store.close()
    files = [p for p in tmp_path.iterdir() if p.name.startswith("smishcheck.db")]
    raw = b"".join(p.read_bytes() for p in files)
    assert b"scrypt:" in raw  # the hash is there ...
    assert password.encode() not in raw and key.encode() not in raw  # ... the secrets are not
    assert key[len("sck_") :].encode()[:16] not in raw


def test_login_throttle_cannot_be_dodged_with_a_forged_forwarded_for(app, client):
    # Without SMISHCHECK_BEHIND_PROXY, X-Forwarded-For is the client's word: it must not count.
    app.extensions["smishcheck_store"].create_agent("victim")
    statuses = []
    for n in range(8):
        token = csrf_from(client.get("/callcenter/login").text)
        response = client.post(
            "/callcenter/login",
            data={"csrf_token": token, "name": "victim", "password": f"guess{n}"},
            headers={"X-Forwarded-For": f"198.51.100.{n}"},
        )
        statuses.append(response.status_code)
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}


def test_revoked_key_and_disabled_agent_stop_at_once_across_two_workers(tmp_path):
    # Two app instances on one database file = two gunicorn workers (each with its own connection).
    one, two = make_app(tmp_path), make_app(tmp_path)
    store_one = one.extensions["smishcheck_store"]
    key = store_one.create_api_key("bot")
    api = {"Authorization": f"Bearer {key}"}
    client_two = two.test_client()
    assert client_two.post("/api/v1/check", json={"text": SMISHING}, headers=api).status_code == 200
    assert store_one.revoke_api_key("bot") == 1
    response = client_two.post("/api/v1/check", json={"text": SMISHING}, headers=api)
    assert response.status_code == 403 and response.json["error"]["code"] == "invalid_api_key"

    agent_two = _agent(two, "agent-two")
    assert agent_two.get("/callcenter/").status_code == 200
    assert store_one.disable_agent("agent-two")
    response = agent_two.get("/callcenter/search?q=택배")
    assert response.status_code == 302 and response.headers["Location"].startswith("/callcenter/login")


def test_agents_reach_reports_only_through_callcenter_pages(app, client, tmp_path):
    agent = _agent(app)
    _post_form(client, "/report", "/", text=SMISHING)
    # A signed-in agent's session is no API key ...
    assert agent.get("/api/v1/lookup?q=han.gl").status_code == 401
    # ... and no URL serves the database file or anything beside it.
    for path in (
        "/static/../smishcheck.db",
        "/static/%2e%2e/smishcheck.db",
        "/smishcheck.db",
        "/static/smishcheck.db",
        "/callcenter/../smishcheck.db",
        "/static/..%2fsecret_key",
    ):
        response = agent.get(path)
        assert response.status_code in (400, 404), path
        assert b"SQLite format" not in response.data
    # The database is not under the static folder.
    assert not str(tmp_path).startswith(app.static_folder)


# -- the suite's offline guard ------------------------------------------------------------------------


def test_socket_guard_blocks_non_loopback_connections():
    # The list the guard of tests/conftest.py records into (reached through the installed guard, so
    # this is the very object the session checks at its end).
    recorded = socket.socket.connect.__globals__["OUTSIDE_CONNECTIONS"]
    assert recorded is socket.socket.connect_ex.__globals__["OUTSIDE_CONNECTIONS"]
    before = list(recorded)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(0.05)
    try:
        # TEST-NET-1 (RFC 5737), discard port: the guard raises before any packet would go out.
        with pytest.raises(OSError, match="blocked"):
            sock.connect(("192.0.2.1", 9))
        with pytest.raises(OSError, match="blocked"):
            sock.connect_ex(("192.0.2.1", 9))
    finally:
        sock.close()
    assert recorded[len(before) :] == ["('192.0.2.1', 9)"] * 2
    # Loopback still works (the browser and load tests need it).
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=1):
            pass
    # Clear the two entries this test made on purpose, so the session verdict stays about real leaks.
    del recorded[len(before) :]
    assert recorded == before
