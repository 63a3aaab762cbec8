"""One page of OpenAgenda's API v2 read into Events (``openagenda.parse_page`` calls this module's).

Imported by the content worker when it reads its first page, not at the kiosk's start.
"""

from __future__ import annotations

import json
import logging
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo

import msgspec

from kiosk.content.model import (
    Accessibility,
    EventPlace,
    Registration,
    RegistrationType,
    Status,
    Text,
    make_event,
)
from kiosk.content.sources._text import markdown_to_text, parse_datetime, parse_float, parse_int
from kiosk.content.sources.base import FeedError, ParseResult, Skipped, Window

__all__ = ["parse_page"]

logger = logging.getLogger(__name__)

PARIS = ZoneInfo("Europe/Paris")

#: OpenAgenda's status codes.
STATUSES: Mapping[int, Status] = {
    1: Status.SCHEDULED,
    2: Status.RESCHEDULED,
    3: Status.ONLINE,
    4: Status.POSTPONED,
    5: Status.FULL,
    6: Status.CANCELLED,
}
_ACCESSIBILITY = {flag.value: flag for flag in Accessibility}
_REGISTRATION_TYPES = {kind.value: kind for kind in RegistrationType}
_EMAIL_RE = re.compile(r"^[^@\s/]+@[^@\s/]+\.[^@\s/]+$")
_PHONE_RE = re.compile(r"^\+?[\d\s().\-/]{6,}$")
_SLUG_RE = re.compile(r"[\w-]+")


# A page is read by msgspec straight into the few fields used here (everything else is skipped, and
# the structs are not tracked by the garbage collector: decoded JSON has no cycles). Leaf values are
# left as JSON gives them (``Any``) and checked by lenient code, so a field of an unexpected type is
# passed over, never the event. Only the nesting is typed: a page msgspec cannot read that way (a
# location that is a string, a timing that is not an object, NaN, an encoding other than UTF-8...) is
# read again with ``json``, as it always was, and its events put into the same structs with what the
# lenient code would pass over left out: one way to parse a page, whichever read it.
# Two limits of json's are not msgspec's, and so the only pages read differently: json refuses a whole
# page holding an integer of more than 4,300 digits (msgspec too in a field used here, but it skips one
# in a field not used), or nested within three levels of Python's recursion limit (msgspec goes three
# levels further).


class _Timing(msgspec.Struct, gc=False):
    begin: Any = None
    end: Any = None


class _Location(msgspec.Struct, gc=False, rename="camel"):
    name: Any = None
    address: Any = None
    city: Any = None
    postal_code: Any = None
    latitude: Any = None
    longitude: Any = None


class _Size(msgspec.Struct, gc=False):
    width: Any = None
    height: Any = None


class _Variant(msgspec.Struct, gc=False):
    filename: Any = None
    size: _Size | None = None
    type: Any = None


class _Image(msgspec.Struct, gc=False):
    base: Any = None
    filename: Any = None
    size: _Size | None = None
    variants: list[_Variant] | None = None


class _Registration(msgspec.Struct, gc=False):
    type: Any = None
    value: Any = None


class _Event(msgspec.Struct, gc=False, rename="camel"):
    uid: Any = None
    title: Any = None
    timings: list[_Timing] | None = None
    timezone: Any = None
    keywords: Any = None
    description: Any = None
    long_description: Any = None
    conditions: Any = None
    location: _Location | None = None
    registration: list[_Registration | str] | None = None
    accessibility: Any = None
    status: Any = None
    canonical_url: Any = None
    origin_agenda: Any = None
    slug: Any = None
    image: _Image | str | None = None
    age: Any = None


class _Page(msgspec.Struct, gc=False):
    """A page whose events are kept as their JSON text, each read just before it is parsed: the page is
    never held decoded whole (fewer objects alive at once, far less work for the garbage collector)."""

    events: list[msgspec.Raw]
    after: Any = None
    success: Any = None
    error: Any = msgspec.UNSET


_PAGE = msgspec.json.Decoder(_Page)
_RawEvent = _Event | list[Any] | str | int | float | bool | None
_T = TypeVar("_T")
_EVENT = msgspec.json.Decoder(_RawEvent)


class _UnreadError(Exception):
    """msgspec could not read an event the way the parsing reads it: the page is read again by json."""


@dataclass(frozen=True, slots=True)
class _Options:
    source: str
    window: Window
    language: str
    categories: Mapping[str, str]  # folded keyword -> category
    default_categories: tuple[str, ...]
    agenda_uid: str | None
    dates: dict[ZoneInfo, _Dates] = field(default_factory=dict)  # by the events' time zone


@dataclass(slots=True)
class _Dates:
    """The timings' dates read so far in a page, in one time zone: each text is read once (a page of
    10,000 events over two months holds far fewer different dates and times than timings)."""

    read: dict[str, datetime | None] = field(default_factory=dict)
    isoformats: dict[str, str] = field(default_factory=dict)  # of the begin dates, for the occurrences' ids


_Slot = tuple[datetime, datetime, str]  # begin, end, and the begin's text
_BEGIN_END = operator.itemgetter(0, 1)


def parse_page(
    data: bytes,
    *,
    source: str,
    window: Window,
    language: str = "fr",
    categories: Mapping[str, str] | None = None,
    default_categories: Sequence[str] = (),
    agenda_uid: str | None = None,
) -> tuple[ParseResult, list[str] | None]:
    """One page of ``/v2/agendas/{uid}/events`` -> its occurrences in ``window``, and the cursor.

    Raises ``FeedError`` when the payload is not such a page (not JSON, an API error, no
    ``events`` list); a bad event is skipped with its reason.
    """
    folded = {k.strip().casefold(): v for k, v in (categories or {}).items()}
    options = _Options(source, window, language, folded, tuple(default_categories), agenda_uid)
    return _read_with_msgspec(data, options) or _read_with_json(data, options)


def _read_with_msgspec(data: bytes, options: _Options) -> tuple[ParseResult, list[str] | None] | None:
    """The page parsed, or None when msgspec cannot read it (or one of its events) the way it is parsed."""
    page = _msgspec_page(data)
    if page is None:
        return None
    try:
        return _parse_events(page.events, options, _msgspec_event), _cursor(page.after)
    except _UnreadError:
        return None  # what was parsed is dropped: json reads the whole page again


def _read_with_json(data: bytes, options: _Options) -> tuple[ParseResult, list[str] | None]:
    """The page parsed after json read it, as OpenAgenda pages always were; else FeedError."""
    events, after = _json_page(data)
    return _parse_events(events, options, _json_event), _cursor(after)


def _msgspec_page(data: bytes) -> _Page | None:
    """The page read by msgspec, or None for json to read it (or to tell what is wrong with it)."""
    try:
        # json reads bytes as UTF-8 (surrogates let through) and fails on what is not; msgspec checks
        # only the strings it keeps, so the rest is checked here (at once when it is all ASCII)
        if not data.isascii():
            data.decode("utf-8", "surrogatepass")
        page = _PAGE.decode(data)
    except (msgspec.MsgspecError, ValueError, RecursionError):
        return None
    return page if page.error is msgspec.UNSET and page.success is not False else None


def _msgspec_event(raw: msgspec.Raw) -> _RawEvent:
    try:
        event: _RawEvent = _EVENT.decode(raw)
    except (msgspec.MsgspecError, ValueError, RecursionError) as exc:
        raise _UnreadError from exc
    return event


def _json_page(data: bytes) -> tuple[list[Any], object]:
    """The page's events and cursor, read by json, as OpenAgenda pages always were; else FeedError."""
    try:
        payload = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"OpenAgenda answered something that is not JSON ({_short(exc)})") from None
    if not isinstance(payload, dict):
        raise FeedError("OpenAgenda answered JSON that is not an object")
    if "error" in payload or payload.get("success") is False:
        message = payload.get("message") or payload.get("error") or "success is false"
        raise FeedError(f"OpenAgenda refused the request: {_short(message)}")
    events = payload.get("events")
    if not isinstance(events, list):
        raise FeedError("OpenAgenda answered an object without an 'events' list")
    return events, payload.get("after")


def _parse_events(events: Iterable[_T], options: _Options, read: Callable[[_T], _RawEvent]) -> ParseResult:
    """The page's events, each read by ``read`` just before it is parsed."""
    result = ParseResult()
    for index, item in enumerate(events):
        raw = read(item)
        if not isinstance(raw, _Event):
            result.skipped.append(Skipped(f"event #{index + 1}", "not an object"))
            continue
        try:
            _parse_event(raw, index, result, options)
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
            # A shape this parser did not foresee: leave the event out, never the whole page.
            result.skipped.append(Skipped(_item_name(raw, index), f"unreadable event ({_short(exc)})"))
    return result


def _json_event(raw: object) -> _RawEvent:
    """An event of a page read by ``json`` (what is not an object is left as it is)."""
    return _event_of(raw) if isinstance(raw, dict) else cast(_RawEvent, raw)


def _event_of(raw: dict[str, Any]) -> _Event:
    """An event of a page read by ``json``, with what the parsing would pass over left out."""
    timings = raw.get("timings")
    registration = raw.get("registration")
    return _Event(
        uid=raw.get("uid"),
        title=raw.get("title"),
        # a timing that is not an object is a bad one (no dates); a list of none is no timings
        timings=[_Timing(t.get("begin"), t.get("end")) if isinstance(t, dict) else _Timing() for t in timings]
        if isinstance(timings, list)
        else None,
        timezone=raw.get("timezone"),
        keywords=raw.get("keywords"),
        description=raw.get("description"),
        long_description=raw.get("longDescription"),
        conditions=raw.get("conditions"),
        location=_location_of(raw.get("location")),
        registration=[
            entry if isinstance(entry, str) else _Registration(entry.get("type"), entry.get("value"))
            for entry in registration
            if isinstance(entry, str | dict)
        ]
        if isinstance(registration, list)
        else None,
        accessibility=raw.get("accessibility"),
        status=raw.get("status"),
        canonical_url=raw.get("canonicalUrl"),
        origin_agenda=raw.get("originAgenda"),
        slug=raw.get("slug"),
        image=_image_of(raw.get("image")),
        age=raw.get("age"),
    )


def _location_of(value: object) -> _Location | None:
    if not isinstance(value, dict):
        return None
    return _Location(
        name=value.get("name"),
        address=value.get("address"),
        city=value.get("city"),
        postal_code=value.get("postalCode"),
        latitude=value.get("latitude"),
        longitude=value.get("longitude"),
    )


def _image_of(value: object) -> _Image | str | None:
    if not isinstance(value, dict):
        return value if isinstance(value, str) else None
    variants = value.get("variants")
    return _Image(
        base=value.get("base"),
        filename=value.get("filename"),
        size=_size_of(value.get("size")),
        variants=[
            _Variant(v.get("filename"), _size_of(v.get("size")), v.get("type")) for v in variants if isinstance(v, dict)
        ]
        if isinstance(variants, list)
        else None,
    )


def _size_of(value: object) -> _Size | None:
    return _Size(value.get("width"), value.get("height")) if isinstance(value, dict) else None


def _short(value: object, limit: int = 200) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item_name(raw: _Event, index: int) -> str:
    uid = raw.uid
    if isinstance(uid, str | int) and not isinstance(uid, bool):
        title = _text(raw.title, "fr").get("fr")
        return f"{uid} {title}".strip() if title else str(uid)
    return f"event #{index + 1}"


def _cursor(after: object) -> list[str] | None:
    if not isinstance(after, list) or not after:
        return None
    values = [str(v) for v in after if isinstance(v, str | int | float) and not isinstance(v, bool)]
    return values if len(values) == len(after) else None


def _text(value: object, language: str) -> Text:
    """A multilingual field of plain text."""
    return Text(_texts(value, language, str.strip))


def _texts(value: object, language: str, clean: Callable[[str], str]) -> dict[str, str]:
    """A multilingual field: ``{"fr": ..}``, a plain string (taken as ``language``), else empty; cleaned.

    What Text.of would keep: the cleaned values are stripped already, so an empty one is dropped.
    """
    if isinstance(value, dict):
        values: dict[str, str] = {}
        for key, entry in value.items():  # the keys of a JSON object are strings
            if isinstance(entry, str) and (text := clean(entry)):
                values[key] = text
        return values
    if isinstance(value, str):
        text = clean(value)
        return {language: text} if text else {}
    return {}


def _parse_event(raw: _Event, index: int, result: ParseResult, options: _Options) -> None:
    language = options.language
    uid_value = raw.uid
    uid = "" if isinstance(uid_value, bool) or not isinstance(uid_value, str | int) else str(uid_value).strip()
    if not uid:
        result.skipped.append(Skipped(_item_name(raw, index), "no uid"))
        return
    title = _text(raw.title, language)
    if not title:
        result.skipped.append(Skipped(_item_name(raw, index), "no title"))
        return
    timings = raw.timings
    if not timings:
        result.skipped.append(Skipped(_item_name(raw, index), "no timings"))
        return

    tz = _timezone(raw.timezone)
    dates = options.dates.get(tz)
    if dates is None:
        dates = options.dates[tz] = _Dates()
    slots = _slots(timings, tz, dates.read)
    bad = len(timings) - len(slots)
    if not slots:
        result.skipped.append(Skipped(_item_name(raw, index), "no readable timing (bad dates)"))
        return
    if bad:
        result.skipped.append(Skipped(_item_name(raw, index), f"{bad} of {len(timings)} timings have bad dates"))
    slots = _in_window(slots, options.window)
    if not slots:
        return

    keywords_by_lang = _keywords(raw.keywords, language)
    keywords = keywords_by_lang.get(language) or next(iter(keywords_by_lang.values()), ())
    description = _texts(raw.description, language, markdown_to_text)
    description.update(_texts(raw.long_description, language, markdown_to_text))  # the long one wins
    conditions = _texts(raw.conditions, language, markdown_to_text)
    place = _place(raw.location)
    event_categories = _categories(keywords_by_lang, options.categories, options.default_categories)
    registration = _registration(raw.registration)
    accessibility = _accessibility(raw.accessibility)
    status = _status(raw.status)
    url = _url(raw, options.agenda_uid)
    image = _image(raw.image)
    age_min, age_max = _age(raw.age)
    description_text, conditions_text = Text(description), Text(conditions)
    events = result.events
    source = options.source
    isoformats = dates.isoformats
    for start, end, begin in slots:
        iso = isoformats.get(begin)
        if iso is None:
            iso = isoformats[begin] = start.isoformat()
        events.append(
            make_event(  # Event(...), quicker
                f"{source}:{uid}@{iso}",  # id: occurrence_id(source, uid, start), with the ISO form known
                uid,
                title,
                start,
                end,
                source,
                False,  # all_day
                description_text,  # description
                conditions_text,  # conditions
                place,
                event_categories,  # categories
                keywords,
                registration,
                accessibility,
                age_min,
                age_max,
                status,
                url,
                image,
            )
        )


def _slots(timings: list[_Timing], tz: ZoneInfo, known: dict[str, datetime | None]) -> list[_Slot]:
    """The readable timings (begin and end dates, the end not before the begin)."""
    slots: list[_Slot] = []
    for timing in timings:
        begin = _moment(timing.begin, tz, known)
        end = _moment(timing.end, tz, known)
        if begin is not None and end is not None and end >= begin:
            slots.append((begin, end, timing.begin))
    return slots


def _moment(value: object, tz: ZoneInfo, known: dict[str, datetime | None]) -> datetime | None:
    """A timing's date; each text is read once per page and time zone (``known``: what was read)."""
    if not isinstance(value, str):
        return None
    if value in known:
        return known[value]
    parsed = parse_datetime(value, tz)
    known[value] = moment = parsed[0] if parsed else None
    return moment


def _in_window(slots: list[_Slot], window: Window) -> list[_Slot]:
    """The slots overlapping the window (one with no duration when it starts in it), in order, one per start."""
    low, high = window.start, window.end
    slots = [
        (start, end, text)
        for start, end, text in slots
        if start < high and (end > low if end > start else start >= low)
    ]
    if len(slots) < 2:  # nothing to sort
        return slots
    seen: set[datetime] = set()
    kept = []
    for slot in sorted(slots, key=_BEGIN_END):  # by begin and end (the text of the begin is no order)
        if slot[0] not in seen:
            seen.add(slot[0])
            kept.append(slot)
    return kept


def _timezone(value: object) -> ZoneInfo:
    if isinstance(value, str) and value.strip():
        try:
            return ZoneInfo(value.strip())
        except (ValueError, OSError, KeyError):
            logger.debug("unknown time zone %r, using Europe/Paris", value)
    return PARIS


def _keywords(value: object, language: str) -> dict[str, tuple[str, ...]]:
    """Keywords per language, trimmed and deduplicated (ignoring case), first spelling kept."""
    if isinstance(value, list):
        value = {language: value}
    if isinstance(value, str):
        value = {language: [value]}
    if not isinstance(value, dict):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for lang, entry in value.items():
        words = [entry] if isinstance(entry, str) else entry
        if not isinstance(lang, str) or not isinstance(words, list):
            continue
        seen: set[str] = set()
        kept: list[str] = []
        for word in words:
            if not isinstance(word, str) or not (stripped := word.strip()):
                continue
            folded = stripped.casefold()
            if folded not in seen:
                seen.add(folded)
                kept.append(stripped)
        if kept:
            out[lang] = tuple(kept)
    return out


def _categories(
    keywords: Mapping[str, tuple[str, ...]],
    mapping: Mapping[str, str],
    default: tuple[str, ...],
) -> tuple[str, ...]:
    if not mapping:
        return default
    found: list[str] = []
    for words in keywords.values():
        for word in words:
            category = mapping.get(word.casefold())
            if category and category not in found:
                found.append(category)
    return tuple(found) if found else default


def _place(value: _Location | None) -> EventPlace | None:
    if value is None:
        return None
    name = _plain(value.name)
    address = _plain(value.address)
    city = _plain(value.city)
    if city and city.casefold() not in address.casefold():
        postal = _plain(value.postal_code)
        postal = "" if postal and postal in address else postal
        town = f"{postal} {city}".strip()
        address = f"{address}, {town}" if address and town else address or town
    lat, lon = parse_float(value.latitude), parse_float(value.longitude)
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180) or lat == lon == 0:
        lat = lon = None
    if not name and not address:
        return None
    return EventPlace(name or address, address, lat, lon)


def _plain(value: object) -> str:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _registration(value: list[_Registration | str] | None) -> tuple[Registration, ...]:
    if not value:
        return ()
    out: list[Registration] = []
    seen: set[tuple[RegistrationType, str]] = set()
    for entry in value:
        if isinstance(entry, str):
            registration = _one_registration(None, entry)
        else:
            registration = _one_registration(entry.type, entry.value)
        if registration is None:
            continue
        if registration.type is RegistrationType.PHONE:
            key = "".join(c for c in registration.value if c.isdigit() or c == "+")
        else:
            key = registration.value.casefold()
        if (registration.type, key) not in seen:
            seen.add((registration.type, key))
            out.append(registration)
    return tuple(out)


def _one_registration(kind: object, value: object) -> Registration | None:
    """One registration way; its type is read from ``type`` when named, else guessed from the value.

    (OpenAgenda's numeric type codes are not documented consistently, so the value decides.)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    lowered = text.casefold()
    named = kind.strip().casefold() if isinstance(kind, str) else ""
    if lowered.startswith("mailto:"):
        named, text = "email", text[7:].strip()
    elif lowered.startswith("tel:"):
        named, text = "phone", text[4:].strip()
    if named not in ("link", "email", "phone"):
        if lowered.startswith(("http://", "https://", "www.")):
            named = "link"
        elif _EMAIL_RE.match(text):
            named = "email"
        elif _PHONE_RE.match(text):
            named = "phone"
        else:
            return None
    if named == "link" and text.casefold().startswith("www."):  # (text is unchanged for a link)
        text = "https://" + text
    if not text:
        return None
    return Registration(_REGISTRATION_TYPES[named], text)


def _accessibility(value: object) -> frozenset[Accessibility]:
    if isinstance(value, dict):  # the keys of a JSON object are strings
        return frozenset(_ACCESSIBILITY[k] for k, v in value.items() if (v is True or v == 1) and k in _ACCESSIBILITY)
    if isinstance(value, list):
        return frozenset(_ACCESSIBILITY[c] for c in value if isinstance(c, str) and c in _ACCESSIBILITY)
    return frozenset()


def _age(value: object) -> tuple[int | None, int | None]:
    if not isinstance(value, dict):
        return None, None
    low, high = parse_int(value.get("min")), parse_int(value.get("max"))
    low = low if low is not None and 0 <= low <= 150 else None
    high = high if high is not None and 0 <= high <= 150 else None
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


def _status(value: object) -> Status:
    if isinstance(value, dict):  # {"id": 6, "label": {...}} when labels are included
        value = value.get("id")
    code = parse_int(value)
    return STATUSES.get(code, Status.SCHEDULED) if code is not None else Status.SCHEDULED


def _url(raw: _Event, agenda_uid: str | None) -> str | None:
    canonical = raw.canonical_url
    if isinstance(canonical, str) and canonical.strip().startswith(("http://", "https://")):
        return canonical.strip()
    origin = raw.origin_agenda
    if isinstance(origin, dict) and isinstance(origin.get("uid"), str | int):
        agenda_uid = str(origin["uid"])
    slug = raw.slug
    if agenda_uid and isinstance(slug, str) and _SLUG_RE.fullmatch(slug.strip()):
        return f"https://openagenda.com/agendas/{agenda_uid}/events/{slug.strip()}"
    return None


def _image(value: _Image | str | None) -> str | None:
    """The largest variant of the image (by pixel count; "full" wins when sizes are missing)."""
    if isinstance(value, str):
        return value.strip() if value.strip().startswith(("http://", "https://")) else None
    if value is None:
        return None
    base = value.base if isinstance(value.base, str) else ""
    candidates: list[tuple[int, int, str]] = []
    main = value.filename
    if isinstance(main, str) and (main := main.strip()):
        candidates.append((_area(value.size), 1, main))
    for variant in value.variants or ():
        if isinstance(variant.filename, str):
            rank = 2 if variant.type == "full" else 0
            candidates.append((_area(variant.size), rank, variant.filename.strip()))
    for _size, _rank, filename in sorted(candidates, reverse=True):
        url = _join(base, filename)
        if url:
            return url
    return None


def _area(size: _Size | None) -> int:
    if size is None:
        return 0
    width, height = parse_int(size.width), parse_int(size.height)
    return width * height if width and height and width > 0 and height > 0 else 0


def _join(base: str, filename: str) -> str | None:
    if filename.startswith(("http://", "https://")):
        return filename
    base = base.strip()
    if not filename or not base.startswith(("http://", "https://")):
        return None
    return base.rstrip("/") + "/" + filename.lstrip("/")
