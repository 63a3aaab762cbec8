"""The activity a team is playing: one step at a time, with a progress bar, then the end screen.

The screen renders the discovery service's game and forwards taps to it; it is rebuilt at each
``changed``. « Lire à voix haute » appears only when a voice can read the visitor's language.
A map step shows the real leisure map beside its question (``ActivityMap``, kept for the game only:
it is not rebuilt at each tap), or the place cards when the map cannot be shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from kiosk.content.links import display_form, safe_link
from kiosk.content.model import MapStep
from kiosk.services.discovery import DiscoveryService, Game
from kiosk.services.map import MapPageService
from kiosk.services.session import Session
from kiosk.services.speech import Speech
from kiosk.services.tiles import TileService
from kiosk.ui.qr import QrWidget
from kiosk.ui.widgets import KineticScrollArea, button, clear_layout, label
from kiosk.views.activity_map import ActivityMap
from kiosk.views.activity_steps import MapPanel, StepPanel, build_panel
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
        *,
        map_pages: MapPageService | None = None,
        tiles: TileService | None = None,
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
        outer.addLayout(self._stage(ActivityMap(map_pages, tiles)), 1)
        outer.addLayout(self._step_buttons())
        discovery.changed.connect(self._fill)
        discovery.ended.connect(self._fill)
        if speech is not None:
            speech.availabilityChanged.connect(self._update_speech)
        session.languageChanged.connect(lambda _lang: self._update_speech())
        session.languageChanged.connect(self.map.set_language)
        self.retranslate()

    def _stage(self, board: ActivityMap) -> QBoxLayout:
        """The step in a scroll area; on a map step, the map beside it (below it in portrait)."""
        self.scroll_area = KineticScrollArea()
        body = QWidget()
        self.body = QVBoxLayout(body)
        self.body.setContentsMargins(0, 8, 16, 16)
        self.scroll_area.setWidget(body)
        self._follow_latest = False
        self.scroll_area.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self._show_latest())
        self.stage = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.stage.setSpacing(24)
        self.stage.addWidget(self.scroll_area, 2)
        self.map = board
        board.hide()
        board.placeTapped.connect(self._map_tapped)
        board.readyChanged.connect(self._map_ready_changed)
        self.stage.addWidget(board, 3)
        return self.stage

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
        self.map.retranslate()
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
        on_map = game is not None and not game.finished and isinstance(game.step, MapStep) and self.map.available
        if game is None or game.finished:
            self.map.close_map()  # the game is over: its web view goes (a new game makes a new one)
        elif on_map:
            self.map.open(self.session.language)
        self.map.setVisible(on_map)
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
        self.panel = build_panel(game, self.discovery, self.session.language, self.images, on_map=on_map)
        if on_map:
            state = game.state
            step = game.step
            assert isinstance(step, MapStep)
            ids = [p.id for p in self.discovery.choices()]
            self.map.show_round(ids, state.taps, step.place if state.done else "", self.discovery.search_zone())
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
            self._follow_latest = False
            self.scroll_area.scroll_to_top()
        elif isinstance(self.panel, MapPanel):
            self._follow_latest = True  # its newest hint or feedback is scrolled into view once laid out
            QTimer.singleShot(0, self, self._show_latest)

    def _show_latest(self) -> None:
        """A map step's newest hint or feedback stays in view (the current panel's, whenever this runs)."""
        if self._follow_latest and isinstance(self.panel, MapPanel) and self.panel.latest is not None:
            self.scroll_area.ensureWidgetVisible(self.panel.latest, 0, 24)

    def _map_tapped(self, place_id: str) -> None:
        self.discovery.tap_place(place_id)

    def _map_ready_changed(self) -> None:
        """The map gave up loading: the step shows its cards instead (a ready map needs no new panel)."""
        if self.map.gave_up:
            self._fill()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        portrait = event.size().height() > event.size().width()
        self.stage.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

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
