"""What the cold start does, and what it no longer does (docs/performance.md): heavy libraries are imported where
they are used, the style sheet is made once for the window's first size, and the background work starts after
the first paint."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSize, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import FakeClock

#: Imported by the worker that needs them, never at start.
LAZY = ("folium", "branca", "numpy", "icalendar", "recurring_ical_events", "requests", "urllib3")


def test_the_kiosk_imports_no_map_generator_nor_calendar_library_at_start() -> None:
    probe = "import json, sys, kiosk.app, kiosk.cli; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    loaded = set(json.loads(done.stdout))
    assert "kiosk.app" in loaded and "PySide6.QtWidgets" in loaded
    assert sorted(loaded.intersection(LAZY)) == []


def test_the_style_sheet_is_made_once_for_the_first_window_size(
    qapp: QApplication, qtbot: QtBot, clock: FakeClock, data_dir: Path
) -> None:
    from kiosk.app import build_kiosk  # noqa: PLC0415 - after QtWebEngine is loaded (conftest)
    from kiosk.config import load_config  # noqa: PLC0415
    from kiosk.tokens import NORMAL  # noqa: PLC0415
    from kiosk.ui.theme import style_sheet  # noqa: PLC0415
    from kiosk.views.window import WINDOWED_SIZE, initial_size  # noqa: PLC0415

    assert initial_size(fullscreen=False) == QSize(*WINDOWED_SIZE)
    sheets: list[str] = []
    set_sheet = qapp.setStyleSheet

    def spy(sheet: str) -> None:
        sheets.append(sheet)
        set_sheet(sheet)

    qapp.setStyleSheet = spy  # type: ignore[method-assign]
    try:
        kiosk = build_kiosk(load_config(), data_dir, clock=clock, screen_size=QSize(*WINDOWED_SIZE))
        kiosk.window.resize(*WINDOWED_SIZE)
        kiosk.window.show()
        qtbot.waitExposed(kiosk.window)
        assert len(sheets) == 1
        assert sheets[0] == style_sheet(NORMAL, 0.5, kiosk.session.text_scale)
        kiosk.window.resize(1920, 1080)  # a later change of size still makes a new one
        qtbot.waitUntil(lambda: len(sheets) == 2)
        assert sheets[1] == style_sheet(NORMAL, 1.0, kiosk.session.text_scale)
        kiosk.shutdown()
    finally:
        del qapp.setStyleSheet


class _Window(QObject):
    firstPainted = Signal()


class _Kiosk:
    def __init__(self) -> None:
        self.window = _Window()
        self.starts = 0

    def start(self) -> None:
        self.starts += 1


def test_the_services_start_once_after_the_first_paint(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk import app  # noqa: PLC0415

    painted = _Kiosk()
    # only its window's signal and start() are used
    app.start_after_first_paint(painted)  # type: ignore[arg-type]
    qtbot.wait(20)
    assert painted.starts == 0  # nothing competes with the GUI thread before the paint
    painted.window.firstPainted.emit()
    painted.window.firstPainted.emit()
    assert painted.starts == 1

    monkeypatch.setattr(app, "START_AT_THE_LATEST_MS", 10)
    never_painted = _Kiosk()
    app.start_after_first_paint(never_painted)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: never_painted.starts == 1, timeout=2000)
    never_painted.window.firstPainted.emit()
    assert never_painted.starts == 1


def test_a_kiosk_shut_down_leaves_no_widget_behind(qapp: QApplication, clock: FakeClock, tmp_path: Path) -> None:
    """Screenshots, the selftest and the tests build kiosk after kiosk in one process: none may pile up,
    nor leave its theme behind."""
    from kiosk.app import build_kiosk  # noqa: PLC0415
    from kiosk.config import load_config  # noqa: PLC0415

    def one_kiosk(folder: Path) -> None:
        folder.mkdir()
        built = build_kiosk(load_config(), folder, clock=clock)
        built.content.refresh_now()
        built.window.show()
        built.window.go("map")
        assert len(QApplication.allWidgets()) > before + 500  # a whole kiosk, web view included
        assert qapp.styleSheet()  # the kiosk's theme is the application's
        built.shutdown()
        assert qapp.styleSheet() == ""  # and goes with it: the next window does not inherit a visitor's 200 %

    before = len(QApplication.allWidgets())
    one_kiosk(tmp_path / "first")
    one_kiosk(tmp_path / "second")
    assert len(QApplication.allWidgets()) == before
