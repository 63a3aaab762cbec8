"""Which mode the kiosk is in at a given time, and whether the display should sleep.

A weekly schedule of time slots, each naming a mode; outside every slot, the default mode. A staff
switch overrides the schedule until the next scheduled change (the next slot boundary).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Slot:
    days: tuple[str, ...]
    start: time
    end: time
    mode: str = ""

    def contains(self, moment: datetime) -> bool:
        return DAYS[moment.weekday()] in self.days and self.start <= moment.time() < self.end


def scheduled_mode(slots: Sequence[Slot], default: str, moment: datetime) -> str:
    """The mode of the first slot containing ``moment`` (local time), else ``default``."""
    return next((s.mode for s in slots if s.contains(moment)), default)


def is_open(opening: Sequence[Slot], moment: datetime) -> bool:
    """True when no opening hours are set, or ``moment`` falls in one of them."""
    return not opening or any(s.contains(moment) for s in opening)


def next_change(slots: Sequence[Slot], moment: datetime, horizon_days: int = 8) -> datetime | None:
    """The next slot boundary after ``moment`` (when a staff override ends)."""
    boundaries: list[datetime] = []
    day0 = moment.date()
    for offset in range(horizon_days):
        day = day0 + timedelta(days=offset)
        for slot in slots:
            if DAYS[day.weekday()] in slot.days:
                for t in (slot.start, slot.end):
                    at = datetime.combine(day, t, moment.tzinfo)
                    if at > moment:
                        boundaries.append(at)
    return min(boundaries, default=None)
