"""The model back from its own JSON (``to_json``), for the snapshot saved on disk.

The saved snapshot is our own output, but a disk can hand back anything: every decoder raises
``ValueError``/``KeyError``/``TypeError`` on a malformed record, and the store treats that as
"no snapshot" rather than crashing the kiosk.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.content.model import (
    Accessibility,
    Activity,
    Event,
    EventPlace,
    InfoStep,
    MapStep,
    OrderStep,
    Place,
    QuizStep,
    Registration,
    RegistrationType,
    SourceState,
    SourceStatus,
    Status,
    Step,
    Stop,
    Text,
)


def _text(value: object) -> Text:
    return Text.of(value if isinstance(value, dict) else None)


def _moment(value: str) -> datetime:
    """Every date we save carries its UTC offset; a naive one would crash comparisons later on."""
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError(f"date without a UTC offset: {value!r}")
    return moment


def _flags(values: object) -> frozenset[Accessibility]:
    if not isinstance(values, list | tuple):
        return frozenset()
    return frozenset(Accessibility(v) for v in values)


def event_from_json(d: dict[str, Any]) -> Event:
    place = d.get("place")
    return Event(
        id=d["id"],
        uid=d["uid"],
        title=_text(d["title"]),
        start=_moment(d["start"]),
        end=_moment(d["end"]),
        source=d["source"],
        all_day=bool(d.get("all_day")),
        description=_text(d.get("description")),
        conditions=_text(d.get("conditions")),
        place=EventPlace(place["name"], place.get("address", ""), place.get("lat"), place.get("lon"))
        if place
        else None,
        categories=tuple(d.get("categories", ())),
        keywords=tuple(d.get("keywords", ())),
        registration=tuple(Registration(RegistrationType(r["type"]), r["value"]) for r in d.get("registration", ())),
        accessibility=_flags(d.get("accessibility")),
        age_min=d.get("age_min"),
        age_max=d.get("age_max"),
        status=Status(d.get("status", "scheduled")),
        url=d.get("url"),
        image=d.get("image"),
    )


def place_from_json(d: dict[str, Any]) -> Place:
    return Place(
        id=d["id"],
        name=_text(d["name"]),
        category=d["category"],
        lat=float(d["lat"]),
        lon=float(d["lon"]),
        source=d["source"],
        address=d.get("address", ""),
        description=_text(d.get("description")),
        opening_hours=_text(d.get("opening_hours")),
        accessibility=_flags(d.get("accessibility")),
        url=d.get("url"),
    )


def stop_from_json(d: dict[str, Any]) -> Stop:
    return Stop(d["id"], d["name"], float(d["lat"]), float(d["lon"]), d["source"], tuple(d.get("lines", ())))


def _texts(values: object) -> tuple[Text, ...]:
    if not isinstance(values, list | tuple):
        raise TypeError("expected a list of texts")
    return tuple(_text(v) for v in values)


def step_from_json(d: dict[str, Any]) -> Step:
    kind = d["kind"]
    if kind == "info":
        return InfoStep(_text(d["text"]), d.get("image"))
    if kind == "quiz":
        step = QuizStep(_text(d["question"]), _texts(d["answers"]), int(d["right"]), _text(d.get("explanation")))
        if not 0 <= step.right < len(step.answers):
            raise ValueError(f"quiz: right answer {step.right} out of range")
        return step
    if kind == "map":
        return MapStep(str(d["place"]), _text(d["text"]), _texts(d["hints"]), _text(d.get("explanation")))
    if kind == "order":
        return OrderStep(_text(d["text"]), _texts(d["items"]), _text(d.get("explanation")))
    raise ValueError(f"unknown step kind {kind!r}")


def activity_from_json(d: dict[str, Any]) -> Activity:
    return Activity(
        id=d["id"],
        title=_text(d["title"]),
        source=d["source"],
        age_min=int(d.get("age_min", 8)),
        age_max=int(d.get("age_max", 12)),
        duration_minutes=int(d.get("duration_minutes", 20)),
        theme=d.get("theme", ""),
        pictogram=d.get("pictogram", ""),
        summary=_text(d.get("summary")),
        take_home_url=d.get("take_home_url"),
        steps=tuple(step_from_json(s) for s in d.get("steps", ())),
    )


def status_from_json(d: dict[str, Any]) -> SourceStatus:
    fetched = d.get("fetched_at")
    return SourceStatus(
        name=d["name"],
        kind=d["kind"],
        state=SourceState(d["state"]),
        items=int(d.get("items", 0)),
        error=d.get("error"),
        fetched_at=_moment(fetched) if fetched else None,
    )
