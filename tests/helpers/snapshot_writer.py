"""A process that saves the same snapshot over and over, to be killed mid-write by the store tests.

Run as ``python -m tests.helpers.snapshot_writer PATH`` from the repository root. It imports
only the store and the model, so it starts fast.
"""

from __future__ import annotations

import itertools
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from kiosk.content.model import Event, EventPlace, SourceState, SourceStatus, Text
from kiosk.content.store import SnapshotStore, SourceContent

EVENTS = 2000  # about 1.4 MB of JSON: a save takes long enough to be interrupted


def build_contents() -> dict[str, SourceContent]:
    """The snapshot the writer saves: a complete load must give back exactly this."""
    paris = timezone(timedelta(hours=1))
    first = datetime(2026, 12, 1, 10, 0, tzinfo=paris)
    events = tuple(
        Event(
            id=f"agenda:atelier-{i}@{(first + timedelta(hours=i)).isoformat()}",
            uid=f"atelier-{i}",
            title=Text({"fr": f"Atelier n° {i}", "en": f"Workshop #{i}"}),
            start=first + timedelta(hours=i),
            end=first + timedelta(hours=i + 2),
            source="agenda",
            description=Text({"fr": "Découvrir la fabrication numérique. " * 5}),
            place=EventPlace("Le Champ Libre", "rue de l'Union, Roubaix", 50.704, 3.1725),
        )
        for i in range(EVENTS)
    )
    status = SourceStatus("agenda", "feed", SourceState.OK, len(events), None, datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    return {"agenda": SourceContent(status, events)}


def main() -> None:
    store = SnapshotStore(Path(sys.argv[1]))
    contents = build_contents()
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    for generation in itertools.count():
        store.save(contents, start + timedelta(seconds=generation))


if __name__ == "__main__":
    main()
