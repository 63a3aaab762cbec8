"""Usage statistics and the feedback question in a real kiosk, driven by taps; nothing personal is kept."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_config
from kiosk.content.signup import make_request, new_key
from kiosk.content.usage_stats import UsageStats
from kiosk.services.usage import UsageService
from kiosk.ui.barchart import BarChart
from kiosk.ui.feedback import FeedbackCard
from kiosk.views.cards import EventCard
from tests.conftest import FakeClock
from tests.helpers_qt import open_staff_panel, tap, tap_in, visible_child
from tests.test_pin_and_schedule import Ticker

NAME, EMAIL, PHONE = "Gwendoline", "gwendoline.secret@example.fr", "+33698765432"


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


def usage_of(kiosk: Kiosk) -> UsageService:
    assert kiosk.ops is not None and kiosk.ops.usage is not None
    return kiosk.ops.usage


def counts(kiosk: Kiosk) -> dict[tuple[str, str], int]:
    usage = usage_of(kiosk)
    usage.recorder.flush()
    found: dict[tuple[str, str], int] = {}
    for _, kind, key, n in usage.recorder.stats.rows():
        found[(kind, key)] = found.get((kind, key), 0) + n
    return found


def reset_by_idle(kiosk: Kiosk, ticker: Ticker) -> None:
    ticker.now += 90
    kiosk.idle.check()
    ticker.now += 20
    kiosk.idle.check()


def first_event_card(kiosk: Kiosk) -> EventCard:
    cards = [c for c in kiosk.window.programme_view.findChildren(EventCard) if c.isVisible()]
    assert cards
    return cards[0]


def test_a_visit_is_counted_and_the_question_comes_once_back_home(kiosk: Kiosk, ticker: Ticker) -> None:
    window = kiosk.window
    card = window.findChild(FeedbackCard)
    assert card is not None and not card.isVisible()
    tap(window.home_view.programme_tile)  # the first touch starts a visit
    ticker.now += 10
    tap(first_event_card(kiosk))
    assert window.shown == "event"
    ticker.now += 30
    tap(window.nav.home)
    assert window.shown == "home" and card.isVisible()  # back home after using the kiosk: asked, once
    assert card.question.text() == "Ce kiosque vous a-t-il été utile ?"
    assert all(b.height() >= 64 and b.width() >= 64 for b in card.faces.values())
    tap(card.faces["yes"])
    assert card.thanks.isVisible() and not card.faces["no"].isVisible()
    tap(window.home_view.programme_tile)
    tap(window.nav.home)
    assert not card.faces["yes"].isVisible()  # answered: not asked again in this visit
    reset_by_idle(kiosk, ticker)
    assert not card.isVisible()

    found = counts(kiosk)
    assert found[("session", "")] == 1
    assert found[("session_length", "30s-2min")] == 1  # first to last touch: 40 s
    assert found[("screen", "programme")] == 2
    assert found[("screen", "event")] == 1
    assert found[("feedback", "yes")] == 1
    assert sum(n for (kind, _), n in found.items() if kind == "event") == 1


def test_the_question_is_not_asked_without_use_nor_to_the_next_visitor(kiosk: Kiosk, ticker: Ticker) -> None:
    window = kiosk.window
    card = window.findChild(FeedbackCard)
    assert card is not None
    tap(window.home_view.language_buttons["nl"])  # a touch on the home screen only
    assert not card.isVisible()
    tap(window.home_view.programme_tile)
    reset_by_idle(kiosk, ticker)  # the visitor walked away from the programme
    assert window.shown == "home" and not card.isVisible()  # the next person is not asked
    tap(window.home_view.map_tile)
    found = counts(kiosk)
    assert found[("session", "")] == 1 and found[("language", "nl")] == 1
    assert ("feedback", "yes") not in found


def test_choices_and_filters_are_counted(kiosk: Kiosk, ticker: Ticker) -> None:
    window = kiosk.window
    tap(window.home_view.programme_tile)
    chips = [b for b in window.programme_view.chips.findChildren(QPushButton) if b.isVisible() and b.property("value")]
    tap(chips[0])
    category = str(chips[0].property("value"))
    tap(window.nav.home)
    tap(window.home_view.map_tile)
    assert window.shown == "map"
    tap(window.map_view.radius_buttons[1000])
    tap(window.nav.text_size)
    tap(window.nav.contrast)
    found = counts(kiosk)
    assert found[("text_size", "150%")] == 1
    assert found[("contrast", "on")] == 1
    assert found[("filter", f"programme:{category}")] == 1
    assert found[("filter", "map:radius:1000")] == 1


def test_a_staff_visit_is_not_a_visitors(kiosk: Kiosk, ticker: Ticker) -> None:
    window = kiosk.window
    tap(window.home_view.programme_tile)
    window.staffRequested.emit()
    reset_by_idle(kiosk, ticker)
    assert ("session", "") not in counts(kiosk)


def test_the_staff_panel_charts_the_week_and_exports_csv(kiosk: Kiosk, ticker: Ticker, data_dir: Path) -> None:
    window = kiosk.window
    tap(window.home_view.programme_tile)
    reset_by_idle(kiosk, ticker)
    view = open_staff_panel(window)
    chart = visible_child(view, BarChart, "staff-usage-chart")
    assert chart.values[-1] == 1 and sum(chart.values) == 1  # today's visit, in the last bar
    bars = chart.bar_rects()
    assert bars[-1].height() > 0 and all(b.height() == 0 for b in bars[:-1])
    tap_in(view.scroll_area, visible_child(view, QPushButton, "staff-export-stats"))
    files = list((data_dir / "exports").glob("usage-stats-*.csv"))
    assert len(files) == 1
    lines = files[0].read_text().splitlines()
    assert lines[0] == "hour_utc,kind,key,count"
    assert "2026-12-01T09:00Z,session,,1" in lines
    assert "Statistiques exportées" in view.message


def test_nothing_personal_in_the_statistics_the_status_or_the_logs(
    kiosk: Kiosk,
    ticker: Ticker,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
    qtbot: object,
    qasync_loop: asyncio.AbstractEventLoop,
) -> None:
    caplog.set_level(logging.DEBUG)
    window = kiosk.window
    tap(window.home_view.programme_tile)
    tap(first_event_card(kiosk))
    event = window.event_view.current_event
    assert event is not None and kiosk.signups is not None
    request = make_request(new_key(), event.id, event.title.get("fr"), event.start, NAME, EMAIL, PHONE, 2)
    with qtbot.waitSignal(kiosk.signups.recorded, timeout=5000):  # type: ignore[attr-defined]
        kiosk.signups.submit(request)
    tap(window.nav.home)
    card = window.findChild(FeedbackCard)
    assert card is not None
    tap(card.faces["so-so"])
    reset_by_idle(kiosk, ticker)
    found = counts(kiosk)
    assert found[("signup", "")] == 1
    assert kiosk.ops is not None
    kiosk.ops.heartbeat.beat_now()

    stats = UsageStats(data_dir / "usage-stats.sqlite")
    everything = "\n".join(",".join(map(str, row)) for row in stats.rows())
    stored = b"".join(p.read_bytes() for p in data_dir.glob("usage-stats.sqlite*"))
    status = (data_dir / "status.json").read_text()
    for secret in (NAME, EMAIL, PHONE, "gwendoline"):
        assert secret not in caplog.text
        assert secret not in everything and secret.encode() not in stored
        assert secret not in status
