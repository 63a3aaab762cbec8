"""The activity a team is playing: one step at a time, with a progress bar, then the end screen.

The screen renders the discovery service's game and forwards taps to it; it is rebuilt at each
``changed``. « Lire à voix haute » appears only when a voice can read the visitor's language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.content.links import display_form, safe_link
from kiosk.services.discovery import DiscoveryService, Game
from kiosk.services.session import Session
from kiosk.services.speech import Speech
from kiosk.ui.qr import QrWidget
from kiosk.ui.widgets import KineticScrollArea, button, clear_layout, label
from kiosk.views.activity_steps import StepPanel, build_panel
from kiosk.views.base import Screen
from kiosk.views.discovery import team_name


class ActivityView(Screen):
    name = "activity"
    anotherRequested = Signal()  # « Choisir une autre activité » on the end screen

    def __init__(
        self,
        session: Session,
        discovery: DiscoveryService,
        speech: Speech | None,
        images: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.discovery = discovery
        self.speech = speech
        self.images = images
        self.panel: StepPanel | None = None
        self.spoken: list[str] = []
        self._shown_step: tuple[int, int] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 20, 48, 16)
        outer.setSpacing(12)
        top = QHBoxLayout()
        self.team = label(role="title", wrap=False)
        self.team.setObjectName("activity-team")
        self.counter = label(role="muted", wrap=False)
        self.counter.setObjectName("step-counter")
        self.read_aloud = button(role=None)
        self.read_aloud.setObjectName("read-aloud")
        self.read_aloud.clicked.connect(self._read_aloud)
        top.addWidget(self.team)
        top.addStretch(1)
        top.addWidget(self.counter)
        top.addSpacing(24)
        top.addWidget(self.read_aloud)
        outer.addLayout(top)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setTextVisible(False)
        outer.addWidget(self.progress)
        self.scroll_area = KineticScrollArea()
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 8, 16, 16)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        outer.addLayout(self._step_buttons())
        discovery.changed.connect(self._fill)
        discovery.ended.connect(self._fill)
        if speech is not None:
            speech.availabilityChanged.connect(self._update_speech)
        session.languageChanged.connect(lambda _lang: self._update_speech())
        self.retranslate()

    def _step_buttons(self) -> QHBoxLayout:
        """« Étape précédente », « Suivant », and on the end screen « Choisir une autre activité »."""
        steps = QHBoxLayout()
        self.previous = button(role=None)
        self.previous.setObjectName("step-previous")
        self.previous.clicked.connect(self.discovery.previous_step)
        self.next = button(role="primary")
        self.next.setObjectName("step-next")
        self.next.clicked.connect(self.discovery.next_step)
        self.another = button(role="primary")
        self.another.setObjectName("another-activity")
        self.another.clicked.connect(self.anotherRequested.emit)
        steps.addWidget(self.previous)
        steps.addStretch(1)
        steps.addWidget(self.next)
        steps.addWidget(self.another)
        return steps

    def retranslate(self) -> None:
        self.read_aloud.setText("🔊 " + self.tr("Lire à voix haute"))
        self.previous.setText("⬅  " + self.tr("Étape précédente"))
        self.another.setText("🧭  " + self.tr("Choisir une autre activité"))
        self._fill()

    def _update_speech(self) -> None:
        can = self.speech is not None and self.speech.available(self.session.language)
        self.read_aloud.setVisible(can and self.discovery.game is not None)

    def _read_aloud(self) -> None:
        if self.speech is not None:
            self.speech.say("\n".join(self.spoken), self.session.language)

    def _fill(self) -> None:
        if self.speech is not None:
            self.speech.stop()
        clear_layout(self.body)
        self.panel = None
        game = self.discovery.game
        self._update_speech()
        if game is None:
            self.team.setText("")
            self.counter.setText("")
            self.progress.setValue(0)
            for b in (self.previous, self.next, self.another):
                b.hide()
            self.body.addWidget(label(self.tr("Choisissez une activité pour commencer."), "title"))
            self.body.addStretch(1)
            return
        self.team.setText(team_name(game.team))
        self.progress.setRange(0, len(game.steps))
        if game.finished:
            self._fill_end(game)
            return
        self.progress.setValue(game.index + 1)
        self.counter.setText(
            self.tr("Étape %1 sur %2").replace("%1", str(game.index + 1)).replace("%2", str(len(game.steps)))
        )
        self.panel = build_panel(game, self.discovery, self.session.language, self.images)
        self.spoken = self.panel.spoken
        self.body.addWidget(self.panel)
        last = game.index + 1 == len(game.steps)
        self.next.setText(self.tr("Voir notre score  🏁") if last else self.tr("Suivant  ➡"))
        self.next.setEnabled(self.discovery.can_go_on())
        self.previous.setVisible(True)
        self.previous.setEnabled(game.index > 0)
        self.next.setVisible(True)
        self.another.setVisible(False)
        where = (id(game), game.index)
        if where != self._shown_step:  # a new step starts at its top; an answer keeps the place in view
            self._shown_step = where
            self.scroll_area.scroll_to_top()

    def _fill_end(self, game: Game) -> None:
        lang = self.session.language
        self.progress.setValue(len(game.steps))
        self.counter.setText(self.tr("Terminé !"))
        score, questions = game.score, game.questions
        ratio = score / questions if questions else 1.0
        if ratio >= 0.8:
            badge, badge_name = "🏆", self.tr("Badge Super-explorateurs")
        elif ratio >= 0.5:
            badge, badge_name = "🥇", self.tr("Badge Explorateurs")
        else:
            badge, badge_name = "🌱", self.tr("Badge Jeunes pousses : continuez à explorer !")
        row = QHBoxLayout()  # the score and badge; the take-home code beside them
        row.setSpacing(48)
        column = QVBoxLayout()
        column.setSpacing(12)
        row.addLayout(column, 1)
        self.body.addLayout(row)
        title = label(self.tr("Bravo, %1 !").replace("%1", team_name(game.team)), "display")
        title.setObjectName("end-title")
        column.addWidget(title)
        column.addWidget(label(game.activity.title.get(lang), "muted"))
        score_text = self.tr("%1 bonnes réponses du premier coup sur %2").replace("%1", str(score))
        score_label = label(score_text.replace("%2", str(questions)), "title")
        score_label.setObjectName("end-score")
        column.addWidget(score_label)
        badge_row = QHBoxLayout()
        badge_row.addWidget(label(badge, "badge-big", wrap=False))
        badge_label = label(badge_name, "title")
        badge_label.setObjectName("end-badge")
        badge_row.addWidget(badge_label, 1)
        column.addLayout(badge_row)
        column.addStretch(1)
        self.spoken = [title.text(), score_label.text(), badge_name]
        link = safe_link(game.activity.take_home_url) if game.activity.take_home_url else None
        if link is not None:
            take_home = QVBoxLayout()
            take_home.addWidget(label("🏠 " + self.tr("À refaire à la maison, avec vos parents :"), "title"))
            code = QrWidget(link, display_form(link))
            code.setObjectName("take-home-qr")
            code.short.setObjectName("take-home-url")
            take_home.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
            take_home.addStretch(1)
            row.addLayout(take_home)
        self.body.addStretch(1)
        self.previous.setVisible(True)
        self.previous.setEnabled(True)
        self.next.setVisible(False)
        self.another.setVisible(True)
