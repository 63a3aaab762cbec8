"""iCalendar (RFC 5545) source: ``.ics`` feeds or files, recurring events expanded over the window.

Reading is lenient where calendars in the wild are sloppy (floating times, ``X-WR-TIMEZONE``
instead of ``VTIMEZONE``, HTML descriptions, Windows-1252 files, lines folded in the middle of a
UTF-8 character) and strict where a mistake would show wrong information: a ``VEVENT`` whose
dates cannot be read, or that ends before it starts, is left out and reported in
``ParseResult.skipped``; a payload that is not iCalendar at all raises ``FeedError``.

Times are normalized as follows: a floating time (no ``TZID``, no ``Z``) is taken in the
calendar's time zone, that is ``X-WR-TIMEZONE`` when the calendar names a known one, else the
configured ``timezone``. Timed occurrences are then given in the configured ``timezone`` (the
zone the kiosk shows); all-day occurrences run from midnight to midnight (end exclusive) in the
calendar's time zone.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationInfo, field_validator

from kiosk.content.model import (
    Event,
    EventPlace,
    Registration,
    RegistrationType,
    Status,
    Text,
    occurrence_id,
)
from kiosk.content.sources._text import html_to_text
from kiosk.content.sources.base import (
    FeedError,
    Fetcher,
    ParseResult,
    Skipped,
    SourceBase,
    Window,
    resolve_location,
)

# icalendar and recurring_ical_events (~0.2 s to import) are imported where a calendar is read, in the
# content worker: the configuration imports this module for ICalSource at every start.
if TYPE_CHECKING:
    import icalendar

log = logging.getLogger(__name__)

DEFAULT_TIMEZONE = "Europe/Paris"
DEFAULT_LANGUAGE = "fr"


def _zone(key: str) -> ZoneInfo | None:
    """The IANA time zone named ``key``, or None if there is no such zone."""
    key = key.strip()
    if not key:
        return None
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}")


def _language(tag: object, default: str) -> str:
    """The primary subtag of a language tag (``en-GB`` -> ``en``), or ``default``."""
    if isinstance(tag, str):
        match = _LANGUAGE.match(tag.strip())
        if match and (len(tag.strip()) == match.end() or tag.strip()[match.end()] in "-_"):
            return match.group().lower()
    return default


# --- configuration ------------------------------------------------------------------------------


class ICalSource(SourceBase):
    """One or more iCalendar (``.ics``) feeds or files."""

    kind: Literal["ical"] = "ical"
    extra_urls: list[str] = Field(
        default_factory=list,
        description="More .ics feeds (http(s) URLs) or files (relative to the config file), "
        "read and merged with `url`; if one fails, the whole source fails.",
    )
    language: str = Field(
        default=DEFAULT_LANGUAGE,
        description="The language of titles and descriptions (a code like fr, en or nl) "
        "when the calendar does not say (no LANGUAGE parameter).",
    )
    timezone: str = Field(
        default=DEFAULT_TIMEZONE,
        description="The time zone (like Europe/Paris) of floating times and all-day dates when the "
        "calendar names none (no X-WR-TIMEZONE); timed events are given in this zone.",
    )
    categories: dict[str, str] = Field(
        default_factory=dict,
        description="Maps the calendar's CATEGORIES labels (case-insensitive) to the kiosk's category "
        'ids, for example {Atelier = "atelier"}; unknown labels are kept, lowercased.',
    )
    default_categories: list[str] = Field(
        default_factory=list,
        description="Category ids given to the events that have no CATEGORIES.",
    )
    registration_from_url: bool = Field(
        default=True,
        description="Offer an event's URL as its registration link (shown as a QR code).",
    )

    @field_validator("extra_urls")
    @classmethod
    def _check_extra_urls(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return [resolve_location(item, info) for item in value]

    @field_validator("language")
    @classmethod
    def _check_language(cls, value: str) -> str:
        value = value.strip().lower()
        if not re.fullmatch(r"[a-z]{2,3}", value):
            raise ValueError(f"not a language code like fr, en or nl: {value!r}")
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        if _zone(value) is None:
            raise ValueError(f"unknown time zone {value!r}; use a name like Europe/Paris")
        return value.strip()


# --- bytes to text --------------------------------------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_FOLD = re.compile(rb"\n[ \t]")


def _not_ical(head: bytes) -> str:
    """Why a payload that does not start with ``BEGIN:VCALENDAR`` is rejected, in plain words."""
    head = head.lstrip()[:64].lower()
    if not head:
        return "the feed is empty"
    if head.startswith(b"<"):
        return "this is an HTML or XML page, not an iCalendar file (a wrong URL, or an error or login page?)"
    if head[:1] in (b"{", b"["):
        return "this is JSON, not an iCalendar file"
    return "this is not an iCalendar file (it does not start with BEGIN:VCALENDAR)"


def _decode(data: bytes) -> str:
    """Unfold the content lines and decode them: UTF-8, else Windows-1252 or Latin-1."""
    if data.startswith(_UTF16_BOMS):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeError as exc:
            raise FeedError("this is not an iCalendar file (unreadable UTF-16 text)") from exc
    data = data.removeprefix(_UTF8_BOM)
    if not data.lstrip()[:15].upper().startswith(b"BEGIN:VCALENDAR"):
        raise FeedError(_not_ical(data))
    if b"\x00" in data:
        raise FeedError("this is not an iCalendar file (it holds binary data)")
    if b"END:VCALENDAR" not in data.upper():
        raise FeedError("the iCalendar file is cut short (no END:VCALENDAR)")
    # Unfold before decoding: a line may be folded in the middle of a multi-byte character.
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    data = _FOLD.sub(b"", data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # a byte cp1252 leaves undefined
        text = data.decode("latin-1")
    log.warning("iCalendar data is not UTF-8; read as Windows-1252 (accents may be wrong)")
    return text


# --- plain text out of HTML ------------------------------------------------------------------------

_HTML_HINT = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


_SPACES = re.compile(r"\s+")


def _tidy_lines(text: str) -> str:
    """Strip every line; keep at most one blank line between paragraphs."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip()


def _plain(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_HINT.search(value):
        return html_to_text(value)
    return _tidy_lines(value)


# --- time zones ---------------------------------------------------------------------------------------


def _is_utc(value: datetime) -> bool:
    return value.tzinfo is not None and value.utcoffset() == timedelta(0) and value.tzname() == "UTC"


def _localize(value: object, zone: tzinfo, *, utc_too: bool) -> object:
    """Put a floating time (and, if ``utc_too``, a UTC time) into ``zone``; the rest unchanged."""
    if isinstance(value, tuple):  # a PERIOD: (start, end or duration)
        return tuple(_localize(item, zone, utc_too=utc_too) for item in value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=zone)
        if utc_too and _is_utc(value):
            return value.astimezone(zone)
    return value


def _localize_event(component: icalendar.Component, zone: tzinfo, *, utc_too: bool) -> None:
    from icalendar.prop import vDDDLists, vDDDTypes  # noqa: PLC0415 - see the imports

    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        prop = component.get(name)
        if isinstance(prop, vDDDTypes):
            new = _localize(prop.dt, zone, utc_too=utc_too)
            if new is not prop.dt and isinstance(new, date):
                replacement = vDDDTypes(new)
                for key, param in prop.params.items():
                    if key.upper() not in ("TZID", "VALUE"):
                        replacement.params[key] = param
                component[name] = replacement
    for name in ("RDATE", "EXDATE"):
        prop = component.get(name)
        if prop is None:
            continue
        props = prop if isinstance(prop, list) else [prop]
        localized = [
            vDDDLists([_localize(item.dt, zone, utc_too=utc_too) for item in each.dts])
            if isinstance(each, vDDDLists)
            else each
            for each in props
        ]
        component[name] = localized if isinstance(prop, list) else localized[0]


def _calendar_zone(calendar: icalendar.Component, fallback: ZoneInfo) -> tuple[tzinfo, bool]:
    """The calendar's time zone, and whether it comes from ``X-WR-TIMEZONE``."""
    from icalendar.timezone import tzp  # noqa: PLC0415 - see the imports

    name = calendar.get("X-WR-TIMEZONE")
    if name is None or not str(name).strip():
        return fallback, False
    zone: tzinfo | None = _zone(str(name))
    if zone is None:
        try:
            zone = tzp.timezone(str(name).strip())  # Windows names like "Romance Standard Time"
        except Exception:  # an unknown name is all this can mean
            zone = None
    if zone is None:
        log.warning("unknown X-WR-TIMEZONE %r; using %s", str(name), fallback.key)
        return fallback, False
    return zone, True


def _aware(value: date, zone: tzinfo) -> datetime:
    """A date as midnight in ``zone``; a floating time in ``zone``; an aware time as is."""
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=zone)
    if value.tzinfo is None:
        return value.replace(tzinfo=zone)
    return value


# --- checking one VEVENT -------------------------------------------------------------------------------

_DATE_PROPERTIES = {
    "DTSTART": "start date",
    "DTEND": "end date",
    "DURATION": "duration",
    "RECURRENCE-ID": "recurrence id",
    "RRULE": "repeat rule",
    "RDATE": "extra dates",
    "EXDATE": "excluded dates",
}
_TOO_FREQUENT = frozenset(("SECONDLY", "MINUTELY"))
_MAX_PER_DAY = 48


def _listed(value: object) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _label(component: icalendar.Component, index: int) -> str:
    """What to call a VEVENT in a report: its UID, else its title, else its position."""
    for name in ("UID", "SUMMARY"):
        for value in _listed(component.get(name)):
            if str(value).strip():
                return str(value).strip()
    return f"VEVENT #{index}"


def _rule_problem(component: icalendar.Component) -> str | None:
    for rule in _listed(component.get("RRULE")):
        freq = {str(f).upper() for f in rule.get("FREQ", [])} if hasattr(rule, "get") else set()
        per_day = 1
        for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
            per_day *= max(1, len(rule.get(part, []))) if hasattr(rule, "get") else 1
        if freq & _TOO_FREQUENT or per_day > _MAX_PER_DAY:
            return "it repeats every few minutes or seconds (RRULE), too often to show"
    return None


def _date_of(prop: object) -> date | None:
    """The date or date-time of a DTSTART-like property, or None if it holds something else."""
    from icalendar.prop import vDDDTypes  # noqa: PLC0415 - see the imports

    if isinstance(prop, vDDDTypes) and isinstance(prop.dt, date):
        return prop.dt
    return None


def _negative(value: object) -> bool:
    return isinstance(value, timedelta) and value < timedelta(0)


def _is_date(prop: object) -> bool:
    return _date_of(prop) is not None


def _structure_problem(component: icalendar.Component) -> str | None:
    """A date property that is missing, unreadable or of the wrong type."""
    from icalendar.prop import vDDDLists, vDDDTypes  # noqa: PLC0415 - see the imports

    if "DTSTART" not in component:
        return "no start date (DTSTART)"
    for name, message in getattr(component, "errors", ()):
        if str(name).upper() in _DATE_PROPERTIES:
            label = _DATE_PROPERTIES[str(name).upper()]
            return f"unreadable {label} ({str(name).upper()}): {message}"
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        if name in component and not _is_date(component[name]):
            return f"unreadable {_DATE_PROPERTIES[name]} ({name})"
    for name in ("RDATE", "EXDATE"):
        if any(not isinstance(each, vDDDLists) for each in _listed(component.get(name))):
            return f"unreadable {_DATE_PROPERTIES[name]} ({name})"
    duration = component.get("DURATION")
    if duration is not None and not (isinstance(duration, vDDDTypes) and isinstance(duration.dt, timedelta)):
        return "unreadable duration (DURATION)"
    return None


def _problem(component: icalendar.Component, zone: tzinfo) -> str | None:
    """Why this VEVENT cannot be shown, or None if it can."""
    from icalendar.prop import vDDDTypes  # noqa: PLC0415 - see the imports

    problem = _structure_problem(component)
    if problem is not None:
        return problem
    access = next((str(v).strip().upper() for v in _listed(component.get("CLASS"))), "PUBLIC")
    if access in ("PRIVATE", "CONFIDENTIAL"):
        return f"marked private (CLASS:{access}); not shown on a public screen"
    start = _date_of(component.get("DTSTART"))
    end = _date_of(component.get("DTEND"))
    duration = component.get("DURATION")
    if start is None:  # ruled out above; this tells the type checker
        return "unreadable start date (DTSTART)"
    if end is not None:
        if _aware(end, zone) < _aware(start, zone):
            return f"it ends ({end.isoformat()}) before it starts ({start.isoformat()})"
    elif isinstance(duration, vDDDTypes) and _negative(duration.dt):
        return f"negative duration (DURATION:{duration.to_ical().decode()})"
    return _rule_problem(component)


def _derived_uid(component: icalendar.Component) -> str:
    """A stable UID for a VEVENT without one, from its title and start."""
    from icalendar.prop import vDDDTypes  # noqa: PLC0415 - see the imports

    summary = "".join(str(value) for value in _listed(component.get("SUMMARY")))
    start = component.get("DTSTART")
    stamp = start.to_ical().decode() if isinstance(start, vDDDTypes) else str(start)
    tzid = start.params.get("TZID", "") if isinstance(start, vDDDTypes) else ""
    digest = hashlib.sha256(f"{summary}\x1f{tzid}\x1f{stamp}".encode()).hexdigest()
    return f"ical-{digest[:16]}"


# --- what an occurrence says, besides its dates -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Details:
    title: Text
    description: Text
    place: EventPlace | None
    categories: tuple[str, ...]
    url: str | None
    registration: tuple[Registration, ...]
    status: Status


@dataclass(frozen=True, slots=True)
class _Options:
    source: str
    language: str
    out_zone: ZoneInfo
    categories: Mapping[str, str]
    default_categories: tuple[str, ...]
    registration_from_url: bool


def _texts(prop: object, default_lang: str) -> dict[str, str]:
    """``{lang: text}`` from one or several (one per LANGUAGE) text properties."""
    result: dict[str, str] = {}
    for value in _listed(prop):
        params = getattr(value, "params", {})
        lang = _language(params.get("LANGUAGE"), default_lang)
        text = _plain(str(value))
        if text and lang not in result:
            result[lang] = text
    return result


def _coordinate(value: object, limit: float) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and -limit <= number <= limit else None


def _place(component: icalendar.Component) -> EventPlace | None:
    location = next((str(v).strip() for v in _listed(component.get("LOCATION")) if str(v).strip()), "")
    lat = lon = None
    geo = component.get("GEO")
    if geo is not None and hasattr(geo, "latitude") and hasattr(geo, "longitude"):
        lat = _coordinate(geo.latitude, 90.0)
        lon = _coordinate(geo.longitude, 180.0)
        if lat is None or lon is None:
            lat = lon = None
    if not location and lat is None:
        return None
    name, address = location, location
    separator = re.search(r"[,\n]", location)
    if separator:
        head = location[: separator.start()].strip()
        rest = ", ".join(part.strip() for part in re.split(r"[\n]", location[separator.end() :]) if part.strip())
        name, address = (head, rest) if head else (rest, rest)
    return EventPlace(name=_SPACES.sub(" ", name), address=_SPACES.sub(" ", address), lat=lat, lon=lon)


def _category_labels(prop: object) -> Iterator[str]:
    for value in _listed(prop):
        cats = getattr(value, "cats", None)
        for label in cats if cats is not None else str(value).split(","):
            text = str(label).strip().lower()
            if text:
                yield text


def _url(prop: object) -> str | None:
    for value in _listed(prop):
        url = str(value).strip()
        parts = urlsplit(url)
        if parts.scheme.lower() in ("http", "https") and parts.netloc:
            return url
    return None


def _details(component: icalendar.Component, options: _Options) -> _Details:
    titles = _texts(component.get("SUMMARY"), options.language)
    title_lang = next(iter(titles), options.language)
    description_prop = component.get("DESCRIPTION")
    if description_prop is None:
        description_prop = component.get("X-ALT-DESC")
    descriptions = _texts(description_prop, title_lang)
    categories: list[str] = []
    for label in _category_labels(component.get("CATEGORIES")):
        category = options.categories.get(label, label)
        if category not in categories:
            categories.append(category)
    url = _url(component.get("URL"))
    registration = (Registration(RegistrationType.LINK, url),) if url and options.registration_from_url else ()
    status_value = next((str(v).strip().upper() for v in _listed(component.get("STATUS"))), "")
    return _Details(
        title=Text.of(titles),
        description=Text.of(descriptions),
        place=_place(component),
        categories=tuple(categories) or options.default_categories,
        url=url,
        registration=registration,
        status=Status.CANCELLED if status_value == "CANCELLED" else Status.SCHEDULED,
    )


_DETAIL_PROPERTIES = (
    "SUMMARY",
    "DESCRIPTION",
    "X-ALT-DESC",
    "LOCATION",
    "GEO",
    "CATEGORIES",
    "URL",
    "STATUS",
)


def _details_key(component: icalendar.Component) -> tuple[tuple[tuple[str, str], ...], ...]:
    """What the details are computed from, so that every occurrence of a series shares them."""
    return tuple(
        tuple(
            (
                value if isinstance(value, str) else repr(value),
                str(getattr(value, "params", {}).get("LANGUAGE", "")),
            )
            for value in _listed(component.get(name))
        )
        for name in _DETAIL_PROPERTIES
    )


# --- parsing --------------------------------------------------------------------------------------------


def parse_ical(
    data: bytes,
    *,
    source: str,
    window: Window,
    language: str = DEFAULT_LANGUAGE,
    timezone: str = DEFAULT_TIMEZONE,
    categories: Mapping[str, str] | None = None,
    default_categories: Sequence[str] = (),
    registration_from_url: bool = True,
) -> ParseResult:
    """Turn an iCalendar payload into one ``Event`` per occurrence overlapping ``window``."""
    import icalendar  # noqa: PLC0415 - see the imports

    out_zone = _zone(timezone)
    if out_zone is None:
        raise ValueError(f"unknown time zone {timezone!r}")
    options = _Options(
        source=source,
        language=_language(language, DEFAULT_LANGUAGE),
        out_zone=out_zone,
        categories={k.strip().lower(): v.strip() for k, v in (categories or {}).items()},
        default_categories=tuple(default_categories),
        registration_from_url=registration_from_url,
    )
    text = _decode(data)
    try:
        components = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # icalendar raises many kinds; all mean "unreadable"
        raise FeedError(f"unreadable iCalendar data: {exc}") from exc
    calendars = [c for c in components if getattr(c, "name", "") == "VCALENDAR"]
    if not calendars:
        raise FeedError("unreadable iCalendar data (no complete VCALENDAR)")

    span = (_aware(window.start, out_zone), _aware(window.end, out_zone))
    result = ParseResult()
    seen: set[str] = set()
    for calendar in calendars:
        for event in _CalendarReader(calendar, options, span).read(result.skipped):
            if event.id not in seen:
                seen.add(event.id)
                result.events.append(event)
    result.events.sort(key=lambda e: (e.start, e.end, e.id))
    return result


class _CalendarReader:
    """Reads the VEVENTs of one VCALENDAR, series by series."""

    def __init__(self, calendar: icalendar.Component, options: _Options, window: tuple[datetime, datetime]) -> None:
        self.calendar = calendar
        self.options = options
        self.zone, self.from_x_wr = _calendar_zone(calendar, options.out_zone)
        self.window_start, self.window_end = window
        self.details: dict[tuple[tuple[tuple[str, str], ...], ...], _Details] = {}

    def read(self, skipped: list[Skipped]) -> Iterator[Event]:
        series: dict[str, list[icalendar.Component]] = {}
        bad: set[str] = set()
        for index, component in enumerate(self.calendar.walk("VEVENT"), start=1):
            label = _label(component, index)
            try:
                problem = _problem(component, self.zone)
            except Exception as exc:  # one bad VEVENT must not stop the others
                problem = f"unreadable dates: {exc}"
            uid = next((str(v).strip() for v in _listed(component.get("UID")) if str(v).strip()), "")
            if problem is None and not uid:
                uid = _derived_uid(component)
                component["UID"] = uid
            if problem is not None:
                log.info("iCalendar event %r skipped: %s", label, problem)
                skipped.append(Skipped(item=label, reason=problem))
                if uid and "RECURRENCE-ID" not in component:
                    bad.add(uid)  # the whole series goes with its master
                continue
            series.setdefault(uid, []).append(component)

        for uid, members in series.items():
            if uid in bad:
                continue
            try:
                events = list(self._expand(uid, members))
            except Exception as exc:  # one bad series must not stop the others
                log.info("iCalendar series %r skipped: %s", uid, exc)
                skipped.append(Skipped(item=uid, reason=f"its dates could not be worked out: {exc}"))
                continue
            for event in events:
                if event.start < self.window_end and (
                    event.end > self.window_start or event.end == event.start == self.window_start
                ):
                    yield event

    def _expand(self, uid: str, members: list[icalendar.Component]) -> Iterator[Event]:
        import icalendar  # noqa: PLC0415 - see the imports
        import recurring_ical_events  # noqa: PLC0415

        options, zone = self.options, self.zone
        calendar = icalendar.Calendar()
        for member in members:
            _localize_event(member, zone, utc_too=self.from_x_wr)
            calendar.add_component(member)
        # A day of margin each side: all-day dates are compared before being put in a zone.
        query = recurring_ical_events.of(calendar)
        span = (self.window_start - timedelta(days=1), self.window_end + timedelta(days=1))
        for occurrence in query.between(*span):
            raw_start = occurrence["DTSTART"].dt
            raw_end = occurrence["DTEND"].dt if "DTEND" in occurrence else raw_start
            all_day = not isinstance(raw_start, datetime)
            start = _aware(raw_start, zone)
            end = _aware(raw_end, zone)
            if not all_day:
                start = start.astimezone(options.out_zone)
                end = end.astimezone(options.out_zone)
            elif end <= start:  # DTEND equal to a DATE DTSTART: some producers mean that one day
                end = _aware(raw_start + timedelta(days=1), zone)
            key = _details_key(occurrence)
            found = self.details.get(key)
            if found is None:
                found = self.details[key] = _details(occurrence, options)
            yield Event(
                id=occurrence_id(options.source, uid, start),
                uid=uid,
                title=found.title,
                start=start,
                end=max(start, end),
                source=options.source,
                all_day=all_day,
                description=found.description,
                place=found.place,
                categories=found.categories,
                registration=found.registration,
                status=found.status,
                url=found.url,
            )


def read(config: ICalSource, fetcher: Fetcher, window: Window) -> ParseResult:
    """Fetch ``config.url`` and every ``extra_urls`` and merge their events (first one wins)."""
    result = ParseResult()
    seen: set[str] = set()
    for location in (config.url, *config.extra_urls):
        data = fetcher.get(location)
        try:
            part = parse_ical(
                data,
                source=config.name,
                window=window,
                language=config.language,
                timezone=config.timezone,
                categories=config.categories,
                default_categories=config.default_categories,
                registration_from_url=config.registration_from_url,
            )
        except FeedError as exc:
            raise FeedError(f"{location}: {exc}") from exc
        for event in part.events:
            if event.id not in seen:
                seen.add(event.id)
                result.events.append(event)
        result.skipped.extend(part.skipped)
    result.events.sort(key=lambda e: (e.start, e.end, e.id))
    return result
