"""One leisure place, in full: what it is, when it opens, how far it is, and how to get there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content import geo
from kiosk.content.links import display_form, safe_link
from kiosk.content.model import Accessibility, Place, Stop
from kiosk.services.session import Session
from kiosk.services.speech import Speech
from kiosk.ui.categories import category_label, pictogram
from kiosk.ui.qr import QrWidget
from kiosk.ui.widgets import KineticScrollArea, button, label

NEAREST_STOPS = 3


class PlaceDetail(QWidget):
    """The native detail panel beside the map; ``closed`` when the visitor goes back to the list."""

    closed = Signal()

    def __init__(self, session: Session, origin: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.origin = origin
        self.place: Place | None = None
        self._stops: list[tuple[Stop, float]] = []
        self.speech: Speech | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(12)
        self.back = button()
        self.back.setObjectName("place-detail-back")
        self.back.clicked.connect(self.closed)
        outer.addWidget(self.back)
        self.scroll_area = KineticScrollArea()
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 16, 32)
        column.setSpacing(14)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        def named(name: str, role: str | None = None) -> QLabel:
            widget = label(role=role)
            widget.setObjectName(name)
            column.addWidget(widget)
            return widget

        column.addLayout(self._head())
        self.read_aloud = self._speaker_button()
        column.addWidget(self.read_aloud, 0, Qt.AlignmentFlag.AlignLeft)
        self.kind = named("place-category", "muted")
        self.description = named("place-description")
        self.hours_title = named("place-hours-title", "day")
        self.hours = named("place-hours")
        self.access_title = named("place-access-title", "day")
        self.access = named("place-access")
        self.distance_title = named("place-distance-title", "day")
        self.distance = named("place-distance")
        self.method = named("place-distance-method", "muted")
        self.stops_title = named("place-stops-title", "day")
        self.stops = named("place-stops")
        self.route_title = named("place-route-title", "day")
        self.route_hint = named("place-route-hint", "muted")
        self.qr = QrWidget("", "")
        self.qr.setObjectName("place-route-qr")
        column.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        session.languageChanged.connect(lambda _lang: self.retranslate())  # names and texts in the new language
        self.retranslate()

    def _head(self) -> QHBoxLayout:
        """The category's pictogram beside the place's name."""
        head = QHBoxLayout()
        self.icon = label(role="icon", wrap=False)
        self.name = label(role="title")
        self.name.setObjectName("place-name")
        head.addWidget(self.icon)
        head.addWidget(self.name, 1)
        return head

    def _speaker_button(self) -> QPushButton:
        speaker = button()
        speaker.setObjectName("place-read-aloud")
        speaker.clicked.connect(self._read_aloud)
        speaker.hide()
        return speaker

    def set_speech(self, speech: Speech) -> None:
        """Read aloud (EN 301 549 5.1.3), offered only where a voice for the language is installed."""
        self.speech = speech
        speech.availabilityChanged.connect(self._update_speech)
        self._update_speech()

    def _update_speech(self) -> None:
        self.read_aloud.setText("🔊 " + self.tr("Lire à voix haute"))
        can = self.speech is not None and self.speech.available(self.session.language)
        self.read_aloud.setVisible(can and self.place is not None)

    def spoken_text(self) -> str:
        """What « Lire à voix haute » says: the name, what and where, then each section with its title."""
        place = self.place
        if place is None:
            return ""
        parts = [self.name.text(), self.kind.text(), self.description.text()]
        for title, body in (
            (self.hours_title, self.hours),
            (self.access_title, self.access),
            (self.distance_title, self.distance),
        ):
            if body.text():
                parts.append(f"{title.text()} : {body.text()}")
        if self._stops:
            names = ", ".join(stop.name for stop, _metres in self._stops)
            parts.append(f"{self.stops_title.text()} : {names}")
        return "\n".join(p for p in parts if p)

    def _read_aloud(self) -> None:
        if self.speech is not None:
            self.speech.say(self.spoken_text(), self.session.language)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """The visitor went back to the list or left the map: stop reading."""
        if self.speech is not None:
            self.speech.stop()
        super().hideEvent(event)

    def show_place(self, place: Place, stops: Sequence[Stop]) -> None:
        if self.speech is not None:
            self.speech.stop()  # another place: the last one's reading ends
        self.place = place
        self._stops = geo.nearest(stops, place.lat, place.lon, NEAREST_STOPS)
        self.retranslate()
        self.scroll_area.scroll_to_top()

    @property
    def route_url(self) -> str:
        if self.place is None:
            return ""
        return geo.walking_route_url(self.origin, (self.place.lat, self.place.lon))

    def retranslate(self) -> None:
        self.back.setText("← " + self.tr("Toute la liste"))
        self.hours_title.setText(self.tr("Horaires"))
        self.access_title.setText(self.tr("Accessibilité"))
        self.distance_title.setText(self.tr("Depuis la borne"))
        self.method.setText(
            self.tr(
                "Distance à vol d'oiseau. Le temps à pied compte 30 % de chemin en plus pour suivre les rues, "
                "à 4,5 km/h."
            )
        )
        self.stops_title.setText(self.tr("Arrêts de bus, tram et métro les plus proches"))
        self.route_title.setText(self.tr("Itinéraire sur votre téléphone"))
        self._update_speech()
        place = self.place
        if place is None:
            return
        if self.speech is not None:
            self.speech.stop()  # the text changes (another language): what was being read is stale
        lang = self.session.language
        self.icon.setText(pictogram(place.category))
        self.name.setText(place.name.get(lang))
        self.kind.setText(" · ".join(p for p in (category_label(place.category), place.address) if p))
        self._section(self.description, None, place.description.get(lang))
        self._section(self.hours, self.hours_title, place.opening_hours.get(lang))
        self._section(self.access, self.access_title, self._accessibility(place))
        metres = geo.distance_m(*self.origin, place.lat, place.lon)
        self.distance.setText(self._distance_text(metres))
        self._section(self.stops, self.stops_title, self._stops_text())
        self.route_hint.setText(
            self.tr("Visez ce code avec l'appareil photo de votre téléphone : le trajet à pied s'ouvre.")
        )
        link = safe_link(self.route_url)  # our own URL, checked like any other before it becomes a code
        self.qr.code.set_text(link or "")
        self.qr.short.setText(display_form(link) if link else "")
        self.qr.setVisible(link is not None)

    @staticmethod
    def _section(body: QLabel, title: QLabel | None, text: str) -> None:
        body.setText(text)
        body.setVisible(bool(text))
        if title is not None:
            title.setVisible(bool(text))

    def _distance_text(self, metres: float) -> str:
        minutes = str(geo.walking_minutes(metres))
        if metres < 1000:
            distance = self.tr("%1 m").replace("%1", str(round(metres / 10) * 10))
        else:
            distance = self.tr("%1 km").replace("%1", self.session.locale.toString(metres / 1000, "f", 1))
        return self.tr("%1 à vol d'oiseau, environ %2 min à pied").replace("%1", distance).replace("%2", minutes)

    def _stops_text(self) -> str:
        rows = []
        for stop, metres in self._stops:
            row = f"🚏 {stop.name} — {round(metres / 10) * 10} m"
            if stop.lines:
                row += " — " + self.tr("lignes %1").replace("%1", ", ".join(stop.lines))
            rows.append(row)
        return "\n".join(rows)

    def _accessibility(self, place: Place) -> str:
        names = {
            Accessibility.MOTOR: self.tr("Accessible en fauteuil roulant"),
            Accessibility.HEARING: self.tr("Adapté aux personnes sourdes ou malentendantes"),
            Accessibility.VISUAL: self.tr("Adapté aux personnes aveugles ou malvoyantes"),
            Accessibility.PSYCHIC: self.tr("Adapté aux personnes en situation de handicap psychique"),
            Accessibility.INTELLECTUAL: self.tr("Adapté aux personnes en situation de handicap mental"),
        }
        return "\n".join(names[a] for a in Accessibility if a in place.accessibility)
