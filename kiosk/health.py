"""The kiosk's health: its memory (QtWebEngine's processes included) and the status document.

The status document is a small JSON object: kiosk id, version, mode, uptime, memory, each source's state,
the sign-up outbox's size, the last error logged, and optionally the last day's anonymous usage counts. It
is written to ``status.json`` in the data folder (atomically: ``kiosk status`` prints it) and, when
``[heartbeat] url`` is set, POSTed there. Nothing in it names or follows a visitor.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import __version__
from kiosk.content.model import SourceStatus
from kiosk.content.store import write_atomic

if TYPE_CHECKING:  # imported by the first POST, in the heartbeat's worker (docs/performance.md)
    import requests

log = logging.getLogger(__name__)

STATUS_FILE = "status.json"
STATUS_VERSION = 1
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def _proc_stat(pid: int, proc: Path) -> tuple[int, int] | None:
    """(parent pid, resident KB) of ``pid``, or None when it is gone."""
    try:
        stat = (proc / str(pid) / "stat").read_text()
        statm = (proc / str(pid) / "statm").read_text()
    except OSError:
        return None
    try:
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        rss_pages = int(statm.split()[1])
    except (IndexError, ValueError):
        return None
    return ppid, rss_pages * PAGE_SIZE_KB


def process_tree_mb(pid: int | None = None, proc: Path = Path("/proc")) -> float:
    """Resident memory of ``pid`` (default: this process) and all its descendants, in MB (0 without /proc).

    QtWebEngine's render, GPU and zygote processes are children of the kiosk: their memory counts too.
    """
    root = os.getpid() if pid is None else pid
    try:
        pids = [int(p.name) for p in proc.iterdir() if p.name.isdigit()]
    except OSError:
        return 0.0
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for p in pids:
        info = _proc_stat(p, proc)
        if info is not None:
            children.setdefault(info[0], []).append(p)
            rss[p] = info[1]
    total, todo = 0, [root]
    seen: set[int] = set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        total += rss.get(p, 0)
        todo.extend(children.get(p, ()))
    return total / 1024


@dataclass(frozen=True, slots=True)
class Status:
    """What the running kiosk reports about itself."""

    kiosk_id: str
    mode: str
    sleeping: bool
    uptime_seconds: float
    memory_mb: float
    sources: Sequence[SourceStatus]
    outbox: int | None
    last_error: str | None
    overlay: str  # "none", "ok", "refused: ...", "unreachable: ..."
    restart_needed: Sequence[str] = ()
    map_recycles: int = 0
    map_crashes: int = 0
    usage: Mapping[str, Mapping[str, int]] | None = None

    def to_json(self, at: datetime) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "version": STATUS_VERSION,
            "kiosk_id": self.kiosk_id,
            "kiosk_version": __version__,
            "at": at.isoformat(timespec="seconds"),
            "mode": self.mode,
            "sleeping": self.sleeping,
            "uptime_seconds": round(self.uptime_seconds),
            "memory_mb": round(self.memory_mb, 1),
            "sources": [
                {
                    "name": s.name,
                    "kind": s.kind,
                    "state": s.state.value,
                    "items": s.items,
                    "fetched_at": s.fetched_at.isoformat(timespec="seconds") if s.fetched_at else None,
                    "error": s.error,
                }
                for s in self.sources
            ],
            "outbox": self.outbox,
            "last_error": self.last_error,
            "config": {"overlay": self.overlay, "restart_needed": list(self.restart_needed)},
            "map": {"recycles": self.map_recycles, "crashes": self.map_crashes},
        }
        if self.usage is not None:
            doc["usage_last_24h"] = {kind: dict(keys) for kind, keys in self.usage.items()}
        return doc


def write_status(data_dir: Path, doc: Mapping[str, Any]) -> Path:
    path = data_dir / STATUS_FILE
    write_atomic(path, (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode())
    return path


def read_status(data_dir: Path) -> dict[str, Any] | None:
    try:
        doc = json.loads((data_dir / STATUS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


class HeartbeatError(Exception):
    """The status document could not be delivered; the message says why, for the log."""


@dataclass(frozen=True, slots=True)
class HeartbeatTarget:
    url: str
    token: str | None = None
    timeout: float = 10.0
    user_agent: str = f"LIVE-kiosk/{__version__}"


def post_status(session: requests.Session, target: HeartbeatTarget, doc: Mapping[str, Any]) -> None:
    """POST ``doc`` as JSON; any answer but 2xx raises ``HeartbeatError``. Redirects are not followed."""
    headers = {"Content-Type": "application/json", "User-Agent": target.user_agent}
    if target.token:
        headers["Authorization"] = f"Bearer {target.token}"
    body = json.dumps(doc, ensure_ascii=False).encode()
    import requests  # noqa: PLC0415 - kept out of the start

    try:
        response = session.post(
            target.url,
            data=body,
            headers=headers,
            timeout=(min(5.0, target.timeout), target.timeout),
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        raise HeartbeatError(f"cannot reach the heartbeat URL: {type(exc).__name__}") from None
    with response:
        if not 200 <= response.status_code < 300:
            raise HeartbeatError(f"the heartbeat URL answered {response.status_code}")
