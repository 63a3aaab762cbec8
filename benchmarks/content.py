"""Content: parse and normalize synthetic feeds, and an unchanged refresh through the real content service."""

from __future__ import annotations

import logging
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from benchmarks import synthetic
from benchmarks.measure import Figure, ms_since, timed_ms
from benchmarks.settings import Settings
from kiosk.content.sources import ical, kiosk_feed, openagenda
from kiosk.content.sources.base import Window

log = logging.getLogger(__name__)

WINDOW = Window(synthetic.NOW, synthetic.NOW + timedelta(days=60))


def run(settings: Settings) -> list[Figure]:
    runs = settings.runs
    page = synthetic.openagenda_page(settings.events)
    feed = synthetic.feed(settings.places)
    calendar = synthetic.ical(settings.ical_events)

    counts: dict[str, int] = {}

    def parse_events() -> None:
        result, _ = openagenda.parse_page(page, source="bench", window=WINDOW)
        counts["occurrences"] = len(result.events)

    def parse_places() -> None:
        counts["places"] = len(kiosk_feed.parse_feed(feed, source="bench").places)

    def parse_calendar() -> None:
        counts["ical"] = len(ical.parse_ical(calendar, source="bench", window=WINDOW).events)

    figures = [
        Figure(f"content: parse {settings.events:,} OpenAgenda events", "ms", timed_ms(parse_events, runs), 500),
        Figure(f"content: parse {settings.places:,} places (kiosk feed)", "ms", timed_ms(parse_places, runs)),
        Figure(
            f"content: iCalendar, {settings.ical_events} recurring events over 60 days",
            "ms",
            timed_ms(parse_calendar, runs),
        ),
    ]
    figures[0].note = f"{counts['occurrences']:,} occurrences in the window, {len(page) / 1e6:.1f} MB of JSON"
    figures[1].note = f"{counts['places']:,} places, {len(feed) / 1e6:.1f} MB of JSON"
    figures[2].note = f"{counts['ical']:,} occurrences expanded"
    figures.extend(unchanged_refresh(settings, feed))
    return figures


def unchanged_refresh(settings: Settings, feed: bytes) -> list[Figure]:
    """A 304 from a local server through ContentService: the snapshot must not be published again."""
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415 - Qt only where it is needed

    from kiosk.content.fetch import FetchSettings, HttpFetcher  # noqa: PLC0415
    from kiosk.content.store import SnapshotStore  # noqa: PLC0415
    from kiosk.services.content import ContentService  # noqa: PLC0415
    from tests.helpers.http_server import FaultServer, Reply  # noqa: PLC0415 - the tests' real HTTP server

    _app = QCoreApplication.instance() or QCoreApplication([])
    samples: list[float] = []
    republished = 0
    not_modified = 0
    with FaultServer() as server, tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        server.route("/places.json", Reply(body=feed, etag='"v1"', headers={"Content-Type": "application/json"}))
        source = kiosk_feed.FeedSource(name="bench-places", url=server.url("/places.json"))
        fetcher = HttpFetcher(FetchSettings(user_agent="LIVE-bench", retries=0), cache_path=data / "http.sqlite")
        service = ContentService(
            [source], fetcher, SnapshotStore(data / "snapshot.json"), lambda: synthetic.NOW, timedelta(hours=1)
        )
        changes: list[object] = []
        service.snapshotChanged.connect(changes.append)
        service.refresh_now()  # the first answer: 200, published once
        first = len(changes)
        for _ in range(settings.runs):
            started = time.perf_counter()
            service.refresh_now()
            samples.append(ms_since(started))
        republished = len(changes) - first
        not_modified = sum(1 for seen in server.seen("/places.json") if "if-none-match" in seen.headers)
        service.shutdown()
        fetcher.close()
    note = (
        f"{not_modified} conditional requests answered 304; snapshotChanged emitted {republished} time(s) "
        f"after the first load ({'no re-render' if republished == 0 else 'RE-RENDERED'})"
    )
    return [
        Figure(f"content: unchanged refresh (304), {settings.places:,} places", "ms", samples, note=note),
        Figure("content: re-renders after an unchanged refresh", "count", [float(republished)], 0, kind="value"),
    ]
