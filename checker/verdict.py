"""The one result type of smishcheck.

A ``Verdict`` is what ``check()`` returns and what every surface shows: the CLI prints it,
the API returns ``to_dict()``, storage keeps ``to_dict()`` as JSON, the pages render it.
``Verdict.from_dict(v.to_dict()) == v`` holds, so a stored verdict can be shown again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Risk levels, lowest first. ``low`` means "no known danger signs", never "safe".
RISK_LEVELS = ("low", "medium", "high")

RISK_LABELS = {
    "high": {"ko": "위험", "en": "High risk"},
    "medium": {"ko": "주의", "en": "Caution"},
    "low": {"ko": "위험 징후 없음", "en": "No known danger signs"},
}


@dataclass(frozen=True)
class Hit:
    """One rule (or the model) that fired, with its evidence."""

    id: str
    """Stable UPPER_SNAKE rule id, e.g. ``URL_SHORTENER``."""
    score: float
    """Points this hit adds before group caps (see ``checker.scoring``)."""
    ko: str
    """One plain Korean sentence for a citizen."""
    en: str
    """The same sentence in English."""
    evidence: str = ""
    """What in the message made the rule fire (a URL, a phrase, a number; never personal data)."""
    group: str = ""
    """Rule group, used for score caps: url, domain, notice, impersonation, phone, text, model."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": self.score,
            "ko": self.ko,
            "en": self.en,
            "evidence": self.evidence,
            "group": self.group,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Hit:
        return cls(
            id=data["id"],
            score=float(data["score"]),
            ko=data["ko"],
            en=data["en"],
            evidence=data.get("evidence", ""),
            group=data.get("group", ""),
        )


# The flags of a link that hides where it goes: a shortener, a throwaway TLD or free host, a bare IP, a disguised
# spelling, or a "user@host" link whose visible name is not its host. One definition for every rule that asks
# (TEXT_BARE_PARCEL_LINK, TEXT_ROOM_PASSWORD_LINK), so that they cannot drift apart.
HIDDEN_DESTINATION_FLAGS = frozenset({"shortener", "risky_tld", "free_hosting", "ip_host", "obfuscated", "userinfo"})


@dataclass(frozen=True)
class UrlInfo:
    """One link found in the message (after undoing disguises). Never fetched."""

    url: str
    """The link as the message wrote it, after undoing disguises (no scheme is invented); show it
    defanged (``checker.display.defang``), never clickable."""
    host: str
    """Host in IDNA ASCII form (punycode for Unicode hosts), lower-case."""
    registered_domain: str
    """Registered domain (tldextract, PSL snapshot, private suffixes on); the host for IP literals."""
    official: bool
    """True only when the registered domain is an allowlisted official domain."""
    owner: str | None = None
    """Owner of the official domain (English), when official."""
    owner_ko: str | None = None
    """Owner in Korean, when official."""
    flags: tuple[str, ...] = ()
    """Machine-readable facts: shortener, ip_host, punycode, apk, obfuscated, userinfo, free_hosting,
    risky_tld, lookalike, brand_in_label, brand_subdomain, unknown."""
    host_unicode: str = ""
    """Host as Unicode, when it differs from ``host`` (an IDN); shown next to the punycode."""
    lookalike_of: str | None = None
    """The official domain this one imitates, when it is a lookalike."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "host": self.host,
            "host_unicode": self.host_unicode,
            "registered_domain": self.registered_domain,
            "official": self.official,
            "owner": self.owner,
            "owner_ko": self.owner_ko,
            "flags": list(self.flags),
            "lookalike_of": self.lookalike_of,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> UrlInfo:
        return cls(
            url=data["url"],
            host=data["host"],
            registered_domain=data["registered_domain"],
            official=bool(data["official"]),
            owner=data.get("owner"),
            owner_ko=data.get("owner_ko"),
            flags=tuple(data.get("flags", ())),
            host_unicode=data.get("host_unicode", ""),
            lookalike_of=data.get("lookalike_of"),
        )


@dataclass(frozen=True)
class PhoneInfo:
    """One phone number found in the message (or the sender)."""

    number: str
    """Digits only, as written (``+82`` turned into a leading 0); e.g. ``15447000``."""
    kind: str
    """mobile, landline, representative (15xx/16xx/18xx), internet (070), personal_virtual (050x),
    short (3-4 digit service numbers like 112), international, north_american (a US or Canadian number written
    without "+": "1-800-555-0100", "(212) 555-0100"; kept as +1 and ten digits), unknown."""
    official: bool
    """True only when the number is an allowlisted official number."""
    owner: str | None = None
    owner_ko: str | None = None
    is_sender: bool = False
    """True for the sender number given alongside the message (a weak signal: senders are spoofable)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "kind": self.kind,
            "official": self.official,
            "owner": self.owner,
            "owner_ko": self.owner_ko,
            "is_sender": self.is_sender,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PhoneInfo:
        return cls(
            number=data["number"],
            kind=data["kind"],
            official=bool(data["official"]),
            owner=data.get("owner"),
            owner_ko=data.get("owner_ko"),
            is_sender=bool(data.get("is_sender", False)),
        )


@dataclass(frozen=True)
class Advice:
    """What to do now, in both languages (always present, at every level)."""

    ko: str
    en: str
    steps_ko: tuple[str, ...] = ()
    """The same advice as separate steps (pages show them as a list; ``ko`` is them joined)."""
    steps_en: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"ko": self.ko, "en": self.en, "steps_ko": list(self.steps_ko), "steps_en": list(self.steps_en)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Advice:
        return cls(
            ko=data["ko"],
            en=data["en"],
            steps_ko=tuple(data.get("steps_ko", ())),
            steps_en=tuple(data.get("steps_en", ())),
        )


@dataclass(frozen=True)
class Verdict:
    """The explained answer for one message."""

    risk: str
    """``high`` (위험), ``medium`` (주의) or ``low`` (위험 징후 없음; never "safe")."""
    score: float
    """0..1, monotone in the evidence; for ranking, not a probability."""
    reasons: tuple[Hit, ...]
    """Every rule that fired, strongest first."""
    urls: tuple[UrlInfo, ...]
    phones: tuple[PhoneInfo, ...]
    advice: Advice
    versions: dict[str, str] = field(default_factory=dict)
    """``rules``, ``allowlist``, ``model`` (and ``checker``) versions that produced this verdict."""

    @property
    def label_ko(self) -> str:
        return RISK_LABELS[self.risk]["ko"]

    @property
    def label_en(self) -> str:
        return RISK_LABELS[self.risk]["en"]

    def reason_ids(self) -> list[str]:
        return [hit.id for hit in self.reasons]

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape shared by the CLI, the API, storage and the pages."""
        return {
            "risk": self.risk,
            "label": {"ko": self.label_ko, "en": self.label_en},
            "score": self.score,
            "reasons": [hit.to_dict() for hit in self.reasons],
            "urls": [info.to_dict() for info in self.urls],
            "phones": [info.to_dict() for info in self.phones],
            "advice": self.advice.to_dict(),
            "versions": dict(self.versions),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        return cls(
            risk=data["risk"],
            score=float(data["score"]),
            reasons=tuple(Hit.from_dict(h) for h in data.get("reasons", ())),
            urls=tuple(UrlInfo.from_dict(u) for u in data.get("urls", ())),
            phones=tuple(PhoneInfo.from_dict(p) for p in data.get("phones", ())),
            advice=Advice.from_dict(data["advice"]),
            versions=dict(data.get("versions", {})),
        )


# The checker builds a Hit, a PhoneInfo and a Verdict for every message: a frozen dataclass's ``__init__``
# sets each field through ``object.__setattr__``, which costs more than the rest of the object. These
# builders fill the instance ``__dict__`` directly and give objects equal to the constructor's (a test
# compares them field by field, and fails when a class gains a field the builder does not set).
_new = object.__new__


def make_hit(id: str, score: float, ko: str, en: str, evidence: str, group: str) -> Hit:
    hit = _new(Hit)
    fields = hit.__dict__
    fields["id"] = id
    fields["score"] = score
    fields["ko"] = ko
    fields["en"] = en
    fields["evidence"] = evidence
    fields["group"] = group
    return hit


def make_phone(
    number: str, kind: str, official: bool, owner: str | None, owner_ko: str | None, is_sender: bool
) -> PhoneInfo:
    phone = _new(PhoneInfo)
    fields = phone.__dict__
    fields["number"] = number
    fields["kind"] = kind
    fields["official"] = official
    fields["owner"] = owner
    fields["owner_ko"] = owner_ko
    fields["is_sender"] = is_sender
    return phone


# A UrlInfo is built for every distinct link candidate (9,942 in the benchmark's 20,000 messages, cold caches):
# the frozen dataclass's ``__init__`` sets its nine fields through ``object.__setattr__`` (2.1 µs a link), these
# builders fill the instance ``__dict__`` directly (0.6 µs), as ``make_hit`` does; the objects are
# equal to the constructor's (tests/test_fast_paths_links.py compares them, and fails when UrlInfo gains a field).
def make_url_info(
    url: str,
    host: str,
    registered_domain: str,
    official: bool,
    owner: str | None,
    owner_ko: str | None,
    flags: tuple[str, ...],
    host_unicode: str,
    lookalike_of: str | None,
) -> UrlInfo:
    info = _new(UrlInfo)
    fields = info.__dict__
    fields["url"] = url
    fields["host"] = host
    fields["registered_domain"] = registered_domain
    fields["official"] = official
    fields["owner"] = owner
    fields["owner_ko"] = owner_ko
    fields["flags"] = flags
    fields["host_unicode"] = host_unicode
    fields["lookalike_of"] = lookalike_of
    return info


def with_flags(info: UrlInfo, flags: tuple[str, ...]) -> UrlInfo:
    """``dataclasses.replace(info, flags=flags)`` without its per-field ``__init__`` (3.9 µs -> 0.5 µs)."""
    copy = _new(UrlInfo)
    copy.__dict__.update(info.__dict__)
    copy.__dict__["flags"] = flags
    return copy


def make_verdict(
    risk: str,
    score: float,
    reasons: tuple[Hit, ...],
    urls: tuple[UrlInfo, ...],
    phones: tuple[PhoneInfo, ...],
    advice: Advice,
    versions: dict[str, str],
) -> Verdict:
    verdict = _new(Verdict)
    fields = verdict.__dict__
    fields["risk"] = risk
    fields["score"] = score
    fields["reasons"] = reasons
    fields["urls"] = urls
    fields["phones"] = phones
    fields["advice"] = advice
    fields["versions"] = versions
    return verdict
