"""Modes by schedule, idle warning and reset, the staff panel behind its PIN, lockdown."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import ConfigError, load_config, parse_config
from kiosk.content.outbox import Outbox
from kiosk.views.cards import EventCard
from kiosk.views.staff import StaffView
from tests.conftest import RESOURCES, FakeClock
from tests.helpers_qt import enter_pin, open_staff_panel, tap, tap_in, visible_child
from tests.test_pin_and_schedule import Ticker


@pytest.fixture
def ticker() -> Ticker:
    return Ticker()


@pytest.fixture
def kiosk(qapp: object, clock: FakeClock, ticker: Ticker, data_dir: Path) -> Iterator[Kiosk]:
    built = build_kiosk(load_config(), data_dir, clock=clock, monotonic=ticker)
    built.content.refresh_now()
    built.window.resize(1920, 1080)
    built.window.show()
    yield built
    built.shutdown()


def test_the_schedule_switches_modes_and_staff_override_until_next_change(kiosk: Kiosk, clock: FakeClock) -> None:
    # The bundled config: Découverte on Tuesday and Thursday mornings. The fixture clock: Tue 1 Dec, 10:30.
    assert kiosk.modes.mode == "decouverte"
    first = kiosk.window.home_view.tiles.itemAt(0)
    assert first is not None and first.widget() is kiosk.window.home_view.discovery_tile
    clock.now = datetime(2026, 12, 1, 11, 5, tzinfo=UTC)  # 12:05 in Roubaix
    kiosk.modes.update()
    assert kiosk.modes.mode == "accueil"
    kiosk.modes.set_mode_by_staff("affichage")
    assert kiosk.window.shown == "signage"
    assert not kiosk.window.nav.isVisible()
    clock.now = datetime(2026, 12, 3, 7, 59, tzinfo=UTC)  # Thursday 08:59: the override holds
    kiosk.modes.update()
    assert kiosk.modes.mode == "affichage"
    clock.now = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)  # 09:00: the scheduled change ends it
    kiosk.modes.update()
    assert kiosk.modes.mode == "decouverte"
    assert kiosk.window.shown == "home"


def test_signage_touch_only_says_who_to_ask(kiosk: Kiosk) -> None:
    kiosk.modes.set_mode_by_staff("affichage")
    tap(kiosk.window.signage_view)
    assert kiosk.window.shown == "signage"
    assert "Appelez un animateur" in kiosk.window.signage_view.call.text()


def test_idle_warning_then_reset_then_attract(kiosk: Kiosk, ticker: Ticker) -> None:
    window, idle = kiosk.window, kiosk.idle
    tap(window.home_view.language_buttons["en"])
    tap(window.home_view.programme_tile)
    assert window.current == "programme"
    ticker.now += 89
    idle.check()
    assert not window.idle_overlay.isVisible()
    ticker.now += 1
    idle.check()
    assert window.idle_overlay.isVisible()
    assert "20" in window.idle_overlay.seconds.text()
    tap(window.idle_overlay.keep)  # « Continuer »: the visitor stays where they were
    assert not window.idle_overlay.isVisible() and window.current == "programme"

    ticker.now += 90
    idle.check()
    assert window.idle_overlay.isVisible()
    # A touch on the dimmed screen, over a card: it answers the question and opens nothing beneath.
    card = next(c for c in window.programme_view.findChildren(EventCard) if c.isVisible())
    tap(
        window.idle_overlay,
        window.idle_overlay.mapFrom(window, card.mapTo(window, card.rect().topLeft())) + QPoint(40, 20),
    )
    assert not window.idle_overlay.isVisible() and window.current == "programme"

    ticker.now += 90
    idle.check()
    ticker.now += 12
    idle.check()
    assert "8" in window.idle_overlay.seconds.text()
    ticker.now += 8
    idle.check()
    assert window.shown == "home" and not window.idle_overlay.isVisible()
    assert kiosk.session.language == "fr"  # nothing of the visitor survives
    assert not window.nav.back.isEnabled()
    ticker.now += 300
    idle.check()
    assert window.shown == "attract"
    tap(window.attract_view)
    assert window.shown == "home"


def test_staff_pin_panel_actions_audit_and_timeout(kiosk: Kiosk, ticker: Ticker, data_dir: Path) -> None:
    window = kiosk.window
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert window.current == "staff"
    view = window.screens["staff"]
    assert isinstance(view, StaffView)
    enter_pin(view, "1111")
    assert view.pages.currentIndex() == 0 and "incorrect" in view.pinpad.message.text()
    enter_pin(view, "2468")
    assert view.pages.currentIndex() == 1 and kiosk.staff.unlocked
    tap(visible_child(view, QPushButton, "staff-mode-hors-service"))
    assert kiosk.modes.mode == "hors-service"
    assert window.shown == "maintenance"
    actions = [entry["action"] for entry in kiosk.staff.audit.entries()]
    assert actions == ["wrong-pin", "unlock", "switch-mode", "lock"]  # the new mode starts afresh, panel closed
    assert not kiosk.staff.unlocked
    assert "2468" not in (data_dir / "audit.log").read_text()


def test_the_panel_closes_with_its_button_and_locks(kiosk: Kiosk) -> None:
    window = kiosk.window
    view = open_staff_panel(window)
    assert (kiosk.staff.unlocked, kiosk.idle.enabled) == (True, False)
    tap_in(view.scroll_area, visible_child(view, QPushButton, "staff-close"))
    assert (kiosk.staff.unlocked, kiosk.idle.enabled) == (False, True)
    assert window.shown == "home"
    assert kiosk.staff.do("quit") is None  # locked: nothing happens


def test_the_panel_closes_itself_after_two_minutes_without_a_touch(kiosk: Kiosk, ticker: Ticker) -> None:
    window = kiosk.window
    view = open_staff_panel(window)
    ticker.now += 100
    tap(visible_child(view, QPushButton, "staff-refresh"))  # a touch: the two minutes start again
    ticker.now += 100
    kiosk.staff.check()
    assert kiosk.staff.unlocked
    ticker.now += 20
    kiosk.staff.check()
    assert not kiosk.staff.unlocked
    assert window.shown == "home"
    assert [e["reason"] for e in kiosk.staff.audit.entries() if e["action"] == "lock"] == ["timeout"]


def test_long_press_on_the_logo_asks_for_the_pin(kiosk: Kiosk, clock: FakeClock) -> None:
    logo = kiosk.window.header.logo
    QTest.mousePress(logo, Qt.MouseButton.LeftButton)
    QTest.qWait(3200)
    QTest.mouseRelease(logo, Qt.MouseButton.LeftButton)
    assert kiosk.window.current == "staff"


def test_a_short_press_on_the_logo_does_nothing(kiosk: Kiosk) -> None:
    logo = kiosk.window.header.logo
    QTest.mousePress(logo, Qt.MouseButton.LeftButton)
    QTest.qWait(300)
    QTest.mouseRelease(logo, Qt.MouseButton.LeftButton)
    QTest.qWait(3000)
    assert kiosk.window.current == "home"


@pytest.mark.parametrize(
    ("staff", "message"),
    [
        ('pin = "1234"', "staff: a plain PIN is not accepted"),
        ('pin_hash = "1234"', "staff.pin_hash: a plain PIN is not accepted here"),
        ('pin_hash = "secret"', "staff.pin_hash: not a PIN hash"),
    ],
)
def test_a_plain_pin_is_refused_at_start(staff: str, message: str, tmp_path: Path) -> None:
    text = '[kiosk]\nid = "t"\nlocation = { name = "x", lat = 50.7, lon = 3.17 }\n[staff]\n' + staff + "\n"
    with pytest.raises(ConfigError, match=message):
        parse_config(text, base_dir=tmp_path)


def test_sleep_outside_opening_hours(qapp: object, data_dir: Path, tmp_path: Path) -> None:
    text = (
        (RESOURCES / "config" / "kiosk.toml")
        .read_text()
        .replace(
            'default = "accueil"',
            'default = "accueil"\nsleep_outside_hours = true\n'
            'opening_hours = [{ days = ["tue", "wed", "thu", "fri", "sat"], start = 09:30:00, end = 18:00:00 }]',
        )
    )
    config = parse_config(text, base_dir=RESOURCES / "config")
    clock = FakeClock(datetime(2026, 12, 1, 19, 0, tzinfo=UTC))  # 20:00, closed
    kiosk = build_kiosk(config, data_dir, clock=clock)
    try:
        kiosk.modes.update()
        assert kiosk.window.shown == "sleep" and not kiosk.window.header.isVisible()
        clock.now += timedelta(hours=14)  # 10:00 next day
        kiosk.modes.update()
        assert kiosk.window.shown == "home"
    finally:
        kiosk.shutdown()


def test_teachers_choose_the_activity_from_the_panel_and_see_its_counts(kiosk: Kiosk) -> None:
    window = kiosk.window
    view = open_staff_panel(window)
    tap_in(view.scroll_area, visible_child(view, QPushButton, "staff-discovery-culture-numerique"))
    assert window.discovery.start_activity == "culture-numerique"
    assert kiosk.staff.unlocked  # the panel stays open for the next choice
    tap_in(view.scroll_area, visible_child(view, QPushButton, "staff-discovery-choice"))
    assert window.discovery.start_activity is None
    assert [e["argument"] for e in kiosk.staff.audit.entries() if e["action"] == "discovery-start"] == [
        "culture-numerique",
        None,
    ]


def test_staff_export_the_pending_sign_ups_to_a_private_file(kiosk: Kiosk, data_dir: Path) -> None:
    from tests.signups.helpers import NAME, signup  # noqa: PLC0415

    outbox = Outbox(data_dir / "signups.sqlite")
    outbox.add(signup())
    outbox.add(signup())
    window = kiosk.window
    view = open_staff_panel(window)
    tap_in(view.scroll_area, visible_child(view, QPushButton, "staff-export-signups"))
    [exported] = (data_dir / "exports").glob("signups-*.csv")
    assert exported.stat().st_mode & 0o777 == 0o600
    assert exported.read_text().count(NAME) == 2
    assert outbox.pending() == []
    assert "2 inscription(s) exportée(s)" in visible_child(view, QLabel, "staff-message").text()
