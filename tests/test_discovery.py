"""Playing a discovery activity with a finger: each kind of step, a whole activity, the reset, the statistics."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.activity_stats import ActivityStats
from kiosk.content.model import MapStep, OrderStep, QuizStep, Snapshot
from kiosk.content.sources.kiosk_feed import parse_feed
from kiosk.services.discovery import DiscoveryService, shuffled
from kiosk.services.session import Session
from kiosk.services.speech import Speech
from kiosk.ui.qr import QrWidget
from kiosk.ui.theme import NORMAL, style_sheet
from kiosk.views.activity import ActivityView
from kiosk.views.activity_steps import OrderChip, OrderPanel
from kiosk.views.discovery import TeamView
from tests.conftest import RESOURCES, FakeClock
from tests.helpers_qt import tap, touch_device

ORIGIN = (50.704, 3.1725)


def bundled_snapshot() -> Snapshot:
    content = RESOURCES / "content"
    places = parse_feed((content / "places.json").read_bytes(), source="lieux").places
    activities = parse_feed((content / "activities.json").read_bytes(), source="activites").activities
    return Snapshot(places=tuple(places), activities=tuple(activities))


@dataclass
class Table:
    """The activity screen of one kiosk, on the bundled content, with its statistics file."""

    session: Session
    discovery: DiscoveryService
    stats: ActivityStats
    view: ActivityView

    def start(self, activity_id: str, team: str = "hiboux") -> None:
        team_view = TeamView(self.session, self.discovery)
        assert self.discovery.choose(activity_id)
        team_view.show_chosen()
        team_view.resize(1600, 900)
        team_view.show()
        chosen: list[str] = []
        team_view.teamChosen.connect(chosen.append)
        tap(team_view.buttons[team])
        team_view.close()
        assert chosen == [team]
        assert self.discovery.begin(chosen[0])

    def find(self, name: str) -> QWidget:
        found = self.view.findChild(QWidget, name)
        assert found is not None, name
        return found

    def button(self, name: str) -> QPushButton:
        found = self.view.findChild(QPushButton, name)
        assert found is not None, name
        return found

    def feedback(self) -> str:
        found = self.view.findChild(QLabel, "feedback")
        assert found is not None and found.isVisible()
        return found.text()

    def next(self) -> None:
        tap(self.button("step-next"))

    def go_to(self, index: int) -> None:
        game = self.discovery.game
        assert game is not None
        while game.index < index:
            assert not isinstance(game.step, QuizStep | MapStep | OrderStep), "answer it first"
            self.next()


@pytest.fixture
def table(qapp: QApplication, tmp_path: Path, clock: FakeClock) -> Iterator[Table]:
    session = Session(RESOURCES / "translations", "fr", ZoneInfo("Europe/Paris"), clock)
    stats = ActivityStats(tmp_path / "activity-stats.sqlite")
    discovery = DiscoveryService(stats, lambda: session.now().date(), ORIGIN)
    discovery.set_snapshot(bundled_snapshot())
    previous = qapp.styleSheet()
    qapp.setStyleSheet(style_sheet(NORMAL))  # the kiosk's sizes: answers and cards may need scrolling
    view = ActivityView(session, discovery, None, tmp_path)
    # Tall enough that no step scrolls: offscreen, a touch on a scrollable area is taken by its QScroller,
    # which replays the press through QApplication.widgetAt, and that finds no widget without a screen.
    view.resize(1920, 1900)
    view.show()
    yield Table(session, discovery, stats, view)
    view.close()
    session.reset()
    qapp.setStyleSheet(previous)


def test_a_quiz_right_or_wrong_always_shows_the_explanation(table: Table) -> None:
    table.start("culture-numerique")
    assert table.find("step-counter").property("text") == "Étape 1 sur 10"
    table.next()
    step = table.discovery.game.step if table.discovery.game else None
    assert isinstance(step, QuizStep) and step.right == 1  # « un bon mot de passe, c'est ton prénom... »: faux
    assert not table.button("step-next").isEnabled()  # a question waits for its answer
    tap(table.button("answer-0"))  # « Vrai »: not so
    text = table.feedback()
    assert text.startswith("Pas tout à fait")
    assert "La bonne réponse : Faux" in text
    assert step.explanation.get("fr") in text
    assert table.button("step-next").isEnabled()
    tap(table.button("answer-1"))  # answered already: the first answer stands
    assert table.discovery.game is not None and table.discovery.game.state.quiz_choice == 0

    table.next()
    step = table.discovery.game.step
    assert isinstance(step, QuizStep)
    tap(table.button(f"answer-{step.right}"))
    text = table.feedback()
    assert text.startswith("Bravo")
    assert step.explanation.get("fr") in text
    assert table.button(f"answer-{step.right}").property("role") == "answer-right"

    tap(table.button("step-previous"))  # back: the answer given is still shown
    assert "La bonne réponse : Faux" in table.feedback()
    (summary,) = table.stats.summary()
    assert [(s.step, s.kind, s.answered, s.right_first_time) for s in summary.steps] == [
        (1, "quiz", 1, 0),
        (2, "quiz", 1, 1),
    ]


def test_a_map_step_is_found_with_hints_revealed_one_by_one(table: Table) -> None:
    table.start("quartier-union")
    table.next()
    game = table.discovery.game
    assert game is not None and isinstance(game.step, MapStep)
    target = game.step.place
    cards = [c for c in table.view.findChildren(QWidget) if c.objectName().startswith("place-choice:")]
    ids = [c.objectName().split(":", 1)[1] for c in cards]
    assert len(ids) == 4 and target in ids  # the place and three others near the kiosk
    assert table.view.findChild(QLabel, "hint-1") is None
    tap(table.button("hint-button"))
    hint = table.find("hint-1")
    assert isinstance(hint, QLabel) and game.step.hints[0].get("fr") in hint.text()
    wrong = next(i for i in ids if i != target)
    tap(table.find(f"place-choice:{wrong}"))
    assert "essayez encore" in table.feedback()
    assert table.view.findChild(QLabel, "hint-2") is not None  # a wrong tap shows the next hint
    assert not table.button("step-next").isEnabled()
    tap(table.find(f"place-choice:{target}"))
    assert "Trouvé" in table.feedback()
    assert game.step.explanation.get("fr") in table.feedback()
    assert table.find(f"place-choice:{target}").property("found") is True
    assert table.button("step-next").isEnabled()
    (summary,) = table.stats.summary()
    assert [(s.kind, s.answered, s.right_first_time) for s in summary.steps] == [("map", 1, 0)]


def play_to_order_step(table: Table) -> OrderStep:
    table.start("quartier-union")
    game = table.discovery.game
    assert game is not None
    while not isinstance(game.step, OrderStep):
        step = game.step
        if isinstance(step, QuizStep):
            table.discovery.answer_quiz(step.right)
        elif isinstance(step, MapStep):
            table.discovery.tap_place(step.place)
        table.next()
    return game.step


def chip(table: Table, item: int) -> OrderChip:
    found = table.view.findChild(OrderChip, f"order-item-{item}")
    assert found is not None
    return found


def test_an_order_step_by_taps(table: Table) -> None:
    step = play_to_order_step(table)
    shown = [c.item for c in table.view.findChildren(OrderChip)]
    assert shown == shuffled("quartier-union:4", len(step.items)) != sorted(shown)  # shuffled, the same every time
    assert not table.button("check-order").isEnabled()
    for item in range(len(step.items)):
        tap(chip(table, item))
    tap(chip(table, 0))  # a placed item tapped goes back
    assert table.discovery.game is not None and table.discovery.game.state.placed == [1, 2, 3]
    tap(chip(table, 0))
    assert table.discovery.game.state.placed == [1, 2, 3, 0]
    tap(table.button("check-order"))
    text = table.feedback()
    assert text.startswith("Pas tout à fait")
    assert "Le bon ordre :\n1. Des usines de tissus s'installent" in text
    assert step.explanation.get("fr") in text
    assert table.button("step-next").isEnabled()


def drag(widget: QWidget, to: QPoint) -> None:
    """A finger pressed on ``widget``, slid in small moves to ``to`` (window coordinates), lifted."""
    window = widget.window()
    start = widget.mapTo(window, widget.rect().center())
    device = touch_device()
    QTest.touchEvent(window, device).press(0, start, window)
    QTest.qWait(20)
    for step in range(1, 11):
        point = start + (to - start) * step / 10
        QTest.touchEvent(window, device).move(0, point, window)
        QTest.qWait(10)
    QTest.touchEvent(window, device).release(0, to, window)
    QApplication.processEvents()
    QTest.qWait(20)


def test_an_order_step_by_dragging(table: Table) -> None:
    step = play_to_order_step(table)
    panel = table.view.findChild(OrderPanel)
    assert panel is not None
    placed_box = panel.placed_box
    # Drag the first item into « Votre ordre »: it takes the first place.
    drag(chip(table, 0), placed_box.mapTo(table.view, QPoint(placed_box.width() // 2, 100)))
    game = table.discovery.game
    assert game is not None and game.state.placed == [0]
    # The others by taps, in the wrong order: 0, 3, 2, 1.
    for item in (3, 2, 1):
        tap(chip(table, item))
    assert game.state.placed == [0, 3, 2, 1]
    # Drag « 1 » above « 3 », then « 2 » above « 3 ».
    for item in (1, 2):
        target = chip(table, 3)
        drag(chip(table, item), target.mapTo(table.view, QPoint(target.width() // 2, 4)))
    assert game.state.placed == [0, 1, 2, 3]
    # Dragged back onto « À placer », an item leaves the order.
    pool = panel_now(table).pool_box
    drag(chip(table, 3), pool.mapTo(table.view, QPoint(pool.width() // 2, 60)))
    assert game.state.placed == [0, 1, 2]
    tap(chip(table, 3))
    tap(table.button("check-order"))
    assert table.feedback().startswith("Bravo")
    assert step.explanation.get("fr") in table.feedback()


def panel_now(table: Table) -> OrderPanel:
    panel = table.view.findChild(OrderPanel)
    assert panel is not None
    return panel


def play_by_touch(table: Table, *, right: bool) -> None:
    """Every step with a finger: the right answers, or the first wrong one, to the end screen."""
    game = table.discovery.game
    assert game is not None
    while not game.finished:
        step = game.step
        if isinstance(step, QuizStep):
            tap(table.button(f"answer-{step.right if right else (step.right + 1) % len(step.answers)}"))
        elif isinstance(step, MapStep):
            if not right:
                wrong = next(p.id for p in table.discovery.choices() if p.id != step.place)
                tap(table.find(f"place-choice:{wrong}"))
            tap(table.find(f"place-choice:{step.place}"))
        elif isinstance(step, OrderStep):
            order = range(len(step.items)) if right else reversed(range(len(step.items)))
            for item in order:
                tap(chip(table, item))
            tap(table.button("check-order"))
        if not isinstance(step, QuizStep | MapStep | OrderStep):
            assert table.button("step-next").isEnabled()
        else:
            assert table.feedback()  # something is always said after an answer
        table.next()


def test_a_whole_bundled_activity_played_to_its_badge_and_take_home_page(table: Table) -> None:
    table.start("culture-numerique", team="renards")
    play_by_touch(table, right=True)
    title = table.find("end-title")
    assert isinstance(title, QLabel) and title.text() == "Bravo, 🦊 Les Renards !"
    score = table.find("end-score")
    assert isinstance(score, QLabel) and score.text() == "8 bonnes réponses du premier coup sur 8"
    badge = table.find("end-badge")
    assert isinstance(badge, QLabel) and badge.text() == "Badge Super-explorateurs"
    url = table.find("take-home-url")
    assert isinstance(url, QLabel) and "internetsanscrainte.fr" in url.text()
    code = table.find("take-home-qr")
    assert isinstance(code, QrWidget) and code.link == "https://www.internetsanscrainte.fr/"
    assert table.find("progress").property("value") == 10
    (summary,) = table.stats.summary()
    assert (summary.started, summary.finished) == (1, 1)
    assert all(s.answered == 1 and s.right_first_time == 1 for s in summary.steps)

    tap(table.button("step-previous"))  # back from the end screen, then on again: finished counts once
    table.next()
    assert table.stats.summary()[0].finished == 1


def test_a_team_that_gets_everything_wrong_is_still_encouraged(table: Table) -> None:
    table.start("loisirs-pres-de-chez-moi", team="castors")
    play_by_touch(table, right=False)
    badge = table.find("end-badge")
    assert isinstance(badge, QLabel) and "continuez à explorer" in badge.text()
    assert table.view.findChild(QLabel, "take-home-url") is None  # this activity has no take-home page
    assert "Faux" not in " ".join(label.text() for label in table.view.findChildren(QLabel))


def test_reset_ends_the_activity_and_keeps_nothing_of_the_team(table: Table, tmp_path: Path) -> None:
    table.start("quartier-union", team="dauphins")
    table.next()
    table.discovery.reset()
    assert table.discovery.game is None and table.discovery.chosen is None
    texts = " ".join(label.text() for label in table.view.findChildren(QLabel) if label.isVisible())
    assert "Dauphins" not in texts
    assert not table.button("step-next").isVisible()
    table.discovery.next_step()  # nothing to move on
    assert table.discovery.game is None
    stored = (tmp_path / "activity-stats.sqlite").read_bytes()
    assert b"dauphins" not in stored.lower() and b"Dauphins" not in stored
    (summary,) = table.stats.summary()
    assert (summary.started, summary.finished) == (1, 0)


def test_the_teacher_chooses_the_activity_groups_start_on(table: Table) -> None:
    assert table.discovery.entry_activity() is None  # the children choose
    table.discovery.set_start_activity("culture-numerique")
    entry = table.discovery.entry_activity()
    assert entry is not None and entry.id == "culture-numerique"
    table.discovery.set_start_activity(None)
    assert table.discovery.entry_activity() is None


def test_a_map_step_whose_place_is_gone_is_left_out(table: Table) -> None:
    snapshot = bundled_snapshot()
    table.discovery.set_snapshot(Snapshot(places=(), activities=snapshot.activities))
    table.start("quartier-union")
    game = table.discovery.game
    assert game is not None
    assert not any(isinstance(s, MapStep) for s in game.steps)
    assert len(game.steps) == 4


def test_read_aloud_shows_only_with_a_voice_for_the_language(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    session = Session(RESOURCES / "translations", "fr", ZoneInfo("Europe/Paris"), clock)
    discovery = DiscoveryService(None, date.today, ORIGIN)
    discovery.set_snapshot(bundled_snapshot())
    speech = Speech(["mock"])  # Qt's test engine: English, Finnish and Norwegian voices, no French
    view = ActivityView(session, discovery, speech, tmp_path)
    view.resize(1600, 900)
    view.show()
    try:
        assert discovery.choose("culture-numerique") and discovery.begin("hiboux")
        session.set_language("en")
        assert not view.read_aloud.isVisible()  # the engines are not known yet
        with qtbot.waitSignal(speech.availabilityChanged, timeout=5000):
            speech.probe()  # in the speech thread; the view follows what it reports
        assert view.read_aloud.isVisible()
        session.set_language("fr")
        assert not view.read_aloud.isVisible()
        session.set_language("en")
        assert view.read_aloud.isVisible()
        tap(view.read_aloud)
        assert view.spoken and "Getting it wrong is fine" in view.spoken[0]
        session.set_language("nl")
        assert not view.read_aloud.isVisible()
        assert Speech([]).available("fr") is False  # no engine at all (speech-dispatcher absent): no button
    finally:
        speech.shutdown()
        view.close()
        session.reset()


# The window holds the map's web view, whose renderer warns that offscreen has no GPU (not this test's subject).
@pytest.mark.qt_log_ignore(
    "QRhiGles2", "Failed to create RHI", "Vulkan", "GBM is not supported", "GPUInfo not initialized"
)
def test_the_home_door_leads_through_the_team_names_to_the_activity(
    qapp: QApplication, tmp_path: Path, clock: FakeClock
) -> None:
    from kiosk.views.window import KioskWindow  # noqa: PLC0415

    session = Session(RESOURCES / "translations", "fr", ZoneInfo("Europe/Paris"), clock)
    discovery = DiscoveryService(ActivityStats(tmp_path / "s.sqlite"), date.today, ORIGIN)
    window = KioskWindow(session, ["fr", "en", "nl"], ORIGIN, "Ici")
    window.add_discovery(discovery, None, tmp_path)
    window.resetters.append(discovery.reset)
    snapshot = bundled_snapshot()
    discovery.set_snapshot(snapshot)
    window.set_snapshot(snapshot)
    window.resize(1920, 1080)
    window.show()
    try:
        tap(window.home_view.discovery_tile)
        assert window.current == "discovery"
        card = window.discovery_view.findChild(QWidget, "activity-card:loisirs-pres-de-chez-moi")
        assert card is not None
        tap(card)
        assert window.current == "team"
        tap(window.team_view.buttons["abeilles"])
        assert window.current == "activity"
        assert discovery.game is not None and discovery.game.activity.id == "loisirs-pres-de-chez-moi"
        tap(window.nav.back)  # leaving the activity ends it; the chosen activity waits for a team
        assert window.current == "team" and discovery.game is None
        tap(window.team_view.buttons["hiboux"])
        window.reset_visitor()  # the idle reset
        assert window.current == "home" and discovery.game is None and discovery.chosen is None

        discovery.set_start_activity("quartier-union")  # the teacher's choice: straight to the team names
        tap(window.home_view.discovery_tile)
        assert window.current == "team"
        assert window.team_view.activity_title.text().endswith("Découvre le quartier de l'Union")
    finally:
        window.allow_close = True
        window.close()
        session.reset()


def test_kiosk_screenshot_discovery_renders_the_activities(qapp: QApplication, tmp_path: Path) -> None:
    import os  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    from PySide6.QtGui import QImage  # noqa: PLC0415

    out = tmp_path / "discovery.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "kiosk", "screenshot", "discovery", "--out", str(out)]
    result = subprocess.run(
        [*command, "--data-dir", str(tmp_path / "data"), "--lang", "nl"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1920, 1080)
    colours = {image.pixel(x, y) for x in range(0, 1920, 48) for y in range(0, 1080, 27)}
    assert len(colours) > 10
