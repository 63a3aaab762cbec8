"""Grouping by day in Roubaix time, across midnight and the clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from kiosk.content.model import Event, Text, occurrence_id
from kiosk.content.programme import categories_of, group_by_day, with_categories

PARIS = ZoneInfo("Europe/Paris")


def event(uid: str, start: datetime, hours: float = 2, categories: tuple[str, ...] = ()) -> Event:
    return Event(
        id=occurrence_id("t", uid, start),
        uid=uid,
        title=Text.of(uid),
        start=start,
        end=start + timedelta(hours=hours),
        source="t",
        categories=categories,
    )


def days_of(events: list[Event], now: datetime) -> dict[date, list[str]]:
    return {d.date: [e.uid for e in d.events] for d in group_by_day(events, now, PARIS)}


def test_late_evening_in_summer_time_stays_on_its_local_day() -> None:
    # 23:30 in Paris on Sat 24 October 2026 (summer time, UTC+2) is 21:30 UTC.
    now = datetime(2026, 10, 24, 8, 0, tzinfo=UTC)
    late = event("late", datetime(2026, 10, 24, 21, 30, tzinfo=UTC))
    # 00:30 in Paris on Mon 26 October (winter time, UTC+1) is 23:30 UTC on the 25th.
    after_change = event("after", datetime(2026, 10, 25, 23, 30, tzinfo=UTC))
    # During the repeated hour: 02:30 CET on the 25th, after the clocks went back (01:30 UTC).
    repeated_hour = event("repeat", datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    days = group_by_day([late, after_change, repeated_hour], now, PARIS)
    assert [(d.date, d.offset, [e.uid for e in d.events]) for d in days] == [
        (date(2026, 10, 24), 0, ["late"]),
        (date(2026, 10, 25), 1, ["repeat"]),
        (date(2026, 10, 26), 2, ["after"]),
    ]


def test_march_change_day_is_one_day_of_23_hours() -> None:
    now = datetime(2027, 3, 27, 22, 30, tzinfo=UTC)  # 23:30 CET on Saturday 27 March
    just_before_midnight = event("sat", datetime(2027, 3, 27, 22, 45, tzinfo=UTC), hours=0.25)
    sunday_morning = event("sun", datetime(2027, 3, 28, 8, 0, tzinfo=UTC))  # 10:00 CEST
    sunday_late = event("sun-late", datetime(2027, 3, 28, 21, 30, tzinfo=UTC))  # 23:30 CEST
    monday_early = event("mon", datetime(2027, 3, 28, 22, 30, tzinfo=UTC))  # 00:30 CEST on Monday
    assert days_of([monday_early, sunday_late, sunday_morning, just_before_midnight], now) == {
        date(2027, 3, 27): ["sat"],
        date(2027, 3, 28): ["sun", "sun-late"],
        date(2027, 3, 29): ["mon"],
    }


def test_an_event_under_way_since_yesterday_counts_for_today_and_past_ones_are_gone() -> None:
    now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    overnight = event("overnight", datetime(2026, 12, 1, 20, 0, tzinfo=UTC), hours=16)
    over = event("over", datetime(2026, 12, 2, 6, 0, tzinfo=UTC), hours=1)
    today = event("today", datetime(2026, 12, 2, 13, 0, tzinfo=UTC))
    days = group_by_day([today, over, overnight], now, PARIS)
    assert [(d.offset, [e.uid for e in d.events]) for d in days] == [(0, ["overnight", "today"])]


def test_days_beyond_the_window_are_left_out() -> None:
    now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    far = event("far", now + timedelta(days=90))
    near = event("near", now + timedelta(days=3))
    assert [d.offset for d in group_by_day([far, near], now, PARIS, days=60)] == [3]


def test_category_filters_and_chip_order() -> None:
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    a = event("a", start, categories=("atelier",))
    b = event("b", start, categories=("atelier", "fablab"))
    c = event("c", start, categories=("table-ronde",))
    assert categories_of([a, b, c]) == ["atelier", "fablab", "table-ronde"]
    assert [e.uid for e in with_categories([a, b, c], ["fablab", "table-ronde"])] == ["b", "c"]
    assert [e.uid for e in with_categories([a, b, c], [])] == ["a", "b", "c"]
