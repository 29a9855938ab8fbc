"""Unit tests for undoing URL disguises (``checker.normalize``) and extracting links (``checker.urls``).

Contract: ``normalize(text)`` removes zero-width and bidi characters, applies NFKC, maps ``。``/``｡`` to
``.`` and undoes ``hxxp``, ``[.]``, ``(.)``, ``[dot]``. ``extract_urls(text)`` returns one ``UrlInfo``
per link, in order, with ``host`` in IDNA ASCII lower case, ``registered_domain`` per tldextract
(private suffixes on; the host itself for IP literals) and ``flags`` naming what was found.
The checker modules are imported inside the tests so a missing module fails tests, not collection.
"""

from __future__ import annotations

import pytest


def normalize(text: str) -> str:
    from checker.normalize import normalize as _normalize

    return _normalize(text)


def extract(text: str):
    from checker.urls import extract_urls

    return extract_urls(text)


def only_url(text: str):
    """The single link in ``text`` (fails if there is not exactly one)."""
    urls = extract(text)
    assert len(urls) == 1, f"expected one link in {text!r}, got {[u.url for u in urls]}"
    return urls[0]


# ---- normalize ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "char",
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202c",
        "\u202e",
        "\u2066",
        "\u2069",
    ],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_normalize_removes_zero_width_and_bidi(char):
    assert normalize(f"kb{char}card{char}.com") == "kbcard.com"


def test_normalize_applies_nfkc_to_full_width():
    assert normalize("ｈｔｔｐｓ：／／ｅｖｉｌ．ｘｙｚ／ａ") == "https://evil.xyz/a"


@pytest.mark.parametrize("dot", ["\u3002", "\uff61"], ids=["ideographic", "halfwidth-ideographic"])
def test_normalize_maps_ideographic_full_stops(dot):
    assert normalize(f"evil{dot}com/x") == "evil.com/x"


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("hxxp://evil.com", "http://evil.com"),
        ("hxxps://evil.com", "https://evil.com"),
        ("HXXPS://evil.com", "HTTPS://evil.com"),
        ("evil[.]com", "evil.com"),
        ("evil(.)com", "evil.com"),
        ("evil[dot]com", "evil.com"),
        ("hxxps://a[.]b[.]evil[.]top/x", "https://a.b.evil.top/x"),
    ],
)
def test_normalize_undoes_defanging(raw, plain):
    assert normalize(raw).lower() == plain.lower()


@pytest.mark.parametrize(
    "text",
    [
        "민생회복 소비쿠폰 신청 안내",  # precomposed Hangul must never be split into jamo
        "[Web발신] [현대카드]-승인 김*수님 1,500원(일시불)",
        "그래... 알겠어 (웃음) [사진]",
        "누적:354,220원 10/02 19:41",
    ],
)
def test_normalize_leaves_ordinary_text_alone(text):
    assert normalize(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Free shipping. Shop now at our store",  # a sentence's end and the next sentence's first word
        "Thanks for coming. Online booking is open",
        "Your order is ready. Click below for the receipt",
        "테마1. NET관련 테마2. 일본제품",  # list item numbers
        "#2. VIP고객님 대상 10% 할인",
    ],
)
def test_sentence_ends_and_item_numbers_are_not_spaced_dots(text):
    assert normalize(text) == text


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("naver . com 접속", "naver.com 접속"),
        ("bit . ly/abc", "bit.ly/abc"),
        ("evil .xyz/a", "evil.xyz/a"),
        ("ttES12. com 접속", "ttES12.com 접속"),  # a lower-case TLD after the glued dot is still a disguise
        ("t-6969. com", "t-6969.com"),
        ("a-12. com", "a-12.com"),  # digits inside a host, not an item number
        ("EVIL. COM", "EVIL.COM"),
    ],
)
def test_spaced_dot_disguises_are_still_joined(text, joined):
    assert normalize(text) == joined


def test_normalize_keeps_line_breaks():
    assert normalize("[Web발신]\n[현대카드]-승인") == "[Web발신]\n[현대카드]-승인"


# ---- extract_urls: plain links ------------------------------------------------------------------------


def test_plain_official_link_is_not_disguised():
    info = only_url("정부24 https://www.gov.kr/portal/main 에서 확인")
    assert info.host == "www.gov.kr"
    assert info.registered_domain == "gov.kr"
    assert "obfuscated" not in info.flags


def test_link_without_scheme_is_kept_as_written():
    # The url is shown as the message wrote it (defanged on display); no scheme is invented.
    info = only_url("신청 kbcard-coupon.co.kr/apply")
    assert info.host == "kbcard-coupon.co.kr"
    assert info.registered_domain == "kbcard-coupon.co.kr"
    assert info.url == "kbcard-coupon.co.kr/apply"
    assert "obfuscated" not in info.flags


def test_host_is_lower_case():
    assert only_url("WWW.GOV.KR 참고").host == "www.gov.kr"


@pytest.mark.parametrize(
    "text",
    ["자세한 내용은 www.nhis.or.kr.", "(www.nhis.or.kr)", "홈페이지: www.nhis.or.kr, 1577-1000"],
    ids=["trailing-period", "parentheses", "trailing-comma"],
)
def test_surrounding_punctuation_is_not_part_of_the_host(text):
    assert only_url(text).host == "www.nhis.or.kr"


def test_several_links_in_order():
    urls = extract("공식: https://www.gov.kr 가짜: http://gov-kr.xyz/a")
    assert [u.host for u in urls] == ["www.gov.kr", "gov-kr.xyz"]


@pytest.mark.parametrize(
    ("host", "registered"),
    [
        ("www.gwangju.go.kr", "gwangju.go.kr"),
        ("gwangju.go.kr.refund-check.xyz", "refund-check.xyz"),
        ("www.seogu.gwangju.kr", "seogu.gwangju.kr"),
        ("evil.github.io", "evil.github.io"),
        ("service.epost.go.kr", "epost.go.kr"),
        ("plus.gov.kr", "gov.kr"),
    ],
)
def test_registered_domain_uses_the_psl_with_private_suffixes(host, registered):
    assert only_url(f"https://{host}/x").registered_domain == registered


# ---- extract_urls: disguises ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("확인 hxxps://shinhan-cancel[.]top/c", "shinhan-cancel.top"),
        ("조회 nhis-result[.]com", "nhis-result.com"),
        ("주소 확인 post-check(.)top/kr", "post-check.top"),
        ("환급 refund-hometax[dot]xyz", "refund-hometax.xyz"),
        ("재충전 gj-coupon . xyz / charge", "gj-coupon.xyz"),
        ("수령 h t t p s : / / gift-win.top/r", "gift-win.top"),
        ("등기 ｈｔｔｐｓ：／／ｅｐｏｓｔ－ｋｏｒｅａ．ｃｏｍ／ｒ", "epost-korea.com"),
        ("납부 gov24-notice\u3002com/pay", "gov24-notice.com"),
        ("해제 kb-secure\uff61top/login", "kb-secure.top"),
        ("확인 https://hyundai\u200bcard-pay.com/c", "hyundaicard-pay.com"),
        ("포인트 ht\u200dtp://wooricard-point\u200c.icu", "wooricard-point.icu"),
        ("해제: https://samsungcard-un\u2066lock\u2069.com/u", "samsungcard-unlock.com"),
        ("결과 http://nhis-\u202egro\u202c.info/r", "nhis-gro.info"),
    ],
    ids=[
        "hxxp-bracket-dot",
        "bracket-dot",
        "paren-dot",
        "word-dot",
        "spaces-around-dot",
        "spaced-scheme",
        "full-width",
        "ideographic-stop",
        "halfwidth-ideographic-stop",
        "zero-width-space",
        "zero-width-joiner",
        "bidi-isolate",
        "bidi-override",
    ],
)
def test_disguised_links_are_found_and_flagged(text, host):
    info = only_url(text)
    assert info.host == host
    assert "obfuscated" in info.flags, info.flags


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("소비쿠폰 확인바로가기https://gukmin-biseo.com/c", "gukmin-biseo.com"),
        ("소비쿠폰은 kjbank-coupon.com에서 신청하세요", "kjbank-coupon.com"),
        ("검진기관은 www.nhis.or.kr에서 확인", "www.nhis.or.kr"),
        ("링크https://evil.xyz/a확인", "evil.xyz"),
    ],
    ids=["hangul-before-scheme", "hangul-after-host", "hangul-after-official", "hangul-both-sides"],
)
def test_hangul_glued_to_a_link_is_not_part_of_the_host(text, host):
    info = only_url(text)
    assert info.host == host
    assert "punycode" not in info.flags


def test_userinfo_hides_the_real_host():
    info = only_url("https://www.gov.kr@gov-check.xyz/apply")
    assert info.host == "gov-check.xyz"
    assert info.registered_domain == "gov-check.xyz"
    assert "userinfo" in info.flags


def test_userinfo_with_password_before_an_ip():
    info = only_url("http://kbstar.com:secure@198.51.100.9/kb")
    assert info.host == "198.51.100.9"
    assert {"userinfo", "ip_host"} <= set(info.flags)


def test_email_address_is_not_a_userinfo_link():
    urls = extract("명세서를 statement@kbcard.com 으로 보냈습니다")
    assert not any("userinfo" in u.flags for u in urls)


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("http://203.0.113.45/cj", {"203.0.113.45"}),
        ("http://3232235777/nhis", {"3232235777", "192.168.1.1"}),
        ("http://0xC0A80001/kb", {"0xc0a80001", "192.168.0.1"}),
    ],
    ids=["dotted", "decimal", "hex"],
)
def test_ip_hosts(text, hosts):
    info = only_url(text)
    assert info.host in hosts
    assert "ip_host" in info.flags
    assert info.registered_domain == info.host


def test_unicode_idn_host_becomes_punycode():
    info = only_url("https://국민카드.com/cancel")
    assert info.host == "xn--3e0b04llmgmuu.com"
    assert info.host_unicode == "국민카드.com"
    assert "punycode" in info.flags


def test_written_punycode_host_is_flagged():
    info = only_url("http://xn--zv4b82pfsc4xf.kr")
    assert info.host == "xn--zv4b82pfsc4xf.kr"
    assert "punycode" in info.flags


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("https://kb\u0441ard.com/check", "xn--kbard-2ye.com"),
        ("http://nh\u03b9s.or.kr/view", "xn--nhs-myc.or.kr"),
    ],
    ids=["cyrillic-es", "greek-iota"],
)
def test_homoglyph_hosts_are_idna_encoded(text, host):
    info = only_url(text)
    assert info.host == host
    assert "punycode" in info.flags


@pytest.mark.parametrize(
    "text",
    ["http://gov24-coupon.com/gov24.apk", "http://gov-docs.top/dl/Gov24.APK?v=3", "bugo-card.com/bugo.apk"],
    ids=["plain", "upper-case-with-query", "no-scheme"],
)
def test_apk_links(text):
    assert "apk" in only_url(text).flags


def test_app_store_page_is_not_an_apk():
    info = only_url("https://play.google.com/store/apps/details?id=com.kbstar.kbbank")
    assert "apk" not in info.flags


@pytest.mark.parametrize("text", ["han.gl/Xq7Rt", "http://me2.do/5xYzAbCd", "bit.ly/3kR9aZt", "vo.la/Pq9Zk"])
def test_shorteners(text):
    assert "shortener" in only_url(text).flags


def test_youtube_is_not_a_shortener():
    assert "shortener" not in only_url("https://www.youtube.com/watch?v=9bZkp7q19f0").flags


# ---- extract_urls: things that are not links ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "[Web발신] [현대카드]-승인 김*수님 1,500원(일시불) 누적:354,220원",
        "2025.10.02 적금 만기 원금 1.200만원 이자 3.5%",
        "신청기간: 7.21.(월)~9.12.(금)",
        "그래... 알겠어 . 내일 봐 . 잘 자",
        "[국민건강보험] 문의 1577-1000",
        "G-482913 is your Google verification code.",
    ],
    ids=["card-approval", "dates-amounts", "korean-dates", "ellipsis-spaces", "phone-number", "otp"],
)
def test_no_link_in_ordinary_text(text):
    assert extract(text) == []


def test_email_address_is_not_a_link():
    from checker.urls import extract_urls as extract

    assert extract("문의는 victim.kim@example.com 으로 메일 주세요") == []


@pytest.mark.parametrize("text", ["확인 http://[2001:db8::1]:8080/x 하세요", "http://[2001:db8::1]/kb"])
def test_bracketed_ipv6_host_is_an_ip_link(text):
    from checker.urls import extract_urls as extract

    info = extract(text)[0]
    assert info.host == "[2001:db8::1]" and "ip_host" in info.flags
