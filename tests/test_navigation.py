"""Visitors find their way with a finger: home -> programme -> event -> back -> home."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton

from kiosk.app import Kiosk
from kiosk.views.cards import EventCard
from tests.helpers_qt import tap


def _cards(kiosk: Kiosk, screen: str) -> list[EventCard]:
    return [c for c in kiosk.window.screens[screen].findChildren(EventCard) if c.isVisible()]


def test_touch_from_home_to_an_event_and_back(kiosk: Kiosk, qtbot: object) -> None:
    window = kiosk.window
    assert window.current == "home"
    tap(window.home_view.programme_tile)
    assert window.current == "programme"

    first = _cards(kiosk, "programme")[0]
    tap(first)
    assert window.current == "event"
    title = window.event_view.findChild(QLabel, "event-title")
    event = next(e for e in kiosk.content.snapshot.events if e.id == first.event_id)
    assert title is not None and title.text() == event.title.get("fr")

    tap(window.nav.back)
    assert window.current == "programme"
    tap(window.nav.home)
    assert window.current == "home"
    assert not window.nav.back.isEnabled()


def test_home_highlights_open_their_event(kiosk: Kiosk) -> None:
    card = _cards(kiosk, "home")[0]
    tap(card)
    assert kiosk.window.current == "event"
    assert kiosk.window.event_view.current_event is not None
    assert kiosk.window.event_view.current_event.id == card.event_id


def test_map_tile_opens_the_map_with_places_nearest_first(kiosk: Kiosk) -> None:
    tap(kiosk.window.home_view.map_tile)
    assert kiosk.window.current == "map"
    layout = kiosk.window.map_view.list
    items = [layout.itemAt(i) for i in range(layout.count())]
    cards = [w for item in items if item is not None and (w := item.widget()) is not None and w.objectName()]
    assert len(cards) == len(kiosk.content.snapshot.places)  # the list's cards (its two notes are unnamed)
    assert cards[0].objectName() == "place-card:champ-libre"  # the kiosk stands there
    assert "Vous êtes ici" in " ".join(label.text() for label in cards[0].findChildren(QLabel))


def test_language_switch_changes_every_visible_string(kiosk: Kiosk) -> None:
    home = kiosk.window.home_view
    assert home.programme_tile.title.text() == "Le programme"
    tap(home.language_buttons["en"])
    assert kiosk.session.language == "en"
    assert home.programme_tile.title.text() == "What's on"
    assert kiosk.window.nav.home.text().endswith("Home")
    tap(home.language_buttons["nl"])
    assert home.welcome.text() == "Welkom in Champ Libre"
    assert kiosk.window.nav.back.text().endswith("Terug")
    tap(home.language_buttons["fr"])
    assert home.welcome.text() == "Bienvenue au Champ Libre"


def test_close_and_shortcuts_do_not_leave_the_kiosk(kiosk: Kiosk, qtbot: object) -> None:
    window = kiosk.window
    window.close()
    assert window.isVisible()
    window.go("programme")
    keys = (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
    )
    for key, modifier in keys:
        QTest.keyClick(window, key, modifier)
    assert window.isVisible()
    assert window.current == "programme"


def test_touch_targets_are_at_least_64_px(kiosk: Kiosk) -> None:
    window = kiosk.window
    for screen in ("home", "programme", "map"):
        window.go(screen)
        for b in window.findChildren(QAbstractButton):
            if b.isVisible():
                assert b.width() >= 64 and b.height() >= 64, (screen, b.text(), b.size())
    window.go("programme")
    cards = _cards(kiosk, "programme")
    assert cards and all(c.height() >= 64 for c in cards)


def test_portrait_fits_without_horizontal_overflow(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.resize(1080, 1920)
    for screen in ("home", "programme", "map", "event"):
        window.go(screen)
        assert window.screens[screen].minimumSizeHint().width() <= 1080, screen
        assert window.width() == 1080
    assert isinstance(window.home_view.programme_tile, QPushButton)


def test_the_same_card_tapped_again_soon_after_opens_again(kiosk: Kiosk) -> None:
    """A visitor going back and tapping the same card at once: the second tap on it is not lost."""
    window = kiosk.window
    card = _cards(kiosk, "home")[0]
    for _ in range(2):
        tap(card)
        assert window.current == "event"
        tap(window.nav.back)
        assert window.current == "home"
