"""How the programme is arranged for visitors: by day, in the kiosk's time zone, with filters.

Kept free of Qt so the day arithmetic (midnight, clock changes) is tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.content.model import Event


@dataclass(frozen=True, slots=True)
class Day:
    date: date
    offset: int  # 0 today, 1 tomorrow, ...
    events: tuple[Event, ...]


def group_by_day(events: Iterable[Event], now: datetime, tz: ZoneInfo, days: int = 60) -> list[Day]:
    """Upcoming events (not yet over) by local day; an event already under way counts for today."""
    today = now.astimezone(tz).date()
    last = today + timedelta(days=days)
    buckets: dict[date, list[Event]] = {}
    for event in events:
        if event.end <= now:
            continue
        day = max(event.start.astimezone(tz).date(), today)
        if day > last:
            continue
        buckets.setdefault(day, []).append(event)
    return [
        Day(d, (d - today).days, tuple(sorted(evs, key=lambda e: (e.start, e.end))))
        for d, evs in sorted(buckets.items())
    ]


def with_categories(events: Iterable[Event], selected: Sequence[str]) -> list[Event]:
    """Events in any of the ``selected`` categories (all of them when none is selected)."""
    if not selected:
        return list(events)
    wanted = set(selected)
    return [e for e in events if wanted.intersection(e.categories)]


def categories_of(events: Iterable[Event]) -> list[str]:
    """The categories present, most frequent first: the chips the programme offers."""
    counts: dict[str, int] = {}
    for event in events:
        for category in event.categories:
            counts[category] = counts.get(category, 0) + 1
    return sorted(counts, key=lambda c: (-counts[c], c))
