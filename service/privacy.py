"""Turn a message and its Verdict into what may be stored: redacted text, redacted verdict, indicators.

The Verdict itself carries personal data (``phones[].number``, URLs with numbers in their query,
evidence strings quoting the message), so it is redacted too before it reaches the database.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import orjson

from checker.redact import PHONE_TOKEN, number_key, phone_digits, redact
from checker.verdict import RISK_LABELS

from .officials import is_official_phone

#: Everything ``redact`` replaces is an e-mail address (an "@") or a number of at least 8 digits (the
#: shortest, 1588-1234; resident, card and account numbers are longer): a string with neither is
#: returned as it is without running the five patterns (most evidence strings and URLs).
_SEVEN_DIGITS = re.compile(r"(?:\D*\d){7}")
#: ``format`` of a stored verdict without the static wording (label, sentences, advice); rows
#: written before it hold the whole ``Verdict.to_dict()`` and have no ``format`` (``stored_verdict``).
STORED_FORMAT = 2


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
        """What is stored of ``Verdict.to_dict()``: compact (``stored_verdict``), personal numbers removed."""
        return json.loads(self.verdict_json(data))

    def verdict_json(self, data: dict, memo: dict | None = None) -> str:
        """``verdict(data)`` as JSON text (what is stored), built in one pass over the verdict.

        Only what varies from message to message is kept (``stored_verdict``): the risk label, the
        reasons' sentences and the advice are the checker's wording for the risk and the rule ids of
        that version (recorded in ``versions``), and were three quarters of the stored JSON.
        """
        raw_numbers: set[str] = set()
        phones = []
        for phone in data.get("phones", []):
            phone = dict(phone)
            digits = phone_digits(str(phone.get("number", "")))
            if not (phone.get("official") or self._official(digits)):
                raw_numbers.add(digits)
                phone["number"] = PHONE_TOKEN
                phone["number_key"] = self.phone_value(digits, memo)
            phones.append(phone)
        text = self.text
        stored = {
            "format": STORED_FORMAT,
            "risk": data["risk"],
            "score": data.get("score", 0.0),
            "reasons": [
                {
                    "id": hit.get("id", ""),
                    "score": hit.get("score", 0),
                    "evidence": text(hit.get("evidence", "")),
                    "group": hit.get("group", ""),
                }
                for hit in data.get("reasons", [])
            ],
            "urls": [url | {"url": text(url.get("url", ""))} for url in data.get("urls", [])],
            "phones": phones,
            "versions": data.get("versions", {}),
        }
        encoded = _compact_json(stored)
        # The scrub walks every string; skip it when no removed number occurs anywhere in the text
        # (the usual case: the numbers were already replaced above). Same result either way.
        if any(len(digits) >= 7 and digits in encoded for digits in raw_numbers):
            encoded = _compact_json(_scrub(stored, raw_numbers))
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


def _compact_json(value) -> str:
    try:
        return orjson.dumps(value).decode("utf-8")  # a few times faster than the json module
    except TypeError:  # what orjson refuses (a lone surrogate, a huge integer): the json module
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def stored_verdict(encoded: str) -> dict:
    """The ``verdict`` column of a check or report, in the compact shape, whatever its age.

    Rows written before the compact format hold the whole ``Verdict.to_dict()``; their label,
    sentences and advice are dropped here, so readers see one shape. ``label`` is rebuilt from the
    risk (the same table the checker uses); a reason's sentences come from its rule id
    (docs/rules.md) in the checker version of ``versions``.
    """
    data = json.loads(encoded)
    if data.get("format") != STORED_FORMAT:
        data = {
            "format": STORED_FORMAT,
            "risk": data["risk"],
            "score": data.get("score", 0.0),
            "reasons": [
                {key: hit.get(key, "") for key in ("id", "score", "evidence", "group")}
                for hit in data.get("reasons", [])
            ],
            "urls": data.get("urls", []),
            "phones": data.get("phones", []),
            "versions": data.get("versions", {}),
        }
    labels = RISK_LABELS.get(data["risk"])
    data["label"] = dict(labels) if labels else None
    return data


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
