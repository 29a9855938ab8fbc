"""Invariants that must hold for any text, shared by the fuzz target and the regression tests.

Kept free of atheris so that ``tests/test_robustness_checker.py`` can import it without the fuzz extra.
"""

from __future__ import annotations

import ipaddress

PHONE_KINDS = frozenset(
    {"mobile", "landline", "representative", "internet", "personal_virtual", "toll_free", "short",
     "international", "north_american", "unknown"}
)


def is_ip(host: str) -> bool:
    """Dotted IPv4, bracketed IPv6, or the decimal/hex/octal IPv4 spellings the extractor accepts."""
    if host.startswith("[") and host.endswith("]"):
        try:
            ipaddress.IPv6Address(host[1:-1])
            return True
        except ValueError:
            return False
    parts = host.split(".")
    return 1 <= len(parts) <= 4 and all(
        part.isdigit() or (part.startswith("0x") and len(part) > 2 and all(c in "0123456789abcdef" for c in part[2:]))
        for part in parts
    )


def check_invariants(text: str, normalize, analyzer, find_phones, allowlist) -> None:
    """Raise AssertionError (or let any other exception through) when an invariant is broken."""
    normalized = normalize(text)
    assert isinstance(normalized, str)
    for info in analyzer.extract(normalized, text):
        assert info.url, f"empty url for host {info.host!r}"
        assert info.host, f"empty host in {info.url!r}"
        assert info.host.isascii(), f"non-ASCII host {info.host!r}"
        assert info.registered_domain.isascii(), f"non-ASCII registered domain {info.registered_domain!r}"
        if "ip_host" in info.flags:
            assert is_ip(info.host), f"ip_host flag on {info.host!r}"
            assert info.registered_domain == info.host
        else:
            domain = info.registered_domain
            assert domain and (info.host == domain or info.host.endswith("." + domain)), (
                f"registered domain {domain!r} is not a suffix of host {info.host!r}"
            )
    for phone in find_phones(normalized, allowlist):
        assert phone.number, "empty phone number"
        assert phone.kind in PHONE_KINDS, f"unknown phone kind {phone.kind!r}"
