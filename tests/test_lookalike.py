"""Lookalikes of official domains, the dnstwist generators run in reverse over the allowlist."""

import pytest

from checker.lookalike import edit_distance_at_most, skeleton
from checker.urls import extract_urls


def only(text):
    urls = extract_urls(text)
    assert len(urls) == 1, urls
    return urls[0]


@pytest.mark.parametrize(
    "text, kind, official",
    [
        ("http://kbc\u0430rd.com/x", "lookalike", "kbcard.com"),  # Cyrillic а
        ("http://shinhanc\u03bfrd.com", "lookalike", "shinhancard.com"),  # Greek ο
        ("http://samsungcard.com.kr-secure.xyz", "brand_subdomain", "samsungcard.com"),
        ("https://sarnsungcard.com/u", "lookalike", "samsungcard.com"),  # rn for m
        ("https://hyundalcard.com/verify", "lookalike", "hyundaicard.com"),  # l for i
        ("http://kbcrad.com", "lookalike", "kbcard.com"),  # transposition
        ("http://nhis-or-kr.com/check", "brand_in_label", "nhis.or.kr"),
        ("http://shinhancard.co/event", "lookalike", "shinhancard.com"),  # tld swap to .co
        ("http://nhis.com/check", "lookalike", "nhis.or.kr"),  # a public body's name under .com
        ("http://kbcard-coupon.co.kr", "brand_in_label", "kbcard.com"),
        ("http://gwangju.go.kr.refund-check.xyz/a", "brand_subdomain", "gwangju.go.kr"),
        ("http://nhls.or.kr", "lookalike", "nhis.or.kr"),
        ("http://epost-go.kr/x", "brand_in_label", "epost.go.kr"),
    ],
)
def test_lookalikes_are_found(text, kind, official):
    info = only(text)
    assert not info.official
    assert kind in info.flags, info
    assert info.lookalike_of == official


@pytest.mark.parametrize(
    "text",
    [
        "https://www.kbcard.com/event",
        "https://card.nonghyup.com",
        "https://service.epost.go.kr/trace",
        "http://www.seogu.gwangju.kr",
        "https://www.youtube.com/watch?v=abc",
        "https://www.naver.com",
        "https://korea-travel.com",  # 'korea' is a generic word, not a brand
        "http://kt.co.kr",  # very short brands need exact matches
        "https://www.hanjin.co.kr/track",  # companies hold .com and .co.kr alike
        "https://s.shinhanlife.co.kr/x",  # an affiliate's own name, not brand + phishing word
        "https://www.peoplepost.kr",  # 'epost' inside another word
    ],
)
def test_official_and_unrelated_domains_are_not_lookalikes(text):
    info = only(text)
    assert "lookalike" not in info.flags and "brand_in_label" not in info.flags
    assert "brand_subdomain" not in info.flags


def test_skeleton_folds_confusables():
    assert skeleton("kbc\u0430rd") == skeleton("kbcard")
    assert skeleton("sarnsung") == skeleton("samsung")
    assert skeleton("paypa1") == skeleton("paypal")


@pytest.mark.parametrize(
    "a, b, limit, expected",
    [("card", "crad", 1, 1), ("card", "card", 1, 0), ("card", "cards", 1, 1), ("card", "cord", 1, 1),
     ("card", "bank", 1, None), ("shinhancard", "sinhancrad", 2, 2), ("ab", "abcd", 1, None)],
)
def test_edit_distance(a, b, limit, expected):
    assert edit_distance_at_most(a, b, limit) == expected


@pytest.mark.parametrize("text", ["(광고)UPbit.ly/3Dk9x 무료거부", "(광고)WPbit.ly/partjob 부업"])
def test_letters_glued_to_a_shortener_make_no_lookalike(text):
    # "UPbit.ly" is bit.ly with letters before it (a filter dodge), not an imitation of upbit.com.
    url = only(text)
    assert url.lookalike_of is None
    assert "shortener" in url.flags and "lookalike" not in url.flags


def test_exchange_lookalike_still_found():
    url = only("www.coinoine.com 해외IP 차단")
    assert url.lookalike_of == "coinone.co.kr"


def test_each_reviewed_real_domain_would_otherwise_read_as_the_lookalike_it_names():
    # allowlist/not_lookalikes.csv lists real bodies' domains (Japan's paypay.ne.jp, other states' E-ZPass sites)
    # that the generators call look-alikes: each row must be needed, and its "resembles" column honest.
    from checker.allowlist import _read_csv, default_allowlist
    from checker.lookalike import LookalikeIndex
    from checker.urls import UrlAnalyzer

    allowlist = default_allowlist()
    split = UrlAnalyzer(allowlist)._split
    without = LookalikeIndex(set(allowlist.domains), split)
    rows = _read_csv(None, "not_lookalikes.csv")
    assert rows and {row["domain"] for row in rows} == allowlist.not_lookalikes
    for row in rows:
        assert row["domain"] not in allowlist.domains, row
        label, suffix = split(row["domain"])
        found = without.find(label, suffix, "")
        assert found is not None and found.official_domain == row["resembles"], (row["domain"], found)


@pytest.mark.parametrize(
    "text", ["https://paypay.ne.jp/event/", "uspsa.org/matches", "www.ezpassva.com", "https://www.kbsmc.co.kr/"]
)
def test_reviewed_real_domains_are_unknown_not_lookalikes(text):
    info = only(text)
    assert not info.official and "unknown" in info.flags
    assert info.lookalike_of is None, info


@pytest.mark.parametrize(
    "text, official",
    [
        ("http://paypa1.com/login", "paypal.com"),
        ("http://ezpassva.co/pay", "e-zpassny.com"),  # a real name under another ending is still a swap
        ("http://usps.com.uspsa.org/track", "usps.com"),  # an official name spelled out in its subdomain
    ],
)
def test_lookalikes_near_reviewed_real_domains_are_still_found(text, official):
    assert only(text).lookalike_of == official


def test_brand_glued_to_a_phishing_word_names_the_same_brand_under_any_hash_seed():
    """'e-zpassnyalert' holds e-zpassny (e-zpassny.com) and its skeleton ezpassny (ezpassny.com): the label is read
    first. A set once decided the order, so the domain named changed with the process's hash seed."""
    import os
    import subprocess
    import sys

    code = (
        "from checker.urls import extract_urls;"
        "print(extract_urls('http://e-zpassnyalert.com/pay')[0].lookalike_of)"
    )
    named = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        named.add(out.stdout.strip())
    assert named == {"e-zpassny.com"}
