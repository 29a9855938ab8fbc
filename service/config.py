"""Configuration from ``SMISHCHECK_*`` environment variables (documented in docs/service.md).

Every setting has a default that works on a fresh machine, so ``make run`` shows the page at once.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

#: Longest message a person or bot may send (characters). The library accepts more; the smaller wins.
DEFAULT_MAX_TEXT_LENGTH = 5000


def max_text_length() -> int:
    try:
        import checker

        return min(DEFAULT_MAX_TEXT_LENGTH, int(getattr(checker, "MAX_TEXT_LENGTH", DEFAULT_MAX_TEXT_LENGTH)))
    except Exception:  # noqa: BLE001 - the checker failing to import is reported by /healthz, not here
        return DEFAULT_MAX_TEXT_LENGTH


def default_db_path() -> Path:
    """``$XDG_DATA_HOME/smishcheck/smishcheck.db`` (``~/.local/share/...`` when unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "smishcheck" / "smishcheck.db"


def db_path_from_env() -> Path:
    value = os.environ.get("SMISHCHECK_DB", "").strip()
    return Path(value).expanduser() if value else default_db_path()


def load_or_create_secret(db_path: Path) -> str:
    """``SMISHCHECK_SECRET_KEY``, or a key generated once and kept beside the database.

    The file is created with O_EXCL so two workers starting together agree on one key, and with
    mode 0600 because the key also salts the stored phone-number hashes.
    """
    value = os.environ.get("SMISHCHECK_SECRET_KEY", "").strip()
    if value:
        return value
    key_file = db_path.parent / "secret_key"
    key_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text(encoding="ascii").strip()
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secrets.token_urlsafe(48))
    return key_file.read_text(encoding="ascii").strip()


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise SystemExit(f"{name} must be an integer, got {value!r}") from exc


def _env_bool(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def from_env() -> dict:
    """Flask config keys read from the environment."""
    db_path = db_path_from_env()
    return {
        "DATABASE": str(db_path),
        "SECRET_KEY": load_or_create_secret(db_path),
        "KAKAO_SECRET": os.environ.get("SMISHCHECK_KAKAO_SECRET", "").strip() or None,
        "RETENTION_DAYS": _env_int("SMISHCHECK_RETENTION_DAYS", 90),
        "SECURE_COOKIES": _env_bool("SMISHCHECK_SECURE_COOKIES"),
        "BEHIND_PROXY": _env_bool("SMISHCHECK_BEHIND_PROXY"),
        "API_RATE_PER_MINUTE": _env_int("SMISHCHECK_API_RATE_PER_MINUTE", 120),
        "API_BURST": _env_int("SMISHCHECK_API_BURST", 30),
    }
