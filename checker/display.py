"""Showing attacker-written links without making them usable: defanged, never clickable."""

from __future__ import annotations

import re

_SCHEME = re.compile(r"^(h)(tt)(ps?)(://)", re.IGNORECASE)


def defang(url: str) -> str:
    """``https://evil.com/x`` -> ``hxxps://evil[.]com/x``: readable, not clickable, not auto-linked."""
    url = _SCHEME.sub(lambda m: f"{m.group(1)}xx{m.group(3)}{m.group(4)}", url)
    head, sep, rest = url.partition("://")
    if not sep:
        head, rest = "", url
    host_end = len(rest)
    for stop in "/?#":
        index = rest.find(stop)
        if index != -1:
            host_end = min(host_end, index)
    host = rest[:host_end].replace(".", "[.]").replace("@", "[@]")
    return f"{head}{sep}{host}{rest[host_end:]}"
