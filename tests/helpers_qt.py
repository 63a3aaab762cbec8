"""Driving the kiosk as a finger would."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

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
