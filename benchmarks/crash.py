"""Crash under load: SIGKILL one worker of ``smishcheck serve --workers 2`` in the middle of the load.

    .venv/bin/python benchmarks/crash.py [--duration 20] [--clients 16]

Clients send reports (each with a unique text) and checks over keep-alive connections for
``--duration`` seconds; halfway through, one worker is killed with SIGKILL. Then, with the server
stopped: every report acknowledged with 201 must be in the database (by id and by text),
``PRAGMA integrity_check`` must say ok, and the server must have kept answering after the kill
(the server starts a new worker). Exits 1 if any of these fails. Loopback only.

Checks answered with a ``check_id`` but not stored are counted too: checks are written in batches
by a background thread of each worker (service/check_queue.py), so the ones the killed worker had
queued in its last milliseconds are lost. That is the documented loss window, not a failure.
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _service import Server, check_body, load_average, report_body, run_clients


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=16)
    args = parser.parse_args(argv)
    print(f"before: {load_average()}")

    answered_after_kill = 0
    kill_time = [float("inf")]
    with Server(workers=2) as server:
        workers_before = server.worker_pids()
        victim = workers_before[0]

        def killer():
            time.sleep(args.duration / 2)
            os.kill(victim, signal.SIGKILL)
            kill_time[0] = time.perf_counter()
            print(f"SIGKILL worker {victim} at {args.duration / 2:.1f} s", flush=True)

        def plan(tag, n):
            # Two reports for every check: the reports are what must never be lost.
            if n % 3 == 2:
                return "/api/v1/check", check_body(n)
            return "/api/v1/reports", report_body(tag, n)

        thread = threading.Thread(target=killer)
        thread.start()
        results = run_clients(server, args.clients, args.duration, plan)
        thread.join()
        time.sleep(1)
        workers_after = server.worker_pids()
        # Did the server keep answering? One more request on a fresh connection after the restart.
        after = run_clients(server, 2, 2.0, lambda tag, n: ("/api/v1/check", check_body(n)))
        answered_after_kill = sum(n for status, n in after.statuses.items() if status == 200)
        server.stop()
        with sqlite3.connect(server.db) as conn:
            stored_ids = {row[0] for row in conn.execute("SELECT id FROM reports")}
            stored_checks = {row[0] for row in conn.execute("SELECT id FROM checks")}
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    print(f"after:  {load_average()}")

    acknowledged = set(results.report_ids)
    lost = acknowledged - stored_ids
    print(
        f"requests answered: {results.count}  connection errors (the killed worker's clients): {results.errors}"
    )
    print(f"statuses: {dict(sorted(results.statuses.items()))}")
    print(f"reports acknowledged (201): {len(acknowledged)}, stored: {len(stored_ids)}, lost: {len(lost)}")
    checks_lost = set(results.check_ids) - stored_checks
    print(
        f"checks answered with an id: {len(results.check_ids)}, lost: {len(checks_lost)} "
        "(queued in the killed worker: the documented loss window of batched checks)"
    )
    print(f"integrity_check: {integrity}")
    print(f"workers before {workers_before}, after {workers_after} (a new worker replaced {victim})")
    print(f"answers after the kill, on new connections: {answered_after_kill} (200)")
    ok = (
        not lost
        and integrity == "ok"
        and answered_after_kill > 0
        and victim not in workers_after
        and len(workers_after) == 2
        and results.non_2xx == 0
    )
    print("RESULT:", "ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
