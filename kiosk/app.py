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
from zoneinfo import ZoneInfo

import platformdirs
import qasync
from PySide6 import QtWebEngineWidgets  # noqa: F401 - QtWebEngine must be loaded before the QApplication
from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.config import RESOURCES, Config
from kiosk.content.fetch import FetchSettings, HttpFetcher
from kiosk.content.store import SnapshotStore
from kiosk.services.content import ContentService
from kiosk.services.session import Session
from kiosk.ui.theme import NORMAL, palette, style_sheet
from kiosk.ui.widgets import NoContextMenu
from kiosk.views.window import KioskWindow, apply_window_mode

log = logging.getLogger(__name__)

TRANSLATIONS = RESOURCES / "translations"


def seconds_since_process_start() -> float:
    """Wall time since the process was created (Linux: /proc), else since this module was imported."""
    try:
        ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        boot = next(
            int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime")
        )
        return time.time() - (boot + ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, StopIteration):
        return time.monotonic() - _IMPORTED


_IMPORTED = time.monotonic()


def utc_now() -> datetime:
    return datetime.now(UTC)


def resolve_data_dir(config: Config, override: Path | None = None) -> Path:
    """--data-dir, then KIOSK_DATA_DIR, then the config's data_dir, then the platform's folder."""
    env = os.environ.get("KIOSK_DATA_DIR")
    chosen = override or (Path(env) if env else None) or config.kiosk.data_dir
    path = chosen or platformdirs.user_data_path("live-kiosk", appauthor=False)
    path = path.expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def prepare_qt_environment(offscreen: bool = False) -> None:
    """Set what Qt reads at start-up; call before the QApplication exists."""
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # QtWebEngine's sandbox refuses to run as root; everywhere else it stays on.
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


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
    window: KioskWindow

    def shutdown(self) -> None:
        self.content.shutdown()
        self.window.allow_close = True
        self.window.close()


def build_kiosk(
    config: Config,
    data_dir: Path,
    *,
    clock: Callable[[], datetime] = utc_now,
    fetcher: HttpFetcher | None = None,
) -> Kiosk:
    """Build services and window, and wire them; the QApplication must exist."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "create the QApplication first"
    app.setPalette(palette(NORMAL))
    if app.findChild(NoContextMenu) is None:  # no context menu anywhere (long press, right click)
        app.installEventFilter(NoContextMenu(app))
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
    window = KioskWindow(session, list(config.languages.offered), (location.lat, location.lon), location.name)
    content.snapshotChanged.connect(window.set_snapshot)
    content.sourcesChanged.connect(window.set_sources)
    window.resized.connect(lambda size: apply_theme(app, size))
    apply_theme(app, None)
    return Kiosk(config, session, content, window)


def apply_theme(app: QApplication, size: QSize | None) -> None:
    scale = 1.0 if size is None else max(0.5, min(size.width(), size.height()) / 1080)
    app.setStyleSheet(style_sheet(NORMAL, scale))


def create_application(argv: list[str]) -> QApplication:
    app = QApplication(argv)
    app.setApplicationName("live-kiosk")
    app.setApplicationVersion(__version__)
    return app


def run(config: Config, data_dir: Path, *, windowed: bool = False) -> int:
    """Start the kiosk and block until it quits."""
    prepare_qt_environment()
    app = create_application(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    kiosk = build_kiosk(config, data_dir)
    kiosk.window.firstPainted.connect(
        lambda: log.info("first paint %.0f ms after process start", seconds_since_process_start() * 1000)
    )
    kiosk.content.load_saved()
    apply_window_mode(kiosk.window, config.display.fullscreen and not windowed, config.display.hide_cursor)
    kiosk.content.start()
    app.aboutToQuit.connect(kiosk.content.shutdown)
    _quit_on_signals(app)
    with loop:
        loop.run_forever()
    log.info("the kiosk stopped")
    return 0


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM (systemd, CI) and SIGINT quit cleanly: the snapshot in progress is finished first."""
    for signum in (signal.SIGTERM, signal.SIGINT):
        # exit(), not quit(): quit() asks the windows first, and the kiosk window refuses to close.
        signal.signal(signum, lambda *_: app.exit(0))
    # Python runs signal handlers between bytecodes; a light timer gives it the chance to.
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(250)
