"""smishcheck's pure library: one pasted message in, one explained ``Verdict`` out.

    >>> from checker import check
    >>> check("[국외발신] 민생회복 소비쿠폰 신청 han.gl/x").risk
    'high'

No Flask, no SQLite, no network. ``check`` uses a default ``Checker`` built on first use.
"""

import sys
from importlib.machinery import EXTENSION_SUFFIXES

from checker.core import MAX_TEXT_LENGTH, Checker, InputError, Item, check, check_many, default_checker
from checker.verdict import RISK_LABELS, RISK_LEVELS, Advice, Hit, PhoneInfo, UrlInfo, Verdict

__all__ = [
    "MAX_TEXT_LENGTH",
    "RISK_LABELS",
    "RISK_LEVELS",
    "Advice",
    "Checker",
    "Hit",
    "InputError",
    "Item",
    "PhoneInfo",
    "UrlInfo",
    "Verdict",
    "check",
    "check_many",
    "compiled_modules",
    "default_checker",
]


def compiled_modules() -> list[str]:
    """The checker's imported modules that run compiled by Cython (setup.py), sorted; empty for a pure-Python
    install. The compiled module and its ``.py`` file give the same answers: only the speed differs."""
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name.startswith("checker.") and str(getattr(module, "__file__", "") or "").endswith(tuple(EXTENSION_SUFFIXES))
    )
