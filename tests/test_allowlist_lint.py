"""Lint the allowlist data files: sorted, unique, IDNA-clean, sourced and consistent with each other.

The files are read with the standard library only (csv, tomllib); tldextract (offline, private suffixes
on) is used only to prove that every official domain is its own registered domain. Each check returns
a list of problems that name the file, the line and the row, so a failing run says what to fix.
"""

from __future__ import annotations

import csv
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import tldextract

ALLOWLIST = Path(__file__).resolve().parents[1] / "allowlist"

INSTITUTION_HEADER = ["owner", "owner_ko", "category", "keywords", "source", "confidence", "verified_on"]
DOMAIN_HEADER = ["domain", "owner", "owner_ko", "category", "source", "confidence", "verified_on"]
PHONE_HEADER = ["number", "owner", "owner_ko", "purpose", "source", "confidence", "verified_on"]
NOT_LOOKALIKE_HEADER = ["domain", "owner", "resembles", "source", "confidence", "verified_on"]
PLATFORM_HOST_HEADER = ["host", "domain", "owner", "source", "confidence", "verified_on"]

CATEGORIES = frozenset(
    {
        "government",
        "local_government",
        "police",
        "prosecution",
        "court",
        "financial_regulator",
        "card",
        "bank",
        "securities",
        "crypto_exchange",
        "insurance",
        "delivery",
        "telecom",
        "health",
        "tax",
        "post",
        "other",
    }
)
CONFIDENCES = frozenset({"V", "S", "U"})
OPTIONAL_NOTICE_KEYS = frozenset({"about_keywords", "merchant_keywords"})
NEVER_VALUES = frozenset({"link", "qr", "app_install", "callback", "messenger"})
NOTICE_KEYS = frozenset(
    {
        "id",
        "title_ko",
        "title_en",
        "issuer_ko",
        "issuer_en",
        "statement_ko",
        "statement_en",
        "topic_keywords",
        "never",
        "valid_from",
        "sources",
    }
)
NOTICE_ID = re.compile(r"^[A-Z0-9_]+$")
# A source is a URL, a repository file ("repo:owner/name path") or a code-index id ("gh-id:N"),
# exactly as reference/korea-facts.md cites them; several are joined with " ; ".
SOURCE_PART = re.compile(r"^(https?://\S+|repo:[\w.-]+/[\w.-]+ \S+|gh-id:\d+)$")
# Bare brand fragments and ordinary words: as keywords they would match unrelated messages
# ("우리 카드", "하나 더", "KB" inside other words) or several institutions at once.
AMBIGUOUS_KEYWORDS = frozenset(
    {
        "kb",
        "nh",
        "bc",
        "sk",
        "lg",
        "kt",
        "u+",
        "국민",
        "신한",
        "우리",
        "하나",
        "삼성",
        "현대",
        "롯데",
        "카드",
        "은행",
        "쿠폰",
        "지원금",
        "할인",
        "택배",
    }
)

_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)

Row = tuple[int, list[str]]  # (line number in the file, fields)


# ---------------------------------------------------------------- loading (stdlib only)


def read_csv(path: Path) -> tuple[list[str], list[Row]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        rows = [(reader.line_num, fields) for fields in reader]
    return header, rows


def read_list(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _compact(text: str) -> str:
    """How keywords are compared: case-insensitive, whitespace removed."""
    return "".join(text.split()).casefold()


# ---------------------------------------------------------------- field checks


def _is_iso_date(value: Any) -> bool:
    if isinstance(value, date):
        return True
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return len(str(value)) == 10


def _provenance_problems(where: str, source: str, confidence: str, verified_on: str) -> list[str]:
    problems = []
    parts = [part.strip() for part in source.split(" ; ")] if source.strip() else []
    if not parts:
        problems.append(f"{where}: empty source")
    for part in parts:
        if not SOURCE_PART.match(part):
            problems.append(f"{where}: source {part!r} is not a URL, 'repo:owner/name path' or 'gh-id:N'")
    if confidence not in CONFIDENCES:
        problems.append(f"{where}: confidence {confidence!r} is not one of V, S, U")
    if not _is_iso_date(verified_on):
        problems.append(f"{where}: verified_on {verified_on!r} is not an ISO date")
    return problems


def _table_problems(
    name: str, header: list[str], rows: list[Row], expected: list[str], key_columns: int
) -> list[str]:
    """Header, column count, stray whitespace, sort order and uniqueness of the key columns."""
    if header != expected:
        return [f"{name}: header {header!r} is not {expected!r}"]
    problems = []
    keys: list[tuple[str, ...]] = []
    seen: dict[tuple[str, ...], int] = {}
    for line, fields in rows:
        where = f"{name}:{line} {fields!r}"
        if len(fields) != len(expected):
            problems.append(
                f"{where}: {len(fields)} fields, expected {len(expected)} (quote fields with commas)"
            )
            continue
        for column, value in zip(expected, fields, strict=True):
            if value != value.strip():
                problems.append(f"{where}: {column} has leading or trailing whitespace")
        key = tuple(field.casefold() for field in fields[:key_columns])
        if key in seen:
            problems.append(f"{where}: duplicate of line {seen[key]}")
        seen[key] = line
        if keys and key < keys[-1]:
            problems.append(f"{where}: not sorted (comes after {keys[-1]!r})")
        keys.append(key)
        problems += _provenance_problems(where, fields[-3], fields[-2], fields[-1])
    return problems


def domain_problems(domain: str) -> list[str]:
    """Why ``domain`` is not a clean, lower-case, ASCII registered domain (empty list when it is)."""
    problems = []
    if domain != domain.lower():
        problems.append("not lower-case")
    if "://" in domain or "/" in domain or "@" in domain or any(ch.isspace() for ch in domain):
        problems.append("must be a bare domain (no scheme, path, user or spaces)")
        return problems
    try:
        domain.encode("ascii")
    except UnicodeEncodeError:
        return problems + ["not ASCII: store Hangul domains as punycode (xn--)"]
    for label in domain.split("."):
        if not label:
            problems.append("empty label")
        elif label.startswith("xn--"):
            try:
                round_trip = label.encode("ascii").decode("idna").encode("idna").decode("ascii")
            except UnicodeError:
                round_trip = ""
            if round_trip != label:
                problems.append(f"label {label!r} is not valid punycode")
    # Equality with the registered domain also rules out a leading "www." (allowed only where www is
    # itself the registered label, as in www.gwangju.kr under the public suffix gwangju.kr).
    registered = _EXTRACT(domain).top_domain_under_public_suffix
    if not registered:
        problems.append("is a public suffix itself, not a registered domain")
    elif registered != domain:
        problems.append(f"is not a registered domain (tldextract gives {registered!r})")
    return problems


def institution_problems(rows: list[Row]) -> list[str]:
    problems = []
    owner_of_keyword: dict[str, str] = {}
    for line, fields in rows:
        if len(fields) != len(INSTITUTION_HEADER):
            continue  # reported by _table_problems
        owner, owner_ko, category, keywords = fields[:4]
        where = f"institutions.csv:{line} {fields!r}"
        if not owner or not owner_ko:
            problems.append(f"{where}: owner and owner_ko must not be empty")
        if category not in CATEGORIES:
            problems.append(f"{where}: category {category!r} is not one of {sorted(CATEGORIES)}")
        words = keywords.split(";")
        if not keywords or any(not word or word != word.strip() for word in words):
            problems.append(f"{where}: keywords must be a ';'-separated list without empty or padded items")
        seen_in_row: set[str] = set()
        for word in words:
            compact = _compact(word)
            if compact in AMBIGUOUS_KEYWORDS or len(compact) < 2:
                problems.append(f"{where}: keyword {word!r} is too ambiguous (ordinary word or bare brand)")
            other = owner_of_keyword.get(compact)
            if other is not None and other != owner:
                problems.append(f"{where}: keyword {word!r} already names {other!r}")
            owner_of_keyword[compact] = owner
            if word.casefold() in seen_in_row:
                problems.append(f"{where}: keyword {word!r} repeated")
            seen_in_row.add(word.casefold())
    return problems


def _institution_index(rows: list[Row]) -> dict[str, tuple[str, str]]:
    return {fields[0]: (fields[1], fields[2]) for _, fields in rows if len(fields) == len(INSTITUTION_HEADER)}


def _owner_problems(where: str, owner: str, owner_ko: str, category: str | None, index: dict) -> list[str]:
    if owner not in index:
        return [f"{where}: owner {owner!r} is not in institutions.csv"]
    expected_ko, expected_category = index[owner]
    problems = []
    if owner_ko != expected_ko:
        problems.append(f"{where}: owner_ko {owner_ko!r} differs from institutions.csv ({expected_ko!r})")
    if category is not None and category != expected_category:
        problems.append(
            f"{where}: category {category!r} differs from institutions.csv ({expected_category!r})"
        )
    return problems


def domain_row_problems(rows: list[Row], index: dict) -> list[str]:
    problems = []
    for line, fields in rows:
        if len(fields) != len(DOMAIN_HEADER):
            continue
        domain, owner, owner_ko, category = fields[:4]
        where = f"domains.csv:{line} {fields!r}"
        problems += [f"{where}: domain {reason}" for reason in domain_problems(domain)]
        problems += _owner_problems(where, owner, owner_ko, category, index)
    return problems


def phone_row_problems(rows: list[Row], index: dict) -> list[str]:
    problems = []
    for line, fields in rows:
        if len(fields) != len(PHONE_HEADER):
            continue
        number, owner, owner_ko, purpose = fields[:4]
        where = f"phones.csv:{line} {fields!r}"
        if not re.fullmatch(r"\d{3,12}", number):
            problems.append(f"{where}: number must be 3-12 digits only (no dashes, spaces or +82)")
        if not purpose:
            problems.append(f"{where}: empty purpose")
        problems += _owner_problems(where, owner, owner_ko, None, index)
    return problems


def list_file_problems(name: str, lines: list[str], kind: str) -> list[str]:
    """A header comment, then one lower-case entry per line, sorted and unique.

    ``kind`` is "domain" (a registered domain or a public/private suffix) or "tld" (a bare TLD).
    """
    if not lines or not lines[0].startswith("#"):
        return [f"{name}:1: must start with a '#' header comment saying what the list is and its sources"]
    problems = []
    entries: list[str] = []
    for number, raw in enumerate(lines, start=1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        where = f"{name}:{number} {raw!r}"
        if raw != entry or entry != entry.lower() or any(ch.isspace() for ch in entry):
            problems.append(f"{where}: entries are lower-case, one per line, without spaces")
        if entry in entries:
            problems.append(f"{where}: duplicate")
        elif entries and entry < entries[-1]:
            problems.append(f"{where}: not sorted (comes after {entries[-1]!r})")
        entries.append(entry)
        if kind == "tld":
            if not re.fullmatch(r"[a-z0-9-]+", entry) or _EXTRACT("example." + entry).suffix != entry:
                problems.append(f"{where}: not a top-level domain (write it without the dot)")
        else:
            is_registered = _EXTRACT(entry).top_domain_under_public_suffix == entry
            is_suffix = _EXTRACT("example." + entry).suffix == entry
            if not (is_registered or is_suffix):
                problems.append(f"{where}: neither a registered domain nor a public/private suffix")
    if not entries:
        problems.append(f"{name}: no entries")
    return problems


def notice_problems(data: dict[str, Any]) -> list[str]:
    problems = []
    if not _is_iso_date(data.get("version", "")):
        problems.append(f"notices.toml: version {data.get('version')!r} must be an ISO date")
    notices = data.get("notice")
    if not isinstance(notices, list) or not notices:
        return problems + ["notices.toml: no [[notice]] tables"]
    seen_ids: set[str] = set()
    for position, notice in enumerate(notices, start=1):
        where = f"notices.toml notice #{position} (id={notice.get('id')!r})"
        missing = NOTICE_KEYS - notice.keys()
        unknown = notice.keys() - NOTICE_KEYS - OPTIONAL_NOTICE_KEYS
        if missing:
            problems.append(f"{where}: missing keys {sorted(missing)}")
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        notice_id = notice.get("id", "")
        if not isinstance(notice_id, str) or not NOTICE_ID.match(notice_id):
            problems.append(f"{where}: id must match ^[A-Z0-9_]+$")
        elif notice_id in seen_ids:
            problems.append(f"{where}: duplicate id")
        seen_ids.add(str(notice_id))
        for key in ("title_ko", "title_en", "issuer_ko", "issuer_en", "statement_ko", "statement_en"):
            if key in notice and (not isinstance(notice[key], str) or not notice[key].strip()):
                problems.append(f"{where}: {key} must be a non-empty string")
        keywords = notice.get("topic_keywords", [])
        if not isinstance(keywords, list) or not keywords:
            problems.append(f"{where}: topic_keywords must be a non-empty list")
        else:
            for word in keywords:
                compact = _compact(word) if isinstance(word, str) else ""
                if len(compact) < 2 or compact in AMBIGUOUS_KEYWORDS:
                    problems.append(f"{where}: topic keyword {word!r} is empty or too generic")
        never = notice.get("never", [])
        if not isinstance(never, list) or not never or len(set(never)) != len(never):
            problems.append(f"{where}: never must be a non-empty list without repeats")
        elif not set(never) <= NEVER_VALUES:
            problems.append(
                f"{where}: never values {sorted(set(never) - NEVER_VALUES)} not in {sorted(NEVER_VALUES)}"
            )
        if "valid_from" in notice and not _is_iso_date(notice["valid_from"]):
            problems.append(f"{where}: valid_from {notice['valid_from']!r} is not an ISO date")
        sources = notice.get("sources", [])
        if not isinstance(sources, list) or not sources:
            problems.append(f"{where}: sources must be a non-empty list")
        else:
            for source in sources:
                if not isinstance(source, str) or not re.fullmatch(r"https?://\S+", source):
                    problems.append(f"{where}: source {source!r} is not an http(s) URL")
            if len(set(sources)) != len(sources):
                problems.append(f"{where}: repeated source")
    return problems


# ---------------------------------------------------------------- the real files


@pytest.fixture(scope="module")
def institutions() -> tuple[list[str], list[Row]]:
    return read_csv(ALLOWLIST / "institutions.csv")


@pytest.fixture(scope="module")
def institution_index(institutions) -> dict[str, tuple[str, str]]:
    return _institution_index(institutions[1])


def _fail_on(problems: list[str]) -> None:
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_institutions_csv(institutions):
    header, rows = institutions
    assert rows, "institutions.csv is empty"
    _fail_on(
        _table_problems("institutions.csv", header, rows, INSTITUTION_HEADER, key_columns=1)
        + institution_problems(rows)
    )


def test_domains_csv(institution_index):
    header, rows = read_csv(ALLOWLIST / "domains.csv")
    assert rows, "domains.csv is empty"
    _fail_on(
        _table_problems("domains.csv", header, rows, DOMAIN_HEADER, key_columns=1)
        + domain_row_problems(rows, institution_index)
    )


def test_phones_csv(institution_index):
    # One number may belong to several owners (114 is every carrier's customer centre), so the key
    # is (number, owner); rows are sorted by number, then owner.
    header, rows = read_csv(ALLOWLIST / "phones.csv")
    assert rows, "phones.csv is empty"
    _fail_on(
        _table_problems("phones.csv", header, rows, PHONE_HEADER, key_columns=2)
        + phone_row_problems(rows, institution_index)
    )


def test_not_lookalikes_csv():
    # Real domains of other bodies that only resemble an official one: clean registered domains, never official
    # themselves, each naming the official domain it resembles (tests/test_lookalike.py proves the resemblance).
    header, rows = read_csv(ALLOWLIST / "not_lookalikes.csv")
    assert rows, "not_lookalikes.csv is empty"
    _, official_rows = read_csv(ALLOWLIST / "domains.csv")
    official = {fields[0] for _, fields in official_rows}
    problems = _table_problems("not_lookalikes.csv", header, rows, NOT_LOOKALIKE_HEADER, key_columns=1)
    for line, fields in rows:
        if len(fields) != len(NOT_LOOKALIKE_HEADER):
            continue
        domain, owner, resembles = fields[:3]
        where = f"not_lookalikes.csv:{line} {fields!r}"
        problems += [f"{where}: domain {reason}" for reason in domain_problems(domain)]
        if domain in official:
            problems.append(f"{where}: is an official domain (domains.csv), not a look-alike")
        if resembles not in official:
            problems.append(f"{where}: resembles {resembles!r}, which is not in domains.csv")
        if not owner:
            problems.append(f"{where}: no owner")
    _fail_on(problems)


def test_platform_hosts_csv():
    # The only official hosts of a platform domain where anyone publishes under other hosts (blog.naver.com): each
    # host is under its official domain (domains.csv) and belongs to the same owner.
    header, rows = read_csv(ALLOWLIST / "platform_hosts.csv")
    assert rows, "platform_hosts.csv is empty"
    _, official_rows = read_csv(ALLOWLIST / "domains.csv")
    owner_of = {fields[0]: fields[1] for _, fields in official_rows}
    problems = _table_problems("platform_hosts.csv", header, rows, PLATFORM_HOST_HEADER, key_columns=1)
    for line, fields in rows:
        if len(fields) != len(PLATFORM_HOST_HEADER):
            continue
        host, domain, owner = fields[:3]
        where = f"platform_hosts.csv:{line} {fields!r}"
        # A host is a subdomain by design: only its registered-domain check does not apply.
        problems += [
            f"{where}: host {reason}" for reason in domain_problems(host) if not reason.startswith("is not a registered")
        ]
        if host != domain and not host.endswith(f".{domain}"):
            problems.append(f"{where}: host is not under {domain}")
        if owner_of.get(domain) != owner:
            problems.append(f"{where}: {domain} is not an official domain of {owner!r} in domains.csv")
    _fail_on(problems)


@pytest.mark.parametrize(
    ("name", "kind"),
    [("shorteners.txt", "domain"), ("free_hosting.txt", "domain"), ("risky_tlds.txt", "tld")],
)
def test_list_file(name, kind):
    _fail_on(list_file_problems(name, read_list(ALLOWLIST / name), kind))


def test_notices_toml():
    with (ALLOWLIST / "notices.toml").open("rb") as handle:
        data = tomllib.load(handle)
    _fail_on(notice_problems(data))


def test_version_txt_matches_notices_version():
    lines = (ALLOWLIST / "VERSION.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}\.\d+", lines[0]), f"VERSION.txt: {lines!r}"
    released = date.fromisoformat(lines[0].split(".")[0])
    with (ALLOWLIST / "notices.toml").open("rb") as handle:
        notices_version = date.fromisoformat(str(tomllib.load(handle)["version"]))
    assert released >= notices_version, "bump allowlist/VERSION.txt when notices.toml changes"


def test_untrusted_lists_do_not_overlap_official_domains():
    _, rows = read_csv(ALLOWLIST / "domains.csv")
    official = {fields[0] for _, fields in rows}
    risky_tlds = {
        line for line in read_list(ALLOWLIST / "risky_tlds.txt") if line and not line.startswith("#")
    }
    problems = []
    for name in ("shorteners.txt", "free_hosting.txt"):
        for entry in read_list(ALLOWLIST / name):
            if entry in official:
                problems.append(f"{name}: {entry!r} is also an official domain in domains.csv")
    for domain in sorted(official):
        if domain.rsplit(".", 1)[-1] in risky_tlds:
            problems.append(f"domains.csv: official domain {domain!r} is under a risky TLD; check the source")
    _fail_on(problems)


# ---------------------------------------------------------------- the linter itself catches bad rows


@pytest.mark.parametrize(
    ("domain", "reason"),
    [
        ("www.kbcard.com", "not a registered domain"),
        ("card.nonghyup.com", "not a registered domain"),
        ("go.kr", "public suffix"),
        ("gwangju.kr", "public suffix"),
        ("Gov.kr", "lower-case"),
        ("https://gov.kr", "bare domain"),
        ("gov.kr/x", "bare domain"),
        ("재도전장려금.kr", "punycode"),
    ],
)
def test_domain_check_rejects(domain, reason):
    assert any(reason in problem for problem in domain_problems(domain)), domain_problems(domain)


@pytest.mark.parametrize("domain", ["gov.kr", "seogu.gwangju.kr", "nonghyup.com", "kisa.kr"])
def test_domain_check_accepts(domain):
    assert domain_problems(domain) == []


def test_domain_check_accepts_punycode_registered_domain():
    punycode = "재도전장려금.kr".encode("idna").decode("ascii")
    assert domain_problems(punycode) == []


def test_table_check_names_bad_rows():
    rows: list[Row] = [
        (2, ["kbcard.com", "KB Kookmin Card", "KB국민카드", "card", "gh-id:1", "V", "2026-11-25"]),
        (3, ["bccard.com", "BC Card", "비씨카드", "card", "", "X", "25/11/2026"]),
        (4, ["kbcard.com", "KB Kookmin Card", "KB국민카드", "card", "somewhere", "V", "2026-11-25"]),
    ]
    problems = _table_problems("domains.csv", DOMAIN_HEADER, rows, DOMAIN_HEADER, key_columns=1)
    text = "\n".join(problems)
    assert "domains.csv:3" in text and "empty source" in text
    assert "confidence 'X'" in text and "not an ISO date" in text
    assert "not sorted" in text and "duplicate of line 2" in text
    assert "source 'somewhere'" in text


def test_owner_check_names_bad_rows():
    index = {"BC Card": ("비씨카드", "card")}
    rows: list[Row] = [
        (2, ["bccard.com", "BC Card", "BC카드", "bank", "gh-id:1", "V", "2026-11-25"]),
        (3, ["evil.com", "Nobody", "없음", "card", "gh-id:1", "V", "2026-11-25"]),
    ]
    text = "\n".join(domain_row_problems(rows, index))
    assert "owner_ko 'BC카드' differs" in text and "category 'bank' differs" in text
    assert "domains.csv:3" in text and "'Nobody' is not in institutions.csv" in text


def test_phone_check_rejects_formatted_numbers():
    index = {"Shinhan Card": ("신한카드", "card")}
    rows: list[Row] = [
        (2, ["1544-7000", "Shinhan Card", "신한카드", "customer center", "gh-id:1", "V", "2026-11-25"])
    ]
    assert any("digits only" in problem for problem in phone_row_problems(rows, index))


def test_keyword_check_rejects_ambiguous_and_shared_keywords():
    rows: list[Row] = [
        (2, ["KB Kookmin Card", "KB국민카드", "card", "KB국민카드;KB", "gh-id:1", "V", "2026-11-25"]),
        (3, ["KB Kookmin Bank", "KB국민은행", "bank", "KB국민은행;KB국민카드", "gh-id:1", "V", "2026-11-25"]),
    ]
    text = "\n".join(institution_problems(rows))
    assert "keyword 'KB' is too ambiguous" in text
    assert "institutions.csv:3" in text and "already names 'KB Kookmin Card'" in text


def test_list_check_rejects_bad_entries():
    lines = ["bit.ly", "# late header"]
    assert "header comment" in list_file_problems("x.txt", lines, "domain")[0]
    lines = ["# header", "me2.do", "bit.ly", "bit.ly", "Naver.me", "go.kr", "www.kbstar.com"]
    text = "\n".join(list_file_problems("x.txt", lines, "domain"))
    assert "x.txt:3" in text and "not sorted" in text
    assert "x.txt:4" in text and "duplicate" in text
    assert "x.txt:5" in text and "lower-case" in text
    assert "x.txt:7" in text and "neither a registered domain" in text
    assert "go.kr" not in text  # a public suffix is a valid entry for suffix lists
    text = "\n".join(list_file_problems("t.txt", ["# header", ".xyz", "notatld"], "tld"))
    assert "t.txt:2" in text and "t.txt:3" in text


def test_notice_check_rejects_bad_notice():
    data = {
        "version": "2026-11-25",
        "notice": [
            {"id": "bad-id", "never": ["link", "teleport"], "sources": [], "topic_keywords": ["쿠폰"]},
        ],
    }
    text = "\n".join(notice_problems(data))
    assert "missing keys" in text and "id must match" in text
    assert "'teleport'" in text and "sources must be a non-empty list" in text
    assert "topic keyword '쿠폰' is empty or too generic" in text
