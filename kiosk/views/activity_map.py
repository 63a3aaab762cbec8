"""The real leisure map on a discovery map step: the step's candidate places as big markers to tap.

It is the leisure map's own page and web view (``MapWebView`` in game mode, see ``MapWebView.play``),
made only while a team plays and dropped when the game ends, so no second web engine page lives on
while nobody plays. If there is no page yet, or the page is not ready within ``LOAD_DEADLINE_MS``,
``gave_up`` is set until the game ends and the step falls back to the place cards: never a dead end.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.map_page import PageBuild
from kiosk.services.discovery import Zone
from kiosk.services.map import MapPageService
from kiosk.services.tiles import TileService
from kiosk.ui.webmap import MapWebView
from kiosk.ui.widgets import button, label

log = logging.getLogger(__name__)

LOAD_DEADLINE_MS = 6_000  # a page not ready by then: the cards instead, for the rest of the game


class ActivityMap(QWidget):
    """The map beside a map step's question; ``placeTapped`` is a marker the children touched."""

    placeTapped = Signal(str)
    readyChanged = Signal()  # the page became ready, or the map gave up (the step shows its cards)

    def __init__(self, pages: MapPageService | None, tiles: TileService | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity-map")
        self.pages = pages
        self.tiles = tiles
        self.web: MapWebView | None = None
        self.gave_up = False
        self.ids: tuple[str, ...] = ()  # the markers shown: the step's candidates
        self.theme: Mapping[str, str] = {}  # the leisure map's theme (kiosk.tokens.map_variables), for a new page
        self.opened_at = 0.0
        self.ready_ms: float | None = None
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.setInterval(LOAD_DEADLINE_MS)
        self.deadline.timeout.connect(self._on_deadline)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.area = QGridLayout()  # the web view, and over it « La carte arrive… » until the page is ready
        self.area.setContentsMargins(0, 0, 0, 0)
        self.loading = label(role="title")
        self.loading.setObjectName("map-loading")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.addWidget(self.loading, 0, 0)
        row.addLayout(self.area, 1)
        controls = QVBoxLayout()
        self.zoom_in = button("+", "map-control")
        self.zoom_out = button("−", "map-control")
        self.recenter = button("⌖", "map-control")
        self.zoom_in.setObjectName("map-zoom-in")
        self.zoom_out.setObjectName("map-zoom-out")
        self.recenter.setObjectName("map-recenter")
        self.zoom_in.clicked.connect(lambda: self.web.zoom(1) if self.web is not None else None)
        self.zoom_out.clicked.connect(lambda: self.web.zoom(-1) if self.web is not None else None)
        self.recenter.clicked.connect(lambda: self.web.recenter() if self.web is not None else None)
        for control in (self.zoom_in, self.zoom_out, self.recenter):
            control.setMinimumSize(QSize(88, 88))
            controls.addWidget(control)
        controls.addStretch(1)
        row.addLayout(controls)
        if pages is not None:
            pages.pageReady.connect(self._on_page)
        self.retranslate()

    def retranslate(self) -> None:
        self.loading.setText("🗺️ " + QCoreApplication.translate("ActivityMap", "La carte arrive…"))
        self.zoom_in.setAccessibleName(QCoreApplication.translate("MapView", "Zoomer"))
        self.zoom_out.setAccessibleName(QCoreApplication.translate("MapView", "Dézoomer"))
        self.recenter.setAccessibleName(QCoreApplication.translate("MapView", "Recentrer"))

    @property
    def available(self) -> bool:
        """A map step may use the map: a page exists and it has not failed during this game."""
        return not self.gave_up and self.pages is not None and self.pages.current is not None

    @property
    def ready(self) -> bool:
        return self.web is not None and self.web.is_ready

    def open(self, language: str) -> None:
        """Make the web view and load the page (once per game); the cards are used if it is not ready in time."""
        if self.web is not None or not self.available:
            return
        assert self.pages is not None and self.pages.current is not None
        build = self.pages.current
        self.web = MapWebView(self.pages.folder, self.tiles)
        self.web.setObjectName("activity-web")
        self.web.setMinimumSize(QSize(320, 320))
        self.web.placeClicked.connect(self._on_clicked)
        self.web.ready.connect(self._on_ready)
        self.web.set_texts(language, "📍 " + QCoreApplication.translate("MapView", "Vous êtes ici"))
        if self.theme:
            self.web.set_theme(self.theme)
        self.area.addWidget(self.web, 0, 0)
        self.loading.show()
        self.loading.raise_()
        self.opened_at = time.perf_counter()
        self.ready_ms = None
        self.web.load(build.path, build.ids)
        self.deadline.start()

    def set_theme(self, variables: Mapping[str, str]) -> None:
        """The theme, screen and text size, as the leisure map has them (the markers grow with A+)."""
        self.theme = dict(variables)
        if self.web is not None:
            self.web.set_theme(self.theme)

    def set_language(self, language: str) -> None:
        if self.web is not None:
            self.web.set_texts(language, "📍 " + QCoreApplication.translate("MapView", "Vous êtes ici"))

    def show_round(self, ids: Sequence[str], tried: Sequence[str], found: str, zone: Zone | None) -> None:
        """The step's candidates on the map, the ones tried, the one found, and the search zone if any."""
        self.ids = tuple(ids)
        if self.web is not None:
            circle = (zone.lat, zone.lon, zone.radius_m) if zone is not None else None
            self.web.play(self.ids, tried, found, circle)

    def close_map(self) -> None:
        """The game ended: the web view (and its render process) goes; the next game tries the map again."""
        self.deadline.stop()
        self.gave_up = False
        self.ids = ()
        if self._drop_web():
            log.info("activity map closed")

    def _drop_web(self) -> bool:
        web, self.web = self.web, None
        if web is None:
            return False
        web.watchdog.stop()
        self.area.removeWidget(web)
        web.hide()
        web.deleteLater()
        self.loading.show()
        return True

    def _on_page(self, build: PageBuild) -> None:
        """New places: the open map loads the new page (the round is sent again when it is ready)."""
        if self.web is not None:
            self.web.load(build.path, build.ids)

    def _on_ready(self, _count: int, _ms: float) -> None:
        self.deadline.stop()
        if self.ready_ms is None:
            self.ready_ms = (time.perf_counter() - self.opened_at) * 1000
            log.info("activity map ready in %.0f ms", self.ready_ms)
        self.loading.hide()
        self.readyChanged.emit()

    def _on_deadline(self) -> None:
        if self.ready:
            return
        log.warning("activity map: the page was not ready within %d ms; the cards instead", self.deadline.interval())
        self._drop_web()
        self.gave_up = True
        self.readyChanged.emit()

    def _on_clicked(self, place_id: str) -> None:
        if place_id in self.ids:  # only the step's candidates are on the map; anything else is ignored
            self.placeTapped.emit(place_id)
