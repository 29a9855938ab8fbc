"""Start-up time and memory: ``smishcheck serve --workers 2`` from spawn until ``/healthz`` answers 200,
and the memory of the master and each worker (RSS, and PSS: shared pages split among the processes).

    .venv/bin/python benchmarks/startup.py [--runs 3]

Goals: ready in <= 2 s, <= 250 MB per worker. The workers' memory is read after 300 checks, so the
model, the allowlist and a warm connection are in it. Loopback only.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _service import Server, check_body, load_average, memory_kib, run_clients

GOAL_READY_SECONDS = 2.0
GOAL_WORKER_MB = 250


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"before: {load_average()}")
    ready = []
    for run in range(args.runs):
        server = Server(workers=2)
        try:
            server.create_key()
            ready.append(server.start())
            print(f"run {run + 1}: ready in {ready[-1]:.2f} s", flush=True)
            if run == args.runs - 1:
                run_clients(server, 4, 3.0, lambda tag, n: ("/api/v1/check", check_body(n)))
                master = memory_kib(server.process.pid)
                workers = [memory_kib(pid) for pid in server.worker_pids()]
        finally:
            server.stop()
            server.tmp.cleanup()
    print(f"after:  {load_average()}")
    print(
        f"ready: median {statistics.median(ready):.2f} s, max {max(ready):.2f} s (goal <= {GOAL_READY_SECONDS} s)"
    )
    print(f"master: RSS {master['rss'] / 1024:.0f} MB, PSS {master['pss'] / 1024:.0f} MB")
    for n, figures in enumerate(workers, 1):
        print(f"worker {n}: RSS {figures['rss'] / 1024:.0f} MB, PSS {figures['pss'] / 1024:.0f} MB")
    worst = max(w["rss"] for w in workers) / 1024
    print(
        f"goals: ready {'met' if statistics.median(ready) <= GOAL_READY_SECONDS else 'MISSED'}, "
        f"memory per worker {'met' if worst <= GOAL_WORKER_MB else 'MISSED'} ({worst:.0f} MB RSS)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
