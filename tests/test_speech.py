"""Reading aloud's engines live in a thread of their own: the GUI thread never waits on them, nor on their daemon."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QThread, QTimer
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from kiosk.app import build_kiosk
from kiosk.config import load_config
from kiosk.services.speech import STOP_WAIT_MS, Speech
from tests.conftest import FakeClock

STAND_IN = Path(__file__).with_name("speechd_stand_in.py")
needs_speechd = pytest.mark.skipif(
    "speechd" not in QTextToSpeech.availableEngines(), reason="Qt's speech-dispatcher engine (libspeechd) is absent"
)


class Ticks:
    """A 10 ms timer on the GUI thread, noting at each tick whether ``language`` can be read aloud."""

    def __init__(self, speech: Speech, language: str) -> None:
        self.seen: list[bool] = []
        self._timer = QTimer()
        self._timer.timeout.connect(lambda: self.seen.append(speech.available(language)))
        self._timer.start(10)

    def stop(self) -> None:
        self._timer.stop()


def test_the_engines_are_made_in_their_thread_while_the_gui_thread_goes_on(
    qapp: QCoreApplication, qtbot: QtBot
) -> None:
    go_on = threading.Event()
    made_in: list[QThread] = []
    released: list[bool] = []

    def slow_mock(name: str, parent: QObject) -> QTextToSpeech:
        made_in.append(QThread.currentThread())
        released.append(go_on.wait(10))  # a slow engine, made once the GUI thread has shown that it goes on
        return QTextToSpeech(name, parent)

    speech = Speech(["mock"], engine_factory=slow_mock)
    ticks = Ticks(speech, "en")
    try:
        speech.probe()
        qtbot.waitUntil(lambda: len(ticks.seen) >= 3, timeout=3000)
        go_on.set()
        qtbot.waitUntil(lambda: speech.available("en"), timeout=5000)
    finally:
        go_on.set()
        ticks.stop()
    assert released == [True]  # the GUI thread ticked while the engine was being made
    assert ticks.seen[:3] == [False, False, False]
    assert made_in and made_in[0] is not qapp.thread()
    thread = made_in[0]
    assert speech._engines[0].engine.thread() is thread
    assert not speech.available("fr")  # the mock engine has no French voice
    speech.shutdown()
    assert thread.isFinished()
    assert not speech.available("en") and not speech.say("Hello", "en")


@dataclass
class StandIn:
    """speech-dispatcher's stand-in (tests/speechd_stand_in.py), its socket and what it was told."""

    process: subprocess.Popen[bytes]
    socket: Path
    log: Path

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()

    def stop(self) -> None:
        self.process.kill()
        self.process.communicate()  # and its pipes closed

    def release(self) -> None:
        """Let a ``--hold`` stand-in give its first answer."""
        assert self.process.stdin is not None
        self.process.stdin.write(b"go\n")
        self.process.stdin.flush()


def start_stand_in(folder: Path, *options: str) -> StandIn:
    """The stand-in, once it listens."""
    socket, log = folder / "s.sock", folder / "speechd.log"  # a Unix socket's path is 107 bytes at most
    log.touch()
    command = [sys.executable, str(STAND_IN), str(socket), str(log), *options]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdout is not None
    assert process.stdout.readline() == b"listening\n"
    return StandIn(process, socket, log)


@pytest.fixture
def stand_in(tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[StandIn]:
    """A stand-in that holds its first answer, with French and English voices (and the default locale's)."""
    daemon = start_stand_in(tmp_path, "--hold", "--voice", "fr", "--voice", "en", "--voice", QLocale().name())
    try:
        monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{daemon.socket}")
        yield daemon
    finally:
        # libspeechd crashes if its daemon goes in the middle of a call: an engine left waiting (a failed test)
        # is answered, and hangs up, first.
        daemon.release()
        with contextlib.suppress(WaitTimeout):
            qtbot.waitUntil(lambda: "hung up" in daemon.lines(), timeout=5000)
        daemon.stop()


@needs_speechd
def test_speech_dispatcher_keeps_only_the_speech_thread_waiting(stand_in: StandIn, qtbot: QtBot) -> None:
    # PySide keeps the GIL through a C++ call made from Python: an engine loaded by a Python call, even in another
    # thread, would stop the GUI thread's Python as long as the daemon keeps it waiting.
    speech = Speech(["speechd"])
    ticks = Ticks(speech, "fr")
    try:
        speech.probe()
        qtbot.waitUntil(lambda: len(ticks.seen) >= 3, timeout=3000)
        assert not any(ticks.seen)
        assert any(line.startswith("SET SELF CLIENT_NAME") for line in stand_in.lines())  # the engine is waiting
        stand_in.release()
        qtbot.waitUntil(lambda: speech.available("fr"), timeout=15000)
        assert "released" in stand_in.lines()  # by the test, which went on meanwhile, not after holding too long
        assert speech.available("en") and not speech.available("fi")

        def voice_before_speaking(text: str) -> str:
            lines = stand_in.lines()
            spoken = lines.index(f"SPEAK {text}")
            return next(line for line in reversed(lines[:spoken]) if line.startswith("SET SELF SYNTHESIS_VOICE"))

        assert speech.say("Bonjour à tous", "fr")  # asked of the engine, in its thread
        qtbot.waitUntil(lambda: "SPEAK Bonjour à tous" in stand_in.lines(), timeout=3000)
        assert voice_before_speaking("Bonjour à tous").startswith("SET SELF SYNTHESIS_VOICE Voice-fr")
        assert speech.say("Hello everyone", "en")
        qtbot.waitUntil(lambda: "SPEAK Hello everyone" in stand_in.lines(), timeout=3000)
        assert voice_before_speaking("Hello everyone").startswith("SET SELF SYNTHESIS_VOICE Voice-en")
        assert not speech.say("  ", "en") and not speech.say("Hei", "fi")
        speech.stop()
        qtbot.waitUntil(lambda: stand_in.lines()[-1].upper() == "CANCEL ALL", timeout=3000)
    finally:
        ticks.stop()
        speech.shutdown()
    qtbot.waitUntil(lambda: stand_in.lines()[-1] == "hung up", timeout=3000)  # the engine went with its thread


CHILD = """
import logging, sys
from PySide6.QtCore import QCoreApplication, QTimer
from kiosk.services.speech import Speech

logging.basicConfig(level=logging.INFO)
app = QCoreApplication([])
shut_down, left = Speech(["speechd"]), Speech(["speechd"])
shut_down.probe()
left.probe()
QTimer.singleShot(300, app.quit)
app.exec()
shut_down.shutdown()
print("shut down", flush=True)
# `left` is not shut down: the process's exit stops its thread.
"""


@needs_speechd
def test_a_daemon_that_never_answers_delays_the_end_by_the_stop_wait_and_no_crash(tmp_path: Path) -> None:
    daemon = start_stand_in(tmp_path, "--mute")
    try:
        env = dict(os.environ, SPEECHD_ADDRESS=f"unix_socket:{daemon.socket}", QT_QPA_PLATFORM="offscreen")
        result = subprocess.run(
            [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=60, check=False
        )
    finally:
        daemon.stop()
    assert result.returncode == 0, result.stderr
    assert result.stdout == "shut down\n"
    left = f"an engine still waits on its daemon after {STOP_WAIT_MS} ms; its thread is left"
    assert result.stderr.count(left) == 2, result.stderr  # one at shutdown, one at exit
    assert "QThread: Destroyed" not in result.stderr


def test_the_kiosks_shutdown_ends_the_speech_thread(
    qapp: QCoreApplication, qtbot: QtBot, clock: FakeClock, data_dir: Path
) -> None:
    kiosk = build_kiosk(load_config(), data_dir, clock=clock)
    speech = Speech(["mock"], parent=kiosk.window)
    kiosk.window.speech = speech
    with qtbot.waitSignal(speech.availabilityChanged, timeout=5000):
        speech.probe()
    thread = speech._engines[0].engine.thread()
    assert thread.isRunning() and thread is not qapp.thread()
    kiosk.shutdown()
    assert thread.isFinished()
