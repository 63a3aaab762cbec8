"""One ``requests.Session`` per downloader, made at its first request.

requests with urllib3 take ~0.1 s to import: the fetcher, the tile source, the deliverer and the heartbeat
each make their session in the worker thread that first needs it, so a kiosk whose sources are all files
never imports requests (docs/performance.md, « cold start »).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import requests


class LazySession:
    """A session made on first use (from any thread), with ``user_agent`` and whatever ``configure`` adds."""

    def __init__(
        self, user_agent: str | None = None, configure: Callable[[requests.Session], None] | None = None
    ) -> None:
        self._user_agent = user_agent
        self._configure = configure
        self._session: requests.Session | None = None
        self._lock = threading.Lock()

    def get(self) -> requests.Session:
        with self._lock:
            if self._session is None:
                import requests  # noqa: PLC0415 - see the module's docstring

                session = requests.Session()
                if self._user_agent is not None:
                    session.headers["User-Agent"] = self._user_agent
                if self._configure is not None:
                    self._configure(session)
                self._session = session
            return self._session

    def close(self) -> None:
        with self._lock:
            if self._session is not None:
                self._session.close()
                self._session = None
