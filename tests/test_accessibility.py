"""Inclusive by design: contrast of both themes, text up to 200 %, touch targets everywhere."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

from kiosk.app import Kiosk
from kiosk.content import geo
from kiosk.screens import open_screen
from kiosk.ui.contrast import component_pairs, contrast, text_pairs
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL, Tokens
from tests.helpers_qt import tap
from tests.test_pseudo_localisation import WEB_VIEW_NOISE, _problems

INTERACTIVE = ("home", "programme", "event", "staff")


@pytest.mark.parametrize("tokens", [NORMAL, HIGH_CONTRAST], ids=lambda t: t.name)
def test_every_text_pair_meets_wcag_aa(tokens: Tokens) -> None:
    for name, fg, bg in text_pairs(tokens):
        assert contrast(fg, bg) >= 4.5, f"{tokens.name}: {name} is {contrast(fg, bg):.2f}:1"
    for name, fg, bg in component_pairs(tokens):
        assert contrast(fg, bg) >= 3.0, f"{tokens.name}: {name} is {contrast(fg, bg):.2f}:1"


def test_contrast_formula_on_known_values() -> None:
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def _open(kiosk: Kiosk, screen: str) -> QWidget:
    window = kiosk.window
    if screen == "event":
        first = next(iter(kiosk.content.snapshot.upcoming(kiosk.session.now())))
        window.go("event", first.id)
    else:
        window.go(screen)
    return window.screens[screen]


def _buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.window().findChildren(QAbstractButton) if b.isVisible()]


@pytest.mark.parametrize("screen", INTERACTIVE)
def test_touch_targets_are_64_px_and_8_px_apart(kiosk: Kiosk, screen: str) -> None:
    widget = _open(kiosk, screen)
    buttons = _buttons(widget)
    assert buttons
    rects = []
    for b in buttons:
        assert b.width() >= 64 and b.height() >= 64, (screen, b.objectName() or b.text(), b.size())
        top_left = b.mapTo(b.window(), b.rect().topLeft())
        rects.append((b, b.rect().translated(top_left)))
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            grown = ra.adjusted(-8, -8, 8, 8)
            assert not grown.intersects(rb), (screen, a.text(), b.text(), "closer than 8 px")


def test_text_size_and_contrast_reset_with_the_visitor(kiosk: Kiosk) -> None:
    tap(kiosk.window.nav.text_size)
    tap(kiosk.window.nav.contrast)
    assert (kiosk.session.text_scale, kiosk.session.high_contrast) == (1.5, True)
    assert kiosk.window.nav.text_size.text() == "A+  150 %"
    kiosk.window.reset_visitor()
    assert (kiosk.session.text_scale, kiosk.session.high_contrast) == (1.0, False)
    assert kiosk.window.nav.text_size.text() == "A+  100 %"


EVERY_SCREEN = (
    *("home", "programme", "event", "signup", "map", "place", "discovery", "activity", "idle"),
    *("staff-pin", "staff", "attract", "signage", "maintenance"),
)


def _open_any(kiosk: Kiosk, screen: str) -> None:
    """As ``kiosk screenshot`` opens it, but the map and a place's detail without waiting for the map's page
    (the native controls, the list and the detail are what is checked here)."""
    if screen not in ("map", "place"):
        open_screen(kiosk, screen)
        return
    kiosk.window.go("map")
    if screen == "place":
        view = kiosk.window.map_view
        nearest = geo.by_distance(kiosk.content.snapshot.places, *view.settings.origin)[0][0]
        view.show_place(nearest.id)


def _outside_parent(window: QWidget) -> list[str]:
    """Visible labels and buttons that stick out of their parent (a scroll area's content may be larger)."""
    found = []
    widgets: list[QLabel | QAbstractButton] = [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]
    for widget in widgets:
        parent = widget.parentWidget()
        if not widget.isVisible() or parent is None or isinstance(parent.parentWidget(), QAbstractScrollArea):
            continue
        if not parent.rect().adjusted(-1, -1, 1, 1).contains(widget.geometry()):
            found.append(f"{type(widget).__name__} {widget.text()[:30]!r}: {widget.geometry()} outside {parent.rect()}")
    return found


def _cut_words(window: QWidget) -> list[str]:
    """Visible wrapped labels with a word wider than the label (a word is not broken: its end is cut).
    Lines may also break after a hyphen, a dash or a slash."""
    found = []
    for text in window.findChildren(QLabel):
        if text.isVisible() and text.wordWrap() and text.text():
            metrics = QFontMetrics(text.font())
            widest = max(re.split(r"\s+|(?<=[-–/])", text.text()), key=metrics.horizontalAdvance)
            if metrics.horizontalAdvance(widest) > text.contentsRect().width() + 2:
                found.append(f"label {text.text()[:30]!r}: {widest!r} is wider than {text.contentsRect().width()} px")
    return found


@pytest.mark.qt_log_ignore(*WEB_VIEW_NOISE)
def test_every_screen_at_200_percent_in_high_contrast_keeps_its_text(kiosk: Kiosk) -> None:
    """One pass over every screen, in Dutch (the longest of the three languages), at 200 % and in high contrast:
    no label or button is cut, nothing sticks out of its parent, the window does not grow."""
    kiosk.session.set_language("nl")
    tap(kiosk.window.nav.text_size)
    tap(kiosk.window.nav.text_size)
    tap(kiosk.window.nav.contrast)
    assert (kiosk.session.text_scale, kiosk.session.high_contrast) == (2.0, True)
    problems: list[str] = []
    for screen in EVERY_SCREEN:
        _open_any(kiosk, screen)
        QTest.qWait(10)  # the layouts settle
        assert kiosk.window.width() == 1920, screen
        found = _problems(kiosk.window) + _outside_parent(kiosk.window) + _cut_words(kiosk.window)
        problems += [f"{screen}: {p}" for p in found]
        problems += [
            f"{screen}: {b.text()!r} is {b.height()} px tall" for b in _buttons(kiosk.window) if b.height() < 64
        ]
        kiosk.window.idle_overlay.hide()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("taps", [0, 2], ids=["100 %", "200 %"])
def test_the_attract_loop_shows_every_event_in_turn_whatever_the_text_size(kiosk: Kiosk, taps: int) -> None:
    """At 200 % fewer events fit on a page: there are more pages, and none is left out."""
    for _ in range(taps):
        tap(kiosk.window.nav.text_size)
    kiosk.window.go("attract")
    view = kiosk.window.attract_view
    upcoming = [e.id for e in list(kiosk.content.snapshot.upcoming(kiosk.session.now()))[:12]]
    seen: list[str] = []
    pages = []
    while not seen or view.page_events()[0].id != upcoming[0]:
        pages.append(len(view.page_events()))
        seen += [e.id for e in view.page_events()]
        view.next_page()
    assert seen == upcoming
    assert (max(pages) == view.per_page) is (taps == 0), pages  # at 200 %, fewer on each page
