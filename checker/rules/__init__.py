"""All rules, registered at import (one module per family). ``REGISTRY`` maps id -> ``Rule``."""

from checker.rules import (  # noqa: F401  (registration)
    advert,
    bait,
    callback,
    contact_lures,
    disguised_contacts,
    gambling,
    impersonation,
    model,
    no_link_lures,
    notice,
    openers,
    personal_requests,
    phone,
    premium,
    reply_lures,
    spelling,
    stock_tips,
    text,
    url,
    wallet,
)
from checker.rules.registry import GROUPS, REGISTRY, Finding, Rule, register, rule

#: Bump when any rule's logic, points or texts change (reported in every verdict).
RULES_VERSION = "2026-12-08.5"

__all__ = ["GROUPS", "REGISTRY", "RULES_VERSION", "Finding", "Rule", "register", "rule"]
