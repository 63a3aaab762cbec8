"""The last good content, kept on disk so the kiosk starts with something to show.

The file is written atomically (temporary file, fsync, rename, fsync of the folder): a power cut
leaves either the old snapshot or the new one, never half of one. A file that cannot be read
back is set aside (``.corrupt``) and the kiosk starts from the bundled pack instead of crashing.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kiosk.content import codec
from kiosk.content.model import Activity, Event, Place, SourceStatus, Stop

log = logging.getLogger(__name__)

SNAPSHOT_VERSION = 1


@dataclass(frozen=True, slots=True)
class SourceContent:
    """One source's last good items and its current state."""

    status: SourceStatus
    events: tuple[Event, ...] = ()
    places: tuple[Place, ...] = ()
    stops: tuple[Stop, ...] = ()
    activities: tuple[Activity, ...] = ()

    @property
    def items(self) -> int:
        return len(self.events) + len(self.places) + len(self.stops) + len(self.activities)

    def to_json(self) -> dict[str, Any]:
        return {
            "status": self.status.to_json(),
            "events": [e.to_json() for e in self.events],
            "places": [p.to_json() for p in self.places],
            "stops": [s.to_json() for s in self.stops],
            "activities": [a.to_json() for a in self.activities],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> SourceContent:
        return cls(
            status=codec.status_from_json(d["status"]),
            events=tuple(codec.event_from_json(e) for e in d.get("events", ())),
            places=tuple(codec.place_from_json(p) for p in d.get("places", ())),
            stops=tuple(codec.stop_from_json(s) for s in d.get("stops", ())),
            activities=tuple(codec.activity_from_json(a) for a in d.get("activities", ())),
        )


Contents = Mapping[str, SourceContent]


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class SnapshotStore:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, SourceContent]:
        """The saved contents by source name; empty when there is none or it is unreadable."""
        self._remove_leftovers()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.error("cannot read the saved content %s: %s", self.path, exc)
            return {}
        try:
            doc = json.loads(raw)
            if doc.get("version") != SNAPSHOT_VERSION:
                raise ValueError(f"version {doc.get('version')!r}")
            return {name: SourceContent.from_json(c) for name, c in doc["sources"].items()}
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError) as exc:
            aside = self.path.with_suffix(".corrupt")
            log.error("the saved content is unreadable (%s); moved to %s", exc, aside)
            self.path.replace(aside)
            return {}

    def _remove_leftovers(self) -> None:
        """Temporary files a power cut left behind in the middle of a save (see write_atomic)."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            leftover.unlink(missing_ok=True)
            log.info("removed %s, left by an interrupted save", leftover.name)

    def save(self, contents: Contents, saved_at: datetime) -> None:
        doc = {
            "version": SNAPSHOT_VERSION,
            "saved_at": saved_at.isoformat(),
            "sources": {name: c.to_json() for name, c in contents.items()},
        }
        write_atomic(self.path, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode())
