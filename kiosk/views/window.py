"""The kiosk's one window: a header, the current screen, and the navigation bar.

It knows the screens and the way between them (a history for « Retour »); it does no IO: content
arrives through ``set_snapshot``, and the language through the session.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import Snapshot, SourceState, SourceStatus
from kiosk.services.session import Session
from kiosk.ui.bars import Header, NavBar
from kiosk.views.base import Screen
from kiosk.views.event import EventView
from kiosk.views.formatting import minutes_ago, time_text
from kiosk.views.home import HomeView
from kiosk.views.places import PlacesView
from kiosk.views.programme import ProgrammeView

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Visit:
    """One step of the visitor's way: a screen and what it shows."""

    screen: str
    argument: str | None = None


class KioskWindow(QMainWindow):
    firstPainted = Signal()
    screenChanged = Signal(str)
    resized = Signal(QSize)

    def __init__(self, session: Session, languages: list[str], origin: tuple[float, float], place_name: str) -> None:
        super().__init__()
        self.session = session
        self.setWindowTitle("L.I.V.E — Champ Libre")
        self.allow_close = False
        self._painted = False
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.header = Header()
        self.header.place.setText(place_name)
        self.stack = QStackedWidget()
        self.nav = NavBar()
        column.addWidget(self.header)
        column.addWidget(self.stack, 1)
        column.addWidget(self.nav)
        self.setCentralWidget(central)

        self.home_view = HomeView(session, languages)
        self.programme_view = ProgrammeView(session)
        self.event_view = EventView(session)
        self.places_view = PlacesView(session, origin)
        self.screens: dict[str, Screen] = {}
        for screen in (self.home_view, self.programme_view, self.event_view, self.places_view):
            self.add_screen(screen)
        self._history: list[Visit] = [Visit("home")]

        self.home_view.programmeRequested.connect(lambda: self.go("programme"))
        self.home_view.mapRequested.connect(lambda: self.go("places"))
        self.home_view.eventChosen.connect(lambda eid: self.go("event", eid))
        self.home_view.languageChosen.connect(session.set_language)
        self.programme_view.eventChosen.connect(lambda eid: self.go("event", eid))
        self.nav.homeRequested.connect(self.go_home)
        self.nav.backRequested.connect(self.back)

        self._sources: tuple[SourceStatus, ...] = ()
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self._update_header)
        self._tick.start()
        self._update_header()
        self._show(Visit("home"))

    # -- navigation ----------------------------------------------------------------------------

    def add_screen(self, screen: Screen) -> None:
        self.screens[screen.name] = screen
        self.stack.addWidget(screen)

    @property
    def current(self) -> str:
        return self._history[-1].screen

    def go(self, screen: str, argument: str | None = None) -> None:
        stop = Visit(screen, argument)
        if stop != self._history[-1]:
            self._history.append(stop)
        self._show(stop)

    def back(self) -> None:
        if len(self._history) > 1:
            self._history.pop()
        self._show(self._history[-1])

    def go_home(self) -> None:
        self._history = [Visit("home")]
        self._show(self._history[0])

    def _show(self, stop: Visit) -> None:
        screen = self.screens[stop.screen]
        if stop.screen == "event" and stop.argument is not None:
            self.event_view.show_event(stop.argument)
        self.stack.setCurrentWidget(screen)
        self.nav.back.setEnabled(len(self._history) > 1)
        self.screenChanged.emit(stop.screen)

    # -- content ---------------------------------------------------------------------------------

    def set_snapshot(self, snapshot: Snapshot) -> None:
        for screen in self.screens.values():
            setter = getattr(screen, "set_snapshot", None)
            if setter is not None:
                setter(snapshot)

    def set_sources(self, sources: tuple[SourceStatus, ...]) -> None:
        self._sources = sources
        self._update_header()

    def _update_header(self) -> None:
        now = self.session.now()
        self.header.clock.setText(time_text(now, self.session.locale))
        troubled = [s for s in self._sources if s.state is not SourceState.OK]
        times = [s.fetched_at for s in self._sources if s.fetched_at is not None]
        if troubled and times:
            self.header.freshness.setText(minutes_ago(max(times), now))
        else:
            self.header.freshness.setText("")

    # -- lockdown --------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_header()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            log.info("close request ignored (the kiosk is closed from the staff panel)")
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        event.accept()  # no visitor shortcut does anything

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit(event.size())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)


def apply_window_mode(window: QMainWindow, fullscreen: bool, hide_cursor: bool) -> None:
    if fullscreen:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    else:
        window.resize(1920 // 2, 1080 // 2)
        window.show()
    if hide_cursor:
        window.setCursor(Qt.CursorShape.BlankCursor)
