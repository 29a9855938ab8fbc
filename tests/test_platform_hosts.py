"""네이버 and 카카오 as official senders whose user-content hosts stay untrusted (allowlist/platform_hosts.csv)."""

from __future__ import annotations

import pytest

from checker.allowlist import default_allowlist
from checker.urls import extract_urls


def _only(url: str):
    (info,) = extract_urls(url)
    return info


@pytest.mark.parametrize(
    "url",
    ["https://nid.naver.com/user2/help/myInfo", "www.naver.com", "help.naver.com/service/1", "accounts.kakao.com/login",
     "https://cs.kakao.com/helps", "kakaocorp.com"],
)
def test_listed_hosts_are_official(url):
    info = _only(url)
    assert info.official and "unknown" not in info.flags


@pytest.mark.parametrize(
    "url",
    ["https://blog.naver.com/someone/2231", "m.site.naver.com/1aBc", "https://smartstore.naver.com/shop",
     "open.kakao.com/o/sAbc123", "pf.kakao.com/_xAbC", "https://form.office.naver.com/f/1"],
)
def test_user_content_hosts_stay_unknown(url):
    # Anyone publishes there: the link is what it was before naver.com and kakao.com were listed.
    info = _only(url)
    assert not info.official and info.flags == ("unknown",) and info.lookalike_of is None


@pytest.mark.parametrize("url", ["naver.me/Gk27xQ", "me2.do/abc"])
def test_naver_shorteners_stay_shorteners_not_lookalikes(url):
    info = _only(url)
    assert "shortener" in info.flags and "lookalike" not in info.flags and info.lookalike_of is None


def test_platform_hosts_are_under_official_domains():
    allowlist = default_allowlist()
    assert set(allowlist.platform_hosts) == {"kakao.com", "naver.com"}
    for domain, hosts in allowlist.platform_hosts.items():
        assert allowlist.domain(domain) is not None
        assert all(host == domain or host.endswith(f".{domain}") for host in hosts)
