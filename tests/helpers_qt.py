"""Driving the kiosk as a finger would."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QPoint, QTimer
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollArea

    from kiosk.ui.webmap import MapWebView
    from kiosk.views.staff import StaffView
    from kiosk.views.window import KioskWindow

_DEVICE: list[QPointingDevice] = []
W = TypeVar("W", bound=QWidget)


def touch_device() -> QPointingDevice:
    if not _DEVICE:
        _DEVICE.append(QTest.createTouchDevice())
    return _DEVICE[0]


def settle() -> None:
    """Run the pending layout passes (a layout change inside a scroll area takes a few)."""
    for _ in range(4):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
        QApplication.processEvents()


def tap(widget: QWidget, at: QPoint | None = None) -> None:
    """A finger down and up on ``widget`` (its centre by default), as the touch screen sends it."""
    settle()  # a finger taps what the screen shows: pending layouts first
    assert widget.isVisible(), f"{widget.objectName() or widget} is not visible"
    window = widget.window()
    point = widget.mapTo(window, at or widget.rect().center())
    device = touch_device()
    QTest.touchEvent(window, device).press(0, point, window)
    QTest.qWait(20)
    QTest.touchEvent(window, device).release(0, point, window)
    QApplication.processEvents()
    QTest.qWait(20)


def visible_child(parent: QWidget, kind: type[W], name: str) -> W:
    """The one visible child of that name (rebuilt panels leave hidden ones awaiting deletion)."""
    found = [w for w in parent.findChildren(kind, name) if w.isVisible()]
    assert len(found) == 1, f"{len(found)} visible {kind.__name__} named {name!r}"
    return found[0]


def tap_in(area: QScrollArea, widget: QWidget) -> None:
    """Scroll ``widget`` into view, as the visitor would, then tap it."""
    area.ensureWidgetVisible(widget)
    tap(widget)


def open_staff_panel(window: KioskWindow, pin: str = "2468") -> StaffView:
    """The long press on the logo, then ``pin`` on the PIN pad (the bundled configuration's is 2468)."""
    from kiosk.views.staff import StaffView  # noqa: PLC0415 - after QtWebEngine is loaded (conftest)

    window.staffRequested.emit()
    view = window.screens["staff"]
    assert isinstance(view, StaffView)
    enter_pin(view, pin)
    return view


def enter_pin(view: StaffView, pin: str) -> None:
    for digit in pin:
        tap(view.pinpad.keys[digit])
    tap(view.pinpad.keys["OK"])


def page_js(web: MapWebView, code: str) -> Any:
    """Run ``code`` in the map's page and return its (JSON) result."""
    box: list[Any] = []
    loop = QEventLoop()
    assert web.page is not None

    def answer(value: Any) -> None:
        box.append(value)
        loop.quit()

    web.page.runJavaScript(f"JSON.stringify({code})", 0, answer)
    QTimer.singleShot(3000, loop.quit)
    loop.exec()
    assert box, f"no answer to {code}"
    return json.loads(box[0]) if box[0] is not None else None
