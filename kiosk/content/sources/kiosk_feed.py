"""Our own JSON feed: the programme, places, stops and activities, in the shape of the model.

The pydantic models below *are* the format: ``kiosk content schema`` writes them out as the
JSON Schema published at resources/schema/feed.schema.json. Records are validated one by one,
so one bad record is skipped with its reason while the rest of the feed is kept.
"""

from __future__ import annotations

import json
import logging
import unicodedata
from datetime import datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kiosk.content.model import (
    ACTIVITY_PICTOGRAMS,
    STEP_KINDS,
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
    Status,
    Step,
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
    model_config = ConfigDict(extra="forbid", defer_build=True)


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


def _distinct(texts: list[str | dict[str, str]], what: str) -> None:
    keys = [json.dumps(t, sort_keys=True) for t in texts]
    if len(set(keys)) != len(keys):
        raise ValueError(f"two {what} are the same")


class FeedInfoStep(_Record):
    """A short text to read together."""

    kind: Literal["info"]
    text: LocalizedText
    image: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpg|jpeg|webp)$",
        description="Optional: a picture's file name in resources/content/images/ (png, jpg or webp).",
    )


class FeedQuizStep(_Record):
    """A question; the explanation is shown after answering, right or not."""

    kind: Literal["quiz"]
    question: LocalizedText
    answers: list[LocalizedText] = Field(min_length=2, max_length=4)
    right: int = Field(ge=0, description="The index of the right answer, counting from 0.")
    explanation: LocalizedText

    @model_validator(mode="after")
    def _check(self) -> FeedQuizStep:
        if self.right >= len(self.answers):
            raise ValueError(f"the right answer {self.right} is not one of the {len(self.answers)} answers")
        _distinct(self.answers, "answers")
        return self


class FeedMapStep(_Record):
    """Find a place among the places around the kiosk."""

    kind: Literal["map"]
    place: str = Field(min_length=1, description="The id of the place to find (a place of the kiosk's content).")
    text: LocalizedText = Field(description="What to find, said for the children.")
    hints: list[LocalizedText] = Field(min_length=1, max_length=3, description="1 to 3 hints, shown one by one.")
    explanation: LocalizedText = Field(default="", description="Optional: shown once the place is found.")


class FeedOrderStep(_Record):
    """Put items back in order (the kiosk shuffles them)."""

    kind: Literal["order"]
    text: LocalizedText = Field(description="What to order, said for the children.")
    items: list[LocalizedText] = Field(min_length=3, max_length=5, description="3 to 5 items, in the right order.")
    explanation: LocalizedText = Field(default="", description="Optional: shown once the order is checked.")

    @model_validator(mode="after")
    def _check(self) -> FeedOrderStep:
        _distinct(self.items, "items")
        return self


FeedStep = Annotated[FeedInfoStep | FeedQuizStep | FeedMapStep | FeedOrderStep, Field(discriminator="kind")]


def _is_emoji(value: str) -> bool:
    """One short pictogram: symbols and their joiners, no letters or digits."""
    joiners = {"\u200d", "\ufe0f", "\u20e3"}
    return 0 < len(value) <= 8 and all(
        c in joiners or unicodedata.category(c) in ("So", "Sk", "Mn", "Me") or 0x1F3FB <= ord(c) <= 0x1F3FF
        for c in value
    )


class FeedActivity(_Record):
    """A guided discovery activity for school groups."""

    id: str = Field(min_length=1)
    title: LocalizedText
    summary: LocalizedText = Field(default="", description="One sentence shown on the activity's card.")
    age_min: int = Field(default=8, ge=3, le=99)
    age_max: int = Field(default=12, ge=3, le=99)
    duration_minutes: int = Field(default=20, ge=1, le=240)
    theme: str = Field(default="", description="A theme id, such as a category: culture-numerique, quartier...")
    pictogram: str = Field(
        default="compass",
        description="An emoji, or one of: " + ", ".join(ACTIVITY_PICTOGRAMS) + ".",
    )
    take_home_url: str | None = Field(
        default=None, max_length=500, description="Optional: an https page to take home, shown as a QR code at the end."
    )
    steps: list[FeedStep] = Field(min_length=1, max_length=30)

    @field_validator("pictogram")
    @classmethod
    def _pictogram(cls, value: str) -> str:
        if value not in ACTIVITY_PICTOGRAMS and not _is_emoji(value):
            raise ValueError(f"{value!r} is neither an emoji nor one of {', '.join(ACTIVITY_PICTOGRAMS)}")
        return value

    @field_validator("take_home_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.hostname or any(c.isspace() for c in value):
            raise ValueError(f"not an https address: {value!r}")
        return value

    @model_validator(mode="after")
    def _ages(self) -> FeedActivity:
        if self.age_max < self.age_min:
            raise ValueError(f"age_max {self.age_max} is below age_min {self.age_min}")
        return self


class Feed(BaseModel):
    """The whole feed document."""

    model_config = ConfigDict(extra="forbid", title="L.I.V.E kiosk feed", defer_build=True)

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


def _where(loc: tuple[int | str, ...]) -> str:
    """``("steps", 3, "quiz", "answers", 1)`` -> ``"steps[3] (quiz): answers[1]"``."""
    text = ""
    for index, part in enumerate(loc):
        if isinstance(part, int):
            text += f"[{part}]"
        elif index >= 2 and loc[index - 2] == "steps" and isinstance(loc[index - 1], int) and part in STEP_KINDS:
            text += f" ({part}):"
        else:
            text += (" " if text.endswith(":") else "." if text else "") + part
    return text.rstrip(":")


def _reason(error: ValidationError | ValueError) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = _where(tuple(first["loc"]))
        message = str(first["msg"]).removeprefix("Value error, ")
        return f"{where}: {message}" if where else message
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
        result.activities.append(_activity(rec, source, lang))


def _step(rec: FeedInfoStep | FeedQuizStep | FeedMapStep | FeedOrderStep, lang: str) -> Step:
    if isinstance(rec, FeedInfoStep):
        return InfoStep(_text(rec.text, lang), rec.image)
    if isinstance(rec, FeedQuizStep):
        answers = tuple(_text(a, lang) for a in rec.answers)
        return QuizStep(_text(rec.question, lang), answers, rec.right, _text(rec.explanation, lang))
    if isinstance(rec, FeedMapStep):
        hints = tuple(_text(h, lang) for h in rec.hints)
        return MapStep(rec.place, _text(rec.text, lang), hints, _text(rec.explanation, lang))
    return OrderStep(_text(rec.text, lang), tuple(_text(i, lang) for i in rec.items), _text(rec.explanation, lang))


def _activity(rec: FeedActivity, source: str, lang: str) -> Activity:
    return Activity(
        id=rec.id,
        title=_text(rec.title, lang),
        source=source,
        age_min=rec.age_min,
        age_max=rec.age_max,
        duration_minutes=rec.duration_minutes,
        theme=rec.theme,
        pictogram=rec.pictogram,
        summary=_text(rec.summary, lang),
        take_home_url=rec.take_home_url,
        steps=tuple(_step(s, lang) for s in rec.steps),
    )


def read(config: FeedSource, fetcher: Fetcher, window: Window) -> ParseResult:
    return parse_feed(fetcher.get(config.url), source=config.name, window=window, language=config.language)
