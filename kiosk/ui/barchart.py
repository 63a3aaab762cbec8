"""A plain bar chart painted with QPainter: one bar per label, its value above it (the staff panel)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget


class BarChart(QWidget):
    def __init__(self, labels: Sequence[str], values: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = list(labels)
        self.values = list(values)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(220)

    def set_data(self, labels: Sequence[str], values: Sequence[int]) -> None:
        self.labels, self.values = list(labels), list(values)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 240)

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is drawn (also what the tests measure)."""
        count = max(1, len(self.values))
        text_h = self.fontMetrics().height() + 8
        area_h = self.height() - 2 * text_h
        slot = self.width() / count
        top = max(self.values, default=0) or 1
        rects = []
        for i, value in enumerate(self.values):
            h = area_h * value / top
            rects.append(QRectF(i * slot + slot * 0.15, text_h + area_h - h, slot * 0.7, h))
        return rects

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_h = self.fontMetrics().height() + 8
        for rect, value, text in zip(self.bar_rects(), self.values, self.labels, strict=False):
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            above = QRectF(rect.left() - 20, rect.top() - text_h, rect.width() + 40, text_h)
            painter.drawText(above, Qt.AlignmentFlag.AlignCenter, str(value))
            below = QRectF(rect.left() - 20, self.height() - text_h, rect.width() + 40, text_h)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        base = self.height() - text_h
        painter.drawLine(0, base, self.width(), base)
        painter.end()
