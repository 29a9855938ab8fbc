"""Verdicts on the development sets only, for rule work: never an evaluation set, never one of its texts.

    python benchmarks/dev_sets.py dump OUT.tsv [--rules-only] [--model PATH] [--set NAME ...]
    python benchmarks/dev_sets.py rates OUT.tsv
    python benchmarks/dev_sets.py diff BEFORE.tsv AFTER.tsv [--max 40]

`dump` writes one line per text: set, row, label, level, score, rule ids. A development row whose text is also in an
evaluation set (after the training's normalisation: super_sms holds ~4,000 UCI texts, KISA ~950 gold texts) is written
with the label ``EVAL_OVERLAP`` and no verdict, and `diff` never prints such a text. Rule work read those rows until
session 10 (the dev tools then lived outside the repository); this script makes the filter the only way to look.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checker.core import Checker
from checker.evaluate import check_chunk
from checker.training_data import EVAL_SETS, EVAL_SHADOW_SETS, eval_keys, is_eval_text

DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEV_SETS = ("ko_kisa_spam_reports_2022", "ko_smishdt_kor_smishing", "ko_korean_message_meal_bbang",
            "en_super_sms_dataset_2024", "en_spamhunter_2022", "en_exais_sms_2015")
FORBIDDEN = frozenset(EVAL_SETS + EVAL_SHADOW_SETS)
OVERLAP = "EVAL_OVERLAP"
_CHUNK = 1000


def read_rows(data: Path, name: str) -> list[tuple[str, str]]:
    if name in FORBIDDEN:
        raise SystemExit(f"{name} is an evaluation set: this script never reads one")
    csv.field_size_limit(1 << 30)
    with (data / name / "data.csv").open(encoding="utf-8", newline="") as handle:
        return [(row["text"], row["label"]) for row in csv.DictReader(handle)]


def dump(args) -> None:
    if args.rules_only:
        model = None
    elif args.model:
        from checker.model import load_model
        model = load_model(args.model)
    else:
        model = "default"
    checker = Checker(model=model)
    keys = eval_keys(args.data)
    with open(args.out, "w", encoding="utf-8") as out:
        for name in args.set or DEV_SETS:
            rows = read_rows(args.data, name)
            for start in range(0, len(rows), _CHUNK):
                chunk = rows[start:start + _CHUNK]
                for i, ((text, label), verdict) in enumerate(zip(chunk, check_chunk(checker, [t for t, _ in chunk]))):
                    row = start + i
                    if is_eval_text(text, keys):
                        out.write(f"{name}\t{row}\t{OVERLAP}\tskipped\t0\t\n")
                    elif verdict is None:
                        out.write(f"{name}\t{row}\t{label}\tinvalid\t0\t\n")
                    else:
                        ids = ",".join(sorted({reason.id for reason in verdict.reasons}))
                        out.write(f"{name}\t{row}\t{label}\t{verdict.risk}\t{verdict.score}\t{ids}\n")
            print(f"{name}: {len(rows)} rows", file=sys.stderr)


def _load(path: str) -> dict[tuple[str, str], list[str]]:
    with open(path, encoding="utf-8") as handle:
        return {(cells[0], cells[1]): cells for cells in (line.rstrip("\n").split("\t") for line in handle)}


def rates(args) -> None:
    counts: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    for name, _, label, risk, *_ in _load(args.dump).values():
        counts[(name, label)]["n"] += 1
        counts[(name, label)][risk] += 1
    for (name, label), c in sorted(counts.items()):
        flagged = c["medium"] + c["high"]
        print(f"{name:30s} {label:20s} n={c['n']:6d} flagged={flagged / c['n']:.3f} ({flagged}) "
              f"high={c['high'] / c['n']:.3f} ({c['high']})")


def diff(args) -> None:
    before, after = _load(args.before), _load(args.after)
    keys = eval_keys(args.data)
    texts: dict[str, list[str]] = {}
    groups: dict[tuple, list] = collections.defaultdict(list)
    for key, new in after.items():
        old = before.get(key)
        if old and old[3] != new[3] and new[2] != OVERLAP:
            groups[(new[0], new[2], old[3], new[3])].append((old, new))
    for (name, label, was, now), items in sorted(groups.items()):
        print(f"== {name} {label}: {was} -> {now}: {len(items)}")
        if name not in texts:
            texts[name] = [t for t, _ in read_rows(args.data, name)]
        for old, new in items[:args.max]:
            text = texts[name][int(new[1])]
            shown = "(hidden: also in an evaluation set)" if is_eval_text(text, keys) else repr(text[:160])
            print(f"   [{new[5]}] (was [{old[5]}])\n      {shown}")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the shared data sets")
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="verdicts of every development text")
    d.add_argument("out")
    d.add_argument("--rules-only", action="store_true", help="without the text model")
    d.add_argument("--model", help="a model artifact other than the shipped one")
    d.add_argument("--set", action="append", choices=DEV_SETS, help="one development set (repeatable)")
    r = sub.add_parser("rates", help="flagged / high share per set and label")
    r.add_argument("dump")
    f = sub.add_parser("diff", help="level changes between two dumps, with the texts")
    f.add_argument("before")
    f.add_argument("after")
    f.add_argument("--max", type=int, default=40, help="texts shown per group")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    {"dump": dump, "rates": rates, "diff": diff}[args.command](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
