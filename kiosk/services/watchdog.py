"""systemd's service notifications: READY once the first screen is painted, then WATCHDOG pings.

A few lines of the sd_notify protocol (a datagram to $NOTIFY_SOCKET), so no library is needed. The
pings come from a QTimer on the GUI thread: if the event loop freezes, they stop, and systemd
restarts the kiosk (WatchdogSec in resources/deploy/live-kiosk.service).
"""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


def notify(message: str, environ: dict[str, str] | None = None) -> bool:
    """Send one notification; False when not run by systemd (or the socket is gone)."""
    env = os.environ if environ is None else environ
    address = env.get("NOTIFY_SOCKET")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]  # abstract namespace
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError as exc:
        log.warning("systemd notification failed: %s", exc)
        return False
    return True


class Watchdog(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        usec = int(os.environ.get("WATCHDOG_USEC", "0") or 0)
        self._timer = QTimer(self)
        self._timer.setInterval(max(1000, usec // 3000) if usec else 10_000)
        self._timer.timeout.connect(lambda: notify("WATCHDOG=1"))

    def ready(self) -> None:
        if notify("READY=1"):
            log.info("told systemd the kiosk is ready")
            self._timer.start()
