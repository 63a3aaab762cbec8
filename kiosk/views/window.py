"""The kiosk's one window: a header, the current screen, and the navigation bar.

It knows the screens and the way between them (a history for « Retour »); it does no IO: content
arrives through ``set_snapshot``, and the language through the session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import Snapshot, SourceState, SourceStatus
from kiosk.services.discovery import DiscoveryService
from kiosk.services.session import Session
from kiosk.services.speech import Speech
from kiosk.ui.bars import Header, NavBar
from kiosk.views.activity import ActivityView
from kiosk.views.ambient import AttractView, MaintenanceView, SignageView, SleepView
from kiosk.views.base import Screen
from kiosk.views.discovery import DiscoveryView, TeamView
from kiosk.views.event import EventView
from kiosk.views.formatting import minutes_ago, time_text
from kiosk.views.home import HomeView
from kiosk.views.idle import IdleOverlay
from kiosk.views.map import MapSettings, MapView
from kiosk.views.programme import ProgrammeView
from kiosk.views.signup import SignupView

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
    staffRequested = Signal()

    def __init__(
        self,
        session: Session,
        languages: list[str],
        origin: tuple[float, float],
        place_name: str,
        *,
        map_view: MapView | None = None,
    ) -> None:
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
        self.map_view = map_view if map_view is not None else MapView(session, MapSettings(origin))
        self.attract_view = AttractView(session)
        self.signage_view = SignageView(session)
        self.maintenance_view = MaintenanceView(session)
        self.sleep_view = SleepView(session)
        self.screens: dict[str, Screen] = {}
        for screen in (
            self.home_view,
            self.programme_view,
            self.event_view,
            self.map_view,
            self.attract_view,
            self.signage_view,
            self.maintenance_view,
            self.sleep_view,
        ):
            self.add_screen(screen)
        self.idle_overlay = IdleOverlay(central)
        self.mode = "accueil"
        self.signage_interactive = False
        self.sleeping = False
        self.resetters: list[Callable[[], None]] = []  # what a visitor leaves behind is cleared by these
        self._history: list[Visit] = [Visit("home")]

        self.home_view.programmeRequested.connect(lambda: self.go("programme"))
        self.home_view.mapRequested.connect(lambda: self.go("map"))
        self.home_view.eventChosen.connect(lambda eid: self.go("event", eid))
        self.home_view.languageChosen.connect(session.set_language)
        self.programme_view.eventChosen.connect(lambda eid: self.go("event", eid))
        self.nav.homeRequested.connect(self.go_home)
        self.nav.backRequested.connect(self.back)
        self.attract_view.touched.connect(self.go_home)
        self.signage_view.touched.connect(self._signage_touched)

        self._sources: tuple[SourceStatus, ...] = ()
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self._update_header)
        self._tick.start()
        self._shown = "home"
        self._update_header()
        self._show(Visit("home"))

    # -- sign-up on the kiosk -----------------------------------------------------------------------

    def add_signup(self, view: SignupView) -> None:
        """« S'inscrire ici » from the event detail; the form is wiped whenever the visitor is back home."""
        self.signup_view = view
        self.add_screen(view)
        self.event_view.onsite_signup = True
        self.event_view.signupRequested.connect(lambda eid: self.go("signup", eid))
        view.doneRequested.connect(self.go_home)
        self.resetters.append(view.clear)
        resting = ("home", "attract", "signage", "maintenance", "sleep")
        self.screenChanged.connect(lambda screen: view.clear() if screen in resting else None)

    # -- discovery activities ---------------------------------------------------------------------

    def add_discovery(self, discovery: DiscoveryService, speech: Speech | None, images: Path) -> None:
        """The school groups' screens: activities -> team name -> the activity being played."""
        self.discovery = discovery
        self.discovery_view = DiscoveryView(self.session, discovery)
        self.team_view = TeamView(self.session, discovery)
        self.activity_view = ActivityView(  # map steps use the leisure map's page and tiles
            self.session, discovery, speech, images, map_pages=self.map_view.pages, tiles=self.map_view.tiles
        )
        for screen in (self.discovery_view, self.team_view, self.activity_view):
            self.add_screen(screen)
        self.home_view.discoveryRequested.connect(self.open_discovery)
        self.discovery_view.activityChosen.connect(self._activity_chosen)
        self.team_view.teamChosen.connect(self._team_chosen)
        self.activity_view.anotherRequested.connect(self._another_activity)
        self.screenChanged.connect(self._left_activity)

    def open_discovery(self) -> None:
        """The home door: straight to the team names when the teacher chose the activity, else the list."""
        start = self.discovery.entry_activity()
        if start is not None:
            self._activity_chosen(start.id)
        else:
            self.go("discovery")

    def _activity_chosen(self, activity_id: str) -> None:
        if self.discovery.choose(activity_id):
            self.team_view.show_chosen()
            self.go("team")

    def _team_chosen(self, team: str) -> None:
        if self.discovery.begin(team):
            self.go("activity")

    def _another_activity(self) -> None:
        self.discovery.reset()
        self._history = [Visit("home")]
        self.go("discovery")

    def _left_activity(self, screen: str) -> None:
        if screen != "activity":
            self.discovery.abandon()

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
        self._show(Visit(self.resting_screen))

    @property
    def resting_screen(self) -> str:
        """Where the kiosk stands when nobody is using it, in the current mode."""
        if self.sleeping:
            return "sleep"
        return {"affichage": "signage", "hors-service": "maintenance"}.get(self.mode, "home")

    # -- modes, idle and reset ---------------------------------------------------------------

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.home_view.set_mode(mode)
        self.reset_visitor()

    def set_sleeping(self, sleeping: bool) -> None:
        self.sleeping = sleeping
        self.reset_visitor()

    def reset_visitor(self) -> None:
        """The next visitor starts afresh: home, the default language, every form and activity cleared."""
        self.idle_overlay.hide()
        for reset in self.resetters:
            reset()
        self.session.reset()
        self.go_home()

    def visitor_left_something(self) -> bool:
        """True when a visitor's way, language or input would be lost by a reset."""
        at_rest = self.shown in ("home", "attract", "signage", "maintenance", "sleep")
        return not at_rest or self.session.language != self.session.default_language

    def show_idle_warning(self, seconds_left: int) -> None:
        if not self.visitor_left_something():
            return  # nothing to lose: no need to ask
        self.idle_overlay.show_seconds(seconds_left)
        if not self.idle_overlay.isVisible():
            self.idle_overlay.cover()

    def show_attract(self) -> None:
        if self.resting_screen == "home":
            self._history = [Visit("home")]
            self._show(Visit("attract"))

    def _signage_touched(self) -> None:
        if self.signage_interactive:
            self._show(Visit("home"))
        else:
            self.signage_view.show_call_staff()

    def _show(self, stop: Visit) -> None:
        screen = self.screens[stop.screen]
        if stop.screen == "event" and stop.argument is not None:
            self.event_view.show_event(stop.argument)
        if stop.screen == "signup" and stop.argument is not None and isinstance(screen, SignupView):
            screen.show_event(stop.argument)
        self.stack.setCurrentWidget(screen)
        self.nav.back.setEnabled(len(self._history) > 1)
        resting = stop.screen in ("attract", "signage", "maintenance", "sleep")
        self.nav.setVisible(not resting)
        self.header.setVisible(stop.screen != "sleep")
        self._shown = stop.screen
        self.screenChanged.emit(stop.screen)

    @property
    def shown(self) -> str:
        """The screen on display (``current`` is where the visitor's way stands)."""
        return self._shown

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
        """No shortcut does anything for visitors; Ctrl+Alt+K asks staff for the PIN."""
        staff = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_K and event.modifiers() & staff == staff:
            self.staffRequested.emit()
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit(event.size())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self, self.firstPainted.emit)


#: The window's size out of full screen (``kiosk run --windowed``).
WINDOWED_SIZE = (1920 // 2, 1080 // 2)


def initial_size(fullscreen: bool) -> QSize:
    """The size ``apply_window_mode`` will give the window: the primary screen's, or ``WINDOWED_SIZE``."""
    screen = QGuiApplication.primaryScreen()
    if fullscreen and screen is not None:
        return screen.size()
    return QSize(*WINDOWED_SIZE)


def apply_window_mode(window: QMainWindow, fullscreen: bool, hide_cursor: bool) -> None:
    if fullscreen:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    else:
        window.resize(*WINDOWED_SIZE)
        window.show()
    if hide_cursor:
        window.setCursor(Qt.CursorShape.BlankCursor)
