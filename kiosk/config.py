"""The kiosk's configuration: one TOML file, validated in full at start.

A wrong key never falls back to a default in silence: ``load_config`` raises ``ConfigError``
whose message names every offending key (``sources[1].url: file not found: ...``), and the CLI
prints it and exits with code 2.
"""

from __future__ import annotations

import tomllib
import zoneinfo
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from kiosk.content.sources.base import StrictModel
from kiosk.content.sources.gtfs import GtfsSource
from kiosk.content.sources.ical import ICalSource
from kiosk.content.sources.kiosk_feed import FeedSource
from kiosk.content.sources.openagenda import OpenAgendaSource
from kiosk.content.sources.opendatasoft import OpendatasoftSource

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEFAULT_CONFIG = RESOURCES / "config" / "kiosk.toml"

Language = Literal["fr", "en", "nl"]
Mode = Literal["accueil", "decouverte", "affichage", "hors-service"]

Source = Annotated[
    FeedSource | ICalSource | OpenAgendaSource | OpendatasoftSource | GtfsSource,
    Field(discriminator="kind"),
]
SOURCE_KINDS = ("feed", "ical", "openagenda", "opendatasoft", "gtfs")


class ConfigError(Exception):
    """The configuration cannot be used; the message is meant for the person who wrote it."""


class Location(StrictModel):
    name: str = Field(min_length=1, description="The place's name, shown on the map as « Vous êtes ici ».")
    lat: float = Field(ge=-90, le=90, description="Latitude in degrees (WGS 84).")
    lon: float = Field(ge=-180, le=180, description="Longitude in degrees (WGS 84).")


class KioskSection(StrictModel):
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]{0,62}$",
        description="This kiosk's id: lowercase letters, digits and dashes (used in logs and QR tags).",
    )
    location: Location = Field(description="Where the kiosk stands: the origin of distances and routes.")
    timezone: str = Field(default="Europe/Paris", description="The time zone events are shown in.")
    data_dir: Path | None = Field(
        default=None,
        description="Where the kiosk keeps its content snapshot and caches. Default: the platform's "
        "user data folder. Overridden by --data-dir and KIOSK_DATA_DIR.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (for example: Europe/Paris)") from None
        return value


class LanguagesSection(StrictModel):
    default: Language = Field(default="fr", description="The language the kiosk starts and resets in.")
    offered: list[Language] = Field(
        default=["fr", "en", "nl"], min_length=1, description="The languages visitors can choose, in order."
    )

    @model_validator(mode="after")
    def _default_is_offered(self) -> LanguagesSection:
        if self.default not in self.offered:
            raise ValueError(f"the default language {self.default!r} must be one of offered {self.offered}")
        return self


class ContentSection(StrictModel):
    refresh_minutes: float = Field(default=5, ge=0.5, le=1440, description="Minutes between two refreshes.")
    window_days: int = Field(default=60, ge=1, le=366, description="How many days ahead the programme shows.")
    connect_timeout: float = Field(default=5, gt=0, le=60, description="Seconds to wait for a server to answer.")
    read_timeout: float = Field(default=20, gt=0, le=300, description="Seconds to wait for data once connected.")
    max_megabytes: float = Field(default=20, gt=0, le=500, description="Largest download accepted, in MB.")
    retries: int = Field(default=2, ge=0, le=10, description="Retries of a failed download, with backoff.")


class DisplaySection(StrictModel):
    fullscreen: bool = Field(default=True, description="Frameless full screen (false: a window, for development).")
    hide_cursor: bool = Field(default=False, description="Hide the mouse cursor (touch screens).")


class ModesSection(StrictModel):
    default: Mode = Field(default="accueil", description="The mode the kiosk starts in.")


class Config(StrictModel):
    schema_version: Literal[1] = Field(default=1, description="The version of this file's format: 1.")
    kiosk: KioskSection
    languages: LanguagesSection = LanguagesSection()
    content: ContentSection = ContentSection()
    display: DisplaySection = DisplaySection()
    modes: ModesSection = ModesSection()
    sources: list[Source] = Field(
        default=[],
        description="Where content comes from. With none (or none reachable), the bundled pack is shown.",
    )

    @field_validator("sources")
    @classmethod
    def _unique_names(cls, sources: list[Any]) -> list[Any]:
        names = [s.name for s in sources]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"source names must be unique; repeated: {', '.join(twice)}")
        return sources


def _where(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for i, part in enumerate(loc):
        if isinstance(part, int):
            parts[-1] += f"[{part}]"
        elif i > 0 and isinstance(loc[i - 1], int) and part in SOURCE_KINDS:
            continue  # pydantic's discriminator tag: "sources[0].ical.url" -> "sources[0].url"
        else:
            parts.append(part)
    return ".".join(parts) or "(file)"


def _explain(error: dict[str, Any]) -> str:
    kind, msg = error["type"], str(error["msg"])
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "missing key"
    if kind == "union_tag_invalid":
        return f"unknown source kind {error['input'].get('kind')!r} (expected one of: {', '.join(SOURCE_KINDS)})"
    if kind == "union_tag_not_found":
        return f"missing key 'kind' (one of: {', '.join(SOURCE_KINDS)})"
    return msg.removeprefix("Value error, ")


def format_errors(error: ValidationError, origin: str) -> str:
    lines = [f"{origin}: the configuration has {error.error_count()} problem(s):"]
    lines += [f"  {_where(tuple(e['loc']))}: {_explain(dict(e))}" for e in error.errors()]
    return "\n".join(lines)


def parse_config(text: str, *, base_dir: Path, origin: str = "config") -> Config:
    """Validate TOML text; relative file paths in it are taken from ``base_dir``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    try:
        return Config.model_validate(data, context={"base_dir": base_dir})
    except ValidationError as exc:
        raise ConfigError(format_errors(exc, origin)) from None


def load_config(path: Path | None = None) -> Config:
    """Load ``path``, or the bundled example when it is None."""
    path = path or DEFAULT_CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    return parse_config(text, base_dir=path.resolve().parent, origin=str(path))
