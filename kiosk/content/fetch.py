"""Fetching a source's bytes, from a file or over HTTP, with the care a public kiosk needs.

HTTP goes through one ``requests.Session`` with: connect and read timeouts and an overall deadline
(a server dripping one byte a second is cut off), bounded retries with backoff on network errors
and 5xx/429, TLS verified, a User-Agent naming the kiosk, and a size cap enforced *while*
streaming (counted after gzip decoding, so a gzip bomb is stopped too).

Conditional GET (ETag / Last-Modified) is done with a small SQLite cache of our own rather than
requests-cache: requests-cache buffers the whole body before handing it back
(``CachedResponse.from_response`` reads ``response.content``), which would defeat the size cap.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import __version__
from kiosk.content.http import LazySession
from kiosk.content.sources.base import FeedError, is_http

if TYPE_CHECKING:  # requests and urllib3 (~0.1 s) are imported by the first download, in the worker
    import requests

log = logging.getLogger(__name__)

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchSettings:
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    max_bytes: int = 20 * 1024 * 1024
    retries: int = 2
    backoff: float = 0.5  # seconds, doubled on each retry
    user_agent: str = f"LIVE-kiosk/{__version__}"

    @property
    def deadline(self) -> float:
        """The longest one download may take, all retries excluded."""
        return self.connect_timeout + 3 * self.read_timeout


class HttpFetcher:
    """A ``Fetcher`` (see ``kiosk.content.sources.base``) for http(s) URLs and file paths."""

    def __init__(
        self,
        settings: FetchSettings,
        cache_path: Path | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self._cache_path = cache_path
        self._sleep = sleep
        self._session = LazySession(settings.user_agent, _follow_redirects_lightly)
        if cache_path is not None:
            cache_path.parent.mkdir(parents=True, exist_ok=True)
            with self._db() as db:
                db.execute(
                    "CREATE TABLE IF NOT EXISTS http_cache ("
                    " url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, body BLOB, stored_at REAL)"
                )

    def close(self) -> None:
        self._session.close()

    def get(
        self,
        url: str,
        params: Mapping[str, str | list[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> bytes:
        if not is_http(url):
            return self._read_file(Path(url))
        import requests  # noqa: PLC0415 - see _http

        request = requests.Request("GET", url, params=dict(params or {}), headers=dict(headers or {}))
        prepared = self._session.get().prepare_request(request)
        key = prepared.url or url
        attempt = 0
        while True:
            try:
                return self._get_once(prepared, key)
            except _RetryableError as exc:
                if attempt >= self.settings.retries:
                    raise FeedError(str(exc)) from None
                delay = self.settings.backoff * 2**attempt
                log.info("retrying %s in %.1f s: %s", _redact(key), delay, exc)
                self._sleep(delay)
                attempt += 1

    # -- internals ----------------------------------------------------------------------------

    def _read_file(self, path: Path) -> bytes:
        try:
            size = path.stat().st_size
            if size > self.settings.max_bytes:
                raise FeedError(f"file too large: {size} bytes (limit {self.settings.max_bytes})")
            return path.read_bytes()
        except OSError as exc:
            raise FeedError(f"cannot read {path}: {exc.strerror or exc}") from None

    def _get_once(self, prepared: requests.PreparedRequest, key: str) -> bytes:
        cached = self._cached(key)
        if cached is not None:
            etag, modified, _ = cached
            if etag:
                prepared.headers["If-None-Match"] = etag
            if modified:
                prepared.headers["If-Modified-Since"] = modified
        import requests  # noqa: PLC0415 - see _http

        timeout = (self.settings.connect_timeout, self.settings.read_timeout)
        try:
            with closing(self._session.get().send(prepared, stream=True, timeout=timeout, verify=True)) as response:
                if response.status_code == 304 and cached is not None:
                    log.debug("not modified: %s", _redact(key))
                    return cached[2]
                if response.status_code in RETRY_STATUS:
                    raise _RetryableError(f"the server answered {response.status_code} {response.reason}")
                if response.status_code >= 400:
                    raise FeedError(f"the server answered {response.status_code} {response.reason}")
                body = self._read_capped(response)
                self._store(key, response.headers.get("ETag"), response.headers.get("Last-Modified"), body)
                return body
        except requests.TooManyRedirects:
            raise FeedError("too many redirects (a redirect loop?)") from None
        except requests.exceptions.SSLError as exc:
            raise FeedError(f"secure connection failed: {exc}") from None
        except requests.ConnectionError as exc:
            raise _RetryableError(f"cannot reach the server: {_short(exc)}") from None
        except requests.Timeout:
            raise _RetryableError("the server did not answer in time") from None
        except requests.RequestException as exc:
            raise FeedError(f"download failed: {_short(exc)}") from None

    def _read_capped(self, response: requests.Response) -> bytes:
        import urllib3  # noqa: PLC0415 - see _http

        limit = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FeedError(f"too large: {declared} bytes announced (limit {limit})")
        deadline = time.monotonic() + self.settings.deadline
        chunks: list[bytes] = []
        size = 0
        raw: urllib3.BaseHTTPResponse = response.raw
        try:
            # read1, not iter_content: iter_content blocks until a whole CHUNK has arrived, so a
            # server dripping a byte at a time would never reach the deadline check below.
            # read1 returns what one network read brought (decoded, at most CHUNK bytes of it).
            while chunk := raw.read1(CHUNK, decode_content=True):
                size += len(chunk)
                if size > limit:
                    raise FeedError(f"too large: more than {limit} bytes")
                if time.monotonic() > deadline:
                    raise _RetryableError(f"too slow: still downloading after {self.settings.deadline:.0f} s")
                chunks.append(chunk)
        except urllib3.exceptions.ReadTimeoutError:
            raise _RetryableError("the server did not answer in time") from None
        except urllib3.exceptions.HTTPError as exc:  # cut short, bad chunk or bad gzip
            raise FeedError(f"download failed: {_short(exc)}") from None
        return b"".join(chunks)

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        assert self._cache_path is not None
        db = sqlite3.connect(self._cache_path, timeout=10)
        try:
            with db:
                yield db
        finally:
            db.close()

    def _cached(self, key: str) -> tuple[str | None, str | None, bytes] | None:
        if self._cache_path is None:
            return None
        with self._db() as db:
            row = db.execute("SELECT etag, last_modified, body FROM http_cache WHERE url = ?", (key,)).fetchone()
        return (row[0], row[1], bytes(row[2])) if row else None

    def _store(self, key: str, etag: str | None, modified: str | None, body: bytes) -> None:
        if self._cache_path is None or not (etag or modified):
            return
        with self._db() as db:
            db.execute(
                "INSERT OR REPLACE INTO http_cache VALUES (?, ?, ?, ?, ?)",
                (key, etag, modified, body, time.time()),
            )


class _RetryableError(Exception):
    """A failure worth another try (network, timeout, 5xx, 429)."""


def _follow_redirects_lightly(session: requests.Session) -> None:
    """At most 10 redirects, each closed unread (``_drop_redirect_body``)."""
    session.max_redirects = 10
    session.hooks["response"].append(_drop_redirect_body)


def _drop_redirect_body(response: requests.Response, *args: object, **kwargs: object) -> None:
    """Close a redirect unread: requests would read its whole body (no size cap, no deadline) first."""
    if response.is_redirect:
        response.raw.close()


def _short(exc: Exception) -> str:
    text = _redact(str(exc))  # requests' messages quote the URL, query string included
    return text if len(text) < 160 else text[:157] + "..."


def _redact(url: str) -> str:
    """Never log an API key passed in the query string."""
    return re.sub(r"([?&](?:key|token|apikey)=)[^&\s'\"#]+", r"\1***", url, flags=re.IGNORECASE)


class _RedactFilter(logging.Filter):
    """urllib3 logs every request line, query string included, at DEBUG level."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = _redact(record.getMessage()), None
        return True


logging.getLogger("urllib3.connectionpool").addFilter(_RedactFilter())
