"""What staff may do, behind the PIN; every action is written to the audit log (JSON lines)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.pin import PinGuard

log = logging.getLogger(__name__)


class AuditLog:
    """Append-only record of staff actions: when, what; never a PIN, never a visitor's data."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, action: str, **details: str | int | None) -> None:
        line = json.dumps({"at": datetime.now(UTC).isoformat(timespec="seconds"), "action": action, **details})
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(line + "\n")
        except OSError as exc:
            log.error("cannot write the audit log %s: %s", self.path, exc)

    def entries(self) -> list[dict[str, str]]:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        return [json.loads(line) for line in lines if line.strip()]


@dataclass
class StaffActions:
    """The effects of the panel's buttons, provided by the composition root."""

    switch_mode: Callable[[str], None]
    refresh_now: Callable[[], None]
    restart: Callable[[], None]
    quit: Callable[[], None]
    export_signups: Callable[[], str] | None = None  # returns a message for staff
    choose_activity: Callable[[str | None], None] | None = None  # the discovery activity groups start on
    reset_team: Callable[[], None] | None = None  # end the current team's activity
    extra: dict[str, Callable[[], str]] = field(default_factory=dict)


class StaffService(QObject):
    unlockedChanged = Signal(bool)
    timedOut = Signal()

    def __init__(
        self,
        pin_hash: str | None,
        actions: StaffActions,
        audit: AuditLog,
        clock: Callable[[], float] = time.monotonic,
        timeout_seconds: float = 120,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.guard = PinGuard(pin_hash, clock) if pin_hash else None
        self.actions = actions
        self.audit = audit
        self._clock = clock
        self._timeout = timeout_seconds
        self._last_touch = clock()
        self._unlocked = False
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.check)

    def touch(self) -> None:
        """Staff did something: the panel's time-out starts again."""
        self._last_touch = self._clock()

    def check(self) -> None:
        """Lock the panel after ``timeout_seconds`` without a touch."""
        if self._unlocked and self._clock() - self._last_touch >= self._timeout:
            self.lock("timeout")
            self.timedOut.emit()

    @property
    def available(self) -> bool:
        return self.guard is not None

    @property
    def unlocked(self) -> bool:
        return self._unlocked

    def unlock(self, pin: str) -> bool:
        if self.guard is None:
            return False
        ok = self.guard.try_pin(pin)
        self.audit.write("unlock" if ok else "wrong-pin", locked_seconds=int(self.guard.seconds_locked()))
        if ok:
            self.touch()
            self._set_unlocked(True)
        return ok

    def lock(self, reason: str = "closed") -> None:
        if self._unlocked:
            self.audit.write("lock", reason=reason)
            self._set_unlocked(False)

    def do(self, action: str, argument: str | None = None) -> str | None:
        """Run a panel action (only when unlocked); returns a message for staff, if any."""
        if not self._unlocked:
            log.warning("staff action %s refused: the panel is locked", action)
            return None
        self.audit.write(action, argument=argument)
        if action == "switch-mode" and argument:
            self.actions.switch_mode(argument)
        elif action == "refresh":
            self.actions.refresh_now()
        elif action == "export-signups" and self.actions.export_signups is not None:
            return self.actions.export_signups()
        elif action == "discovery-start" and self.actions.choose_activity is not None:
            self.actions.choose_activity(argument or None)
        elif action == "discovery-reset" and self.actions.reset_team is not None:
            self.actions.reset_team()
        elif action == "restart":
            self.actions.restart()
        elif action == "quit":
            self.actions.quit()
        elif action in self.actions.extra:
            return self.actions.extra[action]()
        else:
            log.warning("unknown staff action %s", action)
        return None

    def _set_unlocked(self, value: bool) -> None:
        self._unlocked = value
        if value:
            self._ticker.start()
        else:
            self._ticker.stop()
        self.unlockedChanged.emit(value)


def memory_mb() -> float:
    """Resident memory of this process, in MB (Linux /proc; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def uptime_text(seconds: float) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} h {rest // 60:02d} min"
