"""The event detail: everything a visitor needs to decide and to go, as plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.content.links import display_form, mailto_link, safe_link, tagged, tel_link
from kiosk.content.model import Accessibility, Event, RegistrationType, Snapshot, Status
from kiosk.services.session import Session
from kiosk.services.speech import Speech
from kiosk.ui.categories import category_label, pictogram
from kiosk.ui.qr import QrWidget
from kiosk.ui.widgets import KineticScrollArea, button, clear_layout, label
from kiosk.views.base import Screen
from kiosk.views.formatting import full_date, status_label


class EventView(Screen):
    name = "event"
    signupRequested = Signal(str)  # event id: « S'inscrire ici »

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.kiosk_tag: str | None = None  # a kiosk id: web links in QR codes get utm_source=kiosk-<id>
        self.onsite_signup = False  # True once something receives signupRequested
        self._snapshot = Snapshot()
        self._event_id: str | None = None
        self.codes_shown: list[str] = []  # the kinds of QR codes on the page (usage statistics count them)
        self.speech: Speech | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 0)
        self.scroll_area = KineticScrollArea()
        body = QWidget()
        self.read_aloud = button("", None)  # a child of the body from the start: never a window of its own
        self.read_aloud.setParent(body)
        self.read_aloud.setObjectName("event-read-aloud")
        self.read_aloud.clicked.connect(self._read_aloud)
        self.read_aloud.hide()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 0, 16, 32)
        self.body.setSpacing(16)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area)

    def set_speech(self, speech: Speech) -> None:
        """Read aloud (EN 301 549 5.1.3), offered only where a voice for the language is installed."""
        self.speech = speech
        speech.availabilityChanged.connect(self._update_speech)
        self.session.languageChanged.connect(lambda _lang: self._update_speech())
        self._update_speech()

    def _update_speech(self) -> None:
        self.read_aloud.setText("🔊 " + self.tr("Lire à voix haute"))
        shown = self.current_event is not None and self.body.indexOf(self.read_aloud) >= 0
        self.read_aloud.setVisible(shown and self.speech is not None and self.speech.available(self.session.language))

    def spoken_text(self) -> str:
        """What « Lire à voix haute » says: the title, when, where, and the description."""
        event = self.current_event
        if event is None:
            return ""
        lang, now, locale = self.session.language, self.session.now(), self.session.locale
        parts = [event.title.get(lang), full_date(event, now, locale)]
        if event.place is not None:
            parts.append(", ".join(p for p in (event.place.name, event.place.address) if p))
        parts.append(event.description.get(lang))
        return "\n".join(p for p in parts if p)

    def _read_aloud(self) -> None:
        if self.speech is not None:
            self.speech.say(self.spoken_text(), self.session.language)

    def hideEvent(self, event: QHideEvent) -> None:
        """The visitor moved on: stop reading."""
        if self.speech is not None:
            self.speech.stop()
        super().hideEvent(event)

    @property
    def current_event(self) -> Event | None:
        return next((e for e in self._snapshot.events if e.id == self._event_id), None)

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._fill()

    def show_event(self, event_id: str) -> None:
        self._event_id = event_id
        self._fill()
        self.scroll_area.scroll_to_top()

    def retranslate(self) -> None:
        self._fill()

    def _section(self, title: str, text: str) -> None:
        if text.strip():
            self.body.addWidget(label(title, "day"))
            self.body.addWidget(label(text))

    def _fill(self) -> None:
        if self.speech is not None:
            self.speech.stop()
        self.body.removeWidget(self.read_aloud)  # kept across rebuilds of the body
        self.read_aloud.hide()
        clear_layout(self.body)
        self.codes_shown = []
        event = self.current_event
        if event is None:
            self.body.addWidget(label(self.tr("Cet événement n'est plus au programme."), "title"))
            self.body.addWidget(label(self.tr("Touchez « Retour » pour voir les autres."), "muted"))
            self.body.addStretch(1)
            return
        lang, now, locale = self.session.language, self.session.now(), self.session.locale
        kinds = " · ".join(f"{pictogram(c)} {category_label(c)}" for c in event.categories)
        if kinds:
            self.body.addWidget(label(kinds, "muted"))
        title = label(event.title.get(lang), "display")
        title.setObjectName("event-title")
        self.body.addWidget(title)
        self.body.addWidget(self.read_aloud, 0, Qt.AlignmentFlag.AlignLeft)
        self._update_speech()
        when = QHBoxLayout()
        when.addWidget(label("🕒 " + full_date(event, now, locale), "title"), 1)
        if (status := status_label(event.status)) is not None:
            when.addWidget(label(status, "badge-warning", wrap=False))
        elif event.is_happening(now):
            when.addWidget(label(self.tr("En ce moment"), "badge-live", wrap=False))
        self.body.addLayout(when)
        if event.place is not None:
            place = "\n".join(p for p in (event.place.name, event.place.address) if p)
            self._section("📍 " + self.tr("Lieu"), place)
        self._section("ℹ️ " + self.tr("En quelques mots"), event.description.get(lang))
        self._section("♿ " + self.tr("Accessibilité"), self._accessibility(event))
        self._section("🎟️ " + self.tr("Tarifs et conditions"), self._conditions(event))
        self._signup_section(event)
        self.body.addStretch(1)

    def _accessibility(self, event: Event) -> str:
        names = {
            Accessibility.MOTOR: self.tr("Accessible en fauteuil roulant"),
            Accessibility.HEARING: self.tr("Adapté aux personnes sourdes ou malentendantes"),
            Accessibility.VISUAL: self.tr("Adapté aux personnes aveugles ou malvoyantes"),
            Accessibility.PSYCHIC: self.tr("Adapté aux personnes en situation de handicap psychique"),
            Accessibility.INTELLECTUAL: self.tr("Adapté aux personnes en situation de handicap mental"),
        }
        return "\n".join(names[a] for a in Accessibility if a in event.accessibility)

    def _conditions(self, event: Event) -> str:
        lines = [event.conditions.get(self.session.language)]
        if event.age_min is not None and event.age_max is not None:
            lines.append(self.tr("De %1 à %2 ans").replace("%1", str(event.age_min)).replace("%2", str(event.age_max)))
        elif event.age_min is not None:
            lines.append(self.tr("À partir de %1 ans").replace("%1", str(event.age_min)))
        return "\n".join(line for line in lines if line)

    def _registration(self, event: Event) -> str:
        if event.status is Status.CANCELLED:
            return self.tr("Cet événement est annulé : pas d'inscription.")
        if event.status is Status.FULL:
            return self.tr("C'est complet : plus d'inscription possible.")
        names = {
            RegistrationType.LINK: self.tr("Sur internet"),
            RegistrationType.EMAIL: self.tr("Par e-mail"),
            RegistrationType.PHONE: self.tr("Par téléphone"),
        }
        lines = [f"{names[r.type]} : {r.value}" for r in event.registration]
        if not lines and event.url:
            lines.append(f"{names[RegistrationType.LINK]} : {event.url}")
        return "\n".join(lines) or self.tr("Renseignez-vous à l’accueil du Champ Libre.")

    def _signup_section(self, event: Event) -> None:
        """QR codes from the registration entries (link, e-mail, phone) and « S'inscrire ici »."""
        if event.end <= self.session.now():
            return  # over: nothing to sign up for
        self.body.addWidget(label("✍️ " + self.tr("Inscription"), "day"))
        if event.status in (Status.CANCELLED, Status.FULL):
            self.body.addWidget(label(self._registration(event)))
            return
        entries = [(r.type, r.value) for r in event.registration]
        if not entries and event.url:
            entries.append((RegistrationType.LINK, event.url))
        codes = QHBoxLayout()
        codes.setSpacing(24)
        texts: list[str] = []
        for kind, value in entries:
            code = self._code(kind, value)
            if code is not None:
                codes.addWidget(code)
            elif kind is not RegistrationType.LINK:
                texts.append(value)  # an address or number too odd for a code is still worth reading
        codes.addStretch(1)
        if codes.count() > 1:
            self.body.addLayout(codes)
        if texts:
            self.body.addWidget(label("\n".join(texts)))
        if not entries:
            self.body.addWidget(label(self._registration(event)))
        if self.onsite_signup:
            here = button("📝 " + self.tr("S'inscrire ici"), "primary")
            here.setObjectName("signup-here")
            here.clicked.connect(lambda: self.signupRequested.emit(event.id))
            self.body.addWidget(here, 0, Qt.AlignmentFlag.AlignLeft)
            self.body.addWidget(label(self.tr("Pas de téléphone ? Inscrivez-vous sur cet écran."), "muted"))

    def _code(self, kind: RegistrationType, value: str) -> QrWidget | None:
        if kind is RegistrationType.LINK:
            link = safe_link(value)
            if link is not None and self.kiosk_tag:
                link = tagged(link, self.kiosk_tag)
            caption = self.tr("Scannez pour vous inscrire")
        elif kind is RegistrationType.EMAIL:
            link = mailto_link(value)
            caption = self.tr("Scannez pour écrire un e-mail")
        else:
            link = tel_link(value)
            caption = self.tr("Scannez pour appeler")
        if link is None:
            return None
        self.codes_shown.append(kind.value)
        short = value.strip() if kind is not RegistrationType.LINK else display_form(link)
        return QrWidget(link, short, caption)
