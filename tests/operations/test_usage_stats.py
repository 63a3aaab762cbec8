"""Anonymous usage counts: per hour, per kind and key; nothing that could follow a visitor."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.content.usage_stats import UsageRecorder, UsageStats, hour_of, length_bucket
from tests.conftest import FakeClock

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def recorder(data_dir: Path, clock: FakeClock) -> UsageRecorder:
    return UsageRecorder(UsageStats(data_dir / "usage-stats.sqlite"), clock)


def test_counts_are_grouped_by_hour_kind_and_key(recorder: UsageRecorder, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 1, 9, 5, tzinfo=UTC)
    recorder.count("screen", "programme")
    clock.now += timedelta(minutes=50)  # 09:55: same hour
    recorder.count("screen", "programme")
    recorder.count("screen", "map")
    clock.now += timedelta(minutes=10)  # 10:05: the next hour
    recorder.count("screen", "programme")
    assert recorder.pending == 4
    assert recorder.stats.rows() == []  # nothing on disk before a flush
    assert recorder.flush() == 4
    assert recorder.stats.rows() == [
        ("2026-12-01T09:00Z", "screen", "map", 1),
        ("2026-12-01T09:00Z", "screen", "programme", 2),
        ("2026-12-01T10:00Z", "screen", "programme", 1),
    ]
    recorder.count("screen", "programme")
    recorder.flush()  # added to the hour's row, not a new row
    assert recorder.stats.rows()[-1] == ("2026-12-01T10:00Z", "screen", "programme", 2)


def test_only_the_vocabulary_and_id_like_keys_are_counted(recorder: UsageRecorder) -> None:
    assert not recorder.count("visitor", "42")
    assert not recorder.count("screen", "marie.dupont@example.org")
    assert not recorder.count("feedback", "c'était super, merci")
    assert recorder.count("feedback", "yes")
    assert recorder.pending == 1


def test_timestamps_are_truncated_to_the_hour(recorder: UsageRecorder, clock: FakeClock) -> None:
    clock.now = datetime(2026, 12, 1, 9, 37, 12, 345, tzinfo=UTC)
    recorder.count("signup")
    recorder.flush()
    with sqlite3.connect(recorder.stats.path) as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(usage_hour)")]
        hours = [row[0] for row in db.execute("SELECT hour FROM usage_hour")]
    assert columns == ["hour", "kind", "key", "count"]  # no id, no session, no text
    assert hours == ["2026-12-01T09:00Z"]
    assert hour_of(datetime(2026, 12, 1, 10, 59, tzinfo=PARIS)) == "2026-12-01T09:00Z"


@pytest.mark.parametrize(
    ("seconds", "bucket"), [(5, "0-30s"), (30, "30s-2min"), (119, "30s-2min"), (200, "2-5min"), (3600, "15min+")]
)
def test_session_lengths_are_bucketed(seconds: float, bucket: str) -> None:
    assert length_bucket(seconds) == bucket


def test_the_csv_export(recorder: UsageRecorder, clock: FakeClock) -> None:
    recorder.count("language", "nl")
    recorder.count("feedback", "so-so")
    clock.now += timedelta(hours=1)
    recorder.count("language", "nl")
    recorder.flush()
    out = io.StringIO()
    assert recorder.stats.write_csv(out) == 3
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows == [
        ["hour_utc", "kind", "key", "count"],
        ["2026-12-01T09:00Z", "feedback", "so-so", "1"],
        ["2026-12-01T09:00Z", "language", "nl", "1"],
        ["2026-12-01T10:00Z", "language", "nl", "1"],
    ]


def test_the_week_summary_counts_sessions_per_local_day(recorder: UsageRecorder, clock: FakeClock) -> None:
    # 23:30 UTC on Monday 30 November is 00:30 on Tuesday in Roubaix.
    for moment, n in ((datetime(2026, 11, 30, 10, tzinfo=UTC), 2), (datetime(2026, 11, 30, 23, 30, tzinfo=UTC), 1)):
        for _ in range(n):
            recorder.count("session", at=moment)
    recorder.count("session", at=datetime(2026, 11, 20, 10, tzinfo=UTC))  # too old for the week
    recorder.count("feedback", "yes")
    recorder.count("feedback", "yes")
    recorder.count("feedback", "no")
    recorder.flush()
    week = recorder.stats.week(date(2026, 12, 1), PARIS)
    assert len(week.days) == 7 and str(week.days[-1]) == "2026-12-01"
    assert week.sessions[-2:] == (2, 1)
    assert sum(week.sessions) == 3
    assert week.feedback == (("yes", 2), ("so-so", 0), ("no", 1))


def test_a_failed_flush_keeps_the_counts(recorder: UsageRecorder, tmp_path: Path) -> None:
    recorder.stats.path = tmp_path / "a-file"
    recorder.stats.path.write_text("")
    recorder.stats.path = recorder.stats.path / "not-a-folder.sqlite"
    recorder.count("signup")
    with pytest.raises((sqlite3.Error, OSError)):
        recorder.flush()
    assert recorder.pending == 1


def test_old_counts_are_purged(recorder: UsageRecorder, clock: FakeClock) -> None:
    recorder.count("signup", at=clock.now - timedelta(days=500))
    recorder.count("signup")
    recorder.flush()
    assert recorder.stats.purge(clock.now - timedelta(days=400)) == 1
    assert len(recorder.stats.rows()) == 1
