"""OpenAgenda API v2 source: the events of one agenda, one Event per timing in the window.

``GET {url}?key=...&relative[]=current&relative[]=upcoming&detailed=1&size=300`` returns
``{"total", "events": [...], "after": [...] | null, "success"}``; the next page is asked for with
``after[]`` set to the previous ``after`` until it is ``null``.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator

from kiosk.content.model import (
    EVENT_CATEGORIES,
    Accessibility,
    Event,
    EventPlace,
    Registration,
    RegistrationType,
    Status,
    Text,
    occurrence_id,
)
from kiosk.content.sources._text import markdown_to_text, parse_datetime, parse_float, parse_int
from kiosk.content.sources.base import (
    FeedError,
    Fetcher,
    ParseResult,
    Skipped,
    SourceBase,
    Window,
    is_http,
)

__all__ = ["OpenAgendaSource", "parse_page", "read"]

logger = logging.getLogger(__name__)

PARIS = ZoneInfo("Europe/Paris")
MAX_PAGE_SIZE = 300

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
_AGENDA_RE = re.compile(r"/agendas/(\d+)/events")
_EMAIL_RE = re.compile(r"^[^@\s/]+@[^@\s/]+\.[^@\s/]+$")
_PHONE_RE = re.compile(r"^\+?[\d\s().\-/]{6,}$")


class OpenAgendaSource(SourceBase):
    """``[[sources]]`` keys of an OpenAgenda agenda (see docs/backends/openagenda.md)."""

    kind: Literal["openagenda"] = "openagenda"
    key: str | None = Field(
        default=None,
        description=(
            "The OpenAgenda public read key. Prefer leaving this unset and putting the key in the "
            "environment variable named by key_env, so it stays out of the configuration file."
        ),
    )
    key_env: str = Field(
        default="OPENAGENDA_KEY",
        min_length=1,
        description="The environment variable holding the key when `key` is not set.",
    )
    page_size: int = Field(default=MAX_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Events per request (1 to 300).")
    max_pages: int = Field(default=100, ge=1, description="A safety cap on requests per sync; the rest is left out.")
    language: str = Field(
        default="fr",
        min_length=2,
        description="The agenda's language: plain-string texts and keywords are taken in it.",
    )
    categories: dict[str, str] = Field(
        default_factory=dict,
        description='Keyword (any case) -> kiosk event category, e.g. {atelier = "atelier"}.',
    )
    default_categories: list[str] = Field(
        default_factory=list,
        description="Categories given to events none of whose keywords is in `categories`.",
    )

    @field_validator("categories")
    @classmethod
    def _check_categories(cls, value: dict[str, str]) -> dict[str, str]:
        _check_known(value.values())
        return value

    @field_validator("default_categories")
    @classmethod
    def _check_default_categories(cls, value: list[str]) -> list[str]:
        _check_known(value)
        return value

    def resolved_key(self) -> str | None:
        """The key from the configuration, else from the environment; never logged."""
        return self.key or os.environ.get(self.key_env) or None


def _check_known(categories: Iterable[str]) -> None:
    unknown = sorted(set(categories) - set(EVENT_CATEGORIES))
    if unknown:
        raise ValueError(f"unknown event categories {unknown}; known: {list(EVENT_CATEGORIES)}")


# --- parsing -------------------------------------------------------------------------------------


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

    folded = {k.strip().casefold(): v for k, v in (categories or {}).items()}
    result = ParseResult()
    for index, raw in enumerate(events):
        if not isinstance(raw, dict):
            result.skipped.append(Skipped(_item_name(raw, index), "not an object"))
            continue
        try:
            _parse_event(
                raw,
                index=index,
                result=result,
                source=source,
                window=window,
                language=language,
                categories=folded,
                default_categories=tuple(default_categories),
                agenda_uid=agenda_uid,
            )
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
            # A shape this parser did not foresee: leave the event out, never the whole page.
            result.skipped.append(Skipped(_item_name(raw, index), f"unreadable event ({_short(exc)})"))
    return result, _cursor(payload.get("after"))


def _short(value: object, limit: int = 200) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item_name(raw: object, index: int) -> str:
    if isinstance(raw, dict):
        uid = raw.get("uid")
        if isinstance(uid, str | int) and not isinstance(uid, bool):
            title = _text(raw.get("title"), "fr").get("fr")
            return f"{uid} {title}".strip() if title else str(uid)
    return f"event #{index + 1}"


def _cursor(after: object) -> list[str] | None:
    if not isinstance(after, list) or not after:
        return None
    values = [str(v) for v in after if isinstance(v, str | int | float) and not isinstance(v, bool)]
    return values if len(values) == len(after) else None


def _text(value: object, language: str, *, rich: bool = False) -> Text:
    """A multilingual field: ``{"fr": ..}``, a plain string (taken as ``language``), else empty."""
    if isinstance(value, str):
        values = {language: value}
    elif isinstance(value, dict):
        values = {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
    else:
        return Text()
    clean = markdown_to_text if rich else str.strip
    # what Text.of would keep: the cleaned values are stripped already, so an empty one is dropped
    return Text({k: text for k, v in values.items() if (text := clean(v))})


def _parse_event(
    raw: dict[str, Any],
    *,
    index: int,
    result: ParseResult,
    source: str,
    window: Window,
    language: str,
    categories: Mapping[str, str],
    default_categories: tuple[str, ...],
    agenda_uid: str | None,
) -> None:
    uid_value = raw.get("uid")
    if isinstance(uid_value, bool) or not isinstance(uid_value, str | int) or not str(uid_value).strip():
        result.skipped.append(Skipped(_item_name(raw, index), "no uid"))
        return
    uid = str(uid_value).strip()
    title = _text(raw.get("title"), language)
    if not title:
        result.skipped.append(Skipped(_item_name(raw, index), "no title"))
        return
    timings = raw.get("timings")
    if not isinstance(timings, list) or not timings:
        result.skipped.append(Skipped(_item_name(raw, index), "no timings"))
        return

    tz = _timezone(raw.get("timezone"))
    slots: list[tuple[datetime, datetime]] = []
    bad = 0
    for timing in timings:
        slot = _timing(timing, tz)
        if slot is None:
            bad += 1
        else:
            slots.append(slot)
    if not slots:
        result.skipped.append(Skipped(_item_name(raw, index), "no readable timing (bad dates)"))
        return
    if bad:
        result.skipped.append(Skipped(_item_name(raw, index), f"{bad} of {len(timings)} timings have bad dates"))
    slots = [s for s in slots if _overlaps(s, window)]
    if not slots:
        return

    keywords_by_lang = _keywords(raw.get("keywords"), language)
    keywords = keywords_by_lang.get(language) or next(iter(keywords_by_lang.values()), ())
    description = _text(raw.get("description"), language, rich=True)
    long_description = _text(raw.get("longDescription"), language, rich=True)
    common: dict[str, Any] = {
        "uid": uid,
        "title": title,
        "source": source,
        "description": Text({**description.values, **long_description.values}),
        "conditions": _text(raw.get("conditions"), language, rich=True),
        "place": _place(raw.get("location")),
        "categories": _categories(keywords_by_lang, categories, default_categories),
        "keywords": keywords,
        "registration": _registration(raw.get("registration")),
        "accessibility": _accessibility(raw.get("accessibility")),
        "status": _status(raw.get("status")),
        "url": _url(raw, agenda_uid),
        "image": _image(raw.get("image")),
    }
    common["age_min"], common["age_max"] = _age(raw.get("age"))
    seen: set[datetime] = set()
    for start, end in sorted(slots):
        if start in seen:
            continue
        seen.add(start)
        result.events.append(Event(id=occurrence_id(source, uid, start), start=start, end=end, **common))


def _timezone(value: object) -> ZoneInfo:
    if isinstance(value, str) and value.strip():
        try:
            return ZoneInfo(value.strip())
        except (ValueError, OSError, KeyError):
            logger.debug("unknown time zone %r, using Europe/Paris", value)
    return PARIS


def _timing(timing: object, tz: ZoneInfo) -> tuple[datetime, datetime] | None:
    if not isinstance(timing, dict):
        return None
    begin = parse_datetime(timing.get("begin"), tz)
    end = parse_datetime(timing.get("end"), tz)
    if begin is None or end is None or end[0] < begin[0]:
        return None
    return begin[0], end[0]


def _overlaps(slot: tuple[datetime, datetime], window: Window) -> bool:
    start, end = slot
    if start >= window.end:
        return False
    return end > window.start if end > start else start >= window.start


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
            if not isinstance(word, str) or not word.strip():
                continue
            folded = word.strip().casefold()
            if folded not in seen:
                seen.add(folded)
                kept.append(word.strip())
        if kept:
            out[lang] = tuple(kept)
    return out


def _categories(
    keywords: Mapping[str, tuple[str, ...]],
    mapping: Mapping[str, str],
    default: tuple[str, ...],
) -> tuple[str, ...]:
    found: list[str] = []
    for words in keywords.values():
        for word in words:
            category = mapping.get(word.casefold())
            if category and category not in found:
                found.append(category)
    return tuple(found) if found else default


def _place(value: object) -> EventPlace | None:
    if not isinstance(value, dict):
        return None
    name = _plain(value.get("name"))
    address = _plain(value.get("address"))
    city = _plain(value.get("city"))
    if city and city.casefold() not in address.casefold():
        postal = _plain(value.get("postalCode"))
        postal = "" if postal and postal in address else postal
        address = ", ".join(p for p in (address, f"{postal} {city}".strip()) if p)
    lat, lon = parse_float(value.get("latitude")), parse_float(value.get("longitude"))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180) or lat == lon == 0:
        lat = lon = None
    if not name and not address:
        return None
    return EventPlace(name=name or address, address=address, lat=lat, lon=lon)


def _plain(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return " ".join(value.split()) if isinstance(value, str) else ""


def _registration(value: object) -> tuple[Registration, ...]:
    if not isinstance(value, list):
        return ()
    out: list[Registration] = []
    seen: set[tuple[RegistrationType, str]] = set()
    for raw in value:
        entry = {"value": raw} if isinstance(raw, str) else raw
        if not isinstance(entry, dict):
            continue
        registration = _one_registration(entry.get("type"), entry.get("value"))
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
    if named == "link" and text.casefold().startswith("www."):
        text = "https://" + text
    if not text:
        return None
    return Registration(RegistrationType(named), text)


def _accessibility(value: object) -> frozenset[Accessibility]:
    if isinstance(value, dict):
        codes = [k for k, v in value.items() if v is True or v == 1]
    elif isinstance(value, list):
        codes = value
    else:
        return frozenset()
    return frozenset(_ACCESSIBILITY[c] for c in codes if isinstance(c, str) and c in _ACCESSIBILITY)


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


def _url(raw: Mapping[str, Any], agenda_uid: str | None) -> str | None:
    canonical = raw.get("canonicalUrl")
    if isinstance(canonical, str) and canonical.strip().startswith(("http://", "https://")):
        return canonical.strip()
    origin = raw.get("originAgenda")
    if isinstance(origin, dict) and isinstance(origin.get("uid"), str | int):
        agenda_uid = str(origin["uid"])
    slug = raw.get("slug")
    if agenda_uid and isinstance(slug, str) and re.fullmatch(r"[\w-]+", slug.strip()):
        return f"https://openagenda.com/agendas/{agenda_uid}/events/{slug.strip()}"
    return None


def _image(value: object) -> str | None:
    """The largest variant of the image (by pixel count; "full" wins when sizes are missing)."""
    if isinstance(value, str):
        return value.strip() if value.strip().startswith(("http://", "https://")) else None
    if not isinstance(value, dict):
        return None
    base = value.get("base") if isinstance(value.get("base"), str) else ""
    candidates: list[tuple[int, int, str]] = []
    main = value.get("filename")
    if isinstance(main, str) and main.strip():
        candidates.append((_area(value.get("size")), 1, main.strip()))
    variants = value.get("variants")
    for variant in variants if isinstance(variants, list) else ():
        if isinstance(variant, dict) and isinstance(variant.get("filename"), str):
            rank = 2 if variant.get("type") == "full" else 0
            candidates.append((_area(variant.get("size")), rank, variant["filename"].strip()))
    for *_, filename in sorted(candidates, reverse=True):
        url = _join(str(base), filename)
        if url:
            return url
    return None


def _area(size: object) -> int:
    if not isinstance(size, dict):
        return 0
    width, height = parse_int(size.get("width")), parse_int(size.get("height"))
    return width * height if width and height and width > 0 and height > 0 else 0


def _join(base: str, filename: str) -> str | None:
    if filename.startswith(("http://", "https://")):
        return filename
    base = base.strip()
    if not filename or not base.startswith(("http://", "https://")):
        return None
    return base.rstrip("/") + "/" + filename.lstrip("/")


# --- fetching ------------------------------------------------------------------------------------


def read(config: OpenAgendaSource, fetcher: Fetcher, window: Window) -> ParseResult:
    """All pages of the agenda's current and upcoming events, as occurrences in ``window``."""
    options: dict[str, Any] = {
        "source": config.name,
        "window": window,
        "language": config.language,
        "categories": config.categories,
        "default_categories": tuple(config.default_categories),
    }
    match = _AGENDA_RE.search(config.url)
    options["agenda_uid"] = match.group(1) if match else None
    if not is_http(config.url):  # a saved page, for offline tests and demos
        result, _after = parse_page(fetcher.get(config.url), **options)
        return result

    key = config.resolved_key()
    if not key:
        raise FeedError(f"no OpenAgenda key: set the environment variable {config.key_env} (or `key` in the source)")
    total = ParseResult()
    after: list[str] | None = None
    seen_cursors: set[tuple[str, ...]] = set()
    for page in range(1, config.max_pages + 1):
        params: dict[str, str | list[str]] = {
            "key": key,
            "relative[]": ["current", "upcoming"],
            "detailed": "1",
            "size": str(config.page_size),
        }
        if after is not None:
            params["after[]"] = after
        logger.debug("source %s: reading page %d of %s", config.name, page, config.url)
        result, after = parse_page(fetcher.get(config.url, params=params), **options)
        total.extend(result)
        if after is None:
            break
        if tuple(after) in seen_cursors:
            logger.warning("source %s: OpenAgenda repeated a page cursor; stopping", config.name)
            break
        seen_cursors.add(tuple(after))
    else:
        logger.warning(
            "source %s: stopped after max_pages=%d pages; later events are left out",
            config.name,
            config.max_pages,
        )
    logger.info("source %s: %d occurrences, %d skipped", config.name, len(total.events), len(total.skipped))
    return total
