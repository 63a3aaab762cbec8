"""The outbox keeps sign-ups durably and privately, and lets them go only once they are safe elsewhere."""

from __future__ import annotations

import csv
import io
import logging
import random
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.content.outbox import Backoff, Outbox
from tests.conftest import FakeClock
from tests.signups.helpers import EMAIL, NAME, PHONE, signup


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_file_is_private_wal_and_synced(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "signups.sqlite"
    outbox = Outbox(path)
    reader = sqlite3.connect(path)  # an open reader keeps the -wal and -shm files there
    reader.execute("SELECT COUNT(*) FROM signups").fetchone()
    outbox.add(signup(clock.now))
    assert mode(path) == 0o600
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        assert mode(side) == 0o600, side
    assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reader.close()


def test_an_existing_file_is_made_private_again(tmp_path: Path) -> None:
    path = tmp_path / "signups.sqlite"
    path.touch(mode=0o644)
    path.chmod(0o644)
    Outbox(path)
    assert mode(path) == 0o600


def test_add_is_idempotent_and_due_follows_the_schedule(tmp_path: Path, clock: FakeClock) -> None:
    outbox = Outbox(tmp_path / "o.sqlite", Backoff(timedelta(seconds=10), timedelta(minutes=5), jitter=0))
    first = signup(clock.now)
    assert outbox.add(first)
    assert not outbox.add(first)  # a double tap stores one sign-up
    assert outbox.count() == 1
    [pending] = outbox.due(clock.now)
    assert pending.signup == first and pending.attempts == 0
    next_at = outbox.record_failure(first.key, clock.now, "HTTP 500")
    assert next_at == clock.now + timedelta(seconds=10)
    assert outbox.due(clock.now) == []
    assert outbox.due(clock.now + timedelta(seconds=10))[0].attempts == 1
    delays = [outbox.record_failure(first.key, clock.now, "timeout") - clock.now for _ in range(8)]
    assert delays[:4] == [timedelta(seconds=s) for s in (20, 40, 80, 160)]
    assert max(delays) == timedelta(minutes=5)  # capped
    outbox.mark_delivered(first.key)
    assert outbox.count() == 0


def test_backoff_jitter_stays_within_bounds() -> None:
    backoff = Backoff(timedelta(seconds=30), timedelta(hours=1), jitter=0.2, rng=random.Random(7))
    for attempt in range(12):
        seconds = backoff.delay(attempt).total_seconds()
        nominal = min(3600.0, 30 * 2**attempt)
        assert 0.8 * nominal - 1e-6 <= seconds <= min(3600.0, 1.2 * nominal) + 1e-6
    spread = {backoff.delay(3) for _ in range(20)}
    assert len(spread) > 1  # jittered: kiosks that failed together do not retry together


def test_purge_counts_and_logs_no_personal_data(
    tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    outbox = Outbox(tmp_path / "o.sqlite")
    for days in (40, 31, 29, 1):
        outbox.add(signup(clock.now - timedelta(days=days)))
    assert outbox.purge(clock.now, 30) == 2
    assert outbox.count() == 2
    assert outbox.purge(clock.now, 30) == 0
    assert "purged 2 undelivered sign-up(s) older than 30 days" in caplog.text
    for secret in (NAME, EMAIL, PHONE, "698765432"):
        assert secret not in caplog.text


def test_csv_export_then_remove(tmp_path: Path, clock: FakeClock) -> None:
    outbox = Outbox(tmp_path / "o.sqlite")
    hostile = signup(clock.now)
    hostile = type(hostile)(**{**{f: getattr(hostile, f) for f in hostile.__slots__}, "first_name": "=HYPERLINK(1)"})
    outbox.add(hostile)
    outbox.add(signup(clock.now + timedelta(minutes=1), people=3))
    out = io.StringIO()
    keys = outbox.export_csv(out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["id"] for r in rows] == keys and len(keys) == 2
    assert rows[0]["first_name"] == "'=HYPERLINK(1)"  # a spreadsheet shows it, never runs it
    assert rows[1]["first_name"] == NAME and rows[1]["email"] == EMAIL and rows[1]["people"] == "3"
    assert rows[1]["event_title"] == "Atelier réparation vélo"
    outbox.add(signup(clock.now + timedelta(minutes=2)))  # arrives after the export: not removed
    assert outbox.remove(keys) == 2
    assert outbox.count() == 1


def test_a_committed_sign_up_survives_a_new_process(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "o.sqlite"
    one = signup(clock.now)
    Outbox(path).add(one)
    assert [p.signup for p in Outbox(path).pending()] == [one]
