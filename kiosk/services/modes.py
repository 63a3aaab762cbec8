"""The kiosk's mode over the week: the schedule decides, staff may override until the next change."""

from __future__ import annotations

import logging
import shutil
import subprocess
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.schedule import Slot, is_open, next_change, scheduled_mode

log = logging.getLogger(__name__)

MODES = ("accueil", "decouverte", "affichage", "hors-service")


class ModeService(QObject):
    modeChanged = Signal(str)
    sleepingChanged = Signal(bool)

    def __init__(
        self,
        default: str,
        schedule: Sequence[Slot],
        opening_hours: Sequence[Slot],
        sleep_outside_hours: bool,
        clock: Callable[[], datetime],  # local time of the kiosk
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._default = default
        self._schedule = list(schedule)
        self._opening = list(opening_hours)
        self._sleep_outside = sleep_outside_hours
        self._clock = clock
        self._override: tuple[str, datetime | None] | None = None
        self._mode = scheduled_mode(self._schedule, default, clock())
        self._sleeping = False
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self.update)

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def sleeping(self) -> bool:
        return self._sleeping

    @property
    def schedule(self) -> list[Slot]:
        return list(self._schedule)

    @property
    def overridden_until(self) -> datetime | None:
        return self._override[1] if self._override else None

    def start(self) -> None:
        self.update()
        self._timer.start()

    def configure(
        self, default: str, schedule: Sequence[Slot], opening_hours: Sequence[Slot], sleep_outside_hours: bool
    ) -> None:
        """A new week (a fleet overlay): applied at once; a staff override lasts until its own end."""
        self._default = default
        self._schedule, self._opening = list(schedule), list(opening_hours)
        self._sleep_outside = sleep_outside_hours
        self.update()

    def set_mode_by_staff(self, mode: str) -> None:
        """Staff's choice holds until the next scheduled change (for ever when there is none)."""
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}")
        now = self._clock()
        self._override = (mode, next_change(self._schedule, now))
        log.info("mode set by staff: %s (until %s)", mode, self._override[1] or "further notice")
        self.update()

    def update(self) -> None:
        now = self._clock()
        if self._override is not None and self._override[1] is not None and now >= self._override[1]:
            log.info("staff override ended at the scheduled change")
            self._override = None
        mode = self._override[0] if self._override else scheduled_mode(self._schedule, self._default, now)
        if mode != self._mode:
            self._mode = mode
            log.info("mode: %s", mode)
            self.modeChanged.emit(mode)
        sleeping = self._sleep_outside and not is_open(self._opening, now)
        if sleeping != self._sleeping:
            self._sleeping = sleeping
            set_display_power(on=not sleeping)
            self.sleepingChanged.emit(sleeping)


def set_display_power(*, on: bool) -> None:
    """Switch the display with DPMS through xset where it exists (X11); elsewhere the blank screen suffices."""
    xset = shutil.which("xset")
    if xset is None:
        return
    args = [xset, "dpms", "force", "on"] if on else [xset, "dpms", "force", "off"]
    try:
        subprocess.run(args, check=False, timeout=5, capture_output=True)  # noqa: S603 - fixed arguments
    except (OSError, subprocess.TimeoutExpired) as exc:
        log.warning("xset failed: %s", exc)
