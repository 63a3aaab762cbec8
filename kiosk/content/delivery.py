"""Delivering the outbox: POST each due sign-up as JSON, with its idempotency key, until it is taken.

A 2xx answer deletes the sign-up; anything else (an error status, a timeout, a refused
connection) keeps it and schedules another attempt with backoff. Because the key travels with
every attempt, a receiver that got a sign-up whose answer was lost does not record it twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.content.http import LazySession
from kiosk.content.outbox import Outbox

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeliverySettings:
    endpoint: str
    token: str | None = None
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    user_agent: str = "LIVE-kiosk"


@dataclass(frozen=True)
class DeliveryReport:
    delivered: int
    failed: int
    pending: int


class Deliverer:
    """One delivery pass at a time; call ``run_once`` from a worker thread, never the GUI thread."""

    def __init__(self, settings: DeliverySettings, outbox: Outbox, clock: Callable[[], datetime]) -> None:
        self.settings = settings
        self.outbox = outbox
        self._clock = clock
        self._session = LazySession(settings.user_agent)  # made by the first delivery, in the worker

    def close(self) -> None:
        self._session.close()

    def run_once(self) -> DeliveryReport:
        delivered = failed = 0
        for pending in self.outbox.due(self._clock()):
            key = pending.signup.key
            problem = self._post(key, json.dumps(pending.signup.to_json(), ensure_ascii=False).encode())
            if problem is None:
                self.outbox.mark_delivered(key)
                delivered += 1
                log.info("sign-up %s delivered (attempt %d)", key, pending.attempts + 1)
            else:
                failed += 1
                next_at = self.outbox.record_failure(key, self._clock(), problem)
                log.warning(
                    "sign-up %s not delivered (attempt %d: %s); next attempt at %s",
                    key,
                    pending.attempts + 1,
                    problem,
                    next_at.isoformat(timespec="seconds"),
                )
        return DeliveryReport(delivered, failed, self.outbox.count())

    def _post(self, key: str, body: bytes) -> str | None:
        """None when the receiver took it, else what went wrong (a status or an error kind, no data)."""
        headers = {"Content-Type": "application/json", "Idempotency-Key": key}
        if self.settings.token:
            headers["Authorization"] = f"Bearer {self.settings.token}"
        import requests  # noqa: PLC0415 - see _http

        try:
            with self._session.get().post(
                self.settings.endpoint,
                data=body,
                headers=headers,
                timeout=(self.settings.connect_timeout, self.settings.read_timeout),
                allow_redirects=False,
                stream=True,
            ) as response:
                if 200 <= response.status_code < 300:
                    return None
                return f"HTTP {response.status_code}"
        except requests.Timeout:
            return "timeout"
        except requests.ConnectionError:
            return "connection failed"
        except requests.RequestException as exc:
            return type(exc).__name__
