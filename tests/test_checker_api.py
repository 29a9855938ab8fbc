"""The public API: check(), Checker, Verdict JSON shape, advice, input errors."""

import json

import pytest

from checker import Checker, InputError, Item, Verdict, check


@pytest.fixture(scope="module")
def rules_only():
    return Checker(model=None)


COUPON = "[국외발신] 민생회복 소비쿠폰 신청 대상자입니다. 아래에서 신청하세요 han.gl/Zx81"


def test_verdict_json_has_the_shared_names(rules_only):
    data = rules_only.check(COUPON).to_dict()
    assert {"risk", "score", "reasons", "urls", "advice", "versions"} <= set(data)
    assert data["risk"] == "high" and 0 <= data["score"] <= 1
    assert {"id", "score", "ko", "en", "evidence"} <= set(data["reasons"][0])
    assert {"url", "host", "registered_domain", "official", "owner", "flags"} <= set(data["urls"][0])
    assert {"ko", "en"} <= set(data["advice"]) and data["advice"]["steps_ko"]
    assert {"rules", "allowlist", "model"} <= set(data["versions"])
    json.dumps(data, ensure_ascii=False)


def test_verdict_round_trips_through_json(rules_only):
    verdict = rules_only.check(COUPON, sender="+1 555 0100")
    again = Verdict.from_dict(json.loads(json.dumps(verdict.to_dict())))
    assert again == verdict


def test_notice_reason_cites_its_source(rules_only):
    reason = next(r for r in rules_only.check(COUPON).reasons if r.id.startswith("NOTICE_"))
    assert "http" in reason.ko and "출처" in reason.ko
    assert "Source" in reason.en


@pytest.mark.parametrize("risk_text", [COUPON, "오늘 저녁 7시에 만나요", "[Web발신] 인증번호 [482913] 타인에게 알려주지 마세요"])
def test_every_answer_says_what_to_do_and_never_safe(rules_only, risk_text):
    verdict = rules_only.check(risk_text)
    assert "118" in verdict.advice.ko and "112" in verdict.advice.ko and "1332" in verdict.advice.ko
    assert "지급정지" in verdict.advice.ko
    assert "안전합니다" not in verdict.advice.ko + verdict.label_ko
    assert "safe" not in (verdict.advice.en + verdict.label_en).lower().replace("unsafe", "")


def test_low_level_is_no_known_danger_signs(rules_only):
    verdict = rules_only.check("오늘 저녁 7시에 만나요")
    assert verdict.risk == "low"
    assert verdict.label_ko == "위험 징후 없음"
    assert "보장" in verdict.advice.ko


def test_high_advice_mentions_citizen_conan_and_official_channel(rules_only):
    verdict = rules_only.check("[신한카드] 1,290,000원 결제 승인. 본인 결제가 아니면 1660-0000 으로 연락주세요")
    assert verdict.risk == "high"
    assert "시티즌코난" in verdict.advice.ko
    assert "1544" in verdict.advice.ko  # Shinhan Card's official number, from the allowlist


@pytest.mark.parametrize("bad", ["", "   \n\t", None, 42, b"bytes", "x" * 100_001])
def test_bad_input_raises_input_error(rules_only, bad):
    with pytest.raises(InputError):
        rules_only.check(bad)


def test_check_many_matches_check(rules_only):
    texts = [COUPON, "오늘 저녁 7시에 만나요", "택배 주소 불일치 http://cj-redelivery.xyz/a"]
    many = rules_only.check_many([Item(t) for t in texts])
    assert [v.to_dict() for v in many] == [rules_only.check(t).to_dict() for t in texts]


def test_default_check_uses_the_shipped_allowlist():
    verdict = check("정부24 www.gov.kr 에서 확인하세요")
    assert verdict.urls[0].official and verdict.urls[0].registered_domain == "gov.kr"


def test_sender_is_reported_as_a_phone(rules_only):
    verdict = rules_only.check("택배 주소 불일치 http://cj-redelivery.xyz/a", sender="+1 (555) 010-0199")
    sender = [p for p in verdict.phones if p.is_sender]
    assert sender and sender[0].kind == "international"
    assert "PHONE_INTERNATIONAL" in verdict.reason_ids()


def test_check_many_checks_each_distinct_message_once(rules_only, monkeypatch):
    calls = []
    original = rules_only._verdict
    monkeypatch.setattr(rules_only, "_verdict", lambda msg: calls.append(msg.raw) or original(msg))
    texts = [COUPON, "오늘 저녁 7시에 만나요", COUPON, COUPON]
    verdicts = rules_only.check_many([Item(t) for t in texts])
    assert [v.risk for v in verdicts] == ["high", "low", "high", "high"]
    assert sorted(calls) == sorted([COUPON, "오늘 저녁 7시에 만나요"])
