"""The content service: shows the last good snapshot at once, then keeps it fresh.

The refresh (network, parsing, writing the snapshot) runs in a worker thread through qasync;
the GUI thread only swaps in the finished snapshot, and only when its content hash changed.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.config import Source
from kiosk.content.model import Snapshot, SourceStatus
from kiosk.content.sources.base import Fetcher
from kiosk.content.store import SnapshotStore, SourceContent
from kiosk.content.sync import PARIS, default_window, merge, refresh

log = logging.getLogger(__name__)


class ContentService(QObject):
    snapshotChanged = Signal(object)  # Snapshot: the content changed
    sourcesChanged = Signal(object)  # tuple[SourceStatus, ...]: after every refresh
    refreshingChanged = Signal(bool)

    def __init__(
        self,
        sources: Sequence[Source],
        fetcher: Fetcher,
        store: SnapshotStore,
        clock: Callable[[], datetime],
        refresh_interval: timedelta,
        window_days: int = 60,
        tz: tzinfo = PARIS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tz = tz
        self._sources = list(sources)
        self._fetcher = fetcher
        self._store = store
        self._clock = clock
        self._window_days = window_days
        self._contents: dict[str, SourceContent] = {}
        self._snapshot = Snapshot()
        self._hash = self._snapshot.content_hash
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="content-sync")
        self._task: asyncio.Task[None] | None = None
        self._again = False
        self._timer = QTimer(self)
        self._timer.setInterval(int(refresh_interval.total_seconds() * 1000))
        self._timer.timeout.connect(self.request_refresh)

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    @property
    def refreshing(self) -> bool:
        return self._task is not None and not self._task.done()

    def last_success(self) -> datetime | None:
        """When content last arrived from any source (for « mis à jour il y a 12 min »)."""
        times = [s.fetched_at for s in self._snapshot.sources if s.fetched_at is not None]
        return max(times) if times else None

    def load_saved(self) -> Snapshot:
        """Show the snapshot saved by the last run, if any (synchronous: it is one small file)."""
        self._contents = self._store.load()
        if self._contents:
            self._publish(merge(self._contents, default_window(self._clock(), self._window_days)))
        return self._snapshot

    def refresh_now(self) -> Snapshot:
        """Refresh on the calling thread (command-line tools, screenshots, tests)."""
        self._apply(self._do_refresh())
        return self._snapshot

    def start(self) -> None:
        """Refresh now in the background, then every interval."""
        self._timer.start()
        self.request_refresh()

    def request_refresh(self) -> None:
        if self.refreshing:
            self._again = True  # what changed meanwhile (new sources) is read by one more refresh
            return
        self._again = False
        self._task = asyncio.ensure_future(self._refresh_async())

    # -- changes from a fleet overlay (kiosk/services/fleet.py) -----------------------------------------

    def set_sources(self, sources: Sequence[Source]) -> None:
        """New sources: those gone are dropped from the content at the next refresh, asked for at once."""
        self._sources = list(sources)
        self.request_refresh()

    def set_refresh_interval(self, interval: timedelta) -> None:
        self._timer.setInterval(int(interval.total_seconds() * 1000))

    def set_window_days(self, days: int) -> None:
        self._window_days = days

    def shutdown(self) -> None:
        self._timer.stop()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)

    async def _refresh_async(self) -> None:
        self.refreshingChanged.emit(True)
        try:
            loop = asyncio.get_running_loop()
            contents = await loop.run_in_executor(self._executor, self._do_refresh)
            self._apply(contents)
        except Exception:
            log.exception("content refresh failed")
        finally:
            self.refreshingChanged.emit(False)
            if self._again:
                self._again = False
                self.request_refresh()

    def _do_refresh(self) -> dict[str, SourceContent]:
        """Worker thread: read, then save. Touches no Qt object."""
        now = self._clock()
        result = refresh(
            self._sources, self._fetcher, self._contents, now, default_window(now, self._window_days), self._tz
        )
        try:
            self._store.save(result.contents, now)
        except OSError as exc:
            log.error("cannot save the content snapshot: %s", exc)
        return result.contents

    def _apply(self, contents: dict[str, SourceContent]) -> None:
        self._contents = contents
        self._publish(merge(contents, default_window(self._clock(), self._window_days)))

    def _publish(self, snapshot: Snapshot) -> None:
        new_hash = snapshot.content_hash
        changed = new_hash != self._hash
        self._snapshot, self._hash = snapshot, new_hash
        if changed:
            self.snapshotChanged.emit(snapshot)
        self.sourcesChanged.emit(snapshot.sources)

    def statuses(self) -> tuple[SourceStatus, ...]:
        return self._snapshot.sources
