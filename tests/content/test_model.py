"""make_event, the parsers' quicker ``Event(...)``: the same event, field for field."""

from __future__ import annotations

import dataclasses
import inspect
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from kiosk.content.model import (
    Accessibility,
    Event,
    EventPlace,
    Registration,
    RegistrationType,
    Status,
    Text,
    make_event,
    occurrence_id,
)


def test_make_event_takes_every_field_of_event_in_its_order() -> None:
    assert list(inspect.signature(make_event).parameters) == [f.name for f in dataclasses.fields(Event)]


def test_make_event_makes_the_event_that_event_makes() -> None:
    start = datetime(2026, 3, 25, 14, tzinfo=UTC)
    values: dict[str, Any] = {
        "id": occurrence_id("oa", "41852077", start),
        "uid": "41852077",
        "title": Text({"fr": "Atelier", "en": "Workshop"}),
        "start": start,
        "end": start + timedelta(hours=2),
        "source": "oa",
        "all_day": True,
        "description": Text({"fr": "Au programme"}),
        "conditions": Text({"fr": "Gratuit"}),
        "place": EventPlace("Le Champ Libre", "22 rue Jean Lebas, 59100 Roubaix", 50.69, 3.17),
        "categories": ("atelier",),
        "keywords": ("robotique", "Numérique"),
        "registration": (Registration(RegistrationType.LINK, "https://x.org"),),
        "accessibility": frozenset({Accessibility.HEARING}),
        "age_min": 8,
        "age_max": 12,
        "status": Status.FULL,
        "url": "https://openagenda.com/agendas/1/events/atelier",
        "image": "https://img.example.org/a.jpg",
    }
    made = make_event(*values.values())
    built = Event(**values)
    assert type(made) is Event
    assert made == built
    assert repr(made) == repr(built)
    assert made.to_json() == built.to_json()
    for name, value in values.items():
        assert getattr(made, name) is value
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.uid = "other"  # type: ignore[misc]
