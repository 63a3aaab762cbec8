"""Map tiles for the web page, served from the MBTiles cache (fetched upstream when missing) in worker threads.

Why not a custom URL scheme (``QWebEngineUrlSchemeHandler``)? With PySide6 6.12, every
``QWebEngineUrlRequestJob`` QtWebEngine creates is handed, half-built, to the application-wide
Python event filters (the kiosk has two: no context menu, idle detection), and shiboken crashes
wrapping it (``findDerivedType`` -> ``__dynamic_cast``, reproduced with a one-line filter). So the
page asks for tiles over its QWebChannel bridge and receives each one as a ``data:`` URL; no
request leaves the page, and the same cache, politeness rules and workers apply.
"""

from __future__ import annotations

import base64
import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from kiosk.content.tiles import TileKey, TileSource

log = logging.getLogger(__name__)


class TileService(QObject):
    """Answers tile requests off the GUI thread; ``tileReady(key, data_url)`` with "" when there is none."""

    tileReady = Signal(str, str)  # "z/x/y", "data:image/png;base64,..." or ""

    def __init__(self, source: TileSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        # Cache reads run beside the (at most two) downloads, so a slow server does not hold up cached tiles.
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="map-tiles")
        self._closed = False
        self._pending: set[TileKey] = set()
        self._lock = threading.Lock()
        self.served = 0

    def request(self, key: TileKey) -> None:
        with self._lock:
            if self._closed or not key.valid or key in self._pending:
                return
            self._pending.add(key)
        self._pool.submit(self._work, key)

    def shutdown(self) -> None:
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.source.close()

    def _work(self, key: TileKey) -> None:
        """Worker thread: touches no Qt object but the signal (queued to the GUI thread)."""
        try:
            data = self.source.get(key)
        except Exception:
            log.exception("tile %s failed", key)
            data = None
        with self._lock:
            self._pending.discard(key)
        if self._closed:
            return
        url = "data:image/png;base64," + base64.b64encode(data).decode("ascii") if data else ""
        if url:
            self.served += 1
        self.tileReady.emit(f"{key.z}/{key.x}/{key.y}", url)
