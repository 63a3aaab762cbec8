"""The sign-up service: writes each sign-up to the outbox, then delivers the outbox in the background.

``submit`` stores the sign-up in a worker thread and emits ``recorded(key)`` only once it is
committed to disk (the form says « C'est noté ! » then, not before), or ``recordFailed(key)``.
Delivery runs in another worker, so a slow endpoint never delays a write: after each write,
and on a timer, due sign-ups are POSTed (``kiosk.content.delivery``). ``pendingChanged`` gives
the number of sign-ups still in the outbox, for the staff panel. Once a day, and at start,
sign-ups older than the configured number of days are purged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from kiosk.content.delivery import Deliverer, DeliveryReport
from kiosk.content.outbox import Outbox
from kiosk.content.signup import Signup, SignupRequest

log = logging.getLogger(__name__)

DAY_MS = 24 * 3600 * 1000


class SignupService(QObject):
    recorded = Signal(str)  # idempotency key: the sign-up is safely on disk
    recordFailed = Signal(str)  # idempotency key: it could not be stored
    pendingChanged = Signal(int)  # sign-ups waiting in the outbox (delivery or export)

    def __init__(
        self,
        outbox: Outbox,
        deliverer: Deliverer | None,
        kiosk_id: str,
        clock: Callable[[], datetime],
        purge_days: int,
        poll_seconds: float = 30,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self._deliverer = deliverer
        self._kiosk_id = kiosk_id
        self._clock = clock
        self._purge_days = purge_days
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="signup-store")
        self._sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="signup-delivery")
        self._tasks: set[asyncio.Task[None]] = set()
        self._delivering: asyncio.Task[None] | None = None
        self._again = False
        self.pending: int | None = None  # the last count of sign-ups waiting (None: not counted yet)
        self._poll = QTimer(self)
        self._poll.setInterval(int(poll_seconds * 1000))
        self._poll.timeout.connect(self.request_delivery)
        self._purge = QTimer(self)
        self._purge.setInterval(DAY_MS)
        self._purge.timeout.connect(self.request_purge)

    @property
    def delivers(self) -> bool:
        return self._deliverer is not None

    def start(self) -> None:
        """Purge old sign-ups, deliver what waits, then keep at it."""
        self.request_purge()
        if self._deliverer is not None:
            self._poll.start()
        self.request_delivery()

    def shutdown(self) -> None:
        self._poll.stop()
        self._purge.stop()
        for task in [*self._tasks, *([self._delivering] if self._delivering else [])]:
            task.cancel()
        self._writer.shutdown(wait=True)  # a sign-up being written is finished, never dropped
        self._sender.shutdown(wait=True, cancel_futures=True)
        if self._deliverer is not None:
            self._deliverer.close()

    # -- writing ---------------------------------------------------------------------------------

    def make_signup(self, request: SignupRequest) -> Signup:
        return Signup(
            key=request.key,
            kiosk_id=self._kiosk_id,
            event_id=request.event_id,
            event_title=request.event_title,
            event_start=request.event_start,
            first_name=request.first_name,
            email=request.email,
            phone=request.phone,
            people=request.people,
            created_at=self._clock(),
        )

    def submit(self, request: SignupRequest) -> None:
        """Store ``request`` off the GUI thread; ``recorded`` or ``recordFailed`` follows."""
        self._spawn(self._submit(self.make_signup(request)))

    def submit_now(self, request: SignupRequest) -> bool:
        """Store on the calling thread (tools and tests); True once it is on disk."""
        return self._store(self.make_signup(request))

    async def _submit(self, signup: Signup) -> None:
        loop = asyncio.get_running_loop()
        stored = await loop.run_in_executor(self._writer, self._store, signup)
        if stored:
            self.recorded.emit(signup.key)
            self.request_delivery()
        else:
            self.recordFailed.emit(signup.key)
        self._spawn(self._count())

    def _store(self, signup: Signup) -> bool:
        try:
            self.outbox.add(signup)
        except Exception as exc:  # disk full, read-only, corrupt file: the visitor must be told
            log.error("sign-up %s could not be stored: %s", signup.key, type(exc).__name__)
            return False
        return True

    # -- delivery and purge ------------------------------------------------------------------------

    def request_delivery(self) -> None:
        if self._deliverer is None:
            return
        if self._delivering is not None and not self._delivering.done():
            self._again = True  # one more pass when this one ends: a new sign-up may have missed it
            return
        self._delivering = asyncio.ensure_future(self._deliver())

    async def _deliver(self) -> None:
        assert self._deliverer is not None
        loop = asyncio.get_running_loop()
        while True:
            self._again = False
            try:
                report: DeliveryReport = await loop.run_in_executor(self._sender, self._deliverer.run_once)
            except Exception:
                log.exception("sign-up delivery pass failed")
                return
            self._set_pending(report.pending)
            if not self._again:
                return

    def request_purge(self) -> None:
        self._spawn(self._purge_old())

    async def _purge_old(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._writer, self.outbox.purge, self._clock(), self._purge_days)
        except Exception as exc:
            log.error("sign-up purge failed: %s", type(exc).__name__)
        await self._count()

    async def _count(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            self._set_pending(await loop.run_in_executor(self._writer, self.outbox.count))
        except Exception as exc:
            log.error("cannot count the sign-ups waiting: %s", type(exc).__name__)

    def _set_pending(self, count: int) -> None:
        self.pending = count
        self.pendingChanged.emit(count)

    def _spawn(self, coroutine: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
