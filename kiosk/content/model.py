"""The normalized content every source is turned into, and every screen is built from.

Plain frozen dataclasses: cheap to build by the ten thousand, safe to hand from the sync
worker to the GUI thread, and free of Qt so the core can be tested without a screen.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

#: The language content falls back to when the visitor's language is missing.
SOURCE_LANGUAGE = "fr"


@dataclass(frozen=True, slots=True)
class Text:
    """A multilingual string: ``{"fr": ..., "en": ..., "nl": ...}``, any subset."""

    values: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, value: str | Mapping[str, str] | None, lang: str = SOURCE_LANGUAGE) -> Text:
        """Build from a plain string (taken as ``lang``) or a mapping; empty values are dropped."""
        if value is None:
            return cls({})
        if isinstance(value, str):
            return cls({lang: value} if value.strip() else {})
        return cls({k: v for k, v in value.items() if isinstance(v, str) and v.strip()})

    def get(self, lang: str) -> str:
        """The text in ``lang``, else in French, else in any language, else ``""``."""
        for key in (lang, SOURCE_LANGUAGE):
            if key in self.values:
                return self.values[key]
        return next(iter(self.values.values()), "")

    def __bool__(self) -> bool:
        return bool(self.values)

    def to_json(self) -> dict[str, str]:
        return dict(sorted(self.values.items()))


class Status(enum.StrEnum):
    """Event status, as OpenAgenda names them (codes 1 to 6)."""

    SCHEDULED = "scheduled"
    RESCHEDULED = "rescheduled"
    ONLINE = "online"
    POSTPONED = "postponed"
    FULL = "full"
    CANCELLED = "cancelled"

    @property
    def open_for_registration(self) -> bool:
        return self not in (Status.FULL, Status.CANCELLED, Status.POSTPONED)


class RegistrationType(enum.StrEnum):
    LINK = "link"
    EMAIL = "email"
    PHONE = "phone"


@dataclass(frozen=True, slots=True)
class Registration:
    type: RegistrationType
    value: str

    def to_json(self) -> dict[str, str]:
        return {"type": self.type.value, "value": self.value}


class Accessibility(enum.StrEnum):
    """OpenAgenda's accessibility flags."""

    HEARING = "hi"  # hearing impairment
    VISUAL = "vi"  # visual impairment
    PSYCHIC = "pi"  # psychic (mental health) impairment
    MOTOR = "mi"  # motor impairment
    INTELLECTUAL = "ii"  # intellectual impairment


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happens, as the source gave it (not necessarily a known Place)."""

    name: str
    address: str = ""
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "address": self.address, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class Event:
    """One occurrence of an event: a recurring series yields one Event per occurrence."""

    id: str  # unique per occurrence: "<source>:<uid>@<start>"
    uid: str  # the series' id in its source (OpenAgenda uid, iCalendar UID, ...)
    title: Text
    start: datetime  # timezone-aware
    end: datetime  # timezone-aware, >= start
    source: str
    all_day: bool = False
    description: Text = Text()
    conditions: Text = Text()
    place: EventPlace | None = None
    categories: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    registration: tuple[Registration, ...] = ()
    accessibility: frozenset[Accessibility] = frozenset()
    age_min: int | None = None
    age_max: int | None = None
    status: Status = Status.SCHEDULED
    url: str | None = None
    image: str | None = None

    @property
    def dedupe_key(self) -> tuple[str, float]:
        """Two sources publishing the same series occurrence share this key (whatever offset they write)."""
        return (self.uid, self.start.timestamp())

    def is_happening(self, now: datetime) -> bool:
        return self.start <= now < self.end

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "title": self.title.to_json(),
            "description": self.description.to_json(),
            "conditions": self.conditions.to_json(),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "all_day": self.all_day,
            "place": self.place.to_json() if self.place else None,
            "categories": list(self.categories),
            "keywords": list(self.keywords),
            "registration": [r.to_json() for r in self.registration],
            "accessibility": sorted(a.value for a in self.accessibility),
            "age_min": self.age_min,
            "age_max": self.age_max,
            "status": self.status.value,
            "source": self.source,
            "url": self.url,
            "image": self.image,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A leisure place on the map."""

    id: str
    name: Text
    category: str
    lat: float
    lon: float
    source: str
    address: str = ""
    description: Text = Text()
    opening_hours: Text = Text()
    accessibility: frozenset[Accessibility] = frozenset()
    url: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name.to_json(),
            "category": self.category,
            "lat": self.lat,
            "lon": self.lon,
            "address": self.address,
            "description": self.description.to_json(),
            "opening_hours": self.opening_hours.to_json(),
            "accessibility": sorted(a.value for a in self.accessibility),
            "url": self.url,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Stop:
    """A public-transport stop (from GTFS stops.txt), with the lines that serve it when known."""

    id: str
    name: str
    lat: float
    lon: float
    source: str
    lines: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "lat": self.lat,
            "lon": self.lon,
            "lines": list(self.lines),
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class InfoStep:
    """A short text to read together, with an optional picture (a file in resources/content/images/)."""

    text: Text
    image: str | None = None
    kind: ClassVar[str] = "info"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text.to_json(), "image": self.image}


@dataclass(frozen=True, slots=True)
class QuizStep:
    """A question with 2 to 4 answers; ``right`` is the index of the right one (from 0)."""

    question: Text
    answers: tuple[Text, ...]
    right: int
    explanation: Text

    kind: ClassVar[str] = "quiz"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "question": self.question.to_json(),
            "answers": [a.to_json() for a in self.answers],
            "right": self.right,
            "explanation": self.explanation.to_json(),
        }


@dataclass(frozen=True, slots=True)
class MapStep:
    """Find a place (a ``Place.id`` of the snapshot) among the places around the kiosk, with 1 to 3 hints."""

    place: str
    text: Text
    hints: tuple[Text, ...]
    explanation: Text = Text()
    kind: ClassVar[str] = "map"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "place": self.place,
            "text": self.text.to_json(),
            "hints": [h.to_json() for h in self.hints],
            "explanation": self.explanation.to_json(),
        }


@dataclass(frozen=True, slots=True)
class OrderStep:
    """Put 3 to 5 items back in order; ``items`` are given in the right order."""

    text: Text
    items: tuple[Text, ...]
    explanation: Text = Text()
    kind: ClassVar[str] = "order"

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text.to_json(),
            "items": [i.to_json() for i in self.items],
            "explanation": self.explanation.to_json(),
        }


Step = InfoStep | QuizStep | MapStep | OrderStep
STEP_KINDS = ("info", "quiz", "map", "order")

#: The pictogram names an activity may use instead of an emoji.
ACTIVITY_PICTOGRAMS = {
    "compass": "🧭",
    "map": "🗺️",
    "computer": "💻",
    "lock": "🔒",
    "book": "📚",
    "park": "🌳",
    "bike": "🚲",
    "bus": "🚌",
    "museum": "🏛️",
    "theatre": "🎭",
    "sport": "⚽",
    "city": "🏙️",
    "factory": "🏭",
    "star": "⭐",
    "question": "❓",
    "lightbulb": "💡",
}


@dataclass(frozen=True, slots=True)
class Activity:
    """A guided discovery activity for a group: an ordered list of steps."""

    id: str
    title: Text
    source: str
    age_min: int = 8
    age_max: int = 12
    duration_minutes: int = 20
    theme: str = ""
    pictogram: str = ""  # an emoji, or a name of ACTIVITY_PICTOGRAMS
    summary: Text = Text()
    take_home_url: str | None = None
    steps: tuple[Step, ...] = ()

    @property
    def icon(self) -> str:
        """The pictogram as an emoji."""
        return ACTIVITY_PICTOGRAMS.get(self.pictogram, self.pictogram) or ACTIVITY_PICTOGRAMS["compass"]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title.to_json(),
            "summary": self.summary.to_json(),
            "age_min": self.age_min,
            "age_max": self.age_max,
            "duration_minutes": self.duration_minutes,
            "theme": self.theme,
            "pictogram": self.pictogram,
            "take_home_url": self.take_home_url,
            "steps": [s.to_json() for s in self.steps],
            "source": self.source,
        }


class SourceState(enum.StrEnum):
    OK = "ok"  # the last fetch succeeded
    STALE = "stale"  # the last fetch failed; earlier items are kept
    ERROR = "error"  # failed and nothing good is known


@dataclass(frozen=True, slots=True)
class SourceStatus:
    name: str
    kind: str
    state: SourceState
    items: int = 0
    error: str | None = None
    fetched_at: datetime | None = None  # the last success

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "state": self.state.value,
            "items": self.items,
            "error": self.error,
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
        }


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the kiosk shows, at one moment: what the store saves and the views render."""

    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    stops: tuple[Stop, ...] = ()
    activities: tuple[Activity, ...] = ()
    sources: tuple[SourceStatus, ...] = ()

    def content_json(self) -> dict[str, Any]:
        """The content alone (no source states): what the content hash covers."""
        return {
            "events": [e.to_json() for e in self.events],
            "places": [p.to_json() for p in self.places],
            "stops": [s.to_json() for s in self.stops],
            "activities": [a.to_json() for a in self.activities],
        }

    def to_json(self) -> dict[str, Any]:
        return {**self.content_json(), "sources": [s.to_json() for s in self.sources]}

    @property
    def content_hash(self) -> str:
        """Equal for equal content, so screens re-render only when something they show changed."""
        blob = json.dumps(self.content_json(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()

    def source(self, name: str) -> SourceStatus | None:
        return next((s for s in self.sources if s.name == name), None)

    def upcoming(self, now: datetime) -> Iterable[Event]:
        """Events not yet over, in start order."""
        return (e for e in self.events if e.end > now)


def make_event(
    id: str,
    uid: str,
    title: Text,
    start: datetime,
    end: datetime,
    source: str,
    all_day: bool,
    description: Text,
    conditions: Text,
    place: EventPlace | None,
    categories: tuple[str, ...],
    keywords: tuple[str, ...],
    registration: tuple[Registration, ...],
    accessibility: frozenset[Accessibility],
    age_min: int | None,
    age_max: int | None,
    status: Status,
    url: str | None,
    image: str | None,
) -> Event:
    """``Event(...)`` with every field given, in their order, in about half the time, for the parsers, which
    make events by the ten thousand: Event is frozen, so its ``__init__`` sets each field through
    ``object.__setattr__``; here each slot is set directly (tests/content/test_model.py keeps the two alike)."""
    event: Event = _new(Event)
    _set_id(event, id)
    _set_uid(event, uid)
    _set_title(event, title)
    _set_start(event, start)
    _set_end(event, end)
    _set_source(event, source)
    _set_all_day(event, all_day)
    _set_description(event, description)
    _set_conditions(event, conditions)
    _set_place(event, place)
    _set_categories(event, categories)
    _set_keywords(event, keywords)
    _set_registration(event, registration)
    _set_accessibility(event, accessibility)
    _set_age_min(event, age_min)
    _set_age_max(event, age_max)
    _set_status(event, status)
    _set_url(event, url)
    _set_image(event, image)
    return event


_new = object.__new__
(
    _set_id,
    _set_uid,
    _set_title,
    _set_start,
    _set_end,
    _set_source,
    _set_all_day,
    _set_description,
    _set_conditions,
    _set_place,
    _set_categories,
    _set_keywords,
    _set_registration,
    _set_accessibility,
    _set_age_min,
    _set_age_max,
    _set_status,
    _set_url,
    _set_image,
) = (getattr(Event, name).__set__ for name in Event.__slots__)


def occurrence_id(source: str, uid: str, start: datetime) -> str:
    """The id of one occurrence: stable across syncs, unique across sources."""
    return f"{source}:{uid}@{start.isoformat()}"


#: Category ids used by the bundled content and the sources' mappings; the UI names them.
EVENT_CATEGORIES = (
    "atelier",
    "codesign",
    "culture-numerique",
    "table-ronde",
    "fablab",
    "exposition",
    "visite",
)
PLACE_CATEGORIES = (
    "musee",
    "parc",
    "piscine",
    "bibliotheque",
    "cinema",
    "sport",
    "famille",
    "spectacle",
    "patrimoine",
    "tiers-lieu",
)
