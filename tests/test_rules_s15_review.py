"""Session 15 review: the boundaries of this session's fixes that the corpus cannot pin by level alone. Texts written for
these tests."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _hits(text: str) -> dict:
    return {reason.id: reason for reason in _CHECKER.check(text).reasons}


@pytest.mark.parametrize(("text", "fires"), [
    ("ㅋㅋ x b u 7 . t v 보자", True),
    # A middle dot never reached the spaced-address pattern (its compact "·tv" is no hint word): it is left out.
    ("ㅋㅋ x b u 7 · t v 보자", False),
])
def test_spaced_address_needs_a_real_dot(text, fires):
    assert ("TEXT_SPELLED_OUT_DOMAIN" in _hits(text)) is fires


def test_filed_matter_channel_says_what_it_found():
    hit = _hits("층간소음 민원이 접수되었습니다. 내용 확인은 카톡채널 '한빛관리' 추가 후 가능합니다")["TEXT_FILED_MATTER_LINK"]
    # The reason names the channel, not a link; the evidence names no channel of the sender's choosing.
    assert "카카오톡 채널" in hit.ko and "링크" not in hit.ko.split(".")[0]
    assert hit.evidence.endswith("카카오톡 채널") and "한빛관리" not in hit.evidence


def test_filed_matter_messenger_id_is_counted_once():
    hits = _hits("불법주차 신고가 접수되었습니다. 사진 확인 후 소명하세요. 텔레그램 ID: parkdesk77")
    assert "TEXT_MESSENGER_CONTACT" in hits and "TEXT_FILED_MATTER_LINK" not in hits


@pytest.mark.parametrize("channel", ["카카오톡 채널", "카톡채널", "카카오 플친", "kakao채널", "플러스친구"])
def test_one_channel_pattern_for_both_rules(channel):
    filed = f"층간소음 민원이 접수되었습니다. 확인은 {channel} '다온관리' 추가 후 가능합니다"
    prize = f"경품 추첨에 당첨되셨습니다(무선청소기). 배송지 등록은 {channel} '다온센터'로 문의 바랍니다"
    assert "TEXT_FILED_MATTER_LINK" in _hits(filed)
    assert "TEXT_PRIZE_CHANNEL_CLAIM" in _hits(prize)


@pytest.mark.parametrize(("text", "fires"), [
    ("설문 참여자 전원에게 모바일상품권 5천원 지급. 원하시면 '참여'라고 회신 주세요", True),
    # The keyword must come after the gift: a reply asked for before it answers something else.
    ("'예'라고 답장 주신 분께는 다음 주 일정 안내드립니다. 참고로 지난 행사 경품은 모두 발송되었습니다", False),
    # An opt-out keyword beside a gift is the advert's unsubscribe line.
    ("연말 사은품 행사 안내. 더 받지 않으시려면 '수신거부'라고 답장 주세요", False),
])
def test_gift_reply_keyword(text, fires):
    assert ("TEXT_GIFT_REPLY_KEYWORD" in _hits(text)) is fires
