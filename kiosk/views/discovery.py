"""Discovery activities for school groups: the list of activities, then the choice of a team name.

A team picks a name from a fixed list (no typing, no real names). Both screens only forward the
group's choices to the discovery service; the game itself is on the activity screen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import Activity, Snapshot
from kiosk.services.discovery import TEAMS, DiscoveryService, is_question
from kiosk.services.session import Session
from kiosk.ui.widgets import KineticScrollArea, TapCard, button, clear_layout, label
from kiosk.views.base import Screen

TEAM_PICTOGRAMS = {
    "hiboux": "🦉",
    "castors": "🦫",
    "etoiles": "⭐",
    "renards": "🦊",
    "dauphins": "🐬",
    "abeilles": "🐝",
}


def team_name(team: str) -> str:
    """The team's name in the visitor's language, with its pictogram."""
    names = {
        "hiboux": QCoreApplication.translate("Team", "Les Hiboux"),
        "castors": QCoreApplication.translate("Team", "Les Castors"),
        "etoiles": QCoreApplication.translate("Team", "Les Étoiles"),
        "renards": QCoreApplication.translate("Team", "Les Renards"),
        "dauphins": QCoreApplication.translate("Team", "Les Dauphins"),
        "abeilles": QCoreApplication.translate("Team", "Les Abeilles"),
    }
    return f"{TEAM_PICTOGRAMS.get(team, '⭐')} {names.get(team, team)}"


def facts(activity: Activity) -> str:
    """« 8 à 12 ans · 20 min · 8 étapes »."""
    ages = QCoreApplication.translate("Discovery", "%1 à %2 ans")
    minutes = QCoreApplication.translate("Discovery", "%1 min")
    steps = QCoreApplication.translate("Discovery", "%1 étapes")
    return " · ".join(
        (
            "🎂 " + ages.replace("%1", str(activity.age_min)).replace("%2", str(activity.age_max)),
            "⏱️ " + minutes.replace("%1", str(activity.duration_minutes)),
            "👣 " + steps.replace("%1", str(len(activity.steps))),
        )
    )


class ActivityCard(TapCard):
    def __init__(self, activity: Activity, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"activity-card:{activity.id}")
        row = QHBoxLayout(self)
        row.setContentsMargins(28, 24, 28, 24)
        row.setSpacing(28)
        row.addWidget(label(activity.icon, "display", wrap=False))
        text = QVBoxLayout()
        text.setSpacing(8)
        text.addWidget(label(activity.title.get(language), "title"))
        if summary := activity.summary.get(language):
            text.addWidget(label(summary))
        text.addWidget(label(facts(activity), "muted"))
        row.addLayout(text, 1)


class DiscoveryView(Screen):
    """The activities of the snapshot, as big cards."""

    name = "discovery"
    activityChosen = Signal(str)

    def __init__(self, session: Session, discovery: DiscoveryService, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.discovery = discovery
        self._snapshot = Snapshot()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 0)
        outer.setSpacing(16)
        self.heading = label(role="display")
        self.hint = label(role="muted")
        outer.addWidget(self.heading)
        outer.addWidget(self.hint)
        self.scroll_area = KineticScrollArea()
        body = QWidget()
        self.grid = QGridLayout(body)
        self.grid.setContentsMargins(0, 0, 16, 32)
        self.grid.setSpacing(20)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)
        self._columns = 2
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Activités découverte"))
        self.hint.setText(self.tr("Choisissez une activité, puis le nom de votre équipe. Jouez ensemble !"))
        self._fill()

    def set_snapshot(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot
        self._fill()

    def _fill(self) -> None:
        clear_layout(self.grid)
        activities = self._snapshot.activities
        if not activities:
            self.grid.addWidget(label(self.tr("Pas d'activité pour le moment."), "title"), 0, 0)
        for index, activity in enumerate(activities):
            card = ActivityCard(activity, self.session.language)
            card.tapped.connect(lambda aid=activity.id: self.activityChosen.emit(aid))
            self.grid.addWidget(card, index // self._columns, index % self._columns)
        self.grid.setRowStretch(self.grid.rowCount(), 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        columns = 1 if event.size().width() < 1300 else 2
        if columns != self._columns:
            self._columns = columns
            self._fill()
        super().resizeEvent(event)


class TeamView(Screen):
    """« Choisissez le nom de votre équipe »: six big buttons, nothing to type."""

    name = "team"
    teamChosen = Signal(str)

    def __init__(self, session: Session, discovery: DiscoveryService, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.discovery = discovery
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        outer.setSpacing(20)
        self.activity_title = label(role="display")
        self.activity_title.setObjectName("team-activity-title")
        self.activity_facts = label(role="muted")
        self.question = label(role="title")
        outer.addWidget(self.activity_title)
        outer.addWidget(self.activity_facts)
        outer.addSpacing(12)
        outer.addWidget(self.question)
        self.grid = QGridLayout()
        self.grid.setSpacing(20)
        self.buttons: dict[str, QPushButton] = {}
        for index, team in enumerate(TEAMS):
            b = button(role="tile")
            b.setObjectName(f"team:{team}")
            b.clicked.connect(lambda _=False, t=team: self.teamChosen.emit(t))
            self.grid.addWidget(b, index // 3, index % 3)
            self.buttons[team] = b
        outer.addLayout(self.grid)
        self.privacy = label(role="muted")
        outer.addWidget(self.privacy)
        outer.addStretch(1)
        self.retranslate()

    def show_chosen(self) -> None:
        """Fill in the activity the group chose (the discovery service holds it)."""
        self.retranslate()

    def retranslate(self) -> None:
        activity = self.discovery.chosen
        lang = self.session.language
        self.activity_title.setText(f"{activity.icon} {activity.title.get(lang)}" if activity else "")
        if activity is not None:
            questions = sum(1 for s in activity.steps if is_question(s))
            self.activity_facts.setText(facts(activity) + " · " + self.tr("%1 questions").replace("%1", str(questions)))
        self.question.setText(self.tr("Choisissez le nom de votre équipe :"))
        for team, b in self.buttons.items():
            b.setText(team_name(team))
        self.privacy.setText(self.tr("Rien n'est enregistré sur votre équipe : le nom s'efface à la fin du jeu."))
