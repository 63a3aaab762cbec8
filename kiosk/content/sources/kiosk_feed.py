"""Our own JSON feed: the programme, places, stops and activities, in the shape of the model.

The pydantic models below *are* the format: ``kiosk content schema`` writes them out as the
JSON Schema published at resources/schema/feed.schema.json. Records are validated one by one,
so one bad record is skipped with its reason while the rest of the feed is kept.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from kiosk.content.model import (
    Accessibility,
    Activity,
    Event,
    EventPlace,
    Place,
    Registration,
    RegistrationType,
    Status,
    Stop,
    Text,
    occurrence_id,
)
from kiosk.content.sources.base import FeedError, Fetcher, ParseResult, Skipped, SourceBase, Window

log = logging.getLogger(__name__)

FEED_VERSION = 1

LocalizedText = Annotated[
    str | dict[str, str],
    Field(description='Plain text, or one text per language: {"fr": "...", "en": "...", "nl": "..."}.'),
]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]
Flag = Literal["hi", "vi", "pi", "mi", "ii"]


class FeedSource(SourceBase):
    """A feed in our own JSON format (resources/schema/feed.schema.json)."""

    kind: Literal["feed"] = "feed"
    language: str = Field(default="fr", description="The language of texts given as plain strings.")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FeedPlaceRef(_Record):
    name: str = Field(min_length=1)
    address: str = ""
    lat: Latitude | None = None
    lon: Longitude | None = None


class FeedRegistration(_Record):
    type: Literal["link", "email", "phone"]
    value: str = Field(min_length=1)


class FeedEvent(_Record):
    id: str = Field(min_length=1, description="Stable id of the event (of the series, when it repeats).")
    title: LocalizedText
    start: datetime = Field(description="ISO 8601 with a UTC offset.")
    end: datetime = Field(description="ISO 8601 with a UTC offset; not before start.")
    all_day: bool = False
    description: LocalizedText = ""
    conditions: LocalizedText = Field(default="", description="Prices and conditions of access.")
    place: FeedPlaceRef | None = None
    categories: list[str] = []
    keywords: list[str] = []
    registration: list[FeedRegistration] = []
    accessibility: list[Flag] = []
    age_min: int | None = Field(default=None, ge=0, le=120)
    age_max: int | None = Field(default=None, ge=0, le=120)
    status: Literal["scheduled", "rescheduled", "online", "postponed", "full", "cancelled"] = "scheduled"
    url: str | None = None
    image: str | None = None

    @field_validator("start", "end")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("the date needs a UTC offset, such as +01:00")
        return value


class FeedPlace(_Record):
    id: str = Field(min_length=1)
    name: LocalizedText
    category: str = Field(min_length=1)
    lat: Latitude
    lon: Longitude
    address: str = ""
    description: LocalizedText = ""
    opening_hours: LocalizedText = ""
    accessibility: list[Flag] = []
    url: str | None = None


class FeedStop(_Record):
    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    lat: Latitude
    lon: Longitude
    lines: list[str] = []


class FeedActivity(_Record):
    id: str = Field(min_length=1)
    title: LocalizedText
    age_min: int = Field(default=8, ge=3, le=99)
    age_max: int = Field(default=12, ge=3, le=99)
    duration_minutes: int = Field(default=20, ge=1, le=240)
    theme: str = ""
    pictogram: str = ""
    steps: list[dict[str, Any]] = Field(min_length=1)


class Feed(BaseModel):
    """The whole feed document."""

    model_config = ConfigDict(extra="forbid", title="L.I.V.E kiosk feed")

    version: Literal[1] = Field(description="Format version: 1.")
    source: str = Field(default="", description="Where the data comes from, and its licence.")
    events: list[FeedEvent] = []
    places: list[FeedPlace] = []
    stops: list[FeedStop] = []
    activities: list[FeedActivity] = []


def json_schema() -> dict[str, Any]:
    """The feed's JSON Schema, as published at resources/schema/feed.schema.json."""
    schema = Feed.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def _text(value: str | dict[str, str], lang: str) -> Text:
    return Text.of(value, lang)


def _flags(values: list[str]) -> frozenset[Accessibility]:
    return frozenset(Accessibility(v) for v in values)


def _event(rec: FeedEvent, source: str, lang: str) -> Event:
    if rec.end < rec.start:
        raise ValueError("end is before start")
    place = rec.place
    return Event(
        id=occurrence_id(source, rec.id, rec.start),
        uid=rec.id,
        title=_text(rec.title, lang),
        start=rec.start,
        end=rec.end,
        all_day=rec.all_day,
        source=source,
        description=_text(rec.description, lang),
        conditions=_text(rec.conditions, lang),
        place=EventPlace(place.name, place.address, place.lat, place.lon) if place else None,
        categories=tuple(rec.categories),
        keywords=tuple(rec.keywords),
        registration=tuple(dict.fromkeys(Registration(RegistrationType(r.type), r.value) for r in rec.registration)),
        accessibility=_flags(list(rec.accessibility)),
        age_min=rec.age_min,
        age_max=rec.age_max,
        status=Status(rec.status),
        url=rec.url,
        image=rec.image,
    )


def _place(rec: FeedPlace, source: str, lang: str) -> Place:
    return Place(
        id=rec.id,
        name=_text(rec.name, lang),
        category=rec.category,
        lat=rec.lat,
        lon=rec.lon,
        source=source,
        address=rec.address,
        description=_text(rec.description, lang),
        opening_hours=_text(rec.opening_hours, lang),
        accessibility=_flags(list(rec.accessibility)),
        url=rec.url,
    )


def _reason(error: ValidationError | ValueError) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}" if where else str(first["msg"])
    return str(error)


def parse_feed(data: bytes, *, source: str, window: Window | None = None, language: str = "fr") -> ParseResult:
    """Parse a feed document; events that end before ``window.start`` or begin after its end are left out."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a JSON document: {exc}") from exc
    if not isinstance(doc, dict):
        raise FeedError("the feed must be a JSON object with 'version', 'events', 'places'...")
    if doc.get("version") != FEED_VERSION:
        raise FeedError(f"unsupported feed version {doc.get('version')!r} (expected {FEED_VERSION})")
    result = ParseResult()
    sections: list[tuple[str, type[_Record]]] = [
        ("events", FeedEvent),
        ("places", FeedPlace),
        ("stops", FeedStop),
        ("activities", FeedActivity),
    ]
    for key, model in sections:
        records = doc.get(key, [])
        if not isinstance(records, list):
            raise FeedError(f"'{key}' must be a list")
        for index, raw in enumerate(records):
            label = f"{key}[{index}]" + (f" {raw.get('id')}" if isinstance(raw, dict) and raw.get("id") else "")
            try:
                rec = model.model_validate(raw)
                _add(result, rec, source, language, window)
            except (ValidationError, ValueError) as exc:
                result.skipped.append(Skipped(label, _reason(exc)))
                log.warning("feed %s: skipped %s: %s", source, label, _reason(exc))
    return result


def _add(result: ParseResult, rec: _Record, source: str, lang: str, window: Window | None) -> None:
    if isinstance(rec, FeedEvent):
        event = _event(rec, source, lang)
        if window is None or (event.end > window.start and event.start < window.end):
            result.events.append(event)
    elif isinstance(rec, FeedPlace):
        result.places.append(_place(rec, source, lang))
    elif isinstance(rec, FeedStop):
        result.stops.append(Stop(rec.id, rec.name, rec.lat, rec.lon, source, tuple(rec.lines)))
    elif isinstance(rec, FeedActivity):
        result.activities.append(
            Activity(
                id=rec.id,
                title=_text(rec.title, lang),
                source=source,
                age_min=rec.age_min,
                age_max=rec.age_max,
                duration_minutes=rec.duration_minutes,
                theme=rec.theme,
                pictogram=rec.pictogram,
                steps=tuple(rec.steps),
            )
        )


def read(config: FeedSource, fetcher: Fetcher, window: Window) -> ParseResult:
    return parse_feed(fetcher.get(config.url), source=config.name, window=window, language=config.language)
