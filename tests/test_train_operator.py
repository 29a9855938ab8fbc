"""An operator retrains on their own labelled reports alone (`smishcheck train --extra`, no shared data sets):
the run must make a working model, or stop with a clear message, never a traceback."""
import csv
import json
import random

import pytest

from checker import train
from checker.model import load_model

_SCAM = ("택배 주소 불일치 확인 결제 승인 환급 대출 쿠폰 지급 링크 접속 본인 인증 계좌 정지 카드 해외 "
         "미납 과태료 조회 즉시").split()
_HAM = "엄마 저녁 집 밥 먹자 회의 내일 학교 친구 영화 주말 날씨 사랑 고마워 생일 축하 병원 예약 도착".split()
_SCAM_EN = "parcel held fee pay now account locked verify refund claim prize winner urgent suspended".split()
_HAM_EN = "lunch tomorrow book meeting dinner kids school movie weekend thanks call later gym".split()


def _reports(path, n, english=True):
    rnd = random.Random(7)
    rows = []
    for _ in range(n):
        rows.append(("[국제발신] " + " ".join(rnd.sample(_SCAM, 7)) + " http://a.top", "smishing"))
        rows.append((" ".join(rnd.sample(_HAM, 7)), "ham"))
        if english:
            rows.append((" ".join(rnd.sample(_SCAM_EN, 7)) + " http://b.top", "spam"))
            rows.append((" ".join(rnd.sample(_HAM_EN, 7)), "ham"))
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows(rows)


def _train(tmp_path, reports):
    out, report = tmp_path / "model.skops", tmp_path / "report.json"
    rc = train.main(["--data-dir", str(tmp_path / "no-shared-data"), "--corpus", str(tmp_path / "no-corpus"),
                     "--extra", str(reports), "--out", str(out), "--report", str(report), "--blind",
                     "--version", "operator-test", "--n-bits", "14"])  # small hash space: a fast test
    return rc, out, report


@pytest.mark.parametrize("english", [True, False], ids=["korean-and-english", "korean-only"])
def test_operator_reports_alone_make_a_working_model(tmp_path, english):
    reports = tmp_path / "reports.csv"
    _reports(reports, 80, english)
    rc, out, report = _train(tmp_path, reports)
    assert rc == 0
    model = load_model(out)
    assert model.metadata["version"] == "operator-test"
    p_scam, p_ham = model.predict_proba(["[국제발신] 본인 인증 계좌 정지 즉시 조회 링크 접속", "내일 저녁 집에서 밥 먹자 고마워"])
    assert p_scam > p_ham
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["model_only_eval"] is None  # --blind: the evaluation sets were not scored
    assert data["oof_en_ham_flag"] is not None  # no NaN in the report, English or not


def test_too_few_reports_stop_with_a_clear_message(tmp_path, capsys):
    reports = tmp_path / "reports.csv"
    _reports(reports, 5)
    rc, out, _ = _train(tmp_path, reports)
    assert rc == 2
    assert "too little data" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("content, message", [
    (b"\xff\xfe\x00 not text", "not UTF-8"),
    (b"foo,bar\n1,2\n", "needs the columns text,label"),
    (None, "no such file"),
])
def test_unreadable_reports_stop_with_a_clear_message(tmp_path, capsys, content, message):
    reports = tmp_path / "reports.csv"
    if content is not None:
        reports.write_bytes(content)
    rc, out, _ = _train(tmp_path, reports)
    assert rc == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_spreadsheet_byte_order_mark_does_not_hide_the_header(tmp_path):
    reports = tmp_path / "reports.csv"
    _reports(reports, 30, english=False)
    reports.write_bytes(b"\xef\xbb\xbf" + reports.read_bytes())
    rc, out, _ = _train(tmp_path, reports)
    assert rc == 0
    assert out.exists()
