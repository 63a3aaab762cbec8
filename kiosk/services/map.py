"""The leisure map's page: generated in a worker whenever the places change, handed to the view when written.

The worker writes a new page through a short-lived child process (``render_html_apart``), so folium and
numpy never stay in the kiosk's memory; ``build_now`` (screenshots, tools, tests) renders in-process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QObject, Signal

from kiosk.content.model import Place, Snapshot
from kiosk.map_page import QWEBCHANNEL_JS, MapPageSpec, PageBuild, build_page, render_html, render_html_apart

log = logging.getLogger(__name__)


class MapPageService(QObject):
    """Owns the map folder; emits ``pageReady(PageBuild)`` each time a new page is ready to load."""

    pageReady = Signal(object)  # PageBuild
    pageFailed = Signal(str)
    _finished = Signal(int, object)  # generation number, Future (emitted from the worker)

    def __init__(
        self,
        spec: MapPageSpec,
        folder: Path,
        parent: QObject | None = None,
        render: Callable[[str, MapPageSpec], str] = render_html_apart,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.folder = folder
        self._render = render  # how the worker makes a new page's HTML
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="map-page")
        self._places: tuple[Place, ...] | None = None
        self._generation = 0
        self.current: PageBuild | None = None
        self._finished.connect(self._on_finished)

    def set_snapshot(self, snapshot: Snapshot) -> None:
        """Start a new page if the places changed (other content changes do not touch the map)."""
        if snapshot.places == self._places:
            return
        self._places = snapshot.places
        self._generation += 1
        generation = self._generation
        future = self._executor.submit(self._build, snapshot.places, self._render)
        future.add_done_callback(lambda f: self._finished.emit(generation, f))

    def build_now(self, snapshot: Snapshot) -> PageBuild:
        """Generate on the calling thread (screenshots, tests); emits ``pageReady`` too."""
        self._places = snapshot.places
        self._generation += 1
        build = self._build(snapshot.places, render_html)
        self._publish(build)
        return build

    def _build(self, places: tuple[Place, ...], render: Callable[[str, MapPageSpec], str]) -> PageBuild:
        """Worker thread: qwebchannel.js next to the page (copied from Qt's resources, so the page's own files
        are all in its folder), then the page."""
        target = self.folder / "assets" / QWEBCHANNEL_JS
        if not target.is_file():
            source = QFile(":/qtwebchannel/qwebchannel.js")
            if not source.open(QIODevice.OpenModeFlag.ReadOnly):
                raise OSError("qwebchannel.js is missing from Qt's resources")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(bytes(source.readAll().data()))
            source.close()
        return build_page(places, self.spec, self.folder, render)

    def shutdown(self) -> None:
        """Wait for the page being written; its result, still queued for the GUI thread, is then dropped."""
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._generation += 1

    def _on_finished(self, generation: int, future: Future[PageBuild]) -> None:
        if generation != self._generation:
            return  # newer places are on their way, or the kiosk is shutting down
        try:
            build = future.result()
        except Exception as exc:
            log.exception("the map page could not be generated")
            self.pageFailed.emit(str(exc))
            return
        self._publish(build)

    def _publish(self, build: PageBuild) -> None:
        if self.current is not None and build.path == self.current.path and build.path.is_file():
            self.current = build
            return
        self.current = build
        self.pageReady.emit(build)
