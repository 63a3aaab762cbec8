"""What the cold start does, and what it no longer does (docs/performance.md): heavy libraries are imported where
they are used, the style sheet is made once for the window's first size, and the background work starts after
the first paint."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.views.cards import EventCard
from tests.conftest import FakeClock

#: Imported by the worker that needs them, never at start.
LAZY = (
    "folium",
    "branca",
    "numpy",
    "icalendar",
    "recurring_ical_events",
    "requests",
    "urllib3",
    "platformdirs",
    "msgspec",
)
#: Made after the first paint (kiosk/views/window.py), so imported then: the screens but home, and what only they use.
LATER = (
    "kiosk.views.programme",
    "kiosk.views.event",
    "kiosk.views.map",
    "kiosk.views.activity",
    "kiosk.views.signup",
    "kiosk.views.staff",
    "kiosk.ui.qr",
    "kiosk.ui.webmap",
    "qrcode",
)


def test_the_kiosk_imports_no_map_generator_nor_calendar_library_at_start() -> None:
    probe = "import json, sys, kiosk.app, kiosk.cli; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    loaded = set(json.loads(done.stdout))
    assert "kiosk.app" in loaded and "PySide6.QtWidgets" in loaded
    assert sorted(loaded.intersection(LAZY)) == []
    assert sorted(loaded.intersection(LATER)) == []


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
        built.window.build_all()  # every screen, as the kiosk has them soon after its first paint
        assert len(QApplication.allWidgets()) > before + 500  # a whole kiosk, web view included
        assert qapp.styleSheet()  # the kiosk's theme is the application's
        built.shutdown()
        assert qapp.styleSheet() == ""  # and goes with it: the next window does not inherit a visitor's 200 %

    before = len(QApplication.allWidgets())
    one_kiosk(tmp_path / "first")
    one_kiosk(tmp_path / "second")
    assert len(QApplication.allWidgets()) == before


def test_only_the_home_screen_is_made_before_the_first_paint_then_one_screen_per_turn(
    qapp: QApplication, clock: FakeClock, data_dir: Path
) -> None:
    """The first paint waits for the home screen only; the others are made in the event loop's next turns, one
    a turn (a touch waits for one at most), where a visitor goes first, first, each with the content."""
    from kiosk.app import build_kiosk  # noqa: PLC0415
    from kiosk.config import load_config  # noqa: PLC0415
    from kiosk.views.window import BUILD_ORDER  # noqa: PLC0415

    kiosk = build_kiosk(load_config(), data_dir, clock=clock)
    window = kiosk.window
    kiosk.content.refresh_now()
    later = window.unbuilt
    assert [name for name in window.screens if window.is_built(name)] == ["home"]
    assert sorted(later) == sorted(BUILD_ORDER)  # every screen is known by name without being made
    made: list[str] = []
    window.screenBuilt.connect(made.append)
    window.resize(960, 540)
    window.show()
    assert made == []
    painted: list[bool] = []
    window.firstPainted.connect(lambda: painted.append(True))
    for _ in range(500):
        before = len(made)
        QApplication.processEvents()  # one turn of the event loop
        assert len(made) - before <= 1
        if painted and not window.unbuilt:
            break
    assert painted
    assert made == list(BUILD_ORDER)
    programme = window.programme_view  # made after the paint, showing the content it was given then
    upcoming = list(kiosk.content.snapshot.upcoming(kiosk.session.now()))
    assert upcoming
    assert {c.event_id for c in programme.findChildren(EventCard)} >= {e.id for e in upcoming[:5]}
    kiosk.shutdown()


def test_a_tile_tapped_before_its_screen_is_made_opens_it_with_the_content(
    qapp: QApplication, clock: FakeClock, data_dir: Path
) -> None:
    from kiosk.app import build_kiosk  # noqa: PLC0415
    from kiosk.config import load_config  # noqa: PLC0415
    from kiosk.views.programme import ProgrammeView  # noqa: PLC0415

    kiosk = build_kiosk(load_config(), data_dir, clock=clock)
    window = kiosk.window
    kiosk.content.refresh_now()
    window.resize(1920, 1080)
    window.show()
    assert not window.is_built("programme")  # no turn of the event loop yet: nothing was made after the show
    QTest.mouseClick(window.home_view.programme_tile, Qt.MouseButton.LeftButton)
    assert window.is_built("programme")
    assert window.shown == "programme"
    assert window.stack.currentWidget() is window.programme_view
    # the same cards as a programme made at once and given the same content
    made_at_once = ProgrammeView(kiosk.session)
    made_at_once.set_snapshot(kiosk.content.snapshot)
    ids = [c.event_id for c in window.programme_view.findChildren(EventCard)]
    assert ids and ids == [c.event_id for c in made_at_once.findChildren(EventCard)]
    made_at_once.deleteLater()
    kiosk.shutdown()


def test_a_screen_made_later_is_wired_themed_and_arranged_as_if_made_at_start(
    qapp: QApplication, clock: FakeClock, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The map made after the visitor chose larger text and high contrast: arranged for the text, the theme of
    the moment, reading aloud, and the usage counts of its filters."""
    from PySide6.QtWidgets import QBoxLayout, QWidget  # noqa: PLC0415

    from kiosk.app import build_kiosk  # noqa: PLC0415
    from kiosk.config import load_config  # noqa: PLC0415
    from kiosk.tokens import HIGH_CONTRAST, map_variables  # noqa: PLC0415

    config = load_config()
    config = config.model_copy(update={"signups": config.signups.model_copy(update={"utm_tagging": True})})
    kiosk = build_kiosk(config, data_dir, clock=clock)
    window = kiosk.window
    kiosk.content.refresh_now()
    kiosk.session.next_text_size()
    kiosk.session.toggle_contrast()
    assert not window.is_built("map") and not window.is_built("event")
    window.go("map")
    view = window.map_view
    assert view.top.direction() == QBoxLayout.Direction.TopToBottom  # larger text: the filters under the title
    assert json.loads(view.web._theme) == map_variables(HIGH_CONTRAST, 1.0, kiosk.session.text_scale)
    assert view.detail.speech is window.speech is not None
    cards = [c for c in view.findChildren(QWidget) if c.objectName().startswith("place-card:")]
    assert len(cards) == len(kiosk.content.snapshot.places)  # the content it was given when made
    assert window.event_view.speech is window.speech
    assert window.event_view.kiosk_tag == config.kiosk.id
    filters: list[str] = []
    assert kiosk.ops is not None and kiosk.ops.usage is not None

    def count(kind: str, key: str = "", at: object = None) -> None:
        filters.append(f"{kind} {key}")

    monkeypatch.setattr(kiosk.ops.usage, "count", count)
    view.radius_buttons[1000].click()
    assert filters == ["filter map:radius:1000"]
    kiosk.shutdown()


def test_the_platform_data_folder_is_still_found_without_platformdirs_imported_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kiosk.app import resolve_data_dir  # noqa: PLC0415
    from kiosk.config import load_config  # noqa: PLC0415
    from kiosk.ops_cli import data_dir_of  # noqa: PLC0415

    monkeypatch.delenv("KIOSK_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    config = load_config()
    assert config.kiosk.data_dir is None
    assert data_dir_of(config, None) == tmp_path / "share" / "live-kiosk"
    assert resolve_data_dir(config) == tmp_path / "share" / "live-kiosk"
    assert (tmp_path / "share" / "live-kiosk").is_dir()
    assert resolve_data_dir(config, tmp_path / "given") == tmp_path / "given"
