"""Rendering screens offscreen: ``kiosk screenshot`` and ``kiosk selftest``."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk, build_kiosk, create_application, prepare_qt_environment, resolve_data_dir
from kiosk.config import Config
from kiosk.content import geo
from kiosk.content.model import MapStep, OrderStep, QuizStep
from kiosk.services.discovery import TEAMS
from kiosk.views.staff import StaffView
from kiosk.views.window import KioskWindow

log = logging.getLogger(__name__)


def _application() -> QApplication:
    prepare_qt_environment(offscreen=True)
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else create_application(["kiosk"])


def _settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


def open_screen(kiosk: Kiosk, view: str, event_id: str | None = None) -> None:  # noqa: PLR0912 - a branch a screen
    """Show ``view`` as a visitor would reach it (the event screen: the first upcoming event)."""
    window = kiosk.window
    if view in ("event", "signup"):
        now = kiosk.session.now()
        first = next(iter(kiosk.content.snapshot.upcoming(now)), None)
        window.go("programme")
        window.go("event", event_id or (first.id if first else ""))
        if view == "signup":
            window.go("signup", event_id or (first.id if first else ""))
    elif view == "home":
        window.go_home()
    elif view == "staff":  # the panel as staff see it once the PIN is typed
        window.go("staff")
        staff_view = window.screens["staff"]
        assert isinstance(staff_view, StaffView)
        staff_view.show_panel()
    elif view == "staff-pin":  # what staff see first: the PIN pad
        window.go("staff")
    elif view == "place":  # the map with the nearest place's detail beside it
        window.go("map")
        wait_for_map(kiosk)
        origin = window.map_view.settings.origin
        places = geo.by_distance(kiosk.content.snapshot.places, *origin)
        if places:
            window.map_view.show_place(places[0][0].id)
    elif view == "activity":  # the first activity's first step, for the first team
        discovery = window.activity_view.discovery
        activities = discovery.activities
        if activities and discovery.choose(activities[0].id) and discovery.begin(TEAMS[0]):
            window.go("activity")
    elif view == "activity-map":  # a team on a map step: the real map with the step's places
        open_map_step(kiosk.window)
    elif view == "idle":
        window.go("programme")
        window.show_idle_warning(14)
    else:
        window.go(view)
    if view == "map":
        wait_for_map(kiosk)
    _settle()


def wait_for_map(kiosk: Kiosk, timeout: float = 10.0) -> bool:
    """Let the map page be generated and loaded until it says it is ready, then give its tiles a moment."""
    # An event loop, not a processEvents() loop: in PySide6 6.12 each processEvents call drops a reference to None.
    kiosk.window.show()  # the web engine starts when the map is first shown
    web = kiosk.window.map_view.web
    loop = QEventLoop()
    if not web.is_ready:
        web.ready.connect(loop.quit)
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        loop.exec()
        web.ready.disconnect(loop.quit)
    QTimer.singleShot(600, loop.quit)  # the clusters and the first tiles
    loop.exec()
    if not web.is_ready:
        log.error("the map page was not ready within %.0f s", timeout)
    return web.is_ready


def open_map_step(window: KioskWindow, timeout: float = 10.0, settle_ms: int = 600) -> bool:
    """A team on the first map step of the first activity that has one, answered right up to there,
    once its map is ready (False, on the place cards, when it is not)."""
    window.show()
    discovery = window.discovery
    pages = window.map_view.pages
    if pages is not None and pages.current is None:
        pages.build_now(discovery.snapshot)
    activity = next((a for a in discovery.activities if any(isinstance(s, MapStep) for s in a.steps)), None)
    if activity is None or not discovery.choose(activity.id) or not discovery.begin(TEAMS[0]):
        window.go("discovery")
        return False
    window.go("activity")
    game = discovery.game
    while game is not None and not isinstance(game.step, MapStep):
        step = game.step
        if isinstance(step, QuizStep):
            discovery.answer_quiz(step.right)
        elif isinstance(step, OrderStep):
            for item in range(len(step.items)):
                discovery.place_item(item)
            discovery.check_order()
        discovery.next_step()
    board = window.activity_view.map
    loop = QEventLoop()
    if not board.ready and board.web is not None:
        board.readyChanged.connect(loop.quit)
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        loop.exec()
        board.readyChanged.disconnect(loop.quit)
    if settle_ms:
        QTimer.singleShot(settle_ms, loop.quit)  # the markers and the first tiles
        loop.exec()
    if not board.ready:
        log.error("the activity's map was not ready within %.0f s", timeout)
    return board.ready


def render(kiosk: Kiosk, size: tuple[int, int]) -> QImage:
    kiosk.window.resize(*size)
    kiosk.window.show()
    _settle()
    return kiosk.window.grab().toImage()


def screenshot(
    config: Config,
    view: str,
    out: Path,
    size: tuple[int, int],
    language: str | None,
    event_id: str | None,
    data_dir: Path | None,
    *,
    text_size: int = 100,
    high_contrast: bool = False,
) -> int:
    _application()
    kiosk = build_kiosk(config, resolve_data_dir(config, data_dir))
    try:
        kiosk.content.refresh_now()
        if language:
            kiosk.session.set_language(language)
        for _ in range(3):  # the A+ button's steps, as a visitor would tap it
            if round(kiosk.session.text_scale * 100) == text_size:
                break
            kiosk.session.next_text_size()
        if high_contrast != kiosk.session.high_contrast:
            kiosk.session.toggle_contrast()
        kiosk.window.resize(*size)
        open_screen(kiosk, view, event_id)
        image = render(kiosk, size)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out)):
            log.error("cannot write %s", out)
            return 1
        log.info("wrote %s (%dx%d)", out, image.width(), image.height())
        return 0
    finally:
        kiosk.shutdown()


def _looks_blank(image: QImage) -> bool:
    """True when a grid of sampled pixels is all one colour."""
    colours = {
        image.pixel(x, y)
        for x in range(0, image.width(), max(1, image.width() // 40))
        for y in range(0, image.height(), max(1, image.height() // 40))
    }
    return len(colours) < 3


def selftest(config: Config, data_dir: Path | None) -> int:
    """Build every screen, in landscape and portrait; name each one that fails."""
    _application()
    kiosk = build_kiosk(config, resolve_data_dir(config, data_dir))
    failures: list[str] = []
    try:
        snapshot = kiosk.content.refresh_now()
        if not snapshot.events:
            failures.append("content: no upcoming event")
        for size in ((1920, 1080), (1080, 1920)):
            for view in kiosk.window.screens:
                try:
                    open_screen(kiosk, view)
                    image = render(kiosk, size)
                    if view != "sleep" and _looks_blank(image):  # sleep is black on purpose
                        failures.append(f"{view} at {size[0]}x{size[1]}: blank")
                except Exception as exc:  # report every screen, not just the first failure
                    log.exception("screen %s failed", view)
                    failures.append(f"{view} at {size[0]}x{size[1]}: {exc}")
    finally:
        kiosk.shutdown()
    for failure in failures:
        log.error("selftest: %s", failure)
    if not failures:
        log.info("selftest: every screen renders")
    return 1 if failures else 0
