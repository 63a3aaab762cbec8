"""Sign-ups for the tests, and the reference receiver run in a thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from kiosk.content.signup import Signup, new_key
from kiosk.signup_receiver import ReceiverServer, ReceiverStore, make_server

NAME, EMAIL, PHONE = "Gwendoline", "gwendoline.secret@example.fr", "+33698765432"


def signup(created_at: datetime | None = None, key: str | None = None, people: int = 2) -> Signup:
    return Signup(
        key=key or new_key(),
        kiosk_id="test-kiosk",
        event_id="feed:velo@2026-12-02T14:00:00+00:00",
        event_title="Atelier réparation vélo",
        event_start=datetime(2026, 12, 2, 14, tzinfo=UTC),
        first_name=NAME,
        email=EMAIL,
        phone=PHONE,
        people=people,
        created_at=created_at or datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
    )


@contextmanager
def running_receiver(
    store_path: Path, token: str | None = None, server: ReceiverServer | None = None
) -> Iterator[ReceiverServer]:
    httpd = server or make_server(ReceiverStore(store_path), token=token)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
