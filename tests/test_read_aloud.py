"""« Lire à voix haute » on the event detail: offered only with a voice, stopped when the visitor moves on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtTest import QTest
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.services.speech import Speech
from tests.helpers_qt import tap

WEB_VIEW_NOISE = ("QRhiGles2", "Failed to create RHI", "Vulkan", "GBM is not supported", "GPUInfo not initialized")
#: The mock engine reads 100 ms a word: a text this long would still be read when a stop is checked (within 1 s).
LONG_TEXT_WORDS = 20


@pytest.fixture
def speech(qtbot: QtBot) -> Iterator[Speech]:
    """Qt's test engine (English, Finnish and Norwegian voices, no French), probed in its thread."""
    speech = Speech(["mock"])
    with qtbot.waitSignal(speech.availabilityChanged, timeout=5000):
        speech.probe()
    yield speech
    speech.shutdown()


def reading(speech: Speech) -> QTextToSpeech:
    """The engine, which tells whether it speaks (it lives in the speech thread: only its state is read)."""
    return speech._engines[0].engine


@pytest.mark.qt_log_ignore(*WEB_VIEW_NOISE)
def test_the_event_is_read_in_the_visitors_language(kiosk: Kiosk, speech: Speech, qtbot: QtBot) -> None:
    view = kiosk.window.event_view
    view.set_speech(speech)
    first = next(iter(kiosk.content.snapshot.upcoming(kiosk.session.now())))
    kiosk.window.go("event", first.id)
    assert not view.read_aloud.isVisible()  # French: no voice here
    kiosk.session.set_language("en")
    assert view.read_aloud.isVisible()
    text = view.spoken_text()
    assert text.startswith(first.title.get("en")) and first.description.get("en") in text
    assert len(text.split()) > LONG_TEXT_WORDS
    tap(view.read_aloud)
    engine = reading(speech)
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking, timeout=2000)  # starts asynchronously
    tap(kiosk.window.nav.back)
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=1000)  # moving on stops the reading


@pytest.mark.qt_log_ignore(*WEB_VIEW_NOISE)
def test_the_place_is_read_aloud_and_stops_when_the_visitor_goes_back(
    kiosk: Kiosk, speech: Speech, qtbot: QtBot
) -> None:
    detail = kiosk.window.map_view.detail
    detail.set_speech(speech)
    place = next(p for p in kiosk.content.snapshot.places if p.description.get("fr") and p.opening_hours.get("fr"))
    kiosk.window.go("map")
    kiosk.window.map_view.show_place(place.id)
    assert detail.isVisible() and not detail.read_aloud.isVisible()  # French: no voice here
    kiosk.session.set_language("en")
    assert detail.read_aloud.isVisible()
    text = detail.spoken_text()
    assert text.startswith(place.name.get("en"))
    assert place.description.get("en") in text and place.opening_hours.get("en") in text
    assert "🚏" not in text  # pictograms are for the eyes
    assert len(text.split()) > LONG_TEXT_WORDS
    tap(detail.read_aloud)
    engine = reading(speech)
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking, timeout=2000)  # starts asynchronously
    other = next(p for p in kiosk.content.snapshot.places if p.id != place.id)
    kiosk.window.map_view.show_place(other.id)  # a tap on another marker
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=1000)
    QTest.qWait(10)  # the panel lays out the new place
    tap(detail.read_aloud)
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking, timeout=2000)  # read again
    tap(detail.back)
    assert not detail.isVisible()
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Ready, timeout=1000)
