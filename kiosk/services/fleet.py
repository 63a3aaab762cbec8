"""The fleet overlay: fetched at start and on each content refresh, off the GUI thread.

A valid overlay that changes something is saved (``config-overlay.toml`` in the data folder, so the next
start uses it before the network answers) and announced with ``configChanged``; a wrong one is refused
whole and logged, and the configuration in use stays. See kiosk/overlay.py for the merge and the keys a
running kiosk applies.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.config import Config, ConfigError
from kiosk.content.sources.base import FeedError, Fetcher
from kiosk.content.store import write_atomic
from kiosk.overlay import apply_overlay, overlay_url

log = logging.getLogger(__name__)

SAVED = "config-overlay.toml"
MAX_OVERLAY_BYTES = 256 * 1024


def with_saved_overlay(local: Config, data_dir: Path) -> Config:
    """At start: the local file with the last good overlay over it (the local file alone if there is none)."""
    if overlay_url(local) is None:
        return local
    try:
        text = (data_dir / SAVED).read_text(encoding="utf-8")
    except OSError:
        return local
    try:
        return apply_overlay(local, text, origin=str(data_dir / SAVED))
    except ConfigError as exc:
        log.error("the saved fleet overlay is no longer valid; the local configuration is used:\n%s", exc)
        return local


class FleetService(QObject):
    configChanged = Signal(object)  # Config: the local file with the new overlay, validated

    def __init__(
        self, local: Config, current: Config, fetcher: Fetcher, data_dir: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.local = local
        self.current = current
        self._fetcher = fetcher
        self._data_dir = data_dir
        self.url = overlay_url(local)
        self.state = "none" if self.url is None else ("ok (saved)" if current is not local else "not fetched yet")
        self._applied_text: str | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fleet-overlay")
        self._task: asyncio.Task[None] | None = None

    def request(self) -> None:
        if self.url is None or (self._task is not None and not self._task.done()):
            return
        self._task = asyncio.ensure_future(self._fetch_async())

    def shutdown(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)
        close = getattr(self._fetcher, "close", None)
        if close is not None:
            close()

    async def _fetch_async(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(self._executor, self.fetch)
        except Exception:
            log.exception("fleet overlay: unexpected failure")
            return
        if result is not None:
            self.current = result
            self.configChanged.emit(result)

    def fetch(self) -> Config | None:
        """Fetch, merge and validate (any thread but the GUI's); the new configuration when it changed."""
        assert self.url is not None
        try:
            body = self._fetcher.get(self.url)
            if len(body) > MAX_OVERLAY_BYTES:
                raise FeedError(f"too large ({len(body)} bytes)")
            text = body.decode("utf-8")
        except (FeedError, UnicodeDecodeError) as exc:
            self.state = f"unreachable: {exc}"
            log.warning("fleet overlay %s not read (%s); the configuration in use stays", self.url, exc)
            return None
        if text == self._applied_text:
            self.state = "ok"
            return None
        try:
            merged = apply_overlay(self.local, text, origin=f"overlay {self.url}")
        except ConfigError as exc:
            self.state = "refused: " + str(exc).splitlines()[-1].strip()
            log.error("fleet overlay refused; the configuration in use stays:\n%s", exc)
            return None
        self._applied_text = text
        self.state = "ok"
        try:
            write_atomic(self._data_dir / SAVED, text.encode())
        except OSError as exc:
            log.error("cannot save the fleet overlay: %s", exc)
        if merged.model_dump() == self.current.model_dump():
            return None
        return merged
