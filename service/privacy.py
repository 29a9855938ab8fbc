"""Turn a message and its Verdict into what may be stored: redacted text, redacted verdict, indicators.

The Verdict itself carries personal data (``phones[].number``, URLs with numbers in their query,
evidence strings quoting the message), so it is redacted too before it reaches the database.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from checker.redact import PHONE_TOKEN, number_key, phone_digits, redact

from .officials import is_official_phone


@dataclass(frozen=True)
class Indicator:
    """Something a later lookup can match: a registered domain, a URL, or a phone number."""

    kind: str  # domain, url, phone
    value: str  # domain / redacted URL / "o:<official digits>" / "h:<keyed hash>"


class Redactor:
    """Redaction bound to the service secret (the key of the phone-number hashes)."""

    def __init__(self, secret: bytes, official: Callable[[str], bool] = is_official_phone):
        self._secret = secret
        self._official = official

    def text(self, text: str) -> str:
        return redact(text, is_official_phone=self._official).text

    def phone_value(self, number: str) -> str:
        """Indicator value of a phone number: the official number itself, else a keyed hash."""
        digits = phone_digits(number)
        if self._official(digits):
            return "o:" + digits
        return "h:" + number_key(digits, self._secret)

    def verdict(self, data: dict) -> dict:
        """A copy of ``Verdict.to_dict()`` with personal numbers removed (hash kept for matching)."""
        data = json.loads(json.dumps(data))  # a deep copy; several times faster than copy.deepcopy
        raw_numbers: set[str] = set()
        for phone in data.get("phones", []):
            digits = phone_digits(str(phone.get("number", "")))
            if phone.get("official") or self._official(digits):
                continue
            raw_numbers.add(digits)
            phone["number"] = PHONE_TOKEN
            phone["number_key"] = self.phone_value(digits)
        for url in data.get("urls", []):
            url["url"] = self.text(url.get("url", ""))
        for hit in data.get("reasons", []):
            hit["evidence"] = self.text(hit.get("evidence", ""))
        return _scrub(data, raw_numbers)

    def indicators(self, verdict: dict, sender: str | None = None) -> list[Indicator]:
        """Indicators of an (unredacted) verdict dict; deduplicated, in a stable order."""
        found: list[Indicator] = []
        for url in verdict.get("urls", []):
            if url.get("registered_domain"):
                found.append(Indicator("domain", url["registered_domain"].lower()))
            if url.get("url"):
                found.append(Indicator("url", self.text(url["url"])))
        for phone in verdict.get("phones", []):
            if phone.get("number"):
                found.append(Indicator("phone", self.phone_value(phone["number"])))
        if sender and phone_digits(sender):
            found.append(Indicator("phone", self.phone_value(sender)))
        return list(dict.fromkeys(found))


def _scrub(value, raw_numbers: set[str]):
    """Last line of defence: no raw non-official number survives anywhere in the stored verdict."""
    if isinstance(value, dict):
        return {key: _scrub(item, raw_numbers) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, raw_numbers) for item in value]
    if isinstance(value, str):
        for digits in raw_numbers:
            if len(digits) >= 7 and digits in value:
                value = value.replace(digits, PHONE_TOKEN)
        return value
    return value
