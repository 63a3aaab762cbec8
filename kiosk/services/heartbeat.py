"""Every few minutes, the status document: written to status.json, and POSTed when a URL is configured.

What goes in it is gathered on the GUI thread (cheap: states already known); the process memory is read,
the file written and the POST sent in a worker, so a slow or dead receiver never freezes the screen.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kiosk.content.http import LazySession
from kiosk.health import HeartbeatError, HeartbeatTarget, Status, post_status, process_tree_mb, write_status

log = logging.getLogger(__name__)


class HeartbeatService(QObject):
    def __init__(
        self,
        data_dir: Path,
        gather: Callable[[], Status],
        clock: Callable[[], datetime],
        interval: timedelta,
        target: HeartbeatTarget | None,
        memory: Callable[[], float] = process_tree_mb,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._gather = gather
        self._clock = clock
        self._memory = memory
        self.target = target
        self.last_result = "not sent yet"
        self.usage: Callable[[], Mapping[str, Mapping[str, int]]] | None = None  # read in the worker
        self._session = LazySession()  # made by the first POST, in the worker
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="heartbeat")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.beat)
        self.set_interval(interval)

    def set_interval(self, interval: timedelta) -> None:
        self._timer.setInterval(int(interval.total_seconds() * 1000))

    def start(self) -> None:
        self._timer.start()
        self.beat()

    def shutdown(self) -> None:
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._session.close()

    def beat(self) -> None:
        """Gather now (GUI thread), write and send in the worker."""
        status = self._gather()
        at = self._clock()
        self._executor.submit(self._deliver, status, at, self.target)

    def beat_now(self) -> dict[str, object]:
        """Gather, write and send on the calling thread (tests, ``kiosk status --now``); returns the document."""
        return self._deliver(self._gather(), self._clock(), self.target)

    def _deliver(self, status: Status, at: datetime, target: HeartbeatTarget | None) -> dict[str, object]:
        """Worker thread: touches no Qt object."""
        usage = self.usage() if self.usage is not None else None
        doc = dataclasses.replace(status, memory_mb=self._memory(), usage=usage).to_json(at)
        try:
            write_status(self._data_dir, doc)
        except OSError as exc:
            log.error("cannot write the status document: %s", exc)
        if target is not None:
            try:
                post_status(self._session.get(), target, doc)
                self.last_result = "ok"
            except HeartbeatError as exc:
                if self.last_result != str(exc):  # once per kind of failure, not every few minutes
                    log.warning("heartbeat not delivered: %s", exc)
                self.last_result = str(exc)
        return doc
