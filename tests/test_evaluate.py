"""`smishcheck evaluate`: the whole checker on a labelled CSV, as a table or JSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from checker import evaluate

ROWS = [
    ("[국외발신] 민생회복 소비쿠폰 신청 han.gl/x", "smishing"),
    ("[CJ대한통운] 주소 불일치로 보관 중입니다. 주소 수정 http://cj-parcel.top/a", "smishing"),
    ("(광고) 카지노 첫충 30% 매충 10% 가입코드 777 https://casino-vip.xyz", "spam"),
    ("[Web발신] [카카오] 인증번호 [482913]를 입력해주세요.", "ham"),
    ("내일 3시에 회의실에서 봬요", "ham"),
    ("JpZ ]부탁드립니", "unsure"),
]


def write_csv(path: Path, rows) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "label"])
        w.writerows(rows)
    return path


def test_evaluate_prints_the_table(tmp_path, capsys):
    data = write_csv(tmp_path / "small.csv", ROWS)
    assert evaluate.main(["--data", str(data)]) == 0
    out = capsys.readouterr().out
    for needle in ("flagged", "high", "smishing", "spam", "ham", "ROC AUC", "confusion", "P(flag)"):
        assert needle in out
    table = {line.split()[0]: line.split() for line in out.splitlines() if line.split()[:1] == ["ham"]}
    assert table["ham"][1] == "2"  # n column


def test_evaluate_json_matches_the_counts(tmp_path, capsys):
    data = write_csv(tmp_path / "small.csv", ROWS)
    assert evaluate.main(["--data", str(data), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == len(ROWS)
    assert report["per_label"]["smishing"]["n"] == 2
    assert sum(report["confusion"]["ham"].values()) == 2
    assert set(report["precision_recall"]) == {"smishing", "spam"}
    assert report["roc_auc"] is None or 0.0 <= report["roc_auc"] <= 1.0


def test_evaluate_rejects_a_csv_without_label_column(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("message\nhello\n", encoding="utf-8")
    assert evaluate.main(["--data", str(bad)]) == 2
    assert "text,label" in capsys.readouterr().err


def test_rules_only_and_with_model_both_run(tmp_path, capsys):
    data = write_csv(tmp_path / "small.csv", ROWS)
    assert evaluate.main(["--data", str(data), "--json", "--no-model"]) == 0
    rules_only = json.loads(capsys.readouterr().out)
    assert rules_only["n"] == len(ROWS)


@pytest.mark.parametrize(
    "pos, neg, expected",
    [([3, 4], [1, 2], 1.0), ([1, 2], [3, 4], 0.0), ([1, 1], [1, 1], 0.5), ([2, 3], [1, 3], 0.625)],
)
def test_roc_auc(pos, neg, expected):
    assert evaluate.roc_auc(pos, neg) == pytest.approx(expected)


def test_summary_rates():
    labels = ["smishing", "smishing", "ham", "ham"]
    results = [("high", 7, 0.9), ("low", 0, 0.1), ("medium", 3, 0.6), ("low", 0, 0.2)]
    s = evaluate.summarise(labels, results)
    assert s["per_label"]["smishing"] == {"n": 2, "flagged": 0.5, "high": 0.5}
    assert s["per_label"]["ham"] == {"n": 2, "flagged": 0.5, "high": 0.0}
    assert s["precision_recall"]["smishing"]["precision_flagged"] == 0.5
    assert s["precision_recall"]["smishing"]["precision_high"] == 1.0
