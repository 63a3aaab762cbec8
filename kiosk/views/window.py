"""The kiosk's one window: a header, the current screen, and the navigation bar.

It knows the screens and the way between them (a history for « Retour »); it does no IO: content
arrives through ``set_snapshot``, and the language through the session.

Only the home screen is made with the window: the first paint waits for nothing else. Every other screen
is made when it is first asked for (a tap on a home tile may come first), else in the event loop's idle
turns after the first paint, one per turn so that a touch is never kept waiting for long (``screen``,
``when_built``). A screen made later is given the content, the wiring and the theme it would have had.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.model import Snapshot, SourceState, SourceStatus
from kiosk.services.session import Session
from kiosk.ui.bars import Header, NavBar
from kiosk.views.base import Screen
from kiosk.views.formatting import minutes_ago, time_text
from kiosk.views.home import HomeView
from kiosk.views.idle import IdleOverlay

if TYPE_CHECKING:  # the other screens' modules are imported where the screen is made
    from kiosk.services.discovery import DiscoveryService
    from kiosk.services.map import MapPageService
    from kiosk.services.speech import Speech
    from kiosk.services.tiles import TileService
    from kiosk.views.activity import ActivityView
    from kiosk.views.ambient import AttractView, MaintenanceView, SignageView, SleepView
    from kiosk.views.discovery import DiscoveryView, TeamView
    from kiosk.views.event import EventView
    from kiosk.views.map import MapView
    from kiosk.views.programme import ProgrammeView
    from kiosk.views.signup import SignupView

log = logging.getLogger(__name__)

#: The order the screens left for later are made in after the first paint: where a visitor goes first, first.
BUILD_ORDER = (
    "programme",
    "map",
    "event",
    "discovery",
    "team",
    "activity",
    "signup",
    "attract",
    "signage",
    "maintenance",
    "sleep",
    "staff",
)


@dataclass(frozen=True, slots=True)
class Visit:
    """One step of the visitor's way: a screen and what it shows."""

    screen: str
    argument: str | None = None


class Screens(Mapping[str, Screen]):
    """The window's screens by name, made when looked up: iterating gives every name, made or not."""

    def __init__(self, window: KioskWindow) -> None:
        self._window = window

    def __getitem__(self, name: str) -> Screen:
        return self._window.screen_named(name)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._window.screen_names))

    def __len__(self) -> int:
        return len(self._window.screen_names)

    def __contains__(self, name: object) -> bool:
        return name in self._window.screen_names


class KioskWindow(QMainWindow):
    firstPainted = Signal()
    screenChanged = Signal(str)
    resized = Signal(QSize)
    staffRequested = Signal()
    screenBuilt = Signal(str)

    def __init__(
        self,
        session: Session,
        languages: list[str],
        origin: tuple[float, float],
        place_name: str,
        *,
        map_view: MapView | None = None,
        map_radii: tuple[int, ...] | None = None,
        map_pages: MapPageService | None = None,
        tiles: TileService | None = None,
    ) -> None:
        """``map_view``, when given, is the map screen, made already; else it is made later, around ``origin``
        with the distance filters of ``map_radii`` (default: the standard ones), ``map_pages`` and ``tiles``."""
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

        self._built: dict[str, Screen] = {}
        self._makers: dict[str, Callable[[], Screen]] = {}
        self._wiring: dict[str, list[Callable[[], object]]] = {}
        self._snapshot: Snapshot | None = None
        self.screens: Mapping[str, Screen] = Screens(self)
        self.speech: Speech | None = None  # reading aloud, once the discovery screens are added
        self.home_view = HomeView(session, languages)
        self.add_screen(self.home_view)
        self.map_pages, self.map_tiles = map_pages, tiles
        self._add_later(origin, map_view, map_radii)
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
        self.nav.homeRequested.connect(self.go_home)
        self.nav.backRequested.connect(self.back)

        self._sources: tuple[SourceStatus, ...] = ()
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self._update_header)
        self._tick.start()
        self._shown = "home"
        self._update_header()
        self._show(Visit("home"))

    def _add_later(
        self, origin: tuple[float, float], map_view: MapView | None, map_radii: tuple[int, ...] | None
    ) -> None:
        """The screens every window has but home, left to be made after the first paint (the map may be made)."""
        session = self.session
        if map_view is not None:
            self.add_screen(map_view)
            self.map_pages, self.map_tiles = map_view.pages, map_view.tiles
        pages, tiles = self.map_pages, self.map_tiles
        self.add_screen_later("programme", lambda: _programme(session))
        self.add_screen_later("event", lambda: _event(session))
        self.add_screen_later("map", lambda: _map(session, origin, map_radii, pages, tiles))
        for name in ("attract", "signage", "maintenance", "sleep"):
            self.add_screen_later(name, partial(_ambient, name, session))
        self.when_built("programme", lambda: self.programme_view.eventChosen.connect(lambda eid: self.go("event", eid)))
        self.when_built("attract", lambda: self.attract_view.touched.connect(self.go_home))
        self.when_built("signage", lambda: self.signage_view.touched.connect(self._signage_touched))

    # -- sign-up on the kiosk -----------------------------------------------------------------------

    def add_signup(self, view: SignupView | Callable[[], SignupView]) -> None:
        """« S'inscrire ici » from the event detail; the form is wiped whenever the visitor is back home.

        ``view`` is the form, or what makes it when it is first needed."""
        if isinstance(view, Screen):
            self.add_screen(view)
        else:
            self.add_screen_later("signup", view)

        def wire_event() -> None:
            self.event_view.onsite_signup = True
            self.event_view.signupRequested.connect(lambda eid: self.go("signup", eid))

        self.when_built("event", wire_event)
        self.when_built("signup", lambda: self.signup_view.doneRequested.connect(self.go_home))
        self.resetters.append(lambda: self.signup_view.clear() if self.is_built("signup") else None)
        resting = ("home", "attract", "signage", "maintenance", "sleep")
        self.screenChanged.connect(
            lambda screen: self.signup_view.clear() if screen in resting and self.is_built("signup") else None
        )

    # -- discovery activities ---------------------------------------------------------------------

    def add_discovery(self, discovery: DiscoveryService, speech: Speech | None, images: Path) -> None:
        """The school groups' screens: activities -> team name -> the activity being played."""
        self.discovery = discovery
        self.speech = speech
        session, pages, tiles = self.session, self.map_pages, self.map_tiles
        self.add_screen_later("discovery", lambda: _discovery(session, discovery))
        self.add_screen_later("team", lambda: _team(session, discovery))
        # map steps use the leisure map's page and tiles
        self.add_screen_later("activity", lambda: _activity(session, discovery, speech, images, pages, tiles))
        self.home_view.discoveryRequested.connect(self.open_discovery)
        self.when_built("discovery", lambda: self.discovery_view.activityChosen.connect(self._activity_chosen))
        self.when_built("team", lambda: self.team_view.teamChosen.connect(self._team_chosen))
        self.when_built("activity", lambda: self.activity_view.anotherRequested.connect(self._another_activity))
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
        """A screen made already (it replaces one of that name left for later)."""
        self._makers.pop(screen.name, None)
        self._install(screen)

    def add_screen_later(self, name: str, make: Callable[[], Screen]) -> None:
        """A screen made when first asked for (``screen_named``), or in an idle turn after the first paint."""
        if name not in self._built:
            self._makers[name] = make

    def when_built(self, name: str, wire: Callable[[], object]) -> None:
        """Call ``wire`` once the screen ``name`` exists (now, if it does), before it is given the content."""
        if name in self._built:
            wire()
        else:
            self._wiring.setdefault(name, []).append(wire)

    def is_built(self, name: str) -> bool:
        return name in self._built

    @property
    def screen_names(self) -> list[str]:
        """Every screen's name, made or still to be made."""
        return [*self._built, *self._makers]

    @property
    def unbuilt(self) -> list[str]:
        """The screens still to be made."""
        return list(self._makers)

    def screen_named(self, name: str) -> Screen:
        """The screen ``name``, made now if it was not yet (KeyError for a name the window does not know)."""
        built = self._built.get(name)
        if built is not None:
            return built
        make = self._makers.pop(name)
        started = time.perf_counter()
        screen = make()
        self._install(screen)
        log.debug("screen %s made in %.0f ms", name, (time.perf_counter() - started) * 1000)
        self.screenBuilt.emit(name)
        return screen

    def build_all(self) -> None:
        """Make every screen still to be made, now."""
        for name in self.unbuilt:
            self.screen_named(name)

    def _install(self, screen: Screen) -> None:
        """In the stack, wired, then given the content (as a screen made with the window would have been)."""
        self._built[screen.name] = screen
        self.stack.addWidget(screen)
        for wire in self._wiring.pop(screen.name, []):
            wire()
        setter = getattr(screen, "set_snapshot", None)
        if setter is not None and self._snapshot is not None:
            setter(self._snapshot)

    def _build_next(self) -> None:
        """One screen per turn of the event loop, in ``BUILD_ORDER``: a touch waits at most for one."""
        if not self._makers:
            return
        name = min(self._makers, key=lambda n: BUILD_ORDER.index(n) if n in BUILD_ORDER else len(BUILD_ORDER))
        self.screen_named(name)
        if self._makers:
            QTimer.singleShot(0, self, self._build_next)

    # The screens by name, made when first used.

    @property
    def programme_view(self) -> ProgrammeView:
        return cast("ProgrammeView", self.screen_named("programme"))

    @property
    def event_view(self) -> EventView:
        return cast("EventView", self.screen_named("event"))

    @property
    def map_view(self) -> MapView:
        return cast("MapView", self.screen_named("map"))

    @property
    def attract_view(self) -> AttractView:
        return cast("AttractView", self.screen_named("attract"))

    @property
    def signage_view(self) -> SignageView:
        return cast("SignageView", self.screen_named("signage"))

    @property
    def maintenance_view(self) -> MaintenanceView:
        return cast("MaintenanceView", self.screen_named("maintenance"))

    @property
    def sleep_view(self) -> SleepView:
        return cast("SleepView", self.screen_named("sleep"))

    @property
    def discovery_view(self) -> DiscoveryView:
        return cast("DiscoveryView", self.screen_named("discovery"))

    @property
    def team_view(self) -> TeamView:
        return cast("TeamView", self.screen_named("team"))

    @property
    def activity_view(self) -> ActivityView:
        return cast("ActivityView", self.screen_named("activity"))

    @property
    def signup_view(self) -> SignupView:
        return cast("SignupView", self.screen_named("signup"))

    def shutdown_map(self) -> None:
        """Stop the map's page generator and tile workers (and its web view's watchdog, if it was made)."""
        if self.is_built("map"):
            self.map_view.shutdown()
            return
        if self.map_pages is not None:
            self.map_pages.shutdown()
        if self.map_tiles is not None:
            self.map_tiles.shutdown()

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
        screen = self.screen_named(stop.screen)
        if stop.screen == "event" and stop.argument is not None:
            self.event_view.show_event(stop.argument)
        if stop.screen == "signup" and stop.argument is not None:
            self.signup_view.show_event(stop.argument)
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
        """Every screen made shows ``snapshot``; one made later is given it when made."""
        self._snapshot = snapshot
        for screen in list(self._built.values()):
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
            QTimer.singleShot(0, self, self._build_next)  # the other screens, after what the first paint starts


# What makes each screen left for later: its module is imported then, not with the window.


def _programme(session: Session) -> Screen:
    from kiosk.views.programme import ProgrammeView  # noqa: PLC0415

    return ProgrammeView(session)


def _event(session: Session) -> Screen:
    from kiosk.views.event import EventView  # noqa: PLC0415

    return EventView(session)


def _map(
    session: Session,
    origin: tuple[float, float],
    radii_m: tuple[int, ...] | None,
    pages: MapPageService | None,
    tiles: TileService | None,
) -> Screen:
    from kiosk.views.map import MapSettings, MapView  # noqa: PLC0415

    settings = MapSettings(origin) if radii_m is None else MapSettings(origin, radii_m)
    return MapView(session, settings, pages, tiles)


def _ambient(name: str, session: Session) -> Screen:
    from kiosk.views import ambient  # noqa: PLC0415

    kinds: dict[str, type[Screen]] = {
        "attract": ambient.AttractView,
        "signage": ambient.SignageView,
        "maintenance": ambient.MaintenanceView,
        "sleep": ambient.SleepView,
    }
    return kinds[name](session)


def _discovery(session: Session, discovery: DiscoveryService) -> Screen:
    from kiosk.views.discovery import DiscoveryView  # noqa: PLC0415

    return DiscoveryView(session, discovery)


def _team(session: Session, discovery: DiscoveryService) -> Screen:
    from kiosk.views.discovery import TeamView  # noqa: PLC0415

    return TeamView(session, discovery)


def _activity(
    session: Session,
    discovery: DiscoveryService,
    speech: Speech | None,
    images: Path,
    pages: MapPageService | None,
    tiles: TileService | None,
) -> Screen:
    from kiosk.views.activity import ActivityView  # noqa: PLC0415

    return ActivityView(session, discovery, speech, images, map_pages=pages, tiles=tiles)


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
