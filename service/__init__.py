"""The smishcheck web service: citizens' page, call-center lookup, bot API, over one SQLite file.

``create_app(test_config=None)`` builds the app (configuration from ``SMISHCHECK_*`` environment
variables unless a test passes its own), applies migrations and the retention purge once at start.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import timedelta

from flask import Flask, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from . import config as config_module
from .fast_check import FastCheck
from .i18n import LANG_COOKIE, LANGS, current_lang, t
from .jsonio import JSONProvider
from .privacy import Redactor
from .security import LazySessionInterface, LoginThrottle, TokenBuckets, csrf_token, set_security_headers
from .storage import Store

log = logging.getLogger(__name__)

#: Largest request body: a full batch (100 messages of 5,000 characters, UTF-8) fits with room.
MAX_CONTENT_LENGTH = 2 * 1024 * 1024


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.session_interface = LazySessionInterface()
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_CONTENT_LENGTH,
        MAX_FORM_MEMORY_SIZE=MAX_CONTENT_LENGTH,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="smishcheck_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
        MAX_TEXT_LENGTH=config_module.max_text_length(),
        CHECK=None,
        RETENTION_DAYS=90,
        KAKAO_SECRET=None,
        SECURE_COOKIES=False,
        BEHIND_PROXY=False,
        API_RATE_PER_MINUTE=120,
        API_BURST=30,
        LOGIN_MAX_FAILURES=5,
        FAST_CHECK=True,
    )
    app.config.update(config_module.from_env() if test_config is None else test_config)
    app.config["SESSION_COOKIE_SECURE"] = bool(app.config["SECURE_COOKIES"])
    if app.config["FAST_CHECK"]:
        # The ordinary POST /api/v1/check without Flask's per-request work (service/fast_check.py).
        app.wsgi_app = FastCheck(app, app.wsgi_app)
    if app.config["BEHIND_PROXY"]:
        # Trust one proxy's X-Forwarded-* so request.is_secure and remote_addr are right behind TLS.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    # UTF-8 JSON in insertion order, compact answers written by orjson (service/jsonio.py).
    app.json = JSONProvider(app)

    secret = str(app.config["SECRET_KEY"]).encode("utf-8")
    store = Store(app.config["DATABASE"], Redactor(_derive(secret, b"phone-number-hash")))
    store.init()
    purged = store.purge(int(app.config["RETENTION_DAYS"]))
    if purged:
        log.info("purged %d checks older than %s days", purged, app.config["RETENTION_DAYS"])
    app.extensions["smishcheck_store"] = store
    app.extensions["smishcheck_internal_errors"] = 0
    app.extensions["smishcheck_api_buckets"] = TokenBuckets(
        app.config["API_RATE_PER_MINUTE"], app.config["API_BURST"]
    )
    app.extensions["smishcheck_login_throttle"] = LoginThrottle(app.config["LOGIN_MAX_FAILURES"])

    from .api import bp as api_bp
    from .callcenter import bp as callcenter_bp
    from .web import bp as web_bp

    app.register_blueprint(web_bp)
    app.register_blueprint(callcenter_bp, url_prefix="/callcenter")
    app.register_blueprint(api_bp, url_prefix="/api/v1")

    app.jinja_env.globals.update(t=t, csrf_token=csrf_token, current_lang=current_lang)
    app.jinja_env.filters["when"] = _when
    app.after_request(set_security_headers)
    app.after_request(_remember_lang)
    _register_errors(app)
    app.add_url_rule("/healthz", "healthz", _healthz)
    return app


def _when(value: str | None) -> str:
    """Stored ISO timestamps (UTC) as ``2026-11-25 12:16 UTC`` for people."""
    return f"{value[:10]} {value[11:16]} UTC" if value else ""


def _derive(secret: bytes, purpose: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new(secret, purpose, hashlib.sha256).digest()


def store() -> Store:
    return current_app.extensions["smishcheck_store"]


def _healthz():
    checker_ok, checker_status = True, "ok"
    try:
        from .checking import run_check

        run_check("healthz")
    except Exception as exc:  # report, never crash: the point of this endpoint is to say what is wrong
        log.exception("checker not ready")
        checker_ok, checker_status = False, f"error: {exc.__class__.__name__}"
    db_ok, db_status = store().ready()
    body = {
        "status": "ok" if checker_ok and db_ok else "error",
        "checker": checker_status,
        "database": db_status,
    }
    return jsonify(body), 200 if checker_ok and db_ok else 503


def _remember_lang(response):
    lang = request.args.get("lang")
    if lang in LANGS and request.cookies.get(LANG_COOKIE) != lang:
        response.set_cookie(
            LANG_COOKIE,
            lang,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            httponly=True,
            secure=bool(current_app.config["SESSION_COOKIE_SECURE"]),
        )
    return response


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def api_error(status: int, code: str, message: str, headers: dict | None = None):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
    503: "storage_unavailable",
}


def _register_errors(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        status = exc.code or 500
        if _wants_json():
            message = {413: "request body is over the limit"}.get(status, exc.description or exc.name)
            return api_error(status, _HTTP_CODES.get(status, "error"), message)
        key = {
            400: "err_csrf" if exc.description == "csrf" else "error_heading",
            404: "err_not_found",
            413: "err_body_too_large",
            429: "err_rate",
        }.get(status, "err_internal")
        return render_template("error.html", message=t(key), status=status), status

    @app.errorhandler(sqlite3.Error)
    def storage_error(exc: sqlite3.Error):
        # Full disk, read-only file, lock timeout: say so (503, retry later), never a 500. Whatever
        # was being written was rolled back whole (Store.immediate); checks avoid this by answering
        # without storing (checking.store_check), reports and outcomes must not be acknowledged.
        log.error("storage error on %s %s: %s: %s", request.method, request.path, exc.__class__.__name__, exc)
        if _wants_json():
            return api_error(
                503,
                "storage_unavailable",
                "the database cannot store this now; try again later",
                {"Retry-After": "30"},
            )
        return render_template("error.html", message=t("err_storage"), status=503), 503

    @app.errorhandler(Exception)
    def internal_error(exc: Exception):
        # Last resort: log the stack trace server-side, show nothing of it to the client.
        log.exception("unhandled error on %s %s", request.method, request.path)
        # Counted so tests (and operators) can see that ordinary bad input never ends up here.
        current_app.extensions["smishcheck_internal_errors"] += 1
        if _wants_json():
            return api_error(500, "internal_error", "internal error")
        return render_template("error.html", message=t("err_internal"), status=500), 500
