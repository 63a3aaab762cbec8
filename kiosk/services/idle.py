"""Visitors walk away: ask if they are still there, then reset the kiosk; later, show the attract loop.

Any touch, click or key anywhere counts as activity (an application-wide event filter). The clock is
injected, so tests fast-forward it and call ``check()`` instead of waiting.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleService(QObject):
    activity = Signal()  # any touch, click or key
    warningStarted = Signal()
    countdown = Signal(int)  # seconds left before the reset
    warningCancelled = Signal()
    resetRequested = Signal()  # back to home, default language, nothing personal left
    attractRequested = Signal()

    def __init__(
        self,
        warning_after: float,
        countdown_seconds: int,
        attract_after: float,
        clock: Callable[[], float],  # monotonic seconds
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._warning_after = warning_after
        self._countdown = countdown_seconds
        self._attract_after = attract_after
        self._clock = clock
        self._last = clock()
        self._state = "active"  # active -> warning -> reset -> attract
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self.check)
        self.enabled = True

    @property
    def state(self) -> str:
        return self._state

    def configure(self, warning_after: float, countdown_seconds: int, attract_after: float) -> None:
        """New delays (a fleet overlay), from the next check on."""
        self._warning_after, self._countdown, self._attract_after = warning_after, countdown_seconds, attract_after

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poke(self) -> None:
        """The visitor did something."""
        self._last = self._clock()
        self.activity.emit()
        if self._state == "warning":
            self.warningCancelled.emit()
        self._state = "active"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self.poke()
        return False

    def check(self) -> None:
        if not self.enabled:
            return
        idle = self._clock() - self._last
        if self._state == "active" and idle >= self._warning_after:
            self._state = "warning"
            self.warningStarted.emit()
        if self._state == "warning":
            left = int(self._warning_after + self._countdown - idle + 0.999)
            if left > 0:
                self.countdown.emit(left)
            else:
                self._state = "reset"
                self.resetRequested.emit()
        if self._state == "reset" and idle >= self._attract_after:
            self._state = "attract"
            self.attractRequested.emit()
