"""Instructions per checked message, counted by callgrind: a figure that does not move with the machine's load.

    .venv/bin/python benchmarks/count_instructions.py [--messages 2000] [--input dev]

Runs the checker twice under ``valgrind --tool=callgrind`` in a cold process (construction, then N messages spread
evenly over the benchmark's 20,000 real texts from ../shared/data, in batches of 512 like ``bench_checker.py``), once
with 0 messages and once with N, and prints the difference divided by N. Needs valgrind (apt install valgrind);
exits 0 with a clear message when it or ../shared is absent. Python's hash seed is fixed so runs repeat (±1 %).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_checks(count: int, input_name: str = "default") -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_checker import load_texts

    from checker import Checker, Item

    texts = load_texts(20000, input_name)
    sample = texts[:: max(1, len(texts) // max(count, 1))][:count]
    checker = Checker()
    checker.check("warm-up http://example.com 010-0000-0000")
    items = [Item(t) for t in sample]
    for start in range(0, len(items), 512):
        checker.check_many(items[start : start + 512])


def instructions(count: int, input_name: str) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
         "--inner", str(count), "--input", input_name],
        capture_output=True, text=True, env=env, check=True,
    )
    match = re.search(r"Collected : (\d+)", result.stderr)
    if match is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{result.stderr[-2000:]}")
    return int(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--inner", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--input", choices=("default", "dev"), default="default",
                        help="dev: training-side sets only (see bench_checker.py)")
    args = parser.parse_args()
    if args.inner is not None:
        run_checks(args.inner, args.input)
        return 0
    if not (ROOT.parent / "shared" / "data").is_dir():
        print("skipped: ../shared/data is absent (the count reads real messages from it)")
        return 0
    if shutil.which("valgrind") is None:
        print("skipped: valgrind is not installed")
        return 0
    base, full = instructions(0, args.input), instructions(args.messages, args.input)
    print(f"{(full - base) / args.messages:,.0f} instructions per message "
          f"({args.messages:,} real messages, input {args.input}, cold process, model on; callgrind)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
