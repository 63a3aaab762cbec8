"""The composition root: configuration, services and window are built and wired here, only here."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast
from zoneinfo import ZoneInfo

import qasync
from PySide6 import QtWebEngineWidgets  # noqa: F401 - QtWebEngine must be loaded before the QApplication
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QProcess, QSize, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import __version__, logs
from kiosk.config import RESOURCES, Config
from kiosk.content.activity_stats import ActivityStats
from kiosk.content.delivery import Deliverer, DeliverySettings
from kiosk.content.fetch import FetchSettings, HttpFetcher
from kiosk.content.outbox import Backoff, Outbox
from kiosk.content.store import SnapshotStore
from kiosk.content.tiles import TileCache, TileSource
from kiosk.map_page import MapPageSpec
from kiosk.memory import release_free_memory
from kiosk.operations import Operations, build_operations
from kiosk.services.content import ContentService
from kiosk.services.discovery import DiscoveryService
from kiosk.services.fleet import with_saved_overlay
from kiosk.services.idle import IdleService
from kiosk.services.map import MapPageService
from kiosk.services.modes import ModeService
from kiosk.services.session import Session
from kiosk.services.signups import SignupService
from kiosk.services.speech import Speech
from kiosk.services.staff import AuditLog, StaffActions, StaffService, memory_mb, uptime_text
from kiosk.services.tiles import TileService, register_tile_scheme
from kiosk.services.watchdog import Watchdog
from kiosk.tokens import map_variables
from kiosk.ui.categories import PICTOGRAMS
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL, palette, style_sheet
from kiosk.ui.widgets import LongPress, NoContextMenu, WindowEventFilters
from kiosk.views.window import KioskWindow, apply_window_mode, initial_size

if TYPE_CHECKING:  # screens made after the first paint: their modules are imported then
    from kiosk.views.signup import SignupView
    from kiosk.views.staff import StaffStatus, StaffView

log = logging.getLogger(__name__)

TRANSLATIONS = RESOURCES / "translations"


def seconds_since_process_start() -> float:
    """Time since the process was created (Linux: /proc), else since this module was imported.

    Both ends are read on the boot clock, to the clock tick (10 ms): /proc/stat's ``btime`` is rounded
    to the second, which would put up to a second of error into a sub-second figure.
    """
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED


_IMPORTED = time.monotonic()


def utc_now() -> datetime:
    return datetime.now(UTC)


def resolve_data_dir(config: Config, override: Path | None = None) -> Path:
    """--data-dir, then KIOSK_DATA_DIR, then the config's data_dir, then the platform's folder."""
    env = os.environ.get("KIOSK_DATA_DIR")
    chosen = override or (Path(env) if env else None) or config.kiosk.data_dir
    if chosen is None:
        import platformdirs  # noqa: PLC0415 - only when no folder is given (~10 ms of import)

        chosen = platformdirs.user_data_path("live-kiosk", appauthor=False)
    path = chosen.expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def prepare_qt_environment(offscreen: bool = False, virtual_keyboard: bool = False) -> None:
    """Set what Qt reads at start-up; call before the QApplication exists."""
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if virtual_keyboard:
        # Qt Virtual Keyboard ships inside the PySide6 wheel (plugins/platforminputcontexts): no Python
        # module to install. Its layout follows the default locale, French (AZERTY) at start.
        os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    # QtWebEngine's sandbox refuses to run as root; everywhere else it stays on.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    os.environ.pop("QTWEBENGINE_REMOTE_DEBUGGING", None)  # no devtools on a public kiosk
    if not gpu_available():
        # Without a GPU the web view's Qt Quick layer tries OpenGL, fails, and falls back to software
        # anyway; the attempt loads Mesa's software GL with LLVM (~60 MiB that stay). Ask for software at once.
        os.environ.setdefault("QT_QUICK_BACKEND", "software")


def gpu_available() -> bool:
    """Whether Qt can render with a GPU here: a real display (not offscreen) and a DRM device."""
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in {"offscreen", "minimal", "vnc"}:
        return False
    return any(Path("/dev/dri").glob("renderD*")) or any(Path("/dev/dri").glob("card*"))


def user_agent(config: Config) -> str:
    return f"LIVE-kiosk/{__version__} (+kiosk {config.kiosk.id})"


def make_tile_source(config: Config, data_dir: Path) -> TileSource:
    """Tiles from the cache, fetched when missing unless [map] fetch_tiles is false or KIOSK_TILES_OFFLINE=1."""
    m = config.map
    online = m.fetch_tiles and os.environ.get("KIOSK_TILES_OFFLINE", "") not in ("1", "true", "yes")
    cache = TileCache(data_dir / "map-tiles.mbtiles")
    return TileSource(cache, m.tile_url, user_agent(config), online=online, min_cache_days=m.tile_cache_days)


def build_map_services(config: Config, data_dir: Path) -> tuple[MapPageService, TileService]:
    """The leisure map's page generator and tile service (the screen that shows them is made later)."""
    m = config.map
    origin = (config.kiosk.location.lat, config.kiosk.location.lon)
    spec = MapPageSpec(
        origin=origin,
        attribution=m.attribution,
        min_zoom=m.min_zoom,
        max_zoom=m.max_zoom,
        start_zoom=m.start_zoom,
        pictograms={**PICTOGRAMS, "": "📍"},
        radii_m=tuple(m.radii_m),
    )
    pages = MapPageService(spec, data_dir / "map")
    tiles = TileService(make_tile_source(config, data_dir))
    return pages, tiles


def make_fetcher(config: Config, data_dir: Path) -> HttpFetcher:
    c = config.content
    settings = FetchSettings(
        connect_timeout=c.connect_timeout,
        read_timeout=c.read_timeout,
        max_bytes=int(c.max_megabytes * 1024 * 1024),
        retries=c.retries,
        user_agent=f"LIVE-kiosk/{__version__} (+kiosk {config.kiosk.id})",
    )
    return HttpFetcher(settings, cache_path=data_dir / "http-cache.sqlite")


@dataclass
class Kiosk:
    """Everything the running kiosk is made of, for the app, the screenshot tool and the tests."""

    config: Config
    session: Session
    content: ContentService
    modes: ModeService
    idle: IdleService
    staff: StaffService
    window: KioskWindow
    signups: SignupService | None = None
    ops: Operations | None = None  # statistics, heartbeat, fleet overlay, health (kiosk/operations.py)

    def start(self) -> None:
        self.content.start()
        if self.signups is not None:
            self.signups.start()
        self.modes.start()
        self.idle.start()
        if self.ops is not None:
            self.ops.start()

    def shutdown(self) -> None:
        """Stop every service and delete the window: call it from outside the window's own event handlers."""
        if self.ops is not None:
            self.ops.shutdown()
        self.idle.stop()
        self.content.shutdown()
        if self.signups is not None:
            self.signups.shutdown()
        self.window.shutdown_map()
        if self.window.speech is not None:
            self.window.speech.shutdown()  # its thread ends before the window, the speech's parent, goes
        self.session.close()
        self.window.allow_close = True
        self.window.close()
        # Its ~1,000 widgets and web views go now, pages before their profile: left to the interpreter's exit
        # they may go in any order (QtWebEngine then crashes), and a test process builds hundreds of kiosks.
        self.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        # The theme was the application's: the next window in this process starts from Qt's own look,
        # not from the last visitor's 200 % high contrast.
        if isinstance(app := QApplication.instance(), QApplication):
            app.setStyleSheet("")
            app.setPalette(app.style().standardPalette())


def restart_process() -> None:
    """Start a fresh kiosk with the same arguments, then leave."""
    QProcess.startDetached(sys.executable, [*sys.orig_argv[1:]])
    QApplication.exit(0)


def quit_to_desktop(window: KioskWindow) -> None:
    window.allow_close = True
    QApplication.exit(0)


def build_kiosk(
    config: Config,
    data_dir: Path,
    *,
    clock: Callable[[], datetime] = utc_now,
    monotonic: Callable[[], float] = time.monotonic,
    fetcher: HttpFetcher | None = None,
    local: Config | None = None,
    screen_size: QSize | None = None,
) -> Kiosk:
    """Build services and window, and wire them; the QApplication must exist.

    ``local`` is the configuration file as read, when ``config`` has a fleet overlay merged over it.
    ``screen_size`` is the size the window will be shown at, when known: the style sheet is then made once
    for it, instead of once for 1920×1080 and again when the window is first resized (~0.1–0.2 s each).
    """
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    tz = ZoneInfo(config.kiosk.timezone)
    session = Session(TRANSLATIONS, config.languages.default, tz, clock)
    content = ContentService(
        config.sources,
        fetcher or make_fetcher(config, data_dir),
        SnapshotStore(data_dir / "snapshot.json"),
        clock,
        timedelta(minutes=config.content.refresh_minutes),
        config.content.window_days,
        tz,
    )
    location = config.kiosk.location
    pages, tiles = build_map_services(config, data_dir)
    window = KioskWindow(
        session,
        list(config.languages.offered),
        (location.lat, location.lon),
        location.name,
        map_radii=tuple(config.map.radii_m),
        map_pages=pages,
        tiles=tiles,
    )
    content.snapshotChanged.connect(pages.set_snapshot)
    content.snapshotChanged.connect(window.set_snapshot)
    content.sourcesChanged.connect(window.set_sources)
    # After each refresh (and the screens it rebuilt are deleted), and after each visitor: free pages back to the
    # system, so that weeks of refreshes and visits do not pile up in the C heap (kiosk/memory.py).
    content.sourcesChanged.connect(lambda _statuses: QTimer.singleShot(1000, window, release_free_memory))
    window.resetters.append(lambda: QTimer.singleShot(1000, window, release_free_memory))
    theme = ThemeApplier(app, session, window, screen_size)
    window.resized.connect(theme.resize)
    session.appearanceChanged.connect(theme.apply)
    window.nav.textSizeRequested.connect(session.next_text_size)
    window.nav.contrastRequested.connect(session.toggle_contrast)
    theme.apply()
    origin = (location.lat, location.lon)
    stats = ActivityStats(data_dir / "activity-stats.sqlite")
    discovery = DiscoveryService(stats, lambda: session.now().date(), origin)
    content.snapshotChanged.connect(discovery.set_snapshot)
    speech = Speech(parent=window)
    window.add_discovery(discovery, speech, RESOURCES / "content" / "images")
    window.when_built("event", lambda: window.event_view.set_speech(speech))
    window.when_built("map", lambda: window.map_view.detail.set_speech(speech))
    window.resetters.append(discovery.reset)  # the idle reset (and a mode change) end the team's activity
    signups = build_signups(config, data_dir, clock, window)

    m = config.modes
    modes = ModeService(
        m.default,
        [slot.slot(slot.mode) for slot in m.schedule],
        [slot.slot() for slot in m.opening_hours],
        m.sleep_outside_hours,
        lambda: clock().astimezone(tz),
    )
    window.signage_interactive = m.signage_interactive
    window.set_mode(modes.mode)
    modes.modeChanged.connect(window.set_mode)
    modes.sleepingChanged.connect(window.set_sleeping)

    idle = build_idle(config, window, monotonic)

    actions = StaffActions(
        switch_mode=modes.set_mode_by_staff,
        refresh_now=content.request_refresh,
        restart=restart_process,
        quit=lambda: quit_to_desktop(window),
        export_signups=lambda: export_signups(signups, data_dir / "exports", session),
        choose_activity=discovery.set_start_activity,
        reset_team=discovery.reset,
    )
    staff = StaffService(
        config.staff.pin_hash, actions, AuditLog(data_dir / "audit.log"), monotonic, config.staff.panel_timeout_seconds
    )
    started = monotonic()

    def status() -> StaffStatus:
        from kiosk.views.staff import StaffStatus  # noqa: PLC0415 - the staff screen is made after the first paint

        until = modes.overridden_until
        return StaffStatus(
            mode=modes.mode,
            overridden_until=until.strftime("%d/%m %H:%M") if until else None,
            schedule=modes.schedule,
            sources=content.snapshot.sources,
            outbox=signups.pending,
            uptime=uptime_text(monotonic() - started),
            memory_mb=memory_mb(),
            activities=[(a.id, a.title.get(session.language)) for a in discovery.activities],
            start_activity=discovery.start_activity,
            activity_stats=stats.summary(session.now().date() - timedelta(days=6)),
        )

    window.add_screen_later("staff", lambda: _staff_view(session, status))
    wire_staff(window, staff, idle, config.staff.long_press_seconds)
    kiosk = Kiosk(config, session, content, modes, idle, staff, window, signups)
    kiosk.ops = build_operations(
        kiosk,
        local or config,
        data_dir,
        clock=clock,
        monotonic=monotonic,
        fetcher=make_fetcher(config, data_dir),
        restart=restart_process,
        environ=dict(os.environ),
    )
    return kiosk


def export_signups(signups: SignupService, folder: Path, session: Session) -> str:
    """Staff panel: pending sign-ups to a CSV file in the data folder, then out of the outbox."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"signups-{session.now():%Y%m%d-%H%M%S}.csv"
    try:
        count = signups.outbox.export_to(path)
    except OSError as exc:
        log.error("sign-up export failed: %s", exc)
        return QCoreApplication.translate("Staff", "Export impossible : voir le journal du kiosque.")
    log.info("%d sign-up(s) exported to %s", count, path)
    return (
        QCoreApplication.translate("Staff", "%1 inscription(s) exportée(s) : %2")
        .replace("%1", str(count))
        .replace("%2", str(path))
    )


def _staff_view(session: Session, status: Callable[[], StaffStatus]) -> StaffView:
    from kiosk.views.staff import StaffView  # noqa: PLC0415 - made after the first paint, or when staff come

    return StaffView(session, status)


def _signup_view(session: Session, purge_days: int, contact: str) -> SignupView:
    from kiosk.views.signup import SignupView  # noqa: PLC0415 - made after the first paint, or when first asked for

    return SignupView(session, purge_days, contact)


def build_signups(config: Config, data_dir: Path, clock: Callable[[], datetime], window: KioskWindow) -> SignupService:
    """The outbox, its delivery (when an endpoint is configured), and the « S'inscrire ici » form."""
    s = config.signups
    outbox = Outbox(
        data_dir / "signups.sqlite",
        Backoff(timedelta(seconds=s.retry_seconds), timedelta(minutes=s.retry_max_minutes)),
    )
    deliverer = None
    if s.endpoint:
        settings = DeliverySettings(
            s.endpoint,
            s.resolved_token(os.environ),
            connect_timeout=min(5.0, s.timeout_seconds),
            read_timeout=s.timeout_seconds,
            user_agent=f"LIVE-kiosk/{__version__} (+kiosk {config.kiosk.id})",
        )
        deliverer = Deliverer(settings, outbox, clock)
    else:
        log.info("no [signups] endpoint: sign-ups wait in the outbox for `kiosk signups export`")
    service = SignupService(outbox, deliverer, config.kiosk.id, clock, s.purge_days)
    session = window.session
    window.add_signup(lambda: _signup_view(session, s.purge_days, s.contact))

    def tag() -> None:
        window.event_view.kiosk_tag = config.kiosk.id if s.utm_tagging else None

    def wire_form() -> None:
        view = window.signup_view
        view.signupSubmitted.connect(service.submit)
        service.recorded.connect(view.show_recorded)
        service.recordFailed.connect(view.show_failed)

    window.when_built("event", tag)
    window.when_built("signup", wire_form)
    return service


def build_idle(config: Config, window: KioskWindow, monotonic: Callable[[], float]) -> IdleService:
    """« Vous êtes toujours là ? », the reset, then the attract loop."""
    c = config.idle
    idle = IdleService(c.warning_after_seconds, c.countdown_seconds, c.attract_after_seconds, monotonic)
    # On the window's QWindow, not the application: see WindowEventFilters (PySide6 and QtWebEngine).
    WindowEventFilters(window, [NoContextMenu(window), idle])
    idle.warningStarted.connect(lambda: window.show_idle_warning(c.countdown_seconds))
    idle.countdown.connect(window.show_idle_warning)
    # The overlay closes itself when touched: hiding it on the press would hand the release to the widget under it.
    idle.resetRequested.connect(window.reset_visitor)
    idle.attractRequested.connect(window.show_attract)
    window.idle_overlay.continueRequested.connect(idle.poke)
    return idle


def wire_staff(window: KioskWindow, staff: StaffService, idle: IdleService, press_seconds: float) -> None:
    """The hidden way in (long press on the logo, or Ctrl+Alt+K), the PIN, the panel, and its time-out.

    The window's « staff » screen (a StaffView) is made when first needed."""
    if not staff.available:
        log.warning("no [staff] pin_hash in the configuration: the staff panel cannot be opened")
        return
    guard = staff.guard
    assert guard is not None
    press = LongPress(window.header.logo, press_seconds)

    def view() -> StaffView:
        return cast("StaffView", window.screen_named("staff"))

    def ask_pin() -> None:
        view().show_pin(guard.seconds_locked)
        window.go("staff")

    def entered(pin: str) -> None:
        if staff.unlock(pin):
            idle.enabled = False  # staff are here: no « toujours là ? » while they work
            view().show_panel()
        else:
            view().pin_refused()

    def act(action: str, argument: str) -> None:
        message = staff.do(action, argument or None)
        if staff.unlocked:
            view().show_panel(message or "")

    def close(reason: str = "closed") -> None:
        staff.lock(reason)
        idle.enabled = True
        idle.poke()
        if window.current == "staff":
            window.reset_visitor()

    def wire_view() -> None:
        view().pinEntered.connect(entered)
        view().actionRequested.connect(act)
        view().closeRequested.connect(close)

    press.triggered.connect(ask_pin)
    window.staffRequested.connect(ask_pin)
    window.when_built("staff", wire_view)
    staff.timedOut.connect(lambda: close("timeout"))
    idle.activity.connect(staff.touch)
    window.resetters.append(lambda: close("reset") if staff.unlocked else None)


def screen_scale(size: QSize) -> float:
    """How much the design (made for 1920×1080) is scaled on a window of ``size``."""
    return max(0.5, min(size.width(), size.height()) / 1080)


class ThemeApplier(QObject):
    """Turns the design tokens into the application's style: theme, screen size and the visitor's text size."""

    def __init__(
        self, app: QApplication, session: Session, window: KioskWindow, screen_size: QSize | None = None
    ) -> None:
        super().__init__(window)  # lives as long as the window (a plain object's slots would be collected)
        self._app, self._session, self._window = app, session, window
        self._screen_scale = 1.0 if screen_size is None else screen_scale(screen_size)
        self.map_theme: dict[str, str] = {}
        # The maps made after the theme was applied take the theme of the moment.
        window.when_built("map", lambda: window.map_view.web.set_theme(self.map_theme))
        window.when_built("activity", lambda: window.activity_view.map.set_theme(self.map_theme))

    def resize(self, size: QSize) -> None:
        scale = screen_scale(size)
        if abs(scale - self._screen_scale) > 0.01:
            self._screen_scale = scale
            self.apply()

    def apply(self) -> None:
        tokens = HIGH_CONTRAST if self._session.high_contrast else NORMAL
        self._app.setPalette(palette(tokens))
        self._app.setStyleSheet(style_sheet(tokens, self._screen_scale, self._session.text_scale))
        self.map_theme = map_variables(tokens, self._screen_scale, self._session.text_scale)
        if self._window.is_built("map"):
            self._window.map_view.web.set_theme(self.map_theme)
        if self._window.is_built("activity"):
            self._window.activity_view.map.set_theme(self.map_theme)  # a school activity's map step
        self._window.nav.show_text_scale(self._session.text_scale)
        self._window.nav.contrast.setChecked(self._session.high_contrast)


def create_application(argv: list[str]) -> QApplication:
    register_tile_scheme()  # the map's tile URL scheme: only before the QApplication exists
    app = QApplication(argv)
    app.setApplicationName("live-kiosk")
    app.setApplicationVersion(__version__)
    return app


def run(config: Config, data_dir: Path, *, windowed: bool = False) -> int:
    """Start the kiosk and block until it quits."""
    prepare_qt_environment(virtual_keyboard=config.signups.virtual_keyboard)
    app = create_application(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    logs.setup_console(logging.getLogger().level, journald=config.logs.journald)
    if config.logs.file:
        logs.add_file(data_dir, config.logs.max_kilobytes, config.logs.backups)
    local, config = config, with_saved_overlay(config, data_dir)  # the fleet overlay last fetched, if any
    fullscreen = config.display.fullscreen and not windowed
    kiosk = build_kiosk(config, data_dir, local=local, screen_size=initial_size(fullscreen))
    kiosk.window.firstPainted.connect(
        lambda: log.info("first paint %.0f ms after process start", seconds_since_process_start() * 1000)
    )
    watchdog = Watchdog(app)
    kiosk.window.firstPainted.connect(watchdog.ready)
    kiosk.content.load_saved()
    if (speech := kiosk.window.speech) is not None:
        kiosk.window.firstPainted.connect(speech.probe)  # reading aloud, if a voice is installed (in its thread)
        app.aboutToQuit.connect(speech.shutdown)
    apply_window_mode(kiosk.window, fullscreen, config.display.hide_cursor)
    start_after_first_paint(kiosk)
    app.aboutToQuit.connect(kiosk.content.shutdown)
    if kiosk.signups is not None:  # a sign-up being written is finished before the process ends
        app.aboutToQuit.connect(kiosk.signups.shutdown)
    if kiosk.ops is not None:  # the last minute's usage counts are written
        app.aboutToQuit.connect(kiosk.ops.shutdown)
    _quit_on_signals(app)
    with loop:
        loop.run_forever()
    log.info("the kiosk stopped")
    return 0


#: The background work starts this long after the window was shown if no paint came first (it always comes).
START_AT_THE_LATEST_MS = 5000


def start_after_first_paint(kiosk: Kiosk) -> None:
    """Start the services (content refresh, deliveries, heartbeat...) once the first screen is painted.

    Their workers would otherwise share the interpreter with the GUI thread while it builds and paints the
    home screen (the saved content is on it already): started after, they cost the first paint nothing.
    """
    started: list[bool] = []

    def start() -> None:
        if not started:
            started.append(True)
            kiosk.start()

    kiosk.window.firstPainted.connect(start)
    QTimer.singleShot(START_AT_THE_LATEST_MS, start)


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM (systemd, CI) and SIGINT quit cleanly: the snapshot in progress is finished first."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        # exit(), not quit(): quit() asks the windows first, and the kiosk window refuses to close.
        signal.signal(signum, lambda *_: app.exit(0))
    # Python runs signal handlers between bytecodes; a light timer gives it the chance to.
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
