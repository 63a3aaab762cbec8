"""What every source module offers: a pure ``parse_*`` function and a ``read`` that fetches.

A source module turns one backend's bytes into the normalized model. It never raises for one
bad record (it skips it and says why in ``ParseResult.skipped``); it raises ``FeedError`` only
when the whole payload is unusable (not JSON, not iCalendar, wrong shape), so the sync can keep
that source's last good items.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from kiosk.content.model import Activity, Event, Place, Stop


class FeedError(Exception):
    """The whole payload of a source is unusable; the message says why, in plain words."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """One record left out, and why (shown by ``kiosk content check``)."""

    item: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return {"item": self.item, "reason": self.reason}


@dataclass(slots=True)
class ParseResult:
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def items(self) -> int:
        return len(self.events) + len(self.places) + len(self.stops) + len(self.activities)

    def extend(self, other: ParseResult) -> None:
        self.events.extend(other.events)
        self.places.extend(other.places)
        self.stops.extend(other.stops)
        self.activities.extend(other.activities)
        self.skipped.extend(other.skipped)


@dataclass(frozen=True, slots=True)
class Window:
    """The time span recurring events are expanded over (default: now to now + 60 days)."""

    start: datetime
    end: datetime


class Fetcher(Protocol):
    """Gets the bytes behind an http(s) URL or a file path; raises ``FeedError`` on failure."""

    def get(
        self,
        url: str,
        params: Mapping[str, str | list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> bytes: ...


# --- configuration shared by every source kind -------------------------------------------------
# Each source module declares its own ``[[sources]]`` model (kind-specific keys beside the code
# that reads them); ``kiosk.config`` gathers them into one discriminated union on ``kind``.


class StrictModel(BaseModel):
    """Unknown keys are an error, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def resolve_location(value: str, info: ValidationInfo) -> str:
    """Accept an http(s) URL, or a file path (relative to the config file) that exists."""
    value = value.strip()
    scheme = urlsplit(value).scheme.lower()
    if scheme in ("http", "https"):
        if not urlsplit(value).netloc:
            raise ValueError(f"not a valid URL: {value!r}")
        return value
    if scheme and len(scheme) > 1:  # a one-letter "scheme" is a Windows drive
        raise ValueError(f"only http(s) URLs or file paths are accepted, not {scheme}:")
    base = (info.context or {}).get("base_dir")
    try:
        path = Path(value).expanduser()
        if not path.is_absolute() and base is not None:
            path = Path(base) / path
        found = path.exists()
        resolved = str(path.resolve()) if found else ""
    except (OSError, RuntimeError) as exc:  # a name too long, a loop of links, an unknown ~user...
        raise ValueError(
            f"not a file that can be read: {value[:80]!r} ({getattr(exc, 'strerror', None) or exc})"
        ) from exc
    if not found:
        raise ValueError(f"file not found: {path}")
    return resolved


def is_http(location: str) -> bool:
    return urlsplit(location).scheme.lower() in ("http", "https")


class SourceBase(StrictModel):
    name: str = Field(min_length=1, description="A short unique name, shown to staff and in logs.")
    url: str = Field(description="An http(s) URL, or a file path relative to the config file.")
    enabled: bool = Field(default=True, description="Set to false to keep a source without reading it.")

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str, info: ValidationInfo) -> str:
        return resolve_location(value, info)
