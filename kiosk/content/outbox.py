"""The sign-up outbox: every sign-up is on disk, durably, before the visitor is told it is recorded.

SQLite in WAL mode with ``synchronous=FULL``: a committed sign-up survives a crash or a power
cut. The file holds personal data, so it is created with mode 0600 (and put back to 0600 if it
was not). A sign-up stays until it is delivered (then deleted), exported (then deleted), or
purged after a number of days. Nothing here logs a name, an e-mail or a phone number: only
counts, idempotency keys (random) and error kinds.
"""

from __future__ import annotations

import contextlib
import csv
import logging
import os
import random
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from kiosk.content.signup import Signup

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
CSV_FIELDS = (
    "id", "created_at", "event_id", "event_title", "event_start", "first_name", "email", "phone", "people", "kiosk",
)  # fmt: skip

_SCHEMA = """
CREATE TABLE IF NOT EXISTS signups (
    key TEXT PRIMARY KEY,
    kiosk_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_title TEXT NOT NULL,
    event_start TEXT NOT NULL,
    first_name TEXT NOT NULL,
    email TEXT NOT NULL,
    phone TEXT NOT NULL,
    people INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS signups_due ON signups (next_attempt_at);
"""


_SELECT = (
    "SELECT key, kiosk_id, event_id, event_title, event_start, first_name, email, phone, people,"
    " created_at, attempts, next_attempt_at FROM signups"
)


def _stamp(moment: datetime) -> str:
    """UTC, fixed width: the text sorts as the time does."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def create_private(path: Path) -> None:
    """Create ``path`` readable by its owner only (or put an existing file back to 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    path.chmod(0o600)


@dataclass(frozen=True)
class Backoff:
    """Delay before retry n (0-based): base * 2**n, with ±jitter, never above ``cap``."""

    base: timedelta = timedelta(seconds=30)
    cap: timedelta = timedelta(hours=1)
    jitter: float = 0.2
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def delay(self, attempts: int) -> timedelta:
        raw = self.base.total_seconds() * (2 ** min(attempts, 30))
        spread = 1 + self.jitter * (2 * self.rng.random() - 1)
        return timedelta(seconds=min(self.cap.total_seconds(), raw * spread))


@dataclass(frozen=True, slots=True)
class Pending:
    signup: Signup
    attempts: int
    next_attempt_at: datetime


class Outbox:
    """The durable queue of sign-ups. Safe to use from several threads (one connection per call)."""

    def __init__(self, path: Path, backoff: Backoff | None = None) -> None:
        self.path = path
        self.backoff = backoff or Backoff()
        self._lock = threading.Lock()
        create_private(path)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.chmod(0o600)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA busy_timeout=10000")
            yield db
        finally:
            db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------------

    def add(self, signup: Signup) -> bool:
        """Store ``signup`` durably (committed and synced when this returns); False if its key is there already."""
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO signups (key, kiosk_id, event_id, event_title, event_start, first_name, email,"
                " phone, people, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    signup.key,
                    signup.kiosk_id,
                    signup.event_id,
                    signup.event_title,
                    _stamp(signup.event_start),
                    signup.first_name,
                    signup.email,
                    signup.phone,
                    signup.people,
                    _stamp(signup.created_at),
                    _stamp(signup.created_at),
                ),
            )
            added = cursor.rowcount == 1
        log.info("sign-up %s %s", signup.key, "stored in the outbox" if added else "was already in the outbox")
        return added

    def mark_delivered(self, key: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM signups WHERE key = ?", (key,))

    def record_failure(self, key: str, now: datetime, reason: str) -> datetime:
        """Count a failed delivery and schedule the next one (exponential backoff, jitter, capped)."""
        with self._transaction() as db:
            row = db.execute("SELECT attempts FROM signups WHERE key = ?", (key,)).fetchone()
            attempts = row[0] if row else 0
            next_at = now + self.backoff.delay(attempts)
            db.execute(
                "UPDATE signups SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE key = ?",
                (_stamp(next_at), reason[:200], key),
            )
        return next_at

    def remove(self, keys: Sequence[str]) -> int:
        with self._transaction() as db:
            return sum(db.execute("DELETE FROM signups WHERE key = ?", (k,)).rowcount for k in keys)

    def purge(self, now: datetime, older_than_days: int) -> int:
        """Delete sign-ups made more than ``older_than_days`` ago; the count is returned and logged."""
        limit = now - timedelta(days=older_than_days)
        with self._transaction() as db:
            count = db.execute("DELETE FROM signups WHERE created_at < ?", (_stamp(limit),)).rowcount
        if count:
            log.warning("purged %d undelivered sign-up(s) older than %d days", count, older_than_days)
        else:
            log.info("no sign-up older than %d days to purge", older_than_days)
        return count

    # -- reading ---------------------------------------------------------------------------------

    def count(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT COUNT(*) FROM signups").fetchone()[0])

    def due(self, now: datetime, limit: int = 50) -> list[Pending]:
        """Sign-ups whose next attempt is due, oldest first."""
        return self._select(
            "WHERE next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?", (_stamp(now), limit)
        )

    def pending(self) -> list[Pending]:
        return self._select("ORDER BY created_at", ())

    def next_due(self) -> datetime | None:
        with self._connect() as db:
            row = db.execute("SELECT MIN(next_attempt_at) FROM signups").fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def _select(self, tail: str, params: tuple[object, ...]) -> list[Pending]:
        with self._connect() as db:
            query = _SELECT + " " + tail  # the tail is one of ours; values are bound
            rows = db.execute(query, params).fetchall()
        return [
            Pending(
                Signup(
                    key=r[0],
                    kiosk_id=r[1],
                    event_id=r[2],
                    event_title=r[3],
                    event_start=datetime.fromisoformat(r[4]),
                    first_name=r[5],
                    email=r[6],
                    phone=r[7],
                    people=int(r[8]),
                    created_at=datetime.fromisoformat(r[9]),
                ),
                int(r[10]),
                datetime.fromisoformat(r[11]),
            )
            for r in rows
        ]

    # -- export ----------------------------------------------------------------------------------

    def export_to(self, path: Path) -> int:
        """Write the pending sign-ups to ``path`` (0600, whole or not at all), then remove exactly those.

        Nothing is removed when the file cannot be written. Returns how many were exported.
        """
        keys: list[str] = []
        write_private(path, lambda out: keys.extend(self.export_csv(out)))
        return self.remove(keys)

    def export_csv(self, out: TextIO) -> list[str]:
        """Write every pending sign-up to ``out`` as CSV; returns their keys, for ``remove`` once it is safe."""
        rows = self.pending()
        writer = csv.writer(out)
        writer.writerow(CSV_FIELDS)
        for p in rows:
            s = p.signup
            writer.writerow(
                [
                    s.key,
                    s.created_at.isoformat(),
                    s.event_id,
                    _no_formula(s.event_title),
                    s.event_start.isoformat(),
                    _no_formula(s.first_name),
                    _no_formula(s.email),
                    s.phone,  # checked: digits and a leading +
                    s.people,
                    s.kiosk_id,
                ]
            )
        return [p.signup.key for p in rows]


def write_private(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write through a 0600 temporary file in the same folder, synced, then renamed over ``path``."""
    path = path.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


def _no_formula(text: str) -> str:
    """A spreadsheet must not run what a visitor or a source typed (``=HYPERLINK(...)``)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
