"""A pseudo-translation 40 % longer than French: no screen clips or hides a string.

Each visitor string is replaced by itself wrapped in brackets and lengthened by 40 % (the usual
allowance for English, Dutch and other languages), then every screen is laid out at 1080p and each
visible label and button is checked to have the room its text asks for.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_config
from tests.conftest import FakeClock

WEB_VIEW_NOISE = ("QRhiGles2", "Failed to create RHI", "Vulkan", "GBM is not supported", "GPUInfo not initialized")
SCREENS = ("home", "programme", "event", "staff", "signage", "attract", "maintenance")


class LongerTranslator(QTranslator):
    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        padding = "·" * max(2, round(len(source) * 0.4))
        return f"[{source}{padding}]"


@pytest.fixture
def pseudo_kiosk(qapp: object, clock: FakeClock, data_dir: Path) -> Iterator[Kiosk]:
    translator = LongerTranslator()
    QCoreApplication.installTranslator(translator)
    built = build_kiosk(load_config(), data_dir, clock=clock)
    built.content.refresh_now()
    built.window.resize(1920, 1080)
    built.window.show()
    try:
        yield built
    finally:
        built.shutdown()
        QCoreApplication.removeTranslator(translator)


def _problems(screen: QWidget) -> list[str]:
    found = []
    for text in screen.window().findChildren(QLabel):
        if not text.isVisible() or not text.text():
            continue
        if text.wordWrap():
            needed = text.heightForWidth(text.width())
            if needed > text.height() + 2:
                found.append(f"label {text.text()[:30]!r}: {text.height()} px tall, needs {needed}")
        elif text.sizeHint().width() > text.width() + 2:
            found.append(f"label {text.text()[:30]!r}: {text.width()} px wide, needs {text.sizeHint().width()}")
    for button in screen.window().findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.sizeHint().width() > button.width() + 2:
            found.append(f"button {button.text()[:30]!r}: {button.width()} px wide, needs {button.sizeHint().width()}")
    return found


@pytest.mark.qt_log_ignore(*WEB_VIEW_NOISE)
@pytest.mark.parametrize("screen", SCREENS)
def test_no_string_is_clipped_when_translations_run_long(pseudo_kiosk: Kiosk, screen: str) -> None:
    window = pseudo_kiosk.window
    QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    if screen == "event":
        first = next(iter(pseudo_kiosk.content.snapshot.upcoming(pseudo_kiosk.session.now())))
        window.go("event", first.id)
    elif screen in ("signage", "attract", "maintenance"):
        window.go(screen)
    else:
        window.go(screen)
    if screen == "staff":
        window.screens["staff"].show_panel()  # type: ignore[attr-defined]
    assert window.home_view.welcome.text().startswith("[") or screen != "home"
    problems = _problems(window.screens[screen])
    assert not problems, "\n".join(problems)


def test_the_check_sees_a_clipped_label(qapp: object) -> None:
    window = QWidget()
    cramped = QLabel("Une phrase bien trop longue pour sa boîte", window)
    cramped.setWordWrap(True)
    cramped.setGeometry(0, 0, 120, 20)
    squeezed = QLabel("Encore une phrase trop longue", window)
    squeezed.setGeometry(0, 40, 60, 40)
    window.show()
    try:
        problems = _problems(window)
        assert len(problems) == 2, problems
    finally:
        window.close()
