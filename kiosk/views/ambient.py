"""Screens for when nobody is using the kiosk: the attract loop, signage, maintenance, and sleep."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.links import display_form, safe_link
from kiosk.content.model import Event, RegistrationType, Snapshot
from kiosk.services.session import Session
from kiosk.ui.categories import pictogram
from kiosk.ui.qr import QrWidget
from kiosk.ui.widgets import label
from kiosk.views.base import Screen
from kiosk.views.formatting import day_heading, time_range

ROTATE_MS = 8000
ROW_SPACING = 20


RowTexts = tuple[str, str, str, str]  # day and time, pictogram and title, sign-up link, the caption beside its code


class _Carousel(Screen):
    """Shows the next events a few at a time, rotating; a touch emits ``touched``.

    A page holds as many events as fit on the screen, at most ``per_page``: at 150 % and 200 % text there
    are fewer on each page and more pages, so every event is still shown in turn (WCAG 1.4.4).
    """

    touched = Signal()
    per_page = 3

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._snapshot = Snapshot()
        self._start = 0  # the first event of the page shown, among the upcoming ones
        self._shown: list[Event] = []
        self._measured = (0, 0)  # the width and height the page was filled for
        self._rows: dict[RowTexts, QWidget] = {}  # the rows on screen, by their texts
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(64, 48, 64, 48)
        self.outer.setSpacing(24)
        self.heading = label(role="display")
        self.outer.addWidget(self.heading)
        self.items = QVBoxLayout()
        self.items.setSpacing(ROW_SPACING)
        self.outer.addLayout(self.items)
        self.outer.addStretch(1)
        self.call = label(role="title")
        self.call.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.outer.addWidget(self.call)
        self._timer = QTimer(self)
        self._timer.setInterval(ROTATE_MS)
        self._timer.timeout.connect(self.next_page)
        # A new text size: the page holds another number of events (once the new style is applied).
        session.appearanceChanged.connect(lambda: QTimer.singleShot(0, self, self._refill))

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._start = 0
        self._fill()

    def next_page(self) -> None:
        self._start += max(1, len(self._shown))
        self._fill()

    def showEvent(self, event: QShowEvent) -> None:
        self._timer.start()
        self._fill()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size() != event.oldSize():
            self._refill()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.touched.emit()
        event.accept()

    def page_events(self) -> list[Event]:
        """The events on the page shown now."""
        return list(self._shown)

    def _refill(self) -> None:
        """Fill the page again if the room for the events changed (a new size, a new text size)."""
        if self.isVisible() and self._room() != self._measured:
            self._fill()

    def _room(self) -> tuple[int, int]:
        """The width and height the events may take: the screen less the heading, the call and the margins."""
        self.ensurePolished()
        margins = self.outer.contentsMargins()
        width = max(1, self.width() - margins.left() - margins.right())
        fixed = sum(part.heightForWidth(width) for part in (self.heading, self.call))
        return width, self.height() - margins.top() - margins.bottom() - fixed - 3 * self.outer.spacing()

    def _sign_up(self, event: Event) -> tuple[str, str]:
        """A link to sign up for ``event`` and the caption beside its code; none here (signage has them)."""
        return "", ""

    def _row_texts(self, event: Event, now: datetime) -> RowTexts:
        locale = self.session.locale
        day = event.start.astimezone(now.tzinfo).date()
        when = f"{day_heading(day, (day - now.date()).days, locale)} · {time_range(event, now, locale)}"
        icon = pictogram(event.categories[0] if event.categories else "")
        return when, f"{icon}  {event.title.get(self.session.language)}", *self._sign_up(event)

    @staticmethod
    def _make_row(texts: RowTexts) -> QWidget:
        """The day and time above the title, and the sign-up code beside them when there is one."""
        when, title, link, caption = texts
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(32)
        column = QVBoxLayout()
        column.setSpacing(4)
        if when:
            column.addWidget(label(when, "muted"))
        column.addWidget(label(title, "title"))
        if link:
            column.addWidget(label(caption, "muted"))
        column.addStretch(1)
        line.addLayout(column, 1)
        if link:
            code = QrWidget(link, display_form(link))
            code.setObjectName("signage-qr")
            code.setAccessibleName(caption)
            line.addWidget(code, 0, Qt.AlignmentFlag.AlignTop)
        row.ensurePolished()  # its fonts, to be measured before it is shown
        return row

    def _row(self, texts: RowTexts, width: int, room: int) -> tuple[RowTexts, QWidget, int]:
        """The row on screen with these texts, or a new one; with its height. A row with a sign-up code that
        does not fit on the screen even alone (the largest text on a small screen) goes without its code."""
        row = self._rows.get(texts) or self._make_row(texts)
        height = row.heightForWidth(width)
        if height > room and texts[2]:
            if texts not in self._rows:
                row.deleteLater()
            return self._row((*texts[:2], "", ""), width, room)
        return texts, row, height

    def _fill(self) -> None:
        """The events from ``_start`` that fit; rows already on screen are kept (a new size may not change them)."""
        upcoming = list(self._snapshot.upcoming(self.session.now()))[:12]
        if self._start >= len(upcoming):
            self._start = 0
        now = self.session.now()
        self._measured = width, room = self._room()
        rows: dict[RowTexts, QWidget] = {}
        shown: list[Event] = []
        used = 0
        for event in upcoming[self._start : self._start + self.per_page]:
            texts, row, height = self._row(self._row_texts(event, now), width, room)
            height += ROW_SPACING if rows else 0
            if rows and used + height > room:  # the page is full: this one opens the next page
                if row not in self._rows.values():
                    row.deleteLater()
                break
            used += height
            rows[texts] = row
            shown.append(event)
        self._shown = shown
        if not upcoming:
            welcome = ("", self.tr("Bienvenue au Champ Libre !"), "", "")
            rows[welcome] = self._rows.get(welcome) or self._make_row(welcome)
        if list(rows) == list(self._rows):
            return
        while (item := self.items.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None and widget not in rows.values():
                widget.hide()
                widget.deleteLater()
        for row in rows.values():
            self.items.addWidget(row)
        self._rows = rows


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

    def _sign_up(self, event: Event) -> tuple[str, str]:
        """Each event open for sign-up with a safe link has its code, in its row."""
        if not event.status.open_for_registration:
            return "", ""
        links = [r.value for r in event.registration if r.type is RegistrationType.LINK]
        link = next((safe for raw in [*links, event.url or ""] if (safe := safe_link(raw)) is not None), None)
        if link is None:
            return "", ""
        return link, "📱 " + self.tr("Pour vous inscrire : visez ce code avec l'appareil photo de votre téléphone.")

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
