"""Cold start: ``kiosk run --windowed`` as a fresh process, offscreen, on a warm data folder.

The kiosk logs « first paint N ms after process start » when its window has painted the home
screen; the wall time to that line and the peak memory of the whole process tree are recorded.

Warm as an installed kiosk is: the content saved, the map page written, the files in the OS cache, and
the Python modules' bytecode written once (an installed package has it, and Python writes it at the first
start). The first start of a run, not counted, leaves them; the bytecode goes to a folder of the run only
(``PYTHONPYCACHEPREFIX``), even where the environment asks Python to write none (``PYTHONDONTWRITEBYTECODE``,
set on the development machines): else every start compiled our ~65 modules anew (~0.1 s here), which a
kiosk never does.
"""

from __future__ import annotations

import logging
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import Figure, sampling
from benchmarks.settings import Settings

log = logging.getLogger(__name__)

FIRST_PAINT = re.compile(r"first paint (\d+) ms after process start")
TIMEOUT = 60.0
#: The floor under any PySide6 kiosk: Python, PySide6 with QtWebEngine loaded (as the kiosk must, before its
#: QApplication) and one empty window painted; none of our code.
FLOOR = """
import sys
from PySide6 import QtWebEngineWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

class Window(QWidget):
    def paintEvent(self, event):
        print("first paint 0 ms after process start", file=sys.stderr, flush=True)
        QTimer.singleShot(0, QApplication.quit)

app = QApplication([])
window = Window()
window.resize(960, 540)
window.show()
app.exec()
"""


def kiosk_environment(bytecode: Path | None = None) -> dict[str, str]:
    """The kiosk's environment, offscreen; with ``bytecode``, the modules' compiled code is kept in that folder."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KIOSK_TILES_OFFLINE="1")
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def kiosk_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kiosk", *args]


def warm_data_dir(folder: Path) -> None:
    """The content the kiosk shows at once: ``kiosk content dump`` leaves the snapshot it would save."""
    subprocess.run(
        kiosk_command("content", "dump", "--data-dir", str(folder)),
        env=kiosk_environment(),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def one_start(data_dir: Path | None, bytecode: Path | None = None) -> tuple[float, float, float, int]:
    """(wall ms to the first-paint line, the ms the kiosk logged, peak MiB of the tree, processes seen).

    Without ``data_dir``, the floor (``FLOOR``) is started instead of the kiosk; both keep the modules'
    bytecode in ``bytecode`` when given.
    """
    command = (
        [sys.executable, "-c", FLOOR]
        if data_dir is None
        else kiosk_command("run", "--windowed", "--data-dir", str(data_dir), "--log-level", "INFO")
    )
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=kiosk_environment(bytecode),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    with sampling(process.pid) as sampler:
        logged: float | None = None
        wall = 0.0
        for line in process.stderr:
            if (match := FIRST_PAINT.search(line)) is not None:
                wall = (time.perf_counter() - started) * 1000
                logged = float(match.group(1))
                break
            if time.perf_counter() - started > TIMEOUT:
                break
        time.sleep(0.3)  # what the first moments after the paint add (the content service's first refresh)
    process.send_signal(signal.SIGTERM)
    try:
        process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
    if logged is None:
        raise RuntimeError(f"the kiosk never logged its first paint (exit code {process.returncode})")
    return wall, logged, sampler.peak_mb, sampler.processes


def run(settings: Settings) -> list[Figure]:
    walls, logged, peaks, floors, processes = [], [], [], [], 0
    with tempfile.TemporaryDirectory() as folder:
        data, bytecode = Path(folder) / "data", Path(folder) / "bytecode"
        data.mkdir()
        warm_data_dir(data)
        # The first starts write the map page and the bytecode, and fill the OS file cache: not counted.
        one_start(data, bytecode)
        one_start(None, bytecode)
        for _ in range(settings.process_runs):
            wall, own, peak, seen = one_start(data, bytecode)
            walls.append(wall)
            logged.append(own)
            peaks.append(peak)
            processes = max(processes, seen)
            floors.append(one_start(None, bytecode)[0])  # interleaved: both see the same load
    return [
        Figure(
            "cold start floor: an empty PySide6 window with QtWebEngine loaded, to first paint",
            "ms",
            floors,
            note="no kiosk code: Python, PySide6, QtWebEngine's libraries, a QApplication and one paint",
        ),
        Figure(
            "cold start: process start to first paint (wall)",
            "ms",
            walls,
            600,
            note="warm: content saved, map page and bytecode written by a first start, not counted",
        ),
        Figure("cold start: first paint, as the kiosk logs it", "ms", logged, 600),
        Figure(
            "cold start: peak memory of the process tree",
            "MiB",
            peaks,
            note=f"RSS summed over {processes} process(es), up to 0.3 s after the first paint",
        ),
    ]
