"""Turn a message and its Verdict into what may be stored: redacted text, redacted verdict, indicators.

The Verdict itself carries personal data (``phones[].number``, URLs with numbers in their query,
evidence strings quoting the message), so it is redacted too before it reaches the database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.redact import PHONE_TOKEN, number_key, phone_digits, redact

from .officials import is_official_phone

#: Everything ``redact`` replaces is an e-mail address (an "@") or a number of at least 8 digits (the
#: shortest, 1588-1234; resident, card and account numbers are longer): a string with neither is
#: returned as it is without running the five patterns (most evidence strings and URLs).
_SEVEN_DIGITS = re.compile(r"(?:\D*\d){7}")


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
        if "@" not in text and not _SEVEN_DIGITS.match(text):
            return text
        return redact(text, is_official_phone=self._official).text

    def phone_value(self, number: str, memo: dict | None = None) -> str:
        """Indicator value of a phone number: the official number itself, else a keyed hash.

        ``memo`` (a dict for one stored message) saves hashing a number twice (verdict, indicators).
        """
        if memo is not None and number in memo:
            return memo[number]
        digits = phone_digits(number)
        value = "o:" + digits if self._official(digits) else "h:" + number_key(digits, self._secret)
        if memo is not None:
            memo[number] = value
        return value

    def verdict(self, data: dict) -> dict:
        """A copy of ``Verdict.to_dict()`` with personal numbers removed (hash kept for matching)."""
        return json.loads(self.verdict_json(data))

    def verdict_json(self, data: dict, memo: dict | None = None) -> str:
        """``verdict(data)`` as JSON text (what is stored), without copying what needs no change."""
        # Only the phones, URLs and reasons are rewritten: copy those entries, share the rest
        # (the input is never modified).
        data = dict(data)
        for name in ("phones", "urls", "reasons"):
            if name in data:
                data[name] = [dict(item) for item in data[name]]
        raw_numbers: set[str] = set()
        for phone in data.get("phones", []):
            digits = phone_digits(str(phone.get("number", "")))
            if phone.get("official") or self._official(digits):
                continue
            raw_numbers.add(digits)
            phone["number"] = PHONE_TOKEN
            phone["number_key"] = self.phone_value(digits, memo)
        for url in data.get("urls", []):
            url["url"] = self.text(url.get("url", ""))
        for hit in data.get("reasons", []):
            hit["evidence"] = self.text(hit.get("evidence", ""))
        encoded = json.dumps(data, ensure_ascii=False)
        # The scrub walks every string; skip it when no removed number occurs anywhere in the text
        # (the usual case: the numbers were already replaced above). Same result either way.
        if any(len(digits) >= 7 and digits in encoded for digits in raw_numbers):
            encoded = json.dumps(_scrub(data, raw_numbers), ensure_ascii=False)
        return encoded

    def indicators(
        self, verdict: dict, sender: str | None = None, memo: dict | None = None
    ) -> list[Indicator]:
        """Indicators of an (unredacted) verdict dict; deduplicated, in a stable order."""
        found: list[Indicator] = []
        for url in verdict.get("urls", []):
            if url.get("registered_domain"):
                found.append(Indicator("domain", url["registered_domain"].lower()))
            if url.get("url"):
                found.append(Indicator("url", self.text(url["url"])))
        for phone in verdict.get("phones", []):
            if phone.get("number"):
                found.append(Indicator("phone", self.phone_value(phone["number"], memo)))
        if sender and phone_digits(sender):
            found.append(Indicator("phone", self.phone_value(sender, memo)))
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
