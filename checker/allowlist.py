"""The official allowlist: who is official, under which registered domains and phone numbers.

The data lives in the top-level ``allowlist`` package (reviewable CSV/TXT/TOML files, each row with its
source). This module only loads and answers questions; it never decides a risk level.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import ahocorasick_rs

from checker.normalize import compact


@dataclass(frozen=True)
class Institution:
    owner: str
    owner_ko: str
    category: str
    keywords: tuple[str, ...]
    compact_keywords: tuple[str, ...] = ()
    """``keywords`` without whitespace, lower-case (how they are matched)."""


@dataclass(frozen=True)
class OfficialDomain:
    domain: str
    owner: str
    owner_ko: str
    category: str
    source: str


@dataclass(frozen=True)
class OfficialPhone:
    number: str
    owner: str
    owner_ko: str
    purpose: str
    source: str


@dataclass(frozen=True)
class Notice:
    """An official statement of what an official channel never does (e.g. "no coupon links")."""

    id: str
    title_ko: str
    title_en: str
    issuer_ko: str
    issuer_en: str
    statement_ko: str
    statement_en: str
    topic_keywords: tuple[str, ...]
    topic_pattern: re.Pattern[str] | None
    """All topic keywords (compacted) as one regular expression."""
    about_pattern: re.Pattern[str] | None
    """Words of applying, eligibility, payment: they override ``merchant_pattern``."""
    merchant_pattern: re.Pattern[str] | None
    """Words of a shop saying the coupon is accepted there: such adverts are not about the notice."""
    never: frozenset[str]
    sources: tuple[str, ...]
    valid_from: str = ""

    @property
    def rule_id(self) -> str:
        return f"NOTICE_{self.id}"


@dataclass(frozen=True)
class Allowlist:
    institutions: dict[str, Institution]
    domains: dict[str, OfficialDomain]
    phones: dict[str, OfficialPhone]
    shorteners: frozenset[str]
    free_hosting: frozenset[str]
    risky_tlds: frozenset[str]
    notices: tuple[Notice, ...]
    version: str
    domains_by_owner: dict[str, frozenset[str]] = field(default_factory=dict)
    phones_by_owner: dict[str, frozenset[str]] = field(default_factory=dict)
    # compact keyword -> owners; one trie regex finds them all, longest name first.
    keyword_owners: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keyword_pattern: re.Pattern[str] | None = None
    """The plain formulation of ``keyword_scanner`` (the reference its tests compare with)."""
    keyword_scanner: ahocorasick_rs.AhoCorasick | None = field(default=None, compare=False, repr=False)
    """The same keywords as an Aho-Corasick automaton (a DFA) with leftmost-longest matches: the matches of
    ``keyword_pattern.finditer`` in one pass over the text, 1.2 µs instead of 8 µs per benchmark message
    (measured alone)."""
    notice_topic_pattern: re.Pattern[str] | None = None
    """Every notice's topic keywords (compacted) in one pattern."""
    notice_topic_words: frozenset[str] = frozenset()
    """The same keywords as a set (``Message.mentions_notice_topic`` finds them with the rules' hint words)."""
    not_lookalikes: frozenset[str] = frozenset()
    """Real registered domains of other bodies that resemble an official one (``paypay.ne.jp``, Japan's PayPay,
    one letter from ``paypal``): never called look-alikes, still unknown (``not_lookalikes.csv``)."""
    platform_hosts: dict[str, frozenset[str]] = field(default_factory=dict)
    """Official registered domain -> its only official hosts, for platforms where anyone publishes under other hosts
    of the same domain (blog.naver.com, open.kakao.com): those hosts stay unknown (``platform_hosts.csv``)."""

    def domain(self, registered_domain: str) -> OfficialDomain | None:
        """The official row for an exact registered domain (lower-case IDNA), else None."""
        return self.domains.get(registered_domain)

    def phone(self, digits: str) -> OfficialPhone | None:
        """The official row for a phone number given as digits only, else None."""
        return self.phones.get(digits)

    def institutions_named_in(self, compact_text: str) -> list[Institution]:
        """Institutions whose names appear in the (``compact``-ed) message text (longest name wins)."""
        if self.keyword_scanner is None:
            return []
        try:
            keywords = self.keyword_scanner.find_matches_as_strings(compact_text)
        except UnicodeEncodeError:  # a lone surrogate (not UTF-8): checked texts never hold one
            return self.institutions_named_in_plain(compact_text)
        if not keywords:  # nine messages in ten
            return []
        return self._owners_of(keywords)

    def institutions_named_in_plain(self, compact_text: str) -> list[Institution]:
        """``institutions_named_in`` with the trie regex (the reference of the fast path, any text)."""
        if self.keyword_pattern is None:
            return []
        return self._owners_of([match.group(0) for match in self.keyword_pattern.finditer(compact_text)])

    def _owners_of(self, keywords: list[str]) -> list[Institution]:
        found: dict[str, Institution] = {}
        for keyword in keywords:
            for owner in self.keyword_owners[keyword]:
                found.setdefault(owner, self.institutions[owner])
        return list(found.values())


def trie_regex(words: list[str]) -> re.Pattern[str] | None:
    """One regular expression matching any of ``words``, longest first, in a single linear pass
    (a trie as nested groups: hundreds of names cost about as much as one)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict) -> str:
        terminal = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            return f"(?:{body})?"
        return body if len(branches) == 1 or body.startswith("(?:") else f"(?:{body})"

    pattern = build(trie)
    return re.compile(pattern) if pattern else None


def _leftmost_longest_scanner(words: list[str]) -> ahocorasick_rs.AhoCorasick | None:
    """An automaton whose ``find_matches_as_strings`` gives the matches of ``trie_regex(words).finditer``:
    the leftmost match, the longest one there, then the next after its end."""
    if not words:
        return None
    return ahocorasick_rs.AhoCorasick(
        words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest, implementation=ahocorasick_rs.Implementation.DFA
    )


def _read_text(data_dir: Path | None, name: str) -> str:
    if data_dir is not None:
        return (data_dir / name).read_text(encoding="utf-8")
    return resources.files("allowlist").joinpath(name).read_text(encoding="utf-8")


def _read_csv(data_dir: Path | None, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_read_text(data_dir, name))))


def _read_list(data_dir: Path | None, name: str) -> frozenset[str]:
    lines = _read_text(data_dir, name).splitlines()
    return frozenset(
        line.strip().lower().lstrip(".") for line in lines if line.strip() and not line.lstrip().startswith("#")
    )


def load_allowlist(data_dir: str | Path | None = None) -> Allowlist:
    """Load the allowlist files from ``data_dir`` (default: the installed ``allowlist`` package)."""
    path = Path(data_dir) if data_dir is not None else None
    institutions = {
        row["owner"]: Institution(
            owner=row["owner"],
            owner_ko=row["owner_ko"],
            category=row["category"],
            keywords=tuple(k.strip() for k in row["keywords"].split(";") if k.strip()),
            compact_keywords=tuple(compact(k) for k in row["keywords"].split(";") if k.strip()),
        )
        for row in _read_csv(path, "institutions.csv")
    }
    domains = {
        row["domain"].lower(): OfficialDomain(
            row["domain"].lower(), row["owner"], row["owner_ko"], row["category"], row["source"]
        )
        for row in _read_csv(path, "domains.csv")
    }
    # One number may have several owners (114: every carrier; 112: police and the fraud centre), so
    # keep every row for phones_by_owner; `phones` answers "is it official" with the first row.
    phone_rows = [
        OfficialPhone(row["number"], row["owner"], row["owner_ko"], row["purpose"], row["source"])
        for row in _read_csv(path, "phones.csv")
    ]
    phones: dict[str, OfficialPhone] = {}
    for phone_row in phone_rows:
        phones.setdefault(phone_row.number, phone_row)
    notices_doc = tomllib.loads(_read_text(path, "notices.toml"))
    notices = tuple(
        Notice(
            id=n["id"],
            title_ko=n["title_ko"],
            title_en=n["title_en"],
            issuer_ko=n["issuer_ko"],
            issuer_en=n["issuer_en"],
            statement_ko=n["statement_ko"],
            statement_en=n["statement_en"],
            topic_keywords=tuple(n["topic_keywords"]),
            topic_pattern=trie_regex(sorted({compact(k) for k in n["topic_keywords"]})),
            about_pattern=trie_regex(sorted({compact(k) for k in n.get("about_keywords", [])})),
            merchant_pattern=trie_regex(sorted({compact(k) for k in n.get("merchant_keywords", [])})),
            never=frozenset(n["never"]),
            sources=tuple(n["sources"]),
            valid_from=n.get("valid_from", ""),
        )
        for n in notices_doc.get("notice", [])
    )
    try:
        version = _read_text(path, "VERSION.txt").strip()
    except FileNotFoundError:
        version = str(notices_doc.get("version", "unknown"))

    domains_by_owner: dict[str, set[str]] = {}
    for row in domains.values():
        domains_by_owner.setdefault(row.owner, set()).add(row.domain)
    phones_by_owner: dict[str, set[str]] = {}
    for row in phone_rows:
        phones_by_owner.setdefault(row.owner, set()).add(row.number)
    keyword_owners: dict[str, list[str]] = {}
    for inst in institutions.values():
        for keyword in inst.keywords:
            keyword_owners.setdefault(compact(keyword), []).append(inst.owner)
    keyword_owners_ = {k: tuple(v) for k, v in keyword_owners.items() if k}
    return Allowlist(
        institutions=institutions,
        domains=domains,
        phones=phones,
        shorteners=_read_list(path, "shorteners.txt"),
        free_hosting=_read_list(path, "free_hosting.txt"),
        risky_tlds=_read_list(path, "risky_tlds.txt"),
        notices=notices,
        version=version,
        domains_by_owner={k: frozenset(v) for k, v in domains_by_owner.items()},
        phones_by_owner={k: frozenset(v) for k, v in phones_by_owner.items()},
        keyword_owners=keyword_owners_,
        keyword_pattern=trie_regex(sorted(keyword_owners_)),
        keyword_scanner=_leftmost_longest_scanner(sorted(keyword_owners_)),
        notice_topic_pattern=trie_regex(sorted({compact(k) for n in notices for k in n.topic_keywords})),
        notice_topic_words=frozenset(compact(k) for n in notices for k in n.topic_keywords) - {""},
        not_lookalikes=_read_not_lookalikes(path),
        platform_hosts=_read_platform_hosts(path),
    )


def _read_platform_hosts(path: Path | None) -> dict[str, frozenset[str]]:
    """Registered domain -> official hosts (an older data directory may lack the file)."""
    try:
        rows = _read_csv(path, "platform_hosts.csv")
    except FileNotFoundError:
        return {}
    hosts: dict[str, set[str]] = {}
    for row in rows:
        hosts.setdefault(row["domain"].lower(), set()).add(row["host"].lower())
    return {domain: frozenset(names) for domain, names in hosts.items()}


def _read_not_lookalikes(path: Path | None) -> frozenset[str]:
    """The reviewed real domains that only resemble an official one (an older data directory may lack the file)."""
    try:
        rows = _read_csv(path, "not_lookalikes.csv")
    except FileNotFoundError:
        return frozenset()
    return frozenset(row["domain"].lower() for row in rows)


@cache
def default_allowlist() -> Allowlist:
    """The shipped allowlist, loaded once per process."""
    return load_allowlist()
