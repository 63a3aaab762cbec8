"""One refresh: read every source, keep the last good items of those that fail, merge.

Pure functions over a ``Fetcher``: no threads, no Qt. The content service runs ``refresh`` in a
worker; ``kiosk content dump`` runs it inline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from kiosk.config import RESOURCES, Source
from kiosk.content.model import Event, Snapshot, SourceState, SourceStatus
from kiosk.content.sources import gtfs, ical, kiosk_feed, openagenda, opendatasoft
from kiosk.content.sources.base import FeedError, Fetcher, ParseResult, Skipped, Window
from kiosk.content.store import Contents, SourceContent

log = logging.getLogger(__name__)

BUNDLED_DIR = RESOURCES / "content"
BUNDLED_NAME = "pack-integre"
PARIS = ZoneInfo("Europe/Paris")

Reader = Callable[[Source, Fetcher, Window], ParseResult]


MODULES = {"feed": kiosk_feed, "ical": ical, "openagenda": openagenda, "opendatasoft": opendatasoft, "gtfs": gtfs}


def _reader(source: Source) -> Reader:
    reader: Reader = MODULES[source.kind].read
    return reader


def bundled_sources() -> list[Source]:
    """The content pack shipped in resources/content: shown when nothing else is available."""
    return [
        ical.ICalSource(name=f"{BUNDLED_NAME}-programme", url=str(BUNDLED_DIR / "programme.ics")),
        kiosk_feed.FeedSource(name=f"{BUNDLED_NAME}-lieux", url=str(BUNDLED_DIR / "places.json")),
        kiosk_feed.FeedSource(name=f"{BUNDLED_NAME}-activites", url=str(BUNDLED_DIR / "activities.json")),
    ]


def default_window(now: datetime, days: int = 60) -> Window:
    return Window(now, now + timedelta(days=days))


@dataclass
class RefreshResult:
    contents: dict[str, SourceContent]
    skipped: dict[str, list[Skipped]] = field(default_factory=dict)


def in_zone(event: Event, tz: tzinfo) -> Event:
    """The same event with its times written in the kiosk's zone (the instant is unchanged)."""
    start, end = event.start.astimezone(tz), event.end.astimezone(tz)
    if start.utcoffset() == event.start.utcoffset() and end.utcoffset() == event.end.utcoffset():
        return event
    return replace(event, start=start, end=end)


def read_source(
    source: Source, fetcher: Fetcher, window: Window, previous: SourceContent | None, now: datetime, tz: tzinfo = PARIS
) -> tuple[SourceContent, list[Skipped]]:
    """Read one source; on failure keep its previous items and mark it stale (or error)."""
    try:
        result = _reader(source)(source, fetcher, window)
    except FeedError as exc:
        reason = str(exc)
    except Exception as exc:  # a parser bug must not take the other sources down
        log.exception("source %s: unexpected failure", source.name)
        reason = f"unexpected error: {exc.__class__.__name__}: {exc}"
    else:
        status = SourceStatus(source.name, source.kind, SourceState.OK, result.items, None, now)
        for skipped in result.skipped:
            log.info("source %s: skipped %s: %s", source.name, skipped.item, skipped.reason)
        content = SourceContent(
            status,
            tuple(in_zone(e, tz) for e in result.events),
            tuple(result.places),
            tuple(result.stops),
            tuple(result.activities),
        )
        return content, result.skipped
    log.warning("source %s failed: %s", source.name, reason)
    if previous is not None and previous.items:
        status = replace(previous.status, kind=source.kind, state=SourceState.STALE, error=reason)
        return replace(previous, status=status), []
    fetched = previous.status.fetched_at if previous else None
    return SourceContent(SourceStatus(source.name, source.kind, SourceState.ERROR, 0, reason, fetched)), []


def refresh(
    sources: Sequence[Source], fetcher: Fetcher, previous: Contents, now: datetime, window: Window, tz: tzinfo = PARIS
) -> RefreshResult:
    """Read every enabled source (the bundled pack when there are none)."""
    active = [s for s in sources if s.enabled] or bundled_sources()
    result = RefreshResult({})
    for source in active:
        content, skipped = read_source(source, fetcher, window, previous.get(source.name), now, tz)
        result.contents[source.name] = content
        if skipped:
            result.skipped[source.name] = skipped
    if not any(c.items for c in result.contents.values()) and active[0].name != bundled_sources()[0].name:
        log.warning("no source has any content: showing the bundled pack")
        for source in bundled_sources():
            content, _ = read_source(source, fetcher, window, previous.get(source.name), now, tz)
            result.contents[source.name] = content
    return result


def _dedupe_events(events: Iterable[Event]) -> list[Event]:
    seen: dict[tuple[str, float], Event] = {}
    for event in events:
        seen.setdefault(event.dedupe_key, event)  # the first source listed wins
    return sorted(seen.values(), key=lambda e: (e.start, e.end, e.title.get("fr")))


def merge(contents: Contents, window: Window | None = None) -> Snapshot:
    """One snapshot from every source's items: deduplicated, events sorted by start."""
    events = (e for c in contents.values() for e in c.events)
    if window is not None:
        events = (e for e in events if e.end > window.start and e.start < window.end)
    places = {p.id: p for c in reversed(list(contents.values())) for p in c.places}
    stops = {s.id: s for c in reversed(list(contents.values())) for s in c.stops}
    activities = {a.id: a for c in reversed(list(contents.values())) for a in c.activities}
    return Snapshot(
        events=tuple(_dedupe_events(events)),
        places=tuple(sorted(places.values(), key=lambda p: p.name.get("fr").casefold())),
        stops=tuple(stops.values()),
        activities=tuple(activities.values()),
        sources=tuple(c.status for c in contents.values()),
    )
