"""Inclusive by design: contrast of both themes, text up to 200 %, touch targets everywhere."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.app import Kiosk
from kiosk.ui.contrast import component_pairs, contrast, text_pairs
from kiosk.ui.theme import HIGH_CONTRAST, NORMAL, Tokens
from tests.helpers_qt import tap

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


@pytest.mark.parametrize("screen", ("home", "programme", "event"))
def test_at_200_percent_nothing_is_cut_sideways(kiosk: Kiosk, screen: str) -> None:
    tap(kiosk.window.nav.text_size)
    tap(kiosk.window.nav.text_size)
    assert kiosk.session.text_scale == 2.0
    widget = _open(kiosk, screen)
    assert kiosk.window.width() == 1920  # the window did not grow
    for text in widget.findChildren(QLabel):
        if text.isVisible() and text.text():
            right = text.mapTo(kiosk.window, text.rect().topRight()).x()
            assert right <= kiosk.window.width(), (screen, text.text()[:40], right)
    for b in _buttons(widget):
        assert b.height() >= 64


def test_text_size_and_contrast_reset_with_the_visitor(kiosk: Kiosk) -> None:
    tap(kiosk.window.nav.text_size)
    tap(kiosk.window.nav.contrast)
    assert (kiosk.session.text_scale, kiosk.session.high_contrast) == (1.5, True)
    assert kiosk.window.nav.text_size.text() == "A+  150 %"
    kiosk.window.reset_visitor()
    assert (kiosk.session.text_scale, kiosk.session.high_contrast) == (1.0, False)
    assert kiosk.window.nav.text_size.text() == "A+  100 %"
