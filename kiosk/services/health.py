"""The kiosk watches itself: memory (the map's web processes included) and the nightly restart.

Above ``[health] memory_ceiling_mb`` the map's page is recycled (a fresh render process, the same path as
when the renderer dies: kiosk/ui/webmap.py), but only while the map is off screen and at most every ten
minutes. After ``[health] nightly_restart`` the kiosk restarts once, as soon as no visitor is in the middle
of something (``busy``). Loads that hang are the map's own watchdog's business (webmap.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

RECYCLE_COOLDOWN_S = 600
MIN_UPTIME = timedelta(hours=1)  # never restart a kiosk that has just started (a clock jump, a loop)


def next_restart(started: datetime, at: time) -> datetime:
    """The first ``at`` (local time of ``started``) at least MIN_UPTIME after ``started``."""
    candidate = datetime.combine(started.date(), at, started.tzinfo)
    while candidate < started + MIN_UPTIME:
        candidate += timedelta(days=1)
    return candidate


class HealthMonitor(QObject):
    recycleRequested = Signal()
    restartRequested = Signal()

    def __init__(
        self,
        memory: Callable[[], float],
        clock: Callable[[], datetime],  # local time of the kiosk
        monotonic: Callable[[], float],
        busy: Callable[[], bool],
        map_on_screen: Callable[[], bool],
        *,
        ceiling_mb: int | None = None,
        nightly: time | None = None,
        check_seconds: float = 60,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._memory = memory
        self._clock = clock
        self._monotonic = monotonic
        self._busy = busy
        self._map_on_screen = map_on_screen
        self._started = clock()
        self._last_recycle: float | None = None
        self._restart_asked = False
        self.recycles = 0
        self.last_memory_mb = 0.0
        self.ceiling_mb = ceiling_mb
        self.nightly = nightly
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.setInterval(int(check_seconds * 1000))

    def configure(self, ceiling_mb: int | None, nightly: time | None, check_seconds: float) -> None:
        self.ceiling_mb, self.nightly = ceiling_mb, nightly
        self._timer.setInterval(int(check_seconds * 1000))

    @property
    def restart_due(self) -> datetime | None:
        return next_restart(self._started, self.nightly) if self.nightly is not None else None

    def start(self) -> None:
        if self.ceiling_mb is not None or self.nightly is not None:
            log.info("health: memory ceiling %s MB, nightly restart %s", self.ceiling_mb, self.nightly)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> None:
        if self.ceiling_mb is not None:
            self._check_memory(self.ceiling_mb)
        due = self.restart_due
        if due is not None and not self._restart_asked and self._clock() >= due:
            if self._busy():
                log.info("nightly restart due since %s: waiting for the visitor to finish", due.strftime("%H:%M"))
                return
            self._restart_asked = True
            log.info("nightly restart (due at %s)", due.strftime("%Y-%m-%d %H:%M"))
            self.restartRequested.emit()

    def _check_memory(self, ceiling: int) -> None:
        used = self._memory()
        self.last_memory_mb = used
        if used <= ceiling:
            return
        now = self._monotonic()
        if self._last_recycle is not None and now - self._last_recycle < RECYCLE_COOLDOWN_S:
            return
        if self._map_on_screen():
            log.info(
                "memory %.0f MB above the ceiling of %d MB: the map is recycled once it is off screen", used, ceiling
            )
            return
        self._last_recycle = now
        self.recycles += 1
        log.warning("memory %.0f MB above the ceiling of %d MB: recycling the map's web page", used, ceiling)
        self.recycleRequested.emit()
