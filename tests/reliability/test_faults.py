"""Every network fault against every source kind, through the real content service in a real kiosk window.

For each (fault, kind): a good answer is shown first; then the server misbehaves and a refresh runs
in the background while a 20 ms QTimer checks that the GUI thread keeps answering (no gap over
100 ms); the last good item must still be on screen and the source must say why it is stale; then
the server answers well again and the new item is picked up.

`make test` runs every fault on the feed kind and a few on the others; `make soak` (marker ``slow``)
runs the whole matrix. Set KIOSK_RELIABILITY_REPORT to a file to record each case's state and reason
(docs/reliability.md was written from it).
"""

from __future__ import annotations

import gzip
import itertools
import os
import re
import socket
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import parse_config
from kiosk.content.model import SourceState, SourceStatus
from kiosk.views.cards import EventCard
from tests.conftest import FakeClock
from tests.helpers.http_server import FaultServer, Reply, redirect
from tests.reliability.payloads import KINDS, PATHS, PLACE_ID, good, gtfs_place_feed, source_toml, wrong_shape

MB = 1024 * 1024
BLOCK = b" " * (64 * 1024)  # the 200 MB bodies are this block sent 3200 times: nothing big in memory
HTML_ERROR = (
    b"<!doctype html><html><head><title>Erreur</title></head>"
    b"<body><h1>Service indisponible</h1><script>alert(1)</script></body></html>"
)
GAP_LIMIT = 0.100  # seconds the GUI thread may go without answering


@dataclass(frozen=True)
class Fault:
    """A way for a server to misbehave; ``replies`` is None for « nobody listens on the port »."""

    name: str
    replies: Callable[[str, bytes], list[Reply]] | None
    reason: str  # a regex the source's error must match (when the source goes stale)
    content: dict[str, float] = field(default_factory=dict)  # [content] keys for this fault
    ok_kinds: frozenset[str] = frozenset()  # kinds that read this answer correctly (no staleness expected)


FAULTS = [
    Fault("connection refused", None, r"cannot reach the server"),
    Fault("accept then hang", lambda kind, body: [Reply(body=body, delay=30)], r"did not answer in time"),
    Fault(
        "slow drip (1 byte/s)",
        lambda kind, body: [Reply(body=body, drip=1.0)],
        r"too slow: still downloading after",
        {"connect_timeout": 0.3, "read_timeout": 1.2, "retries": 0},
    ),
    Fault("500", lambda kind, body: [Reply(status=500, body=b"oops")], r"answered 500"),
    Fault("502", lambda kind, body: [Reply(status=502, body=HTML_ERROR)], r"answered 502"),
    Fault("503", lambda kind, body: [Reply(status=503, headers={"Retry-After": "3600"})], r"answered 503"),
    Fault("404", lambda kind, body: [Reply(status=404, body=HTML_ERROR)], r"answered 404"),
    Fault("301 loop", lambda kind, body: [redirect(PATHS[kind], 301)], r"too many redirects"),
    Fault(
        "truncated body",
        lambda kind, body: [Reply(body=body[: len(body) // 2], truncate=len(body))],
        r"download failed",
    ),
    Fault(
        "invalid JSON",
        lambda kind, body: [Reply(body=b'{"events": [{"title": "x",', headers={"Content-Type": "application/json"})],
        r"JSON|not a zip",
    ),
    Fault(
        "valid JSON of the wrong shape",
        lambda kind, body: [Reply(body=wrong_shape(kind))],
        r"feed version|not an iCalendar|without an 'events' list|without 'results'|no stops\.txt",
    ),
    Fault(
        "200 MB body, announced",
        lambda kind, body: [Reply(body=BLOCK, repeat=3200)],
        r"too large: 209715200 bytes announced",
    ),
    Fault(
        "200 MB body, chunked",
        lambda kind, body: [Reply(body=BLOCK, repeat=3200, chunked=True)],
        r"too large: more than",
    ),
    Fault(
        "wrong charset (Latin-1 sent as UTF-8)",
        lambda kind, body: [Reply(body=body, headers={"Content-Type": "text/plain; charset=utf-8"})],
        r"utf-8.* codec can't decode",
        ok_kinds=frozenset({"ical", "gtfs"}),  # iCalendar falls back to Windows-1252; GTFS replaces the bytes
    ),
    Fault(
        "gzip bomb (200 MB of zeros)",
        lambda kind, body: [
            Reply(body=gzip.compress(bytes(MB), 9), repeat=200, headers={"Content-Encoding": "gzip"}, chunked=True)
        ],
        r"too large: more than",
    ),
    Fault(
        "HTML error page with 200",
        lambda kind, body: [Reply(body=HTML_ERROR, headers={"Content-Type": "text/html"})],
        r"JSON|HTML|not a zip",
    ),
]

# `make test`: every fault on the feed kind, and one transport and one content fault on each other kind.
FAST = {(f.name, "feed") for f in FAULTS} | {
    ("accept then hang", "ical"),
    ("HTML error page with 200", "ical"),
    ("truncated body", "openagenda"),
    ("valid JSON of the wrong shape", "openagenda"),
    ("gzip bomb (200 MB of zeros)", "opendatasoft"),
    ("invalid JSON", "opendatasoft"),
    ("503", "gtfs"),
    ("wrong charset (Latin-1 sent as UTF-8)", "gtfs"),
}


def cases() -> Iterator[Any]:
    for fault, kind in itertools.product(FAULTS, KINDS):
        marks = () if (fault.name, kind) in FAST else (pytest.mark.slow,)
        yield pytest.param(fault, kind, id=f"{kind}-{fault.name}", marks=marks)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Scenario:
    """A kiosk reading one source of ``kind`` from a FaultServer it can stop and bring back on the same port."""

    def __init__(self, kind: str, fault: Fault, clock: FakeClock, folder: Path, data_dir: Path) -> None:
        self.kind, self.clock = kind, clock
        self.port = free_port()
        self.server: FaultServer | None = FaultServer(self.port)
        url = self.server.url(PATHS[kind])
        content = {"connect_timeout": 0.5, "read_timeout": 0.5, "retries": 1, "max_megabytes": 2, **fault.content}
        toml = (
            '[kiosk]\nid = "t"\nlocation = { name = "Ici", lat = 50.704, lon = 3.1725 }\n[content]\n'
            + "".join(f"{k} = {v}\n" for k, v in content.items())
            + source_toml(kind, url)
            + (gtfs_place_feed(folder) if kind == "gtfs" else "")
        )
        self.kiosk = build_kiosk(parse_config(toml, base_dir=folder), data_dir, clock=clock)
        self.kiosk.window.resize(1920, 1080)
        self.kiosk.window.show()

    def serve(self, *replies: Reply) -> None:
        if self.server is None:
            self.server = FaultServer(self.port)
        self.server.route(PATHS[self.kind], *replies)

    def refuse(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def status(self) -> SourceStatus:
        return next(s for s in self.kiosk.content.snapshot.sources if s.name == f"s-{self.kind}")

    def shown(self, title: str) -> bool:
        """Is ``title`` on screen: a programme card, or (gtfs) a stop in the place's detail."""
        window = self.kiosk.window
        if self.kind == "gtfs":
            return title in window.map_view.detail.stops.text()
        view = window.programme_view
        cards = [c for c in view.findChildren(EventCard) if c.isVisibleTo(view)]  # not the ones being deleted
        return any(label.text() == title for card in cards for label in card.findChildren(QLabel))

    def close(self) -> None:
        self.kiosk.shutdown()  # deletes the window too
        self.refuse()


def refresh_watching_the_gui(qtbot: Any, kiosk: Kiosk, timeout: float = 30) -> float:
    """Refresh in the background; returns the longest time the GUI thread went without a 20 ms tick."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    start = time.monotonic()
    timer.start()
    kiosk.content.request_refresh()
    assert kiosk.content.refreshing
    qtbot.waitUntil(lambda: not kiosk.content.refreshing, timeout=int(timeout * 1000))
    end = time.monotonic()
    timer.stop()
    marks = [start, *ticks, end]
    gaps = [b - a for a, b in itertools.pairwise(marks)]
    if os.environ.get("KIOSK_RELIABILITY_GAPS"):
        worst = max(range(len(gaps)), key=gaps.__getitem__)
        print(f"gaps: {len(gaps)} worst #{worst} {gaps[worst] * 1000:.0f} ms", [round(g * 1000) for g in gaps])  # noqa: T201
    return max(gaps)


@pytest.fixture
def scenario(
    qapp: object, qasync_loop: object, clock: FakeClock, tmp_path: Path, data_dir: Path
) -> Iterator[Callable[[str, Fault], Scenario]]:
    made: list[Scenario] = []

    def make(kind: str, fault: Fault) -> Scenario:
        made.append(Scenario(kind, fault, clock, tmp_path, data_dir))
        return made[-1]

    yield make
    for one in made:
        one.close()


def report(fault: Fault, kind: str, status: SourceStatus, gap: float, elapsed: float) -> None:
    path = os.environ.get("KIOSK_RELIABILITY_REPORT")
    if path:
        with Path(path).open("a", encoding="utf-8") as out:
            out.write(f"{fault.name}\t{kind}\t{status.state.value}\t{gap * 1000:.0f}\t{elapsed:.1f}\t{status.error}\n")


@pytest.mark.parametrize(("fault", "kind"), list(cases()))
def test_a_fault_keeps_the_last_good_content_and_the_next_good_answer_is_taken(
    fault: Fault, kind: str, scenario: Callable[[str, Fault], Scenario], qtbot: Any, clock: FakeClock
) -> None:
    s = scenario(kind, fault)
    s.serve(Reply(body=good(kind, "Atelier avant", clock.now)))
    s.kiosk.content.refresh_now()
    if kind == "gtfs":
        s.kiosk.window.map_view.show_place(PLACE_ID)
    assert s.status().state is SourceState.OK
    assert s.shown("Atelier avant")
    qtbot.wait(300)  # the window's first layout and paint are not the refresh's doing

    # The server misbehaves.
    if fault.replies is None:
        s.refuse()
    else:
        body = good(kind, "Atelier été", clock.now, encoding="latin-1" if "charset" in fault.name else "utf-8")
        s.serve(*fault.replies(kind, body))
    started = time.monotonic()
    gap = refresh_watching_the_gui(qtbot, s.kiosk)
    elapsed = time.monotonic() - started
    status = s.status()
    report(fault, kind, status, gap, elapsed)
    assert gap < GAP_LIMIT, f"the GUI thread stalled {gap * 1000:.0f} ms"
    assert s.kiosk.window.isVisible()
    if kind in fault.ok_kinds:
        assert status.state is SourceState.OK, status.error
        assert s.shown("Atelier été" if kind == "ical" else "Atelier \ufffdt\ufffd")
    else:
        assert status.state is SourceState.STALE, status
        assert status.error and re.search(fault.reason, status.error), status.error
        assert "unexpected error" not in status.error  # a FeedError, not a parser crash
        assert s.shown("Atelier avant")  # the last good content stays on screen
        assert s.kiosk.window.header.freshness.text()  # and says how old it is

    # The server is well again: the next refresh takes its answer.
    s.serve(Reply(body=good(kind, "Atelier après", clock.now)))
    refresh_watching_the_gui(qtbot, s.kiosk)
    assert s.status().state is SourceState.OK, s.status().error
    assert s.shown("Atelier après")
    assert not s.shown("Atelier avant")
    assert s.kiosk.window.header.freshness.text() == ""
