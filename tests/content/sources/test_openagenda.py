from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from kiosk.content.model import (
    Accessibility,
    EventPlace,
    Registration,
    RegistrationType,
    Status,
    Text,
    occurrence_id,
)
from kiosk.content.sources import openagenda_page
from kiosk.content.sources.base import FeedError, ParseResult, Skipped, Window
from kiosk.content.sources.openagenda import OpenAgendaSource, parse_page, read

from ._fakes import FIXTURES, FakeFetcher, doc_examples, mutated_bytes, mutated_json, params_key

PARIS = ZoneInfo("Europe/Paris")
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
WINDOW = Window(datetime(2026, 3, 20, tzinfo=CET), datetime(2026, 11, 1, tzinfo=CET))
CATEGORIES = {
    "Atelier": "atelier",
    "numérique": "culture-numerique",
    "fablab": "fablab",
    "table ronde": "table-ronde",
    "visite": "visite",
}
URL = "https://api.openagenda.com/v2/agendas/73920154/events"
PAGE1 = (FIXTURES / "openagenda" / "page1.json").read_bytes()
PAGE2 = (FIXTURES / "openagenda" / "page2.json").read_bytes()
ERROR = (FIXTURES / "openagenda" / "error.json").read_bytes()


def parse(data: bytes = PAGE1, **kwargs: Any) -> tuple[ParseResult, list[str] | None]:
    options: dict[str, Any] = {"source": "oa-live", "window": WINDOW, "categories": CATEGORIES, **kwargs}
    return parse_page(data, **options)


def test_page_one_occurrences_and_cursor() -> None:
    result, after = parse()
    assert after == ["1774796400000", "41852083"]
    assert [e.id for e in result.events] == [
        "oa-live:41852077@2026-03-25T14:00:00+01:00",
        "oa-live:41852077@2026-10-25T02:30:00+01:00",
        "oa-live:41852078@2026-03-29T01:30:00+00:00",
        "oa-live:41852079@2026-04-02T18:00:00+02:00",
    ]
    assert result.skipped == [
        Skipped("41852080 Sans date", "no timings"),
        Skipped("41852081 Dates illisibles", "no readable timing (bad dates)"),
        Skipped("41852082", "no title"),
        Skipped("event #8", "not an object"),
    ]


def test_full_event_mapping() -> None:
    result, _ = parse()
    first, second = result.events[0], result.events[1]
    assert first.uid == "41852077"
    assert first.source == "oa-live"
    assert first.title == Text(
        {"fr": "Atelier robotique pour les 8-12 ans", "en": "Robotics workshop for 8-12 year olds"}
    )
    assert first.start == datetime(2026, 3, 25, 14, 0, tzinfo=CET)
    assert first.end == datetime(2026, 3, 25, 16, 30, tzinfo=CET)
    assert first.description.values == {
        "fr": "Au programme\n\nDécouvre la robotique avec l'équipe du L.I.V.E.\n\n"
        "• montage du robot\n• programmation par blocs\n\nGoûter offert & bonne humeur garantie !",
        "en": "Build and code your first robot.",
    }
    assert first.conditions.values == {"fr": "Gratuit, sur inscription", "en": "Free, booking required"}
    assert first.keywords == ("Atelier", "robotique", "Numérique")
    assert first.categories == ("atelier", "culture-numerique")
    assert first.image == "https://img.example.org/main/robot-atelier.full.jpg"
    assert first.place == EventPlace("Le Champ Libre", "22 rue Jean Lebas, 59100 Roubaix", 50.6904, 3.1772)
    assert first.registration == (
        Registration(RegistrationType.LINK, "https://billetterie.example.org/robotique"),
        Registration(RegistrationType.EMAIL, "live@example.org"),
        Registration(RegistrationType.PHONE, "03 20 00 00 00"),
    )
    assert first.accessibility == frozenset({Accessibility.HEARING, Accessibility.MOTOR})
    assert (first.age_min, first.age_max) == (8, 12)
    assert first.status is Status.SCHEDULED
    assert first.url == "https://openagenda.com/agendas/73920154/events/atelier-robotique-pour-les-8-12-ans"
    assert first.all_day is False
    # the night the clocks go back: "+0100" is read as written
    assert second.start.isoformat() == "2026-10-25T02:30:00+01:00"
    assert second.end.isoformat() == "2026-10-25T04:00:00+01:00"
    assert second.title == first.title and second.registration == first.registration


def test_plain_string_fields_empty_long_description_and_numeric_registration() -> None:
    result, _ = parse()
    event = result.events[2]
    assert event.title == Text({"fr": "Visite guidée de La Piscine"})
    assert event.description == Text({"fr": "Une heure dans l'ancienne piscine Art déco devenue musée."})
    assert event.conditions == Text()
    assert event.start.isoformat() == "2026-03-29T01:30:00+00:00"
    assert event.end.isoformat() == "2026-03-29T02:30:00+00:00"
    assert event.keywords == ("visite", "musée")
    assert event.categories == ("visite",)
    assert event.url == "https://openagenda.com/agendas/73920154/events/visite-de-la-piscine"
    assert event.image is None
    assert event.place == EventPlace(
        "La Piscine - Musée d'art et d'industrie André Diligent",
        "23 rue de l'Espérance, 59100 Roubaix",
        50.6892,
        3.1665,
    )
    assert event.registration == (
        Registration(RegistrationType.LINK, "https://www.example.org/piscine"),
        Registration(RegistrationType.PHONE, "+33 3 20 69 23 60"),
        Registration(RegistrationType.EMAIL, "accueil@example.org"),
    )
    assert event.accessibility == frozenset({Accessibility.VISUAL})
    assert (event.age_min, event.age_max) == (None, None)
    assert event.status is Status.CANCELLED


def test_title_in_another_language_html_and_local_times() -> None:
    result, _ = parse()
    event = result.events[3]
    assert event.title == Text({"en": "Open lab night"})
    assert event.title.get("fr") == "Open lab night"
    assert event.description == Text({"en": "Laser cutter, 3D printers & more.\n\n• free\n• no booking"})
    # no offset: local time in Europe/Paris (summer time on 2 April)
    assert event.start == datetime(2026, 4, 2, 18, 0, tzinfo=PARIS)
    assert event.start.utcoffset() == timedelta(hours=2)
    assert event.place == EventPlace("Plaine Images", "99A boulevard Descat, Tourcoing", None, None)
    assert event.status is Status.FULL
    assert (event.age_min, event.age_max) == (None, 99)
    assert event.keywords == ("fablab",)
    assert event.categories == ("fablab",)
    assert event.image == "https://img.example.org/openlab.png"
    assert event.url is None


def test_last_page_duplicate_timings_and_default_categories() -> None:
    result, after = parse(PAGE2, default_categories=("exposition",), categories={})
    assert after is None
    assert [e.id for e in result.events] == ["oa-live:41852090@2026-06-11T18:30:00+02:00"]
    event = result.events[0]
    assert event.description == Text(
        {"fr": "Élus, habitants et chercheurs débattent.", "nl": "Verkozenen, bewoners en onderzoekers debatteren."}
    )
    assert event.title.get("nl") == "Rondetafel: de duurzame stad"
    assert event.categories == ("exposition",)
    assert event.status is Status.FULL
    assert event.place is not None
    assert event.place.address == "Place Victor Hassebroucq, 59200 Tourcoing"
    assert event.registration == ()
    assert event.accessibility == frozenset()
    assert event.end == datetime(2026, 6, 11, 20, 0, tzinfo=CEST)


def test_window_bounds() -> None:
    narrow = Window(datetime(2026, 3, 25, 16, 30, tzinfo=CET), datetime(2026, 3, 29, 1, 30, tzinfo=UTC))
    result, _ = parse(window=narrow)
    assert result.events == []  # one ended at the window's start, the other starts at its end


def test_missing_status_is_scheduled_and_status_codes() -> None:
    doc = json.loads(PAGE2)
    expected = {
        None: Status.SCHEDULED,
        2: Status.RESCHEDULED,
        3: Status.ONLINE,
        4: Status.POSTPONED,
        9: Status.SCHEDULED,
    }
    for code, status in expected.items():
        if code is None:
            doc["events"][0].pop("status", None)
        else:
            doc["events"][0]["status"] = code
        result, _ = parse(json.dumps(doc).encode())
        assert result.events[0].status is status


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>Bad gateway</html>", "not JSON"),
        (b"[1, 2]", "not an object"),
        (b'{"total": 0}', "without an 'events' list"),
        (ERROR, "OpenAgenda refused the request: The key provided is not valid"),
        (b'{"success": false, "events": []}', "success is false"),
    ],
)
def test_unusable_payloads(data: bytes, message: str) -> None:
    with pytest.raises(FeedError, match=message):
        parse(data)


def config(**kwargs: Any) -> OpenAgendaSource:
    return OpenAgendaSource.model_validate({"name": "oa-live", "url": URL, **kwargs})


def base_params(**extra: str | list[str]) -> dict[str, str | list[str]]:
    return {"key": "s3cret", "relative[]": ["current", "upcoming"], "detailed": "1", "size": "300", **extra}


def test_read_follows_the_cursor_until_null(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAGENDA_KEY", "s3cret")
    fetcher = FakeFetcher(
        {
            (URL, params_key(base_params())): PAGE1,
            (URL, params_key(base_params(**{"after[]": ["1774796400000", "41852083"]}))): PAGE2,
        }
    )
    result = read(config(categories=CATEGORIES), fetcher, WINDOW)
    assert len(fetcher.calls) == 2
    assert fetcher.calls[0] == (URL, base_params())
    assert fetcher.calls[1][1]["after[]"] == ["1774796400000", "41852083"]
    assert fetcher.calls[1][1]["key"] == "s3cret"
    assert len(result.events) == 5
    assert len(result.skipped) == 4
    assert result.events[3].url is None  # no slug: no link built from the agenda uid


def test_read_key_from_config_and_page_cap(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.delenv("OPENAGENDA_KEY", raising=False)
    params = base_params(size="50")
    fetcher = FakeFetcher({(URL, params_key(params)): PAGE1})
    result = read(config(key="s3cret", page_size=50, max_pages=1), fetcher, WINDOW)
    assert [c[1] for c in fetcher.calls] == [params]
    assert len(result.events) == 4
    assert "max_pages=1" in caplog.text
    assert "s3cret" not in caplog.text


def test_read_stops_on_a_repeated_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OA_TEST_KEY", "s3cret")
    fetcher = FakeFetcher(
        {
            (URL, params_key(base_params())): PAGE1,
            (URL, params_key(base_params(**{"after[]": ["1774796400000", "41852083"]}))): PAGE1,
        }
    )
    read(config(key_env="OA_TEST_KEY"), fetcher, WINDOW)
    assert len(fetcher.calls) == 2


def test_read_without_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAGENDA_KEY", raising=False)
    with pytest.raises(FeedError, match="OPENAGENDA_KEY"):
        read(config(), FakeFetcher({}), WINDOW)


def test_read_a_saved_page_from_a_file() -> None:
    path = str(FIXTURES / "openagenda" / "page2.json")
    cfg = OpenAgendaSource.model_validate({"name": "oa-file", "url": path})
    fetcher = FakeFetcher({(path, ()): PAGE2})
    result = read(cfg, fetcher, WINDOW)
    assert [e.id for e in result.events] == ["oa-file:41852090@2026-06-11T18:30:00+02:00"]
    assert fetcher.calls == [(path, {})]


def test_config_validation() -> None:
    with pytest.raises(ValidationError):
        config(page_size=301)
    with pytest.raises(ValidationError):
        config(categories={"x": "not-a-category"})
    with pytest.raises(ValidationError):
        config(surprise=1)
    assert config().page_size == 300
    assert config().max_pages == 100


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_feed_errors(data: bytes) -> None:
    with contextlib.suppress(FeedError):
        parse(data)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_pages_raise_only_feed_errors(data: st.DataObject) -> None:
    page = data.draw(st.sampled_from([PAGE1, PAGE2]))
    blob = data.draw(mutated_json(json.loads(page)) | mutated_bytes(page))
    try:
        result, after = parse(blob)
    except FeedError:
        return
    assert after is None or all(isinstance(a, str) for a in after)
    for event in result.events:
        assert event.start <= event.end
        assert event.start.tzinfo is not None


def read_by(reader: Any, blob: bytes) -> tuple[list[str], list[Skipped], list[str] | None] | None:
    """What one of the page's two readers gives, every field of every event included (in its repr)."""
    options = openagenda_page._Options("oa-live", WINDOW, "fr", {"atelier": "atelier"}, ("visite",), "73920154")
    read = reader(blob, options)
    return None if read is None else ([repr(e) for e in read[0].events], read[0].skipped, read[1])


def test_occurrence_ids_are_those_of_the_model() -> None:
    # the parser writes them with each begin's ISO form read once per page: the same as occurrence_id's
    for page in (PAGE1, PAGE2):
        result, _ = parse(page)
        assert result.events
        assert [e.id for e in result.events] == [occurrence_id(e.source, e.uid, e.start) for e in result.events]


def test_pages_of_the_documented_shape_are_read_by_msgspec() -> None:
    for page in (PAGE1, PAGE2):
        by_msgspec = read_by(openagenda_page._read_with_msgspec, page)
        assert by_msgspec is not None
        assert by_msgspec == read_by(openagenda_page._read_with_json, page)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_msgspec_and_json_read_a_damaged_page_alike(data: st.DataObject) -> None:
    # msgspec reads what the parser uses, else json reads the page (a field of a shape msgspec is not told
    # about, NaN, an encoding other than UTF-8...): wherever msgspec reads a page, json must read the same
    page = json.loads(data.draw(st.sampled_from([PAGE1, PAGE2])))
    blob = data.draw(mutated_json(page, mutations=6))
    by_msgspec = read_by(openagenda_page._read_with_msgspec, blob)
    if by_msgspec is not None:
        assert by_msgspec == read_by(openagenda_page._read_with_json, blob)


def test_documented_example_is_valid() -> None:
    (example,) = doc_examples("openagenda")
    source = OpenAgendaSource.model_validate(example)
    assert source.key is None and source.categories["Numérique"] == "culture-numerique"
