"""The staff PIN and the weekly schedule: pure logic, with injected clocks."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from kiosk.pin import PinGuard, check_hash_format, hash_pin, verify_pin
from kiosk.schedule import Slot, is_open, next_change, scheduled_mode

PARIS = ZoneInfo("Europe/Paris")


class Ticker:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("2468")


def test_hash_is_salted_and_verifies(stored: str) -> None:
    assert stored.startswith("scrypt$16384$8$1$")
    assert hash_pin("2468") != stored  # a new salt each time
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("2468", "scrypt$1$1$1$AAAA$AAAA")


@pytest.mark.parametrize("bad", ["1234", " 2468 ", "md5$abc", "scrypt$x"])
def test_only_real_hashes_are_accepted_in_the_config(bad: str) -> None:
    with pytest.raises(ValueError, match=r"plain PIN|not a PIN hash"):
        check_hash_format(bad)


def test_five_wrong_pins_lock_for_60_s_then_120_s(stored: str) -> None:
    clock = Ticker()
    guard = PinGuard(stored, clock)
    for _ in range(4):
        assert not guard.try_pin("0000")
    assert guard.seconds_locked() == 0
    assert not guard.try_pin("0000")
    assert guard.seconds_locked() == 60
    assert not guard.try_pin("2468")  # even the right PIN waits out the lock
    clock.now += 59
    assert not guard.try_pin("2468")
    clock.now += 1
    for _ in range(5):
        assert not guard.try_pin("1111")
    assert guard.seconds_locked() == 120  # doubled
    clock.now += 120
    assert guard.try_pin("2468")
    for _ in range(5):
        guard.try_pin("1111")
    assert guard.seconds_locked() == 60  # a success starts afresh


MORNINGS = [Slot(("tue", "thu"), time(9), time(12), "decouverte")]
OPEN = [Slot(("tue", "wed", "thu", "fri", "sat"), time(9, 30), time(18))]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=PARIS)  # 1 December 2026 is a Tuesday


def test_the_schedule_picks_the_mode() -> None:
    assert scheduled_mode(MORNINGS, "accueil", at(1, 8, 59)) == "accueil"
    assert scheduled_mode(MORNINGS, "accueil", at(1, 9)) == "decouverte"
    assert scheduled_mode(MORNINGS, "accueil", at(1, 12)) == "accueil"
    assert scheduled_mode(MORNINGS, "accueil", at(2, 10)) == "accueil"  # Wednesday
    assert scheduled_mode(MORNINGS, "accueil", at(3, 10)) == "decouverte"


def test_next_change_and_opening_hours() -> None:
    assert next_change(MORNINGS, at(1, 10)) == at(1, 12)
    assert next_change(MORNINGS, at(1, 13)) == at(3, 9)
    assert next_change([], at(1, 13)) is None
    assert is_open(OPEN, at(1, 10)) and not is_open(OPEN, at(1, 18, 30)) and not is_open(OPEN, at(6, 11))
    assert is_open([], at(6, 3))
