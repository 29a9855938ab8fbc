"""Helpers shared by the service tests (imported by name: this folder is on sys.path under pytest)."""

from __future__ import annotations

import re

from service import create_app

SMISHING = "[국외발신] 민생회복 소비쿠폰 신청 대상입니다. 오늘 마감 han.gl/abc 문의 010-2345-6789"


def make_app(tmp_path, **overrides):
    config = {
        "TESTING": True,
        "DATABASE": str(tmp_path / "smishcheck.db"),
        "SECRET_KEY": "test-secret-key-not-for-production",
        "KAKAO_SECRET": "kakao-test-secret",
        "RETENTION_DAYS": 90,
        "API_RATE_PER_MINUTE": 600,
        "API_BURST": 100,
    }
    config.update(overrides)
    return create_app(config)


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


class LiveServer:
    """The app on a loopback port in a background thread (for the browser tests only)."""

    def __init__(self, app):
        import threading

        from werkzeug.serving import make_server

        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(10)


def minimal_verdict(risk: str = "high", **fields) -> dict:
    """The smallest Verdict dict that storage accepts (for tests that store reports directly)."""
    verdict = {
        "risk": risk,
        "score": 1.0,
        "reasons": [],
        "urls": [],
        "phones": [],
        "advice": {"ko": "", "en": ""},
    }
    return {**verdict, **fields}
