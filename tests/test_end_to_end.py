"""The real `kiosk` command, as a separate process, on a temporary data folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

KIOSK = [sys.executable, "-m", "kiosk"]


def env_for(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_DATA_DIR=str(data_dir))
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    return env


def wait_for(predicate: object, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def test_kiosk_starts_paints_syncs_and_stops_on_sigterm(data_dir: Path, tmp_path: Path) -> None:
    log_path = tmp_path / "kiosk.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [*KIOSK, "run", "--windowed"], env=env_for(data_dir), stderr=log, stdout=subprocess.DEVNULL
        )
    try:
        assert wait_for(lambda: "first paint" in log_path.read_text(), 30), log_path.read_text()
        snapshot = data_dir / "snapshot.json"
        assert wait_for(snapshot.exists, 30), log_path.read_text()
        assert process.poll() is None, "the kiosk exited on its own"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
    text = log_path.read_text()
    assert "the kiosk stopped" in text
    assert "Traceback" not in text
    assert b'"programme-live"' in snapshot.read_bytes()


@pytest.mark.parametrize(("view", "size"), [("home", "1920x1080"), ("programme", "1080x1920"), ("event", "1920x1080")])
def test_screenshot_renders_at_the_asked_size(data_dir: Path, tmp_path: Path, view: str, size: str) -> None:
    out = tmp_path / f"{view}.png"
    result = subprocess.run(
        [*KIOSK, "screenshot", view, "--out", str(out), "--size", size, "--lang", "en"],
        env=env_for(data_dir),
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    width, height = (int(v) for v in size.split("x"))
    assert (image.width(), image.height()) == (width, height)
    # Not a blank picture: the header's colour and the page's colour are both there.
    colours = {image.pixel(x, y) for x in range(0, width, 37) for y in range(0, height, 37)}
    assert len(colours) > 10


def test_selftest_builds_every_screen(data_dir: Path) -> None:
    result = subprocess.run(
        [*KIOSK, "selftest"], env=env_for(data_dir), capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "every screen renders" in result.stderr


def test_a_bad_config_exits_2_with_one_message(tmp_path: Path, data_dir: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[kiosk]\nid = "x"\nlocation = { name = "x", lat = 1, lon = 2 }\nlanguage = "fr"\n')
    result = subprocess.run(
        [*KIOSK, "run", "--config", str(bad)],
        env=env_for(data_dir),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "kiosk.language: unknown key" in result.stderr
    assert "Traceback" not in result.stderr
