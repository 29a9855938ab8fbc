"""``smishcheck evaluate``: measure the whole checker (rules + model) on a labelled CSV.

    smishcheck evaluate --data FILE.csv [--json] [--model PATH | --no-model]

``FILE.csv`` has columns ``text,label``; labels ``smishing`` and ``spam`` are positive, ``ham`` (or
``legit``) negative, anything else (``unsure``) is counted in the table but left out of the rates.
"Flagged" means risk ``medium`` or ``high``. Precision for a positive label counts that label's
flagged messages against the flagged ham (the other positive label is left out).
ROC AUC ranks messages by the verdict's points, ties broken by the model probability.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.verdict import RISK_LEVELS

POSITIVE = ("smishing", "spam")
NEGATIVE = ("ham", "legit")
_BATCH = 1000


def read_labelled(path: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(1 << 30)
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or not {"text", "label"} <= set(reader.fieldnames):
            raise ValueError(f"{path}: needs the columns text,label")
        return [(r["text"], r["label"].strip().lower()) for r in reader if r["text"] and r["text"].strip()]


def check_chunk(checker, texts: list[str]) -> list:
    """Verdicts through the batch path; ``None`` for a text the checker refuses (one bad row costs one by one)."""
    from checker.core import InputError, Item

    try:
        return checker.check_many([Item(t) for t in texts])
    except InputError:
        verdicts = []
        for t in texts:
            try:
                verdicts.append(checker.check(t))
            except InputError:
                verdicts.append(None)
        return verdicts


def run_checker(texts: Sequence[str], model: Any = "default") -> list[tuple[str, float, float]]:
    """(risk, points, model probability or -1) for each text, through the batch path."""
    from checker.core import Checker

    checker = Checker(model=model)
    out: list[tuple[str, float, float]] = []
    for start in range(0, len(texts), _BATCH):
        chunk = list(texts[start : start + _BATCH])
        verdicts = check_chunk(checker, chunk)
        probs = (checker.model.predict_proba(chunk) if checker.model is not None else [-1.0] * len(chunk))
        for v, p in zip(verdicts, probs):
            out.append(("invalid", 0.0, p) if v is None else (v.risk, float(v.score), float(p)))
    return out


def roc_auc(pos: list[float], neg: list[float]) -> float | None:
    """Mann-Whitney AUC with ties counted half (no sklearn needed)."""
    if not pos or not neg:
        return None
    scored = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum = 0.0
    i = 0
    while i < len(scored):
        j = i
        while j < len(scored) and scored[j][0] == scored[i][0]:
            j += 1
        avg_rank = (i + j + 1) / 2  # 1-based average rank of the tie block
        rank_sum += avg_rank * sum(lab for _, lab in scored[i:j])
        i = j
    n_pos, n_neg = len(pos), len(neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def summarise(labels: Sequence[str], results: Sequence[tuple[str, float, float]]) -> dict[str, Any]:
    table: dict[str, Counter] = {}
    for lab, (risk, _, _) in zip(labels, results):
        table.setdefault(lab, Counter())[risk] += 1
    per_label = {}
    for lab, cnt in sorted(table.items()):
        n = sum(cnt.values())
        per_label[lab] = {
            "n": n,
            "flagged": round((cnt["medium"] + cnt["high"]) / n, 4),
            "high": round(cnt["high"] / n, 4),
        }
    neg_flag = sum(table.get(lab, Counter())["medium"] + table.get(lab, Counter())["high"] for lab in NEGATIVE)
    neg_high = sum(table.get(lab, Counter())["high"] for lab in NEGATIVE)
    pr = {}
    for lab in POSITIVE:
        if lab not in table:
            continue
        cnt = table[lab]
        n = sum(cnt.values())
        tp_flag, tp_high = cnt["medium"] + cnt["high"], cnt["high"]
        pr[lab] = {
            "recall_flagged": round(tp_flag / n, 4),
            "precision_flagged": round(tp_flag / (tp_flag + neg_flag), 4) if tp_flag + neg_flag else None,
            "recall_high": round(tp_high / n, 4),
            "precision_high": round(tp_high / (tp_high + neg_high), 4) if tp_high + neg_high else None,
        }
    key = [(pts, p) for _, pts, p in results]
    rank = {k: i for i, k in enumerate(sorted(set(key)))}
    pos = [rank[k] for lab, k in zip(labels, key) if lab in POSITIVE]
    neg = [rank[k] for lab, k in zip(labels, key) if lab in NEGATIVE]
    auc = roc_auc(pos, neg)
    return {
        "n": len(labels),
        "per_label": per_label,
        "precision_recall": pr,
        "roc_auc": round(auc, 4) if auc is not None else None,
        "confusion": {lab: {r: cnt[r] for r in (*RISK_LEVELS, "invalid") if cnt[r] or r != "invalid"}
                      for lab, cnt in sorted(table.items())},
    }


def format_report(name: str, s: dict[str, Any]) -> str:
    lines = [f"# {name}: {s['n']} messages (flagged = medium or high)", ""]
    lines.append(f"{'label':<10} {'n':>6} {'flagged':>8} {'high':>6}")
    for lab, r in s["per_label"].items():
        lines.append(f"{lab:<10} {r['n']:>6} {r['flagged']:>8.3f} {r['high']:>6.3f}")
    if s["precision_recall"]:
        lines += ["", f"{'positive':<10} {'P(flag)':>8} {'R(flag)':>8} {'P(high)':>8} {'R(high)':>8}"]
        for lab, r in s["precision_recall"].items():
            fmt = lambda v: f"{v:>8.3f}" if v is not None else f"{'-':>8}"
            lines.append(f"{lab:<10} {fmt(r['precision_flagged'])} {fmt(r['recall_flagged'])} "
                         f"{fmt(r['precision_high'])} {fmt(r['recall_high'])}")
    auc = s["roc_auc"]
    lines += ["", f"ROC AUC (positive vs ham): {auc:.4f}" if auc is not None else "ROC AUC: n/a (one class only)"]
    levels = list(next(iter(s["confusion"].values())).keys()) if s["confusion"] else list(RISK_LEVELS)
    lines += ["", "confusion (rows = label, columns = risk)", f"{'label':<10} " + " ".join(f"{lv:>7}" for lv in levels)]
    for lab, cnt in s["confusion"].items():
        lines.append(f"{lab:<10} " + " ".join(f"{cnt.get(lv, 0):>7}" for lv in levels))
    return "\n".join(lines)


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="smishcheck evaluate",
                                 description="Measure rules + model on a labelled CSV (columns text,label).")
    ap.add_argument("--data", type=Path, required=True, action="append", help="CSV file; repeatable")
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--model", type=Path, default=None, help="a model artifact other than the shipped one")
    group.add_argument("--no-model", action="store_true", help="rules only")
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    model: Any = "default"
    if args.no_model:
        model = None
    elif args.model is not None:
        from checker.model import ModelError, load_model

        try:
            model = load_model(args.model)
        except ModelError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    reports = {}
    for path in args.data:
        try:
            rows = read_labelled(path)
        except (OSError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        labels = [lab for _, lab in rows]
        reports[str(path)] = summarise(labels, run_checker([t for t, _ in rows], model=model))
    if args.json:
        print(json.dumps(reports if len(reports) > 1 else next(iter(reports.values())), indent=1))
    else:
        print("\n\n".join(format_report(name, s) for name, s in reports.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
