"""A kiosk reads its fleet overlay from a real server, applies what it can at once, and refuses a wrong one."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import DEFAULT_CONFIG, Config, parse_config
from kiosk.operations import Operations
from kiosk.services.fleet import SAVED, with_saved_overlay
from tests.conftest import FakeClock
from tests.helpers.http_server import FaultServer, Reply
from tests.test_pin_and_schedule import Ticker

GOOD = b"""
[content]
refresh_minutes = 2

[modes]
schedule = []

[display]
hide_cursor = true

[[sources]]
name = "lieux-loisirs"
kind = "feed"
url = "../content/places.json"
"""


def local_config(url: str) -> Config:
    text = DEFAULT_CONFIG.read_text() + f'\n[fleet]\noverlay_url = "{url}"\n'
    return parse_config(text, base_dir=DEFAULT_CONFIG.parent)


@pytest.fixture
def overlay(fault_server: FaultServer) -> str:
    return fault_server.url("/kiosks/champ-libre-accueil.toml")


@pytest.fixture
def kiosk(qapp: object, clock: FakeClock, data_dir: Path, fault_server: FaultServer) -> Iterator[Kiosk]:
    config = local_config(fault_server.url("/kiosks/{kiosk_id}.toml"))
    built = build_kiosk(config, data_dir, clock=clock, monotonic=Ticker(), local=config)
    built.content.refresh_now()
    yield built
    built.shutdown()


def ops_of(kiosk: Kiosk) -> Operations:
    assert kiosk.ops is not None
    return kiosk.ops


def test_an_overlay_is_fetched_off_the_gui_thread_and_applied(
    kiosk: Kiosk, fault_server: FaultServer, data_dir: Path, qtbot: object, qasync_loop: asyncio.AbstractEventLoop
) -> None:
    fault_server.route("/kiosks/champ-libre-accueil.toml", Reply(body=GOOD))
    ops = ops_of(kiosk)
    assert kiosk.modes.mode == "decouverte"  # Tuesday morning in the local file's schedule
    with qtbot.waitSignal(ops.fleet.configChanged, timeout=5000):  # type: ignore[attr-defined]
        ops.fleet.request()
    assert kiosk.config.content.refresh_minutes == 2
    assert kiosk.content._timer.interval() == 120_000
    assert kiosk.modes.mode == "accueil"  # the new week applies at once
    assert ops.restart_needed == ["display.hide_cursor"]  # this one waits for a restart
    assert (data_dir / SAVED).read_bytes() == GOOD
    with qtbot.waitSignal(kiosk.content.refreshingChanged, timeout=5000, check_params_cb=lambda busy: not busy):  # type: ignore[attr-defined]
        kiosk.content.request_refresh()
    assert [s.name for s in kiosk.content.snapshot.sources] == ["lieux-loisirs"]  # [[sources]] replaced whole
    doc = ops.heartbeat.beat_now()
    assert doc["config"] == {"overlay": "ok", "restart_needed": ["display.hide_cursor"]}
    assert json.loads((data_dir / "status.json").read_text())["config"]["overlay"] == "ok"
    assert ops.fleet.fetch() is None  # the same overlay again: nothing to apply


def test_a_wrong_overlay_is_refused_logged_and_the_configuration_kept(
    kiosk: Kiosk, fault_server: FaultServer, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fault_server.route("/kiosks/champ-libre-accueil.toml", Reply(body=b"[content]\nrefresh_minutes = 0\n"))
    ops = ops_of(kiosk)
    before = kiosk.config
    assert ops.fleet.fetch() is None
    assert kiosk.config is before and kiosk.content._timer.interval() == 300_000
    assert ops.fleet.state.startswith("refused: content.refresh_minutes:")
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "content.refresh_minutes" in errors[0].getMessage()
    assert not (data_dir / SAVED).exists()


def test_an_unreachable_overlay_keeps_the_configuration(kiosk: Kiosk, fault_server: FaultServer) -> None:
    fault_server.route("/kiosks/champ-libre-accueil.toml", Reply(status=404))
    ops = ops_of(kiosk)
    assert ops.fleet.fetch() is None
    assert ops.fleet.state.startswith("unreachable: the server answered 404")


def test_the_last_good_overlay_is_used_at_start(overlay: str, data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    local = local_config(overlay)
    assert with_saved_overlay(local, data_dir) is local  # none saved yet
    (data_dir / SAVED).write_bytes(GOOD)
    assert with_saved_overlay(local, data_dir).content.refresh_minutes == 2
    (data_dir / SAVED).write_text("[content]\nrefresh_minutes = -1\n")
    assert with_saved_overlay(local, data_dir) is local
    assert "no longer valid" in caplog.text
