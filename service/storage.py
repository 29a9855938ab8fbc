"""The one SQLite file: checks, reports, indicators, agents, call outcomes, API keys.

Concurrency: WAL, a busy timeout, and ``BEGIN IMMEDIATE`` around every read-then-write, so two
server workers never deadlock on a lock upgrade. Writers also queue on a lock (a thread lock plus
``flock`` on ``<db>.lock``) before ``BEGIN``: SQLite's busy handler polls with sleeps of 1 to 100 ms,
which under load cost more than half the throughput; a queued writer is woken the moment the lock is
free. Connections are opened lazily per process and thread (keyed by pid), so a connection opened
before ``fork`` is never used by a child. Under ``serve``, checks are written in batches by a thread
of each worker (``start_check_queue``, service/check_queue.py) with ids reserved up front
(``new_check_id``); reports and everything else are committed before the request answers.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database
from werkzeug.security import check_password_hash, generate_password_hash

from checker.normalize import strip_invisible
from checker.redact import phone_digits

from .migrations import migrations
from .privacy import Indicator, Redactor

BUSY_TIMEOUT_MS = 5000
#: With background checkpoints on (``serve``), a writer checkpoints inline only past this many WAL
#: pages (~32 MB): the safety net if the background thread falls behind.
BACKGROUND_AUTOCHECKPOINT_PAGES = 8000
SERVICE_SCHEMA = "smishcheck-service/1"
#: Check ids a process reserves at a time (table id_blocks). Ids left in a block when the process
#: ends are never used: check ids have gaps, and are not in time order across workers. Reserving is a
#: write transaction in a request thread, which waits behind the other workers' batch commits (tens
#: to hundreds of ms on a large database): with 1,000 ids that happened every ~1 s under load and set the
#: latency p99; 1,000,000 makes it once per ~10 minutes at full load (2^63 ids leave room for gaps).
CHECK_ID_BLOCK = 1_000_000
LABELS = ("smishing", "spam", "ham", "unsure")
API_KEY_PREFIX = "sck_"


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


_now_iso: tuple[int, str] = (0, "")


def now_iso() -> str:
    """``iso(utcnow())``, built once per second (every stored check asks; 5 µs each otherwise)."""
    global _now_iso
    second = int(time.time())
    cached = _now_iso  # one tuple read: threads may race to rebuild it, never see half of it
    if cached[0] != second:
        cached = (second, datetime.fromtimestamp(second, UTC).isoformat(timespec="seconds"))
        _now_iso = cached
    return cached[1]


try:
    import fcntl
except ImportError:  # not POSIX: SQLite's own busy handler alone serialises the writers
    fcntl = None


class WriteLock:
    """Writers in this process queue on a thread lock, writers of all processes on ``flock``."""

    def __init__(self, path: str):
        self.path = path
        self._thread_lock = threading.Lock()
        self._fd: int | None = None
        self._pid: int | None = None

    def _file(self) -> int | None:
        if fcntl is None:
            return None
        if self._pid != os.getpid():  # after fork: an own open file, or flock would be shared
            self._pid = os.getpid()
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError:
                self._fd = None  # read-only directory: SQLite's busy handler still serialises
        return self._fd

    @contextmanager
    def held(self) -> Iterator[None]:
        if not self._thread_lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            raise sqlite3.OperationalError("database is locked (write queue timeout)")
        try:
            fd = self._file()
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fd is not None:
                    fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            self._thread_lock.release()


class Store:
    """Data access for the service. One instance per app; connections per process/thread."""

    def __init__(self, path: str | Path, redactor: Redactor):
        self.path = str(path)
        self.redactor = redactor
        self._local = threading.local()
        self._write_lock = WriteLock(self.path + ".lock")
        self._autocheckpoint: int | None = None  # None: SQLite's default (1000 pages)
        #: The last failed write in this process ("OperationalError: database or disk is full"),
        #: cleared by the next successful one; /healthz reports it.
        self.last_write_error: str | None = None
        self._ids_lock = threading.Lock()
        self._ids: tuple[int | None, int, int] = (None, 0, 0)  # (pid, next id, end of the block)
        #: Set by ``start_check_queue`` (``serve``): checks are then written in batches.
        self.check_queue = None

    # -- connections -------------------------------------------------------------------------

    @property
    def db(self) -> Database:
        local = self._local
        if getattr(local, "pid", None) != os.getpid():
            # New process (after fork) or new thread: never reuse the parent's connection.
            local.pid = os.getpid()
            local.db = self._connect()
        return local.db

    def _connect(self) -> Database:
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Deleted rows (purge) are overwritten, not left readable in free pages.
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        if self._autocheckpoint is not None:
            conn.execute(f"PRAGMA wal_autocheckpoint = {self._autocheckpoint}")
        return Database(conn)

    def start_background_checkpoints(self, interval: float = 1.0) -> threading.Thread:
        """Checkpoint the WAL from a daemon thread of this process (call once per worker).

        A commit that crosses the autocheckpoint threshold otherwise copies the WAL into the
        database and fsyncs it inline, holding the write lock for tens of milliseconds while every
        other writer waits (p99 of a stored check 22 ms instead of 5 ms on this machine). A PASSIVE
        checkpoint never blocks writers; committed data is in the WAL either way, so nothing
        acknowledged depends on it.
        """
        self._autocheckpoint = BACKGROUND_AUTOCHECKPOINT_PAGES
        self.close()  # connections of this thread reopen with the new threshold

        def run() -> None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            while True:
                time.sleep(interval)
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error as exc:  # full disk: writes report it; keep trying
                    self.last_write_error = f"checkpoint {exc.__class__.__name__}: {exc}"

        thread = threading.Thread(target=run, name="smishcheck-checkpoint", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None and getattr(self._local, "pid", None) == os.getpid():
            db.close()
        self._local = threading.local()

    @contextmanager
    def immediate(self) -> Iterator[Database]:
        """A write transaction that takes the write lock up front (no read-to-write upgrade)."""
        db = self.db
        try:
            with self._write_lock.held():
                db.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield db
                    # A failed COMMIT (disk full) must roll back too, or the connection stays
                    # inside a transaction and every later BEGIN fails.
                    db.conn.execute("COMMIT")
                except BaseException:
                    if db.conn.in_transaction:
                        db.conn.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            self.last_write_error = f"{exc.__class__.__name__}: {exc}"
            raise
        self.last_write_error = None

    def init(self) -> None:
        """Create the file, switch to WAL and apply pending migrations (safe to call from every worker)."""
        db = self.db
        db.conn.execute("PRAGMA journal_mode = WAL")
        with self.immediate():
            migrations.apply(db)

    def ready(self) -> tuple[bool, str]:
        try:
            pending = migrations.pending(self.db)
            if pending:
                return False, "migrations pending: " + ", ".join(m.name for m in pending)
            # One row, not count(*): a count reads the whole table, every health probe, forever.
            self.db.execute("SELECT 1 FROM checks LIMIT 1").fetchone()
        except sqlite3.Error as exc:
            return False, f"database error: {exc.__class__.__name__}"
        if self.last_write_error:
            return False, f"write failed: {self.last_write_error}"
        if self.check_queue is not None and not self.check_queue.healthy():
            return False, "write failed: the check writer thread stopped"
        return True, "ok"

    # -- writes --------------------------------------------------------------------------------

    def _row(
        self,
        text: str,
        sender: str | None,
        verdict: dict,
        source: str,
        created_at: str | None = None,
        memo: dict | None = None,
    ) -> dict:
        redactor = self.redactor
        versions = dict(verdict.get("versions", {}))
        versions["service"] = SERVICE_SCHEMA
        return {
            "created_at": created_at or now_iso(),
            "source": source,
            "text": redactor.text(text),
            "sender_key": redactor.phone_value(sender, memo)
            if sender and phone_digits(sender)
            else None,
            "risk": verdict["risk"],
            "score": float(verdict.get("score", 0.0)),
            "verdict": redactor.verdict_json(verdict, memo),
            "versions": json.dumps(versions, ensure_ascii=False),
        }

    @staticmethod
    def _insert(db: Database, table: str, row: dict) -> int:
        # Plain SQL on the hot path: sqlite-utils' insert() inspects the table on every call, which
        # was a third of the cost of a stored check under load (benchmarks/load.py).
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        cursor = db.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
        return int(cursor.lastrowid)

    def _add_indicators(self, db: Database, indicators: list[Indicator], created_at: str, **owner) -> None:
        [(owner_column, owner_id)] = owner.items()
        db.conn.executemany(
            f"INSERT INTO indicators (kind, value, created_at, {owner_column}) VALUES (?, ?, ?, ?)",
            [(i.kind, i.value, created_at, owner_id) for i in indicators],
        )

    def new_check_id(self) -> int:
        """A check id no other process or thread will use (reserved in blocks in ``id_blocks``).

        Every check row gets its id from here, so a row written later by the batch writer can never
        collide with one written meanwhile. Raises ``sqlite3.Error`` when a block cannot be reserved.
        """
        with self._ids_lock:
            pid, next_id, end = self._ids
            if pid != os.getpid() or next_id >= end:  # after fork, never reuse the parent's block
                next_id = self._reserve_ids(CHECK_ID_BLOCK)
                end = next_id + CHECK_ID_BLOCK
            self._ids = (os.getpid(), next_id + 1, end)
            return next_id

    def _reserve_ids(self, count: int) -> int:
        with self.immediate() as db:
            row = db.conn.execute(
                """SELECT max(coalesce((SELECT next_id FROM id_blocks WHERE name = 'checks'), 1),
                              coalesce((SELECT max(id) FROM checks), 0) + 1)"""
            ).fetchone()
            first = int(row[0])
            db.conn.execute(
                "INSERT INTO id_blocks (name, next_id) VALUES ('checks', ?) "
                "ON CONFLICT (name) DO UPDATE SET next_id = excluded.next_id",
                [first + count],
            )
        return first

    def check_row(
        self, text: str, verdict: dict, *, sender: str | None, source: str, check_id: int, created_at: str
    ) -> tuple[dict, list[Indicator]]:
        """The redacted ``checks`` row and the indicators of one check (what ``write_checks`` takes)."""
        memo: dict = {}  # each phone number hashed once for the row and its indicators
        row = {"id": check_id} | self._row(text, sender, verdict, source, created_at, memo)
        return row, self.redactor.indicators(verdict, sender, memo)

    def write_checks(self, rows: list[tuple[dict, list[Indicator]]]) -> None:
        """Store checks built by ``check_row`` in one transaction: all of them, or none."""
        if not rows:
            return
        columns = list(rows[0][0])
        names, marks = ", ".join(columns), ", ".join("?" * len(columns))
        with self.immediate() as db:
            db.conn.executemany(
                f"INSERT INTO checks ({names}) VALUES ({marks})",
                [[row[c] for c in columns] for row, _ in rows],
            )
            db.conn.executemany(
                "INSERT INTO indicators (kind, value, created_at, check_id) VALUES (?, ?, ?, ?)",
                [
                    (i.kind, i.value, row["created_at"], row["id"])
                    for row, indicators in rows
                    for i in indicators
                ],
            )

    def record_check(
        self, text: str, verdict: dict, *, sender: str | None = None, source: str = "web"
    ) -> int:
        """Store one check now (committed on return); returns its id."""
        check_id = self.new_check_id()
        self.write_checks(
            [
                self.check_row(
                    text, verdict, sender=sender, source=source, check_id=check_id, created_at=now_iso()
                )
            ]
        )
        return check_id

    def start_check_queue(self, **options):
        """Write checks from now on in batches, from a background thread of each process."""
        from .check_queue import CheckQueue

        self.check_queue = CheckQueue(self, **options)
        return self.check_queue

    def record_report(
        self,
        text: str,
        verdict: dict,
        *,
        sender: str | None = None,
        source: str = "web",
        label: str | None = None,
        channel: str | None = None,
    ) -> int:
        row = self._row(text, sender, verdict, source) | {"label": label, "channel": channel}
        indicators = self.redactor.indicators(verdict, sender)
        with self.immediate() as db:
            report_id = self._insert(db, "reports", row)
            self._add_indicators(db, indicators, row["created_at"], report_id=report_id)
        return int(report_id)

    def record_outcome(self, *, agent_id: int, text: str, label: str, note: str, check_id: int | None) -> int:
        row = {
            "created_at": iso(utcnow()),
            "agent_id": agent_id,
            "check_id": check_id,
            "label": label,
            "note": self.redactor.text(note),
            "text": self.redactor.text(text),
        }
        with self.immediate() as db:
            return int(db["outcomes"].insert(row).last_pk)

    def purge(self, retention_days: int, *, now: datetime | None = None) -> int:
        """Delete checks older than ``retention_days`` (reports and labelled outcomes are kept)."""
        cutoff = iso((now or utcnow()) - timedelta(days=retention_days))
        with self.immediate() as db:
            db.execute(
                "DELETE FROM indicators WHERE check_id IN (SELECT id FROM checks WHERE created_at < ?)",
                [cutoff],
            )
            deleted = db.execute("DELETE FROM checks WHERE created_at < ?", [cutoff]).rowcount
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return int(deleted)

    # -- reads ---------------------------------------------------------------------------------

    def lookup(self, indicators: list[Indicator], *, examples: int = 5) -> list[dict]:
        """For each indicator: earlier checks and reports matching it, first/last seen, latest examples."""
        results = []
        for indicator in indicators:
            args = [indicator.kind, indicator.value]
            stats = self.db.execute(
                """SELECT count(check_id), count(report_id), min(created_at), max(created_at)
                   FROM indicators WHERE kind = ? AND value = ?""",
                args,
            ).fetchone()
            latest = self.db.execute(
                """SELECT coalesce(r.created_at, c.created_at) AS created_at,
                          CASE WHEN r.id IS NULL THEN 'check' ELSE 'report' END AS source,
                          coalesce(r.text, c.text) AS text, coalesce(r.risk, c.risk) AS risk,
                          r.label AS label
                   FROM indicators i
                   LEFT JOIN checks c ON c.id = i.check_id
                   LEFT JOIN reports r ON r.id = i.report_id
                   WHERE i.kind = ? AND i.value = ? AND (c.id IS NOT NULL OR r.id IS NOT NULL)
                   ORDER BY i.created_at DESC, i.id DESC LIMIT ?""",
                [*args, examples],
            ).fetchall()
            results.append(
                {
                    "kind": indicator.kind,
                    "value": indicator.value,
                    "checks": stats[0],
                    "reports": stats[1],
                    "first_seen": stats[2],
                    "last_seen": stats[3],
                    "examples": [
                        dict(zip(("created_at", "source", "text", "risk", "label"), row, strict=True))
                        for row in latest
                    ],
                }
            )
        return results

    def search_reports(self, query: str, *, limit: int = 20) -> list[dict]:
        """Reports containing ``query``: trigram FTS for 3+ characters, LIKE for shorter queries."""
        # NUL and other control characters make SQLite's FTS reject the query; they never match text.
        query = strip_invisible(query).strip()
        if not query:
            return []
        columns = ["id", "created_at", "source", "channel", "label", "risk", "text"]
        if len(query) >= 3:
            return list(
                self.db["reports"].search(query, columns=columns, limit=limit, quote=True, order_by="id desc")
            )
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return list(
            self.db["reports"].rows_where(
                "text LIKE ? ESCAPE '\\'",
                [f"%{escaped}%"],
                select=", ".join(columns),
                order_by="id desc",
                limit=limit,
            )
        )

    def top_indicators(
        self, kind: str, *, days: int = 7, limit: int = 10, now: datetime | None = None
    ) -> list[dict]:
        since = iso((now or utcnow()) - timedelta(days=days))
        rows = self.db.execute(
            """SELECT value, count(report_id) AS reports, count(check_id) AS checks, max(created_at)
               FROM indicators WHERE kind = ? AND created_at >= ?
               GROUP BY value HAVING count(report_id) > 0
               ORDER BY reports DESC, checks DESC, value LIMIT ?""",
            [kind, since, limit],
        ).fetchall()
        return [dict(zip(("value", "reports", "checks", "last_seen"), row, strict=True)) for row in rows]

    def per_day(self, *, days: int = 7, now: datetime | None = None) -> list[dict]:
        """Checks and reports per UTC day for the last ``days`` days (oldest first, zero-filled)."""
        today = (now or utcnow()).astimezone(UTC).date()
        first = today - timedelta(days=days - 1)
        counts: dict[str, dict] = {
            (first + timedelta(days=n)).isoformat(): {"checks": 0, "reports": 0} for n in range(days)
        }
        for table in ("checks", "reports"):
            for day, count in self.db.execute(
                f"SELECT substr(created_at, 1, 10), count(*) FROM {table} WHERE created_at >= ? GROUP BY 1",
                [first.isoformat()],
            ):
                if day in counts:
                    counts[day][table] = count
        return [{"day": day, **values} for day, values in counts.items()]

    def reports_between(self, start: date, end: date) -> Iterator[dict]:
        """Reports created from ``start`` to ``end`` inclusive (UTC days), oldest first."""
        yield from self.db["reports"].rows_where(
            "created_at >= ? AND created_at < ?",
            [start.isoformat(), (end + timedelta(days=1)).isoformat()],
            select="id, created_at, source, channel, label, risk, score, text",
            order_by="id",
        )

    def labelled(self) -> Iterator[dict]:
        """Labelled messages for retraining: agents' call outcomes, then labelled reports."""
        yield from self.db.query(
            "SELECT text, label FROM outcomes WHERE label IN ('smishing', 'spam', 'ham') ORDER BY id"
        )
        yield from self.db.query(
            "SELECT text, label FROM reports WHERE label IN ('smishing', 'spam', 'ham') ORDER BY id"
        )

    # -- agents --------------------------------------------------------------------------------

    def create_agent(self, name: str) -> str:
        """Create an agent and return the generated password (shown once, stored hashed)."""
        password = secrets.token_urlsafe(12)
        with self.immediate() as db:
            if db["agents"].count_where("name = ?", [name]):
                raise ValueError(f"agent {name!r} exists")
            db["agents"].insert(
                {
                    "name": name,
                    "password_hash": generate_password_hash(password, method="scrypt"),
                    "disabled": 0,
                    "created_at": iso(utcnow()),
                }
            )
        return password

    def verify_agent(self, name: str, password: str) -> dict | None:
        rows = list(self.db["agents"].rows_where("name = ? AND disabled = 0", [name]))
        if not rows or not check_password_hash(rows[0]["password_hash"], password):
            return None
        with self.immediate() as db:
            db["agents"].update(rows[0]["id"], {"last_login_at": iso(utcnow())})
        return rows[0]

    def agent(self, agent_id: int) -> dict | None:
        rows = list(self.db["agents"].rows_where("id = ? AND disabled = 0", [agent_id]))
        return rows[0] if rows else None

    def list_agents(self) -> list[dict]:
        return list(self.db["agents"].rows_where(select="id, name, disabled, created_at, last_login_at"))

    def disable_agent(self, name: str) -> bool:
        with self.immediate() as db:
            return db.execute("UPDATE agents SET disabled = 1 WHERE name = ?", [name]).rowcount > 0

    # -- API keys ------------------------------------------------------------------------------

    @staticmethod
    def _key_hash(key: str) -> str:
        # A plain sha256 is enough: the key has 256 bits of entropy, so there is nothing to brute-force.
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def create_api_key(self, name: str) -> str:
        key = API_KEY_PREFIX + secrets.token_urlsafe(32)
        with self.immediate() as db:
            db["api_keys"].insert(
                {
                    "name": name,
                    "prefix": key[:10],
                    "key_hash": self._key_hash(key),
                    "created_at": iso(utcnow()),
                }
            )
        return key

    def api_key(self, key: str) -> dict | None:
        """The active key row for ``key``, or None (unknown or revoked)."""
        cursor = self.db.conn.execute(
            "SELECT * FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL", [self._key_hash(key)]
        )
        row = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None

    def list_api_keys(self) -> list[dict]:
        return list(self.db["api_keys"].rows_where(select="id, name, prefix, created_at, revoked_at"))

    def revoke_api_key(self, name_or_prefix: str) -> int:
        with self.immediate() as db:
            return db.execute(
                "UPDATE api_keys SET revoked_at = ? WHERE revoked_at IS NULL AND (name = ? OR prefix = ?)",
                [iso(utcnow()), name_or_prefix, name_or_prefix],
            ).rowcount
