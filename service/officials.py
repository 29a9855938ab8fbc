"""Is a phone number an official institution number? (kept verbatim when stored; all others are hashed)

One function so the source can change in one place: the checker's allowlist when it loads, otherwise
no number counts as official, which only means more gets redacted (the safe direction).
"""

from __future__ import annotations

from functools import cache


@cache
def _allowlist():
    try:
        from checker.allowlist import default_allowlist

        return default_allowlist()
    except Exception:  # noqa: BLE001 - allowlist data missing or broken: /healthz reports the checker, we just redact more
        return None


def is_official_phone(digits: str) -> bool:
    allowlist = _allowlist()
    return bool(allowlist is not None and allowlist.phone(digits) is not None)
