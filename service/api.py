"""Bots: JSON only under ``/api/v1``, ``Authorization: Bearer KEY`` (keys from ``smishcheck apikey create``).

Every error has one shape, ``{"error": {"code", "message"}}``. Order of checks: key (401/403), rate limit
(429, per key, in process memory), content type (415), body (400/413).
"""

from __future__ import annotations

import hmac
import math

from flask import Blueprint, current_app, g, jsonify, request

from .checking import InputError, check_and_store, clean_sender, clean_text, run_check
from .i18n import STRINGS
from .kakao import canned_response, skill_response
from .openapi import openapi_document
from .storage import LABELS, Store

bp = Blueprint("api", __name__)

MAX_BATCH = 100
MAX_CHANNEL_LENGTH = 32
PUBLIC_ENDPOINTS = {"api.openapi", "api.kakao_skill"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers or {}


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError):
    from . import api_error

    return api_error(exc.status, exc.code, exc.message, exc.headers)


@bp.errorhandler(InputError)
def _input_error(exc: InputError):
    from . import api_error

    return api_error(exc.status, exc.code, STRINGS[exc.key][1].format(**exc.values))


def _store() -> Store:
    return current_app.extensions["smishcheck_store"]


@bp.before_request
def authenticate():
    if request.endpoint in PUBLIC_ENDPOINTS or request.endpoint is None:
        return
    header = request.headers.get("Authorization", "")
    scheme, _, key = header.partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise ApiError(
            401,
            "missing_api_key",
            "send Authorization: Bearer <key>",
            {"WWW-Authenticate": 'Bearer realm="smishcheck"'},
        )
    row = _store().api_key(key.strip())
    if row is None:
        raise ApiError(403, "invalid_api_key", "unknown or revoked API key")
    g.api_key = row
    allowed, wait = current_app.extensions["smishcheck_api_buckets"].allow(f"key:{row['id']}")
    if not allowed:
        raise ApiError(
            429,
            "rate_limited",
            "too many requests for this key",
            {"Retry-After": str(max(1, math.ceil(wait)))},
        )
    return


def json_body() -> dict:
    """The request's JSON object, or the matching 4xx ApiError."""
    if request.mimetype != "application/json":
        raise ApiError(415, "unsupported_media_type", "send Content-Type: application/json")
    try:
        body = request.get_json(silent=True)  # a body over MAX_CONTENT_LENGTH raises 413 here
    except RecursionError:  # "[[[[…" nested thousands deep: json gives up, it is still bad input
        body = None
    if body is None:
        raise ApiError(400, "malformed_json", "the body is not valid JSON")
    if not isinstance(body, dict):
        raise ApiError(400, "not_an_object", "the body must be a JSON object")
    return body


def _lang(body: dict) -> str:
    lang = body.get("lang", "ko")
    if lang not in ("ko", "en"):
        raise ApiError(400, "bad_lang", 'lang must be "ko" or "en"')
    return lang


def _message(body: dict) -> tuple[str, str | None]:
    text = clean_text(body.get("text"), max_length=current_app.config["MAX_TEXT_LENGTH"])
    return text, clean_sender(body.get("sender"))


def _checked(verdict: dict, check_id: int, lang: str) -> dict:
    summary = verdict["label"][lang]
    if verdict["reasons"]:
        summary += ": " + verdict["reasons"][0][lang]
    return verdict | {"check_id": check_id, "summary": summary}


@bp.post("/check")
def check():
    body = json_body()
    lang = _lang(body)
    text, sender = _message(body)
    verdict, check_id = check_and_store(text, sender, source="api")
    return jsonify(_checked(verdict, check_id, lang))


@bp.post("/check/batch")
def check_batch():
    body = json_body()
    lang = _lang(body)
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        raise ApiError(400, "bad_messages", "messages must be a non-empty list")
    if len(messages) > MAX_BATCH:
        raise ApiError(400, "batch_too_large", f"at most {MAX_BATCH} messages per batch")
    cleaned = []
    for index, item in enumerate(messages):
        if not isinstance(item, dict):
            raise ApiError(400, "bad_messages", f"messages[{index}] must be an object")
        try:
            cleaned.append(_message(item))
        except InputError as exc:
            raise ApiError(
                400, exc.code, f"messages[{index}]: " + STRINGS[exc.key][1].format(**exc.values)
            ) from exc
    results = []
    for text, sender in cleaned:
        verdict, check_id = check_and_store(text, sender, source="api")
        results.append(_checked(verdict, check_id, lang))
    return jsonify({"results": results})


@bp.post("/reports")
def create_report():
    body = json_body()
    text = clean_text(body.get("text"), max_length=current_app.config["MAX_TEXT_LENGTH"])
    sender = clean_sender(body.get("sender"))
    label = body.get("label")
    if label is not None and label not in LABELS:
        raise ApiError(400, "bad_label", "label must be one of " + ", ".join(LABELS))
    channel = body.get("channel")
    if channel is not None and (not isinstance(channel, str) or len(channel) > MAX_CHANNEL_LENGTH):
        raise ApiError(
            400, "bad_channel", f"channel must be a string of at most {MAX_CHANNEL_LENGTH} characters"
        )
    verdict = run_check(text, sender)
    report_id = _store().record_report(
        text, verdict, sender=sender, source="api", label=label, channel=channel
    )
    return jsonify({"id": report_id, "risk": verdict["risk"]}), 201


@bp.get("/lookup")
def lookup():
    from .callcenter import lookup_data

    query = request.args.get("q", "")
    query = clean_text(query, max_length=current_app.config["MAX_TEXT_LENGTH"])
    return jsonify({"query": query, **lookup_data(query, source="api")})


@bp.post("/kakao/skill")
def kakao_skill():
    secret = current_app.config.get("KAKAO_SECRET")
    if not secret:
        raise ApiError(404, "not_found", "the Kakao skill is not enabled on this server")
    given = request.headers.get("X-Skill-Secret", "")
    if not hmac.compare_digest(given.encode("utf-8"), str(secret).encode("utf-8")):
        raise ApiError(403, "invalid_skill_secret", "wrong or missing X-Skill-Secret header")
    body = json_body()
    request_part = body.get("userRequest")
    utterance = request_part.get("utterance") if isinstance(request_part, dict) else None
    if not isinstance(utterance, str) or not utterance.strip():
        return jsonify(skill_response(None))
    canned = canned_response(utterance)
    if canned is not None:
        return jsonify(canned)
    utterance = utterance[: current_app.config["MAX_TEXT_LENGTH"]]
    verdict, _check_id = check_and_store(utterance, None, source="kakao")
    return jsonify(skill_response(verdict))


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())
