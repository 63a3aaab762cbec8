"""Anonymous usage statistics while the kiosk runs, and when to ask « Ce kiosque vous a-t-il été utile ? ».

A visit ("session") runs from the first touch after a reset to the next reset (the idle reset, a mode
change); its length, from the first to the last touch, is counted in buckets, in the hour it started. A
visit during which the staff panel was opened is staff at work, not a visitor: it is not counted. Every
count goes to ``UsageRecorder`` (in memory, no IO on the GUI thread); a worker writes them to SQLite every
minute and when the kiosk stops.

The feedback question is asked once per visit, on the home screen, when the visitor comes back to it
after using at least one other screen; answered or not, it is gone at the reset. It is never asked on
the attract loop or the signage, and never to the next person: when the idle reset ends a visit, the
visitor has already left.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.usage_stats import FEEDBACK, UsageRecorder, length_bucket

log = logging.getLogger(__name__)

AT_REST = frozenset({"home", "attract", "signage", "maintenance", "sleep"})
NOT_VISITOR_SCREENS = frozenset({"attract", "signage", "maintenance", "sleep", "staff"})
_UNSAFE = re.compile(r"[^A-Za-z0-9_.:%+\-]")


def content_key(content_id: str) -> str:
    """A content id (event, place, activity) made into a count key: no spaces or odd characters, 100 at most."""
    return _UNSAFE.sub("_", content_id)[:100]


class UsageService(QObject):
    feedbackWanted = Signal(bool)  # True: ask on the home screen; False: withdraw the question

    def __init__(
        self,
        recorder: UsageRecorder,
        monotonic: Callable[[], float],
        clock: Callable[[], datetime],
        *,
        feedback: bool = True,
        keep_days: int = 400,
        flush_seconds: float = 60,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.recorder = recorder
        self._monotonic = monotonic
        self._clock = clock
        self.feedback_enabled = feedback
        self._keep = timedelta(days=keep_days)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="usage-stats")
        self._flushing: Future[None] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(int(flush_seconds * 1000))
        self._timer.timeout.connect(self.request_flush)
        self._start: float | None = None  # monotonic time of the visit's first touch
        self._started_at: datetime | None = None
        self._last = 0.0
        self._staff = False
        self._used_a_screen = False
        self._asked = False
        self._answered = False

    # -- life cycle ------------------------------------------------------------------------------

    def start(self) -> None:
        self._timer.start()
        self._spawn(self._purge)

    def shutdown(self) -> None:
        """Write what is counted (synchronously: the kiosk is stopping)."""
        self._timer.stop()
        self.end_session()
        self._executor.shutdown(wait=True)
        self._flush()

    def request_flush(self) -> None:
        if self._flushing is None or self._flushing.done():
            self._flushing = self._spawn(self._flush)

    def _spawn(self, work: Callable[[], None]) -> Future[None]:
        return self._executor.submit(work)

    def _flush(self) -> None:
        """Worker thread: touches no Qt object."""
        try:
            self.recorder.flush()
        except Exception:  # a full disk costs statistics, never the kiosk
            log.exception("usage statistics not written (kept in memory for the next try)")

    def _purge(self) -> None:
        try:
            removed = self.recorder.stats.purge(self._clock() - self._keep)
        except Exception:
            log.exception("old usage statistics not purged")
            return
        if removed:
            log.info("usage statistics: %d hourly counts older than %d days purged", removed, self._keep.days)

    # -- visits ----------------------------------------------------------------------------------

    @property
    def in_session(self) -> bool:
        return self._start is not None

    def touched(self) -> None:
        """Any touch: the first one after a reset starts a visit."""
        now = self._monotonic()
        if self._start is None:
            self._start, self._started_at = now, self._clock()
            self._staff = self._used_a_screen = self._asked = self._answered = False
        self._last = now

    def end_session(self) -> None:
        """The reset: the visit is over (counted unless it was staff at work); the question is withdrawn."""
        if self._start is not None and not self._staff:
            self.count("session", at=self._started_at)
            self.count("session_length", length_bucket(self._last - self._start), at=self._started_at)
        self._start = self._started_at = None
        if self._asked:
            self.feedbackWanted.emit(False)
        self._asked = self._answered = self._used_a_screen = False

    def screen_shown(self, screen: str) -> None:
        if screen == "staff":
            self._staff = True
        if self._start is None or screen in NOT_VISITOR_SCREENS:
            return
        self.count("screen", screen)
        if screen not in AT_REST:
            self._used_a_screen = True
        elif screen == "home" and self._used_a_screen and not self._asked and self.feedback_enabled:
            self._asked = True
            self.feedbackWanted.emit(True)

    def answer(self, face: str) -> None:
        """One tap on a face; the question is not asked again in this visit."""
        if face not in FEEDBACK or self._answered:
            return
        self._answered = True
        self.count("feedback", face)

    # -- counts ----------------------------------------------------------------------------------

    def count(self, kind: str, key: str = "", at: datetime | None = None) -> None:
        self.recorder.count(kind, key, at)

    def count_content(self, kind: str, content_id: str) -> None:
        if content_id:
            self.count(kind, content_key(content_id))
