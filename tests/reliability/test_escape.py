"""Kiosk escape: on every screen, the shortcuts, long presses and right clicks a visitor may try leave the kiosk
full screen on its own screens; the staff PIN's lockout holds through the UI.

Also tested elsewhere: a plain PIN in the configuration is refused at start
(tests/test_modes_idle_staff.py::test_a_plain_pin_is_refused_at_start), close requests and shortcuts on the
programme (tests/test_navigation.py), no context menu reaches a widget (tests/test_screens.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_config
from kiosk.views.staff import StaffView
from kiosk.views.window import apply_window_mode
from tests.conftest import FakeClock
from tests.helpers_qt import tap
from tests.test_pin_and_schedule import Ticker

Mod = Qt.KeyboardModifier
KEYS = [
    (Qt.Key.Key_F4, Mod.AltModifier),
    (Qt.Key.Key_Q, Mod.ControlModifier),
    (Qt.Key.Key_W, Mod.ControlModifier),
    (Qt.Key.Key_Escape, Mod.NoModifier),
    (Qt.Key.Key_F11, Mod.NoModifier),
    (Qt.Key.Key_Tab, Mod.AltModifier),
    (Qt.Key.Key_Tab, Mod.AltModifier | Mod.ShiftModifier),
    (Qt.Key.Key_Escape, Mod.ControlModifier | Mod.ShiftModifier),  # a task manager elsewhere
    (Qt.Key.Key_Delete, Mod.ControlModifier | Mod.AltModifier),
    (Qt.Key.Key_F4, Mod.ControlModifier),
    (Qt.Key.Key_Super_L, Mod.NoModifier),
    (Qt.Key.Key_D, Mod.MetaModifier),
    (Qt.Key.Key_Backspace, Mod.NoModifier),
    (Qt.Key.Key_Back, Mod.NoModifier),
    (Qt.Key.Key_L, Mod.ControlModifier),
    (Qt.Key.Key_P, Mod.ControlModifier),
]


@pytest.fixture
def locked_kiosk(qapp: object, clock: FakeClock, data_dir: Path) -> Iterator[tuple[Kiosk, Ticker]]:
    ticker = Ticker()
    kiosk = build_kiosk(load_config(), data_dir, clock=clock, monotonic=ticker)
    kiosk.content.refresh_now()
    apply_window_mode(kiosk.window, fullscreen=True, hide_cursor=True)
    QTest.qWaitForWindowExposed(kiosk.window)
    yield kiosk, ticker
    kiosk.shutdown()


def open_screen(kiosk: Kiosk, name: str) -> None:
    window = kiosk.window
    if name in ("event", "signup"):
        window.go(name, kiosk.content.snapshot.events[0].id)
    elif name == "staff":
        window.staffRequested.emit()
    else:
        window.go(name)


def still_locked_in(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert window.isVisible() and window.isFullScreen(), window.windowState()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.shown in window.screens
    others = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window and w.isWindow()]
    assert others == [], [type(w).__name__ for w in others]  # no menu, dialog or second window opened


def try_to_escape(kiosk: Kiosk, target: QWidget) -> None:
    window = kiosk.window
    for key, modifiers in KEYS:
        for receiver in {window, target, QApplication.focusWidget() or window}:
            QTest.keyClick(receiver, key, modifiers)
        still_locked_in(kiosk)
    # Alt held while Tab is pressed again and again, then released.
    QTest.keyPress(window, Qt.Key.Key_Alt)
    for _ in range(4):
        QTest.keyClick(window, Qt.Key.Key_Tab, Mod.AltModifier)
    QTest.keyRelease(window, Qt.Key.Key_Alt)
    still_locked_in(kiosk)
    centre = QPoint(target.width() // 2, target.height() // 2)
    QTest.mouseClick(target, Qt.MouseButton.RightButton, Mod.NoModifier, centre)
    QTest.mouseClick(window, Qt.MouseButton.RightButton, Mod.NoModifier, QPoint(10, 10))
    still_locked_in(kiosk)
    # A long press anywhere (the logo's is the staff's way in: tested in test_modes_idle_staff.py).
    QTest.mousePress(target, Qt.MouseButton.LeftButton, Mod.NoModifier, centre)
    QTest.qWait(700)
    QTest.mouseRelease(target, Qt.MouseButton.LeftButton, Mod.NoModifier, centre)
    still_locked_in(kiosk)
    window.close()
    still_locked_in(kiosk)


def test_every_screen_keeps_the_kiosk_full_screen(locked_kiosk: tuple[Kiosk, Ticker]) -> None:
    kiosk, _ = locked_kiosk
    names = list(kiosk.window.screens)
    assert {"home", "programme", "event", "map", "signup", "staff", "attract"} <= set(names)
    for name in names:
        open_screen(kiosk, name)
        try_to_escape(kiosk, kiosk.window.screens[name])
    assert not kiosk.staff.unlocked


def enter_pin(view: StaffView, pin: str) -> None:
    for digit in pin:
        tap(view.pinpad.keys[digit])
    tap(view.pinpad.keys["OK"])


def test_the_pin_lockout_holds_through_the_screen(locked_kiosk: tuple[Kiosk, Ticker]) -> None:
    kiosk, ticker = locked_kiosk
    window = kiosk.window
    window.staffRequested.emit()
    view = window.screens["staff"]
    assert isinstance(view, StaffView)
    for _ in range(5):
        enter_pin(view, "1357")
    enter_pin(view, "2468")  # the right PIN, while locked out
    assert not kiosk.staff.unlocked
    try_to_escape(kiosk, view)  # nothing a visitor tries opens it either
    assert not kiosk.staff.unlocked
    ticker.now += 61
    window.staffRequested.emit()
    enter_pin(view, "2468")
    assert kiosk.staff.unlocked
