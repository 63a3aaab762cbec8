"""The content service: last good content at once, refresh off the GUI thread, re-render only on change."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.config import load_config
from kiosk.content.fetch import FetchSettings, HttpFetcher
from kiosk.content.model import Snapshot, SourceState
from kiosk.content.sources.base import FeedError
from kiosk.content.store import SnapshotStore
from kiosk.services.content import ContentService
from tests.conftest import FakeClock


class SlowFetcher:
    """Reads files like the real fetcher, slowly, and remembers on which thread."""

    def __init__(self, delay: float = 0.0, fail: bool = False) -> None:
        self.delay = delay
        self.fail = fail
        self.threads: set[str] = set()
        self._files = HttpFetcher(FetchSettings())

    def get(
        self, url: str, params: Mapping[str, str | list[str]] | None = None, headers: Mapping[str, str] | None = None
    ) -> bytes:
        self.threads.add(threading.current_thread().name)
        time.sleep(self.delay)
        if self.fail:
            raise FeedError("the server is down")
        return self._files.get(url)


def service(fetcher: SlowFetcher, data_dir: Path, clock: FakeClock) -> ContentService:
    config = load_config()
    return ContentService(
        config.sources, fetcher, SnapshotStore(data_dir / "snapshot.json"), clock, timedelta(minutes=5)
    )


def test_saved_snapshot_is_shown_before_any_fetch(qapp: object, data_dir: Path, clock: FakeClock) -> None:
    first = service(SlowFetcher(), data_dir, clock)
    saved = first.refresh_now()
    first.shutdown()
    assert saved.events

    offline = SlowFetcher(fail=True)
    second = service(offline, data_dir, clock)
    shown: list[Snapshot] = []
    second.snapshotChanged.connect(shown.append)
    second.load_saved()
    assert offline.threads == set()  # nothing was fetched
    assert shown and shown[0].events == saved.events
    second.shutdown()


def test_refresh_runs_in_a_worker_and_the_gui_keeps_answering(
    qapp: object, qtbot: object, qasync_loop: object, data_dir: Path, clock: FakeClock
) -> None:
    fetcher = SlowFetcher(delay=0.4)
    content = service(fetcher, data_dir, clock)
    ticks: list[float] = []
    from PySide6.QtCore import QTimer  # noqa: PLC0415

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    with qtbot.waitSignal(content.snapshotChanged, timeout=10_000):  # type: ignore[attr-defined]
        content.request_refresh()
        assert content.refreshing
    timer.stop()
    assert fetcher.threads and "MainThread" not in fetcher.threads
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    # The fetch sleeps 0.4 s: had it run on the GUI thread, the timer would have stalled that long.
    assert len(ticks) > 10 and max(gaps) < 0.3, max(gaps)
    assert content.snapshot.events
    content.shutdown()


def test_unchanged_content_does_not_re_render_and_a_failure_keeps_the_last_good(
    qapp: object, data_dir: Path, clock: FakeClock
) -> None:
    fetcher = SlowFetcher()
    content = service(fetcher, data_dir, clock)
    renders: list[Snapshot] = []
    states: list[tuple[str, ...]] = []
    content.snapshotChanged.connect(renders.append)
    content.sourcesChanged.connect(lambda sources: states.append(tuple(s.state.value for s in sources)))
    content.refresh_now()
    content.refresh_now()
    assert len(renders) == 1
    fetcher.fail = True
    clock.now += timedelta(minutes=5)
    content.refresh_now()
    assert len(renders) == 1  # same content: the screens are left alone
    assert set(states[-1]) == {SourceState.STALE.value}  # every source of the bundled pack
    assert content.snapshot.events == renders[0].events
    assert content.last_success() == renders[0].sources[0].fetched_at
    content.shutdown()


@pytest.mark.parametrize("garbage", [b"", b"{not json", b"\x00\x01\x02"])
def test_an_unreadable_snapshot_file_is_set_aside(
    qapp: object, data_dir: Path, clock: FakeClock, garbage: bytes
) -> None:
    (data_dir / "snapshot.json").write_bytes(garbage)
    content = service(SlowFetcher(fail=True), data_dir, clock)
    assert content.load_saved() == Snapshot()
    assert (data_dir / "snapshot.corrupt").read_bytes() == garbage
    content.shutdown()
