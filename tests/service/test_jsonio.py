"""service/jsonio.py: orjson writes the app's compact JSON exactly as the json module did."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from svc_helpers import SMISHING, make_app

from checker import check
from service.jsonio import compact_bytes


def _json_module(app, value) -> bytes:
    # What Flask's default provider wrote with the app's settings (UTF-8, insertion order, compact).
    return (
        json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=app.json.default) + "\n"
    ).encode()


def test_a_verdict_answer_is_written_byte_for_byte_as_before(tmp_path):
    app = make_app(tmp_path)
    for text, sender in (
        (SMISHING, "010-9876-5432"),
        ("엄마 나 폰 고장났어 http://bit.ly/x1", None),
        ("hi", None),
    ):
        answer = check(text, sender=sender).to_dict() | {"check_id": 7, "summary": "요약"}
        assert compact_bytes(answer) == _json_module(app, answer)
        with app.app_context():
            assert app.json.dumps(answer, separators=(",", ":")) + "\n" == _json_module(app, answer).decode()


@dataclass
class _Point:
    x: int


def test_what_orjson_would_write_otherwise_goes_to_the_json_module(tmp_path):
    app = make_app(tmp_path)
    for value in ({"day": date(2026, 11, 25)}, {"big": 2**70}, {"p": _Point(1)}):
        assert compact_bytes(value) is None
        with app.app_context():
            assert app.json.dumps(value, separators=(",", ":")) + "\n" == _json_module(app, value).decode()
    # Pages (tojson) and pretty output keep the json module's spacing.
    assert app.json.dumps({"a": [1, 2]}) == '{"a": [1, 2]}'
