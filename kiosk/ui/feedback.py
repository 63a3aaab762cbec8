"""« Ce kiosque vous a-t-il été utile ? »: three big faces, one tap, a thank-you, and it is gone.

A card, not a dialog: it never covers what the visitor is doing and needs no answer. The service decides
when it shows (kiosk/services/usage.py): once per visit, on the home screen, after the visitor used the
kiosk. Each face has a word under it (for those who read the faces differently) and an accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.widgets import button, label

FACES = (("yes", "😀"), ("so-so", "😐"), ("no", "🙁"))
THANKS_MS = 4000


class FeedbackCard(QFrame):
    answered = Signal(str)  # "yes", "so-so" or "no"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedback-card")
        self.setProperty("role", "card")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 16, 28, 16)
        row.setSpacing(24)
        self.question = label(role="title")
        self.thanks = label(role="title")
        self.thanks.hide()
        row.addWidget(self.question, 1)
        row.addWidget(self.thanks, 1)
        self.faces: dict[str, QPushButton] = {}
        self.words: dict[str, QLabel] = {}
        for face, emoji in FACES:
            column = QVBoxLayout()
            column.setSpacing(4)
            b = button(emoji, "stepper")
            b.setObjectName(f"feedback-{face}")
            b.clicked.connect(lambda _=False, f=face: self._tap(f))
            word = label(role="muted", wrap=False)
            word.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(b, 0, Qt.AlignmentFlag.AlignHCenter)
            column.addWidget(word)
            row.addLayout(column)
            self.faces[face], self.words[face] = b, word
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(THANKS_MS)
        self._hide_timer.timeout.connect(self.hide)
        self.retranslate()
        self.hide()

    def ask(self) -> None:
        self._hide_timer.stop()
        self.question.show()
        self.thanks.hide()
        for b in self.faces.values():
            b.setEnabled(True)
            b.show()
        for w in self.words.values():
            w.show()
        self.show()

    def withdraw(self) -> None:
        self._hide_timer.stop()
        self.hide()

    def _tap(self, face: str) -> None:
        if not self.faces[face].isEnabled():
            return
        for b in self.faces.values():
            b.setEnabled(False)
            b.hide()
        for w in self.words.values():
            w.hide()
        self.question.hide()
        self.thanks.show()
        self.answered.emit(face)
        self._hide_timer.start()

    def retranslate(self) -> None:
        self.question.setText(self.tr("Ce kiosque vous a-t-il été utile ?"))
        self.thanks.setText("💛 " + self.tr("Merci pour votre réponse !"))
        words = {"yes": self.tr("Oui"), "so-so": self.tr("Un peu"), "no": self.tr("Non")}
        for face, word in words.items():
            self.words[face].setText(word)
            self.faces[face].setAccessibleName(word)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
