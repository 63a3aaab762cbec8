"""The programme: upcoming events by day, filtered by category chips."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.content.model import Snapshot
from kiosk.content.programme import categories_of, group_by_day, with_categories
from kiosk.services.session import Session
from kiosk.ui.categories import category_label, pictogram
from kiosk.ui.widgets import ChipBar, KineticScrollArea, clear_layout, label
from kiosk.views.base import Screen
from kiosk.views.cards import EventCard
from kiosk.views.formatting import day_heading


class ProgrammeView(Screen):
    name = "programme"

    eventChosen = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._snapshot = Snapshot()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 0)
        outer.setSpacing(16)
        self.heading = label(role="display")
        outer.addWidget(self.heading)
        self.chips = ChipBar()
        self.chips.selectionChanged.connect(lambda _sel: self._fill())
        outer.addWidget(self.chips)
        self.scroll_area = KineticScrollArea()
        body = QWidget()
        self.list = QVBoxLayout(body)
        self.list.setContentsMargins(0, 0, 16, 32)
        self.list.setSpacing(12)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Le programme du lab"))
        self._set_chips()
        self._fill()

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._set_chips()
        self._fill()

    def select_categories(self, categories: list[str]) -> None:
        self._set_chips(categories)
        self._fill()

    def _set_chips(self, selected: list[str] | None = None) -> None:
        categories = categories_of(self._snapshot.events)
        chips = [(c, f"{pictogram(c)} {category_label(c)}") for c in categories]
        self.chips.set_chips("✨ " + self.tr("Tout"), chips, self.chips.selected() if selected is None else selected)

    def _fill(self) -> None:
        clear_layout(self.list)
        now = self.session.now()
        events = with_categories(self._snapshot.events, self.chips.selected())
        days = group_by_day(events, now, self.session.tz)
        if not days:
            message = (
                self.tr("Rien dans ces catégories pour le moment. Touchez « Tout » pour tout voir.")
                if self.chips.selected()
                else self.tr("Aucun événement à venir pour le moment. Revenez bientôt !")
            )
            self.list.addWidget(label(message, "title"))
        for day in days:
            heading = label(day_heading(day.date, day.offset, self.session.locale), "day")
            heading.setObjectName(f"day:{day.date.isoformat()}")
            self.list.addWidget(heading)
            for event in day.events:
                card = EventCard(event, now, self.session.language, self.session.locale)
                card.tapped.connect(lambda eid=event.id: self.eventChosen.emit(eid))
                self.list.addWidget(card)
        self.list.addStretch(1)
