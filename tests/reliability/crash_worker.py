"""A kiosk without a screen, doing what the real one does to its files, to be killed with SIGKILL at random.

Run as ``python -m tests.reliability.crash_worker DATA_DIR FEED_URL RECEIVER_URL`` from the repository
root. It loops forever over the kiosk's three durable steps, with the kiosk's own code:

- record a sign-up in the outbox (``Outbox.add``, as the « S'inscrire ici » form does), between
  ``recording KEY`` and ``recorded KEY`` (the visitor has been thanked from this moment on);
- deliver what is due to the receiver (``Deliverer.run_once``, as the sign-up service's timer does);
- sync the content (``sync.refresh`` then ``SnapshotStore.save``, as the content service's worker does),
  then print ``synced N`` with the number of events saved.

No Qt is imported, so it starts in a fraction of a second and 50 kills take well under a minute.
"""

from __future__ import annotations

import itertools
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.config import parse_config
from kiosk.content.delivery import Deliverer, DeliverySettings
from kiosk.content.fetch import FetchSettings, HttpFetcher
from kiosk.content.outbox import Backoff, Outbox
from kiosk.content.signup import Signup, new_key
from kiosk.content.store import SnapshotStore
from kiosk.content.sync import default_window, refresh

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def signup(index: int) -> Signup:
    return Signup(
        key=new_key(),
        kiosk_id="crash-test",
        event_id="feed:e1",
        event_title="Atelier",
        event_start=NOW + timedelta(days=1),
        first_name=f"Visiteur {index}",
        email=f"visiteur{index}@example.fr",
        phone="+33612345678",
        people=1,
        created_at=datetime.now(UTC),
    )


def main() -> None:
    data_dir, feed_url, receiver_url = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    config = parse_config(
        '[kiosk]\nid = "crash-test"\nlocation = { name = "Ici", lat = 50.704, lon = 3.1725 }\n'
        f'[[sources]]\nname = "agenda"\nkind = "feed"\nurl = "{feed_url}"\n',
        base_dir=data_dir,
    )
    fetcher = HttpFetcher(FetchSettings(connect_timeout=2, read_timeout=5, retries=0))
    store = SnapshotStore(data_dir / "snapshot.json")
    outbox = Outbox(data_dir / "signups.sqlite", Backoff(timedelta(milliseconds=1), timedelta(milliseconds=10)))
    settings = DeliverySettings(receiver_url, connect_timeout=2, read_timeout=5)
    deliverer = Deliverer(settings, outbox, lambda: datetime.now(UTC))
    contents = store.load()
    for index in itertools.count():
        one = signup(index)
        print(f"recording {one.key}", flush=True)  # noqa: T201
        outbox.add(one)
        print(f"recorded {one.key}", flush=True)  # noqa: T201
        deliverer.run_once()
        result = refresh(config.sources, fetcher, contents, NOW, default_window(NOW))
        store.save(result.contents, NOW + timedelta(seconds=index))
        contents = result.contents
        print(f"synced {sum(len(c.events) for c in contents.values())}", flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
