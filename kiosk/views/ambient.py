"""Screens for when nobody is using the kiosk: the attract loop, signage, maintenance, and sleep."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.links import display_form, safe_link
from kiosk.content.model import Event, RegistrationType, Snapshot
from kiosk.services.session import Session
from kiosk.ui.categories import pictogram
from kiosk.ui.qr import QrWidget
from kiosk.ui.widgets import clear_layout, label
from kiosk.views.base import Screen
from kiosk.views.formatting import day_heading, time_range

ROTATE_MS = 8000


class _Carousel(Screen):
    """Shows the next events one group at a time, rotating; a touch emits ``touched``."""

    touched = Signal()
    per_page = 3

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._snapshot = Snapshot()
        self._page = 0
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(64, 48, 64, 48)
        self.outer.setSpacing(24)
        self.heading = label(role="display")
        self.outer.addWidget(self.heading)
        self.items = QVBoxLayout()
        self.items.setSpacing(20)
        row = QHBoxLayout()
        row.addLayout(self.items, 1)
        self.aside = QVBoxLayout()  # the signage screen's QR code
        row.addLayout(self.aside)
        self.outer.addLayout(row)
        self.outer.addStretch(1)
        self.call = label(role="title")
        self.call.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer.addWidget(self.call)
        self._timer = QTimer(self)
        self._timer.setInterval(ROTATE_MS)
        self._timer.timeout.connect(self.next_page)

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._page = 0
        self._fill()

    def next_page(self) -> None:
        self._page += 1
        self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        self._fill()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.touched.emit()
        event.accept()

    def page_events(self) -> list[Event]:
        """The events on the page shown now."""
        upcoming = list(self._snapshot.upcoming(self.session.now()))[:12]
        pages = max(1, (len(upcoming) + self.per_page - 1) // self.per_page)
        start = (self._page % pages) * self.per_page
        return upcoming[start : start + self.per_page]

    def _fill(self) -> None:
        clear_layout(self.items)
        now = self.session.now()
        shown = self.page_events()
        if not shown:
            self.items.addWidget(label(self.tr("Bienvenue au Champ Libre !"), "title"))
            return
        lang, locale = self.session.language, self.session.locale
        for event in shown:
            day = event.start.astimezone(now.tzinfo).date()
            when = f"{day_heading(day, (day - now.date()).days, locale)} · {time_range(event, now, locale)}"
            icon = pictogram(event.categories[0] if event.categories else "")
            self.items.addWidget(label(when, "muted"))
            self.items.addWidget(label(f"{icon}  {event.title.get(lang)}", "title"))


class AttractView(_Carousel):
    """The attract loop: the next events, in turn, and an invitation to touch."""

    name = "attract"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Bientôt au Champ Libre"))
        self.call.setText("👆 " + self.tr("Touchez l'écran pour commencer"))
        self._fill()


class SignageView(_Carousel):
    """Affichage: the programme on a loop; a touch only says who to ask (unless the mode allows more)."""

    name = "signage"
    per_page = 4

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._notice = QTimer(self)
        self._notice.setSingleShot(True)
        self._notice.setInterval(4000)
        self._notice.timeout.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Au programme du L.I.V.E"))
        self.call.setText(self.tr("Le programme complet est à l'accueil du Champ Libre."))
        self._fill()

    def _fill(self) -> None:
        super()._fill()
        clear_layout(self.aside)
        for event in self.page_events():
            links = [r.value for r in event.registration if r.type is RegistrationType.LINK]
            link = next((safe for raw in [*links, event.url or ""] if (safe := safe_link(raw)) is not None), None)
            if link is not None and event.status.open_for_registration:
                caption = self.tr("Scannez pour vous inscrire à « %1 »").replace(
                    "%1", event.title.get(self.session.language)
                )
                code = QrWidget(link, display_form(link), caption)
                code.setObjectName("signage-qr")
                code.setMaximumWidth(420)
                self.aside.addWidget(code)
                break
        self.aside.addStretch(1)

    def show_call_staff(self) -> None:
        self.call.setText("🙋 " + self.tr("Appelez un animateur : il vous aidera avec plaisir."))
        self._notice.start()


class MaintenanceView(Screen):
    """Hors service: said kindly, with where to go instead."""

    name = "maintenance"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(96, 96, 96, 96)
        column.addStretch(1)
        self.title = label(role="display")
        self.text = label(role="title")
        for widget in (self.title, self.text):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(widget)
        column.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText("🛠️ " + self.tr("Le kiosque fait une pause"))
        self.text.setText(self.tr("Nous le remettons en forme. L'équipe de l'accueil est là pour vous renseigner."))


class SleepView(Screen):
    """Outside opening hours: a black screen (the display itself is switched off when it can be)."""

    name = "sleep"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setStyleSheet("background: black;")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
