"""Shared by the service benchmarks: a real ``smishcheck serve`` on a temporary database, a
keep-alive HTTP/1.1 client on raw asyncio sockets, ``wrk`` when installed, and process figures.

Loopback only: the server binds 127.0.0.1 and every client connects there.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
SMISHING = "[국외발신] 민생회복 소비쿠폰 신청 대상입니다. 오늘 마감 han.gl/abc 문의 010-2345-6789"


def smishcheck_command() -> list[str]:
    """The ``smishcheck`` entry point of this interpreter's environment (the repo's .venv)."""
    script = Path(sys.executable).with_name("smishcheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} CPUs"


class Server:
    """``smishcheck serve`` on a fresh temporary database, with an API key (a context manager)."""

    def __init__(
        self,
        workers: int = 2,
        threads: int | None = None,
        extra_env: dict | None = None,
        server: str | None = None,
    ):
        self.workers = workers
        self.threads = threads
        self.server = server
        self.tmp = tempfile.TemporaryDirectory(prefix="smishcheck-bench-")
        self.db = Path(self.tmp.name) / "smishcheck.db"
        self.port = free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.env = (
            os.environ
            | {
                "SMISHCHECK_DB": str(self.db),
                "SMISHCHECK_SECRET_KEY": secrets.token_urlsafe(32),
                # The per-key rate limit would answer 429 to a load test: lift it for this key's run.
                "SMISHCHECK_API_RATE_PER_MINUTE": "100000000",
                "SMISHCHECK_API_BURST": "1000000",
                "OMP_NUM_THREADS": "1",
                "OPENBLAS_NUM_THREADS": "1",
            }
            | (extra_env or {})
        )
        self.process: subprocess.Popen | None = None
        self.key = ""
        self.ready_seconds = float("nan")
        self.log_path = Path(self.tmp.name) / "serve.log"

    def create_key(self) -> str:
        out = subprocess.run(
            [*smishcheck_command(), "apikey", "create", "bench"],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        self.key = out.strip().splitlines()[-1]
        return self.key

    def start(self, timeout: float = 60.0) -> float:
        """Start the server; returns seconds from spawn until ``/healthz`` answered 200."""
        command = [*smishcheck_command(), "serve", "--host", HOST, "--port", str(self.port)]
        command += ["--workers", str(self.workers)]
        if self.threads:
            command += ["--threads", str(self.threads)]
        if self.server:
            command += ["--server", self.server]
        log = self.log_path.open("wb")
        started = time.perf_counter()
        self.process = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = started + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("server exited:\n" + self.log_path.read_text(errors="replace")[-3000:])
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        self.ready_seconds = time.perf_counter() - started
                        self._wait_for_workers(deadline)
                        return self.ready_seconds
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("server not ready in time")

    def _wait_for_workers(self, deadline: float) -> None:
        # /healthz answers as soon as one worker is up; the figures are about all of them.
        while len(self.worker_pids()) < self.workers and time.perf_counter() < deadline:
            time.sleep(0.05)

    def worker_pids(self) -> list[int]:
        """The server's workers: children of the master process (read from /proc, no name search)."""
        assert self.process is not None
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    def __enter__(self):
        self.create_key()
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        self.tmp.cleanup()


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time used so far by these processes (from /proc; survives a shared machine)."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / os.sysconf("SC_CLK_TCK")


def memory_kib(pid: int) -> dict[str, int]:
    """RSS and PSS (shared pages divided among the processes sharing them) of one process, in KiB."""
    figures = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Rss", "Pss"):
            figures[name.lower()] = int(rest.split()[0])
    return figures


# -- asyncio keep-alive client ----------------------------------------------------------------------


@dataclass
class Results:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0  # connection failures (no HTTP answer)
    report_ids: list[int] = field(default_factory=list)
    check_ids: list[int] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def non_2xx(self) -> int:
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 300)

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] if ordered else float("nan")


def _request(path: str, key: str, body: bytes | None) -> bytes:
    method = "POST" if body is not None else "GET"
    head = f"{method} {path} HTTP/1.1\r\nHost: {HOST}\r\nAuthorization: Bearer {key}\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"\r\n" + (body or b"")


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    body = await reader.readexactly(length) if length else b""
    return status, body


def report_body(tag: str, n: int) -> bytes:
    return json.dumps(
        {"text": f"신고 {tag}-{n}: 택배 주소 확인 bit.ly/{tag}{n}", "channel": "sms"}, ensure_ascii=False
    ).encode()


def check_body(n: int) -> bytes:
    return json.dumps({"text": f"{SMISHING} #{n}"}, ensure_ascii=False).encode()


async def _client(url_port: int, key: str, plan, stop_at: float, results: Results, tag: str) -> None:
    reader = writer = None
    n = 0
    while time.perf_counter() < stop_at:
        path, body = plan(tag, n)
        n += 1
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(HOST, url_port)
            started = time.perf_counter()
            writer.write(_request(path, key, body))
            status, answer = await asyncio.wait_for(_read_response(reader), 30)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            results.errors += 1
            if writer is not None:
                writer.close()
            reader = writer = None
            await asyncio.sleep(0.01)
            continue
        results.latencies.append(time.perf_counter() - started)
        results.statuses[status] = results.statuses.get(status, 0) + 1
        if status == 201 and path.endswith("/reports"):
            results.report_ids.append(int(json.loads(answer)["id"]))
        elif status == 200 and path.endswith("/check"):
            check_id = json.loads(answer).get("check_id")
            if check_id is not None:
                results.check_ids.append(int(check_id))
    if writer is not None:
        writer.close()


def run_clients(server: Server, clients: int, seconds: float, plan) -> Results:
    """``clients`` keep-alive connections, each sending ``plan(tag, n) -> (path, body)`` back to back.

    Every request started before the deadline is answered (or fails) before this returns, so an
    acknowledged report is never one the client stopped waiting for.
    """
    results = Results()

    async def main():
        stop_at = time.perf_counter() + seconds
        started = time.perf_counter()
        await asyncio.gather(
            *(_client(server.port, server.key, plan, stop_at, results, f"c{i}") for i in range(clients))
        )
        results.seconds = time.perf_counter() - started

    asyncio.run(main())
    return results


# -- wrk (C load generator; `apt-get install wrk`) ---------------------------------------------------

WRK_SCRIPT = """
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  table.insert(threads, thread)
end
function init(args)
  created = 0
  n = 0
  headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer %(key)s"}
end
function request()
  n = n + 1
  if "%(kind)s" == "healthz" then
    return wrk.format("GET", "/healthz")
  elseif "%(kind)s" == "check" then
    return wrk.format("POST", "/api/v1/check", headers,
      '{"text":"%(smishing)s #' .. tid .. '-' .. n .. '"}')
  else
    return wrk.format("POST", "/api/v1/reports", headers,
      '{"text":"신고 w' .. tid .. '-' .. n .. ': 택배 주소 확인 bit.ly/w' .. n .. '","channel":"sms"}')
  end
end
function response(status, headers, body)
  if status == 201 then created = created + 1 end
end
function done(summary, latency, requests)
  local c = 0
  for _, t in ipairs(threads) do c = c + t:get("created") end
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%%d,"seconds":%%f,"p50":%%f,"p99":%%f,"non_2xx":%%d,' ..
    '"socket_errors":%%d,"created":%%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e6,
    latency:percentile(99) / 1e6, e.status, e.connect + e.read + e.write + e.timeout, c))
end
"""


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(server: Server, kind: str, clients: int, seconds: float) -> dict:
    """One wrk run (kind: healthz, check or reports); returns requests/s, p50/p99 (s), errors."""
    script = Path(server.tmp.name) / f"{kind}.lua"
    script.write_text(WRK_SCRIPT % {"key": server.key, "kind": kind, "smishing": SMISHING}, encoding="utf-8")
    threads = max(1, min(2, clients))
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "10s"]
        + ["-s", str(script), server.url + "/"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("WRKJSON "))
    figures = json.loads(line.removeprefix("WRKJSON "))
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures
