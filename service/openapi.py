"""The OpenAPI 3.1 document of ``/api/v1`` (tests validate real responses against these schemas)."""

from __future__ import annotations

from functools import cache

from .storage import LABELS


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _obj(properties: dict, required: list[str] | None = None, extra: bool = False) -> dict:
    schema = {"type": "object", "properties": properties, "required": required or list(properties)}
    if not extra:
        schema["additionalProperties"] = False
    return schema


STR = {"type": "string"}
NULLABLE_STR = {"type": ["string", "null"]}
INT = {"type": "integer"}
NULLABLE_INT = {"type": ["integer", "null"]}
BILINGUAL = _obj({"ko": STR, "en": STR})

VERDICT_PROPERTIES = {
    "risk": {"type": "string", "enum": ["low", "medium", "high"]},
    "label": BILINGUAL,
    "score": {"type": "number"},
    "reasons": {"type": "array", "items": _ref("Hit")},
    "urls": {"type": "array", "items": _ref("UrlInfo")},
    "phones": {"type": "array", "items": _ref("PhoneInfo")},
    "advice": _obj(
        {
            "ko": STR,
            "en": STR,
            "steps_ko": {"type": "array", "items": STR},
            "steps_en": {"type": "array", "items": STR},
        },
        required=["ko", "en"],
    ),
    "versions": {"type": "object", "additionalProperties": STR},
}

SCHEMAS = {
    "Error": _obj({"error": _obj({"code": STR, "message": STR})}),
    "Hit": _obj(
        {"id": STR, "score": {"type": "number"}, "ko": STR, "en": STR, "evidence": STR, "group": STR}
    ),
    "UrlInfo": _obj(
        {
            "url": STR,
            "host": STR,
            "host_unicode": STR,
            "registered_domain": STR,
            "official": {"type": "boolean"},
            "owner": NULLABLE_STR,
            "owner_ko": NULLABLE_STR,
            "flags": {"type": "array", "items": STR},
            "lookalike_of": NULLABLE_STR,
        }
    ),
    "PhoneInfo": _obj(
        {
            "number": STR,
            "kind": STR,
            "official": {"type": "boolean"},
            "owner": NULLABLE_STR,
            "owner_ko": NULLABLE_STR,
            "is_sender": {"type": "boolean"},
        }
    ),
    "Verdict": _obj(VERDICT_PROPERTIES),
    "CheckResult": {
        "description": "The Verdict JSON (Verdict.to_dict()) plus the stored check id and a one-line summary.",
        **_obj(VERDICT_PROPERTIES | {"check_id": NULLABLE_INT, "summary": STR}),
    },
    "CheckRequest": _obj(
        {
            "text": {"type": "string", "minLength": 1, "maxLength": 5000},
            "sender": STR,
            "lang": {"type": "string", "enum": ["ko", "en"]},
        },
        required=["text"],
    ),
    "BatchRequest": _obj(
        {
            "messages": {"type": "array", "minItems": 1, "maxItems": 100, "items": _ref("CheckRequest")},
            "lang": {"type": "string", "enum": ["ko", "en"]},
        },
        required=["messages"],
    ),
    "BatchResult": _obj({"results": {"type": "array", "items": _ref("CheckResult")}}),
    "ReportRequest": _obj(
        {
            "text": {"type": "string", "minLength": 1, "maxLength": 5000},
            "sender": STR,
            "label": {"type": "string", "enum": list(LABELS)},
            "channel": {"type": "string", "maxLength": 32},
        },
        required=["text"],
    ),
    "ReportCreated": _obj({"id": INT, "risk": {"type": "string", "enum": ["low", "medium", "high"]}}),
    "Example": _obj(
        {
            "created_at": STR,
            "source": {"type": "string", "enum": ["check", "report"]},
            "text": STR,
            "risk": STR,
            "label": NULLABLE_STR,
        }
    ),
    "Indicator": _obj(
        {
            "kind": {"type": "string", "enum": ["domain", "url", "phone"]},
            "value": {
                "type": "string",
                "description": "domain, redacted URL, 'o:' + official number or "
                "'h:' + keyed hash of a private number",
            },
            "checks": INT,
            "reports": INT,
            "first_seen": NULLABLE_STR,
            "last_seen": NULLABLE_STR,
            "examples": {"type": "array", "items": _ref("Example")},
        }
    ),
    "Lookup": _obj(
        {
            "query": STR,
            "check_id": NULLABLE_INT,
            "verdict": _ref("Verdict"),
            "script": BILINGUAL,
            "indicators": {"type": "array", "items": _ref("Indicator")},
        }
    ),
    "KakaoSkillRequest": {
        "type": "object",
        "properties": {"userRequest": {"type": "object", "properties": {"utterance": STR}}},
        "required": ["userRequest"],
    },
    "KakaoSkillResponse": _obj(
        {
            "version": {"type": "string", "enum": ["2.0"]},
            "template": _obj(
                {
                    "outputs": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 3,
                        "items": _obj({"simpleText": _obj({"text": {"type": "string", "maxLength": 1000}})}),
                    },
                    "quickReplies": {
                        "type": "array",
                        "maxItems": 10,
                        "items": _obj({"label": STR, "action": STR, "messageText": STR}),
                    },
                }
            ),
        }
    ),
}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _ok(description: str, schema: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


def _body(schema: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema)}}}


KEYED_ERRORS = {
    "400": _error("Malformed JSON, not an object, empty or too long text, bad field"),
    "401": _error("No API key"),
    "403": _error("Unknown or revoked API key"),
    "413": _error("Request body over the limit"),
    "415": _error("Content-Type is not application/json"),
    "429": _error("Rate limit of this key reached (see Retry-After)"),
    "503": _error(
        "The database cannot store right now (full disk, read-only file); a check still "
        "answers, with check_id null"
    ),
}


@cache
def openapi_document() -> dict:
    keyed = [{"bearerAuth": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "smishcheck API",
            "version": "1",
            "description": "Checks text messages for smishing, offline. Links in messages are never opened.",
        },
        "servers": [{"url": "/api/v1"}],
        "components": {
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "smishcheck apikey create NAME",
                },
                "skillSecret": {"type": "apiKey", "in": "header", "name": "X-Skill-Secret"},
            },
            "schemas": SCHEMAS,
        },
        "paths": {
            "/check": {
                "post": {
                    "summary": "Check one message",
                    "security": keyed,
                    "requestBody": _body("CheckRequest"),
                    "responses": {"200": _ok("The verdict", "CheckResult"), **KEYED_ERRORS},
                }
            },
            "/check/batch": {
                "post": {
                    "summary": "Check up to 100 messages",
                    "security": keyed,
                    "requestBody": _body("BatchRequest"),
                    "responses": {
                        "200": _ok("One verdict per message, in order", "BatchResult"),
                        **KEYED_ERRORS,
                    },
                }
            },
            "/reports": {
                "post": {
                    "summary": "Report a message (stored redacted)",
                    "security": keyed,
                    "requestBody": _body("ReportRequest"),
                    "responses": {"201": _ok("Stored", "ReportCreated"), **KEYED_ERRORS},
                }
            },
            "/lookup": {
                "get": {
                    "summary": "What the call-center page shows for a message, URL, domain or number",
                    "security": keyed,
                    "parameters": [{"name": "q", "in": "query", "required": True, "schema": STR}],
                    "responses": {
                        "200": _ok("Verdict, script and earlier matches", "Lookup"),
                        **{k: v for k, v in KEYED_ERRORS.items() if k not in ("413", "415")},
                    },
                }
            },
            "/kakao/skill": {
                "post": {
                    "summary": "Kakao i Open Builder skill (enabled when SMISHCHECK_KAKAO_SECRET is set)",
                    "security": [{"skillSecret": []}],
                    "requestBody": _body("KakaoSkillRequest"),
                    "responses": {
                        "200": _ok("Skill answer", "KakaoSkillResponse"),
                        "400": _error("Malformed JSON"),
                        "403": _error("Wrong X-Skill-Secret"),
                        "404": _error("Skill disabled"),
                        "415": _error("Content-Type is not application/json"),
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "security": [],
                    "responses": {
                        "200": {
                            "description": "OpenAPI 3.1 document",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
    }
