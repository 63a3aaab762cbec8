"""Delivery: retried through errors, hangs and flapping until taken, and recorded exactly once."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.content.delivery import Deliverer, DeliverySettings
from kiosk.content.outbox import Backoff, Outbox
from kiosk.signup_receiver import ReceiverServer, ReceiverStore, _Handler
from tests.conftest import REPO
from tests.helpers.http_server import FaultServer, Reply
from tests.signups.helpers import EMAIL, NAME, PHONE, running_receiver, signup

FAST = Backoff(timedelta(milliseconds=20), timedelta(milliseconds=100), jitter=0.2)


def utc_now() -> datetime:
    return datetime.now(UTC)


def deliver_until_empty(deliverer: Deliverer, seconds: float = 15) -> int:
    """Run delivery passes (as the service's timer does) until the outbox is empty; returns the passes."""
    deadline = time.monotonic() + seconds
    passes = 0
    while deliverer.outbox.count():
        assert time.monotonic() < deadline, "not delivered in time"
        deliverer.run_once()
        passes += 1
        time.sleep(0.02)
    return passes


def deliverer_for(url: str, outbox: Outbox, token: str | None = "s3cret", read_timeout: float = 2) -> Deliverer:
    settings = DeliverySettings(url, token, connect_timeout=1, read_timeout=read_timeout)
    return Deliverer(settings, outbox, utc_now)


@pytest.mark.parametrize(
    "replies",
    [
        pytest.param([Reply(500), Reply(503), Reply(502), Reply(201)], id="errors"),
        pytest.param([Reply(200, delay=1.0), Reply(200, delay=1.0), Reply(201)], id="timeouts"),
        pytest.param([Reply(500), Reply(201, delay=1.0), Reply(503), Reply(429), Reply(200)], id="flapping"),
        pytest.param([Reply(302, headers={"Location": "/elsewhere"}), Reply(401), Reply(200)], id="redirect-auth"),
    ],
)
def test_retried_until_taken_with_one_key_and_the_token(
    fault_server: FaultServer, tmp_path: Path, replies: list[Reply], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    url = fault_server.route("/signups", *replies)
    outbox = Outbox(tmp_path / "o.sqlite", FAST)
    one = signup(utc_now())
    outbox.add(one)
    deliverer = deliverer_for(url, outbox, read_timeout=0.4)
    deliver_until_empty(deliverer)
    deliverer.close()
    seen = fault_server.seen("/signups")
    assert len(seen) == len(replies)  # stopped at the first success, not before
    assert {s.headers["idempotency-key"] for s in seen} == {one.key}
    assert {s.headers["authorization"] for s in seen} == {"Bearer s3cret"}
    assert {s.method for s in seen} == {"POST"}
    doc = json.loads(seen[-1].body)
    assert doc["id"] == one.key and doc["first_name"] == NAME and doc["people"] == 2 and doc["consent"] is True
    for secret in (NAME, EMAIL, PHONE):
        assert secret not in caplog.text


class LosingHandler(_Handler):
    """Stores what it gets, then never answers the first ``lose`` requests (the answer is lost)."""

    lose = 0
    lost = 0

    def _reply(self, status: int, doc: dict[str, object]) -> None:
        cls = type(self)
        if cls.lost < cls.lose:
            cls.lost += 1
            time.sleep(1.0)  # longer than the client's read timeout
            self.close_connection = True
            return
        super()._reply(status, doc)


def test_a_lost_answer_does_not_make_a_double(tmp_path: Path) -> None:
    server = ReceiverServer(("127.0.0.1", 0), ReceiverStore(tmp_path / "received.sqlite"), None)
    server.RequestHandlerClass = type("Lose2", (LosingHandler,), {"lose": 2, "lost": 0})
    with running_receiver(tmp_path / "unused.sqlite", server=server) as receiver:
        outbox = Outbox(tmp_path / "o.sqlite", FAST)
        one = signup(utc_now())
        outbox.add(one)
        deliverer = deliverer_for(receiver.url, outbox, token=None, read_timeout=0.3)
        passes = deliver_until_empty(deliverer)
        deliverer.close()
    assert passes >= 3
    assert [r["key"] for r in ReceiverStore(tmp_path / "received.sqlite").all()] == [one.key]


WRITER = """
import sys, time
from datetime import UTC, datetime
from pathlib import Path
from kiosk.content.outbox import Outbox
from tests.signups.helpers import signup
outbox = Outbox(Path(sys.argv[1]))
one = signup(datetime.now(UTC))
outbox.add(one)
print(one.key, flush=True)
time.sleep(60)  # killed here: between the outbox write and the delivery
"""

DELIVERING = """
import sys, time
from datetime import UTC, datetime
from pathlib import Path
from kiosk.content.delivery import Deliverer, DeliverySettings
from kiosk.content.outbox import Outbox
from tests.signups.helpers import signup
outbox = Outbox(Path(sys.argv[1]))
one = signup(datetime.now(UTC))
outbox.add(one)
print(one.key, flush=True)
Deliverer(DeliverySettings(sys.argv[2], read_timeout=60), outbox, lambda: datetime.now(UTC)).run_once()
"""


def _killed_after_first_line(script: str, *args: str) -> tuple[str, subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], cwd=REPO, stdout=subprocess.PIPE, text=True, env=os.environ.copy()
    )
    assert process.stdout is not None
    key = process.stdout.readline().strip()
    return key, process


def test_killed_between_the_write_and_the_delivery_is_delivered_once_after_restart(tmp_path: Path) -> None:
    path = tmp_path / "o.sqlite"
    key, process = _killed_after_first_line(WRITER, str(path))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.stdout is not None
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    with running_receiver(tmp_path / "received.sqlite") as receiver:
        outbox = Outbox(path)  # the restart
        assert [p.signup.key for p in outbox.pending()] == [key]
        deliverer = deliverer_for(receiver.url, outbox, token=None)
        deliver_until_empty(deliverer)
        assert deliverer.run_once().delivered == 0
        deliverer.close()
    assert [r["key"] for r in ReceiverStore(tmp_path / "received.sqlite").all()] == [key]


def test_killed_while_waiting_for_the_answer_is_recorded_once_after_restart(tmp_path: Path) -> None:
    """The receiver stored it, the kiosk died before hearing so: it sends again, the key dedupes."""
    path = tmp_path / "o.sqlite"
    received = tmp_path / "received.sqlite"
    stored = threading.Event()
    release = threading.Event()

    class Hanging(_Handler):
        def _reply(self, status: int, doc: dict[str, object]) -> None:
            if not stored.is_set():
                stored.set()
                release.wait(10)
                self.close_connection = True
                return
            super()._reply(status, doc)

    server = ReceiverServer(("127.0.0.1", 0), ReceiverStore(received), None)
    server.RequestHandlerClass = Hanging
    with running_receiver(received, server=server) as receiver:
        key, process = _killed_after_first_line(DELIVERING, str(path), receiver.url)
        assert stored.wait(10), "the kiosk never posted"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert process.stdout is not None
        process.stdout.close()
        release.set()
        outbox = Outbox(path)
        assert [p.signup.key for p in outbox.pending()] == [key]  # not marked delivered: it died first
        deliverer = deliverer_for(receiver.url, outbox, token=None)
        deliver_until_empty(deliverer)
        deliverer.close()
    assert [r["key"] for r in ReceiverStore(received).all()] == [key]
