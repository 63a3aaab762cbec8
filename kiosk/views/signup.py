"""« S'inscrire ici »: a sign-up form for visitors without a phone, then « C'est noté ! ».

The form checks what is typed (``kiosk.content.signup``) and says what is wrong next to the field,
in plain words. It never writes anything itself: it emits ``signupSubmitted`` and shows the
confirmation only when ``show_recorded`` is called with its key, that is once the sign-up is on
disk. ``clear`` wipes everything typed (the kiosk calls it when the visitor goes home or the kiosk
resets), undo history included.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.model import Event, Snapshot, Status
from kiosk.content.signup import MAX_NAME, MAX_PEOPLE, Problem, make_request, new_key, problems
from kiosk.services.session import Session
from kiosk.ui.widgets import KineticScrollArea, button, label
from kiosk.views.base import Screen
from kiosk.views.formatting import full_date

PRIVATE = (
    Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText  # nothing learnt or remembered
)


def _error() -> QLabel:
    """A message next to a field: hidden while empty, so that it takes no room."""
    widget = label(role="error")
    widget.hide()
    return widget


def _say(target: QLabel, text: str) -> None:
    target.setText(text)
    target.setVisible(bool(text))


class ConsentBox(QCheckBox):
    """A check box the whole width of which answers a finger, not just its square and its words."""

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)


def _stack(*widgets: QWidget) -> QVBoxLayout:
    box = QVBoxLayout()
    box.setSpacing(12)
    for widget in widgets:
        box.addWidget(widget)
    box.addStretch(1)
    return box


def _field(max_length: int, hints: Qt.InputMethodHint) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    edit.setInputMethodHints(PRIVATE | hints)
    edit.setClearButtonEnabled(False)
    edit.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return edit


class SignupView(Screen):
    name = "signup"
    signupSubmitted = Signal(object)  # SignupRequest
    doneRequested = Signal()

    def __init__(
        self, session: Session, purge_days: int = 30, contact: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self._purge_days = purge_days
        self._contact = contact
        self._snapshot = Snapshot()
        self._event_id: str | None = None
        self._key = new_key()
        self._sending = False
        self._people = 1

        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 0)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)
        self._build_form()
        self._build_confirmation()
        self.fewer.clicked.connect(lambda: self._set_people(self._people - 1))
        self.more.clicked.connect(lambda: self._set_people(self._people + 1))
        self.send.clicked.connect(self._submit)
        self.done_button.clicked.connect(self.doneRequested.emit)
        self.first_name.textEdited.connect(lambda: _say(self.name_error, ""))
        self.email.textEdited.connect(lambda: _say(self.email_error, ""))
        self.phone.textEdited.connect(lambda: _say(self.phone_error, ""))
        self.consent.toggled.connect(lambda: _say(self.consent_error, ""))
        self.clear()

    def _build_form(self) -> None:
        self.scroll_area = KineticScrollArea()
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 16, 32)
        column.setSpacing(12)
        self.heading = label(role="display")
        self.when = label(role="title")
        self.unavailable = label(role="title")
        column.addWidget(self.heading)
        column.addWidget(self.when)
        column.addWidget(self.unavailable)

        self.fields = QWidget()
        fields = QVBoxLayout(self.fields)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.setSpacing(12)
        self.name_label = label(role="day")
        self.first_name = _field(MAX_NAME, Qt.InputMethodHint(0))
        self.name_error = _error()
        self.contact_hint = label(role="muted")
        self.email_label = label(role="day")
        self.email = _field(254, Qt.InputMethodHint.ImhEmailCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.email_error = _error()
        self.phone_label = label(role="day")
        self.phone = _field(25, Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.phone_error = _error()
        self.people_label = label(role="day")
        stepper = self._build_stepper()
        self.people_error = _error()
        self.consent = ConsentBox()
        self.consent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.consent_error = _error()
        self.notice = label(role="muted")
        self.send = button(role="primary")
        self.send_error = _error()
        left = _stack(
            self.name_label, self.first_name, self.name_error, self.contact_hint,
            self.email_label, self.email, self.email_error, self.phone_label, self.phone, self.phone_error,
        )  # fmt: skip
        right = _stack(
            self.people_label, stepper, self.people_error, self.notice, self.consent, self.consent_error,
            self.send, self.send_error,
        )  # fmt: skip
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(48)
        self.columns.addLayout(left, 1)
        self.columns.addLayout(right, 1)
        fields.addLayout(self.columns)
        column.addWidget(self.fields)
        column.addStretch(1)
        self.scroll_area.setWidget(form)
        self.pages.addWidget(self.scroll_area)

    def _build_stepper(self) -> QWidget:
        """Big − and + around the number: no tiny spin box."""
        self.fewer = button("−", "stepper")
        self.more = button("+", "stepper")
        self.people_value = label("1", "display", wrap=False)
        self.people_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.people_value.setMinimumWidth(120)
        stepper = QWidget()
        steps = QHBoxLayout(stepper)
        steps.setContentsMargins(0, 0, 0, 0)
        steps.setSpacing(24)
        for part in (self.fewer, self.people_value, self.more):
            steps.addWidget(part)
        steps.addStretch(1)
        return stepper

    def _build_confirmation(self) -> None:
        done = QWidget()
        done_column = QVBoxLayout(done)
        done_column.setSpacing(24)
        self.done_title = label(role="display")
        self.done_text = label(role="title")
        self.done_button = button(role="primary")
        done_column.addStretch(1)
        done_column.addWidget(self.done_title)
        done_column.addWidget(self.done_text)
        done_column.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignLeft)
        done_column.addStretch(2)
        self.pages.addWidget(done)
        self.done_page = done

    # -- state -------------------------------------------------------------------------------------

    @property
    def current_event(self) -> Event | None:
        return next((e for e in self._snapshot.events if e.id == self._event_id), None)

    @property
    def people(self) -> int:
        return self._people

    @property
    def confirmed(self) -> bool:
        return self.pages.currentWidget() is self.done_page

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self.retranslate()

    def show_event(self, event_id: str) -> None:
        """Open the form for ``event_id``; what was typed stays only for the same event, before sending."""
        if event_id != self._event_id or self.confirmed:
            self.clear()
        self._event_id = event_id
        self.retranslate()
        self.scroll_area.scroll_to_top()

    def clear(self) -> None:
        """Forget everything the visitor typed or chose (new key, empty fields, no undo history)."""
        for edit in (self.first_name, self.email, self.phone):
            edit.setText("")  # setText also drops the undo/redo history
            edit.clearFocus()
        for error in (
            self.name_error, self.email_error, self.phone_error, self.people_error, self.consent_error, self.send_error
        ):  # fmt: skip
            _say(error, "")
        self.consent.setChecked(False)
        self._set_people(1)
        self._key = new_key()
        self._sending = False
        self._event_id = None
        self.done_text.clear()
        self.pages.setCurrentIndex(0)
        self.retranslate()

    reset = clear

    # -- the visitor's actions ---------------------------------------------------------------------

    def _set_people(self, people: int) -> None:
        self._people = max(1, min(MAX_PEOPLE, people))
        self.people_value.setText(str(self._people))
        self.fewer.setEnabled(self._people > 1)
        self.more.setEnabled(self._people < MAX_PEOPLE)

    def _submit(self) -> None:
        event = self.current_event
        if event is None or self._sending or not self._open(event):
            return
        found = problems(
            self.first_name.text(), self.email.text(), self.phone.text(), self._people, self.consent.isChecked()
        )
        targets = {
            "name": self.name_error,
            "email": self.email_error,
            "phone": self.phone_error,
            "people": self.people_error,
            "consent": self.consent_error,
        }
        for field_name, target in targets.items():
            problem = found.get(field_name)
            _say(target, "⚠️ " + self.message(problem) if problem else "")
        _say(self.send_error, "")
        if found:
            first = next(w for f, w in targets.items() if f in found)
            self.scroll_area.ensureWidgetVisible(first, 0, 200)
            return
        request = make_request(
            self._key,
            event.id,
            event.title.get(self.session.language),
            event.start,
            self.first_name.text(),
            self.email.text(),
            self.phone.text(),
            self._people,
        )
        self._sending = True
        self.send.setEnabled(False)
        self.send.setText(self.tr("Enregistrement…"))
        self.signupSubmitted.emit(request)

    def show_recorded(self, key: str) -> None:
        """The sign-up ``key`` is on disk: thank the visitor (if it is still this form's)."""
        if key != self._key or not self._sending:
            return
        event = self.current_event
        title = event.title.get(self.session.language) if event else ""
        self._sending = False
        for edit in (self.first_name, self.email, self.phone):
            edit.setText("")
        self.done_text.setText(
            self.tr("Votre inscription à « %1 » est bien enregistrée, pour %2 personne(s).")
            .replace("%1", title)
            .replace("%2", str(self._people))
            + "\n"
            + self.tr("L'équipe du L.I.V.E vous contactera si besoin.")
        )
        self.pages.setCurrentWidget(self.done_page)

    def show_failed(self, key: str) -> None:
        if key != self._key or not self._sending:
            return
        self._sending = False
        self.send.setEnabled(True)
        self.retranslate()
        _say(
            self.send_error,
            "⚠️ " + self.tr("Votre inscription n'a pas pu être enregistrée. Réessayez, ou demandez à l'accueil."),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns on a landscape screen, one above the other in portrait."""
        wide = event.size().width() >= 1300
        self.columns.setDirection(QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    # -- texts -------------------------------------------------------------------------------------

    def message(self, problem: Problem) -> str:
        return {
            Problem.NAME_MISSING: self.tr("Écrivez votre prénom."),
            Problem.NAME_INVALID: self.tr("Ce prénom ne semble pas juste : des lettres, 60 au plus."),
            Problem.CONTACT_MISSING: self.tr(
                "Donnez un e-mail ou un numéro de téléphone, pour qu'on puisse vous répondre."
            ),
            Problem.EMAIL_NO_AT: self.tr("Il manque le signe @ dans l'adresse e-mail."),
            Problem.EMAIL_INVALID: self.tr("Cette adresse e-mail ne semble pas complète. Exemple : prenom@exemple.fr"),
            Problem.PHONE_INVALID: self.tr(
                "Ce numéro ne semble pas juste. Exemples : 06 12 34 56 78 ou +32 470 12 34 56"
            ),
            Problem.PEOPLE_OUT_OF_RANGE: self.tr("De 1 à 10 personnes."),
            Problem.CONSENT_MISSING: self.tr("Cochez la case pour accepter, sinon nous ne pouvons pas vous inscrire."),
        }[problem]

    @staticmethod
    def _open(event: Event) -> bool:
        return event.status not in (Status.CANCELLED, Status.FULL)

    def retranslate(self) -> None:
        event = self.current_event
        self.heading.setText(self.tr("S'inscrire ici"))
        self.when.setText(
            f"{event.title.get(self.session.language)}\n🕒 {full_date(event, self.session.now(), self.session.locale)}"
            if event
            else ""
        )
        open_ = event is not None and self._open(event)
        self.fields.setVisible(open_)
        self.unavailable.setVisible(not open_)
        if event is None:
            self.unavailable.setText(self.tr("Cet événement n'est plus au programme."))
        elif not open_:
            self.unavailable.setText(self.tr("Plus d'inscription possible pour cet événement."))
        self.name_label.setText(self.tr("Votre prénom"))
        self.first_name.setPlaceholderText(self.tr("Par exemple : Camille"))
        self.contact_hint.setText(self.tr("Pour vous répondre, donnez un e-mail ou un numéro de téléphone."))
        self.email_label.setText(self.tr("Votre e-mail"))
        self.email.setPlaceholderText("prenom@exemple.fr")
        self.phone_label.setText(self.tr("ou votre téléphone"))
        self.phone.setPlaceholderText("06 12 34 56 78")
        self.people_label.setText(self.tr("Nombre de personnes"))
        self.fewer.setAccessibleName(self.tr("Une personne de moins"))
        self.more.setAccessibleName(self.tr("Une personne de plus"))
        self.consent.setText(self.tr("J'accepte"))
        contact = self._contact or self.tr("l'accueil du Champ Libre")
        self.notice.setText(
            self.tr(
                "Le L.I.V.E garde votre prénom et votre e-mail ou téléphone seulement pour cette inscription, "
                "et pour vous prévenir en cas de changement. Ils sont effacés au plus tard après %1 jours. "
                "Une question : %2."
            )
            .replace("%1", str(self._purge_days))
            .replace("%2", contact)
        )
        if not self._sending:
            self.send.setText(self.tr("Envoyer mon inscription"))
        self.done_title.setText("✅ " + self.tr("C'est noté !"))
        self.done_button.setText(self.tr("Terminé"))
