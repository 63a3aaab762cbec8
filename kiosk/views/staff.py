"""The staff panel: first the PIN pad, then the kiosk's state and what staff can do about it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk import __version__
from kiosk.content.activity_stats import ActivityStatsSummary
from kiosk.content.model import SourceState, SourceStatus
from kiosk.content.usage_stats import WeekSummary
from kiosk.schedule import DAYS, Slot
from kiosk.services.session import Session
from kiosk.ui.barchart import BarChart
from kiosk.ui.pinpad import PinPad
from kiosk.ui.widgets import FlowLayout, KineticScrollArea, button, clear_layout, label
from kiosk.views.base import Screen

MODE_ACTIONS = ("accueil", "decouverte", "affichage", "hors-service")


@dataclass(frozen=True, slots=True)
class StaffStatus:
    mode: str
    overridden_until: str | None
    schedule: Sequence[Slot]
    sources: Sequence[SourceStatus]
    outbox: int | None
    uptime: str
    memory_mb: float
    activities: Sequence[tuple[str, str]] = ()  # (id, title) of the discovery activities
    start_activity: str | None = None  # the teacher's choice; None: the children choose
    activity_stats: Sequence[ActivityStatsSummary] = ()  # last 7 days, counts only


class StaffView(Screen):
    name = "staff"

    pinEntered = Signal(str)
    actionRequested = Signal(str, str)  # action, argument
    closeRequested = Signal()

    def __init__(self, session: Session, status: Callable[[], StaffStatus], parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._status = status
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 24, 48, 24)
        self.pages = QStackedWidget()
        outer.addWidget(self.pages)

        pin_page = QWidget()
        pin_column = QVBoxLayout(pin_page)
        self.pinpad = PinPad()
        self.pinpad.pinEntered.connect(self.pinEntered.emit)
        pin_column.addWidget(self.pinpad)
        self.pages.addWidget(pin_page)

        self.scroll_area = KineticScrollArea()
        panel = QWidget()
        self.panel = QVBoxLayout(panel)
        self.panel.setSpacing(16)
        self.scroll_area.setWidget(panel)
        self.pages.addWidget(self.scroll_area)

        self._lock_tick = QTimer(self)
        self._lock_tick.setInterval(1000)
        self._lock_tick.timeout.connect(self._tick_lock)
        self._seconds_locked: Callable[[], float] = lambda: 0.0
        self.message = ""
        self.usage: Callable[[], WeekSummary | None] | None = None  # anonymous statistics, when counted

    def show_pin(self, seconds_locked: Callable[[], float]) -> None:
        self._seconds_locked = seconds_locked
        self.pinpad.clear()
        self.pages.setCurrentIndex(0)
        self._tick_lock()
        self._lock_tick.start()

    def pin_refused(self) -> None:
        self.pinpad.clear(self.tr("Code incorrect."))
        self._tick_lock()

    def show_panel(self, message: str = "") -> None:
        self._lock_tick.stop()
        self.message = message
        self.pages.setCurrentIndex(1)
        self.refresh()

    def retranslate(self) -> None:
        if self.pages.currentIndex() == 1:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the panel from the current status."""
        status = self._status()
        clear_layout(self.panel)
        self.panel.addWidget(label(self.tr("Espace équipe"), "display"))
        if self.message:
            note = label(self.message, "badge-live")
            note.setObjectName("staff-message")
            self.panel.addWidget(note)

        self._mode_section(status)
        if status.activities:
            self._discovery_section(status)

        self.panel.addWidget(label(self.tr("Sources de contenu"), "day"))
        for source in status.sources:
            self.panel.addWidget(label(self._source_line(source)))

        self.panel.addWidget(label(self.tr("Le kiosque"), "day"))
        facts = [
            self.tr("Version %1").replace("%1", __version__),
            self.tr("En marche depuis %1").replace("%1", status.uptime),
            self.tr("Mémoire : %1 Mo").replace("%1", f"{status.memory_mb:.0f}"),
        ]
        if status.outbox is not None:
            facts.append(self.tr("Inscriptions en attente d'envoi : %1").replace("%1", str(status.outbox)))
        self.panel.addWidget(label(" · ".join(facts)))
        week = self._usage_section()

        actions = [
            ("refresh", "🔄 " + self.tr("Actualiser le contenu")),
            ("export-signups", "📤 " + self.tr("Exporter les inscriptions")),
            ("restart", "♻️ " + self.tr("Redémarrer le kiosque")),
            ("quit", "🚪 " + self.tr("Quitter vers le bureau")),
        ]
        actions += [("export-stats", "📊 " + self.tr("Exporter les statistiques (CSV)"))] if week else []
        row = self._flow()
        for action, text in actions:
            b = button(text)
            b.setObjectName(f"staff-{action}")
            b.clicked.connect(lambda _=False, a=action: self.actionRequested.emit(a, ""))
            row.addWidget(b)
        close = button("✖ " + self.tr("Fermer l'espace équipe"), "primary")
        close.setObjectName("staff-close")
        close.clicked.connect(self.closeRequested.emit)
        self.panel.addWidget(close, 0, Qt.AlignmentFlag.AlignLeft)
        self.panel.addStretch(1)

    def _flow(self) -> FlowLayout:
        """A row of buttons that wraps onto more lines (long texts, 200 %), added to the panel."""
        row = QWidget()
        self.panel.addWidget(row)
        return FlowLayout(row, spacing=16)

    def _usage_section(self) -> WeekSummary | None:
        """Visits per day over the last week, the feedback faces, the most used screens (anonymous counts)."""
        week = self.usage() if self.usage is not None else None
        if week is None:
            return None
        self.panel.addWidget(label(self.tr("Utilisation (7 derniers jours)"), "day"))
        self.panel.addWidget(label(self.tr("Visites par jour"), "muted"))
        chart = BarChart([f"{d:%d/%m}" for d in week.days], list(week.sessions))
        chart.setObjectName("staff-usage-chart")
        self.panel.addWidget(chart)
        faces = dict(week.feedback)
        useful = self.tr("« Utile ? » : 😀 %1 · 😐 %2 · 🙁 %3")
        for n, face in enumerate(("yes", "so-so", "no"), start=1):
            useful = useful.replace(f"%{n}", str(faces.get(face, 0)))
        self.panel.addWidget(label(useful))
        screens = week.totals.get("screen", ())[:5]
        if screens:
            top = ", ".join(f"{name} ({count})" for name, count in screens)
            self.panel.addWidget(label(self.tr("Écrans les plus vus : %1").replace("%1", top), "muted"))
        languages = week.totals.get("language", ())
        if languages:
            chosen = ", ".join(f"{name} ({count})" for name, count in languages)
            self.panel.addWidget(label(self.tr("Langues choisies : %1").replace("%1", chosen), "muted"))
        return week

    def _mode_section(self, status: StaffStatus) -> None:
        """The current mode, the buttons to switch it, and the weekly schedule."""
        self.panel.addWidget(label(self.tr("Mode"), "day"))
        current = self.tr("Mode actuel : %1").replace("%1", self._mode_name(status.mode))
        if status.overridden_until:
            current += " · " + self.tr("choisi par l'équipe jusqu'à %1").replace("%1", status.overridden_until)
        self.panel.addWidget(label(current))
        modes = self._flow()
        for mode in MODE_ACTIONS:
            b = button(self._mode_name(mode), "chip")
            b.setObjectName(f"staff-mode-{mode}")
            b.setCheckable(True)
            b.setChecked(mode == status.mode)
            b.clicked.connect(lambda _=False, m=mode: self.actionRequested.emit("switch-mode", m))
            modes.addWidget(b)
        if status.schedule:
            locale = self.session.locale
            for slot in status.schedule:
                when = ", ".join(locale.dayName(DAYS.index(d) + 1, QLocale.FormatType.ShortFormat) for d in slot.days)
                self.panel.addWidget(
                    label(f"{when} {slot.start:%H:%M}–{slot.end:%H:%M} : {self._mode_name(slot.mode)}", "muted")
                )
        else:
            self.panel.addWidget(label(self.tr("Pas de planning : le mode reste celui choisi."), "muted"))

    def _discovery_section(self, status: StaffStatus) -> None:
        """Teacher control: the activity groups start on (or the children's choice), and a team reset."""
        self.panel.addWidget(label(self.tr("Activités découverte"), "day"))
        choices = self._flow()
        for activity_id, title in [("", self.tr("Au choix des enfants")), *status.activities]:
            b = button(title, "chip")
            b.setObjectName(f"staff-discovery-{activity_id or 'choice'}")
            b.setCheckable(True)
            b.setChecked((status.start_activity or "") == activity_id)
            b.clicked.connect(lambda _=False, a=activity_id: self.actionRequested.emit("discovery-start", a))
            choices.addWidget(b)
        reset = button("🔁 " + self.tr("Réinitialiser l'équipe"))
        reset.setObjectName("staff-discovery-reset")
        reset.clicked.connect(lambda: self.actionRequested.emit("discovery-reset", ""))
        self.panel.addWidget(reset, 0, Qt.AlignmentFlag.AlignLeft)
        titles = dict(status.activities)
        for summary in status.activity_stats:
            answered = sum(step.answered for step in summary.steps)
            right = sum(step.right_first_time for step in summary.steps)
            line = (
                self.tr("%1 : %2 commencée(s), %3 terminée(s) en 7 jours")
                .replace("%1", titles.get(summary.activity, summary.activity))
                .replace("%2", str(summary.started))
                .replace("%3", str(summary.finished))
            )
            if answered:
                line += " · " + self.tr("%1 % de bonnes réponses du premier coup").replace(
                    "%1", str(round(100 * right / answered))
                )
            self.panel.addWidget(label(line, "muted"))

    def _tick_lock(self) -> None:
        self.pinpad.set_locked(int(self._seconds_locked() + 0.999))

    def _mode_name(self, mode: str) -> str:
        return {
            "accueil": self.tr("Accueil"),
            "decouverte": self.tr("Découverte"),
            "affichage": self.tr("Affichage"),
            "hors-service": self.tr("Hors service"),
        }.get(mode, mode)

    def _source_line(self, source: SourceStatus) -> str:
        state = {
            SourceState.OK: "✅ " + self.tr("à jour"),
            SourceState.STALE: "⚠️ " + self.tr("en panne, dernier contenu gardé"),
            SourceState.ERROR: "❌ " + self.tr("en panne"),
        }[source.state]
        when = source.fetched_at.astimezone(self.session.tz).strftime("%d/%m %H:%M") if source.fetched_at else "—"
        last = self.tr("dernier succès")
        line = f"{source.name} ({source.kind}) : {state} · {source.items} · {last} {when}"
        return line + (f"\n    {source.error}" if source.error else "")
