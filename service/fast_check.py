"""``POST /api/v1/check`` without Flask's per-request machinery, for the one route bots hammer.

A Flask request (request context, session, URL matching, before/after hooks, a ``Response`` object)
cost about as much CPU as the check itself. This WSGI layer, in front of the Flask app, answers the
ordinary case directly, with the same code for every decision: the API key (``Store.api_key``), the
per-key rate limit (the same buckets), the body rules (``api.json_body``'s limits, ``api._lang``,
``api._message``), ``checking.check_and_store`` and ``api._checked``, and the same headers
(``security.SECURITY_HEADERS`` and ``Cache-Control: no-store``).

Anything out of the ordinary goes to Flask untouched (the body is handed back when already read):
another route, a query string, a missing or unknown key, another content type, no or too large
``Content-Length``, a body that is not a JSON object, bad input. Flask then gives the answer it always
gave (401/403/413/415/400). The rate-limit token is taken only once the request is known to be
served here, so a request is never charged twice; when the bucket is empty Flask answers the 429.
tests/service/test_fast_check.py checks that both paths answer byte for byte the same.
"""

from __future__ import annotations

import io
import logging
import sqlite3

from .checking import InputError, check_and_store
from .jsonio import compact_bytes
from .security import NO_STORE, SECURITY_HEADERS

log = logging.getLogger(__name__)

PATH = "/api/v1/check"
JSON_TYPES = {"application/json", "application/json; charset=utf-8", "application/json;charset=utf-8"}
_HEADERS = [*SECURITY_HEADERS, NO_STORE]


class FastCheck:
    """WSGI middleware: serves the ordinary ``POST /api/v1/check``, passes everything else on."""

    def __init__(self, app, wsgi_app):
        self.app = app
        self.next = wsgi_app
        self.served = 0  # answered here (not exact under threads; for tests and curiosity)

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != PATH or environ.get("REQUEST_METHOD") != "POST" or self.app.debug:
            return self.next(environ, start_response)
        answer = self._answer(environ)
        if answer is None:
            return self.next(environ, start_response)
        status, body = answer
        self.served += 1
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *_HEADERS]
        start_response(status, headers)
        return [body]

    def _answer(self, environ) -> tuple[str, bytes] | None:
        """``(status, body)`` when served here; None to let Flask answer (body left readable)."""
        from .api import ApiError, _checked, _lang, _message

        if environ.get("QUERY_STRING") or environ.get("CONTENT_TYPE", "").lower() not in JSON_TYPES:
            return None
        scheme, _, key = environ.get("HTTP_AUTHORIZATION", "").partition(" ")
        key = key.strip()
        length = environ.get("CONTENT_LENGTH", "")
        if scheme.lower() != "bearer" or not key or not length.isdigit():
            return None
        length = int(length)
        limit = self.app.config.get("MAX_CONTENT_LENGTH")
        if limit is not None and length > limit:
            return None  # Flask answers 413 without reading it
        raw = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(raw)  # Flask reads it again if it answers instead
        if len(raw) != length:
            return None
        app = self.app
        with app.app_context():
            try:
                row = app.extensions["smishcheck_store"].api_key(key)
            except sqlite3.Error:
                return None  # Flask answers 503 storage_unavailable
            if row is None:
                return None
            try:
                body = app.json.loads(raw)
                if not isinstance(body, dict):
                    return None
                lang = _lang(body)
                text, sender = _message(body)
            except (ValueError, RecursionError, ApiError, InputError):
                return None  # malformed JSON, nesting too deep, bad lang/text/sender: Flask says which
            allowed, _wait = app.extensions["smishcheck_api_buckets"].allow(f"key:{row['id']}")
            if not allowed:
                return None  # Flask answers the 429 with its Retry-After
            try:
                verdict, check_id = check_and_store(text, sender, source="api")
                return "200 OK", self._json(_checked(verdict, check_id, lang))
            except InputError as exc:  # the checker refused the text after all (rare)
                from .i18n import STRINGS

                message = STRINGS[exc.key][1].format(**exc.values)
                return "400 BAD REQUEST", self._json({"error": {"code": exc.code, "message": message}})
            except Exception:
                log.exception("unhandled error on POST %s", PATH)
                app.extensions["smishcheck_internal_errors"] += 1
                error = {"error": {"code": "internal_error", "message": "internal error"}}
                return "500 INTERNAL SERVER ERROR", self._json(error)

    def _json(self, value) -> bytes:
        # What flask.jsonify writes: the same JSON provider (service/jsonio.py: orjson), a newline.
        body = compact_bytes(value)
        if body is None:
            body = (self.app.json.dumps(value, separators=(",", ":")) + "\n").encode("utf-8")
        return body
