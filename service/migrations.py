"""Database schema, as ordered sqlite-utils migrations (append new ones; never edit an applied one)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("smishcheck")


@migrations()
def m001_initial(db: Database) -> None:
    # Message texts are stored only after redaction (checker.redact); phone numbers only as keyed
    # hashes or, for official institution numbers, verbatim. See service/privacy.py.
    db["checks"].create(
        {
            "id": int,
            "created_at": str,  # ISO 8601 UTC
            "source": str,  # web, api, callcenter, kakao
            "text": str,
            "sender_key": str,
            "risk": str,
            "score": float,
            "verdict": str,  # redacted Verdict as JSON (compact since "format": 2, privacy.stored_verdict)
            "versions": str,  # JSON: checker/rules/allowlist/model/service versions
        },
        pk="id",
        not_null={"created_at", "source", "text", "risk", "verdict"},
    )
    db["checks"].create_index(["created_at"])
    db["reports"].create(
        {
            "id": int,
            "created_at": str,
            "source": str,  # web, api, callcenter
            "channel": str,  # how the citizen received it: sms, kakaotalk, ... (free text, short)
            "label": str,  # smishing, spam, ham, unsure, or NULL when the reporter did not say
            "text": str,
            "sender_key": str,
            "risk": str,
            "score": float,
            "verdict": str,
            "versions": str,
        },
        pk="id",
        not_null={"created_at", "source", "text", "risk", "verdict"},
    )
    db["reports"].create_index(["created_at"])
    # Korean has no spaces between particles: the trigram tokenizer finds "택배" inside "택배가".
    db["reports"].enable_fts(["text"], tokenize="trigram", create_triggers=True)
    # What a lookup matches on: registered domain, URL, phone (keyed hash or official number).
    db["indicators"].create(
        {
            "id": int,
            "kind": str,  # domain, url, phone
            "value": str,
            "check_id": int,
            "report_id": int,
            "created_at": str,
        },
        pk="id",
        not_null={"kind", "value", "created_at"},
        foreign_keys=[("check_id", "checks", "id"), ("report_id", "reports", "id")],
    )
    db["indicators"].create_index(["kind", "value", "created_at"])
    db["indicators"].create_index(["check_id"])
    db["indicators"].create_index(["report_id"])
    db["agents"].create(
        {
            "id": int,
            "name": str,
            "password_hash": str,
            "disabled": int,
            "created_at": str,
            "last_login_at": str,
        },
        pk="id",
        not_null={"name", "password_hash", "created_at"},
        defaults={"disabled": 0},
    )
    db["agents"].create_index(["name"], unique=True)
    # Call outcomes recorded by agents: labelled data for retraining (exported as text,label CSV).
    db["outcomes"].create(
        {
            "id": int,
            "created_at": str,
            "agent_id": int,
            "check_id": int,
            "label": str,
            "note": str,
            "text": str,
        },
        pk="id",
        not_null={"created_at", "label", "text"},
        foreign_keys=[("agent_id", "agents", "id")],
    )
    db["api_keys"].create(
        {
            "id": int,
            "name": str,
            "prefix": str,  # first characters of the key, to recognise it in `apikey list`
            "key_hash": str,  # sha256 of the whole (high-entropy) key
            "created_at": str,
            "revoked_at": str,
        },
        pk="id",
        not_null={"name", "prefix", "key_hash", "created_at"},
    )
    db["api_keys"].create_index(["key_hash"], unique=True)


@migrations()
def m002_id_blocks(db: Database) -> None:
    # Check ids are handed out before the row is written (checks are stored in batches by a
    # background thread, service/check_queue.py): each process reserves a block of ids here.
    db.execute("CREATE TABLE id_blocks (name TEXT PRIMARY KEY, next_id INTEGER NOT NULL)")
