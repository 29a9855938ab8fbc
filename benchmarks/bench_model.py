"""Speed of the text model alone: batch throughput and single-message latency (one core).

    python benchmarks/bench_model.py [--n 20000] [--data ../shared/data/ko_gold_kisa_v2/data.csv]

Texts come from the project's corpus (tests/corpus/*.toml), or from a CSV with a ``text`` column.
The checker's goal is 10,000 messages/s in batch, so the model's share should stay near 30–40 µs at
KISA length (~180 characters). CPU time (``time.process_time``) is reported: the machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from checker.model import load_model
from checker.training_data import load_corpus


def texts_from(path: Path | None) -> list[str]:
    if path is not None:
        csv.field_size_limit(1 << 30)
        with open(path, encoding="utf-8", newline="") as fh:
            return [r["text"] for r in csv.DictReader(fh) if r.get("text")]
    return [r.text for r in load_corpus(REPO / "tests" / "corpus")]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--model", type=Path, default=None, help="an artifact other than the shipped one")
    args = ap.parse_args()
    base = texts_from(args.data)
    if not base:
        print("no texts found", file=sys.stderr)
        return 1
    texts = (base * (args.n // len(base) + 1))[: args.n]
    model = load_model(args.model)
    model.predict_proba(texts[:100])  # warm-up
    t0 = time.process_time()
    model.predict_proba(texts)
    batch = time.process_time() - t0
    singles = []
    for t in texts[:2000]:
        s = time.process_time()
        model.predict_proba([t])
        singles.append(time.process_time() - s)
    mean_len = statistics.mean(len(t) for t in texts)
    print(f"texts: {len(texts)} (mean {mean_len:.0f} chars) from {args.data or 'tests/corpus'}")
    print(f"batch (CPU time): {batch / len(texts) * 1e6:.1f} µs/message, {len(texts) / batch:,.0f} messages/s")
    print(
        f"single: median {statistics.median(singles) * 1e6:.0f} µs, "
        f"p99 {sorted(singles)[int(len(singles) * 0.99)] * 1e6:.0f} µs"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
