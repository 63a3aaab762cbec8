"""A small reference receiver for sign-ups: ``kiosk signups serve``, for demos and tests.

It accepts ``POST /`` (any path) with the JSON a kiosk sends, checks its shape and the bearer
token (when one is set), and stores it in SQLite (mode 0600) under its ``Idempotency-Key``: the
first time it answers 201 with the stored id, a repeat answers 200 with the same id and stores
nothing. A malformed request gets 400 with a one-line reason. It listens on loopback unless told
otherwise. It logs ids, never what the visitor typed.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import logging
import re
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kiosk.content.outbox import create_private

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024
_KEY = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
_TEXT_FIELDS = ("id", "kiosk", "first_name", "email", "phone", "created_at")


class ShapeError(ValueError):
    """The body is not a sign-up."""


def check_shape(doc: object) -> None:
    """Raise ShapeError naming the first field that is wrong."""
    if not isinstance(doc, dict):
        raise ShapeError("the body must be a JSON object")
    for name in _TEXT_FIELDS:
        if not isinstance(doc.get(name), str):
            raise ShapeError(f"{name}: a string is required")
    if not doc["first_name"].strip():
        raise ShapeError("first_name: must not be empty")
    if not (doc["email"].strip() or doc["phone"].strip()):
        raise ShapeError("email or phone: one is required")
    people = doc.get("people")
    if not isinstance(people, int) or isinstance(people, bool) or not 1 <= people <= 10:
        raise ShapeError("people: an integer from 1 to 10 is required")
    if doc.get("consent") is not True:
        raise ShapeError("consent: must be true")
    event = doc.get("event")
    if not isinstance(event, dict) or not all(isinstance(event.get(k), str) for k in ("id", "title", "start")):
        raise ShapeError("event: an object with id, title and start is required")


class ReceiverStore:
    """What the receiver got: one row per idempotency key."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        create_private(path)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS received (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT UNIQUE NOT NULL,"
                " body TEXT NOT NULL, received_at TEXT NOT NULL)"
            )

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=FULL")
            yield db
        finally:
            db.close()

    def put(self, key: str, doc: dict[str, Any]) -> tuple[int, bool]:
        """(id, True) when stored now, (id, False) when this key was stored before."""
        with self._lock, self._connect() as db:
            row = db.execute("SELECT id FROM received WHERE key = ?", (key,)).fetchone()
            if row is not None:
                return int(row[0]), False
            cursor = db.execute(
                "INSERT INTO received (key, body, received_at) VALUES (?, ?, ?)",
                (key, json.dumps(doc, ensure_ascii=False), datetime.now(UTC).isoformat()),
            )
            return int(cursor.lastrowid or 0), True

    def all(self) -> list[dict[str, Any]]:
        with self._connect() as db:
            rows = db.execute("SELECT key, body FROM received ORDER BY id").fetchall()
        return [{"key": key, **json.loads(body)} for key, body in rows]


class ReceiverServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: ReceiverStore, token: str | None) -> None:
        self.store = store
        self.token = token
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/signups"


class _Handler(BaseHTTPRequestHandler):
    server: ReceiverServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s %s", self.address_string(), format % args)

    def _reply(self, status: int, doc: dict[str, Any]) -> None:
        body = json.dumps(doc).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self._reply(405, {"error": "POST a sign-up"})

    def do_POST(self) -> None:
        token = self.server.token
        if token is not None:
            given = self.headers.get("Authorization", "")
            if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
                self._reply(401, {"error": "a valid bearer token is required"})
                return
        key = self.headers.get("Idempotency-Key", "")
        if not _KEY.match(key):
            self._reply(400, {"error": "Idempotency-Key: 8 to 128 letters, digits, '.', '_', ':' or '-'"})
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._reply(411, {"error": "Content-Length is required"})
            return
        if not 0 < length <= MAX_BODY:
            self.close_connection = True
            self._reply(413 if length > MAX_BODY else 400, {"error": f"the body must be 1 to {MAX_BODY} bytes"})
            return
        try:
            doc = json.loads(self.rfile.read(length))
            check_shape(doc)
        except (ValueError, UnicodeDecodeError) as exc:  # ShapeError and JSONDecodeError are ValueErrors
            reason = str(exc) if isinstance(exc, ShapeError) else "the body is not valid JSON"
            self._reply(400, {"error": reason})
            return
        if doc["id"] != key:
            self._reply(400, {"error": "id: must equal the Idempotency-Key"})
            return
        row_id, new = self.server.store.put(key, doc)
        log.info("sign-up %s %s as #%d", key, "stored" if new else "already stored", row_id)
        self._reply(201 if new else 200, {"id": row_id, "status": "stored" if new else "duplicate"})


def make_server(
    store: ReceiverStore, host: str = "127.0.0.1", port: int = 0, token: str | None = None
) -> ReceiverServer:
    return ReceiverServer((host, port), store, token)
