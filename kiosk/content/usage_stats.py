"""Anonymous usage statistics: how many times, per hour, each thing was used. Nothing else.

A row says "between 10:00 and 11:00 UTC on 2026-12-01, the programme screen was shown 14 times". There is
no visitor id, no session id, no free text and no time finer than the hour, so no row and no set of rows
can follow one person through the kiosk. Keys come from a closed vocabulary (screen names, categories,
languages, the three feedback faces) or are content ids (an event, a place, an activity: content, not
people); anything else is refused before it is counted.

Counting happens on the GUI thread in memory (``UsageRecorder.count``: a lock and a dict); the counts are
written to SQLite in the data folder by ``flush``, which the service runs in a worker every minute and at
exit. A crash loses at most the last minute's counts.
"""

from __future__ import annotations

import csv
import logging
import re
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

#: What is counted; the key's meaning is given for each kind.
KINDS = {
    "screen": "a screen shown (its name)",
    "event": "an event's page opened (the event id)",
    "place": "a place's detail opened (the place id)",
    "filter": "a filter chosen (programme:<category>, map:<category> or map:radius:<metres>)",
    "qr": "a QR code shown (link, email, phone or route)",
    "signup": "a sign-up made on the kiosk (no key)",
    "activity_start": "a discovery activity started (the activity id)",
    "activity_finish": "a discovery activity finished (the activity id)",
    "language": "a language chosen (fr, en, nl)",
    "text_size": "a text size chosen (100%, 150%, 200%)",
    "contrast": "high contrast switched (on, off)",
    "session": "a visit: from the first touch to the reset (no key)",
    "session_length": "a visit's length, from the first to the last touch, bucketed",
    "feedback": "« Ce kiosque vous a-t-il été utile ? » answered (yes, so-so, no)",
}
FEEDBACK = ("yes", "so-so", "no")
#: Upper bounds in seconds (None: no bound) and their names.
LENGTH_BUCKETS: tuple[tuple[float | None, str], ...] = (
    (30, "0-30s"),
    (120, "30s-2min"),
    (300, "2-5min"),
    (900, "5-15min"),
    (None, "15min+"),
)
KEY = re.compile(r"^[A-Za-z0-9_.:%+\-]{0,100}$")  # ids and names: no spaces, no @, nothing that reads as text
CSV_COLUMNS = ("hour_utc", "kind", "key", "count")

SCHEMA = """
CREATE TABLE IF NOT EXISTS usage_hour (
    hour TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (hour, kind, key)
);
"""


def length_bucket(seconds: float) -> str:
    for bound, name in LENGTH_BUCKETS:
        if bound is None or seconds < bound:
            return name
    return LENGTH_BUCKETS[-1][1]


def hour_of(moment: datetime) -> str:
    """The UTC hour a moment falls in, as ``2026-12-01T09:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:00Z")


def _parse_hour(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:00Z").replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class WeekSummary:
    """What the staff panel draws: the last days, oldest first."""

    days: tuple[date, ...]
    sessions: tuple[int, ...]
    feedback: tuple[tuple[str, int], ...]  # (face, count) in FEEDBACK order
    totals: dict[str, tuple[tuple[str, int], ...]]  # kind -> (key, count), most first


class UsageStats:
    """The counts in SQLite at ``path`` (created on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=10)) as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            with db:
                yield db

    def add(self, counts: Counter[tuple[str, str, str]]) -> None:
        """Add ``(hour, kind, key) -> n`` in one transaction."""
        if not counts:
            return
        with self._db() as db:
            db.executemany(
                "INSERT INTO usage_hour (hour, kind, key, count) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (hour, kind, key) DO UPDATE SET count = count + excluded.count",
                [(hour, kind, key, n) for (hour, kind, key), n in counts.items()],
            )

    def rows(self, since: datetime | None = None) -> list[tuple[str, str, str, int]]:
        first = hour_of(since) if since else ""
        with self._db() as db:
            found = db.execute(
                "SELECT hour, kind, key, count FROM usage_hour WHERE hour >= ? ORDER BY hour, kind, key", (first,)
            ).fetchall()
        return [(str(h), str(k), str(key), int(n)) for h, k, key, n in found]

    def purge(self, before: datetime) -> int:
        with self._db() as db:
            return db.execute("DELETE FROM usage_hour WHERE hour < ?", (hour_of(before),)).rowcount

    def write_csv(self, out: TextIO, since: datetime | None = None) -> int:
        """One line per hour, kind and key: ``hour_utc,kind,key,count``."""
        rows = self.rows(since)
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(rows)
        return len(rows)

    def totals(self, since: datetime) -> dict[str, dict[str, int]]:
        """kind -> key -> count since ``since``."""
        result: dict[str, dict[str, int]] = {}
        for _, kind, key, n in self.rows(since):
            result.setdefault(kind, {})
            result[kind][key] = result[kind].get(key, 0) + n
        return result

    def week(self, today: date, tz: tzinfo, days: int = 7) -> WeekSummary:
        """Sessions per local day over the last ``days`` days (today included), feedback and totals."""
        first = today - timedelta(days=days - 1)
        since = datetime.combine(first, datetime.min.time(), tz)
        per_day: Counter[date] = Counter()
        totals: dict[str, Counter[str]] = {}
        for hour, kind, key, n in self.rows(since):
            if kind == "session":
                per_day[_parse_hour(hour).astimezone(tz).date()] += n
            totals.setdefault(kind, Counter())[key] += n
        span = tuple(first + timedelta(days=i) for i in range(days))
        feedback = totals.get("feedback", Counter())
        return WeekSummary(
            days=span,
            sessions=tuple(per_day[d] for d in span),
            feedback=tuple((face, feedback[face]) for face in FEEDBACK),
            totals={kind: tuple(c.most_common()) for kind, c in totals.items()},
        )


class UsageRecorder:
    """Counts in memory (cheap, any thread), written to ``UsageStats`` by ``flush``."""

    def __init__(self, stats: UsageStats, clock: Callable[[], datetime]) -> None:
        self.stats = stats
        self._clock = clock
        self._lock = threading.Lock()
        self._pending: Counter[tuple[str, str, str]] = Counter()

    def count(self, kind: str, key: str = "", at: datetime | None = None) -> bool:
        """Count one ``kind`` (with ``key``) in the hour of ``at`` (default: now); False if refused."""
        if kind not in KINDS or not KEY.match(key):
            log.warning("usage: refused a count of kind %r (not in the vocabulary, or a key that is not an id)", kind)
            return False
        with self._lock:
            self._pending[(hour_of(at or self._clock()), kind, key)] += 1
        return True

    @property
    def pending(self) -> int:
        with self._lock:
            return sum(self._pending.values())

    def flush(self) -> int:
        """Write what was counted since the last flush; on failure the counts are kept for the next one."""
        with self._lock:
            taken, self._pending = self._pending, Counter()
        try:
            self.stats.add(taken)
        except (sqlite3.Error, OSError):
            with self._lock:
                self._pending.update(taken)
            raise
        return sum(taken.values())


def recent_totals(stats: UsageStats, now: datetime, hours: int = 24) -> dict[str, dict[str, int]]:
    """The counts of the last ``hours`` hours, for the heartbeat."""
    return stats.totals(now - timedelta(hours=hours))
