"""The boundary of the deposit-bonus ladder (TEXT_GAMBLING_BONUS): gambling sites' "deposit+bonus" steps
against shops' bundles and discounts, which name a unit or are buy-one-get-one."""

import pytest

from checker.rules.gambling import _bonus_ladder


@pytest.mark.parametrize("text", [
    "3+2 10+5 30+10 50+15",
    "신규 3+3~100+30",
    "10+3/20+6/30+9",
    "【3+3】【5+4】【10+5】",
    "10+4 6+3 3+2",
])
def test_ladders(text):
    assert _bonus_ladder(text)


@pytest.mark.parametrize("text", [
    "1+1, 2+1 행사",  # buy-one-get-one, no step from 10
    "클렌징폼 1+1, 마스크팩 10+10",  # only even pairs
    "3+1 6+2 무료증정",  # no step from 10
    "헬스 6+1개월 / 12+2개월",  # a unit after each pair
    "【3+1】3구매 【12+2】12구매",
    "동네방네형 7+5=12개월분, 형제형 12+4=16개월분",
    "렌즈 20+5% 할인, 30+5% 추가할인",
    "5+5+2 10+3+1",  # sums, not pairs
    "추석할인 & 3+1, 10+1덤 이벤트",  # one free in ten, and 덤 (a freebie) after the pair
])
def test_not_ladders(text):
    assert _bonus_ladder(text) is None


def _fired(text):
    from checker.core import Checker

    return {hit.id: hit.evidence for hit in Checker(model=None).check(text).reasons}


def test_box_drawing_crosses_stand_for_plus():
    fired = _fired("환 3╉2 5+3 10╉5 전 30┼10 50╉15 코드AR abcd-ro.com")
    assert fired["TEXT_GAMBLING_BONUS"] == "3+2 5+3 10+5"


def test_jargon_not_in_everyday_words():
    # 가입플랜 holds 입플, 첫 충전 holds 첫충, 단폴로 (a shirt) holds 단폴.
    for text in ("가입플랜 안내 드립니다", "첫 충전 시 보너스 지급", "상품명 : 단폴로 셔츠 배송완료"):
        assert "TEXT_GAMBLING_BONUS" not in _fired(text)


def test_room_password_needs_a_hidden_link():
    assert "TEXT_ROOM_PASSWORD_LINK" in _fired("해외선물 무료방 han.gl/aB3dE 비밀번호 4417")
    assert "TEXT_ROOM_PASSWORD_LINK" not in _fired("온라인 설명회 https://zoom.us/j/8812345678 암호 2580")
    assert "TEXT_ROOM_PASSWORD_LINK" not in _fired("임시비밀번호 4821 로그인 후 변경 bit.ly/3aBcDeF")


def test_room_password_counts_a_user_at_host_link_as_hidden():
    # "naver.com@abc-room.com" shows one name and goes to another, as much a hidden destination as a shortener;
    # one set of flags (checker.verdict.HIDDEN_DESTINATION_FLAGS) serves this rule and TEXT_BARE_PARCEL_LINK.
    assert "TEXT_ROOM_PASSWORD_LINK" in _fired("해외선물 무료방 http://naver.com@abc-room.com/x 비밀번호 4417")


def test_login_handover_is_not_also_a_room_password():
    fired = _fired("회원님 미출금액 392,900 환전 ID hong77 PW 1117 han.gl/QxTrv")
    assert "TEXT_ACCOUNT_HANDOVER" in fired
    assert "TEXT_ROOM_PASSWORD_LINK" not in fired


def test_guard_words_cover_every_match():
    # Each rule skips its search on texts without one of its hint words: every match must hold one.
    from checker.message import required_words
    from checker.rules import gambling

    for pattern, words in ((gambling._JARGON, gambling._JARGON_HINT), (gambling._ROOM_CODE, gambling._ROOM_CODE_HINT),
                           (gambling._HANDOVER, gambling._LOGIN_WORDS)):
        for literal in required_words(pattern):
            assert any(word in literal for word in words), literal


def test_a_broken_gambling_word_needs_every_gap_broken():
    assert "TEXT_DISGUISED_GAMBLING_WORD" in _fired("최.대.규.모 카.지.노 첫10 오시는길 npk.kr/658")
    # Words that only meet at a comma, and "…까지 노…", are no disguise.
    for text in ("초코바, 카라멜 팝콘 https://shop-abc.com/x", "머슬, 롯데마트 입점 https://shop-abc.com/x",
                 "12월까지 노트북 할인 https://shop-abc.com/x"):
        assert "TEXT_DISGUISED_GAMBLING_WORD" not in _fired(text)


def test_kkajino_only_at_a_word_start():
    assert "TEXT_DISGUISED_GAMBLING_WORD" in _fired("메이져 까지노 쓸룻 에볼 20 bit.ly/39g4r7w")
    assert "TEXT_DISGUISED_GAMBLING_WORD" not in _fired("내일까지 노트북 반납 부탁드립니다 bit.ly/39g4r7w")


def test_casino_menu_counts_each_game_family_once():
    # 에볼 and 에볼루션 are one family however often and however spelt: one game is no menu.
    assert "TEXT_CASINO_GAME_MENU" not in _fired("에볼루션 정품 에볼 EVOLUTION 운영 mgs-404.com")
    assert _fired("에볼루션 정품 프라그마틱 운영 mgs-404.com")["TEXT_CASINO_GAME_MENU"] == "에볼루션+프라그마틱"


def test_casino_menu_boundaries():
    # A game maker's "미니게임 … 캐릭터 슬롯", an English text, a hold'em pub and a menu with no way to reach the site.
    for text in ("신규 미니게임 업데이트 캐릭터 슬롯 확장 https://m.byeolbit-games.com/ev",
                 "Casino night: blackjack and slot tables, book at https://gala-night.example.com",
                 "홀덤펍 금요일 홀덤 토너먼트 바카라 체험 https://pub-ace.example.com",
                 "카지노 구경하고 블랙잭도 해봤어요"):
        assert "TEXT_CASINO_GAME_MENU" not in _fired(text)


def test_casino_menu_steps_aside_for_the_site_offer():
    fired = _fired("카지노 바카라 신규가입머니 3만 지급 mgs-404.com")
    assert "TEXT_GAMBLING_SITE_OFFER" in fired
    assert "TEXT_CASINO_GAME_MENU" not in fired
