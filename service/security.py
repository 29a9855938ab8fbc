"""Security basics: CSRF tokens for forms, response headers, and in-memory rate limits.

Rate limits live in process memory: with ``--workers N`` each worker keeps its own buckets, so the
effective limit is up to N times the configured one. That is enough against a runaway bot; a shared
limit would need the database on every request.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque

from flask import abort, request, session
from flask.sessions import SecureCookieSessionInterface

CSRF_FIELD = "csrf_token"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def csrf_token() -> str:
    """The session's CSRF token (created on first use); rendered as a hidden field in every form."""
    token = session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


def csrf_valid() -> bool:
    expected = session.get(CSRF_FIELD)
    given = request.form.get(CSRF_FIELD, "")
    return bool(expected) and hmac.compare_digest(str(expected), given)


def require_csrf() -> None:
    """``before_request`` hook for form blueprints: every state-changing request carries the token."""
    if request.method in ("POST", "PUT", "PATCH", "DELETE") and not csrf_valid():
        abort(400, description="csrf")


SECURITY_HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
#: Agents' pages and API answers may contain message texts: never keep them in caches.
NO_STORE = ("Cache-Control", "no-store")


def set_security_headers(response):
    # One pass over the headers already set instead of a setdefault (a linear scan) per header:
    # this runs on every answer, and was a tenth of the cost of /healthz.
    headers = response.headers
    present = {name.lower() for name, _value in headers}
    wanted = SECURITY_HEADERS
    if request.path.startswith(("/callcenter", "/api/")):
        wanted = (*SECURITY_HEADERS, NO_STORE)
    for name, value in wanted:
        if name.lower() not in present:
            headers.add(name, value)
    return response


class LazySessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, without the signing work when a request has no cookie.

    The stock interface builds an itsdangerous serializer on every request, even for bots that
    never send a cookie (a sixth of a /healthz request). Same cookies, same signatures.
    """

    def __init__(self):
        self._serializers: dict = {}

    def get_signing_serializer(self, app):
        key = (app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        serializer = self._serializers.get(key)
        if serializer is None:
            serializer = self._serializers[key] = super().get_signing_serializer(app)
        return serializer

    def open_session(self, app, request):
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app, session, response):
        if not session and not session.modified:  # nothing to set or delete
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)


class TokenBuckets:
    """One token bucket per key: ``rate_per_minute`` refill, ``burst`` capacity."""

    def __init__(self, rate_per_minute: float, burst: int, clock=time.monotonic):
        self.rate = rate_per_minute / 60.0
        self.burst = float(burst)
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> tuple[bool, float]:
        """Take one token; returns (allowed, seconds until a token is available)."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return True, 0.0
            self._buckets[key] = (tokens, now)
            wait = (1.0 - tokens) / self.rate if self.rate > 0 else 60.0
            return False, wait


class LoginThrottle:
    """At most ``max_failures`` failed sign-ins per (address, name) and per address in ``window`` seconds."""

    def __init__(self, max_failures: int = 5, window: float = 300.0, clock=time.monotonic):
        self.max_failures = max_failures
        self.window = window
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _keys(self, address: str, name: str) -> tuple[str, str]:
        return f"addr:{address}", f"pair:{address}:{name}"

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked(self, address: str, name: str) -> bool:
        now = self.clock()
        addr_key, pair_key = self._keys(address, name)
        with self._lock:
            return (
                len(self._recent(pair_key, now)) >= self.max_failures
                or len(self._recent(addr_key, now)) >= self.max_failures * 4
            )

    def failed(self, address: str, name: str) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(address, name):
                self._recent(key, now).append(now)

    def succeeded(self, address: str, name: str) -> None:
        with self._lock:
            self._failures.pop(self._keys(address, name)[1], None)
