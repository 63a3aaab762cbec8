"""Map tiles for the web page: the ``kiosk-tile:`` URL scheme, answered from the MBTiles cache, fetched upstream
in worker threads when missing.

The page's tile layer asks ``kiosk-tile:{z}/{x}/{y}``; QtWebEngine hands each request to ``TileService`` (a
``QWebEngineUrlSchemeHandler`` installed on the map's profile only) as a ``QWebEngineUrlRequestJob``. The job
is kept (a Python reference, dropped if QtWebEngine destroys the job first, for instance when the map moved
on), the tile is read or fetched in a worker (``TileSource``: cache, politeness, User-Agent), and the job is
answered later on the GUI thread, or failed: the page then shows its plain background.

The scheme must be registered before the QApplication exists (``register_tile_scheme``): the kiosk, the
screenshots, the benchmarks and the tests' conftest do it first thing. It is a *local* scheme: the page is a
local file whose settings refuse remote URLs, and only local schemes are open to it.

History: with PySide6 6.12 every job crashed in shiboken once it reached an application-wide Python event
filter (the kiosk's filters are per window since). PySide6 is held below 6.12 on Python < 3.12 for another
bug (docs/reliability.md); with 6.11 the handler runs cleanly (tests/test_map_view.py).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

import shiboken6
from PySide6.QtCore import QBuffer, QCoreApplication, QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlScheme, QWebEngineUrlSchemeHandler

from kiosk.content.tiles import TILE_SCHEME, TileKey, TileSource

log = logging.getLogger(__name__)

SCHEME = TILE_SCHEME.encode("ascii")
#: Jobs waiting at once; beyond it a request fails at once (the page asks for a screenful, about 60).
MAX_WAITING = 400


def register_tile_scheme() -> bool:
    """Declare ``kiosk-tile:`` to QtWebEngine; call before the QApplication exists. True once it is declared."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return True
    if QCoreApplication.instance() is not None:
        log.error("the tile scheme is registered too late (the QApplication exists): the map will have no tiles")
        return False
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    # Local: open to the map's local page (LocalContentCanAccessRemoteUrls is off), closed to remote pages.
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalScheme)
    QWebEngineUrlScheme.registerScheme(scheme)
    return True


def content_type(data: bytes) -> bytes:
    if data.startswith(b"\xff\xd8"):
        return b"image/jpeg"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return b"image/webp"
    return b"image/png"


class TileService(QWebEngineUrlSchemeHandler):
    """Answers ``kiosk-tile:z/x/y`` jobs from the cache or the tile server, off the GUI thread."""

    _fetched = Signal(object, object)  # TileKey, bytes | None (emitted by a worker, handled on the GUI thread)

    def __init__(self, source: TileSource, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = source
        # Cache reads run beside the (at most two) downloads, so a slow server does not hold up cached tiles.
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="map-tiles")
        self._closed = False
        # Jobs waiting for their tile, by tile: several pages (a rebuilt one) may ask for the same tile.
        self._waiting: dict[TileKey, list[QWebEngineUrlRequestJob]] = {}
        self._fetched.connect(self._on_fetched)
        self.served = 0
        self.failed = 0
        self.dropped = 0  # jobs QtWebEngine gave up before their tile came

    @property
    def waiting(self) -> int:
        return sum(len(jobs) for jobs in self._waiting.values())

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        """GUI thread: keep the job, start its tile in a worker (once per tile), answer when it comes."""
        url = job.requestUrl()
        key = TileKey.from_path(url.path()) if url.scheme() == TILE_SCHEME else None
        if key is None or job.requestMethod().toStdString() != "GET":
            log.warning("map page asked for a tile that does not exist: %s", url.toString()[:200])
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        if self._closed or self.waiting >= MAX_WAITING:
            self.failed += 1
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        job.destroyed.connect(self._forget)
        jobs = self._waiting.setdefault(key, [])
        jobs.append(job)
        if len(jobs) == 1:
            self._pool.submit(self._work, key)

    def _forget(self, job: QObject) -> None:
        """QtWebEngine destroyed a job we still hold (the tile went off screen): never answer it."""
        for key, jobs in list(self._waiting.items()):
            kept = [j for j in jobs if j is not job]
            if len(kept) != len(jobs):
                self.dropped += len(jobs) - len(kept)
                self._waiting[key] = kept  # the fetch goes on: the tile lands in the cache all the same

    def _work(self, key: TileKey) -> None:
        """Worker thread: touches no Qt object but the signal (queued to the GUI thread)."""
        try:
            data = self.source.get(key)
        except Exception:
            log.exception("tile %s failed", key)
            data = None
        if not self._closed:
            self._fetched.emit(key, data)

    def _on_fetched(self, key: TileKey, data: bytes | None) -> None:
        for job in self._waiting.pop(key, []):
            self._answer(job, data)

    def _answer(self, job: QWebEngineUrlRequestJob, data: bytes | None) -> None:
        if not shiboken6.isValid(job):
            self.dropped += 1
            return
        job.destroyed.disconnect(self._forget)
        if not data:
            self.failed += 1
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)  # goes with the job, which reads it after this call returns
        buffer.setData(data)
        self.served += 1
        job.reply(content_type(data), buffer)

    def shutdown(self) -> None:
        """Fail the jobs still waiting and stop the workers (a download under way ends on its own)."""
        self._closed = True
        waiting, self._waiting = self._waiting, {}
        for jobs in waiting.values():
            for job in jobs:
                self._answer(job, None)
        self._pool.shutdown(wait=False, cancel_futures=True)
        self.source.close()
