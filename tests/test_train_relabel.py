"""Reviewed-label files: `smishcheck train` reads models/relabel.tsv only unless --relabel names others
(batch e was measured and not shipped, so it lives in its own file and must not change the default training)."""
from pathlib import Path

import pytest

from checker import train
from checker.training_data import Row, text_hash

REPO = Path(__file__).resolve().parents[1]


def _rows():
    return [Row("첫 번째 메시지 입니다", 0, "ko_kisa_spam_reports_2022", "not_spam"),
            Row("두 번째 메시지 입니다 다른 내용", 1, "ko_kisa_spam_reports_2022", "other"),
            Row("세 번째 메시지 전혀 다른 내용", 1, "ko_kisa_spam_reports_2022", "other")]


def test_default_training_reads_only_relabel_tsv():
    assert train.parser().parse_args([]).relabel is None  # build() then uses [RELABEL_FILE]
    args = train.parser().parse_args(["--relabel", "a.tsv", "--relabel", "b.tsv"])
    assert args.relabel == [Path("a.tsv"), Path("b.tsv")]


def test_review_step_applies_every_file_and_the_later_one_wins(tmp_path):
    rows = _rows()
    first, second = tmp_path / "first.tsv", tmp_path / "second.tsv"
    first.write_text(f"# comment\n{text_hash(rows[0].text)}\tspam\treason\n"
                     f"{text_hash(rows[1].text)}\tham\treason\n", encoding="utf-8")
    second.write_text(f"{text_hash(rows[1].text)}\tsmishing\tlater file\n", encoding="utf-8")
    changed = train.clean_labels(rows, None, None, {}, ["review"], lambda _m: None,
                                 relabel_files=[first, second])
    assert [r.target for r in rows] == [1, 1, 1]
    assert changed == {"review": 1}  # row 1 was relabelled ham by the first file, back to unwanted by the second
    assert "review" in rows[1].notes and "review" not in rows[2].notes

    rows = _rows()
    train.clean_labels(rows, None, None, {}, ["review"], lambda _m: None, relabel_files=[first])
    assert [r.target for r in rows] == [1, 0, 1]


@pytest.mark.parametrize("name", ["relabel.tsv", "relabel_batch_e.tsv"])
def test_reviewed_label_files_hold_hashes_not_text(name):
    lines = [ln for ln in (REPO / "models" / name).read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    assert lines
    hashes = []
    for line in lines:
        h, label, reason = line.split("\t")
        assert len(h) == 20 and all(c in "0123456789abcdef" for c in h)
        assert label in ("smishing", "spam", "ham")
        assert len(reason) < 120 and not any(ch.isdigit() for ch in reason.replace("(광고)", ""))
        hashes.append(h)
    assert len(hashes) == len(set(hashes))


def test_batch_e_does_not_repeat_shipped_reviews():
    def hashes(name):
        return {ln.split("\t")[0] for ln in (REPO / "models" / name).read_text(encoding="utf-8").splitlines()
                if ln and not ln.startswith("#")}

    assert not hashes("relabel.tsv") & hashes("relabel_batch_e.tsv")
