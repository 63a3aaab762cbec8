"""What every screen shares: a name for navigation and retranslation on language change."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.services.session import Session


class Screen(QWidget):
    """A full screen of the kiosk. Subclasses build widgets once and fill texts in ``retranslate``."""

    name = "screen"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        # A screen takes the room the window gives it and scrolls what does not fit: its content never
        # makes the window (and so the other screens) grow beyond the display.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.session = session

    def retranslate(self) -> None:
        """Set every visible string again, in the current language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
