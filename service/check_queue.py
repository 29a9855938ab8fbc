"""Checks written in batches by one background thread per process (``smishcheck serve``).

A stored check cost about as much as the check itself when every request ran its own write
transaction (lock, ``BEGIN IMMEDIATE``, two inserts, commit). Here the request thread takes an id
(``Store.new_check_id``: the answer still carries a usable ``check_id``), builds the redacted row
and queues it; the writer thread writes everything queued so far in one transaction (it only
inserts: building a whole batch's rows there held the GIL long enough to set the latency tail).

What this costs, and where it stops:

* **Loss window.** A check is acknowledged (200 with its ``check_id``) before it is committed: if
  the process dies by SIGKILL (or the machine loses power), the checks of its last moments (at
  most ``linger``, 50 ms, plus one batch write) are lost. Reports never go through here:
  a report is committed before its 201.
* **Graceful stop** (SIGTERM, SIGINT, ``close()``): everything queued is written before the
  process exits; a check queued after ``close()`` is written at once, by the request thread.
* **Write failures** (full disk, read-only file): the batch is rolled back whole and logged, and
  ``Store.last_write_error`` makes ``/healthz`` answer 503. While it is set, checks are stored
  synchronously again (``checking.store_check``), so answers say ``check_id: null`` as long as the
  database refuses them; the first write that succeeds clears it and batching resumes.
* **Back-pressure.** At most ``max_pending`` checks wait; past that a request thread waits for the
  writer (memory stays bounded when the disk is slow).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time

log = logging.getLogger(__name__)

#: Only held for the instant a forked process sets up its own queue (never across a fork).
_SETUP_LOCK = threading.Lock()


#: One queued check: the redacted ``checks`` row and its indicators, built by the request thread
#: (``Store.check_row``), so that the writer thread only inserts: building a whole batch's rows there
#: held the GIL long enough to set the latency tail.
QueuedCheck = tuple  # (row: dict, indicators: list[Indicator])


class CheckQueue:
    """A per-process queue of checks and the thread that writes it (started on first use)."""

    def __init__(self, store, *, linger: float = 0.05, max_batch: int = 256, max_pending: int = 4096):
        self.store = store
        self.linger = linger
        self.max_batch = max_batch
        self.max_pending = max_pending
        self._pid: int | None = None
        self._setup()

    def _setup(self) -> None:
        # Called again in a forked child: the parent's lock, list and thread do not belong to it.
        self._pid = os.getpid()
        self._cond = threading.Condition()
        self._pending: list[QueuedCheck] = []
        self._writing = 0  # checks taken by the writer and not yet committed or dropped
        self._closed = False
        self._wake = threading.Event()  # cuts the linger short: set by flush() and close()
        self._thread: threading.Thread | None = None

    def _this_process(self) -> None:
        if self._pid != os.getpid():
            with _SETUP_LOCK:  # two request threads of a fresh child: only one sets up
                if self._pid != os.getpid():
                    self._setup()

    # -- request threads -------------------------------------------------------------------------

    def put(self, item: QueuedCheck) -> bool:
        """Queue a check; False once the queue is closed (the caller then writes it itself)."""
        self._this_process()
        with self._cond:
            if self._closed:
                return False
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="smishcheck-check-writer", daemon=True)
                self._thread.start()
            while len(self._pending) >= self.max_pending and self._thread.is_alive():
                self._cond.wait(1.0)
            self._pending.append(item)
            self._cond.notify_all()
            return True

    def flush(self, timeout: float = 30.0) -> bool:
        """Wait until everything queued so far is committed (or dropped after a failure)."""
        deadline = time.monotonic() + timeout
        self._this_process()
        with self._cond:
            self._wake.set()
            self._cond.notify_all()
            while self._pending or self._writing:
                if self._thread is None or not self._thread.is_alive():
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(min(remaining, 0.1))
            leftover, self._pending = self._pending, []
        if leftover:  # no writer thread (never started, or died): write here
            self._write(leftover)
        return True

    def close(self, timeout: float = 30.0) -> None:
        """Write everything queued, then stop the writer; later checks are written synchronously."""
        self._this_process()
        with self._cond:
            self._closed = True
            self._wake.set()
            self._cond.notify_all()
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        self.flush(timeout=0)

    def pending(self) -> int:
        return len(self._pending) + self._writing if self._pid == os.getpid() else 0

    def healthy(self) -> bool:
        """False when checks wait and no thread will write them."""
        if self._pid != os.getpid() or self._closed or not self._pending:
            return True
        return self._thread is not None and self._thread.is_alive()

    # -- the writer thread -----------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if not self._pending and self._closed:
                    return
            if self.linger and len(self._pending) < self.max_batch:
                self._wake.wait(self.linger)  # let a few more arrive: one commit for all of them
            with self._cond:
                batch = self._pending[: self.max_batch]
                del self._pending[: self.max_batch]
                self._writing = len(batch)
                if not self._closed:
                    self._wake.clear()
                self._cond.notify_all()  # room again for request threads waiting on max_pending
            try:
                self._write(batch)
            finally:
                with self._cond:
                    self._writing = 0
                    self._cond.notify_all()

    def _write(self, batch: list[QueuedCheck]) -> None:
        store = self.store
        try:
            store.write_checks(batch)
        except sqlite3.Error as exc:  # Store.immediate recorded it for /healthz; rolled back whole
            log.error("%d queued check(s) not stored (%s): %s", len(batch), exc.__class__.__name__, exc)
        except Exception:  # a bug must not kill the writer: log it, keep writing later batches
            store.last_write_error = "unexpected error in the check writer (see the log)"
            log.exception("%d queued check(s) not stored", len(batch))
