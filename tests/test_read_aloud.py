"""« Lire à voix haute » on the event detail: offered only with a voice, stopped when the visitor moves on."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.services.speech import Speech
from tests.helpers_qt import tap

WEB_VIEW_NOISE = ("QRhiGles2", "Failed to create RHI", "Vulkan", "GBM is not supported", "GPUInfo not initialized")


@pytest.mark.qt_log_ignore(*WEB_VIEW_NOISE)
def test_the_event_is_read_in_the_visitors_language(kiosk: Kiosk, qtbot: QtBot) -> None:
    speech = Speech(["mock"])  # Qt's test engine: English, Finnish and Norwegian voices, no French
    speech.probe()
    view = kiosk.window.event_view
    view.set_speech(speech)
    first = next(iter(kiosk.content.snapshot.upcoming(kiosk.session.now())))
    kiosk.window.go("event", first.id)
    assert not view.read_aloud.isVisible()  # French: no voice here
    kiosk.session.set_language("en")
    assert view.read_aloud.isVisible()
    text = view.spoken_text()
    assert text.startswith(first.title.get("en")) and first.description.get("en") in text
    tap(view.read_aloud)
    engine = speech._engines[0]  # the mock engine tells whether it speaks
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking, timeout=2000)  # starts asynchronously
    tap(kiosk.window.nav.back)
    assert engine.state() != QTextToSpeech.State.Speaking  # moving on stops the reading


@pytest.mark.qt_log_ignore(*WEB_VIEW_NOISE)
def test_the_place_is_read_aloud_and_stops_when_the_visitor_goes_back(kiosk: Kiosk, qtbot: QtBot) -> None:
    speech = Speech(["mock"])
    speech.probe()
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
    tap(detail.read_aloud)
    engine = speech._engines[0]
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking, timeout=2000)  # starts asynchronously
    other = next(p for p in kiosk.content.snapshot.places if p.id != place.id)
    kiosk.window.map_view.show_place(other.id)  # a tap on another marker
    assert engine.state() != QTextToSpeech.State.Speaking
    QTest.qWait(10)  # the panel lays out the new place
    tap(detail.read_aloud)
    qtbot.waitUntil(lambda: engine.state() == QTextToSpeech.State.Speaking, timeout=2000)  # read again
    tap(detail.back)
    assert not detail.isVisible() and engine.state() != QTextToSpeech.State.Speaking
