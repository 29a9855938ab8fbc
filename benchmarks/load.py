"""Load on a real server: ``smishcheck serve --workers 2`` on a temporary database, loopback only.

    .venv/bin/python benchmarks/load.py                      # short run (10 s main phase)
    .venv/bin/python benchmarks/load.py --duration 60        # the full run (figures in docs/scaling.md)

Phases on the same server, one after the other:
  1. ``GET /healthz`` with 32 clients: the ceiling (a tiny check plus a database read per request);
  2. ``POST /api/v1/check`` with 32 clients for ``--duration`` seconds (every check is stored);
  3. ``POST /api/v1/check`` with 16 clients (the p99 goal is stated at 16);
  4. ``POST /api/v1/reports`` with 32 clients: reports acknowledged (201) vs rows stored.
Prints requests/s, p50/p99 latency, non-2xx answers and the goals met or missed.

The load generator is ``wrk`` (C, a few % of one core) when installed: ``apt-get install wrk``.
Without it, a Python asyncio keep-alive client is used; it needs about as much CPU as the server,
so its figures are a lower bound and are labelled as such.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _service import (
    Server,
    check_body,
    cpu_seconds,
    have_wrk,
    load_average,
    report_body,
    run_clients,
    run_wrk,
)

GOAL_RPS = 1500
GOAL_SHARE_OF_CEILING = 0.60
GOAL_P99_AT_16 = 0.030


def _python_phase(server: Server, kind: str, clients: int, seconds: float) -> dict:
    def plan(tag, n):
        if kind == "healthz":
            return "/healthz", None
        if kind == "check":
            return "/api/v1/check", check_body(n)
        return "/api/v1/reports", report_body(tag, n)

    results = run_clients(server, clients, seconds, plan)
    return {
        "requests": results.count,
        "seconds": results.seconds,
        "rps": results.count / results.seconds,
        "p50": results.percentile(50),
        "p99": results.percentile(99),
        "non_2xx": results.non_2xx,
        "socket_errors": results.errors,
        "created": len(results.report_ids),
    }


def phase(server: Server, kind: str, clients: int, seconds: float, use_wrk: bool) -> dict:
    pids = [server.process.pid, *server.worker_pids()]
    cpu_before = cpu_seconds(pids)
    figures = (
        run_wrk(server, kind, clients, seconds) if use_wrk else _python_phase(server, kind, clients, seconds)
    )
    # Server CPU per request: the figure that does not depend on what else runs on the machine.
    figures["cpu_ms"] = (cpu_seconds(pids) - cpu_before) / max(1, figures["requests"]) * 1000
    print(
        f"{kind:8s} {clients:3d} clients {figures['seconds']:5.1f} s: {figures['rps']:8.1f} req/s  "
        f"p50 {figures['p50'] * 1000:6.1f} ms  p99 {figures['p99'] * 1000:6.1f} ms  "
        f"non-2xx {figures['non_2xx']}  socket errors {figures['socket_errors']}  "
        f"server CPU {figures['cpu_ms']:.2f} ms/request (= {1000 / figures['cpu_ms']:.0f} req/s per core)",
        flush=True,
    )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of the main check phase")
    parser.add_argument(
        "--side", type=float, default=None, help="seconds of the other phases (default min(duration, 15))"
    )
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--low-clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=None, help="threads per worker (default: serve's)")
    parser.add_argument("--server", choices=("granian", "gunicorn"), default=None, help="default: serve's")
    parser.add_argument(
        "--python-client", action="store_true", help="use the asyncio client even if wrk exists"
    )
    args = parser.parse_args(argv)
    side = args.side if args.side is not None else min(args.duration, 15.0)
    use_wrk = have_wrk() and not args.python_client

    print(f"before: {load_average()}")
    print(f"client: {'wrk' if use_wrk else 'python asyncio (a lower bound: it competes for the CPU)'}")
    with Server(workers=args.workers, threads=args.threads, server=args.server) as server:
        print(
            f"server: smishcheck serve --workers {args.workers} {'--server ' + args.server + ' ' if args.server else ''}"
            f"ready in {server.ready_seconds:.2f} s"
        )
        warm_up = phase(server, "check", args.low_clients, 2, use_wrk)  # not in the figures
        ceiling = phase(server, "healthz", args.clients, side, use_wrk)
        main_run = phase(server, "check", args.clients, args.duration, use_wrk)
        low = phase(server, "check", args.low_clients, side, use_wrk)
        before = _count(server.db, "reports")
        reports = phase(server, "reports", args.clients, side, use_wrk)
        stored = _count(server.db, "reports") - before
        # Checks are written in batches by each worker: stop the server (a graceful stop writes
        # what is queued) before counting them.
        server.stop()
        integrity = _integrity(server.db)
        checks_stored = _count(server.db, "checks")
        checks_answered = sum(f["requests"] - f["non_2xx"] for f in (warm_up, main_run, low))
        size = sum(f.stat().st_size for f in server.db.parent.glob(server.db.name + "*"))
    print(f"after:  {load_average()}")

    share = main_run["rps"] / ceiling["rps"]
    print()
    print(
        f"reports acknowledged (201): {reports['created']}, rows stored: {stored} "
        f"(stored may exceed acknowledged by requests in flight when the client stopped)"
    )
    print(
        f"checks answered (200): {checks_answered}, rows stored after the stop: {checks_stored} "
        f"(stored may exceed answered by requests in flight when the client stopped)"
    )
    print(f"database integrity_check: {integrity}")
    print(
        f"database: {checks_stored} checks + {stored} reports in {size / 1e6:.1f} MB "
        f"(~{size / max(1, checks_stored + stored) / 1024:.1f} KiB per stored message, indexes included)"
    )
    goals = [
        (f"/api/v1/check >= {GOAL_RPS} req/s", main_run["rps"] >= GOAL_RPS, f"{main_run['rps']:.0f}"),
        (
            f"/api/v1/check >= {GOAL_SHARE_OF_CEILING:.0%} of /healthz",
            share >= GOAL_SHARE_OF_CEILING,
            f"{share:.0%} of {ceiling['rps']:.0f}",
        ),
        (
            f"p99 at {args.low_clients} clients <= 30 ms",
            low["p99"] <= GOAL_P99_AT_16,
            f"{low['p99'] * 1000:.1f} ms",
        ),
        (
            "non-2xx = 0",
            main_run["non_2xx"] + low["non_2xx"] + reports["non_2xx"] + ceiling["non_2xx"] == 0,
            str(main_run["non_2xx"] + low["non_2xx"] + reports["non_2xx"] + ceiling["non_2xx"]),
        ),
        ("no acknowledged report lost", stored >= reports["created"], f"{reports['created']} <= {stored}"),
        (
            "every answered check stored",
            checks_stored >= checks_answered,
            f"{checks_answered} <= {checks_stored}",
        ),
        ("integrity_check ok", integrity == "ok", integrity),
    ]
    for name, met, value in goals:
        print(f"  [{'met' if met else 'MISSED'}] {name}: {value}")
    return 0


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _integrity(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


if __name__ == "__main__":
    raise SystemExit(main())
