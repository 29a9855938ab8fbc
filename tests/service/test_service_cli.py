"""`smishcheck serve | apikey | agent | purge` through service.cli.main, and real server starts."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest

from service.cli import main


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("SMISHCHECK_DB", str(tmp_path / "cli.db"))
    monkeypatch.delenv("SMISHCHECK_SECRET_KEY", raising=False)
    return tmp_path


def _last_line(capsys) -> str:
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_apikey_create_list_revoke(env, capsys):
    assert main(["apikey", "create", "bot1"]) == 0
    key = _last_line(capsys)
    assert key.startswith("sck_") and len(key) > 40
    assert main(["apikey", "list"]) == 0
    listing = capsys.readouterr().out
    assert "bot1" in listing and key not in listing and "active" in listing
    assert main(["apikey", "revoke", "bot1"]) == 0
    capsys.readouterr()
    main(["apikey", "list"])
    assert "revoked" in capsys.readouterr().out
    assert main(["apikey", "revoke", "nobody"]) == 1


def test_agent_create_list_disable(env, capsys):
    assert main(["agent", "create", "kim"]) == 0
    password = _last_line(capsys)
    assert len(password) >= 12
    assert main(["agent", "create", "kim"]) == 1  # duplicate
    capsys.readouterr()
    main(["agent", "list"])
    assert "kim\tactive" in capsys.readouterr().out
    assert main(["agent", "disable", "kim"]) == 0
    capsys.readouterr()
    main(["agent", "list"])
    assert "kim\tdisabled" in capsys.readouterr().out


def test_secret_key_is_generated_beside_the_db_and_kept(env, capsys):
    main(["apikey", "list"])
    key_file = env / "secret_key"
    first = key_file.read_text()
    assert len(first) > 40 and (key_file.stat().st_mode & 0o777) == 0o600
    main(["apikey", "list"])
    assert key_file.read_text() == first


def test_purge(env, capsys):
    assert main(["purge", "--days", "30"]) == 0
    assert "deleted 0 check(s) older than 30 days" in capsys.readouterr().out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    """Child processes of ``pid`` (from /proc, so no procps needed)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry))
    return found


def _post_check(port: int, key: str, text: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/v1/check",
        data=json.dumps({"text": text}).encode(),
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {key}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc to count workers")
@pytest.mark.parametrize("server", ["granian", "gunicorn"])
def test_serve_runs_two_workers_and_a_stop_writes_queued_checks(env, server, monkeypatch, capsys):
    db = env / "serve.db"
    monkeypatch.setenv("SMISHCHECK_DB", str(db))
    monkeypatch.setenv("SMISHCHECK_API_BURST", "1000")  # 40 checks may all reach one worker's bucket
    assert main(["apikey", "create", "serve-test"]) == 0
    key = _last_line(capsys)
    port = _free_port()
    code = "import sys; from service.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", code, "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--server", server],
        env=dict(os.environ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        body = None
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    body = json.loads(response.read())
                    break
            except OSError:
                time.sleep(0.2)
        assert body == {"status": "ok", "checker": "ok", "database": "ok"}
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert '<html lang="ko">' in response.read().decode()
        # The first worker may answer before the master has forked the second one: wait for it.
        for _ in range(50):
            if len(_children(process.pid)) == 2:
                break
            time.sleep(0.1)
        assert len(_children(process.pid)) == 2
        # Checks are queued and written in batches by each worker; the answer carries the id.
        answers = [_post_check(port, key, f"택배 주소 확인 bit.ly/x{n} 010-2345-{n:04d}") for n in range(40)]
        ids = [answer["check_id"] for answer in answers]
        assert all(isinstance(check_id, int) for check_id in ids) and len(set(ids)) == len(ids)
    finally:
        # SIGTERM at once, while the last checks may still be queued: the stop must write them.
        os.killpg(process.pid, signal.SIGTERM)
        output = process.communicate(timeout=30)[0].decode(errors="replace")
    assert server in output.lower()
    assert "development server" not in output
    assert process.returncode == 0, output[-2000:]
    with sqlite3.connect(db) as conn:
        stored = dict(conn.execute("SELECT id, text FROM checks WHERE source = 'api'").fetchall())
    assert set(ids) <= set(stored), (
        f"acknowledged checks missing after a graceful stop: {set(ids) - set(stored)}"
    )
    assert all("[전화번호]" in stored[check_id] and "2345" not in stored[check_id] for check_id in ids)
