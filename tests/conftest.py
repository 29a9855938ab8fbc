"""Suite-wide guards: the checker never opens a network connection, and tests that need the shared
data sets skip cleanly when ``../shared`` is absent."""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

#: Connections attempted outside loopback during the whole run (must stay empty).
OUTSIDE_CONNECTIONS: list[str] = []


def _is_loopback(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0] if isinstance(address, tuple) and address else ""
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name other than localhost would need DNS: not allowed


_original_connect = socket.socket.connect
_original_connect_ex = socket.socket.connect_ex


def _guarded_connect(self, address):
    if not _is_loopback(address):
        OUTSIDE_CONNECTIONS.append(repr(address))
        raise OSError(f"test suite: network connection to {address!r} blocked (tests are offline)")
    return _original_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _is_loopback(address):
        OUTSIDE_CONNECTIONS.append(repr(address))
        raise OSError(f"test suite: network connection to {address!r} blocked (tests are offline)")
    return _original_connect_ex(self, address)


def pytest_configure(config):
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex


def pytest_sessionfinish(session, exitstatus):
    if OUTSIDE_CONNECTIONS:
        print(f"\nnetwork connections outside loopback were attempted: {OUTSIDE_CONNECTIONS}")
        session.exitstatus = 1


@pytest.fixture
def shared_data() -> Path:
    """Path of ../shared/data; skips the test when it is absent (e.g. a clone without shared/)."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is absent")
    return SHARED_DATA
