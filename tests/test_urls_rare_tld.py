"""Scheme-less names under TLDs outside COMMON_TLDS: links when shaped like a made-up host (a hyphen after a
letter, the ending in lower case), never prose glued by a missing space."""

from __future__ import annotations

import pytest

from checker.normalize import normalize
from checker.urls import default_analyzer


def _hosts(text: str) -> list[str]:
    return [u.host for u in default_analyzer().extract(normalize(text), text)]


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Log in within 24 hours: paypal-resolution.help", "paypal-resolution.help"),
        ("verify at secure-login.support now", "secure-login.support"),
        ("reschedule at reroute-hmpackage.delivery", "reroute-hmpackage.delivery"),
        ("visit Kenmerk-H810.nl", "kenmerk-h810.nl"),
        ("usps-redelivery.live", "usps-redelivery.live"),  # .live was common already
    ],
)
def test_hyphenated_hosts_under_other_tlds_are_links(text, host):
    assert _hosts(text) == [host]


@pytest.mark.parametrize(
    "text",
    [
        "e.g. this", "at 9 a.m. sharp", "Node.js and file.txt", "Mr.Smith called", "see you today.Please call",
        "Great catch-up.Love you", "the follow-up.Talk soon", "Call 1-800-111109.Download", "Kalyan-Ambivli.Call us",
        "AMELI-LIVRAISON.FR", "4.lol", "wah.lol", "2day.love",
    ],
)
def test_prose_is_not_a_link(text):
    assert _hosts(text) == []
