"""The kiosk in this process, as a visitor drives it: tap to the next screen painted, and the soak.

The kiosk is the real one (``build_kiosk`` with the bundled configuration and content), offscreen
at 1920×1080. A tap is a touch press and release sent to the window, as the touch screen sends it;
the time runs from the release to the moment the new screen's paint event has been handled and the
window flushed.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from benchmarks import synthetic
from benchmarks.measure import Figure, ms_since, pss_mb, tree_pss_mb, tree_rss_mb, tree_unique_mb
from benchmarks.settings import Settings
from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_config
from kiosk.content.model import Snapshot
from kiosk.views.cards import EventCard

log = logging.getLogger(__name__)

WAIT_S = 3.0
#: Soak cycles between two memory samples.
SAMPLE_EVERY = 50


class NoneBallast:
    """Keeps ``None`` alive while the harness runs, and counts the references PySide6 takes from it.

    With PySide6 6.12.0 on Python 3.11 (where ``None`` is not yet immortal), every call of a Qt method
    returning nothing whose result is dropped (``label.setText(...)``, ``QApplication.processEvents()``)
    takes one reference from ``None``: when the count reaches zero, the interpreter aborts with
    « deallocating None ». The harness's own loops would get there within seconds, so references are
    added back here (held in a list).
    """

    FLOOR = 200_000
    STEP = 1_000_000

    def __init__(self) -> None:
        self.held: list[None] = []

    def top_up(self) -> None:
        if sys.getrefcount(None) < self.FLOOR:
            self.held.extend([None] * self.STEP)


def none_taken_per_call(calls: int = 1000) -> float:
    """How many references to None one ``QLabel.setText`` (a call returning nothing) takes: 0 when sound."""
    from PySide6.QtWidgets import QLabel  # noqa: PLC0415

    BALLAST.top_up()
    probe = QLabel()
    before = sys.getrefcount(None)
    for _ in range(calls):
        probe.setText("x")
    return (before - sys.getrefcount(None)) / calls


BALLAST = NoneBallast()


def application() -> QApplication:
    """The one QApplication, offscreen, QtWebEngine loaded first (as the kiosk does)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("KIOSK_TILES_OFFLINE", "1")
    from PySide6 import QtWebEngineWidgets  # noqa: F401, PLC0415 - before the QApplication

    from kiosk.app import prepare_qt_environment  # noqa: PLC0415
    from kiosk.services.tiles import register_tile_scheme  # noqa: PLC0415

    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    prepare_qt_environment()  # as the kiosk does: the sandbox rule, software rendering without a GPU
    register_tile_scheme()
    return QApplication([])


class PaintWatch(QObject):
    """Notes when a widget receives a paint event."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def process_events() -> None:
    """What one turn of the kiosk's event loop does, deferred deletions included.

    ``processEvents()`` outside any ``exec()`` never runs the ``deleteLater()`` calls (they wait for an event
    loop to return to): screens made anew on every snapshot would pile up in memory, which the kiosk's running
    loop never does. The harness has no running loop, so it runs them here.
    """
    BALLAST.top_up()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def settle(seconds: float = 0.05) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        process_events()
        time.sleep(0.001)


def until(condition: Callable[[], bool], seconds: float = WAIT_S) -> bool:
    end = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > end:
            return False
        process_events()
    return True


class Finger:
    """Taps through the window as the touch screen would, timing each tap to the target painted."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.window = kiosk.window
        self.device = QTest.createTouchDevice()
        self.watches = {name: PaintWatch(screen) for name, screen in self.window.screens.items()}
        # Two taps closer than the double-click interval make a double click, which the buttons and cards
        # do not take as a tap: the finger waits that long before each tap (outside the measured time).
        self.pause = QApplication.doubleClickInterval() / 1000 + 0.05
        self.hold = 0.03

    def tap(self, widget: QWidget, screen: str) -> float:
        """Tap ``widget``; milliseconds from the finger lifted to ``screen`` painted."""
        window = self.window
        point = widget.mapTo(window, widget.rect().center())
        settle(self.pause)
        QTest.touchEvent(window, self.device).press(0, point, window)
        settle(self.hold)  # a finger rests on the glass for a moment; the scroll areas tell a tap from a drag
        watch = self.watches[screen]
        watch.painted = False
        started = time.perf_counter()
        QTest.touchEvent(window, self.device).release(0, point, window)
        if not until(lambda: watch.painted and window.shown == screen):
            raise RuntimeError(f"{screen} was not painted within {WAIT_S} s (shown: {window.shown})")
        process_events()  # the flush that follows the paint
        return ms_since(started)

    def first_card(self, screen: str) -> QWidget:
        cards = [c for c in self.window.screens[screen].findChildren(EventCard) if c.isVisible()]
        if not cards:
            raise RuntimeError(f"no event card on {screen}")
        return cards[0]

    def visit(self, target: str) -> list[tuple[str, float]]:
        """From home to ``target`` and back home, by taps only; (screen, ms) for each switch."""
        home = self.window.home_view
        nav = self.window.nav
        steps: list[tuple[str, float]] = []
        if target == "programme":
            steps.append(("programme", self.tap(home.programme_tile, "programme")))
        elif target == "event":
            steps.append(("programme", self.tap(home.programme_tile, "programme")))
            steps.append(("event", self.tap(self.first_card("programme"), "event")))
        elif target == "map":
            steps.append(("map", self.tap(home.map_tile, "map")))
        elif target == "discovery":
            steps.append(("discovery", self.tap(home.discovery_tile, "discovery")))
        steps.append(("home", self.tap(nav.home, "home")))
        return steps


@contextmanager
def running_kiosk() -> Iterator[Kiosk]:
    app = application()  # held: a QApplication nobody references is destroyed
    with tempfile.TemporaryDirectory() as folder:
        kiosk = build_kiosk(load_config(), Path(folder), clock=lambda: synthetic.NOW)
        kiosk.content.refresh_now()
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        QTest.qWaitForWindowExposed(kiosk.window)
        # As in the kiosk after its start: every screen is made (in the idle turns after the first paint), laid
        # out and polished before any is measured.
        if not until(lambda: not kiosk.window.unbuilt, 10):
            raise RuntimeError(f"screens not made 10 s after the first paint: {kiosk.window.unbuilt}")
        settle(0.3)
        try:
            yield kiosk
        finally:
            kiosk.shutdown()
            settle(0.1)
            del app


ROTATION = ("programme", "event", "map", "discovery")


def screen_switches(settings: Settings) -> list[Figure]:
    with running_kiosk() as kiosk:
        finger = Finger(kiosk)
        for target in ROTATION:  # warm-up: every screen built, polished and painted once, the map engine started
            finger.visit(target)
        by_screen: dict[str, list[float]] = {}
        done, visits = 0, 0
        while done < settings.switches:
            for screen, ms in finger.visit(ROTATION[visits % len(ROTATION)]):
                by_screen.setdefault(screen, []).append(ms)
                done += 1
            visits += 1
        finger.tap(kiosk.window.home_view.map_tile, "map")  # the whole kiosk as a visitor leaves it on the map
        settle(2.0)
        unique, pss = tree_unique_mb(), tree_pss_mb()
    every = [ms for samples in by_screen.values() for ms in samples]
    detail = ", ".join(
        f"{name} p95 {Figure(name, 'ms', s, kind='p95').value:.1f}" for name, s in sorted(by_screen.items())
    )
    return [
        Figure(f"screen switch: tap to painted, p50 of {len(every)}", "ms", every, kind="p50"),
        Figure(
            f"screen switch: tap to painted, p95 of {len(every)}",
            "ms",
            every,
            16,
            kind="p95",
            note=detail,
        ),
        Figure(
            "memory: the whole kiosk with the map open, bundled content (process tree, each page once)",
            "MB",
            [(unique or pss) * 1024 * 1024 / 1e6],
            300,
            kind="value",
            note=f"{unique or pss:.0f} MiB{'' if unique else ' (PSS: the page frames need root)'}; PSS {pss:.0f} "
            f"MiB; after {done} switches",
        ),
    ]


def qt_objects(kiosk: Kiosk) -> tuple[int, int]:
    """Widgets alive in the application, and every QObject under the window."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return len(QApplication.allWidgets()), len(kiosk.window.findChildren(QObject))


@dataclass(frozen=True)
class MemorySample:
    """Memory after ``cycle`` soak cycles: the whole tree (RSS, PSS, each page once), the kiosk's own process,
    Python's objects."""

    cycle: int
    rss: float
    pss: float
    unique: float
    main_pss: float
    python_objects: int

    @classmethod
    def take(cls, cycle: int, ballast_mb: float) -> MemorySample:
        # The ballast's list (8 bytes a reference) is the harness's, not the kiosk's: it is taken out.
        main_pss = pss_mb(os.getpid()) - ballast_mb
        return cls(
            cycle,
            tree_rss_mb() - ballast_mb,
            tree_pss_mb() - ballast_mb,
            (tree_unique_mb() or tree_pss_mb()) - ballast_mb,
            main_pss,
            len(gc.get_objects()),
        )


def slope_per_1000(samples: list[MemorySample], value: Callable[[MemorySample], float]) -> float:
    """Least-squares slope of ``value`` over the samples, in units per 1,000 cycles."""
    xs = [s.cycle for s in samples]
    ys = [value(s) for s in samples]
    if len(xs) < 2 or len(set(xs)) < 2:
        return 0.0
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    variance = sum((x - mean_x) ** 2 for x in xs)
    return covariance / variance * 1000


def soak(settings: Settings) -> list[Figure]:
    """Screen switches, a category filter on the map and a content refresh, ``soak_cycles`` times.

    Memory is measured from the end of a warm-up (``soak_warmup`` cycles): caches that fill once (the web
    engine's JavaScript heap and tile cache, Qt's font and pixmap caches, the allocators' arenas) grow there,
    and a leak is what still grows after. Samples every ``SAMPLE_EVERY`` cycles give the slope of the rest.
    """
    with running_kiosk() as kiosk:
        # Thousands of taps: a short double-click interval lets them follow each other quickly.
        QApplication.styleHints().setMouseDoubleClickInterval(40)
        finger = Finger(kiosk)
        finger.pause, finger.hold = 0.045, 0.01
        full = kiosk.content.snapshot
        fewer = replace(full, events=full.events[1:])  # a content change, to re-render every screen now and then
        map_view = kiosk.window.map_view

        def cycle(index: int) -> None:
            target = ROTATION[index % len(ROTATION)]
            if target == "map":
                finger.tap(kiosk.window.home_view.map_tile, "map")
                # looked up each time: a new snapshot may make the chips anew
                chips = [b for b in map_view.chips.findChildren(QWidget) if b.property("value")]
                chip = chips[(index // len(ROTATION)) % len(chips)] if chips else None
                if chip is not None and chip.isVisible():
                    QTest.mouseClick(chip, Qt.MouseButton.LeftButton, pos=chip.rect().center())
                    process_events()
                finger.tap(kiosk.window.nav.home, "home")
            else:
                finger.visit(target)
            if index % 4 == 3:
                kiosk.content.refresh_now()  # unchanged: nothing re-rendered
            if index % 20 == 19:
                snapshot: Snapshot = fewer if index % 40 == 19 else full
                kiosk.window.set_snapshot(snapshot)

        ballast_start = len(BALLAST.held)

        def sample(done: int) -> MemorySample:
            kiosk.window.set_snapshot(full)  # the same content at every sample
            gc.collect()
            settle(0.3)
            return MemorySample.take(done, (len(BALLAST.held) - ballast_start) * 8 / 2**20)

        first = sample(0)
        for index in range(max(settings.soak_warmup, 8)):  # everything built and used, the map page loaded
            cycle(index)
        until(lambda: map_view.web.is_ready, 15)
        start = sample(0)
        widgets_start, objects_start = qt_objects(kiosk)
        none_refs = sys.getrefcount(None) - len(BALLAST.held)
        samples = [start]
        started = time.perf_counter()
        for index in range(settings.soak_cycles):
            cycle(index)
            if (index + 1) % SAMPLE_EVERY == 0 or index + 1 == settings.soak_cycles:
                samples.append(sample(index + 1))
        seconds = time.perf_counter() - started
        end = samples[-1]
        widgets_end, objects_end = qt_objects(kiosk)
    cycles = settings.soak_cycles
    warmup = max(settings.soak_warmup, 8)

    def growth(value: Callable[[MemorySample], float]) -> float:
        return (value(end) - value(start)) / value(start) * 100 if value(start) else 0.0

    later = samples[len(samples) // 2 :]  # the second half: the slope once any slow filling is over
    unique_slope = slope_per_1000(later, lambda s: s.unique)
    main_slope = slope_per_1000(later, lambda s: s.main_pss)
    return [
        Figure(
            f"soak: memory growth over {cycles:,} cycles (process tree RSS)",
            "%",
            [growth(lambda s: s.rss)],
            5,
            kind="value",
            note=f"after a warm-up of {warmup} cycles ({first.rss:.0f} → {start.rss:.0f} MiB there): "
            f"{start.rss:.0f} → {end.rss:.0f} MiB RSS; {seconds:.0f} s",
        ),
        Figure(
            f"soak: memory growth over {cycles:,} cycles (process tree, each page once)",
            "%",
            [growth(lambda s: s.unique)],
            5,
            kind="value",
            note=f"{start.unique:.0f} → {end.unique:.0f} MiB (PSS where the page frames cannot be read)",
        ),
        Figure(
            f"soak: memory growth over {cycles:,} cycles (process tree PSS)",
            "%",
            [growth(lambda s: s.pss)],
            kind="value",
            note=f"{start.pss:.0f} → {end.pss:.0f} MiB PSS; the kiosk's process {start.main_pss:.0f} → "
            f"{end.main_pss:.0f}, the web engine's {start.pss - start.main_pss:.0f} → {end.pss - end.main_pss:.0f}; "
            "PSS moves when other programs on the machine start or stop (they share the libraries' pages)",
        ),
        Figure(
            "soak: steady-state slope, process tree, each page once (second half)",
            "MiB/1000 cycles",
            [unique_slope],
            kind="value",
            note=f"the kiosk's process {main_slope:+.1f} MiB PSS/1000 cycles; samples every {SAMPLE_EVERY} cycles: "
            + " ".join(f"{s.unique:.0f}" for s in samples),
        ),
        Figure(
            "soak: Python objects alive, growth",
            "count",
            [float(end.python_objects - start.python_objects)],
            kind="value",
            note=f"{start.python_objects:,} → {end.python_objects:,} (gc-tracked)",
        ),
        Figure(
            "soak: widgets alive, start → end",
            "count",
            [float(widgets_end - widgets_start)],
            kind="value",
            note=f"{widgets_start} → {widgets_end} widgets; QObjects under the window {objects_start} → {objects_end}",
        ),
        Figure(
            "soak: QObjects under the window, growth",
            "count",
            [float(objects_end - objects_start)],
            kind="value",
        ),
        Figure(
            "PySide6: references to None taken by a Qt call returning nothing",
            "refs",
            [float(none_taken_per_call())],
            0,
            kind="value",
            note=f"None held {none_refs:,} references in the kiosk: about that many such calls abort the process",
        ),
    ]


def run_switches(settings: Settings) -> list[Figure]:
    return screen_switches(settings)


def run_soak(settings: Settings) -> list[Figure]:
    return soak(settings)
