"""The header (name of the place, clock, freshness) and the navigation bar present on every screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.ui.widgets import button, label


class Header(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Header")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 12, 32, 12)
        self.logo = label("L.I.V.E", "title", wrap=False)
        self.logo.setObjectName("logo")
        self.place = label("", None, wrap=False)
        self.freshness = label("", "muted", wrap=False)
        self.freshness.setObjectName("freshness")
        self.clock = label("", "title", wrap=False)
        self.clock.setObjectName("clock")
        row.addWidget(self.logo)
        row.addSpacing(16)
        row.addWidget(self.place)
        row.addStretch(1)
        row.addWidget(self.freshness)
        row.addSpacing(24)
        row.addWidget(self.clock)


class NavBar(QWidget):
    """« Accueil » and « Retour », always in the same place, at the bottom within reach."""

    homeRequested = Signal()
    backRequested = Signal()
    textSizeRequested = Signal()
    contrastRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self)
        row.setContentsMargins(32, 12, 32, 12)
        row.setSpacing(24)
        self.back = button(role=None)
        self.back.setObjectName("nav-back")
        self.home = button(role="primary")
        self.home.setObjectName("nav-home")
        self.text_size = button("A+")
        self.text_size.setObjectName("nav-text-size")
        self.contrast = button("◐")
        self.contrast.setObjectName("nav-contrast")
        self.contrast.setCheckable(True)
        self.back.clicked.connect(self.backRequested.emit)
        self.home.clicked.connect(self.homeRequested.emit)
        self.text_size.clicked.connect(self.textSizeRequested.emit)
        self.contrast.clicked.connect(self.contrastRequested.emit)
        for b in (self.back, self.home):
            b.setMinimumWidth(260)
        row.addWidget(self.back)
        row.addStretch(1)
        row.addWidget(self.text_size)
        row.addWidget(self.contrast)
        row.addStretch(1)
        row.addWidget(self.home)
        self.retranslate()

    def retranslate(self) -> None:
        self.back.setText("⬅  " + self.tr("Retour"))
        self.home.setText("🏠  " + self.tr("Accueil"))
        self.text_size.setAccessibleName(self.tr("Agrandir le texte"))
        self.contrast.setText("◐  " + self.tr("Contraste"))
        self.contrast.setAccessibleName(self.tr("Contraste élevé"))

    def show_text_scale(self, scale: float) -> None:
        self.text_size.setText(f"A+  {round(scale * 100)} %")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
