"""benchmarks/dev_sets.py: the development-set tool never reads an evaluation set and never shows one of its texts."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "dev_sets.py"
_spec = importlib.util.spec_from_file_location("dev_sets", _PATH)
dev_sets = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev_sets)

# Our own texts: the first is also "in an evaluation set" (digits differ: the training's keys collapse them).
_IN_EVAL_TOO = "[Web발신] 고객님 택배 주소 오류로 반송 예정입니다. 확인 http://cj-dlvr.top/a1"
_DEV_ONLY = "내일 3시 회의는 2층 회의실에서 합니다. 늦지 마세요."


def _write(folder: Path, name: str, rows: list[tuple[str, str]]) -> None:
    (folder / name).mkdir(parents=True)
    with (folder / name / "data.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "label"])
        writer.writerows(rows)


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    _write(tmp_path, "ko_kisa_spam_reports_2022", [(_IN_EVAL_TOO.replace("a1", "b7"), "other"), (_DEV_ONLY, "not_spam")])
    _write(tmp_path, "ko_gold_kisa_v2", [(_IN_EVAL_TOO, "smishing")])
    return tmp_path


def _dump(data: Path, out: Path) -> list[list[str]]:
    dev_sets.main(["--data", str(data), "dump", str(out), "--rules-only", "--set", "ko_kisa_spam_reports_2022"])
    return [line.rstrip("\n").split("\t") for line in out.open(encoding="utf-8")]


def test_dump_hides_rows_that_are_evaluation_texts(data: Path, tmp_path: Path) -> None:
    rows = _dump(data, tmp_path / "out.tsv")
    assert rows[0][:4] == ["ko_kisa_spam_reports_2022", "0", dev_sets.OVERLAP, "skipped"]
    assert rows[1][:4] == ["ko_kisa_spam_reports_2022", "1", "not_spam", "low"]


def test_evaluation_sets_are_refused(data: Path) -> None:
    with pytest.raises(SystemExit, match="evaluation set"):
        dev_sets.read_rows(data, "ko_gold_kisa_v2")
    with pytest.raises(SystemExit):  # argparse refuses it before anything is read
        dev_sets.main(["--data", str(data), "dump", "x.tsv", "--set", "en_smishtank_2024"])


def test_diff_never_prints_an_evaluation_text(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tmp_path / "before.tsv"
    _dump(data, before)
    after = tmp_path / "after.tsv"
    # Pretend both rows changed level; the overlapping one must still not be shown.
    lines = before.read_text(encoding="utf-8").splitlines()
    changed = [line.replace("\tskipped\t", "\thigh\t").replace("\tlow\t", "\tmedium\t") for line in lines]
    after.write_text("\n".join(changed) + "\n", encoding="utf-8")
    dev_sets.main(["--data", str(data), "diff", str(before), str(after)])
    shown = capsys.readouterr().out
    assert "not_spam: low -> medium: 1" in shown and "회의실" in shown
    assert "cj-dlvr" not in shown and dev_sets.OVERLAP not in shown


def test_rates(data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.tsv"
    _dump(data, out)
    dev_sets.main(["rates", str(out)])
    assert "not_spam" in capsys.readouterr().out
