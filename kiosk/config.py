"""The kiosk's configuration: one TOML file, validated in full at start.

A wrong key never falls back to a default in silence: ``load_config`` raises ``ConfigError``
whose message names every offending key (``sources[1].url: file not found: ...``), and the CLI
prints it and exits with code 2.
"""

from __future__ import annotations

import sys
import tomllib
import zoneinfo
from collections.abc import Mapping
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import Field, PrivateAttr, SecretStr, ValidationError, field_validator, model_validator

from kiosk.content.sources.base import StrictModel
from kiosk.content.sources.gtfs import GtfsSource
from kiosk.content.sources.ical import ICalSource
from kiosk.content.sources.kiosk_feed import FeedSource
from kiosk.content.sources.openagenda import OpenAgendaSource
from kiosk.content.sources.opendatasoft import OpendatasoftSource
from kiosk.pin import check_hash_format
from kiosk.schedule import Slot

# Beside the package in a checkout; under sys._MEIPASS in the PyInstaller app (kiosk.spec).
RESOURCES = Path(getattr(sys, "_MEIPASS", "") or Path(__file__).resolve().parent.parent) / "resources"
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


OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


class MapSection(StrictModel):
    tile_url: str = Field(
        default=OSM_TILES,
        description="The tile server's URL template, with {z}, {x} and {y}. Tiles are cached on disk and fetched "
        "politely (at most 2 at a time, kept at least `tile_cache_days`); respect the server's usage policy.",
    )
    attribution: str = Field(
        default="© OpenStreetMap contributors",
        min_length=1,
        description="The tiles' credit, shown on the map (the commune outlines' credit is added to it).",
    )
    fetch_tiles: bool = Field(
        default=True, description="Fetch missing tiles from `tile_url` (false: show only the cached tiles)."
    )
    tile_cache_days: float = Field(
        default=7, ge=7, le=365, description="The shortest time a tile is kept before it is asked for again."
    )
    min_zoom: int = Field(default=11, ge=0, le=19, description="How far out visitors can zoom.")
    max_zoom: int = Field(default=19, ge=1, le=19, description="How far in visitors can zoom.")
    start_zoom: int = Field(default=14, ge=0, le=19, description="The zoom the map opens at, centred on the kiosk.")
    prefetch_bbox: tuple[float, float, float, float] = Field(
        default=(50.665, 3.120, 50.745, 3.225),
        description="The area `kiosk map prefetch` stores for offline use: south, west, north, east (degrees).",
    )
    prefetch_zooms: tuple[int, int] = Field(
        default=(11, 16), description="The lowest and highest zoom `kiosk map prefetch` stores (715 tiles by default)."
    )
    radii_m: list[int] = Field(
        default=[500, 1000, 2000, 5000],
        min_length=1,
        max_length=6,
        description="The « près d'ici » choices, in metres from the kiosk (« Tout » is always offered too).",
    )

    @field_validator("tile_url")
    @classmethod
    def _template(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")):
            raise ValueError("the tile URL must start with https:// (or http://)")
        missing = [p for p in ("{z}", "{x}", "{y}") if p not in value]
        if missing:
            raise ValueError(f"the tile URL lacks {', '.join(missing)}")
        return value

    @field_validator("radii_m")
    @classmethod
    def _radii(cls, value: list[int]) -> list[int]:
        if any(not 100 <= r <= 50_000 for r in value):
            raise ValueError("each radius must be between 100 and 50000 metres")
        return sorted(set(value))

    @model_validator(mode="after")
    def _zooms(self) -> MapSection:
        if not self.min_zoom <= self.start_zoom <= self.max_zoom:
            raise ValueError(f"start_zoom {self.start_zoom} must be between min_zoom and max_zoom")
        low, high = self.prefetch_zooms
        if not 0 <= low <= high <= self.max_zoom:
            raise ValueError(f"prefetch_zooms {self.prefetch_zooms} must be ordered and at most max_zoom")
        south, west, north, east = self.prefetch_bbox
        if not (-85 <= south < north <= 85 and -180 <= west < east <= 180):
            raise ValueError("prefetch_bbox must be south, west, north, east with south < north and west < east")
        return self


Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class TimeSlot(StrictModel):
    days: list[Day] = Field(min_length=1, description='Days of the week: "mon" to "sun".')
    start: time = Field(description="Local start time, such as 09:00.")
    end: time = Field(description="Local end time (not included).")

    @model_validator(mode="after")
    def _ordered(self) -> TimeSlot:
        if self.end <= self.start:
            raise ValueError(f"end {self.end} must come after start {self.start}")
        return self

    def slot(self, mode: str = "") -> Slot:
        return Slot(tuple(self.days), self.start, self.end, mode)


class ModeSlot(TimeSlot):
    mode: Mode = Field(description="The mode during this slot.")


class SignupsSection(StrictModel):
    endpoint: str | None = Field(
        default=None,
        description="Where sign-ups made on the kiosk are POSTed as JSON (an http or https URL). Without it they "
        "wait in the outbox until staff export them (`kiosk signups export`).",
    )
    token: SecretStr | None = Field(
        default=None,
        description="The bearer token sent with each sign-up. Better: leave it out and set the variable named "
        "by token_env.",
    )
    token_env: str = Field(
        default="KIOSK_SIGNUP_TOKEN",
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description="The environment variable holding the bearer token when token is not set.",
    )
    purge_days: int = Field(
        default=30, ge=1, le=365, description="Undelivered sign-ups older than this many days are deleted."
    )
    contact: str = Field(
        default="",
        max_length=120,
        description="Who visitors can ask about their data (an e-mail address or a desk), shown in the consent "
        "notice. Empty: « l'accueil du Champ Libre ».",
    )
    utm_tagging: bool = Field(
        default=False, description="Add utm_source=kiosk-<id> to the web links shown as QR codes."
    )
    virtual_keyboard: bool = Field(
        default=True,
        description="Show Qt's on-screen keyboard (QT_IM_MODULE=qtvirtualkeyboard) when a text field is touched.",
    )
    timeout_seconds: float = Field(default=10, gt=0, le=120, description="Seconds to wait for the endpoint.")
    retry_seconds: float = Field(
        default=30, ge=1, le=3600, description="First delay before a failed delivery is tried again; it doubles."
    )
    retry_max_minutes: float = Field(
        default=60, ge=1, le=1440, description="The longest delay between two delivery attempts, in minutes."
    )

    @field_validator("endpoint")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
            raise ValueError(f"expected an http(s) URL without credentials, not {value!r}")
        return value

    def resolved_token(self, environ: Mapping[str, str]) -> str | None:
        """The token from the file, else from the environment variable ``token_env``."""
        if self.token is not None:
            return self.token.get_secret_value()
        return environ.get(self.token_env) or None


class ModesSection(StrictModel):
    default: Mode = Field(default="accueil", description="The mode the kiosk starts in, and outside the schedule.")
    schedule: list[ModeSlot] = Field(
        default=[],
        description='Weekly slots switching modes, e.g. { days = ["tue", "thu"], start = 09:00:00, '
        'end = 12:00:00, mode = "decouverte" }. A staff switch lasts until the next slot boundary.',
    )
    opening_hours: list[TimeSlot] = Field(
        default=[], description="When the place is open (empty: always). Used by sleep_outside_hours."
    )
    sleep_outside_hours: bool = Field(
        default=False, description="Blank the screen (and switch the display off with DPMS) outside opening hours."
    )
    signage_interactive: bool = Field(
        default=False, description="In signage mode (affichage), let a touch open the kiosk instead of a notice."
    )


class StaffSection(StrictModel):
    pin_hash: str | None = Field(
        default=None,
        description="The staff PIN's salted scrypt hash, printed by `kiosk hash-pin`. Without it there is no "
        "staff panel. A plain PIN is refused.",
    )
    long_press_seconds: float = Field(
        default=3, ge=1, le=15, description="How long to press the logo to ask for the PIN."
    )
    panel_timeout_seconds: int = Field(
        default=120, ge=15, le=3600, description="The staff panel closes itself after this long without a touch."
    )

    @model_validator(mode="before")
    @classmethod
    def _no_plain_pin(cls, data: Any) -> Any:  # noqa: ANN401 - raw TOML
        if isinstance(data, dict) and "pin" in data:
            raise ValueError("a plain PIN is not accepted: put its hash in pin_hash (printed by `kiosk hash-pin`)")
        return data

    @field_validator("pin_hash")
    @classmethod
    def _hashed(cls, value: str | None) -> str | None:
        return None if value is None else check_hash_format(value)


class IdleSection(StrictModel):
    warning_after_seconds: int = Field(
        default=90, ge=10, le=3600, description="Without a touch for this long, ask « Vous êtes toujours là ? »."
    )
    countdown_seconds: int = Field(default=20, ge=5, le=120, description="Then reset after this countdown.")
    attract_after_seconds: int = Field(
        default=300, ge=30, le=86400, description="Without a touch for this long, show the attract loop."
    )


def _http_url_or_none(value: str | None) -> str | None:
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or "@" in parts.netloc:
        raise ValueError(f"expected an http(s) URL without credentials, not {value!r}")
    return value


class FleetSection(StrictModel):
    overlay_url: str | None = Field(
        default=None,
        description="A TOML overlay of this file, read at start and on each refresh, e.g. "
        '"https://example.org/kiosks/{kiosk_id}.toml" ({kiosk_id} is replaced). Its tables are merged over this '
        "file's, its [[sources]] replace them; it is validated like this file, and refused whole if invalid. "
        "See docs/deployment.md for the keys applied at once and those that wait for a restart.",
    )

    @field_validator("overlay_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return _http_url_or_none(value)


class HeartbeatSection(StrictModel):
    url: str | None = Field(
        default=None,
        description="Where the status document (status.json in the data folder) is also POSTed as JSON. "
        "Without it, the document is only written to the data folder (`kiosk status`).",
    )
    interval_minutes: float = Field(default=5, ge=0.5, le=1440, description="Minutes between two status documents.")
    token_env: str = Field(
        default="KIOSK_HEARTBEAT_TOKEN",
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description="The environment variable holding a bearer token for the heartbeat URL (none: no header).",
    )
    include_usage: bool = Field(
        default=False, description="Add the anonymous usage counts of the last 24 hours to the document."
    )

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return _http_url_or_none(value)


class LogsSection(StrictModel):
    file: bool = Field(default=True, description="Write logs to logs/kiosk.log in the data folder, rotated by size.")
    max_kilobytes: int = Field(default=1024, ge=16, le=102_400, description="Size of one log file before rotation.")
    backups: int = Field(default=5, ge=1, le=50, description="Rotated log files kept (kiosk.log.1 ... .N).")
    journald: bool = Field(
        default=True,
        description="Under systemd (JOURNAL_STREAM set), log to the journal: systemd.journal when installed, else "
        "stderr without timestamps, with priority prefixes.",
    )


class HealthSection(StrictModel):
    memory_ceiling_mb: int | None = Field(
        default=None,
        ge=200,
        le=65_536,
        description="Above this resident memory (the kiosk and its QtWebEngine processes together), the map's web "
        "page is recycled (a fresh render process) as soon as the map is off screen. None: never.",
    )
    check_seconds: int = Field(default=60, ge=5, le=3600, description="Seconds between two health checks.")
    nightly_restart: time | None = Field(
        default=None,
        description="A local time (e.g. 04:30:00) after which the kiosk restarts once a day, as soon as no visitor "
        "is in the middle of something. None: never.",
    )


class StatsSection(StrictModel):
    enabled: bool = Field(
        default=True,
        description="Count, per hour, what visitors use (screens, filters, languages, sessions...): anonymous counts "
        "only, in usage-stats.sqlite in the data folder.",
    )
    feedback: bool = Field(
        default=True,
        description="Ask « Ce kiosque vous a-t-il été utile ? » (three faces) on the home screen after a visit.",
    )
    keep_days: int = Field(default=400, ge=7, le=3660, description="Hourly counts older than this are deleted.")


class Config(StrictModel):
    schema_version: Literal[1] = Field(default=1, description="The version of this file's format: 1.")
    kiosk: KioskSection
    languages: LanguagesSection = LanguagesSection()
    content: ContentSection = ContentSection()
    display: DisplaySection = DisplaySection()
    map: MapSection = MapSection()
    modes: ModesSection = ModesSection()
    signups: SignupsSection = SignupsSection()
    staff: StaffSection = StaffSection()
    idle: IdleSection = IdleSection()
    fleet: FleetSection = FleetSection()
    heartbeat: HeartbeatSection = HeartbeatSection()
    logs: LogsSection = LogsSection()
    health: HealthSection = HealthSection()
    stats: StatsSection = StatsSection()
    sources: list[Source] = Field(
        default=[],
        description="Where content comes from. With none (or none reachable), the bundled pack is shown.",
    )

    # The validated TOML tables and the folder relative paths are read from: a fleet overlay merges over them.
    _data: dict[str, Any] = PrivateAttr(default_factory=dict)
    _base_dir: Path = PrivateAttr(default=Path())

    @property
    def data(self) -> dict[str, Any]:
        return self._data

    @property
    def base_dir(self) -> Path:
        return self._base_dir

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
    return validate_config(data, base_dir=base_dir, origin=origin)


def validate_config(data: dict[str, Any], *, base_dir: Path, origin: str = "config") -> Config:
    """Validate TOML tables already parsed (a file, or a file merged with a fleet overlay)."""
    try:
        config = Config.model_validate(data, context={"base_dir": base_dir})
    except ValidationError as exc:
        raise ConfigError(format_errors(exc, origin)) from None
    config._data, config._base_dir = data, base_dir
    return config


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
