"""« Vous êtes toujours là ? »: the warning laid over any screen before the kiosk resets (WCAG 2.2.1)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kiosk.ui.widgets import button, label


class IdleOverlay(QWidget):
    continueRequested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idle-overlay")
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = QFrame()
        card.setProperty("role", "card")
        card.setMinimumWidth(720)
        column = QVBoxLayout(card)
        column.setContentsMargins(48, 40, 48, 40)
        column.setSpacing(24)
        self.question = label(role="display")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.seconds = label(role="title")
        self.seconds.setObjectName("idle-seconds")
        self.seconds.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keep = button(role="primary")
        self.keep.setObjectName("idle-continue")
        self.keep.setMinimumHeight(120)
        self.keep.clicked.connect(self._continue)
        column.addWidget(self.question)
        column.addWidget(self.seconds)
        column.addWidget(self.keep)
        outer.addWidget(card)
        self._left = 0
        parent.installEventFilter(self)  # follow the parent's size, whenever it changes
        self.retranslate()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.setGeometry(parent.rect())
        return False

    def retranslate(self) -> None:
        self.question.setText(self.tr("Vous êtes toujours là ?"))
        self.keep.setText(self.tr("Oui, je continue"))
        self.show_seconds(self._left)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_seconds(self, left: int) -> None:
        self._left = left
        self.seconds.setText(self.tr("Retour à l'accueil dans %n seconde(s).", "", left))

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def _continue(self) -> None:
        self.hide()
        self.continueRequested.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a touch on the dimmed screen is the visitor's answer too; nothing beneath gets it

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._continue()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 150))
        painter.end()
