"""Anonymous statistics of the discovery activities: counts per activity, step and day, nothing else.

No team name, no answer given, no time finer than the day: a row says "on 2026-12-01, activity X was
started 4 times and finished 3 times; its step 2 was answered 4 times, right first time 3 times".
That is enough for staff to see which activities are played and which questions are too hard, and
it holds nothing about a child. Stored in SQLite in the data folder, so a crash loses at most the
last count.
"""

from __future__ import annotations

import csv
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS activity_day (
    day TEXT NOT NULL,
    activity TEXT NOT NULL,
    started INTEGER NOT NULL DEFAULT 0,
    finished INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, activity)
);
CREATE TABLE IF NOT EXISTS step_day (
    day TEXT NOT NULL,
    activity TEXT NOT NULL,
    step INTEGER NOT NULL,
    kind TEXT NOT NULL,
    answered INTEGER NOT NULL DEFAULT 0,
    right_first_time INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, activity, step)
);
"""

CSV_COLUMNS = ("day", "activity", "started", "finished", "step", "kind", "answered", "right_first_time")


@dataclass(frozen=True, slots=True)
class StepStats:
    step: int  # the step's index in the activity, from 0
    kind: str
    answered: int
    right_first_time: int

    @property
    def success_rate(self) -> float | None:
        """The share of teams that found the right answer at their first try (None: never answered)."""
        return self.right_first_time / self.answered if self.answered else None


@dataclass(frozen=True, slots=True)
class ActivityStatsSummary:
    activity: str
    started: int
    finished: int
    steps: tuple[StepStats, ...]


class ActivityStats:
    """Counters in ``path`` (created on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=5)) as db:
            db.executescript(SCHEMA)
            with db:  # one transaction
                yield db

    def started(self, activity: str, day: date) -> None:
        self._count_activity(activity, day, "started")

    def finished(self, activity: str, day: date) -> None:
        self._count_activity(activity, day, "finished")

    def _count_activity(self, activity: str, day: date, column: str) -> None:
        assert column in ("started", "finished")
        with self._db() as db:
            db.execute(
                f"INSERT INTO activity_day (day, activity, {column}) VALUES (?, ?, 1) "  # noqa: S608 - a fixed column
                f"ON CONFLICT (day, activity) DO UPDATE SET {column} = {column} + 1",
                (day.isoformat(), activity),
            )

    def answered(self, activity: str, step: int, kind: str, *, right_first_time: bool, day: date) -> None:
        """One team's first answer to a question step (quiz, map or order)."""
        with self._db() as db:
            db.execute(
                "INSERT INTO step_day (day, activity, step, kind, answered, right_first_time) "
                "VALUES (?, ?, ?, ?, 1, ?) "
                "ON CONFLICT (day, activity, step) DO UPDATE SET answered = answered + 1, "
                "right_first_time = right_first_time + excluded.right_first_time, kind = excluded.kind",
                (day.isoformat(), activity, step, kind, int(right_first_time)),
            )

    def summary(self, since: date | None = None) -> list[ActivityStatsSummary]:
        """Totals per activity (from ``since``, inclusive), for the staff panel."""
        first = (since or date.min).isoformat()
        with self._db() as db:
            totals = db.execute(
                "SELECT activity, SUM(started), SUM(finished) FROM activity_day WHERE day >= ? "
                "GROUP BY activity ORDER BY activity",
                (first,),
            ).fetchall()
            steps = db.execute(
                "SELECT activity, step, MAX(kind), SUM(answered), SUM(right_first_time) FROM step_day "
                "WHERE day >= ? GROUP BY activity, step ORDER BY activity, step",
                (first,),
            ).fetchall()
        by_activity: dict[str, list[StepStats]] = {}
        for activity, step, kind, answered, right in steps:
            by_activity.setdefault(activity, []).append(StepStats(step, kind, answered, right))
        names = sorted({t[0] for t in totals} | set(by_activity))
        counts = {t[0]: (t[1], t[2]) for t in totals}
        return [
            ActivityStatsSummary(name, *counts.get(name, (0, 0)), steps=tuple(by_activity.get(name, ())))
            for name in names
        ]

    def write_csv(self, out: TextIO) -> int:
        """Every day's counts as CSV: one row per activity and day (``step`` empty), then one per step."""
        with self._db() as db:
            days = db.execute("SELECT day, activity, started, finished FROM activity_day").fetchall()
            steps = db.execute("SELECT day, activity, step, kind, answered, right_first_time FROM step_day").fetchall()
        rows: list[tuple[str, str, object, object, object, str, object, object]] = [
            (day, activity, started, finished, "", "", "", "") for day, activity, started, finished in days
        ]
        rows += [
            (day, activity, "", "", step, kind, answered, right) for day, activity, step, kind, answered, right in steps
        ]
        rows.sort(key=lambda r: (r[0], r[1], -1 if r[4] == "" else int(str(r[4]))))
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows(rows)
        return len(rows)
