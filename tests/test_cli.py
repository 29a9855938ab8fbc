"""The smishcheck command: check (text and JSON) and batch (JSON Lines, in order, errors per line)."""

import io
import json

from checker.cli import main, run_batch
from checker.core import Checker

COUPON = "[국외발신] 민생회복 소비쿠폰 신청 han.gl/Zx81"


def test_check_prints_korean_level_reasons_and_defanged_links(capsys):
    assert main(["check", "--no-model", COUPON]) == 0
    out = capsys.readouterr().out
    assert out.startswith("위험 (high")
    assert "han[.]gl" in out and "han.gl/" not in out
    assert "118" in out


def test_check_english_and_json(capsys):
    assert main(["check", "--no-model", "--lang", "en", COUPON]) == 0
    assert capsys.readouterr().out.startswith("High risk")
    assert main(["check", "--no-model", "--json", COUPON]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["risk"] == "high" and data["urls"][0]["registered_domain"] == "han.gl"


def test_check_empty_is_a_clear_error(capsys):
    assert main(["check", "--no-model", "  "]) == 2
    assert "비어" in capsys.readouterr().err


def test_batch_keeps_order_and_reports_bad_lines():
    lines = [
        json.dumps({"id": "a", "text": COUPON}, ensure_ascii=False),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "d", "text": ""}),
        json.dumps({"id": 5, "text": "오늘 저녁 7시에 만나요", "sender": "01000000000"}, ensure_ascii=False),
        json.dumps({"id": "f", "text": "x", "sender": 12}),
        "",
    ]
    out, err = io.StringIO(), io.StringIO()
    assert run_batch(Checker(model=None), iter(line + "\n" for line in lines), out, err) == 0
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in rows] == ["a", 2, 3, "d", 5, "f"]
    assert rows[0]["risk"] == "high"
    assert "malformed JSON" in rows[1]["error"]
    assert "not a JSON object" in rows[2]["error"]
    assert "error" in rows[3] and "error" in rows[5]
    assert rows[4]["risk"] == "low"
    assert err.getvalue() == ""  # no progress bar when stderr is not a terminal


def test_batch_handles_more_than_one_chunk():
    lines = [json.dumps({"id": i, "text": f"메시지 {i} 확인"}, ensure_ascii=False) + "\n" for i in range(1100)]
    out = io.StringIO()
    run_batch(Checker(model=None), iter(lines), out, io.StringIO())
    ids = [json.loads(line)["id"] for line in out.getvalue().splitlines()]
    assert ids == list(range(1100))
