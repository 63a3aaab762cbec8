"""The iCalendar source, against hand-written RFC 5545 fixtures: to the minute and to the character."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kiosk.content.model import Event, EventPlace, Registration, RegistrationType, Status, Text
from kiosk.content.sources.base import FeedError, ParseResult, Skipped, Window
from kiosk.content.sources.ical import ICalSource, parse_ical, read

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ical"
PARIS = ZoneInfo("Europe/Paris")
LONDON = ZoneInfo("Europe/London")
WINDOW = Window(datetime(2026, 10, 1, tzinfo=PARIS), datetime(2027, 5, 1, tzinfo=PARIS))


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def parse(name: str, window: Window = WINDOW, **options: object) -> ParseResult:
    return parse_ical(fixture(name), source="cal", window=window, **options)  # type: ignore[arg-type]


def of_uid(result: ParseResult, uid: str) -> list[Event]:
    return [e for e in result.events if e.uid == uid]


def one(result: ParseResult, uid: str) -> Event:
    (event,) = of_uid(result, uid)
    return event


def starts(events: list[Event]) -> list[str]:
    return [e.start.isoformat() for e in events]


# --- recurrences -------------------------------------------------------------------------------------


def test_weekly_rule_keeps_local_wall_time_across_both_clock_changes() -> None:
    events = of_uid(parse("recurring.ics"), "atelier-hebdo@live.test")
    by_start = {e.start.isoformat(): e for e in events}
    # 2026-10-25 (last Sunday of October): +02:00 -> +01:00; 2027-03-28: +01:00 -> +02:00
    for before, after in (
        ("2026-10-22T18:00:00+02:00", "2026-10-29T18:00:00+01:00"),
        ("2027-03-25T18:00:00+01:00", "2027-04-01T18:00:00+02:00"),
    ):
        assert before in by_start
        assert after in by_start
    assert by_start["2026-10-22T18:00:00+02:00"].start.utcoffset() == timedelta(hours=2)
    assert by_start["2026-10-29T18:00:00+01:00"].start.utcoffset() == timedelta(hours=1)
    assert by_start["2026-10-29T18:00:00+01:00"].end.isoformat() == "2026-10-29T20:00:00+01:00"
    # UNTIL=20270408T160000Z is 18:00 in Paris that day: the last occurrence is included
    assert events[-1].start.isoformat() == "2027-04-08T18:00:00+02:00"
    for event in events:
        if event.title.get("fr") == "Atelier du jeudi":
            assert (event.start.hour, event.start.minute) == (18, 0)
            assert event.end - event.start == timedelta(hours=2)


def test_the_whole_series_to_the_minute() -> None:
    """Every Thursday, minus an EXDATE, plus an RDATE, with one moved and one cancelled."""
    thursdays = []
    day = datetime(2026, 10, 15, 18, tzinfo=PARIS)
    while day <= datetime(2027, 4, 8, 18, tzinfo=PARIS):
        thursdays.append(day)
        day = (day + timedelta(days=7)).replace(tzinfo=PARIS)
    expected = [d for d in thursdays if d.date().isoformat() not in ("2026-11-05", "2026-11-12")]
    expected += [datetime(2026, 11, 3, 18, tzinfo=PARIS), datetime(2026, 11, 13, 19, tzinfo=PARIS)]
    events = of_uid(parse("recurring.ics"), "atelier-hebdo@live.test")
    assert starts(events) == [d.isoformat() for d in sorted(expected)]
    assert len(events) == 26


def test_exdate_in_utc_removes_an_occurrence_of_a_tzid_series() -> None:
    events = of_uid(parse("recurring.ics"), "atelier-hebdo@live.test")
    assert not [e for e in events if e.start.date().isoformat() == "2026-11-05"]
    assert "2026-10-29T18:00:00+01:00" in starts(events)  # its neighbours are still there
    assert "2026-11-26T18:00:00+01:00" in starts(events)


def test_rdate_adds_an_occurrence() -> None:
    events = of_uid(parse("recurring.ics"), "atelier-hebdo@live.test")
    (added,) = [e for e in events if e.start.date().isoformat() == "2026-11-03"]
    assert added.start.isoformat() == "2026-11-03T18:00:00+01:00"
    assert added.end.isoformat() == "2026-11-03T20:00:00+01:00"
    assert added.title == Text({"fr": "Atelier du jeudi"})


def test_recurrence_id_override_moves_an_occurrence_and_changes_its_title() -> None:
    events = of_uid(parse("recurring.ics"), "atelier-hebdo@live.test")
    assert not [e for e in events if e.start.date().isoformat() == "2026-11-12"]
    (moved,) = [e for e in events if e.start.date().isoformat() == "2026-11-13"]
    assert moved.start.isoformat() == "2026-11-13T19:00:00+01:00"
    assert moved.end.isoformat() == "2026-11-13T21:00:00+01:00"
    assert moved.title == Text({"fr": "Atelier du jeudi (exceptionnellement vendredi)"})
    assert moved.id == "cal:atelier-hebdo@live.test@2026-11-13T19:00:00+01:00"
    assert moved.uid == "atelier-hebdo@live.test"
    assert moved.status is Status.SCHEDULED


def test_a_cancelled_override_is_cancelled_and_the_rest_scheduled() -> None:
    events = of_uid(parse("recurring.ics"), "atelier-hebdo@live.test")
    cancelled = [e for e in events if e.status is Status.CANCELLED]
    assert [(e.start.isoformat(), e.title.get("fr")) for e in cancelled] == [
        ("2026-11-19T18:00:00+01:00", "Atelier du jeudi (annulé)")
    ]
    assert cancelled[0].place is None  # the override gave no LOCATION


def test_a_zone_defined_only_by_its_vtimezone_and_tentative_stays_scheduled() -> None:
    events = of_uid(parse("recurring.ics"), "custom-zone@live.test")
    assert [(e.start.isoformat(), e.end.isoformat()) for e in events] == [
        ("2026-10-20T10:00:00+02:00", "2026-10-20T11:30:00+02:00"),
        ("2026-10-27T10:00:00+01:00", "2026-10-27T11:30:00+01:00"),
    ]
    assert {e.status for e in events} == {Status.SCHEDULED}


def test_recurrences_are_expanded_only_within_the_window() -> None:
    window = Window(datetime(2026, 11, 1, tzinfo=PARIS), datetime(2026, 11, 27, tzinfo=PARIS))
    events = of_uid(parse("recurring.ics", window), "atelier-hebdo@live.test")
    assert starts(events) == [
        "2026-11-03T18:00:00+01:00",
        "2026-11-13T19:00:00+01:00",
        "2026-11-19T18:00:00+01:00",
        "2026-11-26T18:00:00+01:00",
    ]


def test_the_window_is_half_open_and_keeps_what_is_still_running() -> None:
    # the multi-day festival (Oct 24-26) is still running on Oct 26; the table ronde starts at the end
    window = Window(datetime(2026, 10, 20, 15, 30, tzinfo=PARIS), datetime(2026, 10, 26, tzinfo=PARIS))
    result = parse("times.ics", window)
    assert [e.uid for e in result.events] == [
        "no-end-datetime@live.test",
        "no-end-date@live.test",
        "multi-day@live.test",
    ]
    window = Window(datetime(2026, 10, 26, tzinfo=PARIS), datetime(2026, 10, 27, tzinfo=PARIS))
    assert [e.uid for e in parse("times.ics", window).events] == ["multi-day@live.test"]
    window = Window(datetime(2026, 10, 27, tzinfo=PARIS), datetime(2026, 10, 28, tzinfo=PARIS))
    assert parse("times.ics", window).events == []  # it ended at midnight, end exclusive
    # a zero-length event exactly at the window's start is kept, one at its end is not
    window = Window(datetime(2026, 10, 21, 11, tzinfo=PARIS), datetime(2026, 10, 21, 12, tzinfo=PARIS))
    assert [e.uid for e in parse("times.ics", window).events] == ["no-end-datetime@live.test"]
    window = Window(datetime(2026, 10, 21, 10, tzinfo=PARIS), datetime(2026, 10, 21, 11, tzinfo=PARIS))
    assert parse("times.ics", window).events == []


# --- start and end ----------------------------------------------------------------------------------


def test_duration_instead_of_dtend() -> None:
    event = one(parse("times.ics"), "duration@live.test")
    assert (event.start.isoformat(), event.end.isoformat()) == (
        "2026-10-20T14:00:00+02:00",
        "2026-10-20T15:30:00+02:00",
    )
    assert not event.all_day


def test_missing_dtend_with_a_date_time_ends_when_it_starts() -> None:
    event = one(parse("times.ics"), "no-end-datetime@live.test")
    assert event.start.isoformat() == event.end.isoformat() == "2026-10-21T11:00:00+02:00"
    assert not event.all_day


def test_missing_dtend_with_a_date_lasts_one_day() -> None:
    event = one(parse("times.ics"), "no-end-date@live.test")
    assert event.all_day
    assert (event.start.isoformat(), event.end.isoformat()) == (
        "2026-10-22T00:00:00+02:00",
        "2026-10-23T00:00:00+02:00",
    )
    assert event.start.tzinfo == PARIS
    assert event.id == "cal:no-end-date@live.test@2026-10-22T00:00:00+02:00"


def test_all_day_over_several_days_has_an_exclusive_end() -> None:
    event = one(parse("times.ics"), "multi-day@live.test")
    assert event.all_day
    # Oct 24, 25 and 26; the clocks go back in the night of the 25th
    assert (event.start.isoformat(), event.end.isoformat()) == (
        "2026-10-24T00:00:00+02:00",
        "2026-10-27T00:00:00+01:00",
    )
    event = one(parse("times.ics"), "all-day-duration@live.test")
    assert (event.all_day, event.start.isoformat(), event.end.isoformat()) == (
        True,
        "2026-11-28T00:00:00+01:00",
        "2026-11-30T00:00:00+01:00",
    )


def test_floating_times_are_in_europe_paris_and_utc_is_shown_in_paris() -> None:
    floating = one(parse("times.ics"), "floating@live.test")
    assert (floating.start.isoformat(), floating.end.isoformat()) == (
        "2026-11-20T18:30:00+01:00",
        "2026-11-20T20:00:00+01:00",
    )
    utc = one(parse("times.ics"), "utc@live.test")
    assert utc.start == datetime(2026, 11, 20, 17, tzinfo=ZoneInfo("UTC"))
    assert utc.start.isoformat() == "2026-11-20T18:00:00+01:00"


def test_the_configured_timezone_places_floating_times_and_shows_the_others() -> None:
    result = parse("times.ics", timezone="Europe/London")
    floating = one(result, "floating@live.test")
    assert floating.start.isoformat() == "2026-11-20T18:30:00+00:00"
    duration = one(result, "duration@live.test")  # TZID=Europe/Paris 14:00, shown in London
    assert duration.start.isoformat() == "2026-10-20T13:00:00+01:00"
    all_day = one(result, "no-end-date@live.test")
    assert all_day.start.isoformat() == "2026-10-22T00:00:00+01:00"


def test_x_wr_timezone_is_the_fallback_without_vtimezone() -> None:
    result = parse("x-wr-timezone.ics")
    floating = one(result, "london-floating@live.test")
    assert floating.start == datetime(2026, 11, 20, 18, tzinfo=LONDON)
    assert (floating.start.isoformat(), floating.end.isoformat()) == (
        "2026-11-20T19:00:00+01:00",
        "2026-11-20T20:00:00+01:00",
    )
    all_day = one(result, "london-all-day@live.test")
    assert all_day.all_day
    assert (all_day.start.isoformat(), all_day.end.isoformat()) == (
        "2026-11-21T00:00:00+00:00",
        "2026-11-22T00:00:00+00:00",
    )
    # Google-style: a UTC series in an X-WR-TIMEZONE calendar keeps its London wall time
    weekly = of_uid(result, "london-weekly-utc@live.test")
    assert [e.start.astimezone(LONDON).strftime("%H:%M %z") for e in weekly] == [
        "18:00 +0100",
        "18:00 +0100",
        "18:00 +0000",
    ]


def test_an_unknown_x_wr_timezone_falls_back_to_the_configured_one(caplog: pytest.LogCaptureFixture) -> None:
    data = fixture("x-wr-timezone.ics").replace(b"Europe/London", b"Mars/Olympus_Mons")
    with caplog.at_level(logging.WARNING, logger="kiosk.content.sources.ical"):
        result = parse_ical(data, source="cal", window=WINDOW)
    assert one(result, "london-floating@live.test").start.isoformat() == "2026-11-20T18:00:00+01:00"
    assert "Mars/Olympus_Mons" in caplog.text


def test_a_windows_zone_name_in_x_wr_timezone() -> None:
    data = fixture("x-wr-timezone.ics").replace(b"Europe/London", b"Romance Standard Time")
    result = parse_ical(data, source="cal", window=WINDOW)
    assert one(result, "london-floating@live.test").start.isoformat() == "2026-11-20T18:00:00+01:00"


def test_an_all_day_event_ending_on_its_start_date_lasts_that_day() -> None:
    data = fixture("lf-only.ics").replace(
        b"DTSTART;TZID=Europe/Paris:20261023T150000\nDTEND;TZID=Europe/Paris:20261023T163000",
        b"DTSTART;VALUE=DATE:20261023\nDTEND;VALUE=DATE:20261023",
    )
    event = one(parse_ical(data, source="cal", window=WINDOW), "lf-only@live.test")
    assert (event.all_day, event.start.isoformat(), event.end.isoformat()) == (
        True,
        "2026-10-23T00:00:00+02:00",
        "2026-10-24T00:00:00+02:00",
    )


# --- text, place, categories, links ----------------------------------------------------------------


def test_folded_lines_inside_escapes_and_utf8_characters() -> None:
    event = one(parse("text.ics"), "folded@live.test")
    assert event.title == Text({"fr": "Réparation de vélos, démo"})
    assert event.description == Text({"fr": "Apportez votre vélo.\nOutils fournis; café offert. Chemin : C:\\atelier"})
    assert (event.start.isoformat(), event.end.isoformat()) == (
        "2026-10-20T18:00:00+02:00",
        "2026-10-20T20:00:00+02:00",
    )


def test_location_geo_url_and_categories() -> None:
    event = one(parse("text.ics"), "folded@live.test")
    assert event.place == EventPlace(
        name="Salle Agora",
        address="Le Pont, 1 rue de l'Épeule, 59100 Roubaix",
        lat=50.69421,
        lon=3.17456,
    )
    assert event.url == "https://live.test/agenda/reparation-velos?utm=ical&x=1"
    assert event.registration == (
        Registration(RegistrationType.LINK, "https://live.test/agenda/reparation-velos?utm=ical&x=1"),
    )
    # CATEGORIES twice, with comma lists, stray spaces and mixed case
    assert event.categories == ("atelier", "numérique", "fablab", "vélo")


def test_categories_are_mapped_and_unknown_ones_kept_lowercased() -> None:
    mapping = {"Numérique": "culture-numerique", " FABLAB ": "fablab", "atelier": "atelier"}
    event = one(parse("text.ics", categories=mapping), "folded@live.test")
    assert event.categories == ("atelier", "culture-numerique", "fablab", "vélo")
    merged = one(parse("text.ics", categories={"numérique": "atelier"}), "folded@live.test")
    assert merged.categories == ("atelier", "fablab", "vélo")  # no duplicates


def test_default_categories_only_when_there_are_none() -> None:
    result = parse("text.ics", default_categories=["culture-numerique"])
    assert one(result, "html@live.test").categories == ("culture-numerique",)
    assert one(result, "folded@live.test").categories == ("atelier", "numérique", "fablab", "vélo")


def test_registration_from_url_can_be_turned_off() -> None:
    event = one(parse("text.ics", registration_from_url=False), "folded@live.test")
    assert event.registration == ()
    assert event.url == "https://live.test/agenda/reparation-velos?utm=ical&x=1"


def test_html_description_becomes_plain_text_and_language_comes_from_summary() -> None:
    event = one(parse("text.ics"), "html@live.test")
    assert event.title == Text({"en": "Open lab"})
    assert event.description == Text({"en": "Venez nombreux !\n\nInfos & inscriptions : ici\nGratuit"})
    assert event.place == EventPlace(name="Hall B", address="Hall B")
    assert event.url is None  # mailto: is not a web page
    assert event.registration == ()
    assert event.start.isoformat() == "2026-10-21T10:00:00+02:00"


def test_the_configured_language_when_the_calendar_gives_none() -> None:
    event = one(parse("text.ics", language="nl"), "folded@live.test")
    assert event.title == Text({"nl": "Réparation de vélos, démo"})
    assert set(event.description.values) == {"nl"}


def test_an_event_without_uid_gets_a_stable_one_and_nothing_is_skipped() -> None:
    result = parse("text.ics")
    (event,) = [e for e in result.events if e.title.get("fr") == "Sans UID"]
    assert event.uid.startswith("ical-")
    assert len(event.uid) == len("ical-") + 16
    assert event.id == f"cal:{event.uid}@2026-10-22T10:00:00+02:00"
    assert [e.uid for e in parse("text.ics").events if e.title.get("fr") == "Sans UID"] == [event.uid]
    assert event.place == EventPlace(name="", address="", lat=50.69, lon=3.17)
    assert result.skipped == []


def test_lf_only_and_crlf_read_the_same() -> None:
    lf = parse("lf-only.ics")
    event = one(lf, "lf-only@live.test")
    assert event.title == Text({"fr": "Visite guidée du Champ Libre"})
    assert event.description == Text({"fr": "Ligne un\nLigne deux"})
    assert (event.start.isoformat(), event.end.isoformat()) == (
        "2026-10-23T15:00:00+02:00",
        "2026-10-23T16:30:00+02:00",
    )
    crlf = parse_ical(fixture("lf-only.ics").replace(b"\n", b"\r\n"), source="cal", window=WINDOW)
    assert crlf.events == lf.events


# --- encodings and garbage --------------------------------------------------------------------------


def test_utf8_bom_is_tolerated() -> None:
    result = parse_ical(b"\xef\xbb\xbf" + fixture("lf-only.ics"), source="cal", window=WINDOW)
    assert one(result, "lf-only@live.test").title == Text({"fr": "Visite guidée du Champ Libre"})


def test_utf16_with_bom_is_read() -> None:
    data = fixture("lf-only.ics").decode().encode("utf-16")
    result = parse_ical(data, source="cal", window=WINDOW)
    assert one(result, "lf-only@live.test").title == Text({"fr": "Visite guidée du Champ Libre"})


def test_windows_1252_falls_back_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.content.sources.ical"):
        event = one(parse("cp1252.ics"), "cp1252@live.test")
    assert event.title == Text({"fr": "Fête de l’automne – entrée libre"})
    assert "not UTF-8" in caplog.text


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty"),
        (b"  \r\n\r\n", "empty"),
        (b"<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>", "HTML"),
        (b"\xef\xbb\xbf<?xml version='1.0'?><error/>", "HTML or XML"),
        (b'{"events": []}', "JSON"),
        (b"[1, 2, 3]", "JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not an iCalendar file"),
        (b"BEGIN:VCALENDAR\x00\x01\x02END:VCALENDAR", "binary"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n", "cut short"),
        (b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n", "not an iCalendar file"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n", "unreadable iCalendar"),
    ],
)
def test_payloads_that_are_not_icalendar_raise_feed_error(payload: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse_ical(payload, source="cal", window=WINDOW)


def test_an_empty_calendar_is_fine() -> None:
    result = parse_ical(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", source="cal", window=WINDOW)
    assert result.events == []
    assert result.skipped == []


def test_several_calendars_in_one_payload() -> None:
    data = fixture("lf-only.ics") + fixture("cp1252.ics").decode("cp1252").encode()
    result = parse_ical(data, source="cal", window=WINDOW)
    assert [e.uid for e in result.events] == ["lf-only@live.test", "cp1252@live.test"]


# --- bad events ---------------------------------------------------------------------------------------


def test_bad_events_are_skipped_with_a_reason_and_the_others_survive() -> None:
    result = parse("bad-events.ics")
    assert [(e.uid, e.start.isoformat()) for e in result.events] == [("good@live.test", "2026-10-20T18:00:00+02:00")]
    reasons = {s.item: s.reason for s in result.skipped}
    assert reasons == {
        "no-start@live.test": "no start date (DTSTART)",
        "garbage-start@live.test": reasons["garbage-start@live.test"],
        "backwards@live.test": "it ends (2026-10-20T17:00:00+02:00) before it starts (2026-10-20T18:00:00+02:00)",
        "every-second@live.test": "it repeats every few minutes or seconds (RRULE), too often to show",
        "bad-rule@live.test": reasons["bad-rule@live.test"],
        "Durée négative": "negative duration (DURATION:-PT1H)",
    }
    assert reasons["garbage-start@live.test"].startswith("unreadable start date (DTSTART)")
    assert "le 20 octobre" in reasons["garbage-start@live.test"]
    assert reasons["bad-rule@live.test"].startswith("unreadable repeat rule (RRULE)")
    # the override of the unreadable series is not shown on its own
    assert all(isinstance(s, Skipped) for s in result.skipped)
    assert len(result.skipped) == 6


def test_private_events_are_not_shown_on_a_public_screen() -> None:
    data = fixture("lf-only.ics").replace(b"SUMMARY:", b"CLASS:PRIVATE\nSUMMARY:")
    result = parse_ical(data, source="cal", window=WINDOW)
    assert result.events == []
    assert [s.item for s in result.skipped] == ["lf-only@live.test"]
    assert "private" in result.skipped[0].reason


# --- performance --------------------------------------------------------------------------------------


def weekly_calendar(count: int) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//L.I.V.E kiosk//perf//FR"]
    for i in range(count):
        start = datetime(2026, 9, 1, 9, tzinfo=PARIS) + timedelta(days=i % 7, hours=i % 10)
        lines += [
            "BEGIN:VEVENT",
            f"UID:perf-{i}@live.test",
            "DTSTAMP:20260901T000000Z",
            f"DTSTART;TZID=Europe/Paris:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID=Europe/Paris:{start + timedelta(hours=2):%Y%m%dT%H%M%S}",
            "RRULE:FREQ=WEEKLY",
            f"SUMMARY:Atelier {i}",
            "DESCRIPTION:<p>Un <b>atelier</b> pour tous</p>",
            "LOCATION:Le Pont\\, 1 rue de l'Épeule\\, Roubaix",
            "CATEGORIES:Atelier,FabLab",
            "URL:https://live.test/a",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


def test_500_weekly_events_over_60_days() -> None:
    """The shape of the benchmark's calendar (its timing lives in `make bench`, not here)."""
    data = weekly_calendar(500)
    window = Window(datetime(2026, 10, 1, tzinfo=PARIS), datetime(2026, 11, 30, tzinfo=PARIS))
    result = parse_ical(data, source="cal", window=window)
    # 60 days hold 8 or 9 of each weekday
    assert 500 * 8 <= len(result.events) <= 500 * 9
    assert len({e.id for e in result.events}) == len(result.events)


# --- configuration and read() -------------------------------------------------------------------------


class DictFetcher:
    """Serves canned bytes by URL; anything else fails like a real fetcher would."""

    def __init__(self, responses: Mapping[str, bytes]) -> None:
        self.responses = dict(responses)
        self.calls: list[str] = []

    def get(
        self,
        url: str,
        params: Mapping[str, str | list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> bytes:
        self.calls.append(url)
        if url not in self.responses:
            raise FeedError(f"{url}: HTTP 404")
        return self.responses[url]


def test_config_defaults_and_descriptions() -> None:
    config = ICalSource(name="live", url="https://live.test/agenda.ics")
    assert config.kind == "ical"
    assert (config.extra_urls, config.language, config.timezone) == ([], "fr", "Europe/Paris")
    assert (config.categories, config.default_categories, config.registration_from_url) == ({}, [], True)
    for name, field in ICalSource.model_fields.items():
        assert field.description or name == "kind", name


def test_config_validation(tmp_path: Path) -> None:
    (tmp_path / "local.ics").write_bytes(fixture("lf-only.ics"))
    config = ICalSource.model_validate(
        {
            "name": "live",
            "url": "https://live.test/agenda.ics",
            "extra_urls": ["local.ics", "https://live.test/more.ics"],
            "language": " EN ",
            "timezone": "Europe/Brussels",
        },
        context={"base_dir": tmp_path},
    )
    assert config.extra_urls == [str((tmp_path / "local.ics").resolve()), "https://live.test/more.ics"]
    assert config.language == "en"
    for bad in (
        {"extra_urls": ["missing.ics"]},
        {"extra_urls": ["ftp://live.test/a.ics"]},
        {"timezone": "Europe/Atlantis"},
        {"timezone": ""},
        {"language": "français"},
        {"unknown_key": 1},
    ):
        with pytest.raises(ValidationError):
            ICalSource.model_validate(
                {"name": "live", "url": "https://live.test/agenda.ics", **bad},
                context={"base_dir": tmp_path},
            )


def test_the_documented_example_is_valid(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parents[3] / "docs" / "backends" / "ical.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "fablab.ics").write_bytes(fixture("lf-only.ics"))
    (source,) = tomllib.loads(example)["sources"]
    config = ICalSource.model_validate(source, context={"base_dir": tmp_path})
    assert config.kind == "ical"
    assert config.categories["Numérique"] == "culture-numerique"
    assert config.extra_urls == [str((tmp_path / "calendars" / "fablab.ics").resolve())]


def test_read_merges_every_url() -> None:
    config = ICalSource(
        name="live",
        url="https://live.test/a.ics",
        extra_urls=["https://live.test/b.ics", "https://live.test/a-again.ics"],
        categories={"atelier": "atelier"},
    )
    fetcher = DictFetcher(
        {
            "https://live.test/a.ics": fixture("times.ics"),
            "https://live.test/b.ics": fixture("lf-only.ics"),
            "https://live.test/a-again.ics": fixture("times.ics"),
        }
    )
    result = read(config, fetcher, WINDOW)
    assert fetcher.calls == ["https://live.test/a.ics", "https://live.test/b.ics", "https://live.test/a-again.ics"]
    assert len(result.events) == 8  # 7 + 1, the repeated feed adds nothing
    assert {e.source for e in result.events} == {"live"}
    assert [e.start for e in result.events] == sorted(e.start for e in result.events)
    assert result.events[0].id == "live:duration@live.test@2026-10-20T14:00:00+02:00"


def test_read_applies_the_config() -> None:
    config = ICalSource(
        name="live",
        url="https://live.test/a.ics",
        language="en",
        timezone="Europe/London",
        categories={"numérique": "culture-numerique"},
        default_categories=["atelier"],
        registration_from_url=False,
    )
    result = read(config, DictFetcher({"https://live.test/a.ics": fixture("text.ics")}), WINDOW)
    folded = one(result, "folded@live.test")
    assert folded.title == Text({"en": "Réparation de vélos, démo"})
    assert folded.start.isoformat() == "2026-10-20T17:00:00+01:00"
    assert folded.categories == ("atelier", "culture-numerique", "fablab", "vélo")
    assert folded.registration == ()
    assert one(result, "html@live.test").categories == ("atelier",)


def test_read_fails_when_any_url_fails() -> None:
    config = ICalSource(name="live", url="https://live.test/a.ics", extra_urls=["https://live.test/b.ics"])
    with pytest.raises(FeedError, match=r"b\.ics"):
        read(config, DictFetcher({"https://live.test/a.ics": fixture("times.ics")}), WINDOW)
    garbage = DictFetcher({"https://live.test/a.ics": fixture("times.ics"), "https://live.test/b.ics": b"<html>"})
    with pytest.raises(FeedError, match=r"https://live\.test/b\.ics: this is an HTML"):
        read(config, garbage, WINDOW)


# --- robustness -----------------------------------------------------------------------------------------

FIXTURE_NAMES = sorted(p.name for p in FIXTURES.glob("*.ics"))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A fixture with a few bytes overwritten, lines dropped or repeated, maybe cut short."""
    data = bytearray(fixture(draw(st.sampled_from(FIXTURE_NAMES))))
    for _ in range(draw(st.integers(0, 6))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    lines = bytes(data).split(b"\n")
    for _ in range(draw(st.integers(0, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "repeat", "swap"]))
        if action == "drop":
            del lines[index]
        elif action == "repeat":
            lines.insert(index, lines[index])
        else:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        if not lines:
            lines = [b""]
    out = b"\n".join(lines)
    if draw(st.booleans()):
        out = out[: draw(st.integers(0, len(out)))]
    return out


def ical_lines() -> st.SearchStrategy[bytes]:
    names = st.sampled_from(
        [b"DTSTART", b"DTEND", b"DURATION", b"RRULE", b"RDATE", b"EXDATE", b"RECURRENCE-ID", b"GEO", b"UID"]
    )
    params = st.sampled_from([b"", b";TZID=Europe/Paris", b";VALUE=DATE", b";TZID=Nowhere", b";VALUE=PERIOD"])
    values = st.sampled_from(
        [b"20261020T180000", b"20261020T180000Z", b"20261020", b"PT1H", b"-P1D", b"FREQ=DAILY;COUNT=3",
         b"FREQ=WEEKLY;UNTIL=20261101", b"20261020T180000Z/PT1H", b"x", b"50;3", b"", b"99999999T999999"]
    )  # fmt: skip
    line = st.tuples(names, params, values).map(lambda t: t[0] + t[1] + b":" + t[2])
    return st.lists(line, max_size=8).map(
        lambda ls: b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + b"\r\n".join(ls) + b"\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def only_feed_errors(data: bytes) -> None:
    try:
        result = parse_ical(data, source="cal", window=WINDOW)
    except FeedError:
        return
    for event in result.events:
        assert event.start.tzinfo is not None
        assert event.end >= event.start
        assert WINDOW.start < event.end or event.start == event.end == WINDOW.start
        assert event.start < WINDOW.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | st.binary(max_size=200).map(lambda b: b"BEGIN:VCALENDAR\r\n" + b))
def test_random_bytes_only_raise_feed_error(data: bytes) -> None:
    only_feed_errors(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated() | ical_lines())
def test_mutated_calendars_only_raise_feed_error(data: bytes) -> None:
    only_feed_errors(data)
