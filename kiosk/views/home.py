"""The home screen: three big doors (programme, leisure map, discovery), what's on soon, languages."""

from __future__ import annotations

from PySide6.QtCore import Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import Snapshot
from kiosk.services.session import Session
from kiosk.ui.widgets import KineticScrollArea, Tile, button, clear_layout, label
from kiosk.views.base import Screen
from kiosk.views.cards import EventCard

LANGUAGE_NAMES = {"fr": "Français", "en": "English", "nl": "Nederlands"}  # each in its own language
HIGHLIGHTS = 3


class HomeView(Screen):
    name = "home"

    programmeRequested = Signal()
    mapRequested = Signal()
    discoveryRequested = Signal()
    eventChosen = Signal(str)
    languageChosen = Signal(str)

    def __init__(self, session: Session, languages: list[str], parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._snapshot = Snapshot()
        self.scroll_area = KineticScrollArea()
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        frame.addWidget(self.scroll_area)
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(48, 24, 48, 24)
        outer.setSpacing(20)
        self.scroll_area.setWidget(body)

        self.top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        greeting = QVBoxLayout()
        self.welcome = label(role="display")
        self.tagline = label(role="muted")
        greeting.addWidget(self.welcome)
        greeting.addWidget(self.tagline)
        self.top.addLayout(greeting, 1)
        langs = QVBoxLayout()
        self.language_label = label("Langue · Language · Taal", "muted", wrap=False)
        langs.addWidget(self.language_label)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.language_buttons: dict[str, QPushButton] = {}
        for code in languages:
            b = button(LANGUAGE_NAMES[code], "chip")
            b.setObjectName(f"lang-{code}")
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, c=code: self.languageChosen.emit(c))
            row.addWidget(b)
            self.language_buttons[code] = b
        langs.addLayout(row)
        self.top.addLayout(langs)
        outer.addLayout(self.top)

        self.tiles = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.tiles.setSpacing(24)
        self.programme_tile = self._tile("📅", self.programmeRequested, "tile-programme")
        self.map_tile = self._tile("🗺️", self.mapRequested, "tile-map")
        self.discovery_tile = self._tile("🧭", self.discoveryRequested, "tile-discovery")
        outer.addLayout(self.tiles)

        self.today_title = label(role="title")
        outer.addWidget(self.today_title)
        self.today = QVBoxLayout()
        self.today.setSpacing(12)
        outer.addLayout(self.today)
        outer.addStretch(1)
        self._outer = outer
        session.languageChanged.connect(self._mark_language)
        session.appearanceChanged.connect(self._arrange)
        self._mark_language(session.language)
        self.retranslate()

    def add_feedback(self, card: QWidget) -> None:
        """The one-tap feedback card (kiosk/ui/feedback.py), under the big doors."""
        self._outer.insertWidget(self._outer.indexOf(self.today_title), card)

    def _tile(self, icon: str, signal: SignalInstance, name: str) -> Tile:
        tile = Tile(icon)
        tile.setObjectName(name)
        tile.clicked.connect(signal.emit)
        self.tiles.addWidget(tile, 1)
        return tile

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Bienvenue au Champ Libre"))
        self.tagline.setText(
            self.tr(
                "Le L.I.V.E est un lieu pour imaginer ensemble la ville de demain. "
                "Touchez un grand bouton pour commencer."
            )
        )
        self.programme_tile.set_texts(self.tr("Le programme"), self.tr("Les ateliers et les rencontres"))
        self.map_tile.set_texts(
            self.tr("Sorties près d'ici"), self.tr("Musées, parcs, sport… et le chemin pour y aller")
        )
        self.discovery_tile.set_texts(self.tr("Activités découverte"), self.tr("Des jeux en équipe pour les classes"))
        self.today_title.setText(self.tr("Bientôt au Champ Libre"))
        self._fill_today()

    def set_mode(self, mode: str) -> None:
        """In Découverte mode (school groups), the activities come first."""
        first = self.discovery_tile if mode == "decouverte" else self.programme_tile
        self.tiles.removeWidget(first)
        self.tiles.insertWidget(0, first, 1)
        self.discovery_tile.setProperty("role", "tile-highlight" if mode == "decouverte" else "tile")
        self.discovery_tile.style().unpolish(self.discovery_tile)
        self.discovery_tile.style().polish(self.discovery_tile)

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self.discovery_tile.setVisible(bool(snapshot.activities))
        self._fill_today()

    def _fill_today(self) -> None:
        clear_layout(self.today)
        now = self.session.now()
        upcoming = list(self._snapshot.upcoming(now))[:HIGHLIGHTS]
        if not upcoming:
            self.today.addWidget(label(self.tr("Le programme arrive. Revenez dans un instant."), "muted"))
        for event in upcoming:
            card = EventCard(event, now, self.session.language, self.session.locale, with_day=True)
            card.tapped.connect(lambda eid=event.id: self.eventChosen.emit(eid))
            self.today.addWidget(card)

    def _mark_language(self, language: str) -> None:
        for code, b in self.language_buttons.items():
            b.setChecked(code == language)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()
        super().resizeEvent(event)

    def _arrange(self) -> None:
        """Side by side in landscape; stacked in portrait, or when the visitor made the text larger."""
        narrow = self.height() > self.width() or self.session.text_scale > 1
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        for box in (self.tiles, self.top):
            if box.direction() != direction:
                box.setDirection(direction)
