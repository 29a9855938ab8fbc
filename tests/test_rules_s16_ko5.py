"""Session 16 (Korean held-out set 5's families): the boundaries that the corpus cases do not show one by one — which
spaced or symbol-split digits dial as a number, the jamo-typed site name against chat jamo and TEXT_SPELLED_OUT_DOMAIN,
the recovery phrase's points with and without a link, and evidence that carries no name or whole number."""

import pytest

from checker import Checker

_CHECKER = Checker(model=None)


def _hit(text, rule_id):
    verdict = _CHECKER.check(text)
    return next((h for h in verdict.reasons if h.id == rule_id), None), verdict


@pytest.mark.parametrize("text", [
    "상담 ☎ 1 6 4 4 - 0 0 7 1",
    "☎ 0 1 0 . 3 3 2 1 . 8 8 0 4",
    "전화번호 0 2 - 5 5 4 - 7 1 2 0",
    "☎ 1599 ◇ 4040",
    "카톡 말고 번호 010 ● 4412 ● 9090",
])
def test_disguised_numbers_that_dial(text):
    hit, _ = _hit(text, "PHONE_DISGUISED_NUMBER")
    assert hit is not None, text
    assert "자리" in hit.evidence and text[-4:] not in hit.evidence  # the prefix and the length, not the whole number


@pytest.mark.parametrize("text", [
    "문의 결과 1 2 3 4 5 6 7 8 순서로 진행",  # no Korean prefix
    "상담 예약 2 0 2 6 년 1 월",  # a spaced date
    "고객님 010-○○○○-2231 문의 1577-6000",  # a privacy mask
    "1 6 4 4 - 0 0 7 1",  # no word of calling beside it
])
def test_digits_that_are_no_disguised_number(text):
    hit, _ = _hit(text, "PHONE_DISGUISED_NUMBER")
    assert hit is None, text


def test_jamo_site_name_steps_aside_for_a_spelled_out_domain():
    hit, verdict = _hit("주문 ㅋㅋ 슬롯칠칠쩜컴", "TEXT_JAMO_SPELLED_DOMAIN")
    assert hit is None and any(h.id == "TEXT_SPELLED_OUT_DOMAIN" for h in verdict.reasons)
    hit, _ = _hit("주문 ㅂ ㅣ 아 쩜 넷", "TEXT_JAMO_SPELLED_DOMAIN")
    assert hit is not None and hit.evidence == "ㅂㅣ아쩜넷"


def test_wallet_phrase_points_follow_the_link():
    with_link, verdict = _hit("지갑 동기화 필요. 복구 구문 12단어 입력 wallet-sync-help.com", "TEXT_WALLET_RECOVERY_PHRASE")
    assert with_link is not None and with_link.score == 6 and verdict.risk == "high"
    without, verdict = _hit("지갑 동기화 필요. 복구 구문 12단어를 이 번호로 보내주세요", "TEXT_WALLET_RECOVERY_PHRASE")
    assert without is not None and without.score == 3 and verdict.risk == "medium"


def test_mistaken_member_evidence_keeps_the_title_only():
    hit, _ = _hit("안녕하세요 홍길동대표님 맞으시죠? 골프 모임 건으로 연락드렸는데 번호가 바뀌셨나봐요", "TEXT_MISTAKEN_MEMBER_OPENER")
    assert hit is not None and "홍길동" not in hit.evidence and hit.evidence.startswith("대표님")


def test_payee_account_changed_never_reaches_high_alone():
    _, verdict = _hit("집주인입니다 월세 계좌가 변경되었습니다 새 계좌 우리 1002-311-554210 으로 입금해 주세요 오늘까지",
                      "TEXT_PAYEE_ACCOUNT_CHANGED")
    assert verdict.risk == "medium"
