"""The status document against a real receiver, `kiosk status`, logs, the memory ceiling and nightly restart."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, time
from pathlib import Path
from time import sleep as pause
from zoneinfo import ZoneInfo

import pytest

from kiosk import logs
from kiosk.app import Kiosk, build_kiosk
from kiosk.cli import main
from kiosk.config import load_config
from kiosk.health import HeartbeatTarget, process_tree_mb
from kiosk.services.health import HealthMonitor, next_restart
from tests.conftest import FakeClock
from tests.helpers.http_server import FaultServer, Reply
from tests.test_pin_and_schedule import Ticker

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def kiosk(qapp: object, clock: FakeClock, data_dir: Path) -> Iterator[Kiosk]:
    built = build_kiosk(load_config(), data_dir, clock=clock, monotonic=Ticker())
    built.content.refresh_now()
    yield built
    built.shutdown()


def test_the_heartbeat_posts_the_status_document_and_writes_it(
    kiosk: Kiosk, fault_server: FaultServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = fault_server.route("/beat", Reply(status=204))
    assert kiosk.ops is not None
    kiosk.ops.heartbeat.target = HeartbeatTarget(url, token="s3cret")
    logging.getLogger("kiosk.test").error("the tile server is down")
    doc = kiosk.ops.heartbeat.beat_now()

    seen = fault_server.seen("/beat")
    assert len(seen) == 1 and seen[0].method == "POST"
    assert seen[0].headers["content-type"] == "application/json"
    assert seen[0].headers["authorization"] == "Bearer s3cret"
    sent = json.loads(seen[0].body)
    assert sent == doc == json.loads((data_dir / "status.json").read_text())
    assert sent["kiosk_id"] == "champ-libre-accueil"
    assert sent["kiosk_version"]
    assert sent["mode"] == "decouverte"  # the bundled schedule, on a Tuesday morning
    assert sent["uptime_seconds"] >= 0 and sent["memory_mb"] > 50
    assert [s["name"] for s in sent["sources"]] == ["programme-live", "lieux-loisirs", "activites"]
    assert all(s["state"] == "ok" for s in sent["sources"])
    assert kiosk.signups is not None and sent["outbox"] == kiosk.signups.pending  # None until first counted
    assert sent["last_error"] == "kiosk.test: the tile server is down"
    assert sent["config"] == {"overlay": "none", "restart_needed": []}

    assert main(["status", "--data-dir", str(data_dir)]) == 0
    assert json.loads(capsys.readouterr().out) == doc


def test_a_failing_receiver_is_logged_once_and_the_file_is_still_written(
    kiosk: Kiosk, fault_server: FaultServer, data_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = fault_server.route("/beat", Reply(status=503))
    assert kiosk.ops is not None
    kiosk.ops.heartbeat.target = HeartbeatTarget(url)
    kiosk.ops.heartbeat.beat_now()
    kiosk.ops.heartbeat.beat_now()
    assert fault_server.hits("/beat") == 2
    assert [r.getMessage() for r in caplog.records if "heartbeat" in r.getMessage()] == [
        "heartbeat not delivered: the heartbeat URL answered 503"
    ]
    assert (data_dir / "status.json").exists()


def test_kiosk_status_without_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--data-dir", str(tmp_path)]) == 1
    assert "no status document" in capsys.readouterr().err


def test_the_memory_of_the_process_tree_includes_children() -> None:
    alone = process_tree_mb()
    child = subprocess.Popen(  # a child holding 60 MB
        [
            sys.executable,
            "-c",
            "import time; b = bytearray(60 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); time.sleep(30)",
        ]
    )
    try:
        for _ in range(100):
            if process_tree_mb() > alone + 50:
                break
            pause(0.05)
        assert process_tree_mb() > alone + 50
        assert process_tree_mb(child.pid) > 50
    finally:
        child.kill()
        child.wait()


def test_the_next_nightly_restart() -> None:
    started = datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)
    assert next_restart(started, time(4, 30)) == datetime(2026, 12, 2, 4, 30, tzinfo=PARIS)
    early = datetime(2026, 12, 1, 4, 0, tzinfo=PARIS)  # started 30 min before: not today, too soon
    assert next_restart(early, time(4, 30)) == datetime(2026, 12, 2, 4, 30, tzinfo=PARIS)
    assert next_restart(datetime(2026, 12, 1, 2, 0, tzinfo=PARIS), time(4, 30)).day == 1


class Probe:
    def __init__(self) -> None:
        self.memory = 300.0
        self.now = datetime(2026, 12, 1, 22, 0, tzinfo=PARIS)
        self.mono = 0.0
        self.busy = False
        self.map_shown = False


def monitor_of(probe: Probe, **kwargs: object) -> HealthMonitor:
    return HealthMonitor(
        lambda: probe.memory,
        lambda: probe.now,
        lambda: probe.mono,
        lambda: probe.busy,
        lambda: probe.map_shown,
        **kwargs,  # type: ignore[arg-type]
    )


def test_above_the_ceiling_the_map_is_recycled_off_screen_and_not_too_often(qapp: object) -> None:
    probe = Probe()
    monitor = monitor_of(probe, ceiling_mb=1000)
    recycled: list[bool] = []
    monitor.recycleRequested.connect(lambda: recycled.append(True))
    monitor.check()
    assert recycled == []
    probe.memory, probe.map_shown = 1200, True
    monitor.check()
    assert recycled == []  # a visitor is looking at the map
    probe.map_shown = False
    monitor.check()
    assert recycled == [True] and monitor.recycles == 1
    probe.mono += 60
    monitor.check()
    assert len(recycled) == 1  # ten minutes between two recycles
    probe.mono += 600
    monitor.check()
    assert len(recycled) == 2


def test_the_nightly_restart_waits_for_the_visitor(qapp: object) -> None:
    probe = Probe()
    monitor = monitor_of(probe, nightly=time(4, 30))
    restarts: list[bool] = []
    monitor.restartRequested.connect(lambda: restarts.append(True))
    probe.now = datetime(2026, 12, 2, 4, 29, tzinfo=PARIS)
    monitor.check()
    assert restarts == []
    probe.now, probe.busy = datetime(2026, 12, 2, 4, 31, tzinfo=PARIS), True
    monitor.check()
    assert restarts == []  # someone is in the middle of something
    probe.busy = False
    monitor.check()
    monitor.check()
    assert restarts == [True]  # once


def test_the_kiosk_restarts_through_its_restart_path_only_at_rest(kiosk: Kiosk, clock: FakeClock) -> None:
    assert kiosk.ops is not None
    health = kiosk.ops.health
    asked: list[bool] = []
    health.restartRequested.disconnect()
    health.restartRequested.connect(lambda: asked.append(True))
    health.configure(None, time(4, 30), 60)
    clock.now = datetime(2026, 12, 2, 3, 31, tzinfo=UTC)  # 04:31 in Roubaix
    kiosk.window.go("programme")  # a visitor is reading the programme
    health.check()
    assert asked == []
    kiosk.window.reset_visitor()
    health.check()
    assert asked == [True]


def test_the_recycled_map_gets_a_fresh_render_process(kiosk: Kiosk, qtbot: object) -> None:
    from kiosk.screens import wait_for_map  # noqa: PLC0415

    kiosk.window.resize(1280, 800)
    kiosk.window.go("map")
    assert wait_for_map(kiosk)
    web = kiosk.window.map_view.web
    assert web.page is not None
    before = web.page.renderProcessPid()
    assert before > 0
    web.recycle()
    assert wait_for_map(kiosk)
    assert web.page.renderProcessPid() not in (0, before)
    assert web.recycles == 1


def test_logs_rotate_by_size(tmp_path: Path) -> None:
    handler = logs.add_file(tmp_path, max_kilobytes=16, backups=2)
    assert handler is not None
    try:
        log = logging.getLogger("kiosk.test.rotation")
        log.setLevel(logging.INFO)
        for i in range(600):
            log.info("line %04d %s", i, "x" * 60)
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]
    assert all((tmp_path / "logs" / f).stat().st_size <= 16 * 1024 + 200 for f in files)
    assert oct((tmp_path / "logs").stat().st_mode & 0o777) == "0o700"


def test_under_systemd_logs_go_to_the_journal_without_timestamps() -> None:
    handler = logs.console_handler({"JOURNAL_STREAM": "8:12345"})
    record = logging.LogRecord("kiosk.app", logging.WARNING, __file__, 1, "memory %d MB", (900,), None)
    if handler.formatter is not None:  # systemd.journal is not installed: stderr with priorities
        assert handler.formatter.format(record) == "<4>kiosk.app: memory 900 MB"
    plain = logs.console_handler({})
    assert plain.formatter is not None and plain.formatter.format(record).endswith("WARNING kiosk.app: memory 900 MB")
    assert not plain.formatter.format(record).startswith("<")
