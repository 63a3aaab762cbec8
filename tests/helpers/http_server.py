"""A real HTTP server on 127.0.0.1 whose answers each test programs, faults included.

``FaultServer`` runs a ``ThreadingHTTPServer`` on an ephemeral port in a background thread.
A test maps a path to one or more ``Reply`` objects (served in order, the last one repeated):
status, headers, body, a delay before answering (a hang), a drip of one byte at a time, a
truncated body (Content-Length larger than what is sent, then the connection is closed, after
an optional stall),
chunked encoding, a body sent many times over (big payloads without big memory), and
ETag / Last-Modified validators answered with 304 when the request's ones match.

Every request is recorded (path, query, headers) so a test can count them and check what the
client sent. ``stop`` wakes up every waiting handler, closes every open connection and joins
every thread, so nothing outlives the test.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Reply:
    """One programmed answer."""

    status: int = 200
    body: bytes = b""
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line is sent (longer than a read timeout: a hang)
    drip: float | None = None  # send the body one byte at a time, this many seconds apart
    truncate: int = 0  # announce this many bytes more than are sent, then close the connection
    stall: float = 0.0  # seconds to wait after the body, before closing a truncated answer
    chunked: bool = False  # Transfer-Encoding: chunked (no Content-Length)
    repeat: int = 1  # send ``body`` this many times
    etag: str | None = None  # answer 304 when If-None-Match matches
    last_modified: str | None = None  # answer 304 when If-Modified-Since matches (and no ETag)

    @property
    def length(self) -> int:
        return len(self.body) * self.repeat


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location})


def gzip_bomb(inflated_size: int) -> Reply:
    """A 200 whose few KB of gzip inflate to ``inflated_size`` bytes of zeros."""
    body = gzip.compress(bytes(inflated_size), compresslevel=9)
    return Reply(body=body, headers={"Content-Encoding": "gzip", "Content-Type": "application/json"})


@dataclass(frozen=True)
class Seen:
    """One request the server received; header names are lower-cased."""

    path: str
    query: str
    headers: Mapping[str, str]
    method: str = "GET"
    body: bytes = b""


class FaultServer:
    """A programmable HTTP/1.1 server on 127.0.0.1; use it as a context manager."""

    def __init__(self, port: int = 0) -> None:
        """``port`` 0 picks a free one; a given port lets a test bring a stopped server back at the same URL."""
        self._lock = threading.Lock()
        self._routes: dict[str, list[Reply]] = {}
        self.requests: list[Seen] = []
        self.sent: Counter[str] = Counter()  # body bytes written, by path
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", port), _Handler, self)
        self.port: int = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="fault-server"
        )
        self._thread.start()

    # -- programming ----------------------------------------------------------------------------

    def route(self, path: str, *replies: Reply) -> str:
        """Serve ``replies`` in turn at ``path`` (the last one from then on); returns the URL."""
        if not replies:
            raise ValueError("a route needs at least one reply")
        with self._lock:
            self._routes[path] = list(replies)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    # -- what was received ----------------------------------------------------------------------

    def seen(self, path: str) -> list[Seen]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def hits(self, path: str) -> int:
        return len(self.seen(path))

    # -- life cycle -----------------------------------------------------------------------------

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.close_connections()
        self._httpd.server_close()  # joins the handler threads
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- used by the handler --------------------------------------------------------------------

    def _take(
        self, path: str, query: str, headers: Iterable[tuple[str, str]], method: str = "GET", body: bytes = b""
    ) -> Reply | None:
        with self._lock:
            self.requests.append(Seen(path, query, {k.lower(): v for k, v in headers}, method, body))
            replies = self._routes.get(path)
            if not replies:
                return None
            return replies.pop(0) if len(replies) > 1 else replies[0]

    def _count(self, path: str, size: int) -> None:
        with self._lock:
            self.sent[path] += size


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # so that server_close joins the handler threads
    block_on_close = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], owner: FaultServer) -> None:
        self.owner = owner
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Wake up handlers blocked on a connection (idle keep-alive, a client that stopped reading)."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client hanging up mid-answer is what these tests provoke


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        reply = owner._take(parts.path, parts.query, self.headers.items())
        try:
            self._answer(reply, parts.path)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def do_POST(self) -> None:
        """Like GET, after reading the request body (recorded in ``Seen.body``)."""
        owner = self.server.owner
        parts = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        reply = owner._take(parts.path, parts.query, self.headers.items(), "POST", body)
        try:
            self._answer(reply, parts.path)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def _answer(self, reply: Reply | None, path: str) -> None:
        owner = self.server.owner
        if reply is None:
            reply = Reply(status=404, body=b"no such route")
        if reply.delay and owner.stopping.wait(reply.delay):
            self.close_connection = True
            return
        if self._not_modified(reply):
            self.send_response(304)
            self._validators(reply)
            self.end_headers()
            return
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self._validators(reply)
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(reply.length + reply.truncate))
        self.end_headers()
        for piece in self._pieces(reply):
            if reply.chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            else:
                self.wfile.write(piece)
            owner._count(path, len(piece))
            if reply.drip is not None and owner.stopping.wait(reply.drip):
                self.close_connection = True
                return
        if reply.chunked:
            self.wfile.write(b"0\r\n\r\n")
        if reply.truncate:
            owner.stopping.wait(reply.stall)
            self.close_connection = True

    def _pieces(self, reply: Reply) -> Iterable[bytes]:
        for _ in range(reply.repeat):
            if reply.drip is not None:
                yield from (reply.body[i : i + 1] for i in range(len(reply.body)))
            elif reply.body:
                yield reply.body

    def _not_modified(self, reply: Reply) -> bool:
        if reply.etag is not None and self.headers.get("If-None-Match") is not None:
            return self.headers["If-None-Match"] == reply.etag
        return reply.last_modified is not None and self.headers.get("If-Modified-Since") == reply.last_modified

    def _validators(self, reply: Reply) -> None:
        if reply.etag is not None:
            self.send_header("ETag", reply.etag)
        if reply.last_modified is not None:
            self.send_header("Last-Modified", reply.last_modified)
