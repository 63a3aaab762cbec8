"""resources/deploy/: an example configuration per mode, each valid and starting in its mode; stats export."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.cli import main
from kiosk.config import load_config
from kiosk.content.usage_stats import UsageRecorder, UsageStats
from kiosk.schedule import scheduled_mode
from tests.conftest import RESOURCES, FakeClock

DEPLOY = RESOURCES / "deploy"
MODES = ("accueil", "decouverte", "affichage", "hors-service")


@pytest.mark.parametrize("mode", MODES)
def test_each_mode_has_an_example_that_check_config_accepts(mode: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = DEPLOY / f"kiosk-{mode}.toml"
    assert main(["check-config", str(path)]) == 0
    assert "OK" in capsys.readouterr().out
    config = load_config(path)
    assert config.modes.default == mode
    assert all(Path(s.url).is_file() for s in config.sources)
    # Outside any scheduled slot (a Monday at 20:00), the kiosk stands in its mode.
    monday_evening = datetime(2026, 11, 30, 20, 0, tzinfo=ZoneInfo("Europe/Paris"))
    assert scheduled_mode([s.slot(s.mode) for s in config.modes.schedule], mode, monday_evening) == mode


def test_the_unit_and_autostart_files_are_there() -> None:
    unit = (DEPLOY / "live-kiosk.service").read_text()
    assert "Restart=always" in unit and "WatchdogSec=" in unit and "Type=notify" in unit
    assert "Exec=" in (DEPLOY / "live-kiosk.desktop").read_text()


def test_kiosk_stats_export(data_dir: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "export", "--data-dir", str(data_dir)]) == 1  # nothing counted yet
    recorder = UsageRecorder(UsageStats(data_dir / "usage-stats.sqlite"), clock)
    recorder.count("screen", "map", at=datetime(2026, 12, 1, 9, 10, tzinfo=UTC))
    recorder.count("feedback", "yes", at=datetime(2026, 12, 1, 9, 20, tzinfo=UTC))
    recorder.flush()
    capsys.readouterr()
    assert main(["stats", "export", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "hour_utc,kind,key,count",
        "2026-12-01T09:00Z,feedback,yes,1",
        "2026-12-01T09:00Z,screen,map,1",
    ]
    out = data_dir / "export.csv"
    assert main(["stats", "export", "--data-dir", str(data_dir), "--out", str(out)]) == 0
    assert out.read_text().count("\n") == 3
