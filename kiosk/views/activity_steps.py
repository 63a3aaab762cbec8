"""One panel per kind of step (info, quiz, map, order), rebuilt from the game state at each change.

Panels show and forward: every tap goes to the discovery service, which changes the game and
emits ``changed``; the activity screen then builds the panel again. The feedback always says what
the right answer was and why: never « faux » alone.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content import geo
from kiosk.content.model import InfoStep, MapStep, OrderStep, QuizStep, Step
from kiosk.services.discovery import DiscoveryService, Game
from kiosk.ui.categories import category_label, pictogram
from kiosk.ui.widgets import TAP_SLOP_PX, TapCard, button, label

LETTERS = "ABCD"


def feedback(right: bool, explanation: str, correction: str = "") -> QLabel:
    """Encouraging words, then what was right (``correction``) and why (``explanation``)."""
    if right:
        lines = [QCoreApplication.translate("Activity", "Bravo, c'est ça ! 🎉")]
    else:
        lines = [QCoreApplication.translate("Activity", "Pas tout à fait, mais vous apprenez quelque chose :")]
        if correction:
            lines.append(correction)
    if explanation:
        lines.append(explanation)
    widget = label("\n".join(lines), "feedback-right" if right else "feedback-try")
    widget.setObjectName("feedback")
    return widget


class StepPanel(QWidget):
    """The body of one step; ``spoken`` is what « Lire à voix haute » reads."""

    def __init__(self, game: Game, discovery: DiscoveryService, language: str) -> None:
        super().__init__()
        self.game = game
        self.discovery = discovery
        self.language = language
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(20)
        self.spoken: list[str] = []

    def text(self, value: str, role: str | None = None, name: str = "") -> QLabel:
        widget = label(value, role)
        if name:
            widget.setObjectName(name)
        self.column.addWidget(widget)
        self.spoken.append(value)
        return widget


class InfoPanel(StepPanel):
    def __init__(self, game: Game, discovery: DiscoveryService, language: str, images: Path) -> None:
        super().__init__(game, discovery, language)
        step = game.step
        assert isinstance(step, InfoStep)
        self.text(step.text.get(language), "step-text", "step-text")
        if step.image and (path := images / step.image).is_file():
            picture = QLabel()
            picture.setObjectName("step-image")
            pixmap = QPixmap(str(path))
            if not pixmap.isNull():
                picture.setPixmap(
                    pixmap.scaledToHeight(min(pixmap.height(), 420), Qt.TransformationMode.SmoothTransformation)
                )
                self.column.addWidget(picture)
        self.column.addStretch(1)


class QuizPanel(StepPanel):
    def __init__(self, game: Game, discovery: DiscoveryService, language: str) -> None:
        super().__init__(game, discovery, language)
        step = game.step
        assert isinstance(step, QuizStep)
        state = game.state
        self.text("❓ " + step.question.get(language), "step-text", "step-text")
        self.answers: list[QPushButton] = []
        for index, answer in enumerate(step.answers):
            text = f"{LETTERS[index]}.  {answer.get(language)}"
            if state.done:
                mark = "✅ " if index == step.right else ("👉 " if index == state.quiz_choice else "")
                text = mark + text
            role = "answer-right" if state.done and index == step.right else "answer"
            b = button(text, role)
            b.setObjectName(f"answer-{index}")
            b.setEnabled(not state.done or index in (step.right, state.quiz_choice))
            b.clicked.connect(lambda _=False, i=index: discovery.answer_quiz(i))
            self.column.addWidget(b)
            self.answers.append(b)
            self.spoken.append(answer.get(language))
        if state.done:
            right = state.quiz_choice == step.right
            correction = QCoreApplication.translate("Activity", "La bonne réponse : %1").replace(
                "%1", step.answers[step.right].get(language)
            )
            self.column.addWidget(feedback(right, step.explanation.get(language), correction))
            self.spoken.append(step.explanation.get(language))
        self.column.addStretch(1)


class PlaceCard(TapCard):
    def __init__(self, place_id: str, lines: tuple[str, str, str], found: bool) -> None:
        super().__init__()
        self.setObjectName(f"place-choice:{place_id}")
        self.setProperty("found", found)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 16, 20, 16)
        row.setSpacing(20)
        icon, name, detail = lines
        row.addWidget(label(icon, "icon", wrap=False))
        text = QVBoxLayout()
        text.addWidget(label(name, "title"))
        text.addWidget(label(detail, "muted"))
        row.addLayout(text, 1)
        if found:
            row.addWidget(label("✅", "icon", wrap=False))


class MapPanel(StepPanel):
    """Find the place among four nearby ones: on the map beside the panel (``on_map``: the activity screen
    shows the markers), or else as big cards with their pictogram and distance."""

    def __init__(self, game: Game, discovery: DiscoveryService, language: str, *, on_map: bool = False) -> None:
        super().__init__(game, discovery, language)
        step = game.step
        assert isinstance(step, MapStep)
        state = game.state
        self.on_map = on_map
        self.latest: QWidget | None = None  # what changed last (a hint, the feedback): kept in view
        self.text("🔎 " + step.text.get(language), "step-text", "step-text")
        if on_map and not state.done and not state.taps:
            self.text(
                QCoreApplication.translate("Activity", "👆 Touchez le bon lieu sur la carte."), "title", "map-how"
            )
        self.hint_button = button("💡 " + QCoreApplication.translate("Activity", "Un indice"))
        self.hint_button.setObjectName("hint-button")
        self.hint_button.setVisible(not state.done and state.hints < len(step.hints))
        self.hint_button.clicked.connect(discovery.reveal_hint)
        self.column.addWidget(self.hint_button, 0, Qt.AlignmentFlag.AlignLeft)
        if not state.done and state.taps:
            last = next((p for p in discovery.choices() if p.id == state.taps[-1]), None)
            tried_text = (
                QCoreApplication.translate("Activity", "Pas tout à fait : ce n'est pas « %1 ».").replace(
                    "%1", last.name.get(language)
                )
                if last is not None
                else QCoreApplication.translate("Activity", "Pas tout à fait : ce n'est pas ce lieu-là.")
            )
            tried = label(
                tried_text + "\n" + QCoreApplication.translate("Activity", "Lisez l'indice et essayez encore !"),
                "feedback-try",
            )
            tried.setObjectName("feedback")
            self.column.addWidget(tried)
            self.spoken.append(tried.text())
            self.latest = tried
        for number, hint in enumerate(step.hints[: state.hints], start=1):
            self.latest = self.text(
                QCoreApplication.translate("Activity", "💡 Indice %1 : %2")
                .replace("%1", str(number))
                .replace("%2", hint.get(language)),
                None,
                f"hint-{number}",
            )
        if on_map and discovery.search_zone() is not None:
            self.latest = self.text(
                QCoreApplication.translate("Activity", "🟡 Le lieu est dans le cercle jaune sur la carte."),
                "title",
                "zone-hint",
            )
        self.cards: dict[str, PlaceCard] = {}
        if on_map:
            self._done(game, language)
            self.column.addStretch(1)
            return
        grid = QGridLayout()
        grid.setSpacing(16)
        for place in discovery.choices():
            metres = geo.distance_m(*discovery.origin, place.lat, place.lon)
            km = f"{metres / 1000:.1f}".replace(".", "," if language == "fr" else ".")
            detail = (
                QCoreApplication.translate("Activity", "%1 · %2 km d'ici")
                .replace("%1", category_label(place.category))
                .replace("%2", km)
            )
            found = state.done and place.id == step.place
            card = PlaceCard(place.id, (pictogram(place.category), place.name.get(language), detail), found)
            card.setEnabled(not state.done or found)
            card.tapped.connect(lambda pid=place.id: discovery.tap_place(pid))
            grid.addWidget(card, len(self.cards) // 2, len(self.cards) % 2)
            self.cards[place.id] = card
        self.column.addLayout(grid)
        self._done(game, language)
        self.column.addStretch(1)

    def _done(self, game: Game, language: str) -> None:
        """Found: encouragement, then the explanation."""
        step, state = game.step, game.state
        assert isinstance(step, MapStep)
        if not state.done:
            return
        first = QCoreApplication.translate("Activity", "Bravo, vous l'avez trouvé du premier coup ! 🎉")
        later = QCoreApplication.translate("Activity", "Trouvé ! Bien joué, vous avez persévéré. 🎉")
        lines = [first if state.right_first_time else later]
        if explanation := step.explanation.get(language):
            lines.append(explanation)
        done = label("\n".join(lines), "feedback-right")
        done.setObjectName("feedback")
        self.column.addWidget(done)
        self.spoken.append(done.text())
        self.latest = done


class OrderChip(QFrame):
    """An item to put in order: a tap places (or takes back) it; a drag drops it where the finger lifts."""

    tapped = Signal(int)
    dropped = Signal(int, QPoint)  # the item, and where the finger lifted (global position)

    def __init__(self, item: int, text: str, movable: bool) -> None:
        super().__init__()
        self.item = item
        self.movable = movable
        self.setProperty("role", "chip-card")
        self.setObjectName(f"order-item-{item}")
        self.setMinimumHeight(80)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 12, 20, 12)
        self.caption = label(text)
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        row.addWidget(self.caption, 1)
        self._pressed: QPoint | None = None
        self._grab: QPoint | None = None
        self.dragging = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.globalPosition().toPoint()
        self._grab = event.position().toPoint()
        self.dragging = False
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pressed is None or not self.movable:
            return
        now = event.globalPosition().toPoint()
        if not self.dragging and (now - self._pressed).manhattanLength() >= TAP_SLOP_PX:
            self.dragging = True
            self.raise_()
            self.setProperty("dragging", True)
            self.style().unpolish(self)
            self.style().polish(self)
        if self.dragging and self._grab is not None and (parent := self.parentWidget()) is not None:
            self.move(parent.mapFromGlobal(now) - self._grab)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        start, self._pressed = self._pressed, None
        if start is None or not self.movable:
            return
        now = event.globalPosition().toPoint()
        if self.dragging:
            self.dragging = False
            self.dropped.emit(self.item, now)
        elif (now - start).manhattanLength() < TAP_SLOP_PX:
            self.tapped.emit(self.item)
        event.accept()


class OrderPanel(StepPanel):
    """Two columns: « Votre ordre » (numbered places) and the items still to place."""

    def __init__(self, game: Game, discovery: DiscoveryService, language: str) -> None:
        super().__init__(game, discovery, language)
        step = game.step
        assert isinstance(step, OrderStep)
        state = game.state
        self.text("🔢 " + step.text.get(language), "step-text", "step-text")
        self.column.addWidget(
            label(
                QCoreApplication.translate(
                    "Activity",
                    "Touchez les étiquettes dans le bon ordre, ou faites-les glisser. Touchez-en une pour la retirer.",
                ),
                "muted",
            )
        )
        columns = QHBoxLayout()
        columns.setSpacing(32)
        self.placed_box = QWidget()
        self.placed_box.setObjectName("order-placed")
        placed_column = QVBoxLayout(self.placed_box)
        placed_column.setContentsMargins(0, 0, 0, 0)
        placed_column.setSpacing(12)
        placed_column.addWidget(label(QCoreApplication.translate("Activity", "Votre ordre"), "title"))
        self.pool_box = QWidget()
        self.pool_box.setObjectName("order-pool")
        pool_column = QVBoxLayout(self.pool_box)
        pool_column.setContentsMargins(0, 0, 0, 0)
        pool_column.setSpacing(12)
        pool_column.addWidget(label(QCoreApplication.translate("Activity", "À placer"), "title"))
        self.placed: list[OrderChip] = []
        for position, item in enumerate(state.placed):
            mark = ""
            if state.checked:
                mark = "✅ " if item == position else "🔸 "
            chip = self._chip(item, f"{mark}{position + 1}.  {step.items[item].get(language)}", not state.checked)
            placed_column.addWidget(chip)
            self.placed.append(chip)
        for position in range(len(state.placed), len(step.items)):
            slot = label(f"{position + 1}.", "slot")
            slot.setMinimumHeight(80)
            placed_column.addWidget(slot)
        placed_column.addStretch(1)
        for item in discovery.order_shown():
            if item not in state.placed:
                pool_column.addWidget(self._chip(item, step.items[item].get(language), True))
                self.spoken.append(step.items[item].get(language))
        pool_column.addStretch(1)
        columns.addWidget(self.placed_box, 1)
        columns.addWidget(self.pool_box, 1)
        self.column.addLayout(columns)
        self.check_button = button("✔️ " + QCoreApplication.translate("Activity", "Vérifier mon ordre"), "primary")
        self.check_button.setObjectName("check-order")
        self.check_button.setVisible(not state.checked)
        self.check_button.setEnabled(len(state.placed) == len(step.items))
        self.check_button.clicked.connect(discovery.check_order)
        self.column.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        if state.checked:
            right = state.right_first_time is True
            correction = "\n".join(f"{n}. {text.get(language)}" for n, text in enumerate(step.items, start=1))
            self.column.addWidget(
                feedback(
                    right,
                    step.explanation.get(language),
                    QCoreApplication.translate("Activity", "Le bon ordre :") + "\n" + correction,
                )
            )
        self.column.addStretch(1)

    def _chip(self, item: int, text: str, movable: bool) -> OrderChip:
        chip = OrderChip(item, text, movable)
        chip.tapped.connect(self._tapped)
        chip.dropped.connect(self._dropped)
        return chip

    def _tapped(self, item: int) -> None:
        if item in self.game.state.placed:
            self.discovery.unplace_item(item)
        else:
            self.discovery.place_item(item)

    def _dropped(self, item: int, at: QPoint) -> None:
        """Over « Votre ordre »: placed before the first item whose middle is below the finger; else taken back."""
        placed_rect = self.placed_box.rect().translated(self.placed_box.mapToGlobal(QPoint(0, 0)))
        if not placed_rect.adjusted(-40, -40, 40, 40).contains(at):
            if self.pool_box.rect().translated(self.pool_box.mapToGlobal(QPoint(0, 0))).contains(at):
                self.discovery.unplace_item(item)
            else:
                self.discovery.changed.emit()  # dropped nowhere: put it back
            return
        others = [c for c in self.placed if c.item != item]
        position = sum(1 for c in others if c.mapToGlobal(c.rect().center()).y() < at.y())
        self.discovery.move_item(item, position)


def build_panel(
    game: Game, discovery: DiscoveryService, language: str, images: Path, *, on_map: bool = False
) -> StepPanel:
    """The panel of the game's step; ``on_map``: a map step's places are on the activity screen's map."""
    step: Step = game.step
    if isinstance(step, QuizStep):
        return QuizPanel(game, discovery, language)
    if isinstance(step, MapStep):
        return MapPanel(game, discovery, language, on_map=on_map)
    if isinstance(step, OrderStep):
        return OrderPanel(game, discovery, language)
    return InfoPanel(game, discovery, language, images)
