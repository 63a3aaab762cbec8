"""What visitors see: plain text whatever the source sends, kinetic lists, a locked-down window."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import parse_config
from kiosk.ui.qr import QrWidget
from kiosk.ui.widgets import NoContextMenu
from kiosk.views.cards import EventCard
from kiosk.views.window import apply_window_mode
from tests.conftest import FakeClock
from tests.helpers_qt import tap, touch_device

Feed = dict[str, Any]
MakeKiosk = Callable[[Feed], Kiosk]

HOSTILE_TITLE = '<b>Gras</b><img src=x onerror=alert(1)> <a href="javascript:alert(1)">lien</a>'


def feed_with(clock: FakeClock, title: str, status: str = "scheduled", minutes_from_now: int = -30) -> Feed:
    start = clock.now + timedelta(minutes=minutes_from_now)
    return {
        "version": 1,
        "events": [
            {
                "id": "hostile",
                "title": {"fr": title},
                "description": "<script>alert('x')</script>\u202eevil\u200b",
                "start": start.isoformat(),
                "end": (start + timedelta(hours=2)).isoformat(),
                "place": {"name": "<i>Salle</i>", "address": "rue de l'Union"},
                "categories": ["atelier"],
                "status": status,
            }
        ],
    }


@pytest.fixture
def kiosk_on(qapp: object, clock: FakeClock, data_dir: Path, tmp_path: Path) -> Iterator[MakeKiosk]:
    built: list[Kiosk] = []

    def make(feed: Feed) -> Kiosk:
        (tmp_path / "feed.json").write_text(json.dumps(feed))
        config = parse_config(
            '[kiosk]\nid = "t"\nlocation = { name = "Ici", lat = 50.704, lon = 3.1725 }\n'
            '[[sources]]\nname = "f"\nkind = "feed"\nurl = "feed.json"\n',
            base_dir=tmp_path,
        )
        kiosk = build_kiosk(config, data_dir, clock=clock)
        kiosk.content.refresh_now()
        kiosk.window.resize(1920, 1080)
        kiosk.window.show()
        built.append(kiosk)
        return kiosk

    yield make
    for kiosk in built:
        kiosk.shutdown()


def test_markup_from_a_source_is_shown_as_text(kiosk_on: MakeKiosk, clock: FakeClock) -> None:
    kiosk = kiosk_on(feed_with(clock, HOSTILE_TITLE))
    kiosk.window.go("programme")
    card = kiosk.window.programme_view.findChildren(EventCard)[0]
    texts = {label.text(): label.textFormat() for label in card.findChildren(QLabel)}
    assert HOSTILE_TITLE in texts
    assert texts[HOSTILE_TITLE] == Qt.TextFormat.PlainText
    assert texts["<i>Salle</i>"] == Qt.TextFormat.PlainText
    tap(card)
    shown = [label for label in kiosk.window.event_view.findChildren(QLabel) if label.isVisible()]
    assert any(label.text() == HOSTILE_TITLE for label in shown)
    assert any("<script>" in label.text() for label in shown)
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)


def test_an_event_under_way_has_its_badge_and_a_cancelled_one_says_so(kiosk_on: MakeKiosk, clock: FakeClock) -> None:
    kiosk = kiosk_on(feed_with(clock, "Atelier en cours"))
    kiosk.window.go("programme")
    card = kiosk.window.programme_view.findChildren(EventCard)[0]
    assert card.findChild(QLabel, "badge-live") is not None

    cancelled = kiosk_on(feed_with(clock, "Atelier annulé", status="cancelled", minutes_from_now=60))
    cancelled.window.go("programme")
    card = cancelled.window.programme_view.findChildren(EventCard)[0]
    assert card.findChild(QLabel, "badge-live") is None
    badge = card.findChild(QLabel, "badge-status")
    assert badge is not None and badge.text() == "Annulé"


def test_the_header_says_how_old_the_content_is_when_a_source_fails(
    kiosk_on: MakeKiosk, clock: FakeClock, tmp_path: Path
) -> None:
    kiosk = kiosk_on(feed_with(clock, "Atelier"))
    freshness = kiosk.window.header.freshness
    assert freshness.text() == ""  # all is well: nothing to say
    (tmp_path / "feed.json").write_text("<html>502 Bad Gateway</html>")
    clock.now += timedelta(minutes=12)
    kiosk.content.refresh_now()
    assert freshness.text() == "Mis à jour il y a 12 min"
    assert kiosk.window.programme_view.findChildren(EventCard)  # the last good content is still there


# Offscreen, Qt cannot map a screen position back to a widget (QApplication.widgetAt is None), so its
# gesture manager warns once that it found no target; the scroller still gets the touch and scrolls.
@pytest.mark.qt_log_ignore("QGestureManager::deliverEvents: could not find the target for gesture")
def test_lists_scroll_under_a_finger(kiosk_on: MakeKiosk, clock: FakeClock) -> None:
    many = feed_with(clock, "x")
    many["events"] = [
        {
            **many["events"][0],
            "id": f"e{i}",
            "start": (clock.now + timedelta(hours=i)).isoformat(),
            "end": (clock.now + timedelta(hours=i, minutes=30)).isoformat(),
        }
        for i in range(1, 40)
    ]
    kiosk = kiosk_on(many)
    kiosk.window.go("programme")
    view = kiosk.window.programme_view
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    viewport = view.scroll_area.viewport()
    window = viewport.window()
    start = viewport.mapTo(window, QPoint(viewport.width() // 2, viewport.height() - 40))
    device = touch_device()
    QTest.touchEvent(window, device).press(0, start, window)
    assert viewport.height() > 400
    for step in range(1, 13):  # a 360 px flick upwards, within the list
        QTest.qWait(8)
        QTest.touchEvent(window, device).move(0, start - QPoint(0, step * 30), window)
    QTest.touchEvent(window, device).release(0, start - QPoint(0, 360), window)
    QTest.qWait(400)
    assert bar.value() > 200
    assert kiosk.window.current == "programme"  # a drag is not a tap


def test_no_context_menu_reaches_a_widget(kiosk_on: MakeKiosk, clock: FakeClock) -> None:
    kiosk = kiosk_on(feed_with(clock, "Atelier"))
    app = QApplication.instance()
    assert app is not None and kiosk.window.findChild(NoContextMenu) is not None
    seen: list[QEvent.Type] = []
    target = kiosk.window.home_view.programme_tile
    target.contextMenuEvent = lambda event: seen.append(event.type())  # type: ignore[method-assign]
    # Through the window, as the screen delivers a right click and the Menu key (the filter sits on its QWindow).
    handle = kiosk.window.windowHandle()
    assert handle is not None
    point = target.mapTo(kiosk.window, QPoint(5, 5))
    QTest.mouseClick(handle, Qt.MouseButton.RightButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.keyClick(handle, Qt.Key.Key_Menu)
    assert seen == []


def test_full_screen_frameless_with_the_cursor_hidden(qapp: object) -> None:
    window = QMainWindow()
    apply_window_mode(window, fullscreen=True, hide_cursor=True)
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.cursor().shape() == Qt.CursorShape.BlankCursor
    window.close()


WEB_VIEW_NOISE = ("QRhiGles2", "Failed to create RHI", "Vulkan", "GBM is not supported", "GPUInfo not initialized")


@pytest.mark.qt_log_ignore(*WEB_VIEW_NOISE)
def test_signage_shows_a_sign_up_code_for_the_events_on_screen(kiosk_on: MakeKiosk, clock: FakeClock) -> None:
    feed = feed_with(clock, "Atelier avec inscription", minutes_from_now=60)
    feed["events"][0]["registration"] = [{"type": "link", "value": "https://example.org/inscription"}]
    feed["events"].append(
        {
            **feed["events"][0],
            "id": "piege",
            "title": "Piège",
            "registration": [{"type": "link", "value": "javascript:alert(1)"}],
        }
    )
    kiosk = kiosk_on(feed)
    kiosk.modes.set_mode_by_staff("affichage")
    QTest.qWait(10)  # widgets added to a shown layout appear on the next turn of the event loop
    codes = [w for w in kiosk.window.signage_view.findChildren(QrWidget) if w.isVisible()]
    assert [c.link for c in codes] == ["https://example.org/inscription"]
