"""The bridge from requests to ``checker.check``: input limits, the call, storage of the result."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass

from flask import current_app

from checker.core import has_lone_surrogate

from .storage import now_iso

log = logging.getLogger(__name__)

MAX_SENDER_LENGTH = 40


@dataclass
class InputError(Exception):
    """Bad user input, with a stable code for the API and a message key for the pages."""

    code: str  # empty_text, text_too_long, bad_unicode, bad_sender, ...
    key: str  # i18n key
    values: dict
    status: int = 400


def clean_text(value, *, max_length: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError("empty_text", "err_empty", {})
    value = value.replace("\x00", "")
    if len(value) > max_length:
        raise InputError("text_too_long", "err_too_long", {"max": max_length, "length": len(value)})
    if has_lone_surrogate(value):  # a JSON "\\ud800" escape: nothing can store or show it
        raise InputError("bad_unicode", "err_unicode", {})
    return value


def clean_sender(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("bad_sender", "err_sender", {})
    value = value.strip()
    if len(value) > MAX_SENDER_LENGTH or has_lone_surrogate(value):
        raise InputError("bad_sender", "err_sender", {})
    return value or None


def run_check(text: str, sender: str | None = None) -> dict:
    """Check a message and return ``Verdict.to_dict()`` (the checker is injectable for tests)."""
    check = current_app.config.get("CHECK")
    if check is None:
        from checker import check
    try:
        verdict = check(text, sender=sender)
    except ValueError as exc:  # checker.InputError: input the library refuses (we pre-validate, so rare)
        raise InputError("bad_text", "err_empty", {}) from exc
    return verdict.to_dict() if hasattr(verdict, "to_dict") else dict(verdict)


def store_check(text: str, verdict: dict, sender: str | None, *, source: str) -> int | None:
    """Store a check; ``None`` when the database cannot take it (full disk, read-only file).

    The verdict matters more to the person asking than the log of it: the failure is logged and
    shown by /healthz (``Store.last_write_error``), and the transaction is rolled back whole.

    Under ``serve`` the check is queued and written in a batch by a background thread
    (service/check_queue.py; its id is reserved first). After a failed write, and until a write
    succeeds again, checks are stored here synchronously, so the answer tells whether it was stored.
    """
    store = current_app.extensions["smishcheck_store"]
    try:
        queue = store.check_queue
        if queue is None or store.last_write_error is not None:
            return store.record_check(text, verdict, sender=sender, source=source)
        check_id = store.new_check_id()
        created_at = now_iso()
        row = store.check_row(text, verdict, sender=sender, source=source, check_id=check_id, created_at=created_at)
        if not queue.put(row):
            # Closed (the worker is stopping): write it now, with the id already taken.
            store.write_checks([row])
        return check_id
    except sqlite3.Error as exc:
        log.error("check not stored (%s): %s", exc.__class__.__name__, exc)
        return None


def check_and_store(text: str, sender: str | None, *, source: str) -> tuple[dict, int | None]:
    verdict = run_check(text, sender)
    return verdict, store_check(text, verdict, sender, source=source)
