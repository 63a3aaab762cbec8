"""A PIN pad with big keys: digits, erase, confirm. The digits typed are shown as dots only."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.widgets import button, label

MAX_DIGITS = 12


class PinPad(QWidget):
    pinEntered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._digits = ""
        # The prompt, the dots and the messages beside the keys: at 200 % text the keys keep their room
        # (one above the other, the pad no longer fitted the screen's height).
        row = QHBoxLayout(self)
        row.setSpacing(48)
        column = QVBoxLayout()
        column.setSpacing(16)
        self.prompt = label(role="title")
        self.dots = label("", "display")
        self.dots.setObjectName("pin-dots")
        self.message = label(role="muted")
        self.message.setObjectName("pin-message")
        column.addWidget(self.prompt)
        column.addWidget(self.dots)
        column.addWidget(self.message)
        column.addStretch(1)
        grid = QGridLayout()
        grid.setSpacing(16)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate(["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]):
            b = button(key, "primary" if key == "OK" else None)
            b.setObjectName(f"pin-key-{key}")
            b.setMinimumSize(120, 96)
            b.clicked.connect(lambda _=False, k=key: self._press(k))
            grid.addWidget(b, index // 3, index % 3)
            self.keys[key] = b
        keys = QVBoxLayout()
        keys.addLayout(grid)
        keys.addStretch(1)
        row.addLayout(column, 2)
        row.addLayout(keys)
        row.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Code de l'équipe"))
        self.keys["⌫"].setAccessibleName(self.tr("Effacer"))
        self.keys["OK"].setAccessibleName(self.tr("Valider"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def clear(self, message: str = "") -> None:
        self._digits = ""
        self.dots.setText("")
        self.message.setText(message)

    def set_locked(self, seconds: int) -> None:
        for key in self.keys.values():
            key.setEnabled(seconds <= 0)
        if seconds > 0:
            self.message.setText(self.tr("Trop d'essais. Réessayez dans %1 s.").replace("%1", str(seconds)))

    def _press(self, key: str) -> None:
        if key == "⌫":
            self._digits = self._digits[:-1]
        elif key == "OK":
            digits, self._digits = self._digits, ""
            self.dots.setText("")
            self.pinEntered.emit(digits)
            return
        elif len(self._digits) < MAX_DIGITS:
            self._digits += key
        self.dots.setText(" ".join("●" * len(self._digits)))  # spaced: a long code wraps at 200 %
