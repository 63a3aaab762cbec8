"""GTFS source: public-transport stops (stops.txt) and the lines serving them.

The lines come from ``stop_times.txt`` (trip -> stop), ``trips.txt`` (trip -> route) and
``routes.txt`` (route -> short name). ``stop_times.txt`` is often the largest file of a feed (millions
of rows), so it is streamed row by row, only two of its columns are looked at, and a cap bounds the
work. Without those files (or with ``with_lines = false``) stops come without lines.

By default platforms whose parent station is in the feed are folded into that station (one stop per
station, with every line of its platforms), which is what a "nearest stop" look-up wants; platforms
without a known parent are kept as they are.
"""

from __future__ import annotations

import csv
import io
import logging
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Literal

from pydantic import Field

from kiosk.content.model import Stop
from kiosk.content.sources._text import natural_key, parse_float
from kiosk.content.sources.base import FeedError, Fetcher, ParseResult, Skipped, SourceBase, Window, is_http

__all__ = ["GtfsSource", "parse_gtfs_dir", "parse_gtfs_zip", "read"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_STOP_TIMES = 20_000_000
_STOP_TYPES = frozenset({"", "0"})
_STATION = "1"
_SKIPPED_TYPES = frozenset({"2", "3", "4"})  # entrances/exits, generic nodes, boarding areas
#: Errors a damaged zip or CSV file can raise while it is read.
_READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,  # includes UnicodeDecodeError
    NotImplementedError,  # unsupported compression method
    RuntimeError,  # encrypted member
    csv.Error,
)


class GtfsSource(SourceBase):
    """``[[sources]]`` keys of a GTFS feed (see docs/backends/gtfs.md)."""

    kind: Literal["gtfs"] = "gtfs"
    with_lines: bool = Field(
        default=True,
        description="Read routes, trips and stop_times to list the lines serving each stop.",
    )
    merge_platforms: bool = Field(
        default=True,
        description=(
            "Fold platforms into their parent station (one stop per station, with all its lines); "
            "false keeps every platform as its own stop beside the station."
        ),
    )
    max_stop_times: int = Field(
        default=DEFAULT_MAX_STOP_TIMES,
        ge=0,
        description="At most this many stop_times rows are read; lines may be incomplete past it.",
    )


# --- reading files out of a zip or a folder ---------------------------------------------------

#: Given a file name of the feed (lower case), a function opening it, or None if it is absent.
Opener = Callable[[str], Callable[[], IO[bytes]] | None]


def _zip_opener(archive: zipfile.ZipFile) -> Opener:
    """Finds ``stops.txt`` etc. at the root of the zip, or in its one top folder."""
    members: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        path = PurePosixPath(info.filename)
        # Not ZipInfo.is_dir(): a damaged archive may name a member "", which it cannot take.
        if not path.name or info.filename.endswith("/") or len(path.parts) > 2 or path.name.startswith("."):
            continue
        depth = len(path.parts)
        known = members.get(path.name.lower())
        if known is None or depth < len(PurePosixPath(known.filename).parts):
            members[path.name.lower()] = info

    def open_member(name: str) -> Callable[[], IO[bytes]] | None:
        info = members.get(name)
        return (lambda: archive.open(info)) if info is not None else None

    return open_member


def _dir_opener(folder: Path) -> Opener:
    names = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}

    def open_file(name: str) -> Callable[[], IO[bytes]] | None:
        path = names.get(name)
        return (lambda: path.open("rb")) if path is not None else None

    return open_file


def _rows(stream: IO[bytes]) -> Iterator[dict[str, str]]:
    """The rows of one GTFS file as dicts (UTF-8, BOM or not, any line ending, any column order)."""
    with io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="") as text:
        reader = csv.reader(text)
        header = next(reader, None)
        if header is None:
            return
        names = [h.strip().lstrip("\ufeff").lower() for h in header]
        for row in reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            yield {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(names)}


def _columns(stream: IO[bytes], wanted: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Only the ``wanted`` columns of a (possibly huge) file, as tuples; missing columns are ""."""
    with io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="") as text:
        reader = csv.reader(text)
        header = next(reader, None)
        if header is None:
            return
        names = [h.strip().lstrip("\ufeff").lower() for h in header]
        indexes = [names.index(w) if w in names else -1 for w in wanted]
        if any(i < 0 for i in indexes):
            raise ValueError(f"missing column(s) {[w for w, i in zip(wanted, indexes, strict=True) if i < 0]}")
        top = max(indexes)
        for row in reader:
            if len(row) > top:
                yield tuple(row[i].strip() for i in indexes)


# --- parsing -----------------------------------------------------------------------------------


@dataclass(slots=True)
class _RawStop:
    stop_id: str
    name: str
    lat: float
    lon: float
    station: bool
    parent: str
    lines: set[str] = field(default_factory=set)


def parse_gtfs_zip(
    data: bytes,
    *,
    source: str,
    with_lines: bool = True,
    merge_platforms: bool = True,
    max_stop_times: int = DEFAULT_MAX_STOP_TIMES,
) -> ParseResult:
    """The stops of a GTFS zip; ``FeedError`` if it is not a zip or has no readable stops.txt."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _READ_ERRORS as exc:
        raise FeedError(f"not a GTFS zip file ({exc})") from None
    with archive:
        return _parse(_zip_opener(archive), source, with_lines, merge_platforms, max_stop_times)


def parse_gtfs_dir(
    path: Path,
    *,
    source: str,
    with_lines: bool = True,
    merge_platforms: bool = True,
    max_stop_times: int = DEFAULT_MAX_STOP_TIMES,
) -> ParseResult:
    """The stops of an unzipped GTFS feed in ``path``."""
    try:
        opener = _dir_opener(path)
    except OSError as exc:
        raise FeedError(f"cannot read the GTFS folder {path} ({exc})") from None
    return _parse(opener, source, with_lines, merge_platforms, max_stop_times)


def _parse(opener: Opener, source: str, with_lines: bool, merge_platforms: bool, max_stop_times: int) -> ParseResult:
    result = ParseResult()
    stops: dict[str, _RawStop] = {}
    try:
        open_stops = opener("stops.txt")
        if open_stops is None:
            raise FeedError("the GTFS feed has no stops.txt")
        with open_stops() as stream:
            _read_stops(_rows(stream), stops, result)
    except _READ_ERRORS as exc:
        raise FeedError(f"stops.txt is unreadable ({exc})") from None
    if with_lines and stops:
        try:
            _read_lines(opener, stops, max_stop_times)
        except _READ_ERRORS as exc:
            logger.warning("source %s: GTFS lines left out, a file is unreadable (%s)", source, exc)
            for stop in stops.values():
                stop.lines.clear()
    result.stops.extend(_build(stops, source, merge_platforms))
    return result


def _read_stops(rows: Iterator[dict[str, str]], stops: dict[str, _RawStop], result: ParseResult) -> None:
    ignored = 0
    for number, row in enumerate(rows, start=2):
        stop_id = row.get("stop_id", "")
        item = f"stops.txt line {number}" + (f" ({stop_id})" if stop_id else "")
        kind = row.get("location_type", "")
        if kind in _SKIPPED_TYPES:
            ignored += 1
            continue
        if kind not in _STOP_TYPES and kind != _STATION:
            result.skipped.append(Skipped(item, f"unknown location_type {kind!r}"))
            continue
        if not stop_id:
            result.skipped.append(Skipped(item, "no stop_id"))
            continue
        if stop_id in stops:
            result.skipped.append(Skipped(item, "duplicate stop_id"))
            continue
        name = " ".join(row.get("stop_name", "").split())
        if not name:
            result.skipped.append(Skipped(item, "no stop_name"))
            continue
        lat, lon = parse_float(row.get("stop_lat")), parse_float(row.get("stop_lon"))
        if lat is None or lon is None:
            result.skipped.append(Skipped(item, "missing or unreadable stop_lat/stop_lon"))
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180) or lat == lon == 0:
            result.skipped.append(Skipped(item, f"invalid coordinates {lat}, {lon}"))
            continue
        stops[stop_id] = _RawStop(stop_id, name, lat, lon, kind == _STATION, row.get("parent_station", ""))
    if ignored:
        logger.debug("GTFS: %d entrances, nodes and boarding areas ignored", ignored)


def _read_lines(opener: Opener, stops: dict[str, _RawStop], max_stop_times: int) -> None:
    open_routes, open_trips, open_times = opener("routes.txt"), opener("trips.txt"), opener("stop_times.txt")
    if open_routes is None or open_trips is None or open_times is None:
        return
    names: dict[str, str] = {}
    with open_routes() as stream:
        for row in _rows(stream):
            route_id = row.get("route_id", "")
            name = row.get("route_short_name") or row.get("route_long_name") or route_id
            if route_id and name:
                names[route_id] = name
    route_of_trip: dict[str, str] = {}
    with open_trips() as stream:
        for trip_id, route_id in _columns(stream, ("trip_id", "route_id")):
            line = names.get(route_id)
            if trip_id and line:
                route_of_trip[trip_id] = line
    count = 0
    with open_times() as stream:
        last_trip, line = "", None
        for trip_id, stop_id in _columns(stream, ("trip_id", "stop_id")):
            count += 1
            if count > max_stop_times:
                logger.warning(
                    "GTFS: stop_times.txt read up to max_stop_times=%d; lines may be incomplete", max_stop_times
                )
                break
            if trip_id != last_trip:
                last_trip, line = trip_id, route_of_trip.get(trip_id)
            if line is not None:
                stop = stops.get(stop_id)
                if stop is not None:
                    stop.lines.add(line)


def _build(stops: dict[str, _RawStop], source: str, merge_platforms: bool) -> Iterator[Stop]:
    children: set[str] = set()
    for stop in stops.values():  # a station lists every line of its platforms
        parent = stops.get(stop.parent) if stop.parent else None
        if parent is not None and parent.station and not stop.station:
            parent.lines |= stop.lines
            children.add(stop.stop_id)
    if not merge_platforms:
        children.clear()
    for stop in stops.values():
        if stop.stop_id in children:
            continue
        yield Stop(
            id=f"{source}:{stop.stop_id}",
            name=stop.name,
            lat=stop.lat,
            lon=stop.lon,
            source=source,
            lines=tuple(sorted(stop.lines, key=natural_key)),
        )


# --- fetching ----------------------------------------------------------------------------------


def read(config: GtfsSource, fetcher: Fetcher, window: Window) -> ParseResult:
    """The stops of the feed at ``config.url`` (a zip by URL or file, or an unzipped folder)."""
    if not is_http(config.url) and Path(config.url).is_dir():
        result = parse_gtfs_dir(
            Path(config.url),
            source=config.name,
            with_lines=config.with_lines,
            merge_platforms=config.merge_platforms,
            max_stop_times=config.max_stop_times,
        )
    else:
        result = parse_gtfs_zip(
            fetcher.get(config.url),
            source=config.name,
            with_lines=config.with_lines,
            merge_platforms=config.merge_platforms,
            max_stop_times=config.max_stop_times,
        )
    logger.info("source %s: %d stops, %d skipped", config.name, len(result.stops), len(result.skipped))
    return result
