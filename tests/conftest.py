"""Shared fixtures. Qt runs offscreen; QtWebEngine is loaded before the QApplication exists."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6 import QtWebEngineWidgets  # noqa: F401 - must be imported before the QApplication

from kiosk.app import prepare_qt_environment
from kiosk.services.tiles import register_tile_scheme

prepare_qt_environment()  # as the kiosk does: the sandbox rule, software rendering without a GPU

register_tile_scheme()  # the map's tile URL scheme, before pytest-qt creates the QApplication

# Fuzzing depth: tests that do not set max_examples take it from the profile. `make test` selects "ci".
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

if TYPE_CHECKING:
    from kiosk.app import Kiosk

REPO = Path(__file__).resolve().parent.parent
RESOURCES = REPO / "resources"


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    # A Tuesday morning in winter (10:30 in Roubaix).
    return FakeClock(datetime(2026, 12, 1, 9, 30, tzinfo=UTC))


@pytest.fixture(autouse=True)
def _no_tile_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """The map never asks the real tile server from a test (tests that fetch tiles use a FaultServer)."""
    monkeypatch.setenv("KIOSK_TILES_OFFLINE", "1")


def flush_deletions() -> None:
    """Delete now what was deleteLater()'d: a test's windows must not live on, slowing every later test."""
    from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(autouse=True)
def _no_leftover_windows() -> Iterator[None]:
    yield
    flush_deletions()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def qasync_loop(qapp: object) -> Iterator[asyncio.AbstractEventLoop]:
    """An asyncio loop running on Qt's event loop (never stopped: that would quit the QApplication)."""
    import qasync  # noqa: PLC0415

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)


from tests.conftest_http import fault_server  # noqa: E402, F401 - the programmable HTTP server fixture


@pytest.fixture
def kiosk(qapp: object, clock: FakeClock, data_dir: Path) -> Iterator[Kiosk]:
    """The whole kiosk on the bundled configuration, at 1080p, on the fixture's clock."""
    from kiosk.app import build_kiosk  # noqa: PLC0415 - after QtWebEngine is loaded, above
    from kiosk.config import load_config  # noqa: PLC0415

    built = build_kiosk(load_config(), data_dir, clock=clock)
    built.content.refresh_now()
    built.window.resize(1920, 1080)
    built.window.show()
    yield built
    built.shutdown()
