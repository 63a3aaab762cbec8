"""The locked-down web view the leisure map runs in, and the one bridge between it and Python.

What the page may do is kept small on purpose:

- it talks to Python only through ``MapBridge`` on a QWebChannel, whose slots check what they get;
- it cannot navigate anywhere but its own page, open windows, show a context menu or devtools;
- every request is checked by ``RequestGuard``: only ``file:`` inside the map folder (the page, Leaflet,
  our script, qwebchannel.js copied there), Qt's own ``qrc:`` resources and well-formed tile URLs of the
  ``kiosk-tile:`` scheme pass; anything else is blocked and recorded. Tiles are answered by
  ``kiosk.services.tiles.TileService``, the scheme's handler on this view's profile (cache first, the
  tile server off the GUI thread). ``LocalContentCanAccessFileUrls`` must stay on for the page's own
  assets: the guard is what keeps the page inside its folder. ``LocalContentCanAccessRemoteUrls`` is off
  (the tile scheme is a local one, so the page may still use it).

It also keeps itself alive: if the render process dies, a fresh page is loaded at once and the
filters and focus are sent again when it reports ready; a page that is not ready within the
watchdog's delay is loaded again (three times at most in a row).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.tiles import TILE_SCHEME, TileKey
from kiosk.services.tiles import SCHEME, TileService

log = logging.getLogger(__name__)

MAX_ID = 200
WATCHDOG_MS = 10_000
MAX_RELOADS = 3


class RequestGuard(QWebEngineUrlRequestInterceptor):
    """Lets through the map folder's files, Qt's resources and tiles; blocks and records the rest."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder.resolve()
        self.allowed: list[str] = []
        self.blocked: list[str] = []

    def permits(self, url: QUrl) -> bool:
        scheme = url.scheme()
        if scheme == TILE_SCHEME:
            return TileKey.from_path(url.path()) is not None and not url.hasQuery() and not url.hasFragment()
        if scheme == "qrc":
            return True
        if scheme != "file" or url.host():
            return False
        return Path(url.toLocalFile()).resolve().is_relative_to(self.folder)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        text = url.toString()
        if self.permits(url):
            if len(self.allowed) < 1000:
                self.allowed.append(text)
            return
        info.block(True)
        if len(self.blocked) < 1000:
            self.blocked.append(text)
        log.warning("map page: request blocked: %s", text[:200])


class MapBridge(QObject):
    """The page's only way to Python (slots) and Python's only way to the page (signals)."""

    # Python -> page
    filterRequested = Signal(str, int)  # JSON list of categories, radius in metres (0: any distance)
    focusRequested = Signal(str)  # place id ("" clears the focus)
    zoomRequested = Signal(int)  # +1 or -1
    recenterRequested = Signal()
    textsChanged = Signal(str)  # JSON {"lang": ..., "here": ...}
    themeChanged = Signal(str)  # JSON {"--kiosk-...": value}: kiosk.tokens.map_variables
    gameRequested = Signal(str)  # JSON of a discovery map step (see MapWebView.play); "" back to the map

    # page -> Python, after validation
    ready = Signal(int, float)  # places on the page, milliseconds since the page started loading
    placeClicked = Signal(str)
    filterApplied = Signal(int, float)  # markers shown, milliseconds taken in the page
    focusShown = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.filter_done_at = 0.0  # the page's clock when it last applied a filter (filterDone)
        self.known_ids: frozenset[str] = frozenset()

    def _valid_id(self, value: object) -> str | None:
        if isinstance(value, str) and 0 < len(value) <= MAX_ID and value in self.known_ids:
            return value
        log.warning("map page sent an unknown place id: %r", str(value)[:MAX_ID])
        return None

    def event(self, event: QEvent) -> bool:
        """Refuses ``deleteLater``: QWebChannel publishes it (every QObject has it), so the page could call it.

        The bridge goes with its view (its parent deletes it directly), never by request.
        """
        if event.type() == QEvent.Type.DeferredDelete:
            log.warning("map page asked to delete the bridge: refused")
            return True
        return super().event(event)

    @Slot(str)
    def markerClicked(self, place_id: str) -> None:
        if (valid := self._valid_id(place_id)) is not None:
            self.placeClicked.emit(valid)

    @Slot(str)
    def focusDone(self, place_id: str) -> None:
        if (valid := self._valid_id(place_id)) is not None:
            self.focusShown.emit(valid)

    @Slot(int, float)
    def pageReady(self, count: int, ms: float) -> None:
        self.ready.emit(max(0, int(count)), max(0.0, float(ms)))

    @Slot(int, float, float)
    def filterDone(self, count: int, ms: float, at: float) -> None:
        """``at``: when the page had swapped its markers, in ms since the Unix epoch (for the benchmarks)."""
        self.filter_done_at = float(at) if math.isfinite(at) else 0.0
        self.filterApplied.emit(max(0, int(count)), max(0.0, float(ms)))


class MapPage(QWebEnginePage):
    """A page that stays on its one document: no navigation elsewhere, no new windows, no dialogs."""

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.home: QUrl | None = None
        self.refused: list[str] = []
        self.alerts: list[str] = []
        settings = self.settings()
        attribute = QWebEngineSettings.WebAttribute
        for name, on in (
            (attribute.LocalContentCanAccessRemoteUrls, False),
            (attribute.LocalContentCanAccessFileUrls, True),  # the page's assets; RequestGuard keeps the folder
            (attribute.JavascriptCanOpenWindows, False),
            (attribute.JavascriptCanAccessClipboard, False),
            (attribute.JavascriptCanPaste, False),
            (attribute.LocalStorageEnabled, False),
            (attribute.PluginsEnabled, False),
            (attribute.FullScreenSupportEnabled, False),
            (attribute.ScreenCaptureEnabled, False),
            (attribute.NavigateOnDropEnabled, False),
            (attribute.ErrorPageEnabled, False),
            (attribute.FocusOnNavigationEnabled, False),
            (attribute.HyperlinkAuditingEnabled, False),
            (attribute.PdfViewerEnabled, False),
        ):
            settings.setAttribute(name, on)

    def acceptNavigationRequest(self, url: QUrl | str, kind: QWebEnginePage.NavigationType, main_frame: bool) -> bool:
        text = url if isinstance(url, str) else url.toString()
        if main_frame and self.home is not None and text.split("#", 1)[0] == self.home.toString():
            return True
        self.refused.append(text[:200])
        log.warning("map page: navigation refused: %s", text[:200])
        return False

    def createWindow(self, kind: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:  # type: ignore[override]
        self.refused.append(f"new window ({kind.name})")
        log.warning("map page: a new window was refused")
        return None

    def javaScriptAlert(self, origin: QUrl | str, text: str) -> None:
        self.alerts.append(text[:200])
        log.warning("map page: alert() suppressed")

    def javaScriptConfirm(self, origin: QUrl | str, text: str) -> bool:
        self.alerts.append(text[:200])
        return False

    def javaScriptPrompt(self, origin: QUrl | str, text: str, default: str) -> tuple[bool, str]:
        self.alerts.append(text[:200])
        return False, ""

    def javaScriptConsoleMessage(
        self, level: QWebEnginePage.JavaScriptConsoleMessageLevel, message: str, line: int, source: str
    ) -> None:
        log.info("map page console (%s:%d): %s", source.rsplit("/", 1)[-1], line, message[:300])


class MapWebView(QWidget):
    """The web view with its page, bridge and guard; rebuilds its page when the renderer dies."""

    ready = Signal(int, float)
    placeClicked = Signal(str)
    filterApplied = Signal(int, float)
    rebuilt = Signal()

    def __init__(self, folder: Path, tiles: TileService | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.folder = folder
        self.bridge = MapBridge(self)
        self.bridge.ready.connect(self._on_ready)
        self.bridge.placeClicked.connect(self.placeClicked)
        self.bridge.filterApplied.connect(self.filterApplied)
        self.tiles = tiles  # the tile scheme's handler, installed on the profile when the view is created
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        # QtWebEngine (a Chromium process) starts the first time the map is shown, not with the window.
        self.view: QWebEngineView | None = None
        self.profile: QWebEngineProfile | None = None
        self.guard = RequestGuard(folder, self)
        self.page: MapPage | None = None
        self.url: QUrl | None = None
        self.is_ready = False
        self.loads = 0
        self.crashes = 0
        self.recycles = 0
        self._reloads = 0
        self.watchdog = QTimer(self)
        self.watchdog.setSingleShot(True)
        self.watchdog.setInterval(WATCHDOG_MS)
        self.watchdog.timeout.connect(self._on_watchdog)
        # What the page should show; sent again to every fresh page.
        self._filter: tuple[str, int] = ("[]", 0)
        self._focus = ""
        self._texts = "{}"
        self._theme = "{}"
        self._game = ""

    def _create(self) -> None:
        # The view first: children are deleted in creation order, and pages must go before their profile.
        self.view = QWebEngineView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.view.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._layout.addWidget(self.view)
        self.profile = QWebEngineProfile(self)  # off the record: nothing is kept on disk
        self.profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        self.profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
        self.profile.setUrlRequestInterceptor(self.guard)
        if self.tiles is not None:
            self.profile.installUrlSchemeHandler(SCHEME, self.tiles)
        self.page = self._new_page()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.view is None:
            self._create()
            self._load()

    # -- loading -------------------------------------------------------------------------------

    def load(self, page_file: Path, place_ids: Sequence[str]) -> None:
        self.bridge.known_ids = frozenset(place_ids)
        self.url = QUrl.fromLocalFile(str(page_file.resolve()))
        self._reloads = 0
        self._load()

    def _load(self) -> None:
        if self.url is None or self.page is None:
            return
        self.is_ready = False
        self.loads += 1
        self.page.home = self.url
        self.watchdog.start()
        self.page.load(self.url)

    def _new_page(self) -> MapPage:
        assert self.profile is not None and self.view is not None
        page = MapPage(self.profile, self.view)
        page.setWebChannel(self.channel)
        page.renderProcessTerminated.connect(self._on_terminated)
        self.view.setPage(page)
        return page

    def _on_terminated(self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int) -> None:
        self.crashes += 1
        log.error("map page: render process ended (%s, code %d); rebuilding", status.name, code)
        self.is_ready = False
        QTimer.singleShot(0, self, self._rebuild)

    def recycle(self) -> None:
        """A fresh page and render process, as after a crash (the health monitor's memory ceiling)."""
        if self.page is None:
            return
        self.recycles += 1
        log.info("map page: recycled (a fresh render process)")
        self.is_ready = False
        self._rebuild()

    def _rebuild(self) -> None:
        if self.page is None:
            return
        old = self.page
        self.page = self._new_page()
        old.deleteLater()
        self._load()
        self.rebuilt.emit()

    def _on_watchdog(self) -> None:
        if self.is_ready:
            return
        if self._reloads >= MAX_RELOADS:
            log.error("map page: still not ready after %d reloads; giving up until new content", self._reloads)
            return
        self._reloads += 1
        log.warning("map page: not ready after %d ms, loading it again", self.watchdog.interval())
        self._rebuild()

    def _on_ready(self, count: int, ms: float) -> None:
        self.is_ready = True
        self._reloads = 0
        self.watchdog.stop()
        self._send_state()
        self.ready.emit(count, ms)

    # -- commands ------------------------------------------------------------------------------

    def set_filter(self, categories: Sequence[str], radius_m: int) -> None:
        self._filter = (json.dumps(list(categories)), int(radius_m))
        if self.is_ready:
            self.bridge.filterRequested.emit(*self._filter)

    def focus(self, place_id: str) -> None:
        self._focus = place_id
        if self.is_ready:
            self.bridge.focusRequested.emit(place_id)

    def set_texts(self, language: str, here: str) -> None:
        self._texts = json.dumps({"lang": language, "here": here})
        if self.is_ready:
            self.bridge.textsChanged.emit(self._texts)

    def set_theme(self, variables: Mapping[str, str]) -> None:
        """The page's colours and sizes (``kiosk.tokens.map_variables``): the theme, screen and text size."""
        self._theme = json.dumps(dict(variables))
        if self.is_ready:
            self.bridge.themeChanged.emit(self._theme)

    def zoom(self, delta: int) -> None:
        if self.is_ready and delta in (-1, 1):
            self.bridge.zoomRequested.emit(delta)

    def recenter(self) -> None:
        if self.is_ready:
            self.bridge.recenterRequested.emit()

    def play(
        self,
        ids: Sequence[str],
        tried: Sequence[str] = (),
        found: str = "",
        zone: tuple[float, float, float] | None = None,
    ) -> None:
        """Game mode for a discovery map step: only ``ids`` (known places), as big named markers, the kiosk
        in the middle; ``tried`` ones faded, ``found`` one marked; ``zone`` (lat, lon, metres) a search area.
        Taps come back as ``placeClicked``. Without a known id, the page goes back to the ordinary map."""
        known = [i for i in dict.fromkeys(ids) if i in self.bridge.known_ids]
        if not known:
            self.stop_game()
            return
        game = {
            "ids": known,
            "tried": [i for i in tried if i in self.bridge.known_ids],
            "found": found if found in known else "",
            "zone": [float(v) for v in zone] if zone is not None else None,
        }
        self._game = json.dumps(game)
        if self.is_ready:
            self.bridge.gameRequested.emit(self._game)

    def stop_game(self) -> None:
        if self._game:
            self._game = ""
            if self.is_ready:
                self.bridge.gameRequested.emit("")

    def _send_state(self) -> None:
        self.bridge.textsChanged.emit(self._texts)
        self.bridge.themeChanged.emit(self._theme)
        self.bridge.filterRequested.emit(*self._filter)
        if self._focus:
            self.bridge.focusRequested.emit(self._focus)
        if self._game:
            self.bridge.gameRequested.emit(self._game)
