"""Checker speed on real messages: batch throughput on one core and single-message latency.

    .venv/bin/python benchmarks/bench_checker.py [--messages 20000] [--latency 5000] [--no-model] [--input dev]

Reads real SMS texts from ../shared/data (Korean KISA reports and English sets); prints figures. The published
figures use the default input, which includes two evaluation sets; ``--input dev`` reads training-side sets only,
for work that must not touch the evaluation sets (its figures differ a little: other texts, other lengths).
Pinned to one CPU core, with BLAS threads limited to one, so the number is "per core".
Exits 0 with a clear message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import sys
import time
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
INPUTS = {
    "default": ("ko_kisa_spam_reports_2022", "ko_gold_kisa_v2", "en_super_sms_dataset_2024", "en_smishtank_2024"),
    "dev": ("ko_kisa_spam_reports_2022", "ko_korean_message_meal_bbang", "en_super_sms_dataset_2024", "en_spamhunter_2022"),
}


def load_texts(limit: int, input_name: str = "default") -> list[str]:
    csv.field_size_limit(10**7)
    sources = INPUTS[input_name]
    texts: list[str] = []
    per_source = limit // len(sources) + 1
    for name in sources:
        path = DATA / name / "data.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if i >= per_source:
                    break
                if row["text"].strip():
                    texts.append(row["text"])
    # Top up from the largest set if the small ones ran out.
    if len(texts) < limit:
        with (DATA / sources[0] / "data.csv").open(encoding="utf-8", newline="") as handle:
            for i, row in enumerate(csv.DictReader(handle)):
                if i < per_source:
                    continue
                if row["text"].strip():
                    texts.append(row["text"])
                if len(texts) >= limit:
                    break
    return texts[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=20000)
    parser.add_argument("--latency", type=int, default=5000, help="messages for the one-by-one latency run")
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--input", choices=sorted(INPUTS), default="default",
                        help="dev: training-side sets only (no evaluation set is read)")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent (the benchmark reads real messages from ../shared/data)")
        return 0
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    sys.path.insert(0, str(ROOT))
    from checker import Checker, Item, compiled_modules

    started = time.perf_counter()
    checker = Checker(model=None) if args.no_model else Checker()
    checker.check("warm-up 확인 http://example.com 010-0000-0000")
    startup = time.perf_counter() - started
    texts = load_texts(args.messages, args.input)
    items = [Item(t) for t in texts]

    started, started_cpu = time.perf_counter(), time.process_time()
    verdicts = []
    for i in range(0, len(items), 512):
        verdicts.extend(checker.check_many(items[i : i + 512]))
    batch_seconds = time.perf_counter() - started
    batch_cpu = time.process_time() - started_cpu

    latencies = []
    for text in texts[: args.latency]:
        t0 = time.perf_counter()
        checker.check(text)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()

    levels = {level: sum(v.risk == level for v in verdicts) for level in ("high", "medium", "low")}
    print(f"input: {args.input} ({', '.join(INPUTS[args.input])})")
    print(f"model: {checker.versions['model']}  rules: {checker.versions['rules']}  "
          f"allowlist: {checker.versions['allowlist']}")
    print(f"checker construction + first check: {startup * 1000:.0f} ms; "
          f"{len(compiled_modules())} modules compiled (setup.py; 0 = pure Python)")
    print(f"batch: {len(items):,} real messages in {batch_seconds:.2f} s on one core "
          f"= {len(items) / batch_seconds:,.0f} messages/s (wall clock)")
    # CPU time is what the process itself used: the fair per-core figure when the machine is shared.
    print(f"batch CPU time: {batch_cpu:.2f} s = {len(items) / batch_cpu:,.0f} messages/s per core "
          f"(load average {os.getloadavg()[0]:.2f})")
    print(f"single message ({len(latencies):,} one at a time): p50 {statistics.median(latencies):.3f} ms, "
          f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.3f} ms, max {latencies[-1]:.3f} ms")
    print(f"levels in the batch: {levels}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
