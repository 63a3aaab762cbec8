"""QR codes drawn from qrcode's module matrix with QPainter: crisp at any size, dark on light.

Each module is a ``fillRect`` on whole pixels (the module size is an integer, the code centred),
so a camera sees sharp edges whatever the widget's size. Error correction M, a quiet zone of 4
modules. ``QrWidget`` adds a caption above and the link's short form under the code, as plain text.
Only links that passed ``kiosk.content.links`` should reach it: it draws whatever it is given.
"""

from __future__ import annotations

import qrcode
import qrcode.constants
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets import label

QUIET_ZONE = 4  # modules of light border, as the QR standard asks
MIN_SIDE = 240  # px at 1080p: scannable from arm's length
DARK, LIGHT = QColor("#000000"), QColor("#FFFFFF")


def module_matrix(text: str) -> list[list[bool]]:
    """The code's modules, quiet zone included (True: dark)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=QUIET_ZONE)
    code.add_data(text)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def paint_matrix(painter: QPainter, matrix: list[list[bool]], area: QRect) -> QRect:
    """Paint ``matrix`` centred in ``area`` on whole-pixel modules; returns the rectangle used."""
    count = len(matrix)
    module = max(1, min(area.width(), area.height()) // count)
    side = module * count
    left = area.x() + (area.width() - side) // 2
    top = area.y() + (area.height() - side) // 2
    painter.fillRect(QRect(left, top, side, side), LIGHT)
    for y, row in enumerate(matrix):
        x = 0
        while x < count:  # one rectangle per run of dark modules: fewer calls, same pixels
            if not row[x]:
                x += 1
                continue
            start = x
            while x < count and row[x]:
                x += 1
            painter.fillRect(QRect(left + start * module, top + y * module, (x - start) * module, module), DARK)
    return QRect(left, top, side, side)


def render_image(text: str, side: int) -> QImage:
    """The code alone, on a ``side`` x ``side`` light image (tests, signage)."""
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(LIGHT)
    painter = QPainter(image)
    paint_matrix(painter, module_matrix(text), QRect(0, 0, side, side))
    painter.end()
    return image


class QrCode(QWidget):
    """Just the code: square, at least ``MIN_SIDE`` px, no antialiasing."""

    def __init__(self, text: str = "", side: int = MIN_SIDE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._side = max(MIN_SIDE, side)
        self._matrix: list[list[bool]] = []
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(self._side, self._side)
        self.set_text(text)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = module_matrix(text) if text else []
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(self.rect(), LIGHT)
        if self._matrix:
            paint_matrix(painter, self._matrix, self.rect())
        painter.end()


class QrWidget(QFrame):
    """A caption, the code, and the link's short form under it (all plain text)."""

    def __init__(
        self, link: str, short: str, caption: str = "", side: int = 280, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "qr")
        column = QVBoxLayout(self)
        column.setContentsMargins(16, 16, 16, 16)
        column.setSpacing(8)
        self.caption = label(caption, "title")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption.setVisible(bool(caption))
        self.code = QrCode(link, side)
        self.code.setAccessibleName(caption or short)
        self.short = label(short)
        self.short.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.caption)
        column.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.short)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)

    @property
    def link(self) -> str:
        return self.code.text
