"""Find links in a message (in any disguise) and say what is known about each. Never fetches anything.

Extraction is a small set of linear regular expressions over the normalised text, validated by the
Public Suffix List (tldextract's bundled snapshot, private suffixes on, no network). A host glued to
Korean text on either side (``확인evil.com``, ``evil.com으로``) is cut at the script boundary.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from urllib.parse import urlsplit

import tldextract
from tldextract.tldextract import _decode_punycode

from checker.allowlist import Allowlist, OfficialDomain, default_allowlist
from checker.lookalike import LookalikeIndex
from checker.normalize import normalize
from checker.verdict import UrlInfo, make_url_info, with_flags

# Offline by construction: no suffix-list URLs, no cache directory, the bundled PSL snapshot only.
EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)
PUBLIC_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)

_SUFFIXES = frozenset(s.lower() for s in EXTRACTOR.tlds)
TLDS = frozenset(s for s in _SUFFIXES if "." not in s)
# Scheme-less names are accepted only under these TLDs (or with a path, or www.), so that "Mr.Kim"
# or "done.Call" in prose is not taken for a link; with a scheme any real TLD counts.
COMMON_TLDS = frozenset(
    """com net org kr co io me info biz xyz top site shop online club icu vip cc ly gl do to be so la in us
    cn ru jp tk ml ga cf gq pw ws su app dev page link click live life store fun space website tech buzz
    cyou cfd sbs rest monster bond bar lat one art asia mobi pro name tv fm am gg gd 한국""".split()
)

_HANGUL = "\uac00-\ud7a3\u3130-\u318f\u1100-\u11ff"
_STOP = "\\s<>\"'`{}|\\\\^\u3000\\[\\]"
# A bracketed IPv6 host right after the scheme is kept; elsewhere brackets end a link ("…hair[FW]").
SCHEME_URL = re.compile(rf"(?i)(?<![A-Za-z0-9])(?:https?|ftp)://(?:\[[0-9A-Fa-f:.]{{2,45}}\])?[^{_STOP}]{{0,2048}}")
BARE_DOMAIN = re.compile(
    rf"(?i)(?<![A-Za-z0-9@\-/_])(?<![A-Za-z0-9]\.)(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{{0,62}})\.){{1,8}}[A-Za-z]{{2,24}}"
    rf"(?![A-Za-z0-9\-@])(?::\d{{1,5}})?(?:[/?#][^{_STOP}{_HANGUL}]{{0,2048}})?"
)
HANGUL_DOMAIN = re.compile(
    rf"(?<![\w.\-])[{_HANGUL}0-9\-]{{1,63}}\.(?:[{_HANGUL}A-Za-z0-9\-]{{1,63}}\.){{0,4}}(?:kr|한국|com|net)"
    rf"(?![A-Za-z0-9\-])(?:/[^{_STOP}{_HANGUL}]{{0,2048}})?"
)
BARE_IP = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5}(?:/[^\s<>\"']{0,2048})?|/[^\s<>\"']{0,2048})")
# "gov.kr@evil.com": a domain-looking user part. Only common endings count on the left, so that an
# e-mail address such as victim.kim@example.com (".kim" is a TLD too) is not taken for a link.
USERINFO_BARE = re.compile(
    r"(?i)(?<![A-Za-z0-9.\-/])(?:[A-Za-z0-9\-]+\.)+(?:com|net|org|kr)@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,24}"
    r"(?:[/?#][^\s<>\"']{0,2048})?(?=[^A-Za-z0-9]|$)"
)

# One pass per token; at each position the alternatives are tried in this order of preference.
ANY_URL = re.compile(
    "|".join(
        f"(?i:{p.pattern.removeprefix('(?i)')})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
        for p in (SCHEME_URL, USERINFO_BARE, BARE_IP, BARE_DOMAIN, HANGUL_DOMAIN)
    )
)

# ANY_URL with a zero-width test in front that fails at once inside a Korean word: the same matches (tests/
# test_fast_paths_links.py), for ``UrlAnalyzer.find``. Only HANGUL_DOMAIN can start at a Hangul character (the
# others start with an ASCII letter, a digit or a hyphen, or one of the letters İ ı ſ K that (?i) folds to one), and
# only where no word character, dot or hyphen precedes it; inside a Korean word the engine tried all five
# alternatives at each character. A lookahead is atomic: the alternatives are still tried once at most.
_ANY_URL_IN_TOKEN = re.compile(rf"(?=(?![{_HANGUL}])|(?<![\w.\-]))(?:{ANY_URL.pattern})")

# Every pattern of ANY_URL but the scheme one needs a dot between two word characters (or hyphens):
# "evil.com", "1.2.3.4", "우체국.kr"; the scheme one needs "://". A whitespace-separated token with
# neither cannot hold a link, so ANY_URL (tried at every position: it cannot skip ahead) runs only on
# the tokens around these hints, which start at a literal ':' or '.' and are found with a fast scan.
# ``\w`` is wider than every class used above (Unicode letters and digits, Hangul, (?i) case folds).
# Narrower than "a dot between word characters", so that the many Korean tokens with a full stop between
# syllables ("합니다.감사") are not searched: a match of BARE_DOMAIN, BARE_IP or USERINFO_BARE holds an ASCII
# letter, digit or hyphen (or one of the four non-ASCII letters that (?i) folds to one: İ ı ſ K) right
# before a dot that a word character or hyphen follows; HANGUL_DOMAIN's ends in ".kr", ".한국", ".com" or
# ".net" (USERINFO_BARE's left part may end in ".org"); SCHEME_URL's holds "://". Every alternative starts
# at ':' or '.', so the regex engine skips to those.
_LINK_HINT = re.compile("://|\\.(?:(?<=[A-Za-z0-9\\-\u0130\u0131\u017f\u212a]\\.)[\\w\\-]|kr|한국|com|net|org)")
# ``_LINK_HINT`` in two parts: the dot hints, whose pattern starts with one literal character (the regex engine
# then skips from dot to dot with a plain character loop, not a set test per character), and "://", found with
# a substring search; see ``_next_hint``.
_DOT_HINT = re.compile(_LINK_HINT.pattern.removeprefix("://|"))


def _next_hint(text: str, start: int, scheme_at: int = -2) -> int:
    """Where ``_LINK_HINT.search(text, start)`` finds a hint, or -1 (no "://" overlaps a dot: the first of the two
    kinds is the first hint). ``find`` with its token table warm, 2,000 benchmark texts (callgrind): 22.7 k ->
    18.5 k instructions per text.

    ``scheme_at``: where the first "://" at or after ``start`` is (-1: none), when the caller knows it; -2: found
    here. The dot search stops there: a dot hint's match holds no ':', so one that starts before the scheme ends
    before it. Without that bound every token of "http://a http://a …" searched the rest of the text for a dot
    (quadratic: 164 ms for 100,000 characters)."""
    if scheme_at == -2:
        scheme_at = text.find("://", start)
    dot = _DOT_HINT.search(text, start, scheme_at if scheme_at >= 0 else len(text))
    if dot is not None:
        return dot.start()
    return scheme_at


# ``\s`` is exactly the whitespace of ``str.split()`` (both are Py_UNICODE_ISSPACE).
_SPACE = re.compile(r"\s")


def _token_bounds_by_whitespace(text: str, at: int) -> tuple[int, int]:
    """Start and end of the whitespace-free run of ``text`` around ``at`` (``at`` not on whitespace)."""
    before = _SPACE.search(text[:at][::-1])
    after = _SPACE.search(text, at)
    return (at - before.start() if before else 0), (after.start() if after else len(text))


_TRAILING = ".,;:!?)]}>'\"…·、。"
_HANGUL_CHAR = re.compile(f"[{_HANGUL}]")
# A scheme-less name under any other real TLD is a link when it is shaped like a made-up host: a hyphen after a
# letter in its name and the ending written in lower case ("paypal-resolution.help", "secure-login.support",
# "reroute-hmpackage.delivery"), which prose glued by a missing space never is ("follow-up.Today", "1-800-555.Call").
# On the English dev sets: 65 spam links more, none in super_sms or ExAIS ham (nor in the Korean sets).
_LETTER_HYPHEN = re.compile(r"[A-Za-z]-[A-Za-z0-9]")


def _hyphenated_host(host: str) -> bool:
    """Whether a two-label ``host`` (as written) is ``name.ending`` with a letter, a hyphen and a letter or digit in
    its ASCII name, and its ending in lower-case ASCII letters."""
    name, _, ending = host.rpartition(".")
    return (
        ending.isascii() and ending.isalpha() and ending.islower() and name.isascii()
        and _LETTER_HYPHEN.search(name) is not None
    )
MAX_LINKS = 100
_TOKEN_CACHE_SIZE = 50_000
# Endings whose names only public bodies are given: go.kr and mil.kr (KRNIC), gov.uk (the UK government's Central Digital
# and Data Office approves each name) and the US .gov (CISA registers it only to US government organisations). A real
# HMRC, DVLA or IRS text links to www.gov.uk or irs.gov, which the Korean allowlist does not list.
GOVERNMENT_REGISTRY = frozenset({"go.kr", "mil.kr", "gov.uk", "gov"})
_APK = re.compile(r"\.apk(?:$|[?#&])", re.IGNORECASE)


def _suffix_trie(rules: list[str]) -> dict[str, dict]:
    """The suffix rules as tldextract's trie holds them: labels right to left, wildcard ("*") and exception
    ("!www") labels kept as plain labels; a node that ends a rule holds the key "." (never a label), and a node
    with a child that a punycode label may decode to (a non-ASCII key, or one holding "xn--") holds the key
    ``_IDN_CHILDREN`` (never a label either: a bare host has no "#")."""
    root: dict[str, dict] = {}
    for rule in rules:
        node = root
        for label in reversed(rule.split(".")):
            if not label.isascii() or "xn--" in label:
                node[_IDN_CHILDREN] = {}
            node = node.setdefault(label, {})
        node["."] = {}
    return root


_IDN_CHILDREN = "#idn"
_SUFFIX_TRIE = _suffix_trie(EXTRACTOR.tlds)
# A host that tldextract's own netloc parsing would change (or read as an IPv6 literal) is left to it.
_NOT_A_BARE_HOST = re.compile(r"[/?#@:\[\]\s\u3002\uff0e\uff61]|\.\Z")


@lru_cache(maxsize=4096)
def _decoded_label(label: str) -> str:
    """The label as tldextract looks it up in its trie (IDNA-decoded when it can be; its own function). Cached:
    the labels decoded are those a suffix rule may hold (".xn--3e0b707e" is .한국), a few across a campaign."""
    return _decode_punycode(label)


def _public_suffix_start(labels: list[str]) -> int | None:
    """Index of the first label of the public suffix, or None: tldextract's ``suffix_index`` (5.x), the same
    trie walk with its wildcard and exception rules.

    tldextract looks every label up punycode-decoded (the suffixes are held in Unicode), and decoding is slow
    (idna: 70 µs a host through tldextract, 0.7 µs/message on the benchmark). A decoded "xn--" label is the
    label itself (when it does not decode) or holds a non-ASCII letter (the punycode part of a label only
    encodes code points from U+0080 up), so it can only be found in a node with such a child: elsewhere
    (under "com", "kr", ...) the label misses as it is, without decoding. A label without "xn--" decodes to
    itself (lower-case already)."""
    node = _SUFFIX_TRIE
    start = None
    for at in range(len(labels) - 1, -1, -1):
        label = labels[at]
        if _IDN_CHILDREN in node and label.startswith("xn--"):
            label = _decoded_label(label)
        child = node.get(label)
        if child is not None:
            node = child
            if "." in child:
                start = at
            continue
        if "*" in node:
            return at + 1 if "!" + label in node else at
        break
    return start


def split_host(ascii_host: str) -> tuple[str, str, str] | None:
    """(subdomain, domain, suffix) of a lower-case ASCII host, exactly as ``EXTRACTOR.extract_str`` gives them
    when it finds a public suffix; None when it finds none.

    tldextract parses its input as a URL first; a bare host needs no parsing, and the trie walk reaches one or
    two labels. Anything else is left to tldextract itself."""
    bare = ascii_host.isascii() and ascii_host == ascii_host.lower() and not _NOT_A_BARE_HOST.search(ascii_host)
    if not bare:
        parts = EXTRACTOR.extract_str(ascii_host)
        return (parts.subdomain, parts.domain, parts.suffix) if parts.suffix else None
    labels = ascii_host.split(".")
    start = _public_suffix_start(labels)
    if start is None:
        return None
    subdomain = ".".join(labels[: start - 1]) if start >= 2 else ""
    return subdomain, labels[start - 1] if start else "", ".".join(labels[start:])


@dataclass(frozen=True)
class Host:
    ascii: str
    unicode: str
    ip: bool


@dataclass(frozen=True)
class _HostFacts:
    """The part of a link's analysis that depends on its host alone (see ``UrlAnalyzer._host_facts``)."""

    host: Host
    registered: str
    official_row: OfficialDomain | None
    flags: tuple[str, ...]
    """Host flags, in the order they follow the link's own (userinfo, ip_host, apk) in ``UrlInfo.flags``."""
    lookalike_of: str | None


def _trim(url: str) -> str:
    """Drop trailing punctuation and unbalanced closing brackets that belong to the sentence."""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


# Labels that nameprep (IDNA 2003, step one of ``str.encode("idna")``) gives back unchanged: Hangul syllables and
# lower-case ASCII letters, digits and hyphens (no case to fold, NFKC-stable, nothing prohibited, no right-to-left
# letter; a test checks every character against ``encodings.idna.nameprep``).
_NAMEPREP_STABLE = re.compile(r"[a-z0-9\-\uac00-\ud7a3]+")


def _idna_without_nameprep(host: str) -> str | None:
    """``host.encode("idna").decode("ascii")`` for a non-ASCII host whose labels are all ASCII or
    ``_NAMEPREP_STABLE``; None for any other host (and wherever the codec would raise), left to the codec.

    The codec's nameprep is pure Python and costs as much as its punycode step: 231 of the 3,837 distinct hosts
    of the benchmark are non-ASCII (most of them Korean words glued to ".com" or ".kr") and took 6.0 k
    instructions per message (callgrind) in ``_to_ascii``; this takes about half of that."""
    labels = []
    for label in host.split("."):
        if not label.isascii():
            if label.startswith("xn--") or not _NAMEPREP_STABLE.fullmatch(label):
                return None
            label = "xn--" + label.encode("punycode").decode("ascii")
        if not 0 < len(label) < 64:
            return None
        labels.append(label)
    return ".".join(labels)


def plain_to_ascii(host: str) -> str | None:
    """``_to_ascii`` with every non-ASCII host through the IDNA codec (the reference for its fast path)."""
    return _to_ascii(host, fast=False)


def _to_ascii(host: str, fast: bool = True) -> str | None:
    host = host.strip(".").lower()
    if not host:
        return None
    if host.isascii():
        return host
    encoded = _idna_without_nameprep(host) if fast else None
    if encoded is not None:
        return encoded.lower()
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        labels = []
        for label in host.split("."):
            if label.isascii():
                labels.append(label)
            else:
                try:
                    labels.append("xn--" + label.encode("punycode").decode("ascii"))
                except UnicodeError:
                    return None
        return ".".join(labels)


def _to_unicode(ascii_host: str) -> str:
    if "xn--" not in ascii_host:
        return ascii_host
    labels = []
    for label in ascii_host.split("."):
        if label.startswith("xn--"):
            try:
                labels.append(label[4:].encode("ascii").decode("punycode"))
                continue
            except UnicodeError:
                pass
        labels.append(label)
    return ".".join(labels)


_HEX_PART = re.compile(r"0x[0-9a-f]{1,8}")
_DECIMAL_PART = re.compile(r"\d{1,10}")


def _parse_ip(host: str) -> bool:
    """Dotted, decimal (3232235777), hex (0xC0A80001), octal or mixed IPv4, or bracketed IPv6."""
    if host.startswith("[") and host.endswith("]"):
        try:
            ipaddress.IPv6Address(host[1:-1])
            return True
        except ValueError:
            return False
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return False
    for part in parts:
        p = part.lower()
        if _HEX_PART.fullmatch(p) or _DECIMAL_PART.fullmatch(p):
            continue
        return False
    return True


# ``urlsplit``'s netloc in the common case: a scheme (a letter, then letters, digits, "+", "-" or "."),
# "//" and the characters up to the first "/", "?" or "#"; see ``_netloc``.
_SCHEME_NETLOC = re.compile(r"\A[A-Za-z][A-Za-z0-9+\-.]*://([^/?#]*)")
_C0_OR_SPACE = re.compile(r"[\x00-\x20]")


def _netloc(url: str) -> str | None:
    """``urlsplit(url).netloc``, or None where ``urlsplit`` raises ValueError.

    Most links take the short way: no control character or space anywhere (which ``urlsplit`` would strip
    or remove first), a scheme and "//", and an ASCII netloc without brackets (the only netlocs that
    ``urlsplit`` validates further). There the netloc is what ``_SCHEME_NETLOC`` captures, read without
    ``urlsplit``'s cache lookup, copies and split of the path, query and fragment. Anything else goes
    through ``urlsplit`` itself."""
    match = _SCHEME_NETLOC.match(url)
    if match is not None:
        netloc = match.group(1)
        if netloc.isascii() and "[" not in netloc and "]" not in netloc and not _C0_OR_SPACE.search(url):
            return netloc
    try:
        return urlsplit(url).netloc
    except ValueError:
        return None


def _cut_glued_tld(host: str) -> str:
    """``evil.com확인`` -> ``evil.com``: the last label keeps its longest prefix that is a real TLD."""
    if host.isascii() or "." not in host:
        return host
    head, _, last = host.rpartition(".")
    if last.lower() in TLDS:
        return host
    for end in range(len(last) - 1, 0, -1):
        if last[:end].lower() in TLDS:
            return f"{head}.{last[:end]}"
    return host


def _written_as_is(url: str, raw: str) -> bool:
    """Whether an ASCII ``url`` appears in ``raw`` as it is: then its lower-case form appears in ``raw.lower()``
    (``analyse``'s test), since each ASCII character lower-cases alone, whatever surrounds it (only a few
    non-ASCII letters, such as the final sigma, lower-case by their context). Lower-casing a Korean message
    costs more than the rest of the check of its links once they are known (most links are written as is):
    ``extract`` with its tables warm, 2,000 benchmark texts (callgrind), 33.7 k -> 29.1 k instructions per text."""
    return url.isascii() and url in raw


def _shown_as_written(url_lower: str, raw_lower: str) -> bool:
    """Whether a link (lower-cased) stands in the lower-cased raw text as it is, or with only its scheme's colon lost
    (not a disguise); otherwise the link is flagged "obfuscated" (``analyse`` and ``extract`` decide alike)."""
    return url_lower in raw_lower or lost_colon_only(url_lower, raw_lower)


def lost_colon_only(url_lower: str, raw_lower: str) -> bool:
    """Whether a link (lower-cased) is written in the lower-cased raw text with only its scheme's colon lost to a
    blank ("http //bit.ly/x", "https // evil.com/a"; see ``checker.normalize._LOST_COLON``): what the OCR of a
    screenshot makes of a link, not a disguise by its sender."""
    scheme, sep, rest = url_lower.partition("://")
    if not sep or scheme not in ("http", "https"):
        return False
    return f"{scheme} //{rest}" in raw_lower or f"{scheme} // {rest}" in raw_lower


# Circled numbers ①-⑳ (U+2460-U+2473), which NFKC writes as "1"-"20".
_CIRCLED = {str(n): chr(0x2460 + n - 1) for n in range(1, 21)}
_LINK_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?#=&%+")


def _before_list_number(url: str, raw: str) -> str | None:
    """``url`` without the digits that a circled list number right after the link became ("…6N②" → "…6N"), when
    the link is written as is before it and no link character follows the number; otherwise None."""
    for width in (1, 2):
        digits, link = url[-width:], url[:-width]
        circled = _CIRCLED.get(digits)
        if circled is None or not link or not _written_as_is(link, raw):
            continue
        position = raw.find(link + circled)
        if position != -1:
            after = raw[position + len(link) + 1 : position + len(link) + 2]
            if after not in _LINK_CHARS or after == "":
                return link
    return None


def _after_list_number(url: str, raw: str) -> str | None:
    """``url`` without the digits that a circled list number right before the link became ("①hometax.go.kr 접속 ②로그인"
    → "hometax.go.kr"), when the rest is written as is after the number, the number opens the text or follows a blank
    or bracket, and the list goes on (the next circled number follows). Spam glues circled digits into its addresses
    ("ⓖworld*⑦.com", "①yoc.com즐타러가자": no list), which stay disguises."""
    for width in (2, 1):
        digits, link = url[:width], url[width:]
        circled = _CIRCLED.get(digits)
        if circled is None or not link[:1].isalnum() or "." not in link or not _written_as_is(link, raw):
            continue
        position = raw.find(circled + link)
        if position == -1 or (position > 0 and not (raw[position - 1].isspace() or raw[position - 1] in "([<:")):
            continue
        if circled != _CIRCLED["20"] and chr(ord(circled) + 1) in raw[position + 1 + len(link):]:
            return link
    return None


# An address typed entirely in full-width forms ("ｈｏｍｅｔａｘ．ｇｏ．ｋｒ", as some older handsets and input methods write):
# NFKC reads it plainly. For an official address that is the address itself, not a disguise.
_FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


def _official_in_full_width(info: UrlInfo, raw_lower: str) -> bool:
    return info.official and info.url.lower().translate(_FULL_WIDTH) in raw_lower


def _not_disguised(info: UrlInfo, raw_lower: str) -> bool:
    """Whether the message shows the link as it was written (or an official address in full-width forms): otherwise
    the link is flagged "obfuscated". The one test of ``analyse`` and ``extract``, so that both decide alike."""
    return _shown_as_written(info.url.lower(), raw_lower) or _official_in_full_width(info, raw_lower)


def _glued_to_shortener(registered: str, shorteners: frozenset[str]) -> bool:
    """Whether a registered domain is a shortener's name with letters before it ("wpbit.ly" for "bit.ly")."""
    return any(
        len(registered) > len(short) and registered.endswith(short) and registered[-len(short) - 1].isalnum()
        for short in shorteners
    )


class UrlAnalyzer:
    """Extracts and analyses URLs against one allowlist."""

    def __init__(self, allowlist: Allowlist) -> None:
        self.allowlist = allowlist
        # A platform's domain (naver.com) is no look-alike brand: its own shortener (naver.me) and the many real
        # domains with its name (kakaogames.com …) would read as imitations; claims of it are judged by
        # URL_NOT_OFFICIAL_FOR_SENDER.
        brands = set(allowlist.domains) - set(allowlist.platform_hosts)
        self.lookalikes = LookalikeIndex(brands, self._split, allowlist.not_lookalikes)
        self._analyse_cached = lru_cache(maxsize=50_000)(self._analyse_uncached)
        self._host_facts_cached = lru_cache(maxsize=50_000)(self._host_facts)
        # The links in one whitespace-separated token depend on the token alone (it is matched on its own),
        # and campaigns repeat their link tokens: each distinct token is matched once (bounded: a flood of
        # distinct tokens only empties the table now and then).
        self._links_in_token: dict[str, tuple[str, ...]] = {}

    def build_lookalike_index(self) -> None:
        """Build now the index that the first look-alike question builds otherwise (the brands' deletion
        neighbourhoods: ~18 M instructions, 11 ms interpreted). A long-lived checker calls this at construction, so
        that its first message with an unknown domain is not the one that pays for it; a throw-away analyzer
        (``extract_urls`` with an allowlist of its own) keeps it lazy."""
        self.lookalikes.build()

    @staticmethod
    def _split(domain: str) -> tuple[str, str]:
        parts = EXTRACTOR.extract_str(domain)
        return parts.domain.lower(), parts.suffix.lower()

    def find(self, text: str) -> list[str]:
        """Candidate URL strings in ``text`` (already normalised), in order.

        A URL holds no whitespace once normalised, so only whitespace-separated tokens that contain a
        dot between word characters (or a scheme) are searched: most of a message is never scanned by
        the URL patterns."""
        found: list[str] = []
        scheme_at = text.find("://")  # the next "://" (-1: none), kept ahead of the tokens below
        at = _next_hint(text, 0, scheme_at)
        if at < 0:  # most real messages
            return found
        # The same tokens as ``text.split()`` would give, but only those holding a hint, and without
        # splitting the whole text. No link pattern matches across whitespace, so matching in the token
        # alone is matching in the text.
        # The token's bounds are the nearest blanks (str.rfind/str.find); a token between them that is printable
        # holds no other whitespace (every whitespace character but the blank is non-printable), else (a line
        # break or tab in it) two whitespace scans decide. Warm ``find`` over the benchmark's texts: 2.75 -> 2.4 µs.
        while at >= 0:
            token_start = text.rfind(" ", 0, at) + 1
            token_end = text.find(" ", at)
            if token_end < 0:
                token_end = len(text)
            token = text[token_start:token_end]
            if not token.isprintable():
                token_start, token_end = _token_bounds_by_whitespace(text, at)
                token = text[token_start:token_end]
            links = self._links_in_token.get(token)
            if links is None:
                if len(self._links_in_token) >= _TOKEN_CACHE_SIZE:
                    self._links_in_token.clear()
                # ANY_URL has no capturing group: findall gives each match's whole text, with no match objects.
                links = self._links_in_token[token] = tuple(_ANY_URL_IN_TOKEN.findall(token))
            found.extend(links)
            if 0 <= scheme_at < token_end:
                scheme_at = text.find("://", token_end)
            at = _next_hint(text, token_end, scheme_at)  # the next token that holds a hint
        return found

    def analyse(self, candidate: str, raw_lower: str) -> UrlInfo | None:
        """Parse one candidate; None when it is not a plausible link (e.g. ``file.txt``).

        Campaigns repeat their links across thousands of messages, so the analysis of a candidate is
        cached per analyzer; only the ``obfuscated`` flag depends on how this message wrote it. (``extract``
        takes the same steps, lower-casing the message only when it needs to.)"""
        info = self._analyse_cached(candidate)
        if info is None or _not_disguised(info, raw_lower):
            return info
        return with_flags(info, ("obfuscated", *info.flags))

    def _analyse_uncached(self, candidate: str) -> UrlInfo | None:
        url = _trim(candidate)
        has_scheme = "://" in url[:8]
        netloc = _netloc(url if has_scheme else f"http://{url}")
        if netloc is None:
            return None
        userinfo = "@" in netloc
        hostport = netloc.rpartition("@")[2]
        host_raw = hostport
        if host_raw.startswith("["):
            # A bracketed IPv6 host ends at its bracket: "[2001:db8::1]:8080" is "[2001:db8::1]".
            host_raw = host_raw.split("]", 1)[0] + "]"
        else:
            # The host ends at the first colon: "evil.com::::x" is evil.com, never a host with colons.
            host_raw = host_raw.split(":", 1)[0]
        host_raw = _cut_glued_tld(host_raw)
        path = url.split(host_raw, 1)[1] if host_raw and host_raw in url else ""
        if has_scheme and path and _HANGUL_CHAR.search(path):
            # Korean text glued after the link: "…/abc확인하세요" keeps "…/abc".
            cut = _HANGUL_CHAR.search(path)
            assert cut is not None
            path = path[: cut.start()]
            url = _trim(url[: url.index(host_raw) + len(host_raw)] + path)
        elif host_raw and host_raw in url and not path:
            url = url[: url.index(host_raw) + len(host_raw)]
        facts = self._host_facts_cached(host_raw)
        if facts is None:
            return None
        host = facts.host
        if not host.ip and not has_scheme and not host.ascii.startswith("www.") and not path.strip("/"):
            # "Mr.Kim" is prose; "soiz.cfj7.fyi" (three labels) or "x.com" is a link.
            last_label = host.ascii.rsplit(".", 1)[1]
            rare = last_label not in COMMON_TLDS and _to_unicode(last_label) not in COMMON_TLDS
            if rare and host.ascii.count(".") < 2 and not _hyphenated_host(host_raw):
                return None
        flags: list[str] = []
        if userinfo:
            flags.append("userinfo")
        if host.ip:
            flags.append("ip_host")
        if _APK.search(url):
            flags.append("apk")
        flags.extend(facts.flags)
        official_row = facts.official_row
        return make_url_info(
            url,
            host.ascii,
            facts.registered,
            official_row is not None,
            official_row.owner if official_row else None,
            official_row.owner_ko if official_row else None,
            tuple(flags),
            host.unicode if host.unicode != host.ascii else "",
            facts.lookalike_of,
        )

    def _host_facts(self, host_raw: str) -> _HostFacts | None:
        """What depends on the host alone (registered domain, allowlist, lookalikes, host flags); None when
        it is no valid host. Cached per host: a campaign uses one host with many different paths."""
        if _parse_ip(host_raw):
            host = Host(host_raw.lower(), host_raw.lower(), True)
            return _HostFacts(host, host.ascii, None, (), None)
        ascii_host = _to_ascii(host_raw)
        if not ascii_host or "." not in ascii_host:
            return None
        host = Host(ascii_host, _to_unicode(ascii_host), False)
        parts = split_host(host.ascii)
        if parts is None or not parts[1]:
            return None
        subdomain, label, suffix = parts
        registered = f"{label}.{suffix}"
        official_row = self.allowlist.domain(registered)
        platform_hosts = self.allowlist.platform_hosts.get(registered) if official_row is not None else None
        if platform_hosts is not None and host.ascii not in platform_hosts:
            # blog.naver.com, open.kakao.com: anyone publishes there; the link is as unknown as before the
            # platform was listed (and its name no look-alike brand, below).
            official_row = None
        flags: list[str] = []
        if "xn--" in host.ascii and official_row is None:
            flags.append("punycode")
        labels = host.ascii.split(".")
        tails = {".".join(labels[i:]) for i in range(len(labels))}
        if registered in self.allowlist.shorteners or host.ascii in self.allowlist.shorteners:
            flags.append("shortener")
        elif tails & self.allowlist.free_hosting:
            flags.append("free_hosting")
        if labels[-1] in self.allowlist.risky_tlds:
            flags.append("risky_tld")
        lookalike = None
        if official_row is None and suffix in GOVERNMENT_REGISTRY:
            # go.kr and mil.kr names are issued only to public bodies (KRNIC): not "unknown", not
            # official either; lookalikes of another body are still judged below.
            flags.append("government_registry")
        if official_row is None:
            lookalike = self.lookalikes.find(_to_unicode(label), suffix, subdomain)
            if lookalike is not None and _glued_to_shortener(registered, self.allowlist.shorteners):
                # "(광고)WPbit.ly/…", "300% UPbit.ly/…": a shortener with letters glued in front (to dodge filters on
                # "bit.ly"), not an imitation of upbit.com.
                lookalike = None
                flags.append("shortener")
            if lookalike is not None:
                flags.append("lookalike" if lookalike.kind in {"homoglyph", "typo", "tld_swap"} else lookalike.kind)
            if "government_registry" not in flags or lookalike is not None:
                flags.append("unknown")
        return _HostFacts(
            host, registered, official_row, tuple(flags), lookalike.official_domain if lookalike else None
        )

    def extract(self, normalized: str, raw: str) -> list[UrlInfo]:
        candidates = self.find(normalized)
        if not candidates:
            return []
        raw_lower: str | None = None  # lower-cased only when a link is not found in ``raw`` as it is
        seen: set[str] = set()
        result = []
        tried: set[str] = set()
        for candidate in candidates:
            # A pasted campaign repeats one link thousands of times: analyse each distinct candidate once.
            if candidate in tried:
                continue
            if len(tried) >= MAX_LINKS:
                # No real message carries more; past this a paste is a flood, already judged by its
                # first MAX_LINKS links, and analysing thousands more would only slow the answer.
                break
            tried.add(candidate)
            info = self._analyse_cached(candidate)
            if info is not None and not _written_as_is(info.url, raw):
                # "▶ bit.ly/3vAhJ6N② 대한축구협회…", "①hometax.go.kr 접속 ②로그인": a circled list number (NFKC made it
                # "2" or "1" and glued it to the link) starts the next item or this one; the link is what was written
                # beside it, not a disguise.
                listed = _before_list_number(info.url, raw) or _after_list_number(info.url, raw)
                listed_info = self._analyse_cached(listed) if listed is not None else None
                if listed_info is not None:
                    info = listed_info
            if info is not None and not _written_as_is(info.url, raw):
                if raw_lower is None:
                    raw_lower = raw.lower()
                if not _not_disguised(info, raw_lower):
                    info = with_flags(info, ("obfuscated", *info.flags))
            if info is not None and info.url not in seen:
                seen.add(info.url)
                result.append(info)
        return result


@cache
def default_analyzer() -> UrlAnalyzer:
    return UrlAnalyzer(default_allowlist())


def extract_urls(text: str, allowlist: Allowlist | None = None) -> list[UrlInfo]:
    """Every link in ``text`` (raw message text, any disguise) with what is known about it."""
    analyzer = default_analyzer() if allowlist is None else UrlAnalyzer(allowlist)
    return analyzer.extract(normalize(text), text)
