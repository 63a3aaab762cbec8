"""Opendatasoft source: the records of a dataset, mapped to places or events.

Three shapes are read, told apart by the response itself:

* Explore API v2.1 ``.../api/explore/v2.1/catalog/datasets/{id}/records``:
  ``{"total_count": N, "results": [{field: value, ...}]}``, paged with ``limit`` (at most 100) and
  ``offset`` (``offset + limit`` at most 10,000, the API's own limit);
* the older Records API v1 ``.../api/records/1.0/search/?dataset={id}``:
  ``{"nhits": N, "records": [{"recordid", "fields": {...}, "geometry": {...}}]}``, paged with
  ``start`` and ``rows``;
* a JSON export (``.../exports/json`` or a saved file): a bare array of records, read at once.

A ``mapping`` names the record fields that hold each attribute of a place or an event.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from kiosk.content.model import (
    EVENT_CATEGORIES,
    PLACE_CATEGORIES,
    Event,
    EventPlace,
    Place,
    Text,
    occurrence_id,
)
from kiosk.content.sources._text import parse_datetime, parse_float, rich_to_text
from kiosk.content.sources.base import (
    FeedError,
    Fetcher,
    ParseResult,
    Skipped,
    SourceBase,
    StrictModel,
    Window,
    is_http,
)

__all__ = ["OdsMapping", "OpendatasoftSource", "parse_records", "read"]

logger = logging.getLogger(__name__)

MAX_LIMIT = 100  # records per request, Explore API v2.1
MAX_WINDOW = 10_000  # offset + limit may not exceed this (v2.1); use an export beyond it
_AUTO_GEO_FIELDS = ("geo_point_2d", "geopoint", "geo_point", "coordonnees", "coordinates", "geo_shape")


class OdsMapping(StrictModel):
    """Which record field holds what; every value is a field name of the dataset."""

    id: str | None = Field(default=None, description="A field unique per record (else one is derived).")
    name: str = Field(description="The place's name or the event's title.")
    category: str | None = Field(
        default=None, description="A field whose values are looked up in the source's `categories`."
    )
    category_value: str | None = Field(
        default=None, description="A constant category for every record (instead of `category`)."
    )
    lat: str | None = Field(default=None, description="A latitude field (with `lon`).")
    lon: str | None = Field(default=None, description="A longitude field (with `lat`).")
    geo: str | None = Field(
        default=None,
        description=(
            'A field holding both coordinates: {lat, lon}, [lat, lon], "lat,lon" or a GeoJSON '
            "Point. Without lat/lon/geo, geo_point_2d or the record geometry is used."
        ),
    )
    address: str | None = Field(default=None, description="The address field.")
    place: str | None = Field(default=None, description="Events: the venue's name field.")
    description: str | None = Field(default=None, description="A description field (HTML is fine).")
    url: str | None = Field(default=None, description="A web page field.")
    start: str | None = Field(default=None, description="Events: the start date or date-time field.")
    end: str | None = Field(default=None, description="Events: the end date or date-time field.")
    opening_hours: str | None = Field(default=None, description="Places: the opening hours field.")

    @model_validator(mode="after")
    def _check_pairs(self) -> OdsMapping:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("mapping.lat and mapping.lon go together")
        return self


class OpendatasoftSource(SourceBase):
    """``[[sources]]`` keys of an Opendatasoft dataset (see docs/backends/opendatasoft.md)."""

    kind: Literal["opendatasoft"] = "opendatasoft"
    produces: Literal["places", "events"] = Field(description="What the records become.")
    mapping: OdsMapping = Field(description="Which record field holds what.")
    categories: dict[str, str] = Field(
        default_factory=dict,
        description="Value of the `mapping.category` field (any case) -> kiosk category id.",
    )
    default_category: str | None = Field(
        default=None, description="The category of records none of whose values is in `categories`."
    )
    where: str | None = Field(default=None, description="An ODSQL filter sent as `where` (as `q` to the v1 API).")
    refine: dict[str, str] = Field(
        default_factory=dict, description="Facet filters, field -> value, sent as refine=field:value."
    )
    page_size: int = Field(default=MAX_LIMIT, ge=1, le=MAX_LIMIT, description="Records per request.")
    language: str = Field(default="fr", min_length=2, description="The language of the dataset's texts.")
    timezone: str = Field(
        default="Europe/Paris", description="Events: the zone of dates and times written without offset."
    )

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @model_validator(mode="after")
    def _check_categories(self) -> OpendatasoftSource:
        known = PLACE_CATEGORIES if self.produces == "places" else EVENT_CATEGORIES
        used = [*self.categories.values(), self.default_category, self.mapping.category_value]
        unknown = sorted({c for c in used if c is not None} - set(known))
        if unknown:
            raise ValueError(f"unknown {self.produces} categories {unknown}; known: {list(known)}")
        if self.produces == "places" and not (
            self.mapping.category_value or self.default_category or self.mapping.category
        ):
            raise ValueError("places need a category: mapping.category_value, mapping.category or default_category")
        if self.produces == "events" and not self.mapping.start:
            raise ValueError("events need mapping.start")
        return self


# --- parsing -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Record:
    record_id: str | None
    fields: Mapping[str, Any]
    geometry: object


def parse_records(
    data: bytes, config: OpendatasoftSource, window: Window | None = None
) -> tuple[ParseResult, int | None]:
    """One response (any of the three shapes) -> places or events, and the total when known.

    Events are kept when they overlap ``window`` (all of them when it is None).
    """
    records, total = _records(data)
    return _parse(records, config, window), total


def _parse(records: list[_Record | None], config: OpendatasoftSource, window: Window | None) -> ParseResult:
    result = ParseResult()
    folded = {k.strip().casefold(): v for k, v in config.categories.items()}
    for index, record in enumerate(records):
        item = f"record #{index + 1}"
        if record is None:
            result.skipped.append(Skipped(item, "not an object"))
            continue
        mapped_id = _scalar(record.fields.get(config.mapping.id)) if config.mapping.id else ""
        if mapped_id or record.record_id:
            item = f"record {mapped_id or record.record_id}"
        try:
            if config.produces == "places":
                _place(record, item, config, folded, result)
            else:
                _events(record, item, config, folded, window, result)
        except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as exc:
            result.skipped.append(Skipped(item, f"unreadable record ({str(exc)[:200]})"))
    return result


def _records(data: bytes) -> tuple[list[_Record | None], int | None]:
    try:
        payload = json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"Opendatasoft answered something that is not JSON ({str(exc)[:200]})") from None
    if isinstance(payload, list):  # a JSON export
        return [_record(r) for r in payload], len(payload)
    if not isinstance(payload, dict):
        raise FeedError("Opendatasoft answered JSON that is neither an object nor an array")
    if "error_code" in payload or "error" in payload or "errorcode" in payload:
        message = payload.get("message") or payload.get("error") or payload.get("error_code")
        raise FeedError(f"Opendatasoft refused the request: {str(message)[:300]}")
    if isinstance(payload.get("results"), list):  # Explore v2.1
        return [_record(r) for r in payload["results"]], _count(payload.get("total_count"))
    if isinstance(payload.get("records"), list):  # Records v1, or Explore v2.0
        total = _count(payload.get("nhits", payload.get("total_count")))
        return [_record(r) for r in payload["records"]], total
    raise FeedError("Opendatasoft answered an object without 'results' or 'records'")


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _record(raw: object) -> _Record | None:
    if not isinstance(raw, dict):
        return None
    inner = raw.get("record")
    record: dict[str, Any] = inner if isinstance(inner, dict) else raw  # Explore v2.0 nests it
    fields = record.get("fields")
    if isinstance(fields, dict):  # Records v1 (and v1 JSON downloads)
        record_id = _scalar(record.get("recordid", record.get("id")))
        return _Record(record_id or None, fields, record.get("geometry"))
    return _Record(None, record, None)


def _scalar(value: object) -> str:
    """A field value as one line of text: numbers written out, lists joined by ", "."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return ", ".join(s for s in (_scalar(v) for v in value if not isinstance(v, list)) if s)
    return ""


def _field_text(fields: Mapping[str, Any], name: str | None) -> str:
    """A text field as plain text (HTML removed, entities decoded)."""
    if not name:
        return ""
    return rich_to_text(_scalar(fields.get(name)))


def _coordinates(record: _Record, mapping: OdsMapping) -> tuple[float, float] | str | None:
    """(lat, lon), or None when the record has none, or a reason why they are unusable."""
    fields = record.fields
    if mapping.lat and mapping.lon:
        if fields.get(mapping.lat) in (None, "") and fields.get(mapping.lon) in (None, ""):
            return None
        found = parse_float(fields.get(mapping.lat)), parse_float(fields.get(mapping.lon))
        if found[0] is None or found[1] is None:
            return "unreadable coordinates"
        return _checked(found[0], found[1])
    candidates: list[object] = []
    if mapping.geo:
        candidates.append(fields.get(mapping.geo))
    else:
        candidates.extend(fields.get(name) for name in _AUTO_GEO_FIELDS)
        candidates.append(record.geometry)
    for value in candidates:
        if value is None or value == "":
            continue
        point = _point(value)
        return _checked(*point) if point is not None else "unreadable coordinates"
    return None


def _pair(lat: object, lon: object) -> tuple[float, float] | None:
    lat_, lon_ = parse_float(lat), parse_float(lon)
    return (lat_, lon_) if lat_ is not None and lon_ is not None else None


def _point(value: object) -> tuple[float, float] | None:
    """(lat, lon) from {lat, lon}, [lat, lon], "lat, lon" or GeoJSON (whose order is lon, lat)."""
    if isinstance(value, dict):
        if value.get("type") == "Feature":
            return _point(value.get("geometry"))
        if value.get("type") == "Point":
            coords = value.get("coordinates")
            ok = isinstance(coords, list) and len(coords) >= 2
            return _pair(coords[1], coords[0]) if ok else None  # type: ignore[index]
        return _pair(value.get("lat"), value.get("lon", value.get("lng")))
    if isinstance(value, str):
        parts = value.replace(";", ",").split(",")
        if len(parts) == 4:  # "50,69, 3,17": French decimal commas
            parts = [f"{parts[0]}.{parts[1]}", f"{parts[2]}.{parts[3]}"]
        value = parts
    if isinstance(value, list) and len(value) == 2:
        return _pair(value[0], value[1])
    return None


def _checked(lat: float, lon: float) -> tuple[float, float] | str:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return f"coordinates out of range ({lat}, {lon})"
    if lat == lon == 0:
        return "coordinates are 0, 0"
    return lat, lon


def _record_id(record: _Record, mapping: OdsMapping, name: str, coords: object) -> str:
    if mapping.id:
        value = _scalar(record.fields.get(mapping.id))
        if value:
            return value
    if record.record_id:
        return record.record_id
    digest = hashlib.sha1(f"{name}|{coords}".encode(), usedforsecurity=False).hexdigest()
    return digest[:16]


def _categories(record: _Record, config: OpendatasoftSource, folded: Mapping[str, str]) -> list[str]:
    if config.mapping.category_value:
        return [config.mapping.category_value]
    found: list[str] = []
    if config.mapping.category:
        value = record.fields.get(config.mapping.category)
        values = value if isinstance(value, list) else [value]
        for one in values:
            for part in _split(_scalar(one)):
                category = folded.get(part.casefold())
                if category and category not in found:
                    found.append(category)
    if not found and config.default_category:
        found.append(config.default_category)
    return found


def _split(text: str) -> Iterator[str]:
    """The whole value, then its ``;``/``,``-separated parts (multi-valued text fields)."""
    if text:
        yield text
    for separator in (";", ","):
        if separator in text:
            yield from (p.strip() for p in text.split(separator) if p.strip())


def _url(fields: Mapping[str, Any], name: str | None) -> str | None:
    text = _scalar(fields.get(name)) if name else ""
    if text.casefold().startswith("www."):
        text = "https://" + text
    return text if text.casefold().startswith(("http://", "https://")) and " " not in text else None


def _place(
    record: _Record,
    item: str,
    config: OpendatasoftSource,
    folded: Mapping[str, str],
    result: ParseResult,
) -> None:
    mapping = config.mapping
    name = " ".join(_field_text(record.fields, mapping.name).split())
    if not name:
        result.skipped.append(Skipped(item, f"no name in field {mapping.name!r}"))
        return
    item = f"{item} {name}" if item.startswith("record #") else item
    coords = _coordinates(record, mapping)
    if coords is None:
        result.skipped.append(Skipped(item, "no coordinates"))
        return
    if isinstance(coords, str):
        result.skipped.append(Skipped(item, coords))
        return
    categories = _categories(record, config, folded)
    if not categories:
        value = _scalar(record.fields.get(mapping.category)) if mapping.category else ""
        result.skipped.append(Skipped(item, f"no category for {value!r}"))
        return
    lang = config.language
    result.places.append(
        Place(
            id=f"{config.name}:{_record_id(record, mapping, name, coords)}",
            name=Text.of(name, lang),
            category=categories[0],
            lat=coords[0],
            lon=coords[1],
            source=config.name,
            address=" ".join(_field_text(record.fields, mapping.address).split()),
            description=Text.of(_field_text(record.fields, mapping.description), lang),
            opening_hours=Text.of(_field_text(record.fields, mapping.opening_hours), lang),
            url=_url(record.fields, mapping.url),
        )
    )


def _events(
    record: _Record,
    item: str,
    config: OpendatasoftSource,
    folded: Mapping[str, str],
    window: Window | None,
    result: ParseResult,
) -> None:
    mapping = config.mapping
    title = " ".join(_field_text(record.fields, mapping.name).split())
    if not title:
        result.skipped.append(Skipped(item, f"no title in field {mapping.name!r}"))
        return
    item = f"{item} {title}" if item.startswith("record #") else item
    tz = ZoneInfo(config.timezone)
    start = parse_datetime(record.fields.get(mapping.start or ""), tz)
    if start is None:
        result.skipped.append(Skipped(item, f"no readable start in field {mapping.start!r}"))
        return
    end = parse_datetime(record.fields.get(mapping.end), tz) if mapping.end else None
    all_day = start[1] and (end is None or end[1])
    begin = start[0]
    if end is None:
        finish = begin + timedelta(days=1) if all_day else begin
    elif end[1]:  # an inclusive last day: the event ends at the next midnight
        finish = datetime.combine(end[0].date() + timedelta(days=1), time(), tz)
    else:
        finish = end[0]
    if finish < begin:
        result.skipped.append(Skipped(item, "ends before it starts"))
        return
    if window is not None and not _overlaps(begin, finish, window):
        return
    coords = _coordinates(record, mapping)
    lat, lon = coords if isinstance(coords, tuple) else (None, None)
    address = " ".join(_field_text(record.fields, mapping.address).split())
    venue = " ".join(_field_text(record.fields, mapping.place).split())
    place = EventPlace(venue or address, address, lat, lon) if venue or address else None
    uid = _record_id(record, mapping, title, mapping.start and record.fields.get(mapping.start))
    lang = config.language
    result.events.append(
        Event(
            id=occurrence_id(config.name, uid, begin),
            uid=uid,
            title=Text.of(title, lang),
            start=begin,
            end=finish,
            source=config.name,
            all_day=all_day,
            description=Text.of(_field_text(record.fields, mapping.description), lang),
            place=place,
            categories=tuple(_categories(record, config, folded)),
            url=_url(record.fields, mapping.url),
        )
    )


def _overlaps(start: datetime, end: datetime, window: Window) -> bool:
    if start >= window.end:
        return False
    return end > window.start if end > start else start >= window.start


# --- fetching ------------------------------------------------------------------------------------


def _endpoint(url: str) -> Literal["v2", "v1", "export"]:
    path = urlsplit(url).path.rstrip("/")
    if path.endswith("/records") and "/api/explore/" in path:
        return "v2"
    if path.endswith("/api/records/1.0/search"):
        return "v1"
    return "export"


def _filters(config: OpendatasoftSource, api: str) -> dict[str, str | list[str]]:
    params: dict[str, str | list[str]] = {}
    if api == "v1":
        if config.where:
            params["q"] = config.where
        for field, value in config.refine.items():
            params[f"refine.{field}"] = value
        return params
    if config.where:
        params["where"] = config.where
    if config.refine:
        params["refine"] = [f"{field}:{value}" for field, value in config.refine.items()]
    return params


def read(config: OpendatasoftSource, fetcher: Fetcher, window: Window) -> ParseResult:
    """Every record of the dataset (within the API's paging limit) as places or events."""
    if not is_http(config.url):
        result, _total = parse_records(fetcher.get(config.url), config, window)
        return result
    api = _endpoint(config.url)
    filters = _filters(config, api)
    if api == "export":
        result, _total = parse_records(fetcher.get(config.url, params=filters or None), config, window)
        return result

    total_result = ParseResult()
    offset = 0
    while True:
        limit = min(config.page_size, MAX_WINDOW - offset) if api == "v2" else config.page_size
        if limit <= 0:
            logger.warning(
                "source %s: the Explore API stops at %d records; use an export URL for the rest",
                config.name,
                MAX_WINDOW,
            )
            break
        params = dict(filters)
        if api == "v2":
            params.update(limit=str(limit), offset=str(offset))
        else:
            params.update(rows=str(limit), start=str(offset))
        records, total = _records(fetcher.get(config.url, params=params))
        total_result.extend(_parse(records, config, window))
        page = len(records)
        offset += page
        if page == 0 or total is None or offset >= total or page < limit:
            break
    logger.info(
        "source %s: %d places, %d events, %d skipped",
        config.name,
        len(total_result.places),
        len(total_result.events),
        len(total_result.skipped),
    )
    return total_result
