"""Links broken by a screenshot's OCR or by their sender right after the scheme (session 12), and the prose that must
not become a link. Hosts and paths are made up."""

from __future__ import annotations

import pytest

from checker.normalize import normalize
from checker.urls import extract_urls, lost_colon_only


def _links(text: str) -> list[tuple[str, bool]]:
    return [(info.url, "obfuscated" in info.flags) for info in extract_urls(text)]


@pytest.mark.parametrize(
    ("text", "url", "obfuscated"),
    [
        ("Track your parcel http //usps-track-help.info/a1", "http://usps-track-help.info/a1", False),
        ("Reschedule here https //bit.ly/3rmKq7d today", "https://bit.ly/3rmKq7d", False),
        ("Reschedule here HTTPS // bit.ly/3rmKq7d", "https://bit.ly/3rmKq7d", False),
        ("Update your card Number.https // cutt.ly/1lzXq", "https://cutt.ly/1lzXq", False),
        ("link http // http // a1b2c3d4.ngrok.io/bank", "http://a1b2c3d4.ngrok.io/bank", False),
        ("Open hxxps //evil-site.com/a", "https://evil-site.com/a", True),
        ("Visit http //box-pay .cl now", "http://box-pay.cl", True),
        ("Visit http://box-pay. cl now", "http://box-pay.cl", True),
        ("Go http // www .mighty-promo.com", "http://www.mighty-promo.com", True),
        ("Go https://www netflix-billing-help.com/account", "https://www.netflix-billing-help.com/account", True),
        ("pay http // 68c1f6e8e45 .ngrok.io now", "http://68c1f6e8e45.ngrok.io", True),
        ("visit http //aibonline -notices.com/ now", "http://aibonline-notices.com/", True),
        ("Go to bit . ly/abc12 now", "bit.ly/abc12", True),
        ("Open evil-site(dot)com/a", "evil-site.com/a", True),
    ],
)
def test_broken_links_are_read(text, url, obfuscated):
    assert _links(text) == [(url, obfuscated)]


@pytest.mark.parametrize(
    "text",
    [
        "See you today.Call now",
        "Meeting at 10.30 tomorrow, bring 2.5 kg",
        "e.g. the U.S. and Mr. Smith i.e. etc.",
        "Mail me at john.smith@gmail.com thanks",
        "반송예정입니다.운송장 번호를 확인하세요",
        "I was at the shop.It was closed.Then home",
        "The ratio is 1 //2 and so on",
        "see the http // part",
    ],
)
def test_prose_is_no_link(text):
    assert extract_urls(text) == []


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("Visit http://shop-x.com. it was fun", "http://shop-x.com"),
        ("Visit http://shop-x.com. Then call", "http://shop-x.com"),
        ("See http://shop-x.com -2 days left", "http://shop-x.com"),
        ("Price http://shop-x.com - only today", "http://shop-x.com"),
        ("Rated http://shop-x.com .5 stars", "http://shop-x.com"),
    ],
)
def test_a_link_is_not_joined_to_the_next_word(text, url):
    assert _links(text) == [(url, False)]


def test_a_host_gap_without_a_real_ending_is_left():
    assert normalize("http://promo .then more") == "http://promo .then more"


def test_lost_colon_only():
    assert lost_colon_only("http://bit.ly/x", "go http //bit.ly/x")
    assert lost_colon_only("https://bit.ly/x", "go https // bit.ly/x")
    assert not lost_colon_only("https://bit.ly/x", "go https: //bit.ly/x")
    assert not lost_colon_only("bit.ly/x", "go bit . ly/x")
