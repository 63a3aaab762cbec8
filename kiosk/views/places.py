"""Leisure places near the kiosk, nearest first, with the walking time to each."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content import geo
from kiosk.content.model import Place, Snapshot
from kiosk.services.session import Session
from kiosk.ui.categories import category_label, pictogram
from kiosk.ui.widgets import ChipBar, KineticScrollArea, TapCard, clear_layout, label
from kiosk.views.base import Screen

HERE_M = 50  # closer than this, a place is where the kiosk stands


class PlacesView(Screen):
    name = "places"

    def __init__(self, session: Session, origin: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._origin = origin
        self._snapshot = Snapshot()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 0)
        outer.setSpacing(16)
        self.heading = label(role="display")
        self.hint = label(role="muted")
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
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
        self.heading.setText(self.tr("Sorties et loisirs près d'ici"))
        self.hint.setText(
            self.tr("Du plus proche au plus loin. Temps à pied estimé depuis le Champ Libre, à 4,5 km/h.")
        )
        self._set_chips()
        self._fill()

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._set_chips()
        self._fill()

    def _set_chips(self) -> None:
        counts: dict[str, int] = {}
        for place in self._snapshot.places:
            counts[place.category] = counts.get(place.category, 0) + 1
        chips = [(c, f"{pictogram(c)} {category_label(c)}") for c in sorted(counts, key=lambda c: (-counts[c], c))]
        self.chips.set_chips("✨ " + self.tr("Tout"), chips, self.chips.selected())

    def _fill(self) -> None:
        clear_layout(self.list)
        selected = set(self.chips.selected())
        places = [p for p in self._snapshot.places if not selected or p.category in selected]
        if not places:
            self.list.addWidget(label(self.tr("Aucun lieu à montrer pour le moment."), "title"))
        for place, metres in geo.by_distance(places, *self._origin):
            self.list.addWidget(self._card(place, metres))
        self.list.addStretch(1)

    def _card(self, place: Place, metres: float) -> TapCard:
        lang = self.session.language
        card = TapCard()
        card.setObjectName(f"place-card:{place.id}")
        row = QHBoxLayout(card)
        row.setContentsMargins(20, 16, 20, 16)
        row.setSpacing(20)
        icon = label(pictogram(place.category), "icon", wrap=False)
        row.addWidget(icon)
        text = QVBoxLayout()
        text.addWidget(label(place.name.get(lang), "title"))
        text.addWidget(label(f"{category_label(place.category)} · {place.address}", "muted"))
        if description := place.description.get(lang):
            text.addWidget(label(description))
        row.addLayout(text, 1)
        if metres < HERE_M:
            distance = "📍 " + self.tr("Vous êtes ici")
        else:
            km = self.session.locale.toString(metres / 1000, "f", 1)
            minutes = str(geo.walking_minutes(metres))
            distance = self.tr("%1 km\n%2 min à pied").replace("%1", km).replace("%2", minutes)
        row.addWidget(label(distance, "muted", wrap=False))
        return card
